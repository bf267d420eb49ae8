// The recording back-end over random scenarios of every model: the graph it
// records is a faithful record of the decimal forecast. Each operation's value
// is its op applied to its operands' values (checked here with Decimal's own
// methods, not the engine's), each line's node holds the forecast's value, and
// the inputs are the scenario's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, nthRoot, ZERO } from '../../src/shared/decimal.js';
import { decimalCalc } from '../../src/engine/calc/calc.js';
import { below, replay, type OperationNode } from '../../src/engine/calc/recording.js';
import { addressedValues } from '../../src/engine/analysis/lines.js';
import { inDependencyOrder, recordCase } from '../../src/engine/analysis/graph.js';
import { inputsOf } from '../../src/engine/analysis/inputs.js';
import { forecastCase } from '../../src/engine/forecast.js';
import { CASES, type Scenario } from '../../src/engine/types.js';
import { load } from '../helpers.js';
import { everyScenario } from './every-scenario.js';
import { anyScenarioParts, anyScenarioYaml } from './scenario-arbitrary.js';

/** SPEC §3's operations on the operands' values, written out here; undefined where the value is. */
function expectedValue(node: OperationNode): Decimal | undefined {
  const values = node.operands.map((operand) => operand.value);
  const [a, b] = values as [Decimal, Decimal];
  switch (node.op) {
    case 'add':
      return a.plus(b);
    case 'sub':
      return a.minus(b);
    case 'mul':
      return a.times(b);
    case 'sum':
      return values.reduce((total, value) => total.plus(value), ZERO);
    case 'shareOf':
      return b.isZero() ? ZERO : a.dividedBy(b);
    case 'divide':
      return b.isZero() ? undefined : a.dividedBy(b);
    case 'min':
      return Decimal.min(a, b);
    case 'max':
      return Decimal.max(a, b);
    case 'growth':
      return b.isZero() ? undefined : a.dividedBy(b).minus(1);
    case 'cagr':
      return a.isZero() ? undefined : nthRoot(b.dividedBy(a), node.periods!).minus(1);
  }
}

/** What breaks a law of the recorded graph, in any case of the scenario (none, for a faithful record). */
function brokenLaws(scenario: Scenario): string[] {
  const broken: string[] = [];
  const check = (holds: boolean, law: string) => void (holds || broken.push(law));
  const inputs = inputsOf(scenario);
  for (const c of CASES) {
    const graph = recordCase(scenario, c);
    const forecast = addressedValues(forecastCase(scenario, c));
    // Every line's node holds the decimal forecast's value; an undefined one has none.
    for (const { address, value } of forecast) {
      const line = graph.lines.get(address);
      check(
        line?.node.value.toString() === value?.toString(),
        `${c} ${address}: ${line?.node.value} is not the forecast's ${value}`,
      );
      // A node an operation makes is named by its own line: no other line's value is it.
      if (line && line.node.kind !== 'input')
        check(graph.nameOf(line.node) === address, `${c} ${address} is named ${graph.nameOf(line.node)}`);
    }
    check(
      graph.lines.size === forecast.filter((line) => line.value !== null).length,
      `${c}: a node for every defined line`,
    );

    const nodes = below([...graph.lines.values()].map((line) => line.node));
    const leaves = new Set<string>();
    for (const node of nodes) {
      if (node.kind === 'input') {
        // One leaf per input and year, holding the scenario's value for the case.
        const name = `${node.path}.${node.year}`;
        check(!leaves.has(name), `${c} ${name}: two leaves`);
        leaves.add(name);
        check(
          node.value.toString() === inputs.get(node.path)?.get(node.year)?.[c].toString(),
          `${c} ${name}: ${node.value} is not the input's`,
        );
      } else if (node.kind === 'constant') {
        // The models use 0 and 1 only; a metric's formula may write any number.
        check(
          node.value.isZero() || node.value.equals(1) || scenario.metrics !== undefined,
          `${c} #${node.id}: a constant ${node.value}`,
        );
      } else {
        const expected = expectedValue(node);
        check(
          node.value.toString() === expected?.toString(),
          `${c} ${node.op} #${node.id}: ${node.value}, not ${expected}`,
        );
        // Made after its operands: dependency order is id order.
        check(
          node.operands.every((operand) => operand.id < node.id),
          `${c} ${node.op} #${node.id}: made before an operand`,
        );
      }
    }
    // The graph performed again on decimalCalc gives every value again.
    const replayed = replay(decimalCalc, [...graph.lines.values()].map((line) => line.node), (leaf) => leaf.value);
    for (const node of nodes) {
      const again = replayed.get(node);
      check(again?.toString() === node.value.toString(), `${c} #${node.id}: replayed as ${again}`);
    }
    // The named nodes in dependency order: by id, so each after every node its formula uses.
    const named = nodes.filter((node) => graph.nameOf(node) !== undefined);
    const order = inDependencyOrder(graph);
    check(
      order.length === named.length && order.every((node, i) => node === named[i]),
      `${c}: named nodes in id order`,
    );
  }
  return broken;
}

describe('the recording Calc', () => {
  it('records, over random scenarios of every model, a graph whose every node is its operation on its operands and ' +
    'every line the forecast', async () => {
    await fc.assert(
      fc.asyncProperty(anyScenarioParts, async (parts) => {
        expect(brokenLaws(await load(anyScenarioYaml(parts)))).toEqual([]);
      }),
      { numRuns: 100, seed: 16 },
    );
  }, 120_000); // bounded in runs, not time: the machine may be busy

  it('records every form of every model: the generator reaches them', async () => {
    // The generator's forms, as the graph shows them: a law over them is only as good as its reach.
    const seen = new Set<string>();
    const samples = fc.sample(anyScenarioParts, { numRuns: 100, seed: 16 });
    for (const parts of samples) {
      const scenario = await load(anyScenarioYaml(parts));
      const graph = recordCase(scenario, 'base');
      for (const [address, { node }] of graph.lines) {
        const metric = address.replace(/\.\d{4}$/, '').replace(/\.(m|s|i|t|c|g)\d\./, '.*.');
        seen.add(`${metric}:${node.kind === 'operation' ? node.op : node.kind}`);
      }
      for (const path of inputsOf(scenario).keys()) seen.add(path.replace(/\.(m|s|i|t|c)\d\./, '.*.'));
    }
    for (const form of [
      'bankProfit.profitShare.mix.*.weight',
      'profit.profitShare:sum',
      'profit.profitShare:input',
      'spend.segments.*.total:mul',
      'spend.segments.*.total:input',
      'spend.segments.*.frontier:constant',
      'spend.segments.*.frontier:mul',
      'spend.segments.*.frontier:input',
      'spend.groups.*.frontierShare:shareOf',
      'labour.institutions.*.netSaving:sub',
      'tech.items.*.growth:growth',
      'tech.items.*.cagr:cagr',
      'spend.cagr.total:cagr',
    ]) {
      expect(seen, form).toContain(form);
    }
  });

  it('holds on every scenario we ship or test with', async () => {
    for (const { file, scenario } of await everyScenario()) expect(brokenLaws(scenario), file).toEqual([]);
  });
});
