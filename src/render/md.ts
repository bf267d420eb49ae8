// Markdown output (SPEC §5): the tables as GitHub Markdown.
import { gridsOf } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';

export function renderMarkdown(results: readonly ScenarioResult[], options: RenderOptions): string {
  return gridsOf(results, options)
    .map((grid) => {
      const row = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
      const align = `|${grid.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
      const notes = grid.notes.map((note) => `\n${note}  `).join('');
      return [`### ${grid.title}`, '', row(grid.header), align, ...grid.rows.map(row), notes].join('\n').trimEnd() + '\n';
    })
    .join('\n');
}
