// The HTML report in a real browser (issue 19 §3): for the baseline, two
// scenarios, Chinese reports (one with user metrics) and one of extreme
// amounts, the page loads with no console error and no network request, every
// chart has a box, and no chart text runs outside its chart or over another
// label; on a phone's width nothing but a chart scrolls sideways, and printed
// on A4 the charts keep their size. A screenshot of each report is saved in
// test-results/ (CI keeps them there) to be looked at.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN, ROOT } from '../cli/golden.mjs';
import { launchChromium } from './chromium.js';

const SHOTS = join(ROOT, 'test-results');
const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-browser-'));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const REPORTS = [
  { name: 'baseline', args: [] as string[], charts: 10 },
  { name: 'two-scenarios', args: ['baseline', 'bank-led'], charts: 20 },
  { name: 'zh', args: ['--lang', 'zh', '-n', '2000', '--seed', '7'], charts: 14 },
  // The user metrics as small multiples (5 more charts), labelled in Chinese.
  { name: 'kpis-zh', args: ['kpis', '--lang', 'zh'], charts: 15 },
  // Amounts at the limits, in 元: the longest tick labels there are.
  { name: 'extremes', args: ['test/fixtures/extremes.yaml', '-u', '元', '-n', '500'], charts: 10 },
];

function writeReport(name: string, args: readonly string[]): string {
  const file = join(folder, `${name}.html`);
  const result = spawnSync(process.execPath, [BIN, 'report', ...args, '-o', file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return file;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Each chart's box and the boxes of its texts, as the browser laid them out. */
function chartBoxes(page: Page): Promise<{ id: string; box: Box; texts: { text: string; box: Box }[] }[]> {
  return page.$$eval('svg.chart', (svgs) =>
    svgs.map((svg) => {
      const box = (rect: DOMRect) => ({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
      return {
        id: svg.getAttribute('aria-labelledby') ?? '',
        box: box(svg.getBoundingClientRect()),
        texts: [...svg.querySelectorAll('text')]
          .filter((text) => text.textContent !== '')
          .map((text) => ({ text: text.textContent ?? '', box: box(text.getBoundingClientRect()) })),
      };
    }),
  );
}

const SLACK = 0.5;
const inside = (inner: Box, outer: Box) =>
  inner.left >= outer.left - SLACK &&
  inner.right <= outer.right + SLACK &&
  inner.top >= outer.top - SLACK &&
  inner.bottom <= outer.bottom + SLACK;
const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
  Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

describe.each(REPORTS)('report $name in Chromium', ({ name, args, charts: least }) => {
  let file: string;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    file = writeReport(name, args);
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    // Every request is counted; any but the page itself is refused.
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.request().url() === pathToFileURL(file).href ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  it('is one file of at most 2 MB', () => {
    expect(statSync(file).size).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(readFileSync(file, 'utf8')).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
  });

  it('loads with no console error and makes no network request', () => {
    expect(problems).toEqual([]);
    expect(requests.filter((url) => url !== pathToFileURL(file).href)).toEqual([]);
  });

  it('has charts, each with a box and its text inside it, no label over another', async () => {
    const charts = await chartBoxes(page);
    expect(charts.length).toBeGreaterThanOrEqual(least);
    for (const chart of charts) {
      expect(chart.box.right - chart.box.left, chart.id).toBeGreaterThan(100);
      expect(chart.box.bottom - chart.box.top, chart.id).toBeGreaterThan(50);
      expect(chart.texts.length, chart.id).toBeGreaterThan(0);
      for (const text of chart.texts)
        expect(inside(text.box, chart.box), `${chart.id}: "${text.text}" runs outside its chart`).toBe(true);
      for (const [i, a] of chart.texts.entries()) {
        for (const b of chart.texts.slice(i + 1))
          expect(overlap(a.box, b.box), `${chart.id}: "${a.text}" overlaps "${b.text}"`).toBe(false);
      }
    }
  });

  it('gives every chart a title, a description and its numbers', async () => {
    const figures = await page.$$eval('figure', (all) =>
      all.map((figure) => ({
        id: figure.id,
        caption: figure.querySelector('figcaption')?.textContent ?? '',
        svg: figure.querySelector('svg') !== null,
        role: figure.querySelector('svg')?.getAttribute('role') ?? null,
        title: figure.querySelector('svg > title')?.textContent ?? '',
        desc: figure.querySelector('svg > desc')?.textContent ?? '',
        rows: figure.querySelectorAll('table tbody tr').length,
      })),
    );
    for (const figure of figures) {
      expect(figure.caption, figure.id).not.toBe('');
      expect(figure.rows, figure.id).toBeGreaterThan(0);
      if (!figure.svg) continue;
      expect(figure.role, figure.id).toBe('img');
      expect(figure.title, figure.id).toBe(figure.caption);
      expect(figure.desc, figure.id).not.toBe('');
    }
  });

  it('fits a phone’s width: only charts scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.setViewportSize({ width: 1000, height: 800 });
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('prints on A4 with every chart drawn', async () => {
    await page.emulateMedia({ media: 'print' });
    const charts = await chartBoxes(page);
    await page.emulateMedia({ media: 'screen' });
    for (const chart of charts) expect(chart.box.right - chart.box.left, chart.id).toBeGreaterThan(100);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is saved as a screenshot', async () => {
    const shot = join(SHOTS, `report-${name}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    // The README's picture (docs/report.png) is this one.
    const market = join(SHOTS, `report-${name}-market.png`);
    await page.locator('figure[id$="-market"]').first().screenshot({ path: market });
    expect(statSync(market).size).toBeGreaterThan(10_000);
  });
});
