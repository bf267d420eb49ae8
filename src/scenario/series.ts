// Yearly series (SPEC §2.2) as written: a single value for every year, or
// anchors {year: value} with `interpolate: linear | cagr | step`, or one anchor
// with a growth rate. The values between anchors are the engine's to compute
// (engine/calc/interpolate.ts); this file reads what is written, with positions.
import { defaultInterpolation, interpolate } from '../engine/calc/interpolate.js';
import type { Interpolation, Series, ValueKind, Year } from '../engine/types.js';
import { isYearInWindow, YEAR_WINDOW } from '../shared/limits.js';
import { didYouMean } from '../shared/suggest.js';
import type { Pos } from './problems.js';
import type { RawNode } from './raw.js';
import { readValue, written, type ReadContext, type Value } from './values.js';

const INTERPOLATIONS: readonly Interpolation[] = ['linear', 'cagr', 'step'];
const YEAR_KEY = /^\d{4}$/;
const SERIES_KEYS = ['interpolate', 'growth'];

/**
 * Bounds the work of a scenario, which grows with its yearly values (every
 * input's series over its module's years): reading, the models, the outputs,
 * simulate's histograms. The bundled scenarios have under 200; 100,000 is the
 * big scenario of bench/big.mjs, 1,000 segments with a spend and a frontier
 * share over 50 years (about a second), or 500 inputs over 200 years. Aliases
 * count each time they are used.
 */
export const MAX_SERIES_YEARS = 100_000;

/** A map is a series (not an annotated value) when it has a year, `interpolate` or `growth` key. */
export function isSeriesMap(node: RawNode): boolean {
  const seriesKey = (key: string) => YEAR_KEY.test(key) || SERIES_KEYS.includes(key);
  return node.kind === 'map' && node.entries.some((entry) => seriesKey(entry.key));
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
    ctx.provenance.set(path, { path, kind, method: 'constant', anchors: new Map([[0, written(value)]]) });
    return new Map(years.map((year) => [year, value.range]));
  }
  const { problems } = ctx;
  const anchors = new Map<Year, Value>();
  let interpolation = defaultInterpolation(kind);
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
        const suggestion = didYouMean(method, INTERPOLATIONS);
        const message = `unknown interpolation '${method}'${suggestion}; expected linear, cagr or step`;
        problems.add(value.pos, entryPath, message);
        ok = false;
      }
    } else if (key === 'growth') {
      growth = readValue(value, 'growth', entryPath, ctx);
      if (!growth) ok = false;
    } else {
      const suggestion = didYouMean(key, SERIES_KEYS);
      const message = `unknown key in a series; expected a year (2023), interpolate or growth${suggestion}`;
      problems.add(keyPos, entryPath, message);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const method = growth ? 'growth' : interpolation;
  const ranges = new Map([...anchors].map(([year, value]) => [year, value.range]));
  const series = interpolate(kind, { method, anchors: ranges, ...(growth && { growth: growth.range }) }, years);
  if (typeof series === 'string') {
    problems.add(node.pos, path, series);
    return undefined;
  }
  const anchorsWritten = new Map([...anchors].map(([year, value]) => [year, written(value)]));
  ctx.provenance.set(path, { path, kind, method, anchors: anchorsWritten, ...(growth && { growth: written(growth) }) });
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
    const why = `with this input the scenario's inputs hold more than ${limit} `
      + `(each input counts every year of its module, ${years} here)`;
    ctx.problems.add(pos, path, `too many yearly values: ${why}; at most ${limit}: use fewer years or fewer inputs`);
  }
  return false;
}
