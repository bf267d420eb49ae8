// Evaluates the formulas of a workbook we wrote, in float64, as a spreadsheet
// would: references (on this or another sheet), + − * / ^, =, SUM, MIN, MAX, ABS, IF and NA().
// The tests check every formula against its cached value with it, without
// LibreOffice (test/recalc/ checks the same with LibreOffice, in CI).
import type { ReadWorkbook } from './read-xlsx.js';

const TOKEN = new RegExp(
  String.raw`\s*(?:('(?:[^']|'')+'!|[A-Za-z_][\w.]*!)?(\$?[A-Z]+\$?\d+)(?![\w(])` +
    String.raw`|(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Z]+)\(|([-+*/^=(),]))`,
  'y',
);

type Token =
  | { ref: { sheet: string | undefined; cell: string } }
  | { number: number }
  | { fn: string }
  | { op: string };

function tokens(formula: string): Token[] {
  const found: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`cannot read the formula ${formula} at ${TOKEN.lastIndex}`);
    if (m[2]) {
      const sheet = m[1] === undefined ? undefined : m[1].slice(0, -1).replace(/^'|'$/g, '').replaceAll("''", "'");
      found.push({ ref: { sheet, cell: m[2].replaceAll('$', '') } });
    }
    else if (m[3]) found.push({ number: Number(m[3]) });
    else if (m[4]) found.push({ fn: m[4] });
    else found.push({ op: m[5]! });
  }
  return found;
}

/** 1e-9 relative, and 1e-9 absolute below 1 (float64 cannot resolve a difference of large operands better). */
export const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1);

/** Every formula cell's value as our evaluation computes it, by `sheet!A1`; NaN for #N/A. */
export function evaluateWorkbook(workbook: ReadWorkbook): Map<string, number> {
  const sheets = new Map(workbook.sheets.map((sheet) => [sheet.name, sheet]));
  const values = new Map<string, number>();
  const visiting = new Set<string>();
  const valueOf = (sheetName: string, ref: string): number => {
    const key = `${sheetName}!${ref}`;
    const known = values.get(key);
    if (known !== undefined) return known;
    const cell = sheets.get(sheetName)?.cells.get(ref);
    if (cell === undefined) return 0; // an empty cell
    if (cell.formula === undefined) {
      if (typeof cell.value !== 'number') throw new Error(`${key} is not a number`);
      return cell.value;
    }
    if (visiting.has(key)) throw new Error(`circular reference at ${key}`);
    visiting.add(key);
    const value = evaluate(cell.formula, sheetName, valueOf);
    visiting.delete(key);
    values.set(key, value);
    return value;
  };
  for (const sheet of workbook.sheets) {
    for (const [ref, cell] of sheet.cells) if (cell.formula !== undefined) valueOf(sheet.name, ref);
  }
  return values;
}

function evaluate(formula: string, here: string, valueOf: (sheet: string, ref: string) => number): number {
  const list = tokens(formula);
  let i = 0;
  const isOp = (op: string) => {
    const token = list[i];
    return token !== undefined && 'op' in token && token.op === op;
  };
  const expect = (op: string) => {
    if (!isOp(op)) throw new Error(`${formula}: expected ${op} at token ${i}`);
    i++;
  };
  const comparison = (): number => {
    const left = additive();
    if (isOp('=')) {
      i++;
      return left === additive() ? 1 : 0;
    }
    return left;
  };
  const additive = (): number => {
    let value = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = (list[i++] as { op: string }).op;
      const right = multiplicative();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  };
  const multiplicative = (): number => {
    let value = power();
    while (isOp('*') || isOp('/')) {
      const op = (list[i++] as { op: string }).op;
      const right = power();
      value = op === '*' ? value * right : value / right;
    }
    return value;
  };
  const power = (): number => {
    let value = atom();
    while (isOp('^')) {
      i++;
      value = value ** atom();
    }
    return value;
  };
  const args = (): number[] => {
    const found: number[] = [];
    if (isOp(')')) {
      i++;
      return found;
    }
    for (;;) {
      found.push(comparison());
      if (isOp(')')) break;
      expect(',');
    }
    i++;
    return found;
  };
  const atom = (): number => {
    const token = list[i++];
    if (token === undefined) throw new Error(`${formula}: ends early`);
    if ('number' in token) return token.number;
    if ('ref' in token) return valueOf(token.ref.sheet ?? here, token.ref.cell);
    if ('fn' in token) {
      // IF's value is the branch it takes (the other, a division by 0 or NA(), is no error).
      if (token.fn === 'IF') {
        const [condition, then, otherwise] = args() as [number, number, number];
        return condition !== 0 ? then : otherwise;
      }
      const values = args();
      if (token.fn === 'SUM') return values.reduce((a, b) => a + b, 0);
      if (token.fn === 'NA') return Number.NaN;
      if (token.fn === 'MIN') return Math.min(...values);
      if (token.fn === 'MAX') return Math.max(...values);
      if (token.fn === 'ABS') return Math.abs(values[0]!);
      throw new Error(`${formula}: unknown function ${token.fn}`);
    }
    if (token.op === '(') {
      const value = comparison();
      expect(')');
      return value;
    }
    if (token.op === '-') return -atom();
    throw new Error(`${formula}: unexpected ${token.op}`);
  };
  const value = comparison();
  if (i !== list.length) throw new Error(`${formula}: unread tokens from ${i}`);
  return value;
}

/** Formula cells whose evaluation is not their cached value (to 1e-9 relative; a cached #N/A evaluates to NaN). */
export function wrongFormulas(book: ReadWorkbook): string[] {
  const evaluated = evaluateWorkbook(book);
  const wrong: string[] = [];
  for (const sheet of book.sheets) {
    for (const [ref, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const got = evaluated.get(`${sheet.name}!${ref}`)!;
      const agrees = cell.type === 'e' ? cell.value === '#N/A' && Number.isNaN(got) : close(got, cell.value as number);
      if (!agrees) wrong.push(`${sheet.name}!${ref} =${cell.formula}: ${got}, cached ${String(cell.value)}`);
    }
  }
  return wrong;
}
