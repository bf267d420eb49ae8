// Sparklines in forecast tables (issue 19 §4): a trend column with --spark, in
// Unicode blocks where the locale says UTF-8, in ASCII where it does not or
// TERM=dumb, always Unicode in Markdown, and never in JSON or CSV.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { sparkline } from '../../src/render/spark.js';
import { sparkStyleFor } from '../../src/cli/commands/forecast.js';
import { runCli } from '../cli/in-process.js';

const d = (...values: (number | null)[]) => values.map((value) => (value === null ? null : new Decimal(value)));

describe('sparkline', () => {
  it('scales each value from the lowest (▁) to the highest (█)', () => {
    expect(sparkline(d(1, 2, 3, 4, 5, 6, 7, 8), 'unicode')).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline(d(8, 1), 'unicode')).toBe('█▁');
    expect(sparkline(d(-5, 0, 5), 'unicode')).toBe('▁▅█');
  });

  it('rises the same way in ASCII', () => {
    expect(sparkline(d(1, 2, 3, 4, 5, 6, 7, 8), 'ascii')).toBe('.:-=+*#@');
    expect(sparkline(d(1, 2, 3, 4, 5, 6, 7, 8), 'ascii')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('draws a flat line in the middle and leaves a missing value blank', () => {
    expect(sparkline(d(3, 3, 3), 'unicode')).toBe('▄▄▄');
    expect(sparkline(d(1, null, 3), 'unicode')).toBe('▁ █');
    expect(sparkline(d(null, null), 'ascii')).toBe('  ');
  });

  it('tells values apart that a float would not', () => {
    const base = new Decimal('1e20');
    expect(sparkline([base, base.plus(1), base.plus(2)], 'unicode')).toBe('▁▅█');
  });
});

describe('sparkStyleFor', () => {
  it('is Unicode only where the locale says UTF-8 and the terminal is not dumb', () => {
    expect(sparkStyleFor({ LANG: 'en_US.UTF-8' })).toBe('unicode');
    expect(sparkStyleFor({ LANG: 'C', LC_ALL: 'zh_CN.utf8' })).toBe('unicode');
    expect(sparkStyleFor({ LC_CTYPE: 'C.UTF-8' })).toBe('unicode');
    expect(sparkStyleFor({ LANG: 'C' })).toBe('ascii');
    expect(sparkStyleFor({})).toBe('ascii');
    expect(sparkStyleFor({ LANG: 'en_US.UTF-8', TERM: 'dumb' })).toBe('ascii');
    expect(sparkStyleFor({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe('ascii');
  });
});

describe('forecast --spark', () => {
  const trendColumn = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('│'))
      .map((line) => line.split('│').at(-2)!.trim());

  it('adds a trend column to every table, one character a year', async () => {
    const { code, stdout } = await runCli(['forecast', '-t', 'profit', '--spark'], { env: { LANG: 'C.UTF-8' } });
    expect(code).toBe(0);
    const [header, ...cells] = trendColumn(stdout);
    expect(header).toBe('Trend');
    expect(cells).toHaveLength(8);
    for (const cell of cells) expect(cell).toMatch(/^[▁▂▃▄▅▆▇█]{5}$/);
    // Profit with fintech rises every year; the operating cost falls.
    expect(stdout).toMatch(/Profit with fintech .*│ ▁▂▄▆█ │/);
    expect(stdout).toMatch(/Operating cost {2}.*│ █▆▅▃▁ │/);
  });

  it('is ASCII where the terminal is not UTF-8 (LANG=C, TERM=dumb)', async () => {
    for (const env of [{ LANG: 'C' }, { LANG: 'en_US.UTF-8', TERM: 'dumb' }]) {
      const { stdout } = await runCli(['forecast', '-t', 'profit', '--spark'], { env });
      const cells = trendColumn(stdout).slice(1);
      for (const cell of cells) expect(cell).toMatch(/^[.:\-=+*#@]{5}$/);
    }
  });

  it('is Unicode in Markdown, in Chinese too', async () => {
    const { stdout } = await runCli(['forecast', '-t', 'market', '--spark', '-f', 'md', '--lang', 'zh'], {
      env: { LANG: 'C' },
    });
    expect(stdout).toContain('| 趋势 |');
    expect(stdout).toMatch(/\| ▁[▁▂▃▄▅▆▇█]{3}█ \|/);
  });

  it('is left out unless asked for', async () => {
    const { stdout } = await runCli(['forecast', '-t', 'profit'], { env: { LANG: 'C.UTF-8' } });
    expect(stdout).not.toContain('Trend');
  });

  it('is a usage error with json, csv and xlsx, which give every value', async () => {
    for (const format of ['json', 'csv', 'xlsx']) {
      const result = await runCli(['forecast', '--spark', '-f', format]);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'fintech-calc: error: --spark: sparklines are drawn in table and md output, ' +
          `not in ${format} (which give every value)\n`,
      });
    }
  });

  it('is a usage error with the side-by-side view (--year), in table and md', async () => {
    for (const format of ['table', 'md']) {
      const result = await runCli(['forecast', '--spark', '--year', '2023', '-f', format]);
      expect(result).toEqual({
        code: 2,
        stdout: '',
        stderr:
          'fintech-calc: error: --spark: the side-by-side view (--year) has a column per year and scenario, ' +
          'not a trend per line; leave out --spark or --year\n',
      });
    }
  });
});
