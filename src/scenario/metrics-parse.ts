// A metric's formula (docs/metrics.md) → the tree engine/metrics.ts evaluates.
// Hand-written (the grammar is tiny), never eval: every node keeps the offset
// of where it is written, so a problem points at its column in the formula.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/' | '×' | '÷') unary)*
//   unary   := '-' unary | primary
//   primary := number unit? | '(' sum ')' | name '(' sum (',' sum)* ')' | name ('[' year ']')?
//   name    := word ('.' word)*          word := [A-Za-z_][A-Za-z0-9_]*
import { parseDecimal } from '../shared/decimal.js';
import { unitSize } from '../shared/units.js';
import { didYouMean } from '../shared/suggest.js';
import { FUNCTIONS, isFunctionName, type BinaryOp, type Expr } from '../engine/metrics.js';

/** Longer formulas are refused: evaluation and checks recurse over the tree, which this keeps shallow. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deeper nesting (parentheses, calls, unary minus) is refused rather than recursed into. */
export const MAX_FORMULA_DEPTH = 64;

/** A problem in a formula, at an offset in it. */
export interface FormulaProblem {
  readonly at: number;
  readonly message: string;
}

export type Parsed = { readonly expr: Expr } | { readonly problem: FormulaProblem };

class SyntaxProblem extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

const OPERATORS: Readonly<Record<string, BinaryOp>> = { '+': '+', '-': '-', '*': '*', '/': '/', '×': '*', '÷': '/' };
const WORD_START = /[A-Za-z_]/;
const WORD = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;
/** What may follow a number as its unit: `%`, or letters and CJK characters (亿元, bn). */
const UNIT_CHAR = /[A-Za-z\u4e00-\u9fff]/;

export function parseFormula(formula: string): Parsed {
  if (formula.trim() === '') {
    const message = 'empty formula; expected an expression such as profit.profit / market.marketSize';
    return { problem: { at: 0, message } };
  }
  if (formula.length > MAX_FORMULA_LENGTH) {
    return { problem: { at: 0, message: `a formula of ${formula.length} characters; at most ${MAX_FORMULA_LENGTH}` } };
  }
  let i = 0;
  let depth = 0;
  const skip = () => {
    while (i < formula.length && /\s/.test(formula[i]!)) i++;
  };
  const peek = () => {
    skip();
    return formula[i];
  };
  const found = () => (i >= formula.length ? 'the end of the formula' : `'${formula[i]}'`);
  const expect = (char: string, what: string) => {
    if (peek() !== char) throw new SyntaxProblem(i, `expected ${what}; found ${found()}`);
    i++;
  };
  const nested = <T>(at: number, parse: () => T): T => {
    if (++depth > MAX_FORMULA_DEPTH) throw new SyntaxProblem(at, `nested more than ${MAX_FORMULA_DEPTH} deep`);
    const result = parse();
    depth--;
    return result;
  };

  const sum = (): Expr => {
    let left = product();
    for (let char = peek(); char === '+' || char === '-'; char = peek()) {
      const at = i++;
      left = { type: 'binary', at, op: OPERATORS[char]!, left, right: product() };
    }
    return left;
  };
  const product = (): Expr => {
    let left = unary();
    for (let char = peek(); char !== undefined && '*/×÷'.includes(char); char = peek()) {
      const at = i++;
      left = { type: 'binary', at, op: OPERATORS[char]!, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    if (peek() === '-') {
      const at = i++;
      return nested(at, () => ({ type: 'negate', at, operand: unary() }));
    }
    return primary();
  };
  const primary = (): Expr => {
    const char = peek();
    const at = i;
    if (char === undefined) {
      throw new SyntaxProblem(at, 'unexpected end of the formula; expected a number, a name or (');
    }
    if (DIGIT.test(char)) return number();
    if (char === '(') {
      i++;
      const inner = nested(at, sum);
      expect(')', "')'");
      return inner;
    }
    if (!WORD_START.test(char)) throw new SyntaxProblem(at, `unexpected '${char}'; expected a number, a name or (`);
    const name = dotted();
    if (peek() === '(') {
      if (!isFunctionName(name)) {
        const names = Object.keys(FUNCTIONS);
        const expected = `expected one of ${names.join(', ')}`;
        throw new SyntaxProblem(at, `unknown function '${name}'${didYouMean(name, names)}; ${expected}`);
      }
      i++;
      const args = nested(at, () => {
        const list = [sum()];
        while (peek() === ',') {
          i++;
          list.push(sum());
        }
        return list;
      });
      expect(')', "',' or ')'");
      return { type: 'call', at, fn: name, args };
    }
    if (peek() === '[') {
      i++;
      skip();
      const yearAt = i;
      const digits = run(DIGIT);
      if (!/^\d{4}$/.test(digits)) {
        const written = digits === '' ? found() : `'${digits}'`;
        throw new SyntaxProblem(yearAt, `expected a year such as 2023 in [ ]; found ${written}`);
      }
      expect(']', "']'");
      return { type: 'ref', at, name, year: Number(digits), yearAt };
    }
    return { type: 'ref', at, name };
  };
  const run = (pattern: RegExp) => {
    const start = i;
    while (i < formula.length && pattern.test(formula[i]!)) i++;
    return formula.slice(start, i);
  };
  const dotted = (): string => {
    let name = run(WORD);
    while (formula[i] === '.' && WORD_START.test(formula[i + 1] ?? '')) {
      i++;
      name += `.${run(WORD)}`;
    }
    return name;
  };
  const number = (): Expr => {
    const at = i;
    let digits = run(DIGIT);
    if (formula[i] === '.' && DIGIT.test(formula[i + 1] ?? '')) {
      i++;
      digits += `.${run(DIGIT)}`;
    }
    const value = parseDecimal(digits);
    if (typeof value === 'string') {
      throw new SyntaxProblem(at, `'${digits}': ${value}; expected at most 40 significant digits`);
    }
    if (formula[i] === '%') {
      i++;
      return { type: 'number', at, value: value.dividedBy(100), kind: 'ratio' };
    }
    const unitAt = i;
    const unit = run(UNIT_CHAR);
    if (unit === '') return { type: 'number', at, value, kind: 'number' };
    const size = unitSize(unit);
    if (size === undefined) {
      const expected = 'expected %, or an amount unit such as 亿元, 万亿, bn';
      throw new SyntaxProblem(unitAt, `unknown unit '${unit}' after a number; ${expected}`);
    }
    return { type: 'number', at, value: value.times(size), kind: 'amount' };
  };

  try {
    const expr = sum();
    if (peek() !== undefined) {
      throw new SyntaxProblem(i, `unexpected ${found()}; expected an operator (+ - * /) or the end of the formula`);
    }
    return { expr };
  } catch (error) {
    if (error instanceof SyntaxProblem) return { problem: { at: error.at, message: error.message } };
    throw error;
  }
}
