// What the commands share: reading scenarios with their --set options, choosing
// tables, colour, and writing the output.
import type { Scenario, TableName } from '../engine/types.js';
import { TABLES } from '../engine/types.js';
import { PLAIN, type Style } from '../render/style.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { formatProblem, InputError, Problems, type Problem } from '../scenario/problems.js';
import { parseSetting } from '../scenario/set.js';
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

/** Reads every scenario, applying the --set options; the problems of all are reported together. */
export async function loadScenarios(args: readonly string[], setTexts: readonly string[], io: Io): Promise<LoadedScenario[]> {
  const sources = fileSources(io);
  const settingProblems = new Problems();
  const settings = setTexts.map((text, i) => parseSetting(text, i + 1, settingProblems)).filter((setting) => setting !== undefined);
  if (!settingProblems.empty) throw new InputError(settingProblems.list);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const loaded: LoadedScenario[] = [];
  for (const arg of args) {
    try {
      loaded.push(await loadScenario(arg, sources, settings));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A bad --set is reported once, not once per scenario (a Set: thousands of problems each).
      const lines = error.problems.map(formatProblem);
      problems.push(...error.problems.filter((_, i) => !reported.has(lines[i]!)));
      for (const line of lines) reported.add(line);
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
