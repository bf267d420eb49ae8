// The Stamp sheet: what produced the workbook (the reproducibility stamp:
// version, files and their SHA-256, the --set list), how to use it, and how
// many of its computed cells are live formulas.
import { amountPlaces } from '../numbers.js';
import { text, type Lang } from '../labels.js';
import { labelCell, widthsOf, type Counts } from './cells.js';
import type { Cell, Sheet } from './model.js';

/** Amounts with the decimals the tables show (1 in 亿元 and bn, 3 in 万亿元 and tn, none in 元). */
export function amountFormat(unit: string): string {
  const places = amountPlaces(unit);
  return places === 0 ? '#,##0' : `#,##0.${'0'.repeat(places)}`;
}

/** The stamp as rows of a key path (`scenarios.1.chain.1.sha256`, counted from 1) and its value. */
function flatten(value: unknown, path: string, rows: [string, string][]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) rows.push([path, '']);
    value.forEach((item, i) => flatten(item, `${path}.${i + 1}`, rows));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, path === '' ? key : `${path}.${key}`, rows);
  } else rows.push([path, String(value)]);
}

export function stampSheet(
  stamps: readonly (object | undefined)[],
  counts: Counts | undefined,
  lang: Lang,
  notes: readonly string[] = [text('inputsNote', lang)],
): Sheet {
  const rows: (Cell | undefined)[][] = [[{ kind: 'text', text: 'fintech-calc', style: 'title' }]];
  for (const note of notes) rows.push([labelCell(note)]);
  if (counts) {
    rows.push([{ kind: 'text', text: `${counts.formulas} / ${counts.computed} ${text('formulasNote', lang)}` }]);
  }
  for (const [i, stamp] of stamps.entries()) {
    if (!stamp) continue;
    rows.push([]);
    if (stamps.length > 1) rows.push([{ kind: 'text', text: `${i + 1}`, style: 'header' }]);
    const flat: [string, string][] = [];
    flatten(stamp, '', flat);
    for (const [key, value] of flat) rows.push([labelCell(key), labelCell(value)]);
  }
  const widths = widthsOf(rows, {}, 1 + notes.length + (counts ? 1 : 0));
  return {
    name: text('stampSheet', lang),
    rows,
    widths: [Math.max(widths[0] ?? 8, 24), Math.max(widths[1] ?? 8, 70)],
    frozen: { rows: 0, columns: 0 },
  };
}
