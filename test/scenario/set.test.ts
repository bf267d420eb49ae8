// --set path=value (SPEC §4): every kind of value, and every way a path can be wrong.
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { formatProblem, Problems } from '../../src/scenario/problems.js';
import { MAX_SETTINGS, parseSetting, type Setting } from '../../src/scenario/set.js';
import { problemsFrom } from '../helpers.js';

const BASE = `years: 2019..2023
supplyChain:
  marketSpace: {2019: 10万亿, 2023: 12万亿}
  modes:
    receivables:
      share: 60%
      penetration: {2019: 20%, 2023: {low: 60%, high: 70%, source: "l.173"}}
bankProfit:
  operatingCost: {2019: 1.5%, 2023: 0.9%}
techSpend:
  segments:
    payment: {spend: 1000, frontierShare: 10%}
`;
const sources: ScenarioSources = { open: () => ({ display: 'base.yaml', id: 'base.yaml', text: BASE }) };

function settings(...texts: string[]): Setting[] {
  const problems = new Problems();
  const parsed = texts.map((text, i) => parseSetting(text, i + 1, problems)!);
  expect(problems.list).toEqual([]);
  return parsed;
}

const withSets = async (...texts: string[]) => (await loadScenario('base.yaml', sources, settings(...texts))).scenario;

const problemsOf = (...texts: string[]) => problemsFrom(withSets(...texts));

const cases = (range: { low: unknown; base: unknown; high: unknown }) => [range.low, range.base, range.high].map(String);

describe('--set values', () => {
  it('sets a year anchor to a range string, keeping the other anchors', async () => {
    const scenario = await withSets('supplyChain.modes.receivables.penetration.2023=55～65%');
    const penetration = scenario.supplyChain!.modes[0]!.penetration;
    expect(cases(penetration.get(2023)!)).toEqual(['0.55', '0.6', '0.65']);
    expect(cases(penetration.get(2019)!)).toEqual(['0.2', '0.2', '0.2']);
  });

  it('sets a plain ratio, a fraction, an amount with a unit and a growth rate', async () => {
    const scenario = await withSets(
      'bankProfit.profitShare=2.5%',
      'supplyChain.traditionalPenetration=0.25',
      'supplyChain.marketSpace.2023=1.3万亿元',
      'techSpend.segments.payment.spend={2019: 100bn, growth: 10%}',
    );
    const share = scenario.bankProfit!.profitShare;
    expect(share.kind === 'rate' && share.rate.get(2023)!.base.toString()).toBe('0.025');
    expect(scenario.supplyChain!.traditionalPenetration.get(2020)!.base.toString()).toBe('0.25');
    expect(scenario.supplyChain!.marketSpace.get(2023)!.base.toString()).toBe('13000');
    const volume = scenario.techSpend!.segments[0]!.volume;
    expect(volume.kind === 'spend' && volume.spend.get(2021)!.base.toString()).toBe('1210');
  });

  it('sets {low, base, high} maps, annotated values and series maps', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables.share={low: 50%, base: 55%, high: 58%}',
      'bankProfit.operatingCost={value: 1%, source: "my bank"}',
      'supplyChain.modes.receivables.penetration={2019: 20%, 2023: 50%, interpolate: step}',
    );
    const mode = scenario.supplyChain!.modes[0]!;
    expect(cases(mode.share.get(2019)!)).toEqual(['0.5', '0.55', '0.58']);
    expect(scenario.bankProfit!.operatingCost.get(2021)!.base.toString()).toBe('0.01');
    expect(mode.penetration.get(2022)!.base.toString()).toBe('0.2');
  });

  it('sets one end of a value map, an interpolation method, a label, a new mode', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables.penetration.2023.high=75%',
      'supplyChain.marketSpace.interpolate=linear',
      'techSpend.segments.payment.label.zh=支付',
      'supplyChain.modes.arif={share: 10%, penetration: 30%}',
    );
    const modes = scenario.supplyChain!.modes;
    expect(cases(modes[0]!.penetration.get(2023)!)).toEqual(['0.6', '0.675', '0.75']);
    expect(scenario.supplyChain!.marketSpace.get(2021)!.base.toString()).toBe('110000');
    expect(scenario.techSpend!.segments[0]!.label).toEqual({ en: '支付', zh: '支付' }); // one language stands for both
    expect(modes.map((mode) => mode.id)).toEqual(['receivables', 'arif']);
  });

  it('applies in order: a later --set wins', async () => {
    const scenario = await withSets('bankProfit.profitShare=2%', 'bankProfit.profitShare=4%');
    const share = scenario.bankProfit!.profitShare;
    expect(share.kind === 'rate' && share.rate.get(2019)!.base.toString()).toBe('0.04');
  });
});

describe('--set errors', () => {
  it('reports a path that does not exist, with a suggestion', async () => {
    expect(await problemsOf('supplyChain.modes.recievables.share=50%')).toEqual([
      "--set #1: error: supplyChain.modes.recievables: no mode 'recievables' in the scenario (did you mean 'receivables'?); it has receivables",
    ]);
    expect((await problemsOf('bankProfit.profitshare=2%'))[0]).toBe(
      "--set #1: error: bankProfit.profitshare: no such input (did you mean 'profitShare'?); expected one of years, profitShare, baselineOperatingCost, operatingCost",
    );
    expect((await problemsOf('supplyChain.marketSpace.2023.vale=1'))[0]).toContain("(did you mean 'value'?)");
    expect((await problemsOf('name.first=x'))[0]).toBe('--set #1: error: name.first: name has no parts; set it whole');
  });

  it('reports bad values at the --set, with its number', async () => {
    expect(await problemsOf('bankProfit.profitShare=2%', 'supplyChain.traditionalPenetration=20')).toEqual([
      '--set #2: error: supplyChain.traditionalPenetration: 20 is not a ratio (did you mean 20%?); expected a fraction in [0, 1] or a percentage',
    ]);
    expect((await problemsOf('supplyChain.marketSpace={2019: 1'))[0]).toMatch(/^--set #1: error: supplyChain\.marketSpace: invalid YAML: /);
  });

  it(`takes at most ${MAX_SETTINGS} options: more is a limit, named at the first one over it`, async () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => `supplyChain.modes.receivables.share=${i % 60}%`);
    expect((await withSets(...many(MAX_SETTINGS))).supplyChain!.modes[0]!.share.get(2019)!.base.toString()).toBe(String((MAX_SETTINGS - 1) % 60 / 100));
    expect(await problemsOf(...many(MAX_SETTINGS + 1))).toEqual([
      `--set #${MAX_SETTINGS + 1}: error: more than ${MAX_SETTINGS} --set options; write larger changes in a scenario file that extends this one`,
    ]);
  });

  it('needs path=value', () => {
    const problems = new Problems();
    expect(parseSetting('bankProfit.profitShare', 3, problems)).toBeUndefined();
    expect(parseSetting('=5%', 4, problems)).toBeUndefined();
    expect(problems.list.map(formatProblem)).toEqual([
      "--set #3: error: expected path=value, e.g. supplyChain.modes.receivables.penetration.2023=55%, got 'bankProfit.profitShare'",
      "--set #4: error: expected path=value, e.g. supplyChain.modes.receivables.penetration.2023=55%, got '=5%'",
    ]);
  });
});
