// Random scenarios for property tests: numbers as fast-check arbitraries and
// their YAML in the random syntaxes of SPEC §2 (oracle.test.ts), and
// `anyScenario`, a scenario of every model with the forms each can take (a
// profit-share mix, firms × perFirm, groups, a frontier or not, smart-service
// costs, zeros where growth is undefined) for laws that hold of every model.
import fc from 'fast-check';
import { Decimal } from '../../src/shared/decimal.js';

export type Triple = { low: Decimal; base: Decimal; high: Decimal };

/** A decimal with up to 4 places in [0, max]. */
export const decimal = (max: number) =>
  fc.integer({ min: 0, max: max * 10000 }).map((n) => new Decimal(n).dividedBy(10000));
/** low ≤ base ≤ high, base the midpoint when written as a string range. */
export const triple = (max: number) =>
  fc.tuple(decimal(max), decimal(max), decimal(max), fc.boolean()).map(([a, b, c, plain]): Triple => {
    const [low, mid, high] = [a, b, c].sort((x, y) => x.comparedTo(y));
    return plain ? { low: mid!, base: mid!, high: mid! } : { low: low!, base: mid!, high: high! };
  });

/** Writes a ratio triple in one of the syntaxes of SPEC §2.1. */
export function writeRatio(t: Triple, style: number): string {
  const pct = (d: Decimal) => `${d.times(100).toFixed()}%`;
  if (t.low.equals(t.high)) return [t.base.toFixed(), pct(t.base), `{value: ${pct(t.base)}, source: "x"}`][style % 3]!;
  return `{low: ${pct(t.low)}, base: ${t.base.toFixed()}, high: ${pct(t.high)}}`;
}

/** Writes an amount triple (in 亿元) in one of the unit syntaxes. */
export function writeAmount(t: Triple, style: number): string {
  const units: [string, number][] = [['', 0], ['亿', 0], ['万亿', -4], ['元', 8], ['bn', -1], ['百万元', 2]];
  const [unit, shift] = units[style % units.length]!;
  const write = (d: Decimal) => `${d.times(new Decimal(10).pow(shift)).toFixed()}${unit}`;
  if (t.low.equals(t.high)) return write(t.base);
  return `{low: ${write(t.low)}, base: ${write(t.base)}, high: ${write(t.high)}}`;
}

/** Two anchors, the first and last year, and how to fill the years between. */
const anchored = (max: number) =>
  fc.record({ first: triple(max), last: triple(max), method: fc.constantFrom('linear', 'step'), style: fc.nat(20) });

/** Whole percentages, at least one, adding up to 100. */
const weights = fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 0, maxLength: 2 }).map((cuts) => {
  const points = [...new Set(cuts)].sort((a, b) => a - b);
  return [...points, 100].map((point, i) => point - (i === 0 ? 0 : points[i - 1]!));
});

const modeArb = fc.record({
  share: decimal(0.33),
  penetration: anchored(1),
  costSavings: fc.boolean(),
  style: fc.nat(20),
});
const segmentArb = fc.record({
  volume: fc.oneof(
    fc.record({ spend: triple(5000) }),
    fc.record({ firms: fc.integer({ min: 0, max: 500 }), perFirm: triple(50) }),
  ),
  frontier: fc.constantFrom('none', 'amount', 'share'),
  fraction: decimal(1),
  group: fc.option(fc.constantFrom('g0', 'g1'), { nil: undefined }),
  style: fc.nat(20),
});
const institutionArb = fc.record({
  cost: decimal(1000),
  r0: decimal(0.5),
  r1: decimal(1),
  smart: fc.option(fc.tuple(decimal(100), decimal(100)), { nil: undefined }),
});
const technologyArb = fc.record({
  first: fc.integer({ min: 0, max: 1000 }),
  growth: fc.integer({ min: -50, max: 50 }),
});

export const anyScenarioParts = fc.record({
  lastYear: fc.integer({ min: 2020, max: 2023 }),
  marketSpace: anchored(200000),
  traditionalPenetration: triple(1),
  modes: fc.array(modeArb, { maxLength: 3 }),
  profitShare: fc.oneof(
    fc.record({ rate: triple(0.1) }),
    fc.record({ weights, rates: fc.array(decimal(0.1), { minLength: 3, maxLength: 3 }) }),
  ),
  baselineOperatingCost: triple(0.05),
  operatingCost: triple(0.05),
  segments: fc.array(segmentArb, { minLength: 1, maxLength: 4 }),
  institutions: fc.array(institutionArb, { minLength: 1, maxLength: 3 }),
  technologies: fc.array(technologyArb, { minLength: 1, maxLength: 3 }),
  style: fc.nat(20),
});
type Parts = typeof anyScenarioParts extends fc.Arbitrary<infer T> ? T : never;

/** A scenario of every model, from 2020 to `lastYear`. */
export function anyScenarioYaml(g: Parts): string {
  const { lastYear: last } = g;
  const series = (
    a: { first: Triple; last: Triple; method: string; style: number },
    write: (t: Triple, style: number) => string,
  ) =>
    last === 2020
      ? write(a.first, a.style)
      : `{2020: ${write(a.first, a.style)}, ${last}: ${write(a.last, a.style + 1)}, interpolate: ${a.method}}`;
  const ratio = (d: Decimal) => `${d.times(100).toFixed()}%`;
  const modes = g.modes
    .map(
      (m, i) =>
        `    m${i}:\n      share: ${ratio(m.share)}\n      penetration: ${series(m.penetration, writeRatio)}\n      ` +
          `costSavings: ${m.costSavings}\n`,
    )
    .join('');
  const profitShare =
    'rate' in g.profitShare
      ? writeRatio(g.profitShare.rate, g.style)
      : `\n    mix:\n${g.profitShare.weights
        .map((weight, i) => {
          const rate = ratio((g.profitShare as { rates: Decimal[] }).rates[i]!);
          return `      c${i}: {weight: ${weight}%, rate: ${rate}}\n`;
        })
        .join('')}`;
  const segments = g.segments
    .map((s, i) => {
      const volume =
        'spend' in s.volume
          ? `      spend: ${writeAmount(s.volume.spend, s.style)}\n`
          : `      firms: ${s.volume.firms}\n      perFirm: ${writeAmount(s.volume.perFirm, s.style)}\n`;
      // A frontier amount is a fraction of the spend in each case, so never above it.
      const frontier =
        s.frontier === 'amount' && 'spend' in s.volume
          ? `      frontier: ${writeAmount(
            {
              low: s.volume.spend.low.times(s.fraction),
              base: s.volume.spend.base.times(s.fraction),
              high: s.volume.spend.high.times(s.fraction),
            },
            s.style + 2,
          )}\n`
          : s.frontier === 'none'
            ? ''
            : `      frontierShare: ${ratio(s.fraction)}\n`;
      return `    s${i}:\n${volume}${frontier}${s.group ? `      group: ${s.group}\n` : ''}`;
    })
    .join('');
  const groups = [...new Set(g.segments.flatMap((s) => (s.group ? [s.group] : [])))].sort();
  const institutions = g.institutions
    .map(
      (i, n) =>
        `    i${n}:\n      humanServiceCost: ${i.cost.toFixed()}\n      replacementRate: {2019: ${i.r0.toFixed()}, ` +
          `${last}: ${i.r1.toFixed()}}\n` +
        (i.smart
          ? `      smartServiceCost: {2019: ${i.smart[0].toFixed()}, ${last}: ${i.smart[1].toFixed()}, ` +
            'interpolate: linear}\n'
          : ''),
    )
    .join('');
  const technologies = g.technologies
    .map((t, n) => `    t${n}: {spend: {2020: ${t.first}, growth: ${t.growth}%}}\n`)
    .join('');
  const groupLines = groups.map((group) => `    ${group}: {label: {en: ${group}, zh: ${group}}}\n`).join('');
  const groupsText = groups.length === 0 ? '' : `  groups:\n${groupLines}`;
  return `years: 2020..${last}
supplyChain:
  marketSpace: ${series(g.marketSpace, writeAmount)}
  traditionalPenetration: ${writeRatio(g.traditionalPenetration, g.style)}
  modes:${modes === '' ? ' {}' : `\n${modes}`}
bankProfit:
  profitShare: ${profitShare}
  baselineOperatingCost: ${writeRatio(g.baselineOperatingCost, g.style + 2)}
  operatingCost: ${writeRatio(g.operatingCost, g.style)}
techSpend:
  segments:
${segments}${groupsText}labourSavings:
  institutions:
${institutions}technologies:
  items:
${technologies}`;
}
