// explain on every address of every scenario we ship or test with: the tree's
// root is the forecast's value, and an address the case does not have is
// unknown (the CLI says so), never a crash.
import { beforeAll, describe, expect, it } from 'vitest';
import { explainer, explainMetric } from '../../src/engine/analysis/explain.js';
import { addressedValues, metricAddresses } from '../../src/engine/analysis/lines.js';
import { forecastCase } from '../../src/engine/forecast.js';
import { CASES, type Scenario } from '../../src/engine/types.js';
import { runCli } from '../cli/in-process.js';
import { load } from '../helpers.js';
import { everyScenario } from './every-scenario.js';

let scenarios: { file: string; scenario: Scenario }[];
beforeAll(async () => {
  scenarios = await everyScenario();
}, 120_000);

const scenario = (file: string) => scenarios.find((loaded) => loaded.file === file)!.scenario;

/** Addresses shaped like the case's own: each metric of a collection for each of its items, a year before and after. */
function lookalikes(addresses: readonly string[]): string[] {
  const years = new Set<string>();
  const metrics = new Map<string, Set<string>>(); // table.group (or table) → metrics
  const items = new Map<string, Set<string>>(); // table.group → item ids
  const add = (map: Map<string, Set<string>>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
  for (const address of addresses) {
    const parts = address.split('.');
    const [table, second, third, fourth, fifth] = parts as [string, string, string, string?, string?];
    if (parts.length === 5) {
      add(metrics, `${table}.${second}`, fourth!);
      add(items, `${table}.${second}`, third);
      years.add(fifth!);
    } else if (parts.length === 3 && /^\d+$/.test(third)) {
      add(metrics, table, second);
      years.add(third);
    }
  }
  const numbers = [...years].map(Number);
  const span = [...years, String(Math.min(...numbers) - 1), String(Math.max(...numbers) + 1)];
  return [...metrics].flatMap(([prefix, names]) =>
    [...names].flatMap((metric) =>
      [...(items.get(prefix) ?? [''])].flatMap((id) =>
        span.map((year) => [prefix, id, metric, year].filter((part) => part !== '').join('.')),
      ),
    ),
  );
}

describe('explain', () => {
  it('loads the scenarios: the bundled ones and the fixtures', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
  });

  it("explains an address iff the case has its value, with the forecast's value at the root", () => {
    let explained = 0;
    for (const { file, scenario } of scenarios) {
      for (const c of CASES) {
        const forecast = forecastCase(scenario, c);
        const values = new Map(addressedValues(forecast).map(({ address, value }) => [address, value]));
        const explain = explainer(scenario, c);
        const addresses = metricAddresses(forecast);
        for (const address of new Set([...addresses, ...lookalikes(addresses)])) {
          const value = values.get(address) ?? undefined; // null: an undefined CAGR
          const tree = explain(address);
          expect(tree === undefined, `${file} ${c} ${address}`).toBe(value === undefined);
          if (tree === undefined || value === undefined) continue;
          expect(tree.value.equals(value), `${file} ${c} ${address}`).toBe(true);
          explained++;
        }
      }
    }
    expect(explained).toBeGreaterThan(1000);
  }, 120_000); // bounded in addresses, not time: the machine may be busy

  it("gives the same tree from the metric's table alone (explainMetric) as from every table", () => {
    for (const { file, scenario } of scenarios) {
      const explain = explainer(scenario, 'high');
      const lines = new Set<string>();
      for (const { address, line } of addressedValues(forecastCase(scenario, 'high'))) {
        if (lines.has(line)) continue;
        lines.add(line);
        expect(explainMetric(scenario, 'high', address), `${file} ${address}`).toEqual(explain(address));
      }
    }
    expect(explainMetric(scenario('scenarios/baseline.yaml'), 'base', 'nothing.marketSize.2023')).toBeUndefined();
  }, 120_000);

  it('says an address of a line the case does not have is unknown (a segment given as ' +
    'spend has no firms)', async () => {
    const result = await runCli(['explain', 'test/fixtures/small.yaml', 'spend.segments.payment.firms.2021']);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toMatch(
      /^fintech-calc: error: unknown metric 'spend\.segments\.payment\.firms\.2021' \(did you mean [^\n]*\n$/,
    );
  });
});

describe('explain formulas', () => {
  /** A metric's formula and the names of its operands, in the base case. */
  const formula = (loaded: Scenario, metric: string) => {
    const tree = explainer(loaded, 'base')(metric)!;
    return [tree.formula, ...tree.operands.map((operand) => operand.name)];
  };

  it('write the operations no line names into the formula, by precedence', () => {
    const baseline = scenario('scenarios/baseline.yaml');
    expect(formula(baseline, 'market.otherSize.2023')).toEqual([
      '{0} × (1 − ({1} + {2})) × {3}',
      'supplyChain.marketSpace.2023',
      'supplyChain.modes.receivables.share.2023',
      'supplyChain.modes.arif.share.2023',
      'supplyChain.traditionalPenetration.2023',
    ]);
    expect(formula(baseline, 'market.marketSize.2023')).toEqual([
      '{0} + {1} + {2}',
      'market.modes.receivables.size.2023',
      'market.modes.arif.size.2023',
      'market.otherSize.2023',
    ]);
    expect(formula(baseline, 'market.penetration.2023')).toEqual([
      '{0} / {1}',
      'market.marketSize.2023',
      'supplyChain.marketSpace.2023',
    ]);
    // Σ of one mode is still a sum: (size[receivables]).
    expect(formula(baseline, 'profit.costSavings.2023')).toEqual([
      '({0} − {1}) × ({2})',
      'bankProfit.baselineOperatingCost.2023',
      'bankProfit.operatingCost.2023',
      'market.modes.receivables.size.2023',
    ]);
  });

  it('cover every form of every model', async () => {
    const baseline = scenario('scenarios/baseline.yaml');
    const head = 'spend.segments.securitiesHead';
    expect(formula(baseline, `${head}.total.2020`)).toEqual([
      '{0} × {1}',
      'techSpend.segments.securitiesHead.firms.2020',
      'techSpend.segments.securitiesHead.perFirm.2020',
    ]);
    expect(formula(baseline, `${head}.frontier.2020`)).toEqual([
      '{0} × {1}',
      `${head}.total.2020`,
      'techSpend.segments.securitiesHead.frontierShare.2020',
    ]);
    expect(formula(baseline, 'spend.groups.securities.frontierShare.2020')).toEqual([
      '{0} / {1}',
      'spend.groups.securities.frontier.2020',
      'spend.groups.securities.total.2020',
    ]);
    // cagr's operands are its first and last value, in that order; the formula shows the last first.
    expect(formula(baseline, 'spend.cagr.frontier')).toEqual([
      '({1} / {0})^(1/4) − 1',
      'spend.frontier.2018',
      'spend.frontier.2022',
    ]);
    expect(formula(baseline, 'tech.cagr')).toEqual(['({1} / {0})^(1/4) − 1', 'tech.total.2018', 'tech.total.2022']);
    expect(formula(baseline, 'tech.items.rpa.growth.2020')).toEqual([
      '{0} / {1} − 1',
      'technologies.items.rpa.spend.2020',
      'technologies.items.rpa.spend.2019',
    ]);

    const institution = 'labour.institutions.financialInstitutions';
    expect(formula(baseline, `${institution}.saving.2019`)).toEqual([
      '{0} − {1}',
      `${institution}.humanCost.2018`,
      `${institution}.humanCost.2019`,
    ]);
    // The year before the first is no line, but the saving's formula names it, and explains it.
    const before = explainer(baseline, 'base')(`${institution}.saving.2019`)!.operands[0]!;
    expect([before.formula, before.kind, ...before.operands.map((operand) => operand.name)]).toEqual([
      '{0} × (1 − {1})',
      'amount',
      'labourSavings.institutions.financialInstitutions.humanServiceCost.2018',
      'labourSavings.institutions.financialInstitutions.replacementRate.2018',
    ]);
    // A running total writes out its years, from the first (0 + saving goes without saying).
    expect(formula(baseline, `${institution}.cumulativeSaving.2019`)).toEqual(['{0}', `${institution}.saving.2019`]);
    expect(formula(baseline, `${institution}.cumulativeSaving.2021`)).toEqual([
      '{0} + {1} + {2}',
      `${institution}.saving.2019`,
      `${institution}.saving.2020`,
      `${institution}.saving.2021`,
    ]);

    const small = scenario('test/fixtures/small.yaml');
    const mix = 'bankProfit.profitShare.mix';
    expect(formula(small, 'profit.profitShare.2021')).toEqual([
      '{0} × {1} + {2} × {3}',
      `${mix}.bankLed.weight.2021`,
      `${mix}.bankLed.rate.2021`,
      `${mix}.nonBankLed.weight.2021`,
      `${mix}.nonBankLed.rate.2021`,
    ]);
    expect(formula(small, 'spend.segments.other.frontier.2021')).toEqual(['0']);

    const labour = scenario('test/fixtures/labour.yaml');
    const smart = 'labourSavings.institutions.banks.smartServiceCost';
    expect(formula(labour, 'labour.institutions.banks.netSaving.2021')).toEqual([
      '{0} − ({1} − {2})',
      'labour.institutions.banks.saving.2021',
      `${smart}.2021`,
      `${smart}.2020`,
    ]);
    expect(formula(labour, 'labour.netSaving.2021')).toEqual([
      '{0} + {1}',
      'labour.institutions.banks.netSaving.2021',
      'labour.institutions.insurance.saving.2021',
    ]);

    // No modes: Σ size over none is 0.
    const noModes = await load(
      'years: 2020..2021\nsupplyChain:\n  marketSpace: 100\nbankProfit:\n  profitShare: 3%\n  operatingCost: 1%\n',
    );
    expect(formula(noModes, 'market.marketSize.2020')).toEqual(['{0}', 'market.otherSize.2020']);
    expect(formula(noModes, 'market.otherSize.2020')).toEqual([
      '{0} × (1 − (0)) × {1}',
      'supplyChain.marketSpace.2020',
      'supplyChain.traditionalPenetration.2020',
    ]);
    expect(formula(noModes, 'profit.costSavings.2020')).toEqual([
      '({0} − {1}) × (0)',
      'bankProfit.baselineOperatingCost.2020',
      'bankProfit.operatingCost.2020',
    ]);
  });

  it('give an input its provenance and kind, also where a line shows it', () => {
    const tree = explainer(scenario('scenarios/baseline.yaml'), 'low')('market.modes.receivables.penetration.2023')!;
    expect([tree.name, tree.kind, tree.formula, tree.operands.length]).toEqual([
      'supplyChain.modes.receivables.penetration.2023',
      'ratio',
      undefined,
      0,
    ]);
    expect(tree.input?.path).toBe('supplyChain.modes.receivables.penetration');
    expect(tree.input?.provenance?.method).toBe('linear');
    expect(tree.value.toString()).toBe('0.6');
    const firms = explainer(scenario('scenarios/baseline.yaml'), 'base')('spend.segments.fundTail.firms.2020')!;
    expect([firms.name, firms.kind]).toEqual(['techSpend.segments.fundTail.firms.2020', 'count']);
  });
});
