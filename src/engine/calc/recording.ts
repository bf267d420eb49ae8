// The recording back-end of Calc: the models run on it unchanged and leave the
// formula graph of a case — every operation with its operands and its value,
// down to the inputs, each read as a leaf that knows its path and year. explain
// prints it; the next consumers are a spreadsheet export (every named node a
// cell with a live formula over other cells) and user-defined metrics (formulas
// over addresses, evaluated on any Calc). Values are decimalCalc's own, so a
// node's value is the forecast's to the last digit.
//
// The graph, for those consumers:
// - A node is an input leaf, a constant (Calc's zero and one) or an operation of
//   a small closed set, `Op` (Calc's methods). Ops map to spreadsheet formulas:
//   add a+b, sub a−b, mul a×b, sum SUM(…) (0 for none), shareOf IF(b=0,0,a/b),
//   growth IF(b=0,NA(),a/b−1), cagr (last/first)^(1/periods)−1.
// - Identity: a node is one object, and its `id` counts the nodes of a recording
//   in the order they were made. An operation is made after its operands, so
//   ordering nodes by id puts every node after what it depends on (`below`).
//   An input is one leaf per path and year however often the models read it;
//   zero and one are fresh nodes at each read, so a constant a model puts in a
//   line (the frontier of a segment without one) is that line's own node.
// - Names are not the graph's: the case's lines name their nodes by address
//   (analysis/graph.ts), inputs are named by path and year.
// - `apply` performs an op on any Calc, and `replay` a whole graph: a formula
//   built of these ops runs in decimal, on simulate's vectors or recorded again.
import { ONE, ZERO, type Decimal } from '../../shared/decimal.js';
import type { Case, Series, Year } from '../types.js';
import { decimalCalc, type InputReader, type MetricCalc, type Operation } from './calc.js';
import { yearly } from './yearly.js';

/** The operations of Calc (its methods): simulate's Operation, the n-ary sum and MetricCalc's divide, min and max. */
export type Op = Operation | 'sum' | 'divide' | 'min' | 'max';

interface Made {
  /** The order the node was made in: after all of its operands. */
  readonly id: number;
  readonly value: Decimal;
}

/** An input in one year (of the case: the low, base or high end of its range). */
export interface InputNode extends Made {
  readonly kind: 'input';
  /** The input's path, as --set names it: supplyChain.modes.receivables.share. */
  readonly path: string;
  readonly year: Year;
}

/** Calc's zero or one, or a number a metric's formula writes. */
export interface ConstantNode extends Made {
  readonly kind: 'constant';
}

export interface OperationNode extends Made {
  readonly kind: 'operation';
  readonly op: Op;
  /** Two (a, b), any number for sum; for cagr the first and the last value. */
  readonly operands: readonly FormulaNode[];
  /** For cagr: the years from the first value to the last. */
  readonly periods?: number;
}

export type FormulaNode = InputNode | ConstantNode | OperationNode;

/** A recording: the Calc to run the models on, and the reader of their inputs. */
export interface Recording {
  readonly calc: MetricCalc<FormulaNode>;
  /** Reads an input as leaves, one per year: the same node each time the input and year are read. */
  readonly input: InputReader<FormulaNode>;
}

/** Starts recording a case; `inputs` are the scenario's inputs by path (inputsOf). */
export function startRecording(inputs: ReadonlyMap<string, Series>, c: Case): Recording {
  let made = 0;
  const constant = (value: Decimal): ConstantNode => ({ kind: 'constant', id: made++, value });
  const operation = (op: Op, operands: readonly FormulaNode[], value: Decimal, periods?: number): OperationNode => ({
    kind: 'operation',
    id: made++,
    op,
    operands,
    value,
    ...(periods !== undefined && { periods }),
  });
  // Where decimalCalc has no value (growth from 0), there is no node either.
  const partial = (op: Op, operands: readonly FormulaNode[], value: Decimal | undefined, periods?: number) =>
    value === undefined ? undefined : operation(op, operands, value, periods);
  const values = (nodes: readonly FormulaNode[]) => nodes.map((node) => node.value);

  const calc: MetricCalc<FormulaNode> = {
    get zero() {
      return constant(ZERO);
    },
    get one() {
      return constant(ONE);
    },
    add: (a, b) => operation('add', [a, b], decimalCalc.add(a.value, b.value)),
    sub: (a, b) => operation('sub', [a, b], decimalCalc.sub(a.value, b.value)),
    mul: (a, b) => operation('mul', [a, b], decimalCalc.mul(a.value, b.value)),
    sum: (nodes) => operation('sum', [...nodes], decimalCalc.sum(values(nodes))),
    shareOf: (a, b) => operation('shareOf', [a, b], decimalCalc.shareOf(a.value, b.value)),
    growth: (a, b) => partial('growth', [a, b], decimalCalc.growth(a.value, b.value)),
    cagr: (first, last, periods) =>
      partial('cagr', [first, last], decimalCalc.cagr(first.value, last.value, periods), periods),
    constant,
    divide: (a, b) => partial('divide', [a, b], decimalCalc.divide(a.value, b.value)),
    min: (a, b) => operation('min', [a, b], decimalCalc.min(a.value, b.value)),
    max: (a, b) => operation('max', [a, b], decimalCalc.max(a.value, b.value)),
  };

  const pathOf = new Map<Series, string>();
  for (const [path, series] of inputs) {
    // A series is known by its identity: two paths sharing one could not be told apart.
    if (pathOf.has(series)) throw new Error(`internal: ${pathOf.get(series)} and ${path} are one series`);
    pathOf.set(series, path);
  }
  const leaves = new Map<Series, Map<Year, InputNode>>();
  const input: InputReader<FormulaNode> = (series, years) => {
    const path = pathOf.get(series);
    if (path === undefined) throw new Error('internal: a model read an input the scenario does not have');
    const read = leaves.get(series) ?? new Map<Year, InputNode>();
    leaves.set(series, read);
    return yearly(years, (year) => {
      const known = read.get(year);
      if (known) return known;
      const range = series.get(year);
      if (range === undefined) throw new Error(`internal: ${path} has no value for ${year}`);
      const leaf: InputNode = { kind: 'input', id: made++, path, year, value: range[c] };
      read.set(year, leaf);
      return leaf;
    });
  };
  return { calc, input };
}

/** `op` performed on any Calc: undefined where the Calc has no value (growth and cagr from 0). */
export function apply<N>(calc: MetricCalc<N>, op: Op, operands: readonly N[], periods = 0): N | undefined {
  const [a, b] = operands as [N, N];
  switch (op) {
    case 'sum':
      return calc.sum(operands);
    case 'cagr':
      return calc.cagr(a, b, periods);
    default:
      return calc[op](a, b);
  }
}

/** The nodes a node is made of: an operation's operands; none for an input or a constant. */
export function operandsOf(node: FormulaNode): readonly FormulaNode[] {
  return node.kind === 'operation' ? node.operands : [];
}

/** Every node `roots` are made of, themselves included, each once, in dependency order (by id). */
export function below(roots: Iterable<FormulaNode>): FormulaNode[] {
  const found = new Set<FormulaNode>();
  // A stack, not recursion: a running total over centuries is a chain as deep.
  const stack = [...roots];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (found.has(node)) continue;
    found.add(node);
    stack.push(...operandsOf(node));
  }
  return [...found].sort((a, b) => a.id - b.id);
}

/**
 * The graph below `roots` performed again on another Calc, from the values
 * `leaf` gives the inputs: each node's value (undefined where an operand's or
 * its own is). The recording's values are `replay(decimalCalc, roots, (leaf) => leaf.value)`.
 */
export function replay<N>(
  calc: MetricCalc<N>,
  roots: Iterable<FormulaNode>,
  leaf: (input: InputNode) => N,
): Map<FormulaNode, N | undefined> {
  const values = new Map<FormulaNode, N | undefined>();
  for (const node of below(roots)) {
    if (node.kind === 'input') values.set(node, leaf(node));
    else if (node.kind === 'constant') {
      values.set(node, node.value.isZero() ? calc.zero : node.value.eq(ONE) ? calc.one : calc.constant(node.value));
    }
    else {
      const operands = node.operands.map((operand) => values.get(operand));
      const defined = operands.every((value) => value !== undefined);
      values.set(node, defined ? apply(calc, node.op, operands as N[], node.periods) : undefined);
    }
  }
  return values;
}
