// The spreadsheet formula of a node of the formula graph (engine/calc/recording.ts):
// its op over its operands, where an operand with a cell of its own (an input,
// another line's value) is a reference to that cell and any other operation is
// written into the formula. The ops are Calc's closed set; each has its
// spreadsheet form, as recording.ts lists them.
import type { FormulaNode, Op, OperationNode } from '../../engine/calc/recording.js';

/** How tightly an expression binds (Excel: ^ over * and /, over + and −; functions and references are atoms). */
const ADDITIVE = 1;
const MULTIPLICATIVE = 2;
const POWER = 3;
const ATOM = 4;

/** Excel's limits: 8,192 characters a formula, 255 arguments a function. */
export const MAX_FORMULA_LENGTH = 8192;
const MAX_ARGUMENTS = 255;

type Operand = (index: number, needs: number) => string;
type Writer = (x: Operand, node: OperationNode) => string;

const NOTATION: Record<Op, { precedence: number; write: Writer }> = {
  add: { precedence: ADDITIVE, write: (x) => `${x(0, ADDITIVE)}+${x(1, MULTIPLICATIVE)}` },
  sub: { precedence: ADDITIVE, write: (x) => `${x(0, ADDITIVE)}-${x(1, MULTIPLICATIVE)}` },
  mul: { precedence: MULTIPLICATIVE, write: (x) => `${x(0, MULTIPLICATIVE)}*${x(1, POWER)}` },
  sum: { precedence: ATOM, write: (x, node) => sumOf(node.operands.map((_, i) => x(i, 0))) },
  // a share of nothing is nothing (Calc.shareOf)
  shareOf: { precedence: ATOM, write: (x) => `IF(${x(1, 0)}=0,0,${x(0, MULTIPLICATIVE)}/${x(1, POWER)})` },
  // undefined from 0: #N/A, as the forecast has no value there
  growth: { precedence: ATOM, write: (x) => `IF(${x(1, 0)}=0,NA(),${x(0, MULTIPLICATIVE)}/${x(1, POWER)}-1)` },
  cagr: {
    precedence: ATOM,
    write: (x, node) => `IF(${x(0, 0)}=0,NA(),(${x(1, MULTIPLICATIVE)}/${x(0, POWER)})^(1/${node.periods})-1)`,
  },
  // a user metric's a / b: undefined from 0, as the forecast has no value there (MetricCalc.divide)
  divide: { precedence: ATOM, write: (x) => `IF(${x(1, 0)}=0,NA(),${x(0, MULTIPLICATIVE)}/${x(1, POWER)})` },
  min: { precedence: ATOM, write: (x) => `MIN(${x(0, 0)},${x(1, 0)})` },
  max: { precedence: ATOM, write: (x) => `MAX(${x(0, 0)},${x(1, 0)})` },
};

/** SUM of the terms, nested where there are more than a function takes; 0 for none. */
function sumOf(terms: readonly string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length <= MAX_ARGUMENTS) return `SUM(${terms.join(',')})`;
  const groups: string[] = [];
  for (let i = 0; i < terms.length; i += MAX_ARGUMENTS) groups.push(sumOf(terms.slice(i, i + MAX_ARGUMENTS)));
  return sumOf(groups);
}

/**
 * The formula of `root` (an operation), without its `=`: `referenceTo(node)` is
 * the reference of a node that has a cell of its own, undefined for one written
 * into the formula. A constant is its digits (Calc's 0 and 1).
 */
export function formulaOf(root: OperationNode, referenceTo: (node: FormulaNode) => string | undefined): string {
  const write = (node: FormulaNode, top: boolean): { text: string; precedence: number } => {
    const reference = top ? undefined : referenceTo(node);
    if (reference !== undefined) return { text: reference, precedence: ATOM };
    if (node.kind === 'operation') {
      const notation = NOTATION[node.op];
      const operand = (index: number, needs: number) => {
        const { text, precedence } = write(node.operands[index]!, false);
        return precedence < needs ? `(${text})` : text;
      };
      return { text: notation.write(operand, node), precedence: notation.precedence };
    }
    if (node.kind === 'constant') return { text: node.value.toString(), precedence: ATOM };
    throw new Error(`internal: the input ${node.path}.${node.year} has no cell`);
  };
  return write(root, true).text;
}
