// Correlated inputs (a Gaussian copula): the rank correlation drawn is the one
// asked for, each input keeps its distribution, and a scenario without
// correlations draws exactly what it drew before. The seeds are fixed, so the
// statistical tests are deterministic; their bounds are critical values at α = 0.01.
import { describe, expect, it } from 'vitest';
import { choleskyFactor, inconsistentInputs, normalOfRank } from '../../src/engine/simulate/correlation.js';
import { simulate, type Chunk } from '../../src/engine/simulate/simulate.js';
import type { Correlation, Scenario } from '../../src/engine/types.js';
import { load, problemsOf } from '../helpers.js';

const [A, B, C] = ['supplyChain.modes.a.penetration', 'supplyChain.modes.b.penetration', 'supplyChain.marketSpace'];

/** Three ranged inputs (a triangular, a uniform, a PERT) and the correlations given. */
function scenarioText(correlations: readonly Correlation[]): string {
  const listed = correlations
    .map(({ between, rank }) => `    - {between: [${between.join(', ')}], rank: ${rank}}`)
    .join('\n');
  return `version: 1
years: 2019..2021
supplyChain:
  marketSpace: {low: 80, base: 90, high: 120, dist: pert}
  modes:
    a: {share: 50%, penetration: {low: 40%, base: 60%, high: 70%}}
    b: {share: 30%, penetration: {low: 20%, high: 30%, dist: uniform}}
${listed ? `simulation:\n  correlations:\n${listed}\n` : ''}`;
}

/** Every sample's drawn quantiles, by input path. */
function drawsOf(scenario: Scenario, samples: number, seed = 11, chunk = 1024): Map<string, number[]> {
  const draws = new Map<string, number[]>();
  const simulation = simulate(scenario, { samples, seed, dist: 'triangular', chunk });
  const collect = (drawn: Chunk) => {
    for (const [path, quantiles] of drawn.draws)
      draws.set(path, [...(draws.get(path) ?? []), ...quantiles.subarray(0, drawn.length)]);
  };
  simulation.run([], { percentiles: [] }, { values: [], chunk: collect });
  return draws;
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, i) => [value, i] as const).sort(([x], [y]) => x - y);
  const rank = new Array<number>(values.length);
  order.forEach(([, i], r) => (rank[i] = r));
  return rank;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

const spearman = (xs: readonly number[], ys: readonly number[]) => pearson(ranks(xs), ranks(ys));

/** The Kolmogorov–Smirnov statistic of draws against the uniform distribution on [0, 1). */
function uniformKs(draws: readonly number[]): number {
  const sorted = [...draws].sort((x, y) => x - y);
  const n = sorted.length;
  return Math.max(...sorted.map((x, i) => Math.max((i + 1) / n - x, x - i / n)));
}

/** The two-sample Kolmogorov–Smirnov statistic. */
function twoSampleKs(xs: readonly number[], ys: readonly number[]): number {
  const [a, b] = [[...xs].sort((x, y) => x - y), [...ys].sort((x, y) => x - y)];
  let [i, j, most] = [0, 0, 0];
  while (i < a.length && j < b.length) {
    const value = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i]! <= value) i++;
    while (j < b.length && b[j]! <= value) j++;
    most = Math.max(most, Math.abs(i / a.length - j / b.length));
  }
  return most;
}

const N = 20_000;

describe('correlated inputs', () => {
  it.each([0.6, -0.5, 0.9, 0.2, -0.95])('draw the rank correlation asked for (%s) to within ' +
    '±0.03 at n = 20 000', async (rank) => {
    const draws = drawsOf(await load(scenarioText([{ between: [A, B], rank }])), N);
    expect(Math.abs(spearman(draws.get(A)!, draws.get(B)!) - rank)).toBeLessThan(0.03);
    // The third input stays independent of both.
    expect(Math.abs(spearman(draws.get(A)!, draws.get(C)!))).toBeLessThan(0.03);
  });

  it('draw three correlations at once, each to within ±0.03', async () => {
    const correlations: Correlation[] = [
      { between: [A, B], rank: 0.7 },
      { between: [B, C], rank: 0.5 },
      { between: [A, C], rank: 0.3 },
    ];
    const draws = drawsOf(await load(scenarioText(correlations)), N);
    for (const { between, rank } of correlations)
      expect(Math.abs(spearman(draws.get(between[0])!, draws.get(between[1])!) - rank)).toBeLessThan(0.03);
  });

  it('keep every marginal: the quantiles stay uniform, the values keep their distribution ' +
    '(Kolmogorov–Smirnov)', async () => {
    const correlated = drawsOf(
      await load(
        scenarioText([
          { between: [A, B], rank: 0.8 },
          { between: [B, C], rank: -0.4 },
        ]),
      ),
      N,
      3,
    );
    const independent = drawsOf(await load(scenarioText([])), N, 4);
    for (const path of [A, B, C]) {
      // 1.628/√n (one sample) and 1.628·√(2/n) (two samples) at α = 0.01
      expect(uniformKs(correlated.get(path)!)).toBeLessThan(1.628 / Math.sqrt(N));
      expect(twoSampleKs(correlated.get(path)!, independent.get(path)!)).toBeLessThan(1.628 * Math.sqrt(2 / N));
    }
  });

  it('leave the draws bit for bit as they were when no correlation is between two sampled inputs', async () => {
    const without = drawsOf(await load(scenarioText([])), 3000);
    // supplyChain.traditionalPenetration is the report's default: one value, no range, nothing drawn.
    const unsampled = drawsOf(
      await load(scenarioText([{ between: [A, 'supplyChain.traditionalPenetration'], rank: 0.5 }])),
      3000,
    );
    expect(unsampled).toEqual(without);
  });

  it('give the same draws for the same seed, whatever the chunk', async () => {
    const scenario = await load(scenarioText([{ between: [A, B], rank: 0.6 }]));
    expect(drawsOf(scenario, 5000, 9, 300)).toEqual(drawsOf(scenario, 5000, 9));
    expect(drawsOf(scenario, 5000, 10)).not.toEqual(drawsOf(scenario, 5000, 9));
  });

  it('take ±1 (the inputs move as one) and refuse correlations that cannot hold together, naming them', async () => {
    const draws = drawsOf(await load(scenarioText([{ between: [A, B], rank: 1 }])), 2000);
    expect(spearman(draws.get(A)!, draws.get(B)!)).toBeCloseTo(1, 6);
    const problems = await problemsOf(
      scenarioText([
        { between: [A, B], rank: 0.9 },
        { between: [B, C], rank: 0.9 },
        { between: [A, C], rank: -0.9 },
      ]),
    );
    expect(problems).toEqual([
      `test.yaml:10:5: error: simulation.correlations: these correlations cannot hold together (their matrix is not ` +
        `positive semi-definite): ${A} ~ ${B} 0.9, ${B} ~ ${C} 0.9, ${A} ~ ${C} -0.9; weaken one of them`,
    ]);
  });
});

describe('the copula matrix', () => {
  it('turns a rank correlation into the normal one of the same copula: 2·sin(πρ/6)', () => {
    expect(normalOfRank(1)).toBeCloseTo(1, 15);
    expect(normalOfRank(0)).toBe(0);
    expect(normalOfRank(0.5)).toBeCloseTo(0.5176380902050415, 15);
  });

  it('factors a semi-definite matrix (L·Lᵀ = M) and finds where one is not', () => {
    const m = [
      [1, 0.5, 0.2],
      [0.5, 1, 0.3],
      [0.2, 0.3, 1],
    ];
    const factor = choleskyFactor(m) as number[][];
    const product = (i: number, j: number) => factor[i]!.reduce((sum, x, k) => sum + x * factor[j]![k]!, 0);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(product(i, j)).toBeCloseTo(m[i]![j]!, 14);
    expect(choleskyFactor([[1, 1], [1, 1]])).toEqual([[1, 0], [1, 0]]);
    expect(choleskyFactor([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]])).toEqual({ failsAt: 2 });
  });

  it('names the fewest inputs whose correlations cannot hold, leaving out the others', () => {
    const correlations: Correlation[] = [
      { between: ['a', 'x'], rank: 0.1 },
      { between: ['b', 'c'], rank: 0.9 },
      { between: ['c', 'd'], rank: 0.9 },
      { between: ['b', 'd'], rank: -0.9 },
    ];
    expect(inconsistentInputs(correlations)).toEqual(['b', 'c', 'd']);
    expect(
      inconsistentInputs([correlations[0]!, { between: ['b', 'c'], rank: 0.5 }, { between: ['c', 'd'], rank: 0.5 }]),
    ).toBeUndefined();
  });
});
