// `fintech-calc forecast [scenario ...]`: read, forecast, render.
import { forecast } from '../engine/forecast.js';
import { renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { RenderOptions, ScenarioResult } from '../render/options.js';
import { renderTable } from '../render/table.js';
import type { SparkStyle } from '../render/spark.js';
import { UsageError } from './exit.js';
import type { Io } from './io.js';
import { checkOutputOptions, wantsStamp, type Format, type RawOutputOptions } from './options.js';
import { emit, loadScenarios, readSettings, styleFor, tablesOf } from './shared.js';

const RENDERERS: Record<Format, (results: readonly ScenarioResult[], options: RenderOptions) => string> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
};

export interface RawForecastOptions extends RawOutputOptions {
  readonly spark?: boolean;
}

export async function runForecast(scenarioArgs: readonly string[], raw: RawForecastOptions, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  if (raw.spark && (options.format === 'json' || options.format === 'csv')) throw new UsageError(`--spark: sparklines are drawn in table and md output, not in ${options.format} (which give every value)`);
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
  // Markdown pages are UTF-8; a terminal may not be.
  const spark = raw.spark ? (options.format === 'md' ? 'unicode' : sparkStyleFor(io.env)) : undefined;
  const text = RENDERERS[options.format](results, { unit: options.unit, lang: options.lang, tables, style, ...(spark && { spark }) });
  emit(text, options.out, io);
  return 0;
}

/** ASCII where the locale (LC_ALL, LC_CTYPE, LANG) does not say UTF-8, or the terminal is dumb; else Unicode blocks. */
export function sparkStyleFor(env: Io['env']): SparkStyle {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale) && env.TERM !== 'dumb' ? 'unicode' : 'ascii';
}
