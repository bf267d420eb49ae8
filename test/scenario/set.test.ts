// --set path=value (SPEC §4): every kind of value, and every way a path can be wrong.
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { formatProblem, Problems } from '../../src/scenario/problems.js';
import { MAX_SETTINGS, parseSettings, type Setting } from '../../src/scenario/set.js';
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

/** Settings whose bare amounts are in `unit` (the output unit). */
function settingsIn(unit: string, texts: readonly string[]): Setting[] {
  const problems = new Problems();
  const parsed = parseSettings(texts, unit, problems);
  expect(problems.list).toEqual([]);
  return parsed;
}

const withSetsIn = async (unit: string, texts: readonly string[], from = sources) =>
  (await loadScenario('base.yaml', from, settingsIn(unit, texts))).scenario;
const withSets = (...texts: string[]) => withSetsIn('亿元', texts);

const problemsOf = (...texts: string[]) => problemsFrom(withSets(...texts));

const cases = (range: { low: unknown; base: unknown; high: unknown }) =>
  [range.low, range.base, range.high].map(String);

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
    expect(share instanceof Map && share.get(2023)!.base.toString()).toBe('0.025');
    expect(scenario.supplyChain!.traditionalPenetration.get(2020)!.base.toString()).toBe('0.25');
    expect(scenario.supplyChain!.marketSpace.get(2023)!.base.toString()).toBe('13000');
    expect(scenario.techSpend!.segments[0]!.spend?.get(2021)!.base.toString()).toBe('1210');
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
    expect(share instanceof Map && share.get(2019)!.base.toString()).toBe('0.04');
  });
});

describe('--set with a map merges it over the entry, as extends does', () => {
  it('keeps what the map leaves out: a mode\'s other inputs, a series\' other years', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables={penetration: 50%}',
      'supplyChain.marketSpace={2023: 13万亿}',
      'techSpend={segments: {payment: {frontierShare: 20%}}}',
    );
    const mode = scenario.supplyChain!.modes[0]!;
    expect(cases(mode.share.get(2023)!)).toEqual(['0.6', '0.6', '0.6']);
    expect(cases(mode.penetration.get(2021)!)).toEqual(['0.5', '0.5', '0.5']);
    expect(scenario.supplyChain!.marketSpace.get(2019)!.base.toString()).toBe('100000');
    expect(scenario.supplyChain!.marketSpace.get(2023)!.base.toString()).toBe('130000');
    const payment = scenario.techSpend!.segments[0]!;
    expect([payment.spend!.get(2019)!.base.toString(), payment.frontierShare!.get(2019)!.base.toString()]).toEqual([
      '1000',
      '0.2',
    ]);
  });

  it('replaces a value map whole, and removes what a null in the map names', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables.penetration.2023={value: 40%}',
      'supplyChain.modes={arif: {share: 10%, penetration: 30%}, receivables: null}',
    );
    expect(scenario.supplyChain!.modes.map((mode) => mode.id)).toEqual(['arif']);
    const replaced = await withSets('supplyChain.modes.receivables.penetration.2023={value: 40%}');
    expect(cases(replaced.supplyChain!.modes[0]!.penetration.get(2023)!)).toEqual(['0.4', '0.4', '0.4']);
    expect(replaced.provenance.get('supplyChain.modes.receivables.penetration')!.anchors.get(2023)!.source)
      .toBeUndefined();
  });

  it('replaces an entry whole after a null removes it', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables=null',
      'supplyChain.modes.receivables={share: 5%, penetration: 9%}',
    );
    const mode = scenario.supplyChain!.modes[0]!;
    expect(cases(mode.penetration.get(2019)!)).toEqual(['0.09', '0.09', '0.09']);
  });
});

describe('--set: a bare amount is in the output unit', () => {
  const CHILD = 'unit: 万亿\nyears: 2019..2023\nsupplyChain:\n  marketSpace: {2019: 9, 2023: 12}\n';
  const inUnit = { open: () => ({ display: 'base.yaml', id: 'base.yaml', text: CHILD }) };
  const space = (scenario: Awaited<ReturnType<typeof withSets>>, year: number) =>
    scenario.supplyChain!.marketSpace.get(year)!.base.toString();

  it('reads a bare amount in the output unit, whatever the scenario file’s unit', async () => {
    expect(space(await withSetsIn('亿元', ['supplyChain.marketSpace.2023=130000'], inUnit), 2023)).toBe('130000');
    expect(space(await withSetsIn('万亿元', ['supplyChain.marketSpace.2023=13'], inUnit), 2023)).toBe('130000');
    expect(space(await withSetsIn('bn', ['supplyChain.marketSpace.2023=13000'], inUnit), 2023)).toBe('130000');
    // The file's own bare numbers stay in its unit.
    expect(space(await withSetsIn('bn', ['supplyChain.marketSpace.2023=13000'], inUnit), 2019)).toBe('90000');
  });

  it('takes an explicit unit as written, in every output unit', async () => {
    for (const unit of ['亿元', '万亿元', '元', 'bn', 'tn']) {
      expect(space(await withSetsIn(unit, ['supplyChain.marketSpace.2023=1.3万亿元'], inUnit), 2023)).toBe('13000');
    }
  });

  it('reads bare ends, ranges, maps and one end of a value map in the output unit', async () => {
    const scenario = await withSetsIn('万亿元', [
      'supplyChain.marketSpace={2019: 9, 2023: 12～14}',
      'techSpend.segments.payment.spend={low: 0.1, high: 2000亿}',
      'techSpend.segments.payment.spend.high=0.3',
    ]);
    const at2023 = scenario.supplyChain!.marketSpace.get(2023)!;
    expect(cases(at2023)).toEqual(['120000', '130000', '140000']);
    expect(cases(scenario.techSpend!.segments[0]!.spend!.get(2019)!)).toEqual(['1000', '2000', '3000']);
  });

  it('leaves a bare ratio a fraction, and a bare count a count', async () => {
    const scenario = await withSetsIn('万亿元', [
      'bankProfit.profitShare=0.025',
      // Merged over the segment: its spend is removed for firms × perFirm to take its place.
      'techSpend.segments.payment={spend: null, firms: 40, perFirm: 2}',
    ]);
    const share = scenario.bankProfit!.profitShare;
    expect(share instanceof Map && share.get(2019)!.base.toString()).toBe('0.025');
    const segment = scenario.techSpend!.segments[0]!;
    expect(segment.spend).toBeUndefined();
    const base2019 = (series: typeof segment.firms) => series!.get(2019)!.base.toString();
    expect([base2019(segment.firms), base2019(segment.perFirm)]).toEqual(['40', '20000']);
  });
});

describe('--set path=null removes the entry', () => {
  it('removes a mode or an optional input', async () => {
    const scenario = await withSets(
      'supplyChain.modes.arif={share: 10%, penetration: 30%}',
      'supplyChain.modes.receivables=~',
      'techSpend.segments.payment.frontierShare=null',
    );
    expect(scenario.supplyChain!.modes.map((mode) => mode.id)).toEqual(['arif']);
    expect(scenario.techSpend!.segments[0]!.frontier).toBeUndefined();
    expect(scenario.techSpend!.segments[0]!.frontierShare).toBeUndefined();
  });

  it('removes an anchor year, which the series then interpolates', async () => {
    const scenario = await withSets(
      'supplyChain.modes.receivables.penetration={2019: 20%, 2021: 30%, 2023: 40%}',
      'supplyChain.modes.receivables.penetration.2021=null',
    );
    expect(scenario.supplyChain!.modes[0]!.penetration.get(2021)!.base.toString()).toBe('0.3');
  });

  it('says when there is nothing to remove, or the input is required', async () => {
    expect(await problemsOf('supplyChain.traditionalPenetration=null', 'supplyChain.modes.arif=null')).toEqual([
      '--set #1: error: supplyChain.traditionalPenetration: nothing to remove: ' +
        'the scenario has no supplyChain.traditionalPenetration',
      "--set #2: error: supplyChain.modes.arif: no mode 'arif' in the scenario; it has receivables",
    ]);
    expect(await problemsOf('supplyChain.modes.receivables.share=null')).toEqual([
      '--set #1: error: supplyChain.modes.receivables.share: share is required, so null cannot remove it; ' +
        'remove supplyChain.modes.receivables instead (receivables: null), or give share a value',
    ]);
  });

  it('takes an empty value as a mistake, not as a removal', async () => {
    expect(await problemsOf('bankProfit.operatingCost=')).toEqual([
      '--set #1: error: bankProfit.operatingCost: ' +
        'expected a ratio (0.66 or 66%), a range (60～70%) or {low, base, high}, got nothing',
    ]);
  });
});

describe('--set errors', () => {
  it('reports a path that does not exist, with a suggestion', async () => {
    expect(await problemsOf('supplyChain.modes.recievables.share=50%')).toEqual([
      "--set #1: error: supplyChain.modes.recievables: no mode 'recievables' in the scenario " +
        "(did you mean 'receivables'?); it has receivables",
    ]);
    expect((await problemsOf('bankProfit.profitshare=2%'))[0]).toBe(
      "--set #1: error: bankProfit.profitshare: no such input (did you mean 'profitShare'?); " +
        'expected one of years, profitShare, baselineOperatingCost, operatingCost',
    );
    expect((await problemsOf('supplyChain.marketSpace.2023.vale=1'))[0]).toContain("(did you mean 'value'?)");
    expect((await problemsOf('supplyChain.years.from=2020'))[0]).toBe(
      '--set #1: error: supplyChain.years.from: supplyChain.years has no parts; set it whole',
    );
  });

  it('reports bad values at the --set, with its number', async () => {
    expect(await problemsOf('bankProfit.profitShare=2%', 'supplyChain.traditionalPenetration=20')).toEqual([
      '--set #2: error: supplyChain.traditionalPenetration: 20 is not a ratio (did you mean 20%?); ' +
        'expected a fraction in [0, 1] or a percentage',
    ]);
    expect((await problemsOf('supplyChain.marketSpace={2019: 1'))[0]).toMatch(
      /^--set #1: error: supplyChain\.marketSpace: invalid YAML: /,
    );
  });

  it(`takes at most ${MAX_SETTINGS} options: more is a limit, named at the first one over it`, async () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) => `supplyChain.modes.receivables.share=${i % 60}%`);
    const lastShare = (await withSets(...many(MAX_SETTINGS))).supplyChain!.modes[0]!.share.get(2019)!.base;
    expect(lastShare.toString()).toBe(String((MAX_SETTINGS - 1) % 60 / 100));
    expect(await problemsOf(...many(MAX_SETTINGS + 1))).toEqual([
      `--set #${MAX_SETTINGS + 1}: error: more than ${MAX_SETTINGS} --set options; ` +
        'write larger changes in a scenario file that extends this one',
    ]);
  });

  it('needs path=value', () => {
    const problems = new Problems();
    const settings = parseSettings(['a.b=1', 'a.b=2', 'bankProfit.profitShare', '=5%'], '亿元', problems);
    expect(settings.map((setting) => setting.where)).toEqual(['--set #1', '--set #2']);
    expect(problems.list.map(formatProblem)).toEqual([
      '--set #3: error: expected path=value, e.g. supplyChain.modes.receivables.penetration.2023=55%, ' +
        "got 'bankProfit.profitShare'",
      "--set #4: error: expected path=value, e.g. supplyChain.modes.receivables.penetration.2023=55%, got '=5%'",
    ]);
  });

  it('names the settings of another option after it', () => {
    const problems = new Problems();
    expect(parseSettings(['a=1', 'b'], 'bn', problems, '--set-a')).toEqual([
      { where: '--set-a #1', path: ['a'], value: '1', valueAt: 2, unit: 'bn' },
    ]);
    expect(problems.list.map(formatProblem)).toEqual([
      "--set-a #2: error: expected path=value, e.g. supplyChain.modes.receivables.penetration.2023=55%, got 'b'",
    ]);
  });

  it('refuses what is not an input, and says what --set takes', async () => {
    const inputs = 'years, supplyChain, bankProfit, techSpend, labourSavings, technologies, metrics';
    expect(await problemsOf('extends=bank-led', 'name=x', 'version=1', 'title.en=x')).toEqual([
      '--set #1: error: extends: not an input: the files a scenario extends are read before --set applies; ' +
        `--set overrides inputs, under ${inputs}`,
      `--set #2: error: name: not an input: it describes the file; --set overrides inputs, under ${inputs}`,
      `--set #3: error: version: not an input: it describes the file; --set overrides inputs, under ${inputs}`,
      `--set #4: error: title: not an input: it describes the file; --set overrides inputs, under ${inputs}`,
    ]);
    expect(await problemsOf('unit=万亿')).toEqual([
      "--set #1: error: unit: not an input: a file's unit applies to that file's own numbers, " +
        'and a bare amount in --set is in the output unit (-u); ' +
        'give the amount its unit instead, e.g. supplyChain.marketSpace.2023=13万亿',
    ]);
    expect((await problemsOf('suplyChain.marketSpace=1'))[0]).toBe(
      `--set #1: error: suplyChain: no such input (did you mean 'supplyChain'?); expected one of ${inputs}`,
    );
  });
});
