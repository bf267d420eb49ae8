// What the library's functions do: read scenarios through the CLI's file source,
// run the engine, and return the document that `-f json` prints (parsed from
// the same renderer, so the library and the CLI cannot disagree). Options come
// from JavaScript callers too, so every one is checked here; bad ones are
// UsageErrors, which index.ts turns into FintechCalcError like InputErrors.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Decimal } from '../shared/decimal.js';
import { attribute } from '../engine/analysis/attribution.js';
import { compareForecasts } from '../engine/analysis/diff.js';
import { explainMetric } from '../engine/analysis/explain.js';
import { inputsOf } from '../engine/analysis/inputs.js';
import { findMetric, linesOf } from '../engine/analysis/lines.js';
import { sensitivity as sensitivityOf } from '../engine/analysis/sensitivity.js';
import { forecast as forecastOf, forecastCase } from '../engine/forecast.js';
import { simulate as simulationOf } from '../engine/simulate/simulate.js';
import { CASES, DISTRIBUTIONS, TABLES, type Case, type TableName } from '../engine/types.js';
import { renderDiffJson, type DiffReport } from '../render/diff.js';
import { renderExplainJson } from '../render/explain.js';
import { forecastDocument } from '../render/json.js';
import type { Lang } from '../render/labels.js';
import { renderSensitivityJson } from '../render/sensitivity.js';
import { renderSimulateJson } from '../render/simulate.js';
import { PLAIN } from '../render/style.js';
import { loadScenario as load, type LoadedScenario, type ScenarioSources } from '../scenario/load.js';
import { formatProblem, InputError, Problems, type Problem as InputProblem } from '../scenario/problems.js';
import { parseSettings } from '../scenario/set.js';
import { didYouMean } from '../shared/suggest.js';
import { AMOUNT_UNITS, OUTPUT_UNITS } from '../shared/units.js';
import { UsageError } from '../cli/exit.js';
import { fileSources } from '../cli/files.js';
import { metricError, parseTolerance } from '../cli/arguments.js';

/** The package's folder (for the bundled scenarios): the first above this module (dist/index.js, or src/lib/ in tests) with a scenarios/ folder. */
function packageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'scenarios')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** A problem as the library gives it: flat, as `Problem` in index.ts. */
export interface FlatProblem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly path: string;
  readonly message: string;
}

/** The line the CLI prints for a problem. */
export function problemLine({ file, line, col, path, message }: FlatProblem): string {
  return formatProblem({ pos: { file, line, col }, path, message });
}

/** The problems an error of input or usage carries (a usage error is the CLI's `fintech-calc: error: …`); undefined for any other error. */
export function problemsOf(error: unknown): FlatProblem[] | undefined {
  const flat = ({ pos, path, message }: InputProblem): FlatProblem => ({ ...pos, path, message });
  if (error instanceof InputError) return error.problems.map(flat);
  if (error instanceof UsageError) return [{ file: 'fintech-calc', line: 0, col: 0, path: '', message: error.message }];
  return undefined;
}

/** The public face of a loaded scenario; what the engine needs stays here, out of the caller's reach. */
interface ScenarioHandle {
  readonly name: string;
  readonly title: string;
  readonly file: string;
  readonly files: readonly string[];
}

const loadedScenarios = new WeakMap<object, LoadedScenario>();

function loadedOf(scenario: unknown, argument = 'scenario'): LoadedScenario {
  const loaded = typeof scenario === 'object' && scenario !== null ? loadedScenarios.get(scenario) : undefined;
  if (loaded === undefined) throw new UsageError(`${argument}: expected a scenario from loadScenario()`);
  return loaded;
}

interface Options {
  readonly unit?: string;
  readonly lang?: string;
  readonly case?: string;
  readonly tables?: readonly string[];
}

export async function loadScenario(source: string | { readonly text: string; readonly file?: string }, { set = [], unit = '亿元' }: { readonly set?: readonly string[]; readonly unit?: string }): Promise<ScenarioHandle> {
  const problems = new Problems();
  const settings = parseSettings(set, checkUnit(unit), problems);
  if (!problems.empty) throw new InputError(problems.list);
  const files = fileSources({ packageRoot: packageRoot() });
  const reference = typeof source === 'string' ? source : (source.file ?? '<text>');
  const loaded = await load(reference, typeof source === 'string' ? files : textSource(source.text, reference, files), settings);
  const handle: ScenarioHandle = Object.freeze({ name: loaded.scenario.name, title: loaded.scenario.title, file: loaded.file, files: Object.freeze(loaded.chain.map((link) => link.display)) });
  loadedScenarios.set(handle, loaded);
  return handle;
}

/** Text given by the caller, named `file`; what it extends comes from the files. */
function textSource(text: string, file: string, files: ScenarioSources): ScenarioSources {
  if (typeof text !== 'string') throw new UsageError('text: expected the text of a scenario (a string)');
  return { open: (reference, from, at) => (from === undefined ? { display: file, id: resolve(file), text } : files.open(reference, from, at)) };
}

export function forecast(scenario: unknown, options: Options): object {
  const { file, scenario: checked } = loadedOf(scenario);
  const { cases, unit, lang, tables } = checkOptions(options, [...CASES, 'all']);
  return forecastDocument({ forecast: forecastOf(checked, cases), file }, { unit, lang, tables, style: PLAIN });
}

export function diff(a: unknown, b: unknown, options: Options & { readonly tolerance?: string; readonly attribute?: boolean }): object {
  const [first, second] = [loadedOf(a, 'a').scenario, loadedOf(b, 'b').scenario];
  const { cases, unit, lang, tables } = checkOptions(options, [...CASES, 'all']);
  const tolerance = options.tolerance === undefined ? undefined : parseTolerance(String(options.tolerance), unit, 'tolerance');
  const comparison = compareForecasts(forecastOf(first, cases), forecastOf(second, cases), tables, tolerance);
  const report: DiffReport = {
    comparison,
    rules: [],
    fired: [],
    ...(options.attribute === true && {
      attribution: attribute(first, second, cases, tables, comparison.changes),
      inputAt: (path, side, c, year) => {
        const input = side === 'a' ? first : second;
        const range = inputsOf(input).get(path)?.get(Number(year));
        const kind = input.provenance.get(path)?.kind;
        return range && kind ? { value: range[c], kind } : undefined;
      },
    }),
  };
  return parsed(renderDiffJson(comparison, report, { unit, lang, style: PLAIN, a: first.name, b: second.name }));
}

export function explain(scenario: unknown, metric: string, options: Options): object {
  const { file, scenario: checked } = loadedOf(scenario);
  const { cases, unit, lang } = checkOptions(options, CASES);
  const c = cases[0]!;
  const tree = explainMetric(checked, c, String(metric));
  if (tree === undefined) throw metricError(String(metric), forecastCase(checked, c));
  return parsed(renderExplainJson(tree, c, { unit, lang, file, scenario: checked.name }));
}

export function sensitivity(scenario: unknown, metric: string, options: Options & { readonly swing?: number }): object {
  const { scenario: checked } = loadedOf(scenario);
  const { unit, lang } = checkOptions(options, ['base']);
  const found = findMetric(forecastCase(checked, 'base'), String(metric));
  if (found?.value == null) throw metricError(String(metric), forecastCase(checked, 'base'));
  const swing = options.swing === undefined ? undefined : checkNumber('swing', options.swing, 0, 1, 'a fraction from 0 to 1, e.g. 0.1 for ±10%');
  const result = sensitivityOf(checked, String(metric), swing === undefined ? undefined : new Decimal(String(swing)));
  return parsed(renderSensitivityJson(result, { unit, lang, style: PLAIN, metric, kind: found.kind, scenario: checked.name }));
}

const MAX_SAMPLES = 10_000_000;

export function simulate(scenario: unknown, options: Options & { readonly samples?: number; readonly seed?: number; readonly dist?: string; readonly percentiles?: readonly number[] }): object {
  const { scenario: checked } = loadedOf(scenario);
  const { unit, lang, tables } = checkOptions(options, ['base']);
  const samples = checkNumber('samples', options.samples ?? 10_000, 1, MAX_SAMPLES, `a whole number from 1 to ${MAX_SAMPLES}`, true);
  const seed = checkNumber('seed', options.seed ?? 1, 0, Number.MAX_SAFE_INTEGER, `a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`, true);
  const dist = oneOf('dist', options.dist ?? 'triangular', DISTRIBUTIONS);
  const percentiles = (options.percentiles ?? [5, 50, 95]).map((p) => checkNumber('percentiles', p, 0, 100, 'numbers from 0 to 100, e.g. [5, 50, 95]'));
  const simulation = simulationOf(checked, { samples, seed, dist, tables });
  const outputs = linesOf(simulation.forecast, tables).flatMap((line) => [...line.values].map(([year, value]) => ({ line, year, value })));
  const stats = simulation.run(outputs.map((output) => output.value), { percentiles });
  const simulated = outputs.map((output, i) => ({ ...output, stats: stats[i]! }));
  return parsed(renderSimulateJson(simulated, { unit, lang, style: PLAIN, scenario: checked.name, title: checked.title, samples, seed, dist, percentiles, histograms: [] }));
}

function parsed(json: string): object {
  return JSON.parse(json) as object;
}

/** The options every function shares, checked; `cases` are those the function takes. */
function checkOptions(options: Options, cases: readonly string[]): { cases: readonly Case[]; unit: string; lang: Lang; tables: readonly TableName[] } {
  const c = oneOf('case', options.case ?? 'base', cases);
  const tables = options.tables === undefined ? TABLES : [...options.tables].map((table) => oneOf('tables', table, TABLES));
  return { cases: c === 'all' ? CASES : [c as Case], unit: checkUnit(options.unit ?? '亿元'), lang: oneOf('lang', options.lang ?? 'en', ['en', 'zh'] as const), tables };
}

function checkUnit(unit: string): string {
  if (!AMOUNT_UNITS.has(unit)) throw new UsageError(`unit: '${unit}' is not a unit${didYouMean(String(unit), AMOUNT_UNITS.keys())}; expected one of ${OUTPUT_UNITS.join(', ')}`);
  return unit;
}

function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  throw new UsageError(`${option}: '${String(value)}' is not one of ${allowed.join(', ')}${didYouMean(String(value), allowed)}`);
}

function checkNumber(option: string, value: unknown, min: number, max: number, expected: string, whole = false): number {
  if (typeof value !== 'number' || !(value >= min && value <= max) || (whole && !Number.isInteger(value))) throw new UsageError(`${option}: expected ${expected}, got ${String(value)}`);
  return value;
}
