// solve (goal seek): the input value at which a metric meets a target, in
// decimal, within the input's domain. A safeguarded regula falsi (Illinois):
// as robust as bisection, much faster on the near-linear metrics of the models.
import { Decimal, midpoint, ONE, ZERO } from '../../shared/decimal.js';
import { isWithinKind, RANGE_TEXT, type NumberKind } from '../../shared/limits.js';
import { seriesOf } from '../calc/interpolate.js';
import { decimalCalc } from '../calc/calc.js';
import { atCase } from '../calc/yearly.js';
import { forecastWith } from '../forecast.js';
import {
  TABLES,
  type Case,
  type CaseForecast,
  type InputProblem,
  type Provenance,
  type Scenario,
  type Written,
  type Year,
} from '../types.js';
import { inputProblems, inputsOf, mapInputs } from './inputs.js';
import { findMetric } from './lines.js';

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
  | {
      readonly kind: 'unreachable';
      readonly atLower: Decimal;
      readonly atUpper: Decimal;
      readonly least: Decimal;
      readonly most: Decimal;
      readonly monotone: boolean;
    }
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
    const narrow = b.minus(a).abs().lessThanOrEqualTo(RELATIVE_WIDTH.times(Decimal.max(1, x.abs())));
    if (fx.abs().lessThanOrEqualTo(negligible) || narrow) return { kind: 'solved', x, iterations: iteration };
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
async function scanForBracket(
  f: (x: Decimal) => Promise<Decimal>,
  lower: Point,
  upper: Point,
  inside: Decimal | undefined,
): Promise<{ ends: [Point, Point] } | SolveResult> {
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
  const rising = ordered.every((fx, i) => i === 0 || fx.greaterThanOrEqualTo(ordered[i - 1]!));
  const monotone = rising || ordered.every((fx, i) => i === 0 || fx.lessThanOrEqualTo(ordered[i - 1]!));
  const [least, most] = [Decimal.min(...values), Decimal.max(...values)];
  return { kind: 'unreachable', atLower: lower[1], atUpper: upper[1], least, most, monotone };
}

/**
 * The points strictly inside (a, b) to scan: evenly spaced, geometric over a
 * wide positive domain, and the point given.
 */
function scanPoints(a: Decimal, b: Decimal, inside: Decimal | undefined): Decimal[] {
  const even = Array.from({ length: SCAN_POINTS - 1 }, (_, i) =>
    a.plus(b.minus(a).times(i + 1).dividedBy(SCAN_POINTS)),
  );
  const wide = a.isZero() && b.greaterThan(1000);
  const tenths = (i: number) => b.times(new Decimal(10).pow(-(i + 1) * 0.25));
  const geometric = wide ? Array.from({ length: SCAN_POINTS }, (_, i) => tenths(i)) : [];
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
export function validInterval(
  isValid: (x: Decimal) => boolean,
  inside: Decimal,
  lower: Decimal,
  upper: Decimal,
  precision: Decimal,
  coarse?: ValidInterval,
): ValidInterval {
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
  return {
    lower: below.end,
    upper: above.end,
    ...(below.beyond && { belowLower: below.beyond }),
    ...(above.beyond && { aboveUpper: above.beyond }),
  };
}

/** What solve varies: one written value of an input (as --vary names it). */
export interface Varied {
  /** The input's path: supplyChain.modes.receivables.penetration. */
  readonly input: string;
  readonly part:
    | { readonly kind: 'every year' }
    | { readonly kind: 'anchor'; readonly year: Year; readonly end?: Case }
    | { readonly kind: 'growth' };
}

/** What solve found, within the part of its domain where the scenario stays valid. */
export type SolveOutcome =
  /** The scenario is invalid at the value now, and at both ends of the domain. */
  | { readonly kind: 'invalid'; readonly at: Decimal; readonly problem: InputProblem }
  | {
      readonly kind: 'searched';
      readonly result: SolveResult;
      readonly domain: ValidInterval;
      /** What makes the scenario invalid just beyond the domain's ends, where the checks narrow it. */
      readonly belowLower?: InputProblem;
      readonly aboveUpper?: InputProblem;
      /** The forecast at the solution. */
      readonly forecast?: CaseForecast;
    };

/** How far an amount may grow while looking for the target: a million times its value. */
const AMOUNT_REACH = new Decimal('1e6');

/**
 * The value of `varied` at which `metric` (an address) of case `c` meets
 * `target`: the search varies the decoded input (its series made again from
 * its anchors) and keeps to where the models' checks hold.
 */
export async function solveFor(
  scenario: Scenario,
  varied: Varied,
  metric: string,
  target: Decimal,
  c: Case,
): Promise<SolveOutcome> {
  const at = (x: Decimal) => withVaried(scenario, varied, x);
  // Only the metric's table (and what it builds on) is forecast.
  const tables = TABLES.filter((table) => metric.startsWith(`${table}.`));
  const forecastOf = (valid: Scenario) =>
    forecastWith(decimalCalc, valid, (series, years) => atCase(series, years, c), tables);
  const forecastAt = (x: Decimal) => forecastOf(at(x) as Scenario);
  const valueAt = (x: Decimal) => findMetric(forecastAt(x), metric)?.value ?? ZERO;
  // A user's metric may have no value at some inputs (a division by 0): the domain ends there too.
  const needsValue = metric.startsWith('metrics.');
  const problemAt = (x: Decimal): InputProblem | undefined => {
    const varied = at(x);
    if (isProblem(varied)) return varied;
    if (!needsValue || findMetric(forecastOf(varied), metric)?.value != null) return undefined;
    return { path: metric, message: 'has no value there (a division by 0 in its formula)' };
  };
  const isValid = (x: Decimal) => problemAt(x) === undefined;
  const current = variedValue(scenario, varied, c);
  const nominal = nominalDomain(scenario, varied, current);
  const inside = [current, nominal.lower, nominal.upper].find((x) => x !== undefined && isValid(x));
  if (inside === undefined) return { kind: 'invalid', at: nominal.lower, problem: problemAt(nominal.lower)! };
  // Checks can bound an input (frontier ≤ spend): the domain ends where the scenario stops being valid.
  // Its ends are found roughly first; only a target not met within them needs them exactly.
  const search = async (precision: string, coarse?: ValidInterval) => {
    const domain = validInterval(isValid, inside, nominal.lower, nominal.upper, new Decimal(precision), coarse);
    const f = async (x: Decimal) => valueAt(x).minus(target);
    return { domain, result: await solve({ f, lower: domain.lower, upper: domain.upper, inside }) };
  };
  let { domain, result } = await search('1e-6');
  if (result.kind !== 'solved' && (domain.belowLower || domain.aboveUpper)) {
    ({ domain, result } = await search('1e-24', domain));
  }
  const beyond = (x: Decimal | undefined) => (x === undefined ? undefined : problemAt(x));
  const [belowLower, aboveUpper] = [beyond(domain.belowLower), beyond(domain.aboveUpper)];
  return {
    kind: 'searched',
    result,
    domain,
    ...(belowLower && { belowLower }),
    ...(aboveUpper && { aboveUpper }),
    ...(result.kind === 'solved' && { forecast: forecastAt(result.x) }),
  };
}

function isProblem(value: Scenario | InputProblem): value is InputProblem {
  return 'message' in value;
}

/** The number kind of the varied value: its input's, or a growth rate. */
function kindOf(scenario: Scenario, varied: Varied): NumberKind {
  return varied.part.kind === 'growth' ? 'growth' : provenanceOf(scenario, varied).kind;
}

function provenanceOf(scenario: Scenario, varied: Varied): Provenance {
  const provenance = scenario.provenance.get(varied.input);
  if (provenance === undefined) throw new Error(`internal: no input ${varied.input}`);
  return provenance;
}

/**
 * The varied value in the scenario, in case `c`; undefined for a year that is
 * not an anchor nor one of the input's years.
 */
export function variedValue(scenario: Scenario, varied: Varied, c: Case): Decimal | undefined {
  const { anchors, growth } = provenanceOf(scenario, varied);
  const { part } = varied;
  if (part.kind === 'every year') return anchors.get(0)?.range[c];
  if (part.kind === 'growth') return growth?.range[c];
  if (part.end !== undefined) return anchors.get(part.year)?.range[part.end];
  return inputsOf(scenario).get(varied.input)?.get(part.year)?.[c] ?? anchors.get(part.year)?.range[c];
}

/**
 * Where the search may go before the scenario's checks: ratios in [0, 1],
 * growth in [-99%, 1000%], amounts up to 10⁶ × the largest written.
 */
function nominalDomain(
  scenario: Scenario,
  varied: Varied,
  current: Decimal | undefined,
): { lower: Decimal; upper: Decimal } {
  switch (kindOf(scenario, varied)) {
    case 'ratio':
      return { lower: ZERO, upper: ONE };
    case 'growth':
      return { lower: new Decimal('-0.99'), upper: Decimal.max(new Decimal(10), current ?? ZERO) };
    default:
      return { lower: ZERO, upper: AMOUNT_REACH.times(largestWritten(scenario, varied.input)) };
  }
}

/** The largest value of the input, written or in a year, in 亿元 (at least 1), to scale the search for an amount. */
function largestWritten(scenario: Scenario, input: string): Decimal {
  const written = [...(scenario.provenance.get(input)?.anchors.values() ?? [])].map((anchor) => anchor.range.high);
  const series = [...(inputsOf(scenario).get(input)?.values() ?? [])].map((range) => range.high);
  return [...written, ...series].reduce((max, value) => Decimal.max(max, value), ONE);
}

export function withVaried(scenario: Scenario, varied: Varied, x: Decimal): Scenario | InputProblem {
  const provenance = provenanceOf(scenario, varied);
  const kind = kindOf(scenario, varied);
  const { part } = varied;
  const path =
    part.kind === 'every year' ? varied.input : `${varied.input}.${part.kind === 'growth' ? 'growth' : part.year}`;
  if (!isWithinKind(kind, x)) {
    return { path, message: `${x}${kind === 'amount' ? ' 亿元' : ''} is out of range: ${RANGE_TEXT[kind]}` };
  }
  const changed = withValue(provenance, part, x);
  if (typeof changed === 'string') return { path, message: changed };
  const series = seriesOf(changed, [...inputsOf(scenario).get(varied.input)!.keys()]);
  if (typeof series === 'string') return { path: varied.input, message: series };
  const next: Scenario = {
    ...mapInputs(scenario, (at, own) => (at === varied.input ? series : own)),
    provenance: new Map([...scenario.provenance].map(([at, own]) => [at, at === varied.input ? changed : own])),
  };
  return inputProblems(next)[0] ?? next;
}

/** The provenance of an input with one written value set to `x` (or one end of it), or what keeps it from being set. */
function withValue(provenance: Provenance, part: Varied['part'], x: Decimal): Provenance | string {
  const plain = (old: Written | undefined): Written => ({
    where: (old ?? [...provenance.anchors.values()][0]!).where,
    range: { low: x, base: x, high: x },
    isRange: false,
  });
  if (part.kind === 'every year') {
    return { ...provenance, method: 'constant', anchors: new Map([[0, plain(provenance.anchors.get(0))]]) };
  }
  if (part.kind === 'growth') return { ...provenance, growth: plain(provenance.growth) };
  const old = provenance.anchors.get(part.year);
  if (part.end === undefined) {
    return { ...provenance, anchors: new Map([...provenance.anchors, [part.year, plain(old)]]) };
  }
  if (old === undefined) return `no value is written for ${part.year}, so it has no ${part.end} to vary`;
  const { baseIsMidpoint, ...written } = old;
  const ends = { ...old.range, [part.end]: x };
  // A value written without a base has its base at the midpoint of its ends, wherever they go.
  const midpointBase = baseIsMidpoint && part.end !== 'base';
  const range = midpointBase ? { ...ends, base: midpoint(ends.low, ends.high) } : ends;
  if (!range.low.lessThanOrEqualTo(range.base) || !range.base.lessThanOrEqualTo(range.high)) {
    return `range out of order (low ${range.low}, base ${range.base}, high ${range.high}); expected low ≤ base ≤ high`;
  }
  const anchor: Written = { ...written, range, isRange: true, ...(midpointBase && { baseIsMidpoint: true }) };
  return { ...provenance, anchors: new Map([...provenance.anchors, [part.year, anchor]]) };
}
