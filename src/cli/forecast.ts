// `fintech-calc forecast [scenario ...]`: read, forecast, render.
import { forecast } from '../engine/forecast.js';
import { renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { RenderOptions, ScenarioResult } from '../render/options.js';
import { renderTable } from '../render/table.js';
import type { Io } from './io.js';
import { checkOutputOptions, wantsStamp, type Format, type RawOutputOptions } from './options.js';
import { emit, loadScenarios, readSettings, styleFor, tablesOf } from './shared.js';
import type { WatchOption } from './watch.js';

const RENDERERS: Record<Format, (results: readonly ScenarioResult[], options: RenderOptions) => string> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
};

export async function runForecast(scenarioArgs: readonly string[], raw: RawOutputOptions & WatchOption, io: Io): Promise<number> {
  if (raw.watch) return (await import('./watch.js')).watchRuns((watched) => runForecast(scenarioArgs, { ...raw, watch: false }, watched), io, raw.lang);
  const options = checkOutputOptions(raw, io);
  const loaded = await loadScenarios(scenarioArgs.length > 0 ? scenarioArgs : ['baseline'], readSettings(raw.set, options.unit), io);
  const tables = tablesOf(loaded, options.tables);
  // One stamp per scenario (JSON Lines); the stamp module is loaded only when stamping.
  const stampOf = wantsStamp(raw.stamp, options.format) ? (await import('./stamp.js')).stampOf : undefined;
  const stamps = stampOf && (await Promise.all(loaded.map((entry) => stampOf([entry], raw.set, options.unit))));
  const results = loaded.map((entry, i) => ({
    forecast: forecast(entry.scenario, options.cases),
    file: entry.file,
    ...(stamps && { stamp: stamps[i] }),
  }));
  const style = await styleFor(options.color);
  const text = RENDERERS[options.format](results, { unit: options.unit, lang: options.lang, tables, style });
  emit(text, options.out, io);
  return 0;
}
