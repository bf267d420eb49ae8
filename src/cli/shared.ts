// What the commands share: reading scenarios with their --set options, choosing
// tables, colour, and writing the output.
import type { Scenario, TableName } from '../engine/types.js';
import { TABLES } from '../engine/types.js';
import { PLAIN, type Style } from '../render/style.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { formatProblem, InputError, Problems, type Problem } from '../scenario/problems.js';
import { parseSettings, type Setting } from '../scenario/set.js';
import { UsageError } from './exit.js';
import { fileSources, writeFileAtomic, type Io } from './io.js';

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

/**
 * The --set options (or another option of path=value settings, named by
 * `option`); a bare amount in them is in `unit`, the output unit.
 */
export function readSettings(texts: readonly string[], unit: string, option = '--set'): Setting[] {
  const problems = new Problems();
  const settings = parseSettings(texts, unit, problems, option);
  if (!problems.empty) throw new InputError(problems.list);
  return settings;
}

/** Reads every scenario, applying the settings (readSettings); the problems of all are reported together. */
export async function loadScenarios(args: readonly string[], settings: readonly Setting[], io: Io): Promise<LoadedScenario[]> {
  const sources = fileSources(io);
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
