// The interpolation of a series, against the formulas it computes written out
// year by year (SPEC §2.2): the same values to the last of the 40 digits, on
// random anchors, ranges, methods and years. interpolate.ts computes a root per
// pair of anchors and a multiplication a year, with the checks made once per
// pair where they can be; whatever it saves, its values are these.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolate, type Anchored } from '../../src/engine/calc/interpolate.js';
import type { Range, ValueKind, Year } from '../../src/engine/values.js';
import { Decimal, nthRoot, ONE, powersOf } from '../../src/shared/decimal.js';
import { isOutOfRange } from '../../src/shared/limits.js';

const CASES = ['low', 'base', 'high'] as const;

/**
 * The value in each year, computed as the formulas read: v_a + (v_b − v_a)/(b − a)·(t − a),
 * v_a·((v_b/v_a)^(1/(b − a)))^(t − a) (the power taken by powersOf, one sequence
 * per anchor and case, asked in year order), v_a·(1 + g)^(t − a), or v_a (step);
 * undefined where no anchor covers the year, or where a value leaves its kind's range.
 */
function byFormula(
  kind: ValueKind,
  { method, anchors, growth }: Anchored,
  years: readonly Year[],
): Map<Year, Range> | undefined {
  const sorted = [...anchors.keys()].sort((a, b) => a - b);
  const powers = new Map<string, (k: number) => Decimal>();
  const series = new Map<Year, Range>();
  for (const year of years) {
    const a = sorted.filter((anchor) => anchor <= year).pop();
    const b = sorted.find((anchor) => anchor > year);
    if (a === undefined) return undefined;
    const from = anchors.get(a)!;
    if (a === year) {
      series.set(year, from);
      continue;
    }
    const to = b === undefined ? undefined : anchors.get(b)!;
    const valueOf = (c: (typeof CASES)[number]): Decimal | undefined => {
      if (method === 'step') return to && from[c];
      if (method === 'growth') return growth && from[c].times(powerOf(`${a}${c}`, ONE.plus(growth[c]), year - a));
      if (to === undefined) return undefined;
      if (method === 'linear') return from[c].plus(to[c].minus(from[c]).dividedBy(b! - a).times(year - a));
      return from[c].times(powerOf(`${a}${c}`, nthRoot(to[c].dividedBy(from[c]), b! - a), year - a));
    };
    const powerOf = (key: string, factor: Decimal, k: number) => {
      if (!powers.has(key)) powers.set(key, powersOf(factor));
      return powers.get(key)!(k);
    };
    const [low, base, high] = CASES.map(valueOf);
    if (low === undefined || base === undefined || high === undefined) return undefined;
    series.set(year, { low, base, high });
  }
  const outside = [...series.values()].some((range) => CASES.some((c) => isOutOfRange(kind, range[c])));
  const outsideRatio = (range: Range) => range.low.isNegative() || range.high.greaterThan(1);
  const notRatio = kind === 'ratio' && [...series.values()].some(outsideRatio);
  return outside || notRatio ? undefined : series;
}

const digits = fc.integer({ min: 1, max: 999_999_999_999 });
const value = (kind: ValueKind) =>
  kind === 'ratio'
    ? digits.map((d) => new Decimal(d).dividedBy(1e12))
    : fc
      .tuple(digits, fc.integer({ min: -6, max: 4 }))
      .map(([d, e]) => new Decimal(`${d}e${e}`).toSignificantDigits(12));
const range = (kind: ValueKind) =>
  fc.oneof(
    value(kind).map((v): Range => ({ low: v, base: v, high: v })),
    fc.array(value(kind), { minLength: 3, maxLength: 3 }).map((ends): Range => {
      const [low, base, high] = ends.sort((x, y) => x.comparedTo(y));
      return { low: low!, base: base!, high: high! };
    }),
  );
const KINDS: readonly ValueKind[] = ['amount', 'ratio'];
const METHODS = ['linear', 'cagr', 'step', 'growth'] as const;

const example = fc
  .record({ kind: fc.constantFrom(...KINDS), method: fc.constantFrom(...METHODS) })
  .chain(({ kind, method }) =>
    fc.record({
      kind: fc.constant(kind),
      method: fc.constant(method),
      anchors: fc.uniqueArray(fc.tuple(fc.integer({ min: 2000, max: 2060 }), range(kind)), {
        minLength: 1,
        maxLength: method === 'growth' ? 1 : 4,
        selector: ([year]) => year,
      }),
      growth: range('ratio').map((r): Range => ({
        low: r.low.dividedBy(10),
        base: r.base.dividedBy(10),
        high: r.high.dividedBy(10),
      })),
      // From the first anchor or a few years after it (a power asked out of turn first), sometimes before it.
      start: fc.integer({ min: -1, max: 12 }),
      length: fc.integer({ min: 1, max: 40 }),
    }),
  )
  .map(({ anchors, start, length, ...rest }) => {
    const first = Math.min(...anchors.map(([year]) => year)) + start;
    return { ...rest, anchors, years: Array.from({ length }, (_, i) => first + i) };
  });

describe('interpolate (property): the formulas of SPEC §2.2 to the last digit', () => {
  it('gives every year the value the formula gives, or refuses where the formula has none', () => {
    let accepted = 0;
    fc.assert(
      fc.property(example, ({ kind, method, anchors, growth, years }) => {
        const anchored: Anchored = { method, anchors: new Map(anchors), ...(method === 'growth' && { growth }) };
        const got = interpolate(kind, anchored, years);
        const expected = byFormula(kind, anchored, years);
        if (expected === undefined) {
          expect(typeof got).toBe('string');
          return;
        }
        accepted++;
        expect(typeof got, typeof got === 'string' ? got : '').toBe('object');
        const text = (series: ReadonlyMap<Year, Range>) =>
          [...series].map(([year, r]) => `${year} ${r.low} ${r.base} ${r.high}`);
        expect(text(got as Map<Year, Range>)).toEqual(text(expected));
      }),
      { numRuns: 400 },
    );
    // Most examples are series, not refusals: the property says something about values.
    expect(accepted).toBeGreaterThan(100);
  });
});
