// The arithmetic the models are written against, so one set of formulas runs on
// several back-ends, in the spirit of dinero.js's calculators: exact Decimal
// (forecast, solve, diff), the formula graph recorded over it (recording.ts:
// explain) and float64 for simulate, where the models are traced once and the
// recorded steps replayed on vectors of samples by kernels.wat, which holds the
// float64 formulas.
import { nthRoot, ONE, sum, ZERO, type Decimal } from '../../shared/decimal.js';
import type { Evaluate } from '../simulate/kernels.js';
import type { Series, Year, Yearly } from '../values.js';

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

/** An operation that simulate records: kernels.wat runs it on vectors of samples. */
export type Operation = 'add' | 'sub' | 'mul' | 'shareOf' | 'growth' | 'cagr';

/** A value while simulate traces the formulas: a number (the same in every sample) or a vector. */
export type Traced = number | Slot;

/** The vector of a traced value: slot `index` of a chunk's vectors. */
export class Slot {
  constructor(readonly index: number) {}
}

/** One recorded operation on vectors: `out` = `op`(a, b) (for cagr, over `periods` years). */
export interface Step {
  readonly op: Operation;
  readonly a: Traced;
  readonly b: Traced;
  readonly periods: number;
  readonly out: number;
}

/**
 * The models run once, on numbers and slots: an operation on numbers is done at
 * once (a value no draw moves is one number, not one per sample: more than half
 * of the baseline's), one on a vector is recorded as a step. simulate then
 * replays the steps on every chunk's vectors: no maps, closures or models per chunk.
 */
export function tracingCalc(steps: Step[], newSlot: () => Slot, evaluate: Evaluate): Calc<Traced> {
  const apply = (op: Operation, a: Traced, b: Traced, periods = 0): Traced => {
    if (typeof a === 'number' && typeof b === 'number') return evaluate(op, a, b, periods);
    const out = newSlot();
    steps.push({ op, a, b, periods, out: out.index });
    return out;
  };
  const add = (a: Traced, b: Traced) => apply('add', a, b);
  return {
    zero: 0,
    one: 1,
    add,
    sub: (a, b) => apply('sub', a, b),
    mul: (a, b) => apply('mul', a, b),
    // Left to right, as the Decimal back-end, but from the first value, not 0 + it: a sum
    // of one vector is that vector (no copy to run, one output less to tally).
    sum: (values) => (values.length === 0 ? 0 : values.slice(1).reduce(add, values[0]!)),
    shareOf: (a, b) => apply('shareOf', a, b),
    growth: (a, b) => apply('growth', a, b),
    cagr: (first, last, periods) => apply('cagr', first, last, periods),
  };
}
