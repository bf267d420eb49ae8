// solve (goal seek): the input value at which a metric meets a target, in
// decimal, within the input's domain. A safeguarded regula falsi (Illinois):
// as robust as bisection, much faster on the near-linear metrics of the models.
import { Decimal } from '../../shared/decimal.js';

export interface SolveProblem {
  /** The metric minus the target, at an input value. */
  readonly f: (x: Decimal) => Promise<Decimal>;
  readonly lower: Decimal;
  readonly upper: Decimal;
  /** A point to look at when f has the same sign at both ends (the input's current value). */
  readonly inside?: Decimal;
}

export type SolveResult =
  | { readonly kind: 'solved'; readonly x: Decimal; readonly iterations: number }
  /** f has the same sign at both ends and in the middle: the target lies outside what they reach. */
  | { readonly kind: 'unreachable'; readonly atLower: Decimal; readonly atUpper: Decimal }
  /** f is the same at both ends and in the middle: the metric does not depend on the input. */
  | { readonly kind: 'flat'; readonly at: Decimal };

const MAX_ITERATIONS = 200;
/** Far beyond the 12 significant digits asked for, well within decimal.js's 40. */
const RELATIVE_WIDTH = new Decimal('1e-20');

export async function solve({ f, lower, upper, inside }: SolveProblem): Promise<SolveResult> {
  let [a, b] = [lower, upper];
  let [fa, fb] = [await f(a), await f(b)];
  if (fa.isZero()) return { kind: 'solved', x: a, iterations: 0 };
  if (fb.isZero()) return { kind: 'solved', x: b, iterations: 0 };
  if (fa.isNegative() === fb.isNegative()) {
    // A metric that is not monotone can still cross the target inside: look at the
    // given point and in the middle before giving up.
    const probes = [inside, a.plus(b).dividedBy(2)].filter((x): x is Decimal => x !== undefined && x.greaterThan(a) && x.lessThan(b));
    let crossed = false;
    const seen: Decimal[] = [];
    for (const x of probes) {
      const fx = await f(x);
      if (fx.isZero()) return { kind: 'solved', x, iterations: 1 };
      seen.push(fx);
      if (fx.isNegative() !== fa.isNegative()) {
        [b, fb] = [x, fx];
        crossed = true;
        break;
      }
    }
    if (!crossed) return seen.every((fx) => fx.equals(fa)) && fa.equals(fb) ? { kind: 'flat', at: fa } : { kind: 'unreachable', atLower: fa, atUpper: fb };
  }
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

/** The part of a domain where the scenario is valid, and the nearest invalid points found beyond its ends. */
export interface ValidInterval {
  readonly lower: Decimal;
  readonly upper: Decimal;
  readonly belowLower?: Decimal;
  readonly aboveUpper?: Decimal;
}

/**
 * The interval around `inside` in which `isValid` holds, within [lower, upper]:
 * a scenario's checks can bound an input (frontier ≤ spend; a CAGR between
 * anchors needs them above 0). Each end is found by bisection to `precision`
 * times its distance from `inside`, continuing from `coarse` (found with a lower
 * precision) when given; the validity of an input is one interval in these models.
 */
export function validInterval(isValid: (x: Decimal) => boolean, inside: Decimal, lower: Decimal, upper: Decimal, precision: Decimal, coarse?: ValidInterval): ValidInterval {
  const towards = (outer: Decimal, good: Decimal, bad: Decimal | undefined): { end: Decimal; beyond?: Decimal } => {
    const width = outer.minus(inside).abs().times(precision);
    if (bad === undefined) {
      if (isValid(outer)) return { end: outer };
      bad = outer;
    }
    for (let i = 0; i < 200 && bad.minus(good).abs().greaterThan(width); i++) {
      const middle = good.plus(bad).dividedBy(2);
      if (isValid(middle)) good = middle;
      else bad = middle;
    }
    return { end: good, beyond: bad };
  };
  if (coarse && !coarse.belowLower && !coarse.aboveUpper) return coarse;
  const below = coarse ? towards(lower, coarse.lower, coarse.belowLower) : towards(lower, inside, undefined);
  const above = coarse ? towards(upper, coarse.upper, coarse.aboveUpper) : towards(upper, inside, undefined);
  return { lower: below.end, upper: above.end, ...(below.beyond && { belowLower: below.beyond }), ...(above.beyond && { aboveUpper: above.beyond }) };
}
