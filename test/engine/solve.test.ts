// solve varies the decoded input (its series made again from its anchors by the
// engine), never the YAML: it must find what decoding the scenario with the
// value set would give, valid or not, and search only where it is valid.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMetric, linesOf } from '../../src/engine/analysis/lines.js';
import { solveFor, withVaried, type Varied } from '../../src/engine/analysis/solve.js';
import { forecastCase } from '../../src/engine/forecast.js';
import { TABLES, type Scenario } from '../../src/engine/types.js';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { formatProblem, InputError } from '../../src/scenario/problems.js';
import { Decimal } from '../../src/shared/decimal.js';
import { load } from '../helpers.js';

const BASELINE = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');
const sources: ScenarioSources = { open: () => ({ display: 'baseline.yaml', id: 'baseline', text: BASELINE }) };

/** The baseline decoded with `path=value` set, or its first problem. */
async function decodedWith(path: string, value: string): Promise<Scenario | string> {
  try {
    return (
      await loadScenario('baseline', sources, [{ where: '--set #1', path: path.split('.'), value, unit: '亿元' }])
    ).scenario;
  } catch (error) {
    if (error instanceof InputError) return formatProblem(error.problems[0]!);
    throw error;
  }
}

const scenario = (await loadScenario('baseline', sources)).scenario;

/** A varied value, the --set path that writes it, and how to write x there. */
interface Case {
  readonly varied: Varied;
  readonly path: string;
  readonly text: (x: Decimal) => string;
  readonly x: fc.Arbitrary<Decimal>;
}

const percent = (x: Decimal) => `${x.times(100).toFixed()}%`;
const amount = (x: Decimal) => `${x.toFixed()}亿`;
const decimal = (min: number, max: number) =>
  fc.integer({ min: min * 1e6, max: max * 1e6 }).map((n) => new Decimal(n).dividedBy(1e6));

const CASES: readonly Case[] = [
  // An anchor of a cagr series (0 cannot be interpolated through).
  {
    varied: { input: 'supplyChain.marketSpace', part: { kind: 'anchor', year: 2023 } },
    path: 'supplyChain.marketSpace.2023',
    text: amount,
    x: decimal(0, 2e5),
  },
  // An anchor of a linear ratio: the mode shares must stay within 100%.
  {
    varied: { input: 'supplyChain.modes.receivables.share', part: { kind: 'every year' } },
    path: 'supplyChain.modes.receivables.share',
    text: percent,
    x: decimal(0, 1),
  },
  // A spend the frontier must stay below.
  {
    varied: { input: 'techSpend.segments.payment.spend', part: { kind: 'anchor', year: 2022 } },
    path: 'techSpend.segments.payment.spend.2022',
    text: amount,
    x: decimal(0, 3000),
  },
  // A growth rate.
  {
    varied: { input: 'labourSavings.institutions.financialInstitutions.humanServiceCost', part: { kind: 'growth' } },
    path: 'labourSavings.institutions.financialInstitutions.humanServiceCost.growth',
    text: percent,
    x: decimal(-0.99, 10),
  },
  // A year that is not an anchor becomes one.
  {
    varied: { input: 'bankProfit.operatingCost', part: { kind: 'anchor', year: 2021 } },
    path: 'bankProfit.operatingCost.2021',
    text: percent,
    x: decimal(0, 1),
  },
];

describe('solve on decoded inputs', () => {
  it.each(CASES.map((c) => [c.path, c] as const))('varies %s as decoding the scenario ' +
    'with it set would', async (_, c) => {
    await fc.assert(
      fc.asyncProperty(c.x, async (x) => {
        const varied = withVaried(scenario, c.varied, x);
        const decoded = await decodedWith(c.path, c.text(x));
        expect(
          'message' in varied,
          `at ${x}: ${'message' in varied ? varied.message : ''} / ${typeof decoded === 'string' ? decoded : ''}`,
        ).toBe(typeof decoded === 'string');
        if ('message' in varied || typeof decoded === 'string') return;
        expect(linesOf(forecastCase(varied, 'base'), TABLES)).toEqual(linesOf(forecastCase(decoded, 'base'), TABLES));
        expect(linesOf(forecastCase(varied, 'high'), TABLES)).toEqual(linesOf(forecastCase(decoded, 'high'), TABLES));
      }),
      { numRuns: 15, seed: 16 },
    );
  });

  it('says what makes a value invalid: the models’ checks, and the series', () => {
    const spend = CASES[2]!.varied;
    // The years between the anchors move with it (cagr from 2018).
    expect(withVaried(scenario, spend, new Decimal(100))).toEqual({
      path: 'techSpend.segments.payment.frontier',
      message: "frontier spend exceeds the segment's spend in 2021 (low case); frontier is part of spend",
    });
    expect(withVaried(scenario, CASES[0]!.varied, new Decimal(0))).toEqual({
      path: 'supplyChain.marketSpace',
      message: 'cagr interpolation needs anchors above 0; write interpolate: linear or step',
    });
    expect(withVaried(scenario, CASES[1]!.varied, new Decimal('0.9'))).toMatchObject({
      path: 'supplyChain.modes',
      message: expect.stringContaining('the mode shares sum to 106%'),
    });
  });

  it('moves the base of a range written without one with its ends', async () => {
    // supplyChain.modes.arif.penetration.2023 is {low: 25%, high: 30%}: its base is the midpoint.
    const low = withVaried(
      scenario,
      { input: 'supplyChain.modes.arif.penetration', part: { kind: 'anchor', year: 2023, end: 'low' } },
      new Decimal('0.2'),
    ) as Scenario;
    expect(low.supplyChain!.modes[1]!.penetration.get(2023)).toEqual({
      low: new Decimal('0.2'),
      base: new Decimal('0.25'),
      high: new Decimal('0.3'),
    });
    // receivables' 2023 has its own base (66%): it stays, and a low above it is out of order.
    const receivables: Varied = {
      input: 'supplyChain.modes.receivables.penetration',
      part: { kind: 'anchor', year: 2023, end: 'low' },
    };
    expect(
      (withVaried(scenario, receivables, new Decimal('0.5')) as Scenario).supplyChain!.modes[0]!.penetration.get(2023)!
        .base,
    ).toEqual(new Decimal('0.66'));
    expect(withVaried(scenario, receivables, new Decimal('0.67'))).toMatchObject({
      message: expect.stringContaining('range out of order'),
    });
    // A range written as text has its base at the midpoint too; its high can move above the old base.
    const text = await load(
      'years: 2019..2020\nsupplyChain:\n  marketSpace: 100\n  modes:\n    a: {share: 50%, penetration: {2019: 20%, ' +
        '2020: 60～70%}}\n',
    );
    const high = withVaried(
      text,
      { input: 'supplyChain.modes.a.penetration', part: { kind: 'anchor', year: 2020, end: 'high' } },
      new Decimal('0.9'),
    ) as Scenario;
    expect(high.supplyChain!.modes[0]!.penetration.get(2020)).toEqual({
      low: new Decimal('0.6'),
      base: new Decimal('0.75'),
      high: new Decimal('0.9'),
    });
  });

  it('meets the target within the valid domain, and says why the domain ends where it does', async () => {
    const met = await solveFor(scenario, CASES[2]!.varied, 'spend.frontierShare.2022', new Decimal('0.4'), 'base');
    expect(met.kind === 'searched' && met.result.kind).toBe('solved');
    const value = met.kind === 'searched' ? findMetric(met.forecast!, 'spend.frontierShare.2022')!.value! : undefined;
    expect(value!.minus('0.4').abs().lessThan('1e-20')).toBe(true);
    const far = await solveFor(scenario, CASES[2]!.varied, 'spend.frontierShare.2022', new Decimal('0.9'), 'base');
    expect(far.kind === 'searched' && far.result.kind).toBe('unreachable');
    expect(far.kind === 'searched' && far.belowLower?.path).toBe('techSpend.segments.payment.frontier');
    expect(far.kind === 'searched' && far.domain.lower.minus('337.2').abs().lessThan('1e-18')).toBe(true);
  });

  it('says when no value it tries is valid', async () => {
    // 2021 is not an anchor of the growth series: a second anchor makes the growth invalid at any value.
    const varied: Varied = {
      input: 'labourSavings.institutions.financialInstitutions.humanServiceCost',
      part: { kind: 'anchor', year: 2021 },
    };
    const outcome = await solveFor(scenario, varied, 'labour.saving.2022', new Decimal(40), 'base');
    expect(outcome).toMatchObject({
      kind: 'invalid',
      problem: { message: 'growth needs exactly one anchor year, found 2' },
    });
  });
});
