// `fintech-calc forecast [scenario ...]`: read, forecast, render.
import type { Scenario, TableName } from '../engine/types.js';
import { TABLES } from '../engine/types.js';
import { forecast } from '../engine/forecast.js';
import { renderCsv } from '../render/csv.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/md.js';
import type { RenderOptions, ScenarioResult } from '../render/options.js';
import { PLAIN, type Style } from '../render/style.js';
import { renderTable } from '../render/table.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { formatProblem, InputError, Problems, type Problem } from '../scenario/problems.js';
import { parseSetting } from '../scenario/set.js';
import { UsageError } from './exit.js';
import { fileSources, writeFileAtomic, type Io } from './io.js';
import { checkOutputOptions, wantsStamp, type Format, type RawOutputOptions } from './options.js';

const RENDERERS: Record<Format, (results: readonly ScenarioResult[], options: RenderOptions) => string> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  md: renderMarkdown,
};

export async function runForecast(scenarioArgs: readonly string[], raw: RawOutputOptions, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  const loaded = await loadScenarios(scenarioArgs.length > 0 ? scenarioArgs : ['baseline'], raw.set, io);
  const tables = tablesOf(loaded, options.tables);
  // The stamp hashes files (node:crypto): loaded only when stamping.
  const stampOf = wantsStamp(raw.stamp, options.format) ? (await import('./stamp.js')).stampOf : undefined;
  const results = loaded.map((entry) => ({
    forecast: forecast(entry.scenario, options.cases),
    file: entry.file,
    ...(stampOf && { stamp: stampOf([entry], raw.set) }),
  }));
  const style = await styleFor(options.color);
  const text = RENDERERS[options.format](results, { unit: options.unit, lang: options.lang, tables, style });
  emit(text, options.out, io);
  return 0;
}

/** The tables to show: those asked for (each scenario must have them), else all. */
export function tablesOf(loaded: readonly LoadedScenario[], asked: readonly TableName[] | undefined): readonly TableName[] {
  if (asked === undefined) return TABLES;
  for (const { scenario, file } of loaded) {
    const missing = asked.filter((table) => scenario[MODULES[table]] === undefined);
    if (missing.length > 0) {
      throw new UsageError(`${file} has no ${missing.join(', ')} table (it lacks ${missing.map((table) => MODULES[table]).join(', ')})`);
    }
  }
  return asked;
}

/** Reads every scenario, applying the --set options; the problems of all are reported together. */
export async function loadScenarios(args: readonly string[], setTexts: readonly string[], io: Io): Promise<LoadedScenario[]> {
  const sources = fileSources(io);
  const settingProblems = new Problems();
  const settings = setTexts.map((text, i) => parseSetting(text, i + 1, settingProblems)).filter((setting) => setting !== undefined);
  if (!settingProblems.empty) throw new InputError(settingProblems.list);
  const problems: Problem[] = [];
  const loaded: LoadedScenario[] = [];
  for (const arg of args) {
    try {
      loaded.push(await loadScenario(arg, sources, settings));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A bad --set is reported once, not once per scenario.
      problems.push(...error.problems.filter((problem) => !problems.some((seen) => formatProblem(seen) === formatProblem(problem))));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
}

const MODULES: Record<TableName, keyof Scenario> = { market: 'supplyChain', profit: 'bankProfit', spend: 'techSpend', labour: 'labourSavings', tech: 'technologies' };

/** Colour (chalk, loaded only then) or plain text. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green };
}

/** To stdout, or atomically to --out. */
export function emit(text: string, out: string | undefined, io: Io): void {
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileAtomic(out, text);
  } catch (error) {
    throw new UsageError(`--out: cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
