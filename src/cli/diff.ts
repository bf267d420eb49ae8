// `fintech-calc diff <a> <b>`: forecast both with the same options, show what differs.
import { Decimal } from '../decimal.js';
import { compareForecasts, type Tolerance } from '../engine/diff.js';
import { forecast } from '../engine/forecast.js';
import { TABLES } from '../engine/types.js';
import { renderDiffCsv, renderDiffJson, renderDiffMarkdown, renderDiffTable, type DiffRenderOptions } from '../render/diff.js';
import type { Comparison } from '../engine/diff.js';
import { AMOUNT_UNITS, unitSize } from '../units.js';
import { didYouMean } from '../suggest.js';
import { EXIT, UsageError } from './exit.js';
import { emit, loadScenarios, styleFor, tablesOf } from './forecast.js';
import type { Io } from './io.js';
import { checkOutputOptions, type Format, type RawOutputOptions } from './options.js';

const RENDERERS: Record<Format, (comparison: Comparison, options: DiffRenderOptions) => string> = {
  table: renderDiffTable,
  json: renderDiffJson,
  csv: renderDiffCsv,
  md: renderDiffMarkdown,
};

export interface RawDiffOptions extends RawOutputOptions {
  readonly tolerance?: string;
}

export async function runDiff(a: string, b: string, raw: RawDiffOptions, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  const tolerance = raw.tolerance === undefined ? undefined : parseTolerance(raw.tolerance, options.unit);
  const [first, second] = await loadScenarios([a, b], raw.set, io);
  const tables = options.tables ?? TABLES;
  tablesOf([first!, second!], options.tables);
  const comparison = compareForecasts(forecast(first!.scenario, options.cases), forecast(second!.scenario, options.cases), tables, tolerance);
  const style = await styleFor(options.color);
  const [nameA, nameB] = columnNames(first!.scenario.name, second!.scenario.name, first!.file, second!.file);
  const text = RENDERERS[options.format](comparison, { unit: options.unit, lang: options.lang, style, a: nameA, b: nameB });
  emit(text, options.out, io);
  return comparison.changes.length === 0 ? EXIT.ok : EXIT.differences;
}

/** How the two sides are named in the output: by scenario name, else file, else a and b. */
function columnNames(nameA: string, nameB: string, fileA: string, fileB: string): [string, string] {
  if (nameA !== nameB) return [nameA, nameB];
  if (fileA !== fileB) return [fileA, fileB];
  return ['a', 'b'];
}

/** `0.5` (an amount in the output unit), `5亿` (an amount with a unit) or `0.1%` (relative). */
export function parseTolerance(text: string, outputUnit: string): Tolerance {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(\S*)\s*$/.exec(text);
  const unit = match?.[2] ?? '';
  if (match && (unit === '%' || unit === '％')) return { kind: 'relative', fraction: new Decimal(match[1]!).dividedBy(100) };
  const size = unit === '' ? unitSize(outputUnit) : unitSize(unit);
  if (!match || size === undefined) {
    const hint = match && unit !== '' ? `unknown unit '${unit}'${didYouMean(unit, AMOUNT_UNITS.keys())}; ` : '';
    throw new UsageError(`--tolerance: ${hint}expected an amount in the output unit (0.5), an amount with a unit (5亿) or a percentage (0.1%), got '${text}'`);
  }
  return { kind: 'absolute', amount: new Decimal(match[1]!).times(size) };
}
