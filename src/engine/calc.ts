// The arithmetic the models are written against, so one set of formulas runs on
// two back-ends, in the spirit of dinero.js's calculators: exact Decimal
// (forecast, explain, solve, diff) and float64 for simulate, where the models are
// traced once and the recorded steps replayed on vectors of samples.
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

type Operation = 'add' | 'sub' | 'mul' | 'shareOf' | 'growth' | 'cagr';

/**
 * The float64 formulas, on one value (or one sample) each. Number.NaN, not NaN:
 * V8 takes the global NaN for an object, and a loop mixing it with floats then
 * boxes every sample (measured: twice the time, a scavenge every 60 chunks).
 */
const FLOAT: Record<Operation, (a: number, b: number, periods: number) => number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  shareOf: (a, b) => (b === 0 ? 0 : a / b),
  growth: (a, b) => (b === 0 ? Number.NaN : a / b - 1),
  cagr: (first, last, periods) => (first === 0 ? Number.NaN : root(last / first, periods) - 1),
};

/** x^(1/n); square and cube roots where n allows (Math.pow is ten times slower). */
function root(x: number, n: number): number {
  if (n === 1) return x;
  if (n === 2) return Math.sqrt(x);
  if (n === 4) return Math.sqrt(Math.sqrt(x));
  if (n === 3) return Math.cbrt(x);
  return Math.pow(x, 1 / n);
}

type Kernel = (out: Float64Array, a: Samples, b: Samples, periods: number, scratch: Float64Array) => void;

/**
 * Each operation over a chunk of samples, into `out` (at least one operand is a
 * vector). One function per operation, so that the formula inlines into its
 * loop: this is the hot path of simulate.
 */
const KERNELS: Record<Operation, Kernel> = {
  add(out, a, b) {
    const add = FLOAT.add;
    if (typeof a === 'number') for (let i = 0; i < out.length; i++) out[i] = add(a, (b as Float64Array)[i]!, 0);
    else if (typeof b === 'number') for (let i = 0; i < out.length; i++) out[i] = add(a[i]!, b, 0);
    else for (let i = 0; i < out.length; i++) out[i] = add(a[i]!, b[i]!, 0);
  },
  sub(out, a, b) {
    const sub = FLOAT.sub;
    if (typeof a === 'number') for (let i = 0; i < out.length; i++) out[i] = sub(a, (b as Float64Array)[i]!, 0);
    else if (typeof b === 'number') for (let i = 0; i < out.length; i++) out[i] = sub(a[i]!, b, 0);
    else for (let i = 0; i < out.length; i++) out[i] = sub(a[i]!, b[i]!, 0);
  },
  mul(out, a, b) {
    const mul = FLOAT.mul;
    if (typeof a === 'number') for (let i = 0; i < out.length; i++) out[i] = mul(a, (b as Float64Array)[i]!, 0);
    else if (typeof b === 'number') for (let i = 0; i < out.length; i++) out[i] = mul(a[i]!, b, 0);
    else for (let i = 0; i < out.length; i++) out[i] = mul(a[i]!, b[i]!, 0);
  },
  // Rarer: a number operand is spread over the scratch array first.
  shareOf(out, a, b, _, scratch) {
    const [x, y, shareOf] = [spread(a, scratch), spread(b, scratch), FLOAT.shareOf];
    for (let i = 0; i < out.length; i++) out[i] = shareOf(x[i]!, y[i]!, 0);
  },
  growth(out, a, b, _, scratch) {
    const [x, y, growth] = [spread(a, scratch), spread(b, scratch), FLOAT.growth];
    for (let i = 0; i < out.length; i++) out[i] = growth(x[i]!, y[i]!, 0);
  },
  cagr(out, a, b, periods, scratch) {
    const [x, y, cagr] = [spread(a, scratch), spread(b, scratch), FLOAT.cagr];
    for (let i = 0; i < out.length; i++) out[i] = cagr(x[i]!, y[i]!, periods);
  },
};

function spread(value: Samples, scratch: Float64Array): Float64Array {
  return typeof value === 'number' ? scratch.fill(value) : value;
}

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
 * once, one on a vector is recorded as a step. simulate then replays the steps
 * on every chunk's vectors: no maps, closures or models per chunk.
 */
export function tracingCalc(steps: Step[], newSlot: () => Slot): Calc<Traced> {
  const apply = (op: Operation, a: Traced, b: Traced, periods = 0): Traced => {
    if (typeof a === 'number' && typeof b === 'number') return FLOAT[op](a, b, periods);
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
    // Left to right from 0, as the Decimal back-end: the same additions in the same order.
    sum: (values) => values.reduce(add, 0),
    shareOf: (a, b) => apply('shareOf', a, b),
    growth: (a, b) => apply('growth', a, b),
    cagr: (first, last, periods) => apply('cagr', first, last, periods),
  };
}

/** Replays traced steps on a chunk: slot i's samples are vectors[i] (all of one length). */
export function replay(steps: readonly Step[], vectors: readonly Float64Array[], scratch: Float64Array): void {
  const at = (value: Traced): Samples => (typeof value === 'number' ? value : vectors[value.index]!);
  for (let i = 0; i < steps.length; i++) {
    const { op, a, b, periods, out } = steps[i]!;
    KERNELS[op](vectors[out]!, at(a), at(b), periods, scratch);
  }
}
