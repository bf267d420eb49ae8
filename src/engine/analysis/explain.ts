// explain: the calculation tree of one forecast value, read from the formula
// graph the models leave when they run on the recording Calc (graph.ts): the
// value's formula over named values (other lines) and inputs, and theirs,
// down to the inputs with their provenance. Operations no line names are
// written into the formula, in parentheses where precedence needs them.
import type { Decimal } from '../../shared/decimal.js';
import { recordCase, type CaseGraph } from './graph.js';
import type { ValueKind } from './lines.js';
import type { FormulaNode, Op, OperationNode } from '../calc/recording.js';
import { TABLES, type Case, type Provenance, type Scenario, type Year } from '../types.js';

export interface ExplainNode {
  /** A metric address (`profit.increment.2023`) or an input path and year. */
  readonly name: string;
  readonly kind: ValueKind;
  readonly value: Decimal;
  /** The formula over the operands, `{0} − {1}`; absent for an input. */
  readonly formula?: string;
  readonly operands: readonly ExplainNode[];
  /** For an input: how its value in `year` was obtained. */
  readonly input?: { readonly path: string; readonly year: Year; readonly provenance: Provenance | undefined };
}

/** The tree of `metric` (an address as in the JSON output), or undefined for an address the case has no value at. */
export function explainMetric(scenario: Scenario, c: Case, metric: string): ExplainNode | undefined {
  // An address starts with its table: only that table's models (and those it builds on) need to run.
  const table = TABLES.find((name) => metric.startsWith(`${name}.`));
  return table && explainer(scenario, c, [table])(metric);
}

/** explainMetric for many metrics of one case (of `tables`): the case's graph is recorded once. */
export function explainer(scenario: Scenario, c: Case, tables = TABLES): (metric: string) => ExplainNode | undefined {
  const graph = recordCase(scenario, c, tables);
  return (metric) => {
    const line = graph.lines.get(metric);
    return line && explainNode(graph, scenario, line.node);
  };
}

function explainNode(graph: CaseGraph, scenario: Scenario, root: FormulaNode): ExplainNode {
  // One tree node per graph node: a value met again is the same subtree, not a copy.
  const made = new Map<FormulaNode, ExplainNode>();
  const explain = (node: FormulaNode): ExplainNode => {
    const known = made.get(node);
    if (known) return known;
    const base = { name: graph.nameOf(node)!, kind: graph.kindOf(node), value: node.value };
    let tree: ExplainNode;
    if (node.kind === 'input') {
      const provenance = scenario.provenance.get(node.path);
      tree = { ...base, operands: [], input: { path: node.path, year: node.year, provenance } };
    } else {
      // A running total's formula writes out its earlier years (saving[2020] + saving[2021] + ...),
      // rather than nesting the tree a level a year (its own line in an earlier year as an operand).
      const isOperand = (operand: FormulaNode) =>
        operand.kind === 'input' ||
        (graph.nameOf(operand) !== undefined && graph.lineOf(operand) !== graph.lineOf(node));
      const { formula, operands } = formulaOf(node, isOperand);
      tree = { ...base, formula, operands: operands.map(explain) };
    }
    made.set(node, tree);
    return tree;
  };
  return explain(root);
}

/** How tightly an expression binds: an operand binding less tightly than its place needs goes in parentheses. */
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const ATOM = 3;

/**
 * How explain writes each op: the precedence of the result, and the text of
 * the operands, each written at (at least) the precedence its place needs —
 * the left of a − b or a / b binds as the op, the right tighter.
 */
type Writer = (operand: (index: number, needs: number) => string, node: OperationNode) => string;
const NOTATION: Record<Op, { precedence: number; write: Writer }> = {
  add: { precedence: ADDITIVE, write: (x) => `${x(0, ADDITIVE)} + ${x(1, MULTIPLICATIVE)}` },
  sub: { precedence: ADDITIVE, write: (x) => `${x(0, ADDITIVE)} − ${x(1, MULTIPLICATIVE)}` },
  // Σ of nothing is 0; written as the sum it is, so it keeps its parentheses: × (0).
  sum: {
    precedence: ADDITIVE,
    write: (x, node) => node.operands.map((_, i) => x(i, i === 0 ? ADDITIVE : MULTIPLICATIVE)).join(' + ') || '0',
  },
  mul: { precedence: MULTIPLICATIVE, write: (x) => `${x(0, MULTIPLICATIVE)} × ${x(1, ATOM)}` },
  shareOf: { precedence: MULTIPLICATIVE, write: (x) => `${x(0, MULTIPLICATIVE)} / ${x(1, ATOM)}` },
  growth: { precedence: ADDITIVE, write: (x) => `${x(0, MULTIPLICATIVE)} / ${x(1, ATOM)} − 1` },
  divide: { precedence: MULTIPLICATIVE, write: (x) => `${x(0, MULTIPLICATIVE)} / ${x(1, ATOM)}` },
  min: { precedence: ATOM, write: (x) => `min(${x(0, ADDITIVE)}, ${x(1, ADDITIVE)})` },
  max: { precedence: ATOM, write: (x) => `max(${x(0, ADDITIVE)}, ${x(1, ADDITIVE)})` },
  cagr: {
    precedence: ADDITIVE,
    write: (x, node) => `(${x(1, MULTIPLICATIVE)} / ${x(0, ATOM)})^(1/${node.periods}) − 1`,
  },
};

/**
 * The formula of an operation (or of a constant a line names: `0`) over its
 * operands, `{0} × (1 − ({1} + {2})) × {3}`: the nodes below it that
 * `isOperand` (inputs, other lines' values); other operations are written into
 * it. Operands are numbered as the ops take them, so cagr's first value is {0}
 * though the formula shows the last one first.
 */
type Formula = { formula: string; operands: FormulaNode[] };
function formulaOf(root: FormulaNode, isOperand: (node: FormulaNode) => boolean): Formula {
  const operands: FormulaNode[] = [];
  const number = (node: FormulaNode) => {
    if (isOperand(node)) {
      if (!operands.includes(node)) operands.push(node);
    } else if (node.kind === 'operation') node.operands.forEach(number);
  };
  if (root.kind === 'operation') root.operands.forEach(number);
  const write = (node: FormulaNode, top: boolean): { text: string; precedence: number } => {
    if (!top && isOperand(node)) return { text: `{${operands.indexOf(node)}}`, precedence: ATOM };
    if (node.kind !== 'operation') return { text: node.value.toString(), precedence: ATOM };
    // A running total starts from 0, a Σ may have no terms: adding that 0 goes without saying.
    if (node.op === 'add' && isZero(node.operands[0]!)) return write(node.operands[1]!, false);
    const notation = NOTATION[node.op];
    const operand = (index: number, needs: number) => {
      const { text, precedence } = write(node.operands[index]!, false);
      return precedence < needs ? `(${text})` : text;
    };
    return { text: notation.write(operand, node), precedence: notation.precedence };
  };
  const isZero = (node: FormulaNode) =>
    !isOperand(node) &&
    (node.kind === 'operation' ? node.op === 'sum' && node.operands.length === 0 : node.value.isZero());
  return { formula: write(root, true).text, operands };
}
