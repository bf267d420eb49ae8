// The arithmetic the models are written against, so one set of formulas runs on
// several back-ends, in the spirit of dinero.js's calculators: exact Decimal
// (forecast, solve, diff), the formula graph recorded over it (recording.ts:
// explain) and float64 for simulate (simulate/tracing.ts), where the models are
// traced once and the recorded steps replayed on vectors of samples by
// kernels.wat, which holds the float64 formulas.
import { nthRoot, ONE, sum, ZERO, type Decimal } from '../../shared/decimal.js';
import { dividedBy, plus, times } from '../../shared/decimal-words.js';
import type { Series, Year, Yearly } from '../values.js';

/**
 * Calc's operations on two values (cagr's with its periods): simulate's tracing
 * (simulate/tracing.ts) records them for kernels.wat, recording.ts as graph nodes.
 */
export type Operation = 'add' | 'sub' | 'mul' | 'shareOf' | 'growth' | 'cagr';

export interface Calc<N> {
  readonly zero: N;
  readonly one: N;
  add(a: N, b: N): N;
  sub(a: N, b: N): N;
  mul(a: N, b: N): N;
  sum(values: readonly N[]): N;
  /** a / b, and 0 where b is 0 (a share of nothing is nothing). */
  shareOf(a: N, b: N): N;
  /**
   * a / b − 1, undefined where b is 0 (no growth from nothing). Every back-end
   * means the same by it: where a value stands for samples (simulate's tracing),
   * undefined is NaN — the number NaN where b is the number 0, NaN in the samples
   * where a vector b is 0 — and simulate's statistics leave NaN out.
   * test/engine/simulate.test.ts checks undefined ⇔ NaN, value by value.
   */
  growth(a: N, b: N): N | undefined;
  /** (last / first)^(1/periods) − 1, the compound yearly growth; undefined (NaN) as growth, where first is 0. */
  cagr(first: N, last: N, periods: number): N | undefined;
}

/**
 * What user-defined metrics (engine/metrics.ts) need beyond the models: a
 * number written in a formula, a division with no value where the divisor is 0
 * (never Infinity), min and max. decimal and recording have them.
 */
export interface MetricCalc<N> extends Calc<N> {
  constant(value: Decimal): N;
  /** a / b; undefined where b is 0. */
  divide(a: N, b: N): N | undefined;
  min(a: N, b: N): N;
  max(a: N, b: N): N;
}

/** How a model reads an input: the series' value in each year, in this back-end. */
export type InputReader<N> = (series: Series, years: readonly Year[]) => Yearly<N>;

export const decimalCalc: MetricCalc<Decimal> = {
  zero: ZERO,
  one: ONE,
  add: plus,
  sub: (a, b) => a.minus(b),
  mul: times,
  sum: (values) => sum(values),
  shareOf: (a, b) => (b.isZero() ? ZERO : dividedBy(a, b)),
  growth: (a, b) => (b.isZero() ? undefined : a.dividedBy(b).minus(ONE)),
  cagr: (first, last, periods) => (first.isZero() ? undefined : nthRoot(last.dividedBy(first), periods).minus(ONE)),
  constant: (value) => value,
  divide: (a, b) => (b.isZero() ? undefined : a.dividedBy(b)),
  min: (a, b) => (b.lessThan(a) ? b : a),
  max: (a, b) => (b.greaterThan(a) ? b : a),
};
