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
  /**
   * f has one sign wherever the scan looked: the target lies outside what the
   * metric reaches, least to most of f seen (monotone: in the order of x).
   */
  | { readonly kind: 'unreachable'; readonly atLower: Decimal; readonly atUpper: Decimal; readonly least: Decimal; readonly most: Decimal; readonly monotone: boolean }
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
    const found = await scanForBracket(f, [a, fa], [b, fb], inside);
    if (!('ends' in found)) return found;
    [[a, fa], [b, fb]] = found.ends;
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

type Point = readonly [Decimal, Decimal];
/** Points of an even scan (and, for a wide positive domain, a geometric one: amounts span decades). */
const SCAN_POINTS = 32;
/** Golden-section steps around the point nearest the target: the scan's spacing shrinks to 0.618^60 ≈ 3e-13 of it. */
const REFINE_STEPS = 60;
const GOLDEN = new Decimal(5).sqrt().minus(1).dividedBy(2);

/**
 * A bracket of the target when f has one sign at both ends: a metric need not be
 * monotone in an input (a saving peaks as a cost grows). The domain is scanned;
 * when no two points cross, a crossing narrower than the scan can only lie beside
 * the point nearest the target, where a golden-section search closes in on the
 * extreme there. What was seen answers when nothing crosses.
 */
async function scanForBracket(f: (x: Decimal) => Promise<Decimal>, lower: Point, upper: Point, inside: Decimal | undefined): Promise<{ ends: [Point, Point] } | SolveResult> {
  const [a, b] = [lower[0], upper[0]];
  const xs = scanPoints(a, b, inside);
  const points: Point[] = [lower];
  for (const x of xs) points.push([x, await f(x)]);
  points.push(upper);
  const sign = lower[1].isNegative();
  const zero = points.find(([, fx]) => fx.isZero());
  if (zero) return { kind: 'solved', x: zero[0], iterations: 1 };
  const crossing = points.findIndex(([, fx]) => fx.isNegative() !== sign);
  if (crossing > 0) return { ends: [points[crossing - 1]!, points[crossing]!] };
  const values = points.map(([, fx]) => fx);
  if (values.every((fx) => fx.equals(lower[1]))) return { kind: 'flat', at: lower[1] };

  // Nearest the target: |f| least. Close in on the extreme of f between its neighbours.
  const nearest = values.reduce((best, fx, i) => (fx.abs().lessThan(values[best]!.abs()) ? i : best), 0);
  let [left, right] = [points[Math.max(0, nearest - 1)]![0], points[Math.min(points.length - 1, nearest + 1)]![0]];
  const at = async (x: Decimal): Promise<Point> => {
    const fx = await f(x);
    values.push(fx);
    return [x, fx];
  };
  let p1 = await at(right.minus(right.minus(left).times(GOLDEN)));
  let p2 = await at(left.plus(right.minus(left).times(GOLDEN)));
  for (let step = 0; step < REFINE_STEPS; step++) {
    for (const [x, fx] of [p1, p2]) {
      if (fx.isZero()) return { kind: 'solved', x, iterations: 1 };
      if (fx.isNegative() !== sign) return { ends: [points[nearest]!, [x, fx]] };
    }
    if (p1[1].abs().lessThan(p2[1].abs())) {
      [right, p2] = [p2[0], p1];
      p1 = await at(right.minus(right.minus(left).times(GOLDEN)));
    } else {
      [left, p1] = [p1[0], p2];
      p2 = await at(left.plus(right.minus(left).times(GOLDEN)));
    }
  }
  const ordered = points.map(([, fx]) => fx);
  const monotone = ordered.every((fx, i) => i === 0 || fx.greaterThanOrEqualTo(ordered[i - 1]!)) || ordered.every((fx, i) => i === 0 || fx.lessThanOrEqualTo(ordered[i - 1]!));
  return { kind: 'unreachable', atLower: lower[1], atUpper: upper[1], least: Decimal.min(...values), most: Decimal.max(...values), monotone };
}

/** The points strictly inside (a, b) to scan: evenly spaced, geometric over a wide positive domain, and the point given. */
function scanPoints(a: Decimal, b: Decimal, inside: Decimal | undefined): Decimal[] {
  const even = Array.from({ length: SCAN_POINTS - 1 }, (_, i) => a.plus(b.minus(a).times(i + 1).dividedBy(SCAN_POINTS)));
  const wide = a.isZero() && b.greaterThan(1000);
  const geometric = wide ? Array.from({ length: SCAN_POINTS }, (_, i) => b.times(new Decimal(10).pow(-(i + 1) * 0.25))) : [];
  const all = [...even, ...geometric, ...(inside ? [inside] : [])].filter((x) => x.greaterThan(a) && x.lessThan(b));
  return all.sort((x, y) => x.comparedTo(y)).filter((x, i, sorted) => i === 0 || !x.equals(sorted[i - 1]!));
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
