// `list`: the bundled scenarios with their titles, as aligned columns or JSON.
import { visible } from './escape.js';
import { displayWidth } from './width.js';

export interface ListedScenario {
  readonly name: string;
  readonly title: string;
  readonly file: string;
}

/** `[{"name", "title", "file"}, ...]` on one line. */
export function renderListJson(entries: readonly ListedScenario[]): string {
  return `${JSON.stringify(entries)}\n`;
}

/** One line per scenario: its name, padded to the longest, then its title. */
export function renderListTable(entries: readonly ListedScenario[]): string {
  const shown = entries.map((entry) => ({ name: visible(entry.name), title: visible(entry.title) }));
  const width = Math.max(...shown.map((entry) => displayWidth(entry.name)));
  return shown
    .map((entry) => `${entry.name}${' '.repeat(width - displayWidth(entry.name) + 2)}${entry.title}\n`)
    .join('');
}
