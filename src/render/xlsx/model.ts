// A workbook as plain data: sheets of cells (text, numbers, formulas with their
// cached values), column widths, frozen panes and defined names. The builders
// (forecast.ts, diff.ts, simulate.ts, side-by-side.ts) make one; ooxml.ts writes it.

/** How a cell looks: its font and number format (ooxml.ts maps each to a cell format). */
export type CellStyle =
  | 'plain'
  | 'title'
  | 'header'
  /** A value computed here (black); amounts in the output unit. */
  | 'amount'
  | 'ratio'
  | 'count'
  /** A value the user may edit: a written input (blue, the usual colour of inputs). */
  | 'inputAmount'
  | 'inputRatio'
  | 'inputCount'
  /** Text that a spreadsheet would take for a formula when edited: kept text (Excel's quote prefix). */
  | 'quoted';

export type Cell =
  | { readonly kind: 'text'; readonly text: string; readonly style?: CellStyle }
  /** `value`: decimal notation, as machineNumber writes it. */
  | { readonly kind: 'number'; readonly value: string; readonly style?: CellStyle }
  /** `formula` without its `=`; `cached`: its value in decimal notation, as our engine computed it (null: #N/A). */
  | { readonly kind: 'formula'; readonly formula: string; readonly cached: string | null; readonly style?: CellStyle };

export interface Sheet {
  readonly name: string;
  /** Rows from the first; a row's cells from column A; undefined for an empty cell. */
  readonly rows: readonly (readonly (Cell | undefined)[])[];
  /** Width of each column in characters (from A). */
  readonly widths: readonly number[];
  /** Rows and columns frozen at the top and left. */
  readonly frozen: { readonly rows: number; readonly columns: number };
  /** Rows of plain numbers after `rows` (simulate's samples): compact, where a cell object each would not be. */
  readonly numbers?: NumberRows;
}

/** Rows of numbers, row after row; NaN leaves a cell empty. */
export interface NumberRows {
  readonly columns: number;
  readonly values: Float64Array;
}

export interface DefinedName {
  readonly name: string;
  /** What it refers to, e.g. 'Inputs'!$F$5:$J$5. */
  readonly refersTo: string;
}

export interface Workbook {
  readonly sheets: readonly Sheet[];
  readonly names: readonly DefinedName[];
  /** The number format of amounts: decimals by output unit, as the tables show them. */
  readonly amountFormat: string;
  readonly title: string;
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A1 reference of a 0-based row and column. */
export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** A cell's position in a workbook: its sheet's name and its 0-based row and column. */
export interface Position {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
}

/** A reference to `to` from a formula on sheet `from`: `C5`, or `'Inputs'!C5` on another sheet. */
export function reference(to: Position, from: string, absolute = false): string {
  const [col, row] = [columnName(to.column), String(to.row + 1)];
  const cell = absolute ? `$${col}$${row}` : `${col}${row}`;
  return to.sheet === from ? cell : `${sheetPrefix(to.sheet)}${cell}`;
}

/** `'Inputs'!`: a sheet name in a formula, always quoted (spaces or CJK need it; quotes are safe for all). */
export function sheetPrefix(sheet: string): string {
  return `'${sheet.replaceAll("'", "''")}'!`;
}
