// At the ends of every documented range (test/fixtures/extremes.yaml), the exact
// forecast and the float64 simulation give finite numbers everywhere: no Infinity,
// NaN or null reaches an output, and a file diffed with itself has no differences.
import { describe, expect, it } from 'vitest';
import { runCli } from './in-process.js';

const FILE = 'test/fixtures/extremes.yaml';
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Every leaf of a JSON document, with its path. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}.${key}`));
  return [[path, value]];
}

describe('numbers at the limits', () => {
  it.each(['亿元', '元', 'tn'])('forecast: every value a finite decimal, in %s', async (unit) => {
    const result = await runCli(['forecast', FILE, '-c', 'all', '-f', 'json', '-u', unit, '--no-stamp']);
    expect(result.code, result.stderr).toBe(0);
    const values = leaves(JSON.parse(result.stdout).cases).filter(
      ([path]) => !path.endsWith('.label') && !/\.years\.\d+$/.test(path),
    );
    expect(values.length).toBeGreaterThan(300);
    for (const [path, value] of values) expect(value, path).toMatch(DECIMAL);
  });

  it.each(['csv', 'table', 'md'])('forecast -f %s prints no Infinity or NaN', async (format) => {
    const result = await runCli(['forecast', FILE, '-c', 'all', '-f', format]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/Infinity|NaN|null/);
  });

  it('simulate (float64): every mean and percentile is a finite number', async () => {
    const result = await runCli([
      'simulate',
      FILE,
      '-n',
      '3000',
      '-f',
      'json',
      '--no-stamp',
      '--percentiles',
      '0,5,50,95,100',
    ]);
    expect(result.code, result.stderr).toBe(0);
    const { metrics } = JSON.parse(result.stdout) as { metrics: Record<string, string | null>[] };
    expect(metrics.length).toBeGreaterThan(100);
    for (const metric of metrics) {
      for (const stat of ['mean', 'p0', 'p5', 'p50', 'p95', 'p100']) {
        const where = `${metric.metric} ${metric.key} ${metric.year} ${stat}`;
        expect(metric[stat], where).toMatch(/^-?\d+(\.\d+)?(e[+-]\d+)?$/);
      }
    }
  });

  it('diff of the file with itself finds nothing', async () => {
    const result = await runCli(['diff', FILE, FILE, '-c', 'all', '-f', 'json', '--no-stamp']);
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout).changes).toEqual([]);
  });
});
