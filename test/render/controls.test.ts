// Control characters from a file or an argument never reach a terminal or a
// Markdown page raw (issue #15 §6): scenarios whose names, titles, labels,
// sources, notes and file names hold random text with controls, bidi overrides
// and escape sequences go through every people-facing output and error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';
import { displayWidth } from '../../src/render/width.js';
import { hostileText, UNSAFE } from './hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-controls-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A YAML double-quoted scalar holding exactly `text`. */
function quoted(text: string): string {
  const escaped = (char: string) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`;
  const plain = (char: string) => /[ -~]/.test(char) && char !== '"' && char !== '\\';
  return `"${[...text].map((char) => (plain(char) ? char : escaped(char))).join('')}"`;
}

interface Texts {
  name: string;
  title: string;
  labelEn: string;
  labelZh: string;
  source: string;
  note: string;
  segment: string;
  file: string;
}

function scenario(t: Texts, share: string): string {
  return `version: 1
name: ${quoted(t.name)}
title: ${quoted(t.title)}
years: 2020..2022
supplyChain:
  marketSpace: {2020: 10万亿, 2022: 12.1万亿}
  modes:
    receivables:
      label: {en: ${quoted(t.labelEn)}, zh: ${quoted(t.labelZh)}}
      share: {value: ${share}, source: ${quoted(t.source)}, note: ${quoted(t.note)}}
      penetration: {2020: 20%, 2022: {low: 40%, high: 50%, source: ${quoted(t.source)}}}
bankProfit:
  operatingCost: {2020: 1.5%, 2022: 1.1%}
techSpend:
  segments:
    payment:
      label: ${quoted(t.segment)}
      spend: {2020: 100, 2022: 150～170}
`;
}

const texts = fc.record({
  name: hostileText,
  title: hostileText,
  labelEn: hostileText,
  labelZh: hostileText,
  source: hostileText,
  note: hostileText,
  segment: hostileText,
  file: hostileText,
});

/** Box-drawn tables: the lines of one table all take the same width. */
function expectAlignedTables(output: string, what: string): void {
  let block: string[] = [];
  const close = () => {
    const widths = new Set(block.map(displayWidth));
    expect(widths.size, `${what}:\n${block.join('\n')}`).toBeLessThanOrEqual(1);
    block = [];
  };
  for (const line of output.split('\n')) {
    if (/^[┌│├└]/.test(line) && (block.length > 0 || line.startsWith('┌'))) block.push(line);
    else close();
  }
  close();
}

/** Markdown tables: every row has the header's number of cells (a | in a cell is escaped). */
function expectMarkdownTables(output: string, what: string): void {
  let cells: number | undefined;
  for (const line of output.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined;
      continue;
    }
    const count = line.replaceAll('\\|', '').split('|').length;
    cells ??= count;
    expect(count, `${what}: ${line}`).toBe(cells);
  }
}

describe(`control characters (${RUNS} random scenarios)`, () => {
  it('are escaped in tables, Markdown, explain, sensitivity, simulate, diff, check and errors', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (t) => {
        const a = join(folder, `${t.file.replace(/[/\0]/g, '_')}-a.yaml`);
        const b = join(folder, 'b.yaml');
        writeFileSync(a, scenario(t, '50%'));
        writeFileSync(b, scenario({ ...t, name: `${t.name}-b` }, '55%'));
        const commands = [
          ['forecast', a, '-c', 'all'],
          ['forecast', a, '-f', 'md', '--lang', 'zh'],
          ['forecast', a, '--lang', 'zh'],
          ['explain', a, 'market.modes.receivables.size.2021'],
          ['explain', a, 'spend.cagr.total', '--lang', 'zh'],
          ['diff', a, b, '--attribute'],
          ['diff', a, b, '--attribute', '-f', 'md', '--lang', 'zh'],
          ['sensitivity', a, '--metric', 'market.marketSize.2022'],
          ['sensitivity', a, '--metric', 'market.marketSize.2022', '-f', 'md'],
          ['simulate', a, '-n', '20', '-t', 'market,spend'],
          ['simulate', a, '-n', '20', '-f', 'md'],
          ['check', a],
          ['validate', a],
          ['forecast', a, '--set', `supplyChain.${t.name}=1`],
          ['forecast', a, '--case', t.title],
          ['explain', a, t.labelEn],
        ];
        for (const args of commands) {
          const result = await runCli(args);
          const what = args.join(' ');
          expect(result.code, `${what}\n${result.stderr}`).toBeLessThan(3);
          expect(result.stdout.replaceAll('\n', ''), what).not.toMatch(UNSAFE);
          expect(result.stderr.replaceAll('\n', ''), what).not.toMatch(UNSAFE);
          expectAlignedTables(result.stdout, what);
          if (args.includes('md')) expectMarkdownTables(result.stdout, what);
        }
        // A key the format does not know is echoed in the error.
        writeFileSync(b, `${scenario(t, '50%')}${quoted(t.title || 'x')}: 1\n`);
        const error = await runCli(['forecast', b]);
        expect(error.code).toBe(2);
        expect(error.stderr.replaceAll('\n', '')).not.toMatch(UNSAFE);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
  });
});
