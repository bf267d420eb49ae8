// Markdown output (SPEC §5): the tables as GitHub Markdown.
import { visible } from './escape.js';
import { gridsOf, type Grid } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { stampComments } from './stamp.js';

/** A cell's text in a Markdown table: controls and line breaks shown as escapes, `|` escaped. */
export function markdownCell(text: string): string {
  return visible(text).replaceAll('|', '\\|');
}

/** A GitHub Markdown table: the first `leftColumns` left-aligned, the rest right. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  leftColumns = 1,
): string {
  const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const align = `|${header.map((_, i) => (i < leftColumns ? ' --- ' : ' ---: ')).join('|')}|`;
  return [row(header), align, ...rows.map(row)].join('\n') + '\n';
}

export function renderMarkdown(results: readonly ScenarioResult[], options: RenderOptions): string {
  const stamps = stampComments(results.map((result) => result.stamp), 'md');
  return gridsOf(results, options).map(gridMarkdown).join('\n') + (stamps === '' ? '' : `\n${stamps}`);
}

/** A grid in Markdown: its title as a heading, the table, the notes below it (hard line breaks). */
export function gridMarkdown(grid: Grid): string {
  const notes = grid.notes.map((note) => `\n${visible(note)}  `).join('');
  return `### ${visible(grid.title)}\n\n${markdownTable(grid.header, grid.rows)}${notes}`.trimEnd() + '\n';
}
