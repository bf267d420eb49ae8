// User-defined metrics (docs/metrics.md): formulas over the forecast's lines,
// the inputs and other metrics, written in the scenario and parsed by
// scenario/metrics.ts into the tree below. They are evaluated over MetricCalc,
// so they run on every back-end the models run on: decimal for the forecast,
// recorded for explain (a metric is a line: its node is named by its address).
import { ZERO, type Decimal } from '../shared/decimal.js';
import type { MetricCalc } from './calc/calc.js';
import type { Label, ValueKind, Where, Year, Yearly } from './values.js';

/** What a metric is: an amount (亿元), a ratio (a fraction) or a plain number. */
export type MetricKind = 'amount' | 'ratio' | 'number';
export const METRIC_KINDS: readonly MetricKind[] = ['amount', 'ratio', 'number'];

/** Why a metric has no value in a year (docs/metrics.md: Years), for messages. */
export const NO_METRIC_VALUE =
  'a metric has no value in a year where something it reads has none (prev or growth in the first year, ' +
  'a line outside its years) or where its formula divides by 0';

/** The title of the metrics table. */
export const METRICS_LABEL: Label = { en: 'Metrics', zh: '自定义指标' };

/** Where a reference points, once checked: a line of the forecast, an input by path, or another metric. */
export type RefSource = 'line' | 'input' | 'metric';

/** A node of a formula; `at` is the offset of its first character in the formula (for messages). */
export type Expr =
  | { readonly type: 'number'; readonly at: number; readonly value: Decimal; readonly kind: MetricKind }
  | {
      readonly type: 'ref';
      readonly at: number;
      readonly name: string;
      readonly year?: Year;
      readonly yearAt?: number;
      readonly source?: RefSource;
    }
  | { readonly type: 'negate'; readonly at: number; readonly operand: Expr }
  | { readonly type: 'binary'; readonly at: number; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly type: 'call'; readonly at: number; readonly fn: FunctionName; readonly args: readonly Expr[] };

export type BinaryOp = '+' | '-' | '*' | '/';

/** The functions a formula may call, with how many arguments each takes (max undefined: any number). */
export const FUNCTIONS = {
  prev: { min: 1, max: 1 },
  growth: { min: 1, max: 1 },
  cagr: { min: 3, max: 3 },
  sum: { min: 1, max: undefined },
  min: { min: 1, max: undefined },
  max: { min: 1, max: undefined },
  abs: { min: 1, max: 1 },
} as const;
export type FunctionName = keyof typeof FUNCTIONS;

export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}

/** A metric of a scenario, checked: every reference resolved, its kind known, no cycle. */
export interface MetricDefinition {
  readonly id: string;
  readonly label: Label;
  readonly kind: MetricKind;
  readonly formula: string;
  readonly expr: Expr;
  readonly source?: string;
  /** Where it is written (check flags a metric without a source there). */
  readonly where?: Where;
}

/** The metrics table of a case: each metric's value by year, null where it has none. */
export interface MetricsForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly metrics: readonly {
    readonly id: string;
    readonly label: Label;
    readonly kind: MetricKind;
    readonly values: Yearly<N | null>;
  }[];
}

/** The kind a metric's line is shown as: a plain number as a count is (every digit). */
export function lineKind(kind: MetricKind): ValueKind {
  return kind === 'number' ? 'count' : kind;
}

/** The kind of a value a formula reads: a count (of firms) is a number. */
export function metricKind(kind: ValueKind): MetricKind {
  return kind === 'count' ? 'number' : kind;
}

/** What a metric reads, in one back-end: a line's or an input's value in a year, undefined where it has none. */
export interface MetricReader<N> {
  line(address: string, year: Year): N | undefined;
  input(path: string, year: Year): N | undefined;
}

/**
 * Every metric in every year, in the order they are written; each metric is
 * evaluated once a year, however often it is read.
 */
export function evaluateMetrics<N>(
  calc: MetricCalc<N>,
  definitions: readonly MetricDefinition[],
  years: readonly Year[],
  read: MetricReader<N>,
): MetricsForecast<N> {
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  const done = new Map<string, Map<Year, N | undefined>>();
  const metric = (id: string, year: Year): N | undefined => {
    const values = done.get(id) ?? new Map<Year, N | undefined>();
    done.set(id, values);
    // The metric's own node is made in every year (explain names it by its address), even where its parts are fixed.
    if (!values.has(year)) values.set(year, years.includes(year) ? valueIn(byId.get(id)!.expr, year) : undefined);
    return values.get(year);
  };
  // A part of a formula that reads fixed years only (x[2023], cagr(x, 2019, 2023)) has one value:
  // it is computed once, not once a year (a cagr's root is costly in decimal).
  const once = new Map<Expr, N | undefined>();
  const value = (expr: Expr, year: Year): N | undefined => {
    if (expr.type === 'number' || !isFixed(expr)) return valueIn(expr, year);
    if (!once.has(expr)) once.set(expr, valueIn(expr, year));
    return once.get(expr);
  };
  const valueIn = (expr: Expr, year: Year): N | undefined => {
    switch (expr.type) {
      case 'number':
        return calc.constant(expr.value);
      case 'ref': {
        const at = expr.year ?? year;
        if (expr.source === 'metric') return metric(expr.name.slice('metrics.'.length), at);
        return expr.source === 'input' ? read.input(expr.name, at) : read.line(expr.name, at);
      }
      case 'negate': {
        const operand = value(expr.operand, year);
        return operand === undefined ? undefined : calc.sub(calc.constant(ZERO), operand);
      }
      case 'binary': {
        const left = value(expr.left, year);
        const right = left === undefined ? undefined : value(expr.right, year);
        if (left === undefined || right === undefined) return undefined;
        if (expr.op === '+') return calc.add(left, right);
        if (expr.op === '-') return calc.sub(left, right);
        if (expr.op === '*') return calc.mul(left, right);
        return calc.divide(left, right);
      }
      case 'call':
        return call(expr.fn, expr.args, year);
    }
  };
  const call = (fn: FunctionName, args: readonly Expr[], year: Year): N | undefined => {
    if (fn === 'prev') return value(args[0]!, year - 1);
    if (fn === 'growth') {
      const [now, before] = [value(args[0]!, year), value(args[0]!, year - 1)];
      return now === undefined || before === undefined ? undefined : calc.growth(now, before);
    }
    if (fn === 'cagr') {
      const [from, to] = [yearOf(args[1]!), yearOf(args[2]!)];
      const [first, last] = [value(args[0]!, from), value(args[0]!, to)];
      return first === undefined || last === undefined ? undefined : calc.cagr(first, last, to - from);
    }
    const values = args.map((arg) => value(arg, year));
    if (values.some((one) => one === undefined)) return undefined;
    const defined = values as N[];
    if (fn === 'sum') return calc.sum(defined);
    if (fn === 'min') return defined.slice(1).reduce((a, b) => calc.min(a, b), defined[0]!);
    if (fn === 'max') return defined.slice(1).reduce((a, b) => calc.max(a, b), defined[0]!);
    // abs
    return calc.max(defined[0]!, calc.sub(calc.constant(ZERO), defined[0]!));
  };
  return {
    years,
    metrics: definitions.map(({ id, label, kind }) => {
      const values = new Map(years.map((year) => [year, metric(id, year) ?? null]));
      return { id, label, kind, values };
    }),
  };
}

/** A year written in a formula (cagr's from and to): checked to be a whole number within the years. */
export function yearOf(expr: Expr): Year {
  return expr.type === 'number' ? expr.value.toNumber() : NaN;
}


const fixedness = new WeakMap<Expr, boolean>();

/** Whether a formula's value is the same in every year: it reads lines, inputs and metrics at fixed years only. */
function isFixed(expr: Expr): boolean {
  let fixed = fixedness.get(expr);
  if (fixed === undefined) {
    fixed = fixedOf(expr);
    fixedness.set(expr, fixed);
  }
  return fixed;
}

function fixedOf(expr: Expr): boolean {
  switch (expr.type) {
    case 'number':
      return true;
    case 'ref':
      return expr.year !== undefined;
    case 'negate':
      return isFixed(expr.operand);
    case 'binary':
      return isFixed(expr.left) && isFixed(expr.right);
    case 'call':
      return expr.fn === 'cagr' || expr.args.every(isFixed);
  }
}
