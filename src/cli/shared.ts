// What the commands share: reading scenarios with their --set options, choosing
// tables, colour, and writing the output.
import { sectionOf } from '../engine/models/index.js';
import type { TableName } from '../engine/types.js';
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { TABLES } from '../engine/types.js';
import { PLAIN, type Style } from '../render/style.js';
import type { FileReport } from '../render/validate.js';
import { loadScenario, type LoadedScenario, type ScenarioSources } from '../scenario/load.js';
import { formatProblem, InputError, Problems, type Problem } from '../scenario/problems.js';
import { parseSettings, type Setting } from '../scenario/set.js';
import { UsageError } from './exit.js';
import { closest } from '../shared/suggest.js';
import { bundledNames, fileSources, type Io } from './io.js';
import { fileIdentity, writeOutputFile } from './output-file.js';

export { metricError } from './arguments.js';

/** The tables to show: those asked for (each scenario must have them), else all. */
export function tablesOf(
  loaded: readonly LoadedScenario[],
  asked: readonly TableName[] | undefined,
): readonly TableName[] {
  if (asked === undefined) return TABLES;
  for (const { scenario, file } of loaded) {
    const missing = asked.filter((table) => scenario[sectionOf(table)] === undefined);
    if (missing.length > 0) {
      const sections = missing.map(sectionOf).join(', ');
      throw new UsageError(`${file} has no ${missing.join(', ')} table (it lacks ${sections})`);
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

/**
 * Reads every scenario, applying the settings (readSettings), then those given
 * for it alone (`own[i]`, as diff's --set-a and --set-b); the problems of all
 * are reported together.
 */
export async function loadScenarios(
  args: readonly string[],
  settings: readonly Setting[],
  io: Io,
  own: readonly (readonly Setting[])[] = [],
): Promise<LoadedScenario[]> {
  return loadEach(args, io, (arg, i, sources) => loadScenario(arg, sources, [...settings, ...(own[i] ?? [])]));
}

/**
 * `load` of every scenario named, from one fileSources (a file several extend is
 * read once); the problems of all are reported together, each once.
 */
export async function loadEach<T>(
  args: readonly string[],
  io: Io,
  load: (arg: string, i: number, sources: ScenarioSources) => Promise<T>,
): Promise<T[]> {
  const sources = fileSources(io);
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const loaded: T[] = [];
  for (const [i, arg] of args.entries()) {
    try {
      loaded.push(await load(arg, i, sources));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // A bad --set is reported once, not once per scenario (a Set: thousands of problems each).
      const found = withSuggestion(error.problems, arg, io);
      const lines = found.map(formatProblem);
      problems.push(...found.filter((_, i) => !reported.has(lines[i]!)));
      for (const line of lines) reported.add(line);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return loaded;
}

/**
 * Refuses an output path (-o, --samples-file) that names a file the run reads: a
 * scenario or a file it extends would be replaced by the output. Compared as files
 * (fileIdentity), before anything is computed or written.
 */
export function refuseInputsAsOutputs(
  outputs: readonly (readonly [option: string, path: string | undefined])[],
  loaded: readonly LoadedScenario[],
): void {
  for (const [option, path] of outputs) {
    const output = path === undefined ? undefined : fileIdentity(path);
    if (output === undefined) continue;
    for (const { file, chain } of loaded) {
      const input = chain.find((link) => fileIdentity(link.id) === output);
      if (input === undefined) continue;
      const which = input === chain[0] ? `scenario ${file}` : `${input.display}, which scenario ${file} extends`;
      throw new UsageError(`${option} ${path} is an input of this run (${which}); choose another path`);
    }
  }
}

/**
 * The problems of a scenario argument, with what it likely meant when it names
 * nothing: a bundled scenario, or a scenario file in the folder it names (by
 * edit distance); a metric address is pointed to explain.
 */
export function withSuggestion(problems: readonly Problem[], arg: string, io: Io): readonly Problem[] {
  if (existsSync(arg)) return problems;
  const hint = scenarioHint(arg, io);
  if (hint === '') return problems;
  return problems.map((problem) =>
    problem.pos.file === arg && problem.pos.line === 0 ? { ...problem, message: `${problem.message}${hint}` } : problem,
  );
}

const METRIC_ADDRESS = new RegExp(`^(${TABLES.join('|')})\\.[\\w.-]+$`);

/** An argument that reads as a metric address (market.marketSize.2023) rather than a scenario file. */
export function looksLikeMetric(arg: string): boolean {
  return METRIC_ADDRESS.test(arg) && !/\.ya?ml$/i.test(arg);
}

function scenarioHint(arg: string, io: Io): string {
  if (looksLikeMetric(arg)) return ` (a metric? fintech-calc explain ${arg} shows how it is computed)`;
  const folder = dirname(arg);
  let files: string[];
  try {
    files = readdirSync(folder).filter((name) => /\.ya?ml$/i.test(name));
  } catch {
    files = [];
  }
  // Compared by name within the folder: a long path must not make a far name look close.
  const bundled = arg.includes('/') || arg.includes(sep) ? [] : bundledNames(io);
  const file = closest(basename(arg), files);
  if (file !== undefined) return ` (did you mean '${join(folder, file)}'?)`;
  const name = closest(arg.replace(/\.ya?ml$/i, ''), bundled);
  return name === undefined ? '' : ` (did you mean '${name}'?)`;
}

/** Colour (chalk, loaded only then) or plain text. */
export async function styleFor(color: boolean): Promise<Style> {
  if (!color) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, dim: chalk.dim, red: chalk.red, green: chalk.green };
}

/** Each file's report: its stdout part, then its stderr part. */
export function printReports(reports: readonly FileReport[], io: Io): void {
  for (const { stdout, stderr } of reports) {
    if (stdout !== '') io.stdout(stdout);
    if (stderr !== '') io.stderr(stderr);
  }
}

/** To stdout, or to --out through the output-file writer (never a partial file). */
export function emit(output: string | Uint8Array, out: string | undefined, io: Io): void {
  if (out === undefined) io.stdout(output);
  else writeOutputFile(out, output);
}
