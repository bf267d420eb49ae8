// Terminal tables (SPEC §5): years as columns, unit in the title, aligned CJK
// labels (cli-table3 measures display width), colour only when allowed.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { gridsOf } from './grid.js';
import type { RenderOptions, ScenarioResult } from './options.js';

export function renderTable(results: readonly ScenarioResult[], options: RenderOptions): string {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  return gridsOf(results, options)
    .map((grid) => {
      const table = new Table({
        head: grid.header.map((cell) => chalk.bold(cell)),
        colAligns: grid.header.map((_, i) => (i === 0 ? 'left' : 'right')),
        style: { head: [], border: [] },
        // No rule between rows: a long table stays short enough to read on one screen.
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
      });
      for (const row of grid.rows) table.push([...row]);
      const notes = grid.notes.map((note) => `\n${chalk.dim(note)}`).join('');
      return `${chalk.bold(grid.title)}\n${table.toString()}${notes}\n`;
    })
    .join('\n');
}
