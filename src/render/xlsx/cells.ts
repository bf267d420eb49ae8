// Cells the sheet builders share: text (kept text where a spreadsheet would
// read it as a formula), numbers in the output's notation, and column widths.
import type { ValueKind } from '../../engine/analysis/lines.js';
import type { Decimal } from '../../shared/decimal.js';
import { spreadsheetText } from '../csv.js';
import { machineValue } from '../numbers.js';
import { displayWidth } from '../width.js';
import type { Cell, CellStyle } from './model.js';

/** Computed cells, and how many of them are live formulas (the rest are values). */
export interface Counts {
  computed: number;
  formulas: number;
}

/**
 * A text cell. Text that begins as a formula would (=, +, -, @: spreadsheetText's
 * rule) is a string cell anyway; it gets Excel's quote prefix, so that editing
 * it keeps it text.
 */
export function labelCell(text: string, style: CellStyle = 'plain'): Cell {
  return { kind: 'text', text, style: spreadsheetText(text) === text ? style : 'quoted' };
}

/** A value of the engine as a number cell, in the output unit (ratios as fractions, shown as percentages). */
export function valueCell(value: Decimal, kind: ValueKind, unit: string): Cell {
  return { kind: 'number', value: machineValue(value, kind, unit), style: kind };
}

/** Column widths that fit the cells (CJK characters count two), within 8 and 60 characters, or a column's own cap. */
export function widthsOf(
  rows: readonly (readonly (Cell | undefined)[])[],
  caps: Readonly<Record<number, number>> = {},
  skipRows = 1,
): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(skipRows)) {
    row.forEach((cell, column) => {
      if (cell === undefined) return;
      const width = cell.kind === 'text' ? displayWidth(cell.text) : shownWidth(cell);
      widths[column] = Math.max(widths[column] ?? 8, Math.min(width + 2, caps[column] ?? 60));
    });
  }
  return Array.from(widths, (width) => width ?? 8);
}

/** About the width of a number as its format shows it: digits with separators, up to 3 decimals (a ratio: 2 and %). */
function shownWidth(cell: Exclude<Cell, { kind: 'text' }>): number {
  const value = Number(cell.kind === 'number' ? cell.value : cell.cached);
  if (cell.style === 'header') return String(value).length;
  const isRatio = cell.style === 'ratio' || cell.style === 'inputRatio';
  const digits = String(Math.floor(Math.abs(isRatio ? value * 100 : value))).length;
  return (value < 0 ? 1 : 0) + digits + (isRatio ? 4 : Math.floor((digits - 1) / 3) + 4);
}
