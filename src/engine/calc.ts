// The arithmetic the models are written against, so one set of formulas runs on
// two back-ends: exact Decimal (forecast, explain, solve, diff) and float64
// vectors of samples (simulate), in the spirit of dinero.js's calculators.
import { nthRoot, ONE, sum, ZERO, type Decimal } from '../decimal.js';
import type { Series, Year, Yearly } from './types.js';

export interface Calc<N> {
  readonly zero: N;
  readonly one: N;
  add(a: N, b: N): N;
  sub(a: N, b: N): N;
  mul(a: N, b: N): N;
  sum(values: readonly N[]): N;
  /** a / b, and 0 where b is 0 (a share of nothing is nothing). */
  shareOf(a: N, b: N): N;
  /** a / b − 1: undefined where b is 0 (Decimal); NaN in those samples (vectors). */
  growth(a: N, b: N): N | undefined;
  /** (last / first)^(1/periods) − 1, the compound yearly growth; as growth where first is 0. */
  cagr(first: N, last: N, periods: number): N | undefined;
}

/** How a model reads an input: the series' value in each year, in this back-end. */
export type InputReader<N> = (series: Series, years: readonly Year[]) => Yearly<N>;

export const decimalCalc: Calc<Decimal> = {
  zero: ZERO,
  one: ONE,
  add: (a, b) => a.plus(b),
  sub: (a, b) => a.minus(b),
  mul: (a, b) => a.times(b),
  sum: (values) => sum(values),
  shareOf: (a, b) => (b.isZero() ? ZERO : a.dividedBy(b)),
  growth: (a, b) => (b.isZero() ? undefined : a.dividedBy(b).minus(ONE)),
  cagr: (first, last, periods) => (first.isZero() ? undefined : nthRoot(last.dividedBy(first), periods).minus(ONE)),
};

/**
 * float64 vectors of `length` samples, element by element (plain loops: this is
 * the hot path of simulate). `allocate` gives each result its array; simulate
 * passes one that reuses the arrays of the previous chunk, sparing the GC.
 */
export function vectorCalc(length: number, allocate: () => Float64Array = () => new Float64Array(length)): Calc<Float64Array> {
  const filled = (value: number) => new Float64Array(length).fill(value);
  return {
    zero: filled(0),
    one: filled(1),
    add(a, b) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = a[i]! + b[i]!;
      return out;
    },
    sub(a, b) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = a[i]! - b[i]!;
      return out;
    },
    mul(a, b) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = a[i]! * b[i]!;
      return out;
    },
    sum(values) {
      const out = allocate().fill(0);
      for (const value of values) for (let i = 0; i < length; i++) out[i]! += value[i]!;
      return out;
    },
    shareOf(a, b) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = b[i] === 0 ? 0 : a[i]! / b[i]!;
      return out;
    },
    growth(a, b) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = b[i] === 0 ? NaN : a[i]! / b[i]! - 1;
      return out;
    },
    cagr(first, last, periods) {
      const out = allocate();
      for (let i = 0; i < length; i++) out[i] = first[i] === 0 ? NaN : Math.pow(last[i]! / first[i]!, 1 / periods) - 1;
      return out;
    },
  };
}
