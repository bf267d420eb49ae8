// docs/commands.md against --help: every command has a section, every option a
// command's --help lists is documented (in its section, or in the shared
// options table with the command named), and every option the doc gives a
// command is one its --help lists.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runCli } from './in-process.js';

const DOC = readFileSync(`${PACKAGE_ROOT}/docs/commands.md`, 'utf8');
const SHARED_HEADING = '## Options shared by the commands';
const EVERY_COMMAND = 'every command';

/** The long names in a help's option list or a table's option cell: `-n, --samples <n>` → --samples. */
function longNames(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((match) => match[0]);
}

async function help(args: readonly string[]): Promise<string> {
  const result = await runCli([...args, '--help'], { env: { COLUMNS: '1000' } });
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The lines of a help section (`Options:`, `Commands:`), up to the blank line that ends it. */
function helpSection(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`${title}:`);
  if (start < 0) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The commands top-level help lists, but commander's own `help [command]`. */
async function commandNames(): Promise<string[]> {
  const lines = helpSection(await help([]), 'Commands');
  return lines.flatMap((line) => /^ {2}(\w[\w-]*)/.exec(line)?.[1] ?? []).filter((name) => name !== 'help');
}

/** The options a command's help lists, by long name. */
async function helpOptions(command: string): Promise<Set<string>> {
  return new Set(
    helpSection(await help([command]), 'Options').flatMap((line) =>
      longNames(/^ {2}(\S.*?)(?: {2}|$)/.exec(line)?.[1] ?? ''),
    ),
  );
}

/** The doc's level-2 sections, by heading. */
function sections(): Map<string, string> {
  const parts = DOC.split(/^(?=## )/m).filter((part) => part.startsWith('## '));
  return new Map(parts.map((part) => [part.slice(0, part.indexOf('\n')), part]));
}

/** The name of the command a heading is the section of: `## \`name ...\` — …`. */
function sectionCommand(heading: string): string | undefined {
  return /^## `([\w-]+)[ `]/.exec(heading)?.[1];
}

function commandSection(name: string): string | undefined {
  return [...sections()].find(([heading]) => sectionCommand(heading) === name)?.[1];
}

/** The rows of the tables in a section whose first cell names an option, as their cells. */
function optionRows(section: string): string[][] {
  return section
    .split('\n')
    .filter((line) => /^\| `-/.test(line))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()));
}

/** The options the doc gives a command: its section's option tables, and the shared rows that name it. */
function documentedOptions(name: string): Set<string> {
  const own = optionRows(commandSection(name) ?? '').flatMap(([option]) => longNames(option!));
  const shared = optionRows(sections().get(SHARED_HEADING) ?? '')
    .filter(
      ([, commands]) =>
        commands === EVERY_COMMAND || [...commands!.matchAll(/`([\w-]+)`/g)].some((match) => match[1] === name),
    )
    .flatMap(([option]) => longNames(option!));
  return new Set([...own, ...shared]);
}

describe('docs/commands.md documents every command as its --help does', () => {
  it('reads the commands from the top-level help', async () => {
    expect(await commandNames()).toEqual(expect.arrayContaining(['forecast', 'diff', 'simulate', 'list']));
    expect(sections().has(SHARED_HEADING), `docs/commands.md has no '${SHARED_HEADING}'`).toBe(true);
  });

  it('lists every command in its summary table, and no other', async () => {
    const summary = DOC.slice(0, DOC.indexOf('\n## '));
    const listed = [...summary.matchAll(/^\| `([a-z][\w-]*)/gm)].map((match) => match[1]);
    expect(listed).toEqual([...(await commandNames()), 'help']);
  });

  it('has a section for each command, and none for a command that does not exist', async () => {
    const names = await commandNames();
    for (const name of names)
      expect(commandSection(name), `docs/commands.md has no section '## \`${name} ...\`'`).toBeDefined();
    const headed = [...sections().keys()].flatMap((heading) => sectionCommand(heading) ?? []);
    expect(headed.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('documents every option a command offers, and only those', async () => {
    const mismatches: Record<string, { undocumented: string[]; notOffered: string[] }> = {};
    for (const name of await commandNames()) {
      const offered = await helpOptions(name);
      const documented = documentedOptions(name);
      expect(offered.size, name).toBeGreaterThan(0);
      const undocumented = [...offered].filter((option) => !documented.has(option));
      const notOffered = [...documented].filter((option) => !offered.has(option));
      if (undocumented.length + notOffered.length > 0) mismatches[name] = { undocumented, notOffered };
    }
    expect(
      mismatches,
      'options in --help but not in docs/commands.md (undocumented), or the other way round (notOffered)',
    ).toEqual({});
  });

  it('names only commands that exist in the shared options table', async () => {
    const names = new Set(await commandNames());
    for (const [option, commands] of optionRows(sections().get(SHARED_HEADING) ?? '')) {
      if (commands === EVERY_COMMAND) continue;
      const named = [...commands!.matchAll(/`([\w-]+)`/g)].map((match) => match[1]!);
      expect(named.length, option).toBeGreaterThan(0);
      expect(named.filter((name) => !names.has(name)), option).toEqual([]);
    }
  });
});
