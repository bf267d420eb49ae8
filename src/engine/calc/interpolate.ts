// Yearly series from what a scenario writes (SPEC §2.2): one value every year,
// or anchors {year: value} interpolated linear | cagr | step, or one anchor and
// a growth rate. Pure math over decoded values: the scenario reader builds each
// input with it, and solve builds an input again with one written value changed.
import { Decimal, nthRoot, ONE, powersOf } from '../../shared/decimal.js';
import { plus, times } from '../../shared/decimal-words.js';
import { isOutOfRange, RANGE_TEXT } from '../../shared/limits.js';
import {
  CASES,
  type Case,
  type Interpolation,
  type Provenance,
  type Range,
  type Series,
  type ValueKind,
  type Year,
} from '../values.js';

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
  const ranges = new Map([...anchors].map(([year, written]) => [year, written.range]));
  return interpolate(kind, { method, anchors: ranges, ...(growth && { growth: growth.range }) }, years);
}

/**
 * The input's value in each of `years`, through its anchors; or what keeps
 * them from covering the years or from staying within the kind's range (a
 * message about the whole input).
 */
export function interpolate(
  kind: ValueKind,
  { method, anchors, growth }: Anchored,
  years: readonly Year[],
): Series | string {
  if (method === 'growth' && anchors.size !== 1) return `growth needs exactly one anchor year, found ${anchors.size}`;
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  const spans = spansOf(anchorYears, anchors, method, growth);
  if (spans === 'not positive') return 'cagr interpolation needs anchors above 0; write interpolate: linear or step';
  const series = new Map<Year, Range>();
  const missing: Year[] = [];
  const spanAt = spanFinder(spans);
  for (const year of years) {
    const range = anchors.get(year) ?? spanAt(year)?.valueIn(year);
    if (range === undefined) missing.push(year);
    else series.set(year, range);
  }
  if (missing.length > 0) {
    const or = anchors.size === 1 ? ' or a growth rate' : '';
    const cover = `add anchors${or} that cover ${years[0]}..${years[years.length - 1]}`;
    return `no value for ${missing.join(', ')}: the anchors are ${anchorYears.join(', ')}; ${cover}`;
  }
  if (kind === 'ratio') {
    for (const [year, range] of series) {
      const outside = range.low.isNegative() || range.high.greaterThan(ONE);
      if (outside) return `grows outside 0%..100% in ${year}; a ratio lies in [0, 1]`;
    }
  }
  return outOfRange(series, kind) ?? series;
}

/**
 * Whether every value of a series lies within its kind's limits: the written
 * values do, but an interpolation or a growth can leave them.
 */
function outOfRange(series: Series, kind: ValueKind): string | undefined {
  for (const [year, range] of series) {
    // A plain value is one number: checked once.
    const c = range.low === range.high
      ? (isOutOfRange(kind, range.base) ? 'low' : undefined)
      : CASES.find((c) => isOutOfRange(kind, range[c]));
    if (c === undefined) continue;
    const which = isPlain(range) ? '' : ` (${c} case)`;
    const unit = kind === 'amount' ? ' 亿元' : '';
    return `reaches ${range[c]}${unit} in ${year}${which}, out of range: ${RANGE_TEXT[kind]}`;
  }
  return undefined;
}

/** The years after an anchor (up to the next, or for ever with a growth rate), and their values. */
interface Span {
  covers(year: Year): boolean;
  valueIn(year: Year): Range;
}

/** The span that covers a year: for years in order, the span of the year before or the next one, found at once. */
function spanFinder(spans: readonly Span[]): (year: Year) => Span | undefined {
  let last = 0;
  return (year) => {
    if (spans[last]?.covers(year)) return spans[last];
    if (spans[last + 1]?.covers(year)) return spans[++last];
    const found = spans.findIndex((span) => span.covers(year));
    if (found >= 0) last = found;
    return spans[found];
  };
}

/**
 * The spans between anchors (and after the one anchor of a growth), each with
 * what a year adds to it, computed once: for growth the factor 1 + g, for cagr
 * the yearly factor (v_b / v_a)^(1/(b − a)), a root in decimal, the costly part
 * of reading a scenario; for linear the yearly step (v_b − v_a)/(b − a).
 */
function spansOf(
  anchorYears: readonly Year[],
  anchors: ReadonlyMap<Year, Range>,
  method: Interpolation | 'growth',
  growth: Range | undefined,
): Span[] | 'not positive' {
  if (method === 'growth') {
    const [a] = anchorYears as [Year];
    return growth ? [compounding(a, Infinity, anchors.get(a)!, mapCases([growth], (c) => ONE.plus(growth[c])))] : [];
  }
  const spans: Span[] = [];
  for (let i = 0; i + 1 < anchorYears.length; i++) {
    const [a, b] = [anchorYears[i]!, anchorYears[i + 1]!];
    const [from, to] = [anchors.get(a)!, anchors.get(b)!];
    if (method === 'step') spans.push({ covers: (year) => a < year && year < b, valueIn: () => from });
    if (method === 'linear') {
      // v_t = v_a + (v_b − v_a) · (t − a)/(b − a) = v_a + step · (t − a)
      const step = mapCases([from, to], (c) => to[c].minus(from[c]).dividedBy(b - a));
      const plain = isPlain(from) && isPlain(step);
      spans.push({
        covers: (year) => a < year && year < b,
        valueIn: (year) => eachCase(plain, (c) => plus(from[c], times(step[c], new Decimal(year - a)))),
      });
    }
    if (method === 'cagr') {
      const positive = (value: Decimal) => value.isPositive() && !value.isZero();
      if (CASES.some((c) => !positive(from[c]) || !positive(to[c]))) return 'not positive';
      spans.push(compounding(a, b, from, mapCases([from, to], (c) => nthRoot(to[c].dividedBy(from[c]), b - a))));
    }
  }
  return spans;
}

/**
 * v_t = v_a · factor^(t − a) for a < t < b: growth, v_a · (1 + g)^(t − a), and cagr,
 * v_a · (v_b / v_a)^((t − a)/(b − a)). The powers come one from the one before
 * (decimal.ts powersOf), one sequence per case.
 */
function compounding(a: Year, b: Year, from: Range, factor: Range): Span {
  const plain = isPlain(from) && isPlain(factor);
  const powers = plain
    ? { base: powersOf(factor.base) }
    : { low: powersOf(factor.low), base: powersOf(factor.base), high: powersOf(factor.high) };
  return {
    covers: (year) => a < year && year < b,
    valueIn: (year) => eachCase(plain, (c) => times(from[c], powers[c]!(year - a))),
  };
}

/** A range from a formula for each case: evaluated once when its inputs are plain (the cases agree). */
function eachCase(plain: boolean, valueOf: (c: Case) => Decimal): Range {
  if (plain) {
    const value = valueOf('base');
    return { low: value, base: value, high: value };
  }
  return { low: valueOf('low'), base: valueOf('base'), high: valueOf('high') };
}

/**
 * Evaluates a formula for the three cases. When every input is a plain value
 * (low = base = high) the cases agree, so it is evaluated once: a fractional
 * power in decimal costs about a millisecond, and start-up time matters.
 */
function mapCases(inputs: readonly Range[], valueOf: (c: Case) => Decimal): Range {
  return eachCase(inputs.every(isPlain), valueOf);
}

/** low = base = high */
export function isPlain(range: Range): boolean {
  return range.low.equals(range.base) && range.base.equals(range.high);
}
