// simulate's tables have the layout of forecast's: years as columns, CAGRs below the table.
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/engine/analysis/lines.js';
import { histogramText, renderSimulateJson, type SimulateRenderOptions } from '../../src/render/simulate.js';
import { PLAIN } from '../../src/render/style.js';
import { runCli } from '../cli/in-process.js';

/** The header cells of each box-drawn table in a terminal output. */
function headers(output: string): string[][] {
  const lines = output.split('\n');
  return lines.flatMap((line, i) =>
    lines[i - 1]?.startsWith('┌')
      ? [
          line
            .split('│')
            .slice(1, -1)
            .map((cell) => cell.trim()),
        ]
      : [],
  );
}

describe('simulate tables', () => {
  it('have years only as columns; the CAGRs are lines below the table, as in forecast', async () => {
    const forecast = await runCli(['forecast', '-t', 'spend,tech']);
    const simulated = await runCli(['simulate', '-n', '200', '-t', 'spend,tech']);
    expect(simulated.code, simulated.stderr).toBe(0);
    expect(headers(simulated.stdout)).toEqual(headers(forecast.stdout));
    // Every CAGR of forecast is below simulate's table, with its statistics when it moves.
    const cagrs = (text: string) =>
      text
        .split('\n')
        .filter((line) => line.startsWith('CAGR'))
        .map((line) => line.split(':')[0]);
    expect(cagrs(simulated.stdout)).toEqual(cagrs(forecast.stdout));
    expect(simulated.stdout).toMatch(/^CAGR 2018-2022, RPA: 37\.18%$/m);
    expect(simulated.stdout).toMatch(
      /^CAGR 2018-2022, Total: mean \d+\.\d\d%, p5 \d+\.\d\d%, p50 \d+\.\d\d%, p95 \d+\.\d\d%$/m,
    );
    expect(simulated.stdout).not.toContain('2018-2022 │');
  });

  it('in Markdown too', async () => {
    const simulated = await runCli(['simulate', '-n', '200', '-t', 'tech', '-f', 'md']);
    expect(simulated.stdout.split('\n').find((line) => line.startsWith('| '))).toBe(
      '| Metric | 2018 | 2019 | 2020 | 2021 | 2022 |',
    );
    expect(simulated.stdout).toMatch(/^CAGR 2018-2022, RPA: 37\.18% {2}$/m);
  });
});

describe('simulate output', () => {
  it('is drawn from plain statistics: the numbers the engine returned, nothing computed here', () => {
    const label = { en: 'Market size with fintech', zh: '市场规模（含金融科技）' };
    const line: Line<unknown> = {
      table: 'market',
      metric: 'marketSize',
      key: '',
      kind: 'amount',
      label,
      values: new Map(),
    };
    const stats = { count: 4, mean: 2.5, min: 1, max: 4, percentiles: [1.25, 3.75], histogram: [3, 0, 1] };
    const options: SimulateRenderOptions = {
      unit: '亿元',
      lang: 'en',
      style: PLAIN,
      scenario: 'plain',
      title: 'Plain',
      samples: 4,
      seed: 1,
      dist: 'uniform',
      percentiles: [10, 90],
      histograms: [],
    };
    const output = { line, year: '2023', stats };
    const [metric] = JSON.parse(renderSimulateJson([output], options)).metrics;
    expect(metric).toEqual({
      table: 'market',
      metric: 'marketSize',
      key: '',
      year: '2023',
      mean: '2.5',
      p10: '1.25',
      p90: '3.75',
    });
    const bars = histogramText(output, options).split('\n').filter((row) => row.startsWith('│'));
    expect(bars.at(-1)).toBe('│█ █');
    expect(bars[0]).toBe('│█  ');
  });
});

describe('simulate --metric histograms', () => {
  // iot's spend is 0 in 2019: its CAGR is undefined in every sample.
  const args = [
    'simulate',
    'test/fixtures/labour.yaml',
    '-n',
    '50',
    '-t',
    'tech',
    '--metric',
    'tech.items.iot.cagr',
    '--metric',
    'tech.items.ai.cagr',
  ];

  it.each(['en', 'zh'])('of a metric without a value in any sample say so (--lang %s), ' +
    'beside the others', async (lang) => {
    const result = await runCli([...args, '--lang', lang]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [iot, ai] = ['tech.items.iot.cagr', 'tech.items.ai.cagr'].map(
      (name) => result.stdout.slice(result.stdout.indexOf(`\n${name}`) + 1).split('\n\n')[0]!,
    ) as [string, string];
    expect(iot.split('\n')).toHaveLength(2);
    expect(iot.split('\n')[1]).toBe(lang === 'zh' ? '（所有样本均无值）' : '(no value in any sample)');
    expect(ai).toContain('█');
  });
});
