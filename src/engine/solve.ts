// solve (goal seek): the input value at which a metric meets a target, in
// decimal, within the input's domain. A safeguarded regula falsi (Illinois):
// as robust as bisection, much faster on the near-linear metrics of the models.
import { Decimal } from '../decimal.js';

export interface SolveProblem {
  /** The metric minus the target, at an input value. */
  readonly f: (x: Decimal) => Promise<Decimal>;
  readonly lower: Decimal;
  readonly upper: Decimal;
}

export type SolveResult =
  | { readonly kind: 'solved'; readonly x: Decimal; readonly iterations: number }
  /** The target lies outside what the domain reaches: f at both ends, same sign. */
  | { readonly kind: 'unreachable'; readonly atLower: Decimal; readonly atUpper: Decimal };

const MAX_ITERATIONS = 200;
/** Far beyond the 12 significant digits asked for, well within decimal.js's 40. */
const RELATIVE_WIDTH = new Decimal('1e-20');

export async function solve({ f, lower, upper }: SolveProblem): Promise<SolveResult> {
  let [a, b] = [lower, upper];
  let [fa, fb] = [await f(a), await f(b)];
  if (fa.isZero()) return { kind: 'solved', x: a, iterations: 0 };
  if (fb.isZero()) return { kind: 'solved', x: b, iterations: 0 };
  if (fa.isNegative() === fb.isNegative()) return { kind: 'unreachable', atLower: fa, atUpper: fb };
  // |f| this small is zero to the precision of the models (40 digits).
  const negligible = Decimal.max(fa.abs(), fb.abs()).times('1e-30');
  let side = 0;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    // The secant through the bracket's ends; bisect if it falls outside (rounding).
    let x = b.minus(fb.times(b.minus(a)).dividedBy(fb.minus(fa)));
    if (x.lessThanOrEqualTo(Decimal.min(a, b)) || x.greaterThanOrEqualTo(Decimal.max(a, b))) x = a.plus(b).dividedBy(2);
    const fx = await f(x);
    if (fx.abs().lessThanOrEqualTo(negligible) || b.minus(a).abs().lessThanOrEqualTo(RELATIVE_WIDTH.times(Decimal.max(1, x.abs())))) return { kind: 'solved', x, iterations: iteration };
    if (fx.isNegative() === fb.isNegative()) {
      [b, fb] = [x, fx];
      // Illinois: halve the stale end's weight so the bracket shrinks from both sides.
      if (side === -1) fa = fa.dividedBy(2);
      side = -1;
    } else {
      [a, fa] = [x, fx];
      if (side === 1) fb = fb.dividedBy(2);
      side = 1;
    }
  }
  return { kind: 'solved', x: a.plus(b).dividedBy(2), iterations: MAX_ITERATIONS };
}
