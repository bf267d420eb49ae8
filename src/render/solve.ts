// solve's answer: the value found for the input, the metric it gives with the
// target echoed, and the metric's line over its years, as text or as JSON
// (fintech-calc/solve@1).
import type { Decimal } from '../shared/decimal.js';
import type { Case } from '../engine/types.js';
import { visible } from './escape.js';
import { say, type Lang } from './labels.js';
import { displayValue, machineValue, preciseValue, type ValueKind } from './numbers.js';

export const SOLVE_FORMAT = 'fintech-calc/solve@1';

/** How a varied input is shown: an amount (in the output unit), or a ratio or growth rate (in %). */
export type InputKind = 'amount' | 'ratio';

export interface Solution {
  readonly scenario: string;
  readonly file: string;
  readonly case: Case;
  /** The input varied, as --vary named it, and the value found for it. */
  readonly vary: string;
  readonly inputKind: InputKind;
  readonly value: Decimal;
  /** The input is one value every year (varied whole). */
  readonly everyYear: boolean;
  readonly metric: string;
  readonly metricKind: ValueKind;
  readonly target: Decimal;
  /** The metric's value with the input at `value`. */
  readonly result: Decimal;
  readonly iterations: number;
  /**
   * The metric's line (its address without the year) over the years of its table, with the input at `value`; no years
   * for a metric without them.
   */
  readonly line: { readonly name: string; readonly years: readonly (readonly [year: string, value: Decimal])[] };
}

export interface SolveRenderOptions {
  readonly unit: string;
  readonly lang: Lang;
}

/** A value of the metric as people read it, with the unit of an amount: `65,000.0 亿元`, `40.00%`. */
export function metricText(value: Decimal, kind: ValueKind, unit: string): string {
  return `${displayValue(value, kind, unit)}${kind === 'amount' ? ` ${unit}` : ''}`;
}

/** A value of the varied input as people read it: an amount in the output unit, a ratio or rate in %. */
export function inputText(value: Decimal, kind: InputKind, unit: string): string {
  return kind === 'amount' ? `${displayValue(value, 'amount', unit)} ${unit}` : displayValue(value, 'ratio', unit);
}

/** The input's value in full, the metric reached, its line. */
export function renderSolveText(solution: Solution, { unit, lang }: SolveRenderOptions): string {
  const { value, metricKind, line } = solution;
  const answer =
    solution.inputKind === 'amount'
      ? `${preciseValue(value, 'amount', unit)} ${unit}`
      : `${value.times(100).toSignificantDigits(15).toFixed()}% (${value.toSignificantDigits(20).toFixed()})`;
  const show = (x: Decimal) => metricText(x, metricKind, unit);
  const text = [
    `${solution.vary} = ${answer}${solution.everyYear ? say.everyYear(lang) : ''}`,
    say.solved(
      lang,
      solution.metric,
      show(solution.result),
      show(solution.target),
      solution.scenario,
      solution.case,
      solution.iterations,
    ),
    ...(line.years.length > 0
      ? [`${line.name}: ${line.years.map(([year, x]) => `${year} ${displayValue(x, metricKind, unit)}`).join(' | ')}`]
      : []),
  ];
  return `${text.map(visible).join('\n')}\n`;
}

export function renderSolveJson(solution: Solution, { unit }: SolveRenderOptions): string {
  const { metricKind } = solution;
  return `${JSON.stringify({
    format: SOLVE_FORMAT,
    scenario: solution.scenario,
    file: solution.file,
    case: solution.case,
    unit,
    vary: solution.vary,
    value: machineValue(solution.value, solution.inputKind, unit),
    metric: solution.metric,
    target: machineValue(solution.target, metricKind, unit),
    result: machineValue(solution.result, metricKind, unit),
    iterations: solution.iterations,
    line: Object.fromEntries(solution.line.years.map(([year, x]) => [year, machineValue(x, metricKind, unit)])),
  })}\n`;
}
