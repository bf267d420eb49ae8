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
 * What simulate computes with: a number where every sample has the same value
 * (no draw moves it: more than half of the baseline's values), else one float64
 * per sample. Constants stay numbers through the formulas, so they cost one
 * operation, not one per sample.
 */
export type Samples = number | Float64Array;

/**
 * The float64 back-end over chunks of `length` samples, element by element
 * (plain loops: this is the hot path of simulate). `allocate` gives each vector
 * result its array; simulate passes one that reuses the previous chunk's arrays.
 */
export function vectorCalc(length: number, allocate: () => Float64Array = () => new Float64Array(length)): Calc<Samples> {
  const vector = (a: Samples): Float64Array => (typeof a === 'number' ? allocate().fill(a) : a);
  const add = (a: Samples, b: Samples): Samples => {
    if (typeof a === 'number' && typeof b === 'number') return a + b;
    const out = allocate();
    if (typeof a === 'number') for (let i = 0; i < length; i++) out[i] = a + (b as Float64Array)[i]!;
    else if (typeof b === 'number') for (let i = 0; i < length; i++) out[i] = a[i]! + b;
    else for (let i = 0; i < length; i++) out[i] = a[i]! + b[i]!;
    return out;
  };
  return {
    zero: 0,
    one: 1,
    add,
    sub(a, b) {
      if (typeof a === 'number' && typeof b === 'number') return a - b;
      const out = allocate();
      if (typeof a === 'number') for (let i = 0; i < length; i++) out[i] = a - (b as Float64Array)[i]!;
      else if (typeof b === 'number') for (let i = 0; i < length; i++) out[i] = a[i]! - b;
      else for (let i = 0; i < length; i++) out[i] = a[i]! - b[i]!;
      return out;
    },
    mul(a, b) {
      if (typeof a === 'number' && typeof b === 'number') return a * b;
      const out = allocate();
      if (typeof a === 'number') for (let i = 0; i < length; i++) out[i] = a * (b as Float64Array)[i]!;
      else if (typeof b === 'number') for (let i = 0; i < length; i++) out[i] = a[i]! * b;
      else for (let i = 0; i < length; i++) out[i] = a[i]! * b[i]!;
      return out;
    },
    // Left to right, as the Decimal back-end: the same additions in the same order.
    sum: (values) => values.reduce<Samples>(add, 0),
    shareOf(a, b) {
      if (typeof a === 'number' && typeof b === 'number') return b === 0 ? 0 : a / b;
      const [x, y, out] = [vector(a), vector(b), allocate()];
      for (let i = 0; i < length; i++) out[i] = y[i] === 0 ? 0 : x[i]! / y[i]!;
      return out;
    },
    growth(a, b) {
      if (typeof a === 'number' && typeof b === 'number') return b === 0 ? NaN : a / b - 1;
      const [x, y, out] = [vector(a), vector(b), allocate()];
      for (let i = 0; i < length; i++) out[i] = y[i] === 0 ? NaN : x[i]! / y[i]! - 1;
      return out;
    },
    cagr(first, last, periods) {
      if (typeof first === 'number' && typeof last === 'number') return first === 0 ? NaN : Math.pow(last / first, 1 / periods) - 1;
      const [x, y, out] = [vector(first), vector(last), allocate()];
      for (let i = 0; i < length; i++) out[i] = x[i] === 0 ? NaN : Math.pow(y[i]! / x[i]!, 1 / periods) - 1;
      return out;
    },
  };
}
