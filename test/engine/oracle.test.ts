// Random scenarios, written in random SPEC §2 syntax, must compute exactly the
// SPEC §3 formulas in all three cases. The oracle below evaluates the formulas
// directly on the generated numbers, independently of the loader and engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, sum } from '../../src/shared/decimal.js';
import { forecast } from '../../src/engine/forecast.js';
import { CASES, type Case } from '../../src/engine/types.js';
import { load } from '../helpers.js';
import { decimal, triple, writeAmount, writeRatio } from './scenario-arbitrary.js';

const modeArb = fc.record({
  share: decimal(0.33),
  penetration: triple(1),
  costSavings: fc.boolean(),
  style: fc.nat(20),
});
const segmentArb = fc.record({
  spend: triple(5000),
  frontierFraction: decimal(1),
  kind: fc.constantFrom('none', 'amount', 'share'),
  style: fc.nat(20),
});
const scenarioArb = fc.record({
  marketSpace: triple(200000),
  traditionalPenetration: triple(1),
  modes: fc.array(modeArb, { maxLength: 3 }),
  profitShare: triple(0.1),
  baselineOperatingCost: triple(0.05),
  operatingCost: triple(0.05),
  segments: fc.array(segmentArb, { minLength: 1, maxLength: 3 }),
  style: fc.nat(20),
});
type Generated = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function yamlOf(g: Generated): string {
  const modes = g.modes
    .map(
      (m, i) =>
        `    m${i}:\n      share: ${writeRatio({ low: m.share, base: m.share, high: m.share }, m.style)}\n      ` +
          `penetration: ${writeRatio(m.penetration, m.style + 1)}\n      costSavings: ${m.costSavings}\n`,
    )
    .join('');
  const segments = g.segments
    .map((s, i) => {
      const frontier = (c: Case) => s.spend[c].times(s.frontierFraction);
      const line =
        s.kind === 'amount'
          ? `      frontier: ${writeAmount({ low: frontier('low'), base: frontier('base'), high: frontier('high') },
            s.style + 2)}\n`
          : s.kind === 'share'
            ? `      frontierShare: ${writeRatio(
              { low: s.frontierFraction, base: s.frontierFraction, high: s.frontierFraction },
              s.style,
            )}\n`
            : '';
      return `    s${i}:\n      spend: ${writeAmount(s.spend, s.style)}\n${line}`;
    })
    .join('');
  return `years: 2020..2021
supplyChain:
  marketSpace: ${writeAmount(g.marketSpace, g.style)}
  traditionalPenetration: ${writeRatio(g.traditionalPenetration, g.style)}
  modes:${modes === '' ? ' {}' : `\n${modes}`}
bankProfit:
  profitShare: ${writeRatio(g.profitShare, g.style + 1)}
  baselineOperatingCost: ${writeRatio(g.baselineOperatingCost, g.style + 2)}
  operatingCost: ${writeRatio(g.operatingCost, g.style)}
techSpend:
  segments:
${segments}`;
}

/** SPEC §3 evaluated directly for one case (every input is constant over the years). */
function oracle(g: Generated, c: Case) {
  const space = g.marketSpace[c];
  const tp = g.traditionalPenetration[c];
  const sizes = g.modes.map((m) => space.times(m.share).times(m.penetration[c]));
  const otherSize = space.times(new Decimal(1).minus(sum(g.modes.map((m) => m.share)))).times(tp);
  const marketSize = sum(sizes).plus(otherSize);
  const traditionalSize = space.times(tp);
  const share = g.profitShare[c];
  const saved = sum(sizes.filter((_, i) => g.modes[i]!.costSavings));
  const costSavings = g.baselineOperatingCost[c].minus(g.operatingCost[c]).times(saved);
  const profit = marketSize.times(share).plus(costSavings);
  const totals = g.segments.map((s) => s.spend[c]);
  const frontiers = g.segments.map((s) => (s.kind === 'none' ? new Decimal(0) : s.spend[c].times(s.frontierFraction)));
  return {
    marketSize,
    increment: marketSize.minus(traditionalSize),
    profit,
    profitIncrement: profit.minus(traditionalSize.times(share)),
    costSavings,
    total: sum(totals),
    frontier: sum(frontiers),
  };
}

describe('oracle: random scenarios in random syntax compute SPEC §3 exactly', () => {
  it('in all three cases', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (g) => {
        const result = forecast((await load(yamlOf(g))), CASES);
        for (const c of CASES) {
          const expected = oracle(g, c);
          const got = result.cases.get(c)!;
          for (const year of [2020, 2021]) {
            expect(got.market!.marketSize.get(year)!.toString()).toBe(expected.marketSize.toString());
            expect(got.market!.increment.get(year)!.toString()).toBe(expected.increment.toString());
            expect(got.profit!.profit.get(year)!.toString()).toBe(expected.profit.toString());
            expect(got.profit!.increment.get(year)!.toString()).toBe(expected.profitIncrement.toString());
            expect(got.profit!.costSavings.get(year)!.toString()).toBe(expected.costSavings.toString());
            expect(got.spend!.total.get(year)!.toString()).toBe(expected.total.toString());
            expect(got.spend!.frontier.get(year)!.toString()).toBe(expected.frontier.toString());
          }
        }
      }),
      { numRuns: 300, seed: 20191 },
    );
  });
});

describe('laws', () => {
  it('cases are ordered when every input raises the output (market size)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (g) => {
        const result = forecast((await load(yamlOf(g))), CASES);
        const size = (c: Case) => result.cases.get(c)!.market!.marketSize.get(2020)!;
        // Market size rises with marketSpace and mode penetrations; traditionalPenetration
        // also raises it, so all inputs here are monotone.
        expect(size('low').lessThanOrEqualTo(size('base'))).toBe(true);
        expect(size('base').lessThanOrEqualTo(size('high'))).toBe(true);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});

describe('oracle: labourSavings and technologies', () => {
  const institution = fc.record({
    cost: decimal(1000),
    r0: decimal(0.5),
    r1: decimal(1),
    smart: fc.option(fc.tuple(decimal(100), decimal(100)), { nil: undefined }),
  });
  const technology = fc.record({ first: fc.integer({ min: 1, max: 1000 }), growth: fc.integer({ min: 0, max: 50 }) });

  it('compute saving, cumulative and net saving, growth and CAGR exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(institution, { minLength: 1, maxLength: 3 }),
        fc.array(technology, { minLength: 1, maxLength: 3 }), async (institutions, technologies) => {
        // years 2020..2023; the labour inputs start in 2019, a rate linear from r0 to r1.
        const yaml = `years: 2020..2023
labourSavings:
  institutions:
${institutions
  .map(
    (i, n) => `    i${n}:
      humanServiceCost: ${i.cost.toFixed()}
      replacementRate: {2019: ${i.r0.toFixed()}, 2023: ${i.r1.toFixed()}}
${i.smart ? `      smartServiceCost: {2019: ${i.smart[0].toFixed()}, 2023: ${i.smart[1].toFixed()}, ` +
  'interpolate: linear}\n' : ''}`,
  )
  .join('')}technologies:
  items:
${technologies.map((t, n) => `    t${n}: {spend: {2020: ${t.first}, growth: ${t.growth}%}}\n`).join('')}`;
        const got = forecast(await load(yaml), ['base']).cases.get('base')!;
        const linear = (a: Decimal, b: Decimal, year: number) => a.plus(b.minus(a).times(year - 2019).dividedBy(4));
        let cumulative = new Decimal(0);
        for (const year of [2020, 2021, 2022, 2023]) {
          let saving = new Decimal(0);
          let net = new Decimal(0);
          for (const i of institutions) {
            const human = (t: number) => i.cost.times(new Decimal(1).minus(linear(i.r0, i.r1, t)));
            const s = human(year - 1).minus(human(year));
            saving = saving.plus(s);
            net = net.plus(
              i.smart
                ? s.minus(linear(i.smart[0], i.smart[1], year).minus(linear(i.smart[0], i.smart[1], year - 1)))
                : s,
            );
          }
          cumulative = cumulative.plus(saving);
          const labour = got.labour!;
          expect(labour.saving.get(year)!.minus(saving).abs().lessThan('1e-30')).toBe(true);
          expect(labour.cumulativeSaving.get(year)!.minus(cumulative).abs().lessThan('1e-30')).toBe(true);
          expect(labour.netSaving.get(year)!.minus(net).abs().lessThan('1e-30')).toBe(true);
          const total = sum(
            technologies.map((t) =>
              new Decimal(t.first).times(new Decimal(1).plus(new Decimal(t.growth).dividedBy(100)).pow(year - 2020)),
            ),
          );
          expect(got.tech!.total.get(year)!.minus(total).abs().lessThan('1e-30')).toBe(true);
        }
        got.tech!.items.forEach((item, n) => {
          const g = new Decimal(technologies[n]!.growth).dividedBy(100);
          expect(item.cagr!.minus(g).abs().lessThan('1e-30')).toBe(true);
          for (const growth of item.growth.values()) expect(growth.minus(g).abs().lessThan('1e-30')).toBe(true);
        });
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
