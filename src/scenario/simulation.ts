// The `simulation:` section (docs/simulate.md): correlations between inputs,
// checked against the inputs the scenario has and against each other (their
// matrix must be positive semi-definite); and the distributions written on
// values that need what only the whole input shows (discrete: one value for
// every year).
import { Decimal } from '../shared/decimal.js';
import { inconsistentInputs } from '../engine/simulate/correlation.js';
import type { Correlation, Provenance, SimulationInputs } from '../engine/types.js';
import type { Problems } from './problems.js';
import type { RawMap, RawNode } from './raw.js';
import { readPlainNumber } from './values.js';

const SIMULATION_KEYS = ['correlations'];
const CORRELATION_KEYS = ['between', 'rank'];
const YEAR_SUFFIX = /\.(\d{4})$/;

export function readSimulation(
  node: RawNode,
  provenance: ReadonlyMap<string, Provenance>,
  problems: Problems,
): SimulationInputs | undefined {
  const map = mapOf(node, 'simulation', SIMULATION_KEYS, problems, 'simulation as a map: {correlations: [...]}');
  if (!map) return undefined;
  const list = map.entries.find((entry) => entry.key === 'correlations')?.value;
  if (list === undefined) return { correlations: [] };
  if (list.kind !== 'seq') {
    problems.add(
      list.pos,
      'simulation.correlations',
      'expected a list of correlations: - {between: [path, path], rank: 0.6}',
    );
    return undefined;
  }
  const correlations: Correlation[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, i) => {
    const path = `simulation.correlations[${i}]`;
    const correlation = readCorrelation(item, path, provenance, problems);
    if (!correlation) return;
    const pair = [...correlation.between].sort().join(' ');
    const earlier = seen.get(pair);
    if (earlier !== undefined) {
      problems.add(
        item.pos,
        path,
        `a second correlation between ${correlation.between.join(' and ')} (the first is ` +
          `simulation.correlations[${earlier}]); give each pair once`,
      );
      return;
    }
    seen.set(pair, i);
    correlations.push(correlation);
  });
  if (correlations.length < list.items.length) return undefined;
  const inconsistent = inconsistentInputs(correlations);
  if (inconsistent) {
    const among = correlations.filter(({ between }) => between.every((input) => inconsistent.includes(input)));
    const pairs = among.map(({ between, rank }) => `${between[0]} ~ ${between[1]} ${rank}`).join(', ');
    problems.add(
      list.pos,
      'simulation.correlations',
      `these correlations cannot hold together (their matrix is not positive semi-definite): ${pairs}; ` +
        `weaken one of them`,
    );
    return undefined;
  }
  return { correlations };
}

function readCorrelation(
  node: RawNode,
  path: string,
  provenance: ReadonlyMap<string, Provenance>,
  problems: Problems,
): Correlation | undefined {
  const map = mapOf(node, path, CORRELATION_KEYS, problems, 'a correlation: {between: [path, path], rank: 0.6}');
  if (!map) return undefined;
  const get = (key: string) => map.entries.find((entry) => entry.key === key)?.value;
  const [betweenNode, rankNode] = [get('between'), get('rank')];
  if (!betweenNode || !rankNode) {
    problems.add(
      node.pos,
      path,
      `a correlation needs ${!betweenNode ? 'between: [path, path]' : 'rank: a number from -1 to 1'}`,
    );
    return undefined;
  }
  const inputs = readBetween(betweenNode, `${path}.between`, provenance, problems);
  const rank = rankNode.kind === 'scalar' ? readPlainNumber(rankNode.text) : undefined;
  const inRange = rank instanceof Decimal && rank.abs().lessThanOrEqualTo(1);
  if (!inRange) {
    const expected = 'expected a rank (Spearman) correlation: a number from -1 to 1, e.g. 0.6';
    problems.add(rankNode.pos, `${path}.rank`, expected);
  }
  return inputs && inRange ? { between: inputs, rank: rank.toNumber() } : undefined;
}

function readBetween(
  node: RawNode,
  path: string,
  provenance: ReadonlyMap<string, Provenance>,
  problems: Problems,
): [string, string] | undefined {
  if (node.kind !== 'seq' || node.items.length !== 2 || node.items.some((item) => item.kind !== 'scalar')) {
    problems.add(
      node.pos,
      path,
      'expected two input paths: [supplyChain.modes.receivables.penetration, supplyChain.modes.arif.penetration]',
    );
    return undefined;
  }
  const paths = node.items.map((item) => (item.kind === 'scalar' ? item.text : ''));
  let ok = true;
  node.items.forEach((item, i) => {
    const input = paths[i]!;
    if (provenance.has(input)) return;
    ok = false;
    const year = YEAR_SUFFIX.exec(input);
    const withoutYear = input.slice(0, input.length - (year?.[0].length ?? 0));
    if (year && provenance.has(withoutYear)) {
      problems.add(
        item.pos,
        path,
        `'${input}': an input's years share one draw, so a correlation is between inputs; write ${withoutYear}`,
      );
    } else {
      problems.add(
        item.pos,
        path,
        `unknown input '${input}'${problems.didYouMean(input, provenance.keys())}; expected the path of an input ` +
          `of this scenario`,
      );
    }
  });
  if (ok && paths[0] === paths[1]) {
    problems.add(node.pos, path, `'${paths[0]}' twice: a correlation is between two inputs`);
    return undefined;
  }
  return ok ? [paths[0]!, paths[1]!] : undefined;
}

function mapOf(
  node: RawNode,
  path: string,
  keys: readonly string[],
  problems: Problems,
  expectation: string,
): RawMap | undefined {
  if (node.kind !== 'map') {
    problems.add(node.pos, path, `expected ${expectation}`);
    return undefined;
  }
  const unknown = node.entries.filter((entry) => !keys.includes(entry.key));
  for (const entry of unknown) {
    const message = `unknown key${problems.didYouMean(entry.key, keys)}; expected ${keys.join(', ')}`;
    problems.add(entry.keyPos, `${path}.${entry.key}`, message);
  }
  return unknown.length === 0 ? node : undefined;
}

/**
 * A discrete distribution draws one of its values for every year: it may only
 * be written on an input that is one value throughout (not on an anchor of an
 * interpolated series, nor on a growth rate).
 */
export function checkDiscreteInputs(provenance: ReadonlyMap<string, Provenance>, problems: Problems): void {
  for (const { path, method, anchors, growth } of provenance.values()) {
    if (method === 'constant' || method === 'default') continue;
    for (const written of [...anchors.values(), ...(growth ? [growth] : [])]) {
      if (written.dist !== 'discrete') continue;
      problems.add(
        written.where,
        path,
        'dist: discrete is for an input that is one value every year; here the value is one of a series ' +
          '(interpolated or grown): use a range with another dist',
      );
    }
  }
}
