// The distributions added for risk analysis (normal, lognormal, discrete: their
// quantiles, moments and truncation) and the answers simulate gives a reviewer
// (--exceed, --contrib, standard errors, --precision). Seeds are fixed: the
// statistical bounds are deterministic, each several standard errors wide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionBins, ContributionTally } from '../../src/engine/simulate/contribution.js';
import { quantileFunction, type Sampled } from '../../src/engine/simulate/distributions.js';
import { evaluator } from '../../src/engine/simulate/kernels.js';
import { normalCdf, normalQuantile } from '../../src/engine/simulate/normal.js';
import { simulate } from '../../src/engine/simulate/simulate.js';
import { exceedance } from '../../src/engine/simulate/stats.js';
import { Decimal } from '../../src/shared/decimal.js';
import { load, problemsOf } from '../helpers.js';

const evaluate = evaluator();
const AMOUNT = { min: 0, max: Infinity };
const RATIO = { min: 0, max: 1 };

/** The value at each of n evenly spaced quantiles (a deterministic sample of the distribution). */
function evenly(sampled: Sampled, n = 20_000): number[] {
  const at = quantileFunction(sampled, evaluate);
  return Array.from({ length: n }, (_, i) => at((i + 0.5) / n));
}
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const variance = (values: readonly number[]) => mean(values.map((value) => (value - mean(values)) ** 2));

describe('normal and lognormal ranges', () => {
  const ends = fc
    .tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }))
    .map(([low, spread]) => [low, low * (1 + spread)] as const);

  it('put low and high at p5 and p95 by default, at the coverage given otherwise', () => {
    fc.assert(
      fc.property(ends, fc.constantFrom('normal', 'lognormal') as fc.Arbitrary<'normal' | 'lognormal'>,
        fc.option(fc.double({ min: 0.5, max: 0.98, noNaN: true })), ([low, high], dist, coverage) => {
        const at = quantileFunction(
          {
            dist,
            low,
            base: low,
            high,
            valid: AMOUNT,
            ...(coverage !== null && { shape: { coverage: new Decimal(coverage) } }),
          },
          evaluate,
        );
        const tail = (1 - (coverage ?? 0.9)) / 2;
        // For a normal with mean > 0, truncation at 0 moves the quantiles a little: scale the quantile as it does.
        const lowerCut =
          dist === 'normal' ? normalCdf(-((low + high) / 2) / ((high - low) / (2 * normalQuantile(1 - tail)))) : 0;
        const q = (p: number) => (p - lowerCut) / (1 - lowerCut);
        expect(at(q(tail)) / low).toBeCloseTo(1, 9);
        expect(at(q(1 - tail)) / high).toBeCloseTo(1, 9);
      }),
      { numRuns: 200 },
    );
  });

  it('have the moments of their fit: normal mean (low+high)/2, sd (high−low)/3.29; lognormal ' +
    'median √(low·high)', () => {
    const normal = evenly({ dist: 'normal', low: 80, base: 100, high: 120, valid: AMOUNT });
    expect(mean(normal)).toBeCloseTo(100, 6);
    expect(Math.sqrt(variance(normal))).toBeCloseTo(40 / (2 * 1.6448536269514722), 1);
    const lognormal = evenly({ dist: 'lognormal', low: 50, base: 100, high: 200, valid: AMOUNT });
    const sigma = Math.log(4) / (2 * 1.6448536269514722);
    expect([...lognormal].sort((a, b) => a - b)[10_000]! / 100).toBeCloseTo(1, 3);
    expect(mean(lognormal) / (100 * Math.exp((sigma * sigma) / 2))).toBeCloseTo(1, 3);
  });

  it('are truncated to the valid values by quantile: a ratio stays in [0, 1], an amount ≥ 0, and order is kept', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.constantFrom('normal', 'lognormal') as fc.Arbitrary<'normal' | 'lognormal'>, (low, width, dist) => {
        const high = Math.min(1, low + width);
        fc.pre(high > low && (dist === 'normal' || low > 0));
        const values = evenly({ dist, low, base: low, high, valid: RATIO }, 2000);
        expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...values)).toBeLessThanOrEqual(1);
        values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i]!));
      }),
      { numRuns: 100 },
    );
    // Cut at 0, not piled up there: no value is exactly 0.
    expect(evenly({ dist: 'normal', low: 0, base: 1, high: 2, valid: AMOUNT }).filter((value) => value === 0)).toEqual(
      [],
    );
  });
});

describe('discrete values', () => {
  it('take each value as often as its weight says, in order of value', () => {
    const outcomes = [
      { value: new Decimal(3), weight: new Decimal(1) },
      { value: new Decimal(1), weight: new Decimal(2) },
      { value: new Decimal(2), weight: new Decimal(0) },
      { value: new Decimal(5), weight: new Decimal(1) },
    ];
    const values = evenly({ dist: 'discrete', low: 1, base: 1, high: 5, valid: AMOUNT, shape: { outcomes } }, 4000);
    const share = (value: number) => values.filter((drawn) => drawn === value).length / values.length;
    expect([share(1), share(2), share(3), share(5)]).toEqual([0.5, 0, 0.25, 0.25]);
    expect(mean(values)).toBeCloseTo((1 * 2 + 3 + 5) / 4, 12);
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i]!));
  });

  it('are read with their range: low and high the least and greatest, base the heaviest unless written', async () => {
    const scenario = await load(
      'supplyChain:\n  marketSpace: {dist: discrete, values: [90, 120, 100], weights: [1, 1, 3]}\n',
    );
    const written = scenario.provenance.get('supplyChain.marketSpace')!.anchors.get(0)!;
    expect([written.range.low, written.range.base, written.range.high].map(String)).toEqual(['90', '100', '120']);
    const withBase = await load('supplyChain:\n  marketSpace: {dist: discrete, values: [90, 120], base: 95}\n');
    expect(String(withBase.provenance.get('supplyChain.marketSpace')!.anchors.get(0)!.range.base)).toBe('95');
  });

  it('are refused where they do not fit, with what would', async () => {
    expect(
      await problemsOf('supplyChain:\n  marketSpace: {2019: {dist: discrete, values: [90, 120]}, 2023: 130}\n'),
    ).toEqual([
      'test.yaml:2:23: error: supplyChain.marketSpace: dist: discrete is for an input that is one value every year; ' +
        'here the value is one of a series (interpolated or grown): use a range with another dist',
    ]);
    expect(
      await problemsOf('supplyChain:\n  marketSpace: {dist: discrete, values: [90, 120], weights: [1]}\n'),
    ).toEqual([
      'test.yaml:2:61: error: supplyChain.marketSpace.weights: expected weights: a list of 2 numbers ≥ 0, one per ' +
        'value, not all 0, e.g. [1, 2, 1]',
    ]);
    expect(await problemsOf('supplyChain:\n  marketSpace: {dist: lognormal, low: 0, high: 120}\n')).toEqual([
      'test.yaml:2:16: error: supplyChain.marketSpace: dist: lognormal needs a low above 0 (it is fitted to the logs ' +
        'of low and high); give a low > 0 or use dist: normal',
    ]);
    expect(
      await problemsOf('supplyChain:\n  marketSpace: {dist: triangular, low: 1, high: 120, coverage: 80%}\n'),
    ).toEqual([
      'test.yaml:2:64: error: supplyChain.marketSpace.coverage: dist: triangular takes no coverage; coverage is for ' +
        'normal and lognormal',
    ]);
  });
});

/** Two inputs, a and b, each a share of the market; b's range 3 times a's. */
const TWO_INPUTS = `version: 1
years: 2019..2020
supplyChain:
  marketSpace: 100
  traditionalPenetration: 0%
  modes:
    a: {share: 50%, penetration: {low: 40%, high: 50%, dist: uniform}}
    b: {share: 50%, penetration: {low: 20%, high: 50%, dist: uniform}}
`;

describe("a reviewer's answers", () => {
  it('--exceed: the share of samples above the threshold, inside its Wilson interval', async () => {
    const scenario = await load(TWO_INPUTS);
    const simulation = simulate(scenario, { samples: 20_000, seed: 4, dist: 'triangular' });
    const size = simulation.forecast.market!.marketSize.get(2020)!;
    // size = 50·a + 50·b: a + b uniform sums; P(size > 45) = P(a + b > 0.9) = 1 − (0.9 − 0.6)²/(2·0.1·0.3) ... for a ∈
    // [.4,.5], b ∈ [.2,.5]
    const exact = 1 - integrateBelow(0.9);
    const [stats] = simulation.run([size], { percentiles: [], exceed: [{ output: 0, threshold: 45 }] });
    const found = stats!.exceed![0]!;
    expect(Math.abs(found.probability - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / 20_000));
    expect(found.low).toBeLessThan(found.probability);
    expect(found.high).toBeGreaterThan(found.probability);
  });

  it("Wilson's interval: 95% coverage where the normal approximation fails (p near 0)", () => {
    expect(exceedance(1, 0, 100)).toMatchObject({ probability: 0, low: 0 });
    expect(exceedance(1, 0, 100).high).toBeCloseTo(0.03699, 4);
    expect(exceedance(1, 50, 100).low).toBeCloseTo(0.40383, 4);
    expect(exceedance(1, 0, 0).probability).toBeNaN();
  });

  it('--contrib: first-order indices of a sum are the shares of the variances (1 : 9 here)', async () => {
    const scenario = await load(TWO_INPUTS);
    const simulation = simulate(scenario, { samples: 20_000, seed: 8, dist: 'triangular' });
    const size = simulation.forecast.market!.marketSize.get(2020)!;
    const [stats] = simulation.run([size], { percentiles: [], contributions: [0] });
    const [a, b] = stats!.contributions!;
    expect(a).toBeCloseTo(0.1, 1);
    expect(b).toBeCloseTo(0.9, 1);
    expect(Math.abs(a! + b! - 1)).toBeLessThan(0.02);
  });

  it('--contrib: an input the output does not depend on gets (nearly) 0, ' +
    'and the tally is the same for any chunk', () => {
    const n = 4096;
    // Deterministic, unrelated to i: the fraction of a large multiple of sin.
    const hash = (i: number, k: number) => (((Math.sin(i * k) * 43758.5453) % 1) + 1) % 1;
    const noise = Float64Array.from({ length: n }, (_, i) => hash(i, 12.9898));
    const q = [
      Float64Array.from({ length: n }, (_, i) => (i + 0.5) / n),
      Float64Array.from({ length: n }, (_, i) => hash(i, 78.233)),
    ];
    const y = Float64Array.from({ length: n }, (_, i) => 10 * q[0]![i]! + 0.01 * noise[i]!);
    const whole = new ContributionTally(2, contributionBins(n));
    whole.add(y, q, n);
    const [first, second] = whole.indices();
    expect(first).toBeGreaterThan(0.99);
    expect(second).toBeLessThan(0.01);
    const chunked = new ContributionTally(2, contributionBins(n));
    for (let start = 0; start < n; start += 1000) {
      const length = Math.min(1000, n - start);
      chunked.add(y.subarray(start, start + length), q.map((v) => v.subarray(start, start + length)), length);
    }
    expect(chunked.indices()[0]).toBeCloseTo(first!, 10);
  });

  it('standard errors: the mean’s is sd/√n, the median’s larger (√(π/2) times it for a normal output; more for ' +
    'this flatter one)', async () => {
    const scenario = await load(TWO_INPUTS);
    const simulation = simulate(scenario, { samples: 40_000, seed: 2, dist: 'triangular' });
    const size = simulation.forecast.market!.marketSize.get(2020)!;
    const [stats] = simulation.run([size], { percentiles: [], errors: true });
    const sd = 50 * Math.sqrt((0.1 ** 2 + 0.3 ** 2) / 12);
    expect(stats!.errors!.mean / (sd / Math.sqrt(40_000))).toBeCloseTo(1, 1);
    expect(stats!.errors!.p50 / stats!.errors!.mean).toBeGreaterThan(1);
    expect(stats!.errors!.p50 / stats!.errors!.mean).toBeLessThan(2);
  });

  it('--precision: stops at the first chunk where every mean is known to the fraction, ' +
    'and more precision takes more samples', async () => {
    const scenario = await load(TWO_INPUTS);
    const drawn = (precision: number) => {
      const simulation = simulate(scenario, { samples: 1_000_000, seed: 3, dist: 'triangular', precision });
      let samples = 0;
      const size = simulation.forecast.market!.marketSize.get(2020)!;
      const [stats] = simulation.run(
        [size],
        { percentiles: [], errors: true },
        { values: [], chunk: (chunk) => (samples = chunk.start + chunk.length) },
      );
      expect(1.96 * stats!.errors!.mean).toBeLessThanOrEqual(precision * stats!.mean);
      return samples;
    };
    const [coarse, fine] = [drawn(0.002), drawn(0.0005)];
    expect(coarse % 1024).toBe(0);
    // A quarter of the precision needs about 16 times the samples.
    expect(fine / coarse).toBeGreaterThan(8);
    expect(fine / coarse).toBeLessThan(32);
  });
});

/** P(a + b ≤ t) for a uniform on [0.4, 0.5] and b on [0.2, 0.5], by a fine midpoint sum over a. */
function integrateBelow(t: number): number {
  const steps = 100_000;
  let total = 0;
  for (let i = 0; i < steps; i++) {
    const a = 0.4 + ((i + 0.5) / steps) * 0.1;
    total += Math.min(1, Math.max(0, (t - a - 0.2) / 0.3));
  }
  return total / steps;
}
