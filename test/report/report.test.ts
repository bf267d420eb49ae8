// fintech-calc report (issue 19): one self-contained HTML page, the same bytes
// for the same input, every chart named, described and listed as a table of
// the engine's numbers, text from files escaped. The browser checks (layout,
// requests, console) are in test/browser/ (npm run test:browser).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';
import { figures, report } from './page.js';
import { hostileText, UNSAFE } from '../render/hostile.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-report-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('report', () => {
  it('gives the same bytes for the same input, and writes them to -o', async () => {
    const args = ['baseline', 'bank-led', '-n', '500', '--seed', '3'];
    const [first, second] = [await report(args), await report(args)];
    expect(second).toBe(first);
    const file = join(folder, 'report.html');
    expect((await runCli(['report', ...args, '-o', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(first);
  });

  it('is one page that needs nothing else: no script, no address, a policy forbidding any request', async () => {
    const html = await report([]);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/\b(https?|ftp|file):/);
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    expect(html).not.toMatch(/\b20\d\d-\d\d-\d\dT|\d\d:\d\d:\d\d/); // no time of writing
  });

  it('names and describes every chart, and lists its numbers in a table', async () => {
    const all = figures(await report(['baseline', 'bank-led', '-n', '300']));
    expect(all.filter((figure) => figure.hasSvg).length).toBeGreaterThanOrEqual(20);
    for (const figure of all) {
      expect(figure.caption, figure.id).not.toBe('');
      expect(figure.rows.length, figure.id).toBeGreaterThan(1);
      if (!figure.hasSvg) continue;
      expect(figure.svg, figure.id).toBe(true);
      expect(figure.title, figure.id).toBe(figure.caption);
      expect(figure.desc, figure.id).not.toBe('');
    }
  });

  it('lists the engine’s numbers: 2023 market size and profit, the band from the low and high cases', async () => {
    const market = figures(await report([])).find((figure) => figure.id === 's1-market')!;
    const row = (name: string) => market.rows.find((cells) => cells[0] === name);
    expect(market.rows[0]).toEqual(['Metric', '2019', '2020', '2021', '2022', '2023']);
    expect(row('Market size with fintech')?.at(-1)).toBe('61,000.0');
    expect(row('Traditional-model size')?.at(-1)).toBe('25,000.0');
    const low = await runCli(['forecast', '-c', 'low', '-t', 'market', '-f', 'json']);
    const high = await runCli(['forecast', '-c', 'high', '-t', 'market', '-f', 'json']);
    const size = (json: string) =>
      Number(JSON.parse(json).cases[Object.keys(JSON.parse(json).cases)[0]!].market.marketSize['2023']).toLocaleString(
        'en-US',
        { minimumFractionDigits: 1, maximumFractionDigits: 1 },
      );
    expect(row('Market size with fintech (low case)')?.at(-1)).toBe(size(low.stdout));
    expect(row('Market size with fintech (high case)')?.at(-1)).toBe(size(high.stdout));
    const profit = figures(await report(['-u', '万亿元'])).find((figure) => figure.id === 's1-profit')!;
    expect(profit.rows.find((cells) => cells[0] === 'Profit with fintech')?.at(-1)).toBe('0.213');
  });

  it('explains a change as a waterfall: from a, each input’s part, to b, as diff --attribute says', async () => {
    const all = figures(await report(['baseline', 'bank-led']));
    const waterfall = all.find((figure) => figure.id.startsWith('compare-waterfall-1-'))!;
    expect(waterfall.caption).toBe('profit.profit 2023 (亿元)');
    const diff = JSON.parse(
      (await runCli(['diff', 'baseline', 'bank-led', '--attribute', '-t', 'profit', '-f', 'json'])).stdout,
    );
    const change = diff.changes.find(
      (c: { metric: string; year: string }) => c.metric === 'profit' && c.year === '2023',
    );
    const shown = (value: string) =>
      Number(value).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(change.contributions).toHaveLength(1);
    expect(waterfall.rows).toEqual([
      ['Input', 'Attribution'],
      ['baseline', shown(change.a)],
      [change.contributions[0].input, shown(change.contributions[0].delta)],
      ['bank-led', shown(change.b)],
    ]);
  });

  it('draws tornadoes of the --metric given, and a histogram of it with -n', async () => {
    const all = figures(await report(['--metric', 'spend.total.2022', '-n', '200', '--seed', '9']));
    expect(all.filter((figure) => figure.id.startsWith('s1-tornado-')).map((figure) => figure.caption)).toEqual([
      expect.stringMatching(/^Sensitivity of spend\.total\.2022 \(亿元\)/),
    ]);
    expect(all.filter((figure) => figure.id.startsWith('s1-histogram-')).map((figure) => figure.caption)).toEqual([
      'Distribution: spend.total.2022',
    ]);
    expect(all.filter((figure) => figure.id.startsWith('s1-fan-'))).toHaveLength(2);
  });

  it('speaks Chinese with --lang zh', async () => {
    const html = await report(['--lang', 'zh', '-n', '100']);
    expect(html).toContain('<html lang="zh-CN">');
    for (const figure of figures(html)) expect(figure.caption, figure.id).toMatch(/[\u4e00-\u9fff]/);
  });

  it('escapes every text from a file or an argument', async () => {
    const file = join(folder, 'hostile.yaml');
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (label, title) => {
        const quoted = (text: string) => JSON.stringify(`<script>${text}</script>&"'`);
        const yaml = [
          'version: 1',
          `name: ${quoted(title)}`,
          'years: 2020..2022',
          'supplyChain:',
          '  marketSpace: {2020: 10万亿, 2022: 12.1万亿}',
          '  modes:',
          '    receivables:',
          `      label: {en: ${quoted(label)}, zh: ${quoted(label)}}`,
          '      share: 60%',
          '      penetration: {2020: 20%, 2022: 40%～50%}',
        ];
        writeFileSync(file, `${yaml.join('\n')}\n`);
        const result = await runCli(['report', file, '--title', `<b>${title}</b>`]);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(/<script|<b>/);
        // Line breaks are the page's own; any other control would be the file's.
        expect(result.stdout.replaceAll('\n', '')).not.toMatch(UNSAFE);
      }),
      { numRuns: 10 },
    );
  });

  it('refuses to print a page of HTML on a terminal, and asks for -o', async () => {
    const result = await runCli(['report'], { stdoutIsTerminal: true });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'fintech-calc: error: report writes an HTML page: give a file with -o report.html, or redirect the output\n',
    });
    const file = join(folder, 'terminal.html');
    expect((await runCli(['report', '-o', file], { stdoutIsTerminal: true })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('reports a bad metric, case or sample count as a usage error, writing nothing', async () => {
    const file = join(folder, 'never.html');
    for (const args of [
      ['--metric', 'market.size.2023'],
      ['-c', 'all'],
      ['-n', '0'],
      ['--dist', 'gaussian'],
      ['--dist', 'discrete'],
      ['--seed', '-1'],
      ['-u', 'usd'],
    ]) {
      const result = await runCli(['report', ...args, '-o', file]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^fintech-calc: error: .+\n$/);
    }
    expect(() => readFileSync(file)).toThrow();
  });

  it('refuses a lognormal fitted to a range from 0, as simulate does, and draws the other distributions', async () => {
    const file = join(folder, 'lognormal.html');
    const zero = ['--set', 'supplyChain.marketSpace=0~100000', '-n', '100', '-o', file];
    expect(await runCli(['report', '--dist', 'lognormal', ...zero])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'fintech-calc: error: lognormal needs a low above 0, and supplyChain.marketSpace starts at 0 in some year: ' +
        'give it another dist, or use --dist normal\n',
    });
    expect(() => readFileSync(file)).toThrow();
    for (const dist of ['normal', 'lognormal']) {
      const result = await runCli(['report', '--dist', dist, '-n', '100', '-o', file]);
      expect(result, dist).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(file, 'utf8')).toContain(dist);
    }
  });
});
