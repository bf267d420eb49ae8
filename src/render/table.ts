// Terminal tables (SPEC §5): years as columns, unit in the title, labels left
// and numbers right, aligned by display width (Chinese labels take two columns
// a character), colour only when allowed. Drawn here rather than with a table
// library: cli-table3 was measured at +45–55 ms per default forecast, for its
// per-cell work (not its loading).
import { gridsOf, type Grid } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { displayWidth } from './width.js';

export function renderTable(results: readonly ScenarioResult[], options: RenderOptions): string {
  const chalk = options.style;
  return gridsOf(results, options)
    .map((grid) => {
      const notes = grid.notes.map((note) => `${chalk.dim(note)}\n`).join('');
      return `${chalk.bold(grid.title)}\n${drawTable(grid, (text) => chalk.bold(text))}${notes}`;
    })
    .join('\n');
}

/** A box-drawn table: a header row, then the rows; the first `leftColumns` left-aligned, the rest right. */
export function drawTable(grid: Pick<Grid, 'header' | 'rows'>, emphasis: (text: string) => string = (text) => text, leftColumns = 1): string {
  const all = [grid.header, ...grid.rows];
  const widths = grid.header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const pad = (text: string, column: number) => {
    const space = ' '.repeat(widths[column]! - displayWidth(text));
    return column < leftColumns ? text + space : space + text;
  };
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}\n`;
  const row = (cells: readonly string[], style: (text: string) => string = (text) => text) =>
    `│${cells.map((cell, column) => ` ${style(pad(cell, column))} `).join('│')}│\n`;
  return rule('┌', '┬', '┐') + row(grid.header, emphasis) + rule('├', '┼', '┤') + grid.rows.map((cells) => row(cells)).join('') + rule('└', '┴', '┘');
}
