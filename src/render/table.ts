// Terminal tables (SPEC §5): years as columns, unit in the title, labels left
// and numbers right, aligned by display width (Chinese labels take two columns
// a character), colour only when allowed. Drawn here rather than with a table
// library: a cold cli-table3 took ~40 ms per run, a quarter of the start-up budget.
import { visible } from './escape.js';
import { gridsOf, type Grid } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import type { Style } from './style.js';
import { displayWidth } from './width.js';

export function renderTable(results: readonly ScenarioResult[], options: RenderOptions): string {
  return gridsOf(results, options)
    .map((grid) => gridTable(grid, options.style))
    .join('\n');
}

/** A grid on a terminal: its title, the table, the notes below it. */
export function gridTable(grid: Grid, style: Style): string {
  const notes = grid.notes.map((note) => `${style.dim(visible(note))}\n`).join('');
  return `${style.bold(visible(grid.title))}\n${drawTable(grid, style.bold)}${notes}`;
}

/** Colours a cell once it is escaped and padded: row index, column index. */
export type Paint = (text: string, row: number, column: number) => string;

/**
 * A box-drawn table: a header row, then the rows; the first `leftColumns`
 * left-aligned, the rest right. Cells are escaped (they may hold labels and
 * names from the scenario), so colour comes through `paint`, never in a cell.
 */
export function drawTable(grid: Pick<Grid, 'header' | 'rows'>, emphasis: (text: string) => string = (text) => text, leftColumns = 1, paint?: Paint): string {
  const header = grid.header.map(visible);
  const rows = grid.rows.map((cells) => cells.map(visible));
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const pad = (text: string, column: number) => {
    const space = ' '.repeat(widths[column]! - displayWidth(text));
    return column < leftColumns ? text + space : space + text;
  };
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}\n`;
  const row = (cells: readonly string[], style: (text: string, column: number) => string) =>
    `│${cells.map((cell, column) => ` ${style(pad(cell, column), column)} `).join('│')}│\n`;
  const body = rows.map((cells, r) => row(cells, (text, column) => (paint ? paint(text, r, column) : text))).join('');
  return rule('┌', '┬', '┐') + row(header, emphasis) + rule('├', '┼', '┤') + body + rule('└', '┴', '┘');
}
