// Terminal output fits 120 columns (issue #14 item 15): default forecast tables,
// explain's tree with long sources, diff --attribute.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';

process.chdir(PACKAGE_ROOT);
const WIDTH = 120;
const BUNDLED = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));

/** The lines wider than 120 columns, but for a word too long to break. */
function tooWide(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => displayWidth(line) > WIDTH && /\S\s+\S/.test(line.replace(/^[│├└─\s]*/, '')));
}

async function output(args: string[]): Promise<string> {
  const result = await runCli(args);
  expect(result.code, result.stderr).toBeLessThan(2);
  return result.stdout;
}

describe('within 120 columns', () => {
  it.each(BUNDLED)('forecast %s: every table in every case and language', async (name) => {
    for (const lang of ['en', 'zh'])
      expect(tooWide(await output(['forecast', name, '-c', 'all', '--lang', lang]))).toEqual([]);
  });

  it('explain wraps long sources and formulas, keeping the tree', async () => {
    const metrics = ['profit.increment.2023', 'spend.cagr.total', 'spend.frontier.2022', 'market.marketSize.2023'];
    for (const metric of metrics) {
      for (const lang of ['en', 'zh']) {
        const text = await output(['explain', metric, '--lang', lang]);
        expect(tooWide(text), metric).toEqual([]);
        // A wrapped line goes on under its own tree: every line but the first starts with the tree's drawing.
        for (const line of text.trimEnd().split('\n').slice(1)) expect(line, metric).toMatch(/^[│├└ ]/);
      }
    }
    // Nothing is lost: the longest source of the baseline is all there.
    const text = await output(['explain', 'market.modes.receivables.size.2023']);
    const words = (line: string) => line.replace(/^[│├└─\s]*/, '').split(/\s+/);
    const shown = text.split('\n').flatMap(words).join(' ');
    expect(shown).toContain(
      "source: assumption: the text does not give the modes' shares of the space; 60% receivables and 16% ARIF " +
        'reproduce 6.1万亿 (l.172) with the penetrations of l.173',
    );
  });

  it('diff --attribute puts each attribution on its own line under its change', async () => {
    for (const args of [
      ['diff', 'baseline', 'test/fixtures/extends/variant.yaml', '--attribute', '-t', 'market', '-c', 'all'],
      ['diff', 'baseline', 'bank-led', '--attribute'],
      ['diff', 'baseline', 'test/fixtures/extends/more-funds.yaml', '--attribute', '-t', 'spend', '--lang', 'zh'],
    ]) {
      const text = await output(args);
      expect(tooWide(text), args.join(' ')).toEqual([]);
      const rows = text.split('\n').filter((line) => line.startsWith('│'));
      const attributions = rows.filter((line) => /^│ {3}Δ = /.test(line));
      expect(attributions.length, args.join(' ')).toBeGreaterThan(0);
      // Every line of the table has the same width.
      expect(new Set(text.split('\n').filter((line) => /^[┌│├└]/.test(line)).map(displayWidth)).size).toBe(1);
    }
  });
});
