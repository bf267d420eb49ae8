// Yearly series from what a scenario writes (SPEC §2.2): one value every year,
// or anchors {year: value} interpolated linear | cagr | step, or one anchor and
// a growth rate. Pure math over decoded values: the scenario reader builds each
// input with it, and solve builds an input again with one written value changed.
import { nthRoot, ONE, powersOf, type Decimal } from '../../shared/decimal.js';
import { isOutOfRange, RANGE_TEXT } from '../../shared/limits.js';
import { CASES, type Case, type Interpolation, type Provenance, type Range, type Series, type ValueKind, type Year } from '../values.js';

/** An input's written values: its anchors and how to go between them (or its growth from its one anchor). */
export interface Anchored {
  readonly method: Interpolation | 'growth';
  readonly anchors: ReadonlyMap<Year, Range>;
  readonly growth?: Range;
}

/** The default interpolation of a kind: counts step (so every year holds a whole number), amounts compound. */
export function defaultInterpolation(kind: ValueKind): Interpolation {
  return kind === 'amount' ? 'cagr' : kind === 'count' ? 'step' : 'linear';
}

/** One value every year. */
export function constantSeries(range: Range, years: readonly Year[]): Series {
  return new Map(years.map((year) => [year, range]));
}

/** The input's values again, from its provenance (what was written, and how). */
export function seriesOf(provenance: Provenance, years: readonly Year[]): Series | string {
  const { method, anchors, growth, kind } = provenance;
  if (method === 'constant' || method === 'default') return constantSeries(anchors.get(0)!.range, years);
  return interpolate(kind, { method, anchors: new Map([...anchors].map(([year, written]) => [year, written.range])), ...(growth && { growth: growth.range }) }, years);
}

/**
 * The input's value in each of `years`, through its anchors; or what keeps
 * them from covering the years or from staying within the kind's range (a
 * message about the whole input).
 */
export function interpolate(kind: ValueKind, { method, anchors, growth }: Anchored, years: readonly Year[]): Series | string {
  if (method === 'growth' && anchors.size !== 1) return `growth needs exactly one anchor year, found ${anchors.size}`;
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  const yearly = yearlyFactors(anchorYears, anchors, method, growth);
  if (yearly === 'not positive') return 'cagr interpolation needs anchors above 0; write interpolate: linear or step';
  const series = new Map<Year, Range>();
  const missing: Year[] = [];
  const power = powerTable();
  for (const year of years) {
    const range = valueInYear(year, anchorYears, anchors, method, yearly, power);
    if (range === undefined) missing.push(year);
    else series.set(year, range);
  }
  if (missing.length > 0) {
    return `no value for ${missing.join(', ')}: the anchors are ${anchorYears.join(', ')}; add anchors${anchors.size === 1 ? ' or a growth rate' : ''} that cover ${years[0]}..${years[years.length - 1]}`;
  }
  if (kind === 'ratio') {
    const outside = [...series].find(([, range]) => range.low.isNegative() || range.high.greaterThan(ONE));
    if (outside) return `grows outside 0%..100% in ${outside[0]}; a ratio lies in [0, 1]`;
  }
  return outOfRange(series, kind) ?? series;
}

/**
 * Whether every value of a series lies within its kind's limits: the written
 * values do, but an interpolation or a growth can leave them.
 */
function outOfRange(series: Series, kind: ValueKind): string | undefined {
  for (const [year, range] of series) {
    const c = CASES.find((c) => isOutOfRange(kind, range[c]));
    if (c === undefined) continue;
    const which = isPlain(range) ? '' : ` (${c} case)`;
    return `reaches ${range[c]}${kind === 'amount' ? ' 亿元' : ''} in ${year}${which}, out of range: ${RANGE_TEXT[kind]}`;
  }
  return undefined;
}

/**
 * What a year adds after each anchor (keyed by the anchor's year): for growth
 * the factor 1 + g, for cagr the yearly factor (v_b / v_a)^(1/(b − a)), for
 * linear the yearly step (v_b − v_a)/(b − a). Computed once per anchor pair, as
 * a root in decimal is the costly part of reading a scenario.
 */
function yearlyFactors(
  anchorYears: readonly Year[],
  anchors: ReadonlyMap<Year, Range>,
  method: Interpolation | 'growth',
  growth: Range | undefined,
): Map<Year, Range> | 'not positive' {
  const factors = new Map<Year, Range>();
  if (method === 'growth') {
    if (growth) factors.set(anchorYears[0]!, mapCases([growth], (c) => ONE.plus(growth[c])));
    return factors;
  }
  for (let i = 0; i + 1 < anchorYears.length; i++) {
    const [a, b] = [anchorYears[i]!, anchorYears[i + 1]!];
    const [from, to] = [anchors.get(a)!, anchors.get(b)!];
    if (method === 'linear') factors.set(a, mapCases([from, to], (c) => to[c].minus(from[c]).dividedBy(b - a)));
    if (method === 'cagr') {
      if (CASES.some((c) => !from[c].isPositive() || from[c].isZero() || !to[c].isPositive() || to[c].isZero())) return 'not positive';
      factors.set(a, mapCases([from, to], (c) => nthRoot(to[c].dividedBy(from[c]), b - a)));
    }
  }
  return factors;
}

function valueInYear(
  year: Year,
  anchorYears: readonly Year[],
  anchors: ReadonlyMap<Year, Range>,
  method: Interpolation | 'growth',
  yearly: ReadonlyMap<Year, Range>,
  power: (factor: Decimal, k: number) => Decimal,
): Range | undefined {
  const exact = anchors.get(year);
  if (exact) return exact;
  const before = anchorYears.filter((a) => a < year).pop();
  if (before === undefined) return undefined;
  const from = anchors.get(before)!;
  if (method === 'step') return anchorYears.some((b) => b > year) ? from : undefined;
  // No factor after the last anchor, unless it grows.
  const factor = yearly.get(before);
  if (factor === undefined) return undefined;
  const elapsed = year - before;
  // growth:  v_t = v_a · (1 + g)^(t − a)
  // cagr:    v_t = v_a · (v_b / v_a)^((t − a)/(b − a)) = v_a · factor^(t − a)
  // linear:  v_t = v_a + (v_b − v_a) · (t − a)/(b − a) = v_a + step · (t − a)
  return method === 'linear'
    ? mapCases([from, factor], (c) => from[c].plus(factor[c].times(elapsed)))
    : mapCases([from, factor], (c) => from[c].times(power(factor[c], elapsed)));
}

/** factor^k for the years of a series in turn: one sequence of powers (decimal.ts powersOf) per factor. */
function powerTable(): (factor: Decimal, k: number) => Decimal {
  const sequences = new Map<Decimal, (k: number) => Decimal>();
  return (factor, k) => {
    let powers = sequences.get(factor);
    if (!powers) sequences.set(factor, (powers = powersOf(factor)));
    return powers(k);
  };
}

/**
 * Evaluates a formula for the three cases. When every input is a plain value
 * (low = base = high) the cases agree, so it is evaluated once: a fractional
 * power in decimal costs about a millisecond, and start-up time matters.
 */
function mapCases(inputs: readonly Range[], valueOf: (c: Case) => Decimal): Range {
  if (inputs.every(isPlain)) {
    const value = valueOf('base');
    return { low: value, base: value, high: value };
  }
  return { low: valueOf('low'), base: valueOf('base'), high: valueOf('high') };
}

/** low = base = high */
export function isPlain(range: Range): boolean {
  return range.low.equals(range.base) && range.base.equals(range.high);
}
