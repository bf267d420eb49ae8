// `fintech-calc list`: the bundled scenarios, to use by name (forecast baseline, extends: baseline).
import { visible } from '../render/escape.js';
import { displayWidth } from '../render/width.js';
import { UsageError } from './exit.js';
import { loadScenarios } from './shared.js';
import { bundledNames, type Io } from './io.js';

export async function runList(format: string, io: Io): Promise<number> {
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format: '${format}' is not one of table, json`);
  const names = bundledNames(io);
  const loaded = await loadScenarios(names, [], io);
  const entries = loaded.map(({ scenario, file }, i) => ({ name: names[i]!, title: scenario.title, file }));
  if (format === 'json') {
    io.stdout(`${JSON.stringify(entries)}\n`);
    return 0;
  }
  const shown = entries.map((entry) => ({ name: visible(entry.name), title: visible(entry.title) }));
  const width = Math.max(...shown.map((entry) => displayWidth(entry.name)));
  io.stdout(shown.map((entry) => `${entry.name}${' '.repeat(width - displayWidth(entry.name) + 2)}${entry.title}\n`).join(''));
  return 0;
}
