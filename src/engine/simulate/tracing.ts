// simulate's float64 back-end of Calc<N> (calc.ts): tracing, below.
import type { MetricCalc, Operation } from '../calc/calc.js';
import type { Evaluate } from './kernels.js';

/** The operations of a user's metric (engine/metrics.ts) beyond the models': a / b (NaN where b is 0), min, max. */
export type MetricOperation = 'divide' | 'min' | 'max';

/** A value while simulate traces the formulas: a number (the same in every sample) or a vector. */
export type Traced = number | Slot;

/** The vector of a traced value: slot `index` of a chunk's vectors. */
export class Slot {
  constructor(readonly index: number) {}
}

/** One recorded operation on vectors: `out` = `op`(a, b) (for cagr, over `periods` years). */
export interface Step {
  readonly op: Operation | MetricOperation;
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
export function tracingCalc(steps: Step[], newSlot: () => Slot, evaluate: Evaluate): MetricCalc<Traced> {
  const apply = (op: Operation | MetricOperation, a: Traced, b: Traced, periods = 0): Traced => {
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
    // A metric's: a division by 0 is NaN (no value), in a number folded here as in a vector's samples.
    constant: (value) => value.toNumber(),
    divide: (a, b) => apply('divide', a, b),
    min: (a, b) => apply('min', a, b),
    max: (a, b) => apply('max', a, b),
  };
}
