// sensitivity: one input at a time at its low and high (or ± a swing), every
// other input at base; the metric for each, sorted by how far it swings. The
// metric's formula graph is recorded once at base (explain's, graph.ts), and
// each input moved recomputes only the formulas below the metric that it
// reaches, with decimalCalc: the numbers of a whole forecast with the input set
// so, at the cost of what the input changes rather than of the whole scenario.
import { Decimal, ONE, ZERO } from '../../shared/decimal.js';
import { apply, below, operandsOf, type FormulaNode, type InputNode } from '../calc/recording.js';
import { decimalCalc } from '../calc/calc.js';
import { recordCase } from './graph.js';
import { hasRange, inputsOf } from './inputs.js';
import type { Range, Scenario, Series, Year } from '../types.js';

export interface Sensitivity {
  readonly input: string;
  /** 'range': the input's own low and high; 'swing': base × (1 ∓ swing). */
  readonly how: 'range' | 'swing';
  readonly low: Decimal;
  readonly high: Decimal;
  /** high − low */
  readonly swing: Decimal;
}

export interface SensitivityResult {
  readonly base: Decimal;
  readonly inputs: readonly Sensitivity[];
}

/**
 * The metric at its address (market.marketSize.2023, as in the JSON output),
 * 0 where it has no value. Inputs the metric does not depend on are left out.
 * With `swing`, inputs without a range are varied by ± swing (ratios kept
 * within [0, 1]).
 */
export function sensitivity(scenario: Scenario, metric: string, swing?: Decimal): SensitivityResult {
  const root = recordCase(scenario, 'base').lines.get(metric)?.node;
  const base = root?.value ?? ZERO;
  if (root === undefined) return { base, inputs: [] };
  const moved = movedBy(root);
  const results: Sensitivity[] = [];
  for (const [path, series] of inputsOf(scenario)) {
    const ranged = hasRange(series);
    if (!ranged && swing === undefined) continue;
    const isRatio = scenario.provenance.get(path)?.kind === 'ratio';
    const factor = (which: 'low' | 'high') => (which === 'low' ? ONE.minus(swing!) : ONE.plus(swing!));
    const end = (which: 'low' | 'high'): Series => (ranged ? series : swung(series, factor(which), isRatio));
    const at = (which: 'low' | 'high') => {
      const values = end(which);
      return moved(path, (year) => values.get(year)![which]);
    };
    const [low, high] = [at('low'), at('high')];
    // The metric does not depend on it.
    if (low === undefined || high === undefined || (low.equals(base) && high.equals(base))) continue;
    results.push({ input: path, how: ranged ? 'range' : 'swing', low, high, swing: high.minus(low) });
  }
  results.sort((a, b) => b.swing.abs().comparedTo(a.swing.abs()) || a.input.localeCompare(b.input));
  return { base, inputs: results };
}

/**
 * The value of `root` with the input at `path` taking `valueIn(year)` in each
 * year it is read (0 where the root then has no value, as a forecast without
 * the line); undefined where the root does not depend on that input at all.
 * Only the nodes the input reaches are recomputed, in the order they were made.
 */
function movedBy(root: FormulaNode): (path: string, valueIn: (year: Year) => Decimal) => Decimal | undefined {
  const nodes = below([root]);
  const users = new Map<FormulaNode, FormulaNode[]>();
  const leaves = new Map<string, InputNode[]>();
  const add = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const node of nodes) {
    for (const operand of new Set(operandsOf(node))) add(users, operand, node);
    if (node.kind === 'input') add(leaves, node.path, node);
  }
  return (path, valueIn) => {
    const read = leaves.get(path);
    if (read === undefined) return undefined;
    const values = new Map<FormulaNode, Decimal | undefined>(read.map((leaf) => [leaf, valueIn(leaf.year)]));
    const reached = new Set<FormulaNode>();
    const stack = read.flatMap((leaf) => users.get(leaf) ?? []);
    for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
      if (reached.has(node)) continue;
      reached.add(node);
      stack.push(...(users.get(node) ?? []));
    }
    const valueOf = (node: FormulaNode) => (values.has(node) ? values.get(node) : node.value);
    for (const node of [...reached].sort((a, b) => a.id - b.id)) {
      if (node.kind !== 'operation') continue;
      const operands = node.operands.map(valueOf);
      const defined = !operands.includes(undefined);
      values.set(node, defined ? apply(decimalCalc, node.op, operands as Decimal[], node.periods) : undefined);
    }
    return valueOf(root) ?? ZERO;
  };
}

/** Every year's base value times `factor`; a ratio stays within [0, 1]. */
export function swung(series: Series, factor: Decimal, isRatio: boolean): Series {
  return new Map(
    [...series].map(([year, range]): [number, Range] => {
      let value = range.base.times(factor);
      if (isRatio) value = Decimal.min(ONE, Decimal.max(ZERO, value));
      return [year, { low: value, base: value, high: value }];
    }),
  );
}
