// The errors catalogue, as hledger's test/errors/: one example per kind of error
// the program can emit, with its exact message beside it. A kind is
//   <kind>.yaml  a scenario, run as `fintech-calc forecast test/errors/<kind>.yaml`; its first line
//                says whether the JSON Schema rejects it too (`# schema: reject|accept|skip`), or
//   <kind>.args  a command line, one argument per line (lines starting with # are its description;
//                a line `# stdout: terminal` runs it as if standard output were a terminal),
// and <kind>.txt holds what it must print on stderr. Every example exits 2 with
// nothing on stdout. docs/errors.md is generated from the catalogue.
// `npm run errors` rewrites the .txt files and docs/errors.md: review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';
import { catalogueMarkdown, type Example } from './catalogue.js';

process.chdir(PACKAGE_ROOT);
const DIR = 'test/errors';
const UPDATE = process.env.UPDATE_ERRORS === '1';

const TERMINAL = '# stdout: terminal';

function examples(): (Example & { terminal?: boolean })[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.args'))
    .sort()
    .map((name) => {
      const kind = name.replace(/\.(yaml|args)$/, '');
      const file = `${DIR}/${name}`;
      const text = readFileSync(file, 'latin1');
      if (name.endsWith('.yaml')) return { kind, file, args: ['forecast', file], input: readFileSync(file) };
      const lines = text.split('\n').filter((line) => line !== '');
      const about = lines.filter((line) => line.startsWith('#') && line !== TERMINAL);
      return {
        kind,
        file,
        args: lines.filter((line) => !line.startsWith('#')),
        about: about.map((line) => line.slice(1).trim()).join(' '),
        terminal: lines.includes(TERMINAL),
      };
    });
}

const all = examples();
const messages = new Map<string, string>();

describe('errors catalogue', () => {
  it('has an example of each kind', () => {
    expect(all.length).toBeGreaterThanOrEqual(70);
  });

  const byKind = all.map((example) => [example.kind, example] as const);
  it.each(byKind)('%s: exit 2, nothing on stdout, the message in its .txt', async (kind, example) => {
    const result = await runCli(example.args, { stdoutIsTerminal: example.terminal ?? false });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/internal error|\bat \S+ \(/);
    // SPEC §6: one line per problem, each saying where.
    for (const line of result.stderr.trimEnd().split('\n'))
      expect(line).toMatch(/^(fintech-calc: error: |--set(?:-a|-b)? #\d+: error: |\S+: error: |\S+:\d+:\d+: error: )/);
    const expectedFile = `${DIR}/${kind}.txt`;
    if (UPDATE) writeFileSync(expectedFile, result.stderr);
    expect(existsSync(expectedFile), `${expectedFile} is missing: run npm run errors`).toBe(true);
    expect(result.stderr).toBe(readFileSync(expectedFile, 'utf8'));
    messages.set(kind, result.stderr);
  });

  it('has no message file without an example', () => {
    const kinds = new Set(all.map((example) => example.kind));
    const orphans = readdirSync(DIR).filter((name) => name.endsWith('.txt') && !kinds.has(name.slice(0, -4)));
    expect(orphans).toEqual([]);
  });

  it('is what docs/errors.md shows', () => {
    const markdown = catalogueMarkdown(
      all.map((example) => ({ ...example, message: readFileSync(`${DIR}/${example.kind}.txt`, 'utf8') })),
    );
    if (UPDATE) writeFileSync('docs/errors.md', markdown);
    expect(readFileSync('docs/errors.md', 'utf8'), 'docs/errors.md is stale: run npm run errors').toBe(markdown);
  });
});
