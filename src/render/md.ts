// Markdown output (SPEC §5): the tables as GitHub Markdown.
import { gridsOf } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { stampComments } from './stamp.js';

/** A GitHub Markdown table: the first `leftColumns` left-aligned, the rest right. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], leftColumns = 1): string {
  const row = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  const align = `|${header.map((_, i) => (i < leftColumns ? ' --- ' : ' ---: ')).join('|')}|`;
  return [row(header), align, ...rows.map(row)].join('\n') + '\n';
}

export function renderMarkdown(results: readonly ScenarioResult[], options: RenderOptions): string {
  const stamps = stampComments(results.map((result) => result.stamp), 'md');
  return gridsOf(results, options)
    .map((grid) => {
      const notes = grid.notes.map((note) => `\n${note}  `).join('');
      return `### ${grid.title}\n\n${markdownTable(grid.header, grid.rows)}${notes}`.trimEnd() + '\n';
    })
    .join('\n') + (stamps === '' ? '' : `\n${stamps}`);
}
