// User metrics (docs/metrics.md) in the report: a small chart per metric, named
// by its label in --lang, its axis in its kind's unit (% for a ratio, the -u
// unit for an amount, none for a number), with the engine's numbers in its
// table, and a gap — not a 0 — where a metric has no value.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';
import { figures, report } from './page.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-report-metrics-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A scenario with a metric of each kind: an amount (named cagr, as a CAGR line is), a number, a ratio with a gap. */
const KINDS = join(folder, 'kinds.yaml');
writeFileSync(
  KINDS,
  [
    'version: 1',
    'name: kinds',
    'extends: baseline',
    'metrics:',
    '  cagr:',
    '    label: {en: Increment, zh: 增量}',
    '    formula: market.increment',
    '  plain:',
    '    formula: 2 * 1.5',
    '    kind: number',
    '  gap:',
    '    label: {en: Profit per change of size, zh: 利润与规模变化之比}',
    '    formula: profit.profit / (market.marketSize - market.marketSize[2021])',
    '',
  ].join('\n'),
);

/** The rows of `forecast -t metrics -f md`: forecast's own table of the metrics, cells as they are shown. */
async function forecastRows(args: readonly string[]): Promise<string[][]> {
  const result = await runCli(['forecast', ...args, '-t', 'metrics', '-f', 'md']);
  expect(result.code).toBe(0);
  const rows = result.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  return rows.map((line) => line.slice(2, -2).split(' | '));
}

/** The engine's values of each metric by year (JSON: exact decimals, null where none). */
async function engineValues(args: readonly string[]): Promise<Map<string, (number | null)[]>> {
  const json = JSON.parse((await runCli(['forecast', ...args, '-t', 'metrics', '-f', 'json'])).stdout);
  const { years, ...metrics } = json.cases.base.metrics as Record<string, Record<string, string | null>> & {
    years: number[];
  };
  return new Map(
    Object.entries(metrics).map(([id, values]) => [
      id,
      years.map((year) => (values[year] === null ? null : Number(values[year]))),
    ]),
  );
}

const metricPanels = (html: string) => figures(html).filter((figure) => figure.id.startsWith('s1-metric-'));

describe('report: user metrics as small multiples', () => {
  it('draws one small chart per metric, named by its label, with forecast’s numbers in its table', async () => {
    for (const lang of ['en', 'zh']) {
      const html = await report(['kpis', '--lang', lang]);
      const expected = await forecastRows(['kpis', '--lang', lang]);
      const panels = metricPanels(html);
      expect(panels.map((panel) => panel.caption)).toEqual(expected.slice(1).map((row) => row[0]));
      for (const [k, panel] of panels.entries()) {
        expect(panel.svg, panel.id).toBe(true);
        expect(panel.title, panel.id).toBe(panel.caption);
        expect(panel.desc, panel.id).toContain(panel.caption);
        expect(panel.rows[0], panel.id).toEqual(expected[0]);
        expect(panel.rows[1], panel.id).toEqual(expected[k + 1]);
        expect(panel.unit, panel.id).toBe('%');
      }
      expect(html).toMatch(
        new RegExp(`<section id="s1-metrics">\\s*<h2>${lang === 'zh' ? '自定义指标' : 'Metrics'}</h2>`),
      );
    }
  });

  it('draws each value the engine has, higher where it is higher, and none where it has none', async () => {
    const values = await engineValues(['kpis']);
    const panels = metricPanels(await report(['kpis']));
    expect(panels).toHaveLength(values.size);
    for (const [panel, [id, byYear]] of panels.map((panel, k) => [panel, [...values][k]!] as const)) {
      expect(panel.id).toBe(`s1-metric-${id}`);
      const present = byYear.filter((value): value is number => value !== null);
      expect(panel.points, id).toHaveLength(present.length);
      // SVG's y grows downwards: a larger value is drawn higher up.
      for (const [i, a] of present.entries()) {
        for (const [j, b] of present.entries())
          if (a > b) expect(panel.points[i]!, `${id} ${i} ${j}`).toBeLessThan(panel.points[j]!);
      }
    }
  });

  it('leaves a gap where a metric has no value, says so in its description, and never draws it as 0', async () => {
    const panel = metricPanels(await report([KINDS])).find((figure) => figure.id === 's1-metric-gap')!;
    const row = (await forecastRows([KINDS])).find((cells) => cells[0] === 'Profit per change of size')!;
    expect(panel.rows[1]).toEqual(row);
    expect(row.filter((cell) => cell === '–')).toHaveLength(2); // 2018 and 2021
    expect(panel.points).toHaveLength(4);
    // Two stretches, 2019–2020 and 2022–2023: the line is broken at 2021.
    expect(panel.lines).toHaveLength(1);
    expect(panel.lines[0]!.match(/M/g)).toHaveLength(2);
    expect(panel.desc).toMatch(/no value in 2018, 2021/);
  });

  it('says so in the chart where a metric never has a value', async () => {
    const file = join(folder, 'never.yaml');
    writeFileSync(
      file,
      'version: 1\nname: never\nextends: baseline\nmetrics:\n  never:\n' +
        '    formula: profit.profit / (market.marketSize - market.marketSize)\n',
    );
    for (const [lang, said] of [
      ['en', 'no value'],
      ['zh', '无值'],
    ] as const) {
      const html = await report([file, '--lang', lang]);
      const svg = /<figure id="s1-metric-never"[\s\S]*?<\/svg>/.exec(html)![0];
      expect(svg).toContain(`text-anchor="middle">${said}</text>`);
      expect(svg).not.toContain('<circle');
    }
  });

  it('shows an amount in the output unit and a number plain, and keeps a metric named as a CAGR line is', async () => {
    const html = await report([KINDS, '-u', '万亿元']);
    const rows = await forecastRows([KINDS, '-u', '万亿元']);
    const panel = (id: string) => metricPanels(html).find((figure) => figure.id === `s1-metric-${id}`)!;
    expect(panel('cagr').unit).toBe('万亿元');
    expect(panel('cagr').rows[1]).toEqual(rows.find((cells) => cells[0] === 'Increment'));
    expect(panel('plain').unit).toBe('');
    expect(panel('plain').rows[1]).toEqual(['plain', '3', '3', '3', '3', '3', '3']);
    expect(panel('gap').unit).toBe('%');
  });

  it('does not say that no value differs when only metrics do', async () => {
    const html = await report(['baseline', 'kpis']);
    const compared = /<section id="compare">([\s\S]*?)<\/section>/.exec(html)![1]!;
    expect(compared).not.toContain('No value differs.');
    expect(compared).toContain('No headline metric differs');
    expect(figures(html).find((figure) => figure.id === 'compare-1-top')?.rows[1]?.[0]).toBe('metrics.profitMargin');
  });

  it('gives each scenario with metrics its own small multiples, and none to one without', async () => {
    const ids = figures(await report(['baseline', 'kpis', '--lang', 'zh'])).map((figure) => figure.id);
    expect(ids.filter((id) => id.startsWith('s1-metric-'))).toEqual([]);
    expect(ids.filter((id) => id.startsWith('s2-metric-'))).toHaveLength(5);
  });
});
