// Terminal tables (SPEC §5): years as columns, unit in the title, labels left
// and numbers right, aligned by display width (Chinese labels take two columns
// a character), colour only when allowed. Drawn here rather than with a table
// library: cli-table3 was measured at +45–55 ms per default forecast, for its
// per-cell work (not its loading).
import { visible } from './escape.js';
import { gridsOf, type Grid } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import type { Style } from './style.js';
import { displayWidth, OUTPUT_WIDTH, wrapText, wrapWords } from './width.js';

export function renderTable(results: readonly ScenarioResult[], options: RenderOptions): string {
  return gridsOf(results, options)
    .map((grid) => gridTable(grid, options.style))
    .join('\n');
}

/** A grid on a terminal: its title (wrapped at OUTPUT_WIDTH), the table, the notes below it. */
export function gridTable(grid: Grid, style: Style): string {
  const notes = grid.notes.map((note) => `${style.dim(visible(note))}\n`).join('');
  const title = style.bold(wrapText(visible(grid.title), OUTPUT_WIDTH));
  return `${title}\n${drawTable(grid, { emphasis: style.bold })}${notes}`;
}

export interface TableLayout {
  /** The header's style. */
  readonly emphasis?: (text: string) => string;
  /** The first columns are left-aligned (labels), the rest right (numbers). */
  readonly leftColumns?: number;
  /** Colours a cell once it is escaped and padded: its row and column. */
  readonly paint?: (text: string, row: number, column: number) => string;
  /**
   * A text under a row, across the whole table, indented; the table widens for
   * it up to OUTPUT_WIDTH (its widest left-aligned column takes the room), and
   * a longer text wraps.
   */
  readonly below?: (row: number) => string | undefined;
}

/**
 * A box-drawn table: a header row, then the rows. Cells are escaped (they may
 * hold labels and names from the scenario), so colour comes through `paint`,
 * never in a cell.
 */
export function drawTable(
  grid: Pick<Grid, 'header' | 'rows'>,
  { emphasis = (text) => text, leftColumns = 1, paint, below }: TableLayout = {},
): string {
  const header = grid.header.map(visible);
  const rows = grid.rows.map((cells) => cells.map(visible));
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const under = rows.map((_, r) => below?.(r)).map((text) => (text === undefined ? undefined : visible(text)));
  const wanted = Math.min(
    OUTPUT_WIDTH - 4,
    Math.max(0, ...under.map((text) => (text === undefined ? 0 : displayWidth(text) + 2))),
  );
  const table = widths.reduce((sum, width) => sum + width + 3, -3);
  if (wanted > table) {
    const stretch = widths
      .slice(0, leftColumns)
      .reduce((widest, width, column) => (width > widths[widest]! ? column : widest), 0);
    widths[stretch]! += wanted - table;
  }
  const inner = Math.max(table, wanted);
  const pad = (text: string, width: number, left: boolean) => {
    const space = ' '.repeat(Math.max(0, width - displayWidth(text)));
    return left ? text + space : space + text;
  };
  const rule = (left: string, middle: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}\n`;
  const row = (cells: readonly string[], style: (text: string, column: number) => string) => {
    const padded = cells.map((cell, column) => ` ${style(pad(cell, widths[column]!, column < leftColumns), column)} `);
    return `│${padded.join('│')}│\n`;
  };
  const lines = (text: string | undefined) =>
    text === undefined
      ? ''
      : wrapWords('  ', text, '    ', inner)
          .split('\n')
          .map((line) => `│ ${pad(line, inner, true)} │\n`)
          .join('');
  const body = rows
    .map((cells, r) => row(cells, (text, column) => (paint ? paint(text, r, column) : text)) + lines(under[r]))
    .join('');
  return rule('┌', '┬', '┐') + row(header, emphasis) + rule('├', '┼', '┤') + body + rule('└', '┴', '┘');
}
