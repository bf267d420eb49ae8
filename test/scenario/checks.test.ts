import { describe, expect, it } from 'vitest';
import { load, problemsOf } from '../helpers.js';

const MARKET = `supplyChain:
  marketSpace: 100
  modes:
    a: {share: 60%, penetration: 50%}
    b: {share: 30%, penetration: 40%}
`;

describe('scenario structure (SPEC §2.3)', () => {
  it('applies the report defaults for left-out inputs', async () => {
    const scenario = (await load(`${MARKET}bankProfit:\n  operatingCost: 1%\n`));
    expect(scenario.name).toBe('test');
    expect(scenario.title).toBe('test');
    expect(scenario.supplyChain!.years).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(scenario.supplyChain!.traditionalPenetration.get(2019)!.base.toString()).toBe('0.2');
    expect(scenario.supplyChain!.modes.map((mode) => mode.costSavings)).toEqual([true, true]);
    const profit = scenario.bankProfit!;
    expect(profit.profitShare instanceof Map && profit.profitShare.get(2023)!.base.toString()).toBe('0.03');
    expect(profit.baselineOperatingCost.get(2023)!.base.toString()).toBe('0.015');
    expect(profit.years).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('takes years per module, as 2019..2023 or {from, to}, bankProfit defaulting to supplyChain', async () => {
    const scenario = await load(
      `years: 2020..2021\nsupplyChain:\n  years: {from: 2019, to: 2022}\n  marketSpace: 1\nbankProfit:\n  ` +
        `operatingCost: 1%\ntechSpend:\n  segments:\n    s: {spend: 1}\n`,
    );
    expect(scenario.supplyChain!.years).toEqual([2019, 2020, 2021, 2022]);
    expect(scenario.bankProfit!.years).toEqual([2019, 2020, 2021, 2022]);
    expect(scenario.techSpend!.years).toEqual([2020, 2021]);
  });

  it('reads labels as text or {en, zh}', async () => {
    const scenario = await load(
      `techSpend:\n  segments:\n    a: {spend: 1, label: Pay}\n    b: {spend: 1, label: {en: Pay, zh: 支付}}\n    c: ` +
        `{spend: 1, label: {zh: 支付}}\n    d: {spend: 1}\n`,
    );
    expect(scenario.techSpend!.segments.map((s) => s.label)).toEqual([
      { en: 'Pay', zh: 'Pay' },
      { en: 'Pay', zh: '支付' },
      { en: '支付', zh: '支付' },
      { en: 'd', zh: 'd' },
    ]);
  });

  it('reports unknown keys with a suggestion, at the key', async () => {
    expect(await problemsOf(`${MARKET}tecSpend: {}\n`)).toEqual([
      "test.yaml:6:1: error: tecSpend: unknown key (did you mean 'techSpend'?); expected one of version, name, " +
        'title, description, unit, years, extends, supplyChain, bankProfit, techSpend, labourSavings, technologies, ' +
          'metrics, simulation',
    ]);
    expect(
      await problemsOf(`supplyChain:\n  marketSpace: 1\n  modes:\n    a: {share: 1%, penetraton: 5%}\n`),
    ).toContain(
      "test.yaml:4:20: error: supplyChain.modes.a.penetraton: unknown key (did you mean 'penetration'?); expected " +
        'one of label, share, penetration, costSavings',
    );
  });

  it('reports missing required inputs', async () => {
    expect((await problemsOf('supplyChain:\n  modes:\n    a: {share: 1%}\n'))).toEqual([
      'test.yaml:2:3: error: supplyChain.marketSpace: missing; marketSpace is required',
      'test.yaml:3:8: error: supplyChain.modes.a.penetration: missing; penetration is required',
    ]);
    expect(await problemsOf(`${MARKET}bankProfit: {}\n`)).toEqual([
      'test.yaml:6:13: error: bankProfit.operatingCost: missing; operatingCost is required',
    ]);
    expect((await problemsOf('techSpend:\n  segments:\n    a: {frontier: 1}\n'))[0]).toContain(
      'techSpend.segments.a.spend: missing; spend is required',
    );
  });

  it('reports every problem of a file, in file order', async () => {
    const problems = await problemsOf(
      'version: 2\nunit: yuan\nsupplyChain:\n  marketSpace: -1\n  modes:\n    a: {share: 150, penetration: 5%}\n',
    );
    expect(problems).toEqual([
      'test.yaml:1:10: error: version: unsupported format version; expected 1',
      "test.yaml:2:7: error: unit: unknown unit 'yuan'; expected one of 元 万 万元 百万 百万元 千万 千万元 亿 亿元 万亿 万亿元 k m mn bn tn",
      "test.yaml:4:16: error: supplyChain.marketSpace: negative amount '-1'; amounts are ≥ 0",
      'test.yaml:6:16: error: supplyChain.modes.a.share: 150 is not a ratio (did you mean 150%?); expected a ' +
        'fraction in [0, 1] or a percentage',
    ]);
  });
});

describe('checks (SPEC §2.4)', () => {
  it('mode shares sum to at most 100% in each year and case', async () => {
    expect(
      await problemsOf(
        'supplyChain:\n  marketSpace: 1\n  modes:\n    a: {share: 60%, penetration: 5%}\n    b: {share: {2019: 30%, ' +
          '2023: 30～50%}, penetration: 5%}\n',
      ),
    ).toEqual([
      'test.yaml:4:5: error: supplyChain.modes: the mode shares sum to 105% in 2022 (high case); they may sum ' +
        'to at most 100%',
    ]);
  });

  it('frontier spend is at most the spend', async () => {
    expect(
      await problemsOf(
        'techSpend:\n  years: 2018..2019\n  segments:\n    a: {spend: 10, frontier: {2018: 5, 2019: 11}}\n',
      ),
    ).toEqual([
      "test.yaml:4:30: error: techSpend.segments.a.frontier: frontier spend exceeds the segment's spend in 2019 (low " +
        'case); frontier is part of spend',
    ]);
  });

  it('at most one of frontier and frontierShare', async () => {
    expect(
      (await problemsOf('techSpend:\n  segments:\n    a: {spend: 10, frontier: 5, frontierShare: 5%}\n'))[0],
    ).toContain('give frontier or frontierShare, not both');
  });

  it('bankProfit needs supplyChain, within its years', async () => {
    expect((await problemsOf('bankProfit:\n  operatingCost: 1%\n'))[0]).toBe(
      'test.yaml:2:3: error: bankProfit: needs supplyChain: bank profit is computed from the SCF market',
    );
    expect((await problemsOf(`${MARKET}bankProfit:\n  years: 2019..2025\n  operatingCost: 1%\n`))[0]).toBe(
      "test.yaml:7:10: error: bankProfit.years: must lie within supplyChain's years 2019..2023",
    );
  });

  it('a profit-share mix has weights that sum to 100%', async () => {
    const scenario = await load(
      `${MARKET}bankProfit:\n  operatingCost: 1%\n  profitShare:\n    mix:\n      bankLed: {weight: 40%, rate: ` +
        `2.5%}\n      other: {weight: 60%, rate: 3%}\n`,
    );
    expect(Object.keys(scenario.bankProfit!.profitShare)).toEqual(['mix']);
    expect(
      await problemsOf(
        `${MARKET}bankProfit:\n  operatingCost: 1%\n  profitShare:\n    mix:\n      bankLed: {weight: 40%, rate: ` +
          `2.5%}\n      other: {weight: 50%, rate: 3%}\n`,
      ),
    ).toEqual([
      'test.yaml:10:7: error: bankProfit.profitShare.mix: the weights sum to 90% in 2019 (low case); they ' +
        'must sum to 100%',
    ]);
  });

  it('a range needs low ≤ base ≤ high', async () => {
    expect((await problemsOf('supplyChain:\n  marketSpace: {low: 2, high: 1}\n'))[0]).toContain('range out of order');
  });
});

// Aliases, duplicate keys, tags, documents, nesting and size limits: yaml.test.ts.
describe('YAML input', () => {
  it('keeps the parser position of syntax errors', async () => {
    const [problem] = (await problemsOf('supplyChain:\n  marketSpace: [1, 2\n'));
    expect(problem).toMatch(/^test\.yaml:\d+:\d+: error: invalid YAML: /);
  });

  it('rejects an empty file and a top level that is not a map', async () => {
    expect(await problemsOf('')).toEqual([
      'test.yaml:1:1: error: the file is empty; expected a scenario (version: 1, supplyChain: ...)',
    ]);
    expect((await problemsOf('# only a comment\n'))[0]).toContain('the file is empty');
    expect(await problemsOf('- a\n- b\n')).toEqual([
      'test.yaml:1:1: error: expected a scenario: a map of keys (version, name, supplyChain, ...)',
    ]);
  });
});
