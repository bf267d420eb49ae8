// Plausibility: anchor years far outside their module's years, and values far
// from what the report gives for their input, each at the place that wrote it.
import { describe, expect, it } from 'vitest';
import { FAR_YEARS, farAnchors, implausibleValues } from '../../src/engine/analysis/plausibility.js';
import { hygiene, DEFAULT_MAX_GROWTH } from '../../src/engine/analysis/hygiene.js';
import { FILE, load } from '../helpers.js';

const paths = (warnings: readonly { path: string }[]) => warnings.map((warning) => warning.path);

/**
 * A scenario with every module over 2019..2023 (techSpend and technologies 2018..2022), `extra` spliced into each as
 * written.
 */
function everyModule(anchor: (first: number, last: number) => string): string {
  const series = (first: number, last: number, value: string) =>
    `{${first}: ${value}, ${anchor(first, last)}: ${value}}`;
  return `years: 2019..2023
supplyChain:
  marketSpace: ${series(2019, 2023, '10万亿')}
  modes:
    r: {share: 50%, penetration: ${series(2019, 2023, '30%')}}
bankProfit:
  operatingCost: ${series(2019, 2023, '1%')}
techSpend:
  years: 2018..2022
  segments:
    s: {spend: ${series(2018, 2022, '100亿')}, frontierShare: 10%}
labourSavings:
  years: 2019..2022
  institutions:
    i: {humanServiceCost: ${series(2018, 2022, '300亿')}, replacementRate: 50%}
technologies:
  years: 2018..2022
  items:
    t: {spend: ${series(2018, 2022, '10亿')}}
`;
}

describe('anchors far outside their module', () => {
  it(`are flagged more than ${FAR_YEARS} years after the last year, in every module and kind of input`, async () => {
    const near = await load(everyModule((_, last) => String(last + FAR_YEARS)));
    expect(farAnchors(near)).toEqual([]);
    const far = await load(everyModule((_, last) => String(last + FAR_YEARS + 1)));
    expect(paths(farAnchors(far))).toEqual([
      'supplyChain.marketSpace.2034',
      'supplyChain.modes.r.penetration.2034',
      'bankProfit.operatingCost.2034',
      'techSpend.segments.s.spend.2033',
      'labourSavings.institutions.i.humanServiceCost.2033',
      'technologies.items.t.spend.2033',
    ]);
  });

  it(`are flagged more than ${FAR_YEARS} years before the first year (labour's series start the year ` +
    `before its years)`, async () => {
    const before = (first: number) =>
      `years: 2019..2023\nsupplyChain:\n  marketSpace: {${first}: 9万亿, 2023: 12万亿}\n  modes:\n    r: {share: 50%, ` +
        `penetration: 30%}\n`;
    expect(farAnchors(await load(before(2019 - FAR_YEARS)))).toEqual([]);
    const [warning] = farAnchors(await load(before(2019 - FAR_YEARS - 1)));
    expect({ ...warning, message: warning!.message.en }).toEqual({
      where: { file: FILE, line: 3, col: 23 },
      path: 'supplyChain.marketSpace.2008',
      message:
        "anchor year 2008 is 11 years before supplyChain's years 2019..2023; an anchor more than 10 years outside " +
          'them is likely a typo (the years between are interpolated towards it)',
    });
    const labour = (first: number) =>
      `labourSavings:\n  years: 2019..2022\n  institutions:\n    i: {humanServiceCost: {${first}: 300亿, growth: 5%}, ` +
        `replacementRate: 50%}\n`;
    expect(farAnchors(await load(labour(2018)))).toEqual([]);
    expect(paths(farAnchors(await load(labour(2008))))).toEqual(['labourSavings.institutions.i.humanServiceCost.2008']);
  });

  it('are flagged whatever the interpolation; a constant has no anchor year', async () => {
    const with_ = (penetration: string) =>
      `years: 2019..2023\nsupplyChain:\n  marketSpace: 10万亿\n  modes:\n    r: {share: 50%, penetration: ` +
        `${penetration}}\n`;
    expect(paths(farAnchors(await load(with_('{2019: 20%, 2203: 66%, interpolate: step}'))))).toEqual([
      'supplyChain.modes.r.penetration.2203',
    ]);
    expect(paths(farAnchors(await load(with_('{1950: 20%, 2023: 66%}'))))).toEqual([
      'supplyChain.modes.r.penetration.1950',
    ]);
    expect(farAnchors(await load(with_('30%')))).toEqual([]);
  });

  it('are among check\'s findings', async () => {
    const scenario = await load(everyModule((_, last) => String(last + 100)));
    expect(
      hygiene(scenario, DEFAULT_MAX_GROWTH).filter((warning) => warning.message.en.startsWith('anchor year')),
    ).toHaveLength(6);
  });
});

describe('implausible values', () => {
  const profit = (lines: string) =>
    `years: 2019..2020\nsupplyChain:\n  marketSpace: 10万亿\n  modes:\n    r: {share: 50%, penetration: ` +
      `30%}\nbankProfit:\n${lines}`;

  it('are rates of financing above 10% (operating costs, profit shares, a mix\'s rates), at ' +
    'every end of a range', async () => {
    const plausible = await load(
      profit('  operatingCost: 10%\n  baselineOperatingCost: {2019: 1.5%, 2020: 9%}\n  profitShare: 0～10%\n'),
    );
    expect(implausibleValues(plausible)).toEqual([]);
    const implausible = await load(
      profit(
        '  operatingCost: 0.9\n  baselineOperatingCost: {2019: 1.5%, 2020: 0.15}\n  profitShare: {low: ' +
          '3%, high: 0.3}\n',
      ),
    );
    expect(implausibleValues(implausible).map(({ path, message }) => `${path}: ${message.en}`)).toEqual([
      "bankProfit.profitShare: 30% is implausible for a bank's profit share of financing (the report's is 2.5% " +
        '(bank-led) to 3%, l.182-183); expected at most 10% (did you mean 0.3%?)',
      'bankProfit.baselineOperatingCost.2020: 15% is implausible for an operating cost as a share of financing (the ' +
        "report's falls from 1.5% to 0.9%, l.182); expected at most 10% (did you mean 0.15%?)",
      "bankProfit.operatingCost: 90% is implausible for an operating cost as a share of financing (the report's " +
        'falls from 1.5% to 0.9%, l.182); expected at most 10% (did you mean 0.9%?)',
    ]);
    const mix = await load(
      profit(
        '  operatingCost: 1%\n  profitShare:\n    mix:\n      a: {weight: 50%, rate: 3%}\n      b: {weight: ' +
          '50%, rate: 25%}\n',
      ),
    );
    expect(paths(implausibleValues(mix))).toEqual(['bankProfit.profitShare.mix.b.rate']);
  });

  it('are yearly growth rates beyond ±50%, of any input', async () => {
    const growth = (g: string) =>
      `technologies:\n  years: 2018..2020\n  items:\n    t: {spend: {2018: 10亿, growth: ${g}}}\n`;
    for (const g of ['50%', '-50%', '13～14%']) expect(implausibleValues(await load(growth(g)))).toEqual([]);
    for (const g of ['0.9', '51%', '-0.6'])
      expect(paths(implausibleValues(await load(growth(g))))).toEqual(['technologies.items.t.spend.growth']);
    expect(implausibleValues(await load(growth('0.9')))[0]!.message.en).toBe(
      "90% is implausible for a yearly growth rate (the report's are 13～14% (l.167), and about 15% for all tech " +
        'spend (l.44)); expected -50% to 50% a year (did you mean 0.9%?)',
    );
  });

  it('are market spaces outside 1万亿..100万亿 (an amount in the wrong unit)', async () => {
    const space = (value: string) =>
      `years: 2019..2020\nsupplyChain:\n  marketSpace: ${value}\n  modes:\n    r: {share: 50%, penetration: 30%}\n`;
    for (const value of ['1万亿', '100万亿', '{2019: 9.9万亿, 2020: 12.5万亿}'])
      expect(implausibleValues(await load(space(value)))).toEqual([]);
    const warnings = implausibleValues(await load(space('{2019: 9.9万亿, 2020: 12.5}')));
    expect(warnings.map((warning) => ({ ...warning, message: warning.message.en }))).toEqual([
      {
        where: { file: FILE, line: 3, col: 36 },
        path: 'supplyChain.marketSpace.2020',
        message:
          "12.5亿元 is implausible for the SCF market space (the report's is about 10万亿 to 12.5万亿, l.172-177); " +
            "expected 1万亿 to 100万亿: check its unit (a bare number is in the file's unit)",
      },
    ]);
    expect(paths(implausibleValues(await load(space('101万亿'))))).toEqual(['supplyChain.marketSpace']);
    // Shown in 6 significant digits, with an exponent at the extremes.
    expect(
      implausibleValues(await load(space('{2019: 1e-9, 2020: 1e12}'))).map(({ message }) =>
        message.en.slice(0, message.en.indexOf(' is ')),
      ),
    ).toEqual(['1e-9亿元', '1000000000000亿元']);
    expect(
      implausibleValues(await load(space('0.123456789亿'))).map(({ message }) =>
        message.en.slice(0, message.en.indexOf(' is ')),
      ),
    ).toEqual(['0.123457亿元']);
  });

  it("are not the report's own values (defaults) nor inputs whose scale the report leaves open", async () => {
    const scenario = await load(
      profit('  operatingCost: 1%\n') +
        'techSpend:\n  years: 2018..2019\n  segments:\n    s: {spend: 1亿, frontierShare: 100%}\n',
    );
    expect(implausibleValues(scenario)).toEqual([]);
  });
});
