// Yearly series (SPEC §2.2): a single value for every year, or anchors
// {year: value} interpolated linear | cagr | step, or one anchor with a growth rate.
import { nthRoot, ONE, powersOf, type Decimal } from '../shared/decimal.js';
import type { Case, Range, Series, Year } from '../engine/types.js';
import { CASES } from '../engine/types.js';
import { isOutOfRange, isYearInWindow, RANGE_TEXT, YEAR_WINDOW } from '../shared/limits.js';
import { didYouMean } from '../shared/suggest.js';
import type { Pos } from './problems.js';
import type { RawNode } from './raw.js';
import { readValue, written, type ReadContext, type Value, type ValueKind } from './values.js';

export type Interpolation = 'linear' | 'cagr' | 'step';
const INTERPOLATIONS: readonly Interpolation[] = ['linear', 'cagr', 'step'];
const YEAR_KEY = /^\d{4}$/;
const SERIES_KEYS = ['interpolate', 'growth'];

/**
 * Bounds the work of a scenario, which grows with its yearly values (every
 * input's series over its module's years): reading, the models, the outputs,
 * simulate's histograms. The bundled scenarios have under 200; 5,000 is 25
 * inputs over 200 years, or 500 over 10. Aliases count each time they are used.
 */
export const MAX_SERIES_YEARS = 5_000;

/** A map is a series (not an annotated value) when it has a year, `interpolate` or `growth` key. */
export function isSeriesMap(node: RawNode): boolean {
  return node.kind === 'map' && node.entries.some((entry) => YEAR_KEY.test(entry.key) || SERIES_KEYS.includes(entry.key));
}

/** Reads an input as a series covering `years`; reports problems and returns undefined when it cannot. */
export function readSeries(
  node: RawNode,
  kind: ValueKind,
  years: readonly Year[],
  path: string,
  ctx: ReadContext,
): Series | undefined {
  if (!withinSeriesYears(years.length, node.pos, path, ctx)) return undefined;
  if (!isSeriesMap(node) || node.kind !== 'map') {
    const value = readValue(node, kind, path, ctx);
    if (value === undefined) return undefined;
    if (kind !== 'growth') ctx.provenance.set(path, { path, kind, method: 'constant', anchors: new Map([[0, written(value)]]) });
    return new Map(years.map((year) => [year, value.range]));
  }
  const { problems } = ctx;
  const anchors = new Map<Year, Value>();
  // Counts (of firms) step, so that every year holds a whole number.
  let interpolation: Interpolation = kind === 'amount' ? 'cagr' : kind === 'count' ? 'step' : 'linear';
  let growth: Value | undefined;
  let ok = true;
  for (const { key, keyPos, value } of node.entries) {
    const entryPath = `${path}.${key}`;
    if (YEAR_KEY.test(key) && !isYearInWindow(Number(key))) {
      problems.add(keyPos, entryPath, `anchor year ${key} is outside ${YEAR_WINDOW.first}..${YEAR_WINDOW.last}`);
      ok = false;
    } else if (YEAR_KEY.test(key)) {
      const anchor = readValue(value, kind, entryPath, ctx);
      if (anchor) anchors.set(Number(key), anchor);
      else ok = false;
    } else if (key === 'interpolate') {
      const method = value.kind === 'scalar' ? value.text : '';
      if ((INTERPOLATIONS as readonly string[]).includes(method)) interpolation = method as Interpolation;
      else {
        problems.add(value.pos, entryPath, `unknown interpolation '${method}'${didYouMean(method, INTERPOLATIONS)}; expected linear, cagr or step`);
        ok = false;
      }
    } else if (key === 'growth') {
      growth = readValue(value, 'growth', entryPath, ctx);
      if (!growth) ok = false;
    } else {
      problems.add(keyPos, entryPath, `unknown key in a series; expected a year (2023), interpolate or growth${didYouMean(key, SERIES_KEYS)}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  if (growth && anchors.size !== 1) {
    problems.add(node.pos, path, `growth needs exactly one anchor year, found ${anchors.size}`);
    return undefined;
  }
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  const series = new Map<Year, Range>();
  const missing: Year[] = [];
  const yearly = yearlyFactors(anchorYears, anchors, interpolation, growth?.range);
  if (yearly === 'not positive') {
    problems.add(node.pos, path, 'cagr interpolation needs anchors above 0; write interpolate: linear or step');
    return undefined;
  }
  const power = powerTable();
  for (const year of years) {
    const range = valueInYear(year, anchorYears, anchors, growth ? 'growth' : interpolation, yearly, power);
    if (range === undefined) missing.push(year);
    else series.set(year, range);
  }
  if (missing.length > 0) {
    problems.add(
      node.pos,
      path,
      `no value for ${missing.join(', ')}: the anchors are ${anchorYears.join(', ')}; add anchors${anchors.size === 1 ? ' or a growth rate' : ''} that cover ${years[0]}..${years[years.length - 1]}`,
    );
    return undefined;
  }
  if (kind === 'ratio') {
    const outside = [...series].find(([, range]) => range.low.isNegative() || range.high.greaterThan(ONE));
    if (outside) {
      problems.add(node.pos, path, `grows outside 0%..100% in ${outside[0]}; a ratio lies in [0, 1]`);
      return undefined;
    }
  }
  if (!isInRange(series, kind, node.pos, path, ctx)) return undefined;
  if (kind !== 'growth') {
    const anchorsWritten = new Map([...anchors].map(([year, value]) => [year, written(value)]));
    ctx.provenance.set(path, { path, kind, method: growth ? 'growth' : interpolation, anchors: anchorsWritten, ...(growth && { growth: written(growth) }) });
  }
  return series;
}

/** Counts a series' years against MAX_SERIES_YEARS, before any is computed; the one that crosses it is the problem. */
function withinSeriesYears(years: number, pos: Pos, path: string, ctx: ReadContext): boolean {
  if (!ctx.seriesYears) return true;
  const before = ctx.seriesYears.count;
  ctx.seriesYears.count += years;
  if (ctx.seriesYears.count <= MAX_SERIES_YEARS) return true;
  if (before <= MAX_SERIES_YEARS) {
    const limit = MAX_SERIES_YEARS.toLocaleString('en');
    ctx.problems.add(pos, path, `too many yearly values: with this input the scenario's inputs hold more than ${limit} (each input counts every year of its module, ${years} here); at most ${limit}: use fewer years or fewer inputs`);
  }
  return false;
}

/**
 * Whether every value of a series lies within its kind's limits: the written
 * values do (values.ts), but an interpolation or a growth can leave them.
 */
function isInRange(series: ReadonlyMap<Year, Range>, kind: ValueKind, pos: Pos, path: string, ctx: ReadContext): boolean {
  for (const [year, range] of series) {
    const c = CASES.find((c) => isOutOfRange(kind, range[c]));
    if (c === undefined) continue;
    const which = isPlain(range) ? '' : ` (${c} case)`;
    ctx.problems.add(pos, path, `reaches ${range[c]}${kind === 'amount' ? ' 亿元' : ''} in ${year}${which}, out of range: ${RANGE_TEXT[kind]}`);
    return false;
  }
  return true;
}

/**
 * What a year adds after each anchor (keyed by the anchor's year): for growth
 * the factor 1 + g, for cagr the yearly factor (v_b / v_a)^(1/(b − a)), for
 * linear the yearly step (v_b − v_a)/(b − a). Computed once per anchor pair, as
 * a root in decimal is the costly part of reading a scenario.
 */
function yearlyFactors(
  anchorYears: readonly Year[],
  anchors: ReadonlyMap<Year, Value>,
  interpolation: Interpolation,
  growth: Range | undefined,
): Map<Year, Range> | 'not positive' {
  const factors = new Map<Year, Range>();
  if (growth) {
    factors.set(anchorYears[0]!, mapCases([growth], (c) => ONE.plus(growth[c])));
    return factors;
  }
  for (let i = 0; i + 1 < anchorYears.length; i++) {
    const [a, b] = [anchorYears[i]!, anchorYears[i + 1]!];
    const [from, to] = [anchors.get(a)!.range, anchors.get(b)!.range];
    if (interpolation === 'linear') factors.set(a, mapCases([from, to], (c) => to[c].minus(from[c]).dividedBy(b - a)));
    if (interpolation === 'cagr') {
      if (CASES.some((c) => !from[c].isPositive() || from[c].isZero() || !to[c].isPositive() || to[c].isZero())) return 'not positive';
      factors.set(a, mapCases([from, to], (c) => nthRoot(to[c].dividedBy(from[c]), b - a)));
    }
  }
  return factors;
}

function valueInYear(
  year: Year,
  anchorYears: readonly Year[],
  anchors: ReadonlyMap<Year, Value>,
  method: Interpolation | 'growth',
  yearly: ReadonlyMap<Year, Range>,
  power: (factor: Decimal, k: number) => Decimal,
): Range | undefined {
  const exact = anchors.get(year);
  if (exact) return exact.range;
  const before = anchorYears.filter((a) => a < year).pop();
  if (before === undefined) return undefined;
  const from = anchors.get(before)!.range;
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

function isPlain(range: Range): boolean {
  return range.low.equals(range.base) && range.base.equals(range.high);
}
