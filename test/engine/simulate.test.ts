// simulate: the float64 back-end runs the same formulas as the decimal one; the
// samples are reproducible; the distributions are the documented ones.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCalc, type InputReader } from '../../src/engine/calc/calc.js';
import { Decimal } from '../../src/shared/decimal.js';
import { quantileFunction } from '../../src/engine/simulate/distributions.js';
import { evaluator } from '../../src/engine/simulate/kernels.js';
import { loadMachine } from '../../src/engine/simulate/machine.js';
import { schedule } from '../../src/engine/simulate/program.js';
import { forecastWith } from '../../src/engine/forecast.js';
import { atEnd, mapInputs } from '../../src/engine/analysis/inputs.js';
import { linesOf } from '../../src/engine/analysis/lines.js';
import { sampledInputs, simulate, type Chunk } from '../../src/engine/simulate/simulate.js';
import { constantStats } from '../../src/engine/simulate/stats.js';
import { Slot, tracingCalc, type Step, type Traced } from '../../src/engine/simulate/tracing.js';
import { TABLES, type Distribution, type Scenario, type Series } from '../../src/engine/types.js';
import { atCase } from '../../src/engine/calc/yearly.js';
import { fileSources } from '../../src/cli/io.js';
import { loadScenario } from '../../src/scenario/load.js';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';
import { load } from '../helpers.js';

const evaluate = evaluator();

/** A bundled scenario, loaded as the CLI loads it. */
function bundled(name: string) {
  const io = { env: {}, stdout: () => undefined, stderr: () => undefined, stdoutIsTerminal: false };
  return loadScenario(name, fileSources({ ...io, packageRoot: PACKAGE_ROOT }));
}

/** A range of an amount, sampled by `dist`. */
const ranged = (dist: Distribution, low: number, base: number, high: number) => ({
  dist,
  low,
  base,
  high,
  valid: { min: 0, max: Infinity },
});

/** The statistics of one output whose chunks (of at most `size` samples) a test gives. */
function tallied(size: number) {
  const machine = loadMachine(schedule([], [], [0], [0], new Set([0])), { size, inputs: 0, tallied: 1, seed: 1 });
  return {
    stats: (percentiles: readonly number[] = [], columns?: number) => machine.tallies[0]!.stats(percentiles, columns),
    add(values: ArrayLike<number>) {
      machine.start(values.length);
      machine.vector(0).set(values);
      machine.run();
    },
  };
}

/**
 * The float back-end as simulate runs it on one sample: the models traced, then
 * the program run. An input is a number, or (where `asVector` says) a slot
 * whose vector holds `valueOf`'s value.
 */
function floatForecast(
  scenario: Scenario,
  valueOf: (series: Series, year: number) => number,
  asVector: (input: number) => boolean,
) {
  const [steps, inputs]: [Step[], Map<number, number>] = [[], new Map()];
  let slots = 0;
  const newSlot = () => new Slot(slots++);
  let read = 0;
  const input: InputReader<Traced> = (series, years) => {
    const vector = asVector(read++);
    return new Map(
      years.map((year): [number, Traced] => {
        if (!vector) return [year, valueOf(series, year)];
        const slot = newSlot();
        inputs.set(slot.index, valueOf(series, year));
        return [year, slot];
      }),
    );
  };
  const lines = linesOf(forecastWith(tracingCalc(steps, newSlot, evaluate), scenario, input), TABLES);
  const every = Array.from({ length: slots }, (_, slot) => slot);
  const plan = schedule([], steps, [...inputs.keys()], [], new Set(every));
  const machine = loadMachine(plan, { size: 1, inputs: 0, tallied: 0, seed: 1 });
  machine.start(1);
  for (const [slot, value] of inputs) machine.vector(slot)[0] = value;
  machine.run();
  return { lines, at: (value: Traced) => (typeof value === 'number' ? value : machine.vector(value.index)[0]!) };
}

/**
 * Every output of the float back-end, with every input at base, against the
 * decimal forecast: with the inputs as numbers (folded while tracing), as
 * vectors (replayed), and alternating (numbers meet vectors in the formulas).
 * A value the decimal forecast leaves undefined (null, or a growth's year left
 * out) is NaN in the float one, and only such a value.
 */
async function expectFloatEqualsDecimal(scenario: Scenario) {
  const atBase = mapInputs(scenario, (_, series) => atEnd(series, 'base'));
  const exact = linesOf(forecastWith(decimalCalc, atBase, (series, years) => atCase(series, years, 'base')), TABLES);
  for (const asVector of [() => false, () => true, (n: number) => n % 2 === 1]) {
    const float = floatForecast(atBase, (series, year) => series.get(year)!.base.toNumber(), asVector);
    expect(float.lines.length).toBe(exact.length);
    let compared = 0;
    exact.forEach((line, i) => {
      for (const [year, value] of line.values) {
        const traced = float.lines[i]!.values.get(year);
        const sample = traced == null ? undefined : float.at(traced);
        if (value === null) {
          expect(sample === undefined || Number.isNaN(sample)).toBe(true);
          continue;
        }
        const want = value.toNumber();
        const at = `${line.table}.${line.metric}.${line.key}.${year}`;
        expect(Math.abs(sample! - want), at).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        compared++;
      }
      for (const [year, traced] of float.lines[i]!.values) {
        const at = `${line.table}.${line.metric}.${line.key}.${year}`;
        if (!line.values.has(year)) expect(traced === null || Number.isNaN(float.at(traced)), at).toBe(true);
      }
    });
    expect(compared).toBeGreaterThan(10);
  }
}

/** The traced steps run by the machine over vectors 0 and 1 holding the pairs' first and second numbers. */
function runOnPairs(steps: Step[], kept: Set<number>, pairs: readonly (readonly [number, number])[]) {
  const size = { size: pairs.length, inputs: 0, tallied: 0, seed: 1 };
  const machine = loadMachine(schedule([], steps, [0, 1], [], kept), size);
  machine.start(pairs.length);
  pairs.forEach(([x, y], i) => ([machine.vector(0)[i], machine.vector(1)[i]] = [x, y]));
  machine.run();
  return machine;
}

describe('one set of formulas, two back-ends', () => {
  const bundles = ['baseline', 'bank-led', 'kpis'];
  it.each(bundles)('the float path equals the decimal forecast to 1e-12 for the bundled %s', async (name) => {
    const { scenario } = await bundled(name);
    await expectFloatEqualsDecimal(scenario);
  });

  it.each(['pert', 'triangular', 'uniform', 'normal', 'lognormal'] as const)('replayed chunks give, sample by ' +
    "sample, what the formulas give on that sample's %s draws", async (dist) => {
    const { scenario } = await bundled('baseline');
    const simulation = simulate(scenario, { samples: 300, seed: 5, dist, chunk: 128 });
    const sampled = sampledInputs(scenario, dist);
    const replayed = linesOf(simulation.forecast, TABLES);
    let chunks = 0;
    const check = (chunk: Chunk) => {
      chunks++;
      // The first, a middle and the last sample of each chunk (the last chunk is shorter).
      for (const i of [0, 57, chunk.length - 1].filter((i) => i < chunk.length)) {
        const drawn = (series: Series, year: number) => {
          const input = sampled.find((candidate) => candidate.series === series);
          const range = series.get(year)!;
          if (!input) return range.base.toNumber();
          const [low, base, high] = [range.low.toNumber(), range.base.toNumber(), range.high.toNumber()];
          return quantileFunction({ ...input, low, base, high }, evaluate)(chunk.draws.get(input.path)![i]!);
        };
        const one = floatForecast(scenario, drawn, () => false);
        one.lines.forEach((line, l) => {
          for (const [year, value] of line.values) {
            const traced = replayed[l]!.values.get(year)!;
            const samples = traced === null ? null : chunk.valueOf(traced);
            const got = typeof samples === 'number' || samples === null ? samples : samples[i];
            const where = `${line.table}.${line.metric}.${line.key}.${year}, sample ${chunk.start + i}`;
            expect(got, where).toBe(value === null ? null : one.at(value));
          }
        });
      }
    };
    const values = replayed.flatMap((line) => [...line.values.values()]);
    simulation.run(values, { percentiles: [] }, { values, chunk: check });
    expect(chunks).toBe(3);
  });

  it('and for random scenarios', async () => {
    const small = readFileSync(new URL('../fixtures/small.yaml', import.meta.url), 'utf8');
    const labour = readFileSync(new URL('../fixtures/labour.yaml', import.meta.url), 'utf8');
    const [spaces, shares, growths] = [
      fc.integer({ min: 1, max: 500 }),
      fc.integer({ min: 1, max: 99 }),
      fc.integer({ min: 0, max: 30 }),
    ];
    await fc.assert(
      fc.asyncProperty(spaces, shares, growths, async (space, share, growth) => {
        const text = small
          .replace('12.1万亿', `${space}万亿`)
          .replace('share: 50%', `share: ${share}%`)
          .replace('growth: 10%', `growth: ${growth}%`);
        await expectFloatEqualsDecimal(await load(text));
      }),
      { numRuns: 30, seed: 11 },
    );
    await expectFloatEqualsDecimal(await load(labour));
  });

  it("and for a scenario's metrics: every operator and function, and a division by 0 (no value: NaN)", async () => {
    const small = readFileSync(new URL('../fixtures/small.yaml', import.meta.url), 'utf8');
    const metrics = `metrics:
  margin: {formula: profit.profit / market.marketSize}
  grow: {formula: growth(spend.total)}
  back: {formula: prev(market.marketSize) * 2 + 1.5万亿}
  rate: {formula: 'cagr(market.marketSize, 2020, 2022)'}
  spread: {formula: 'max(profit.profit, 3亿) - min(profit.profit, abs(-2亿)) + sum(1, 2%) × spend.total'}
  zero: {formula: spend.total ÷ (market.marketSize - market.marketSize)}
  onZero: {formula: metrics.zero * 2}
  input: {formula: supplyChain.modes.receivables.penetration * 3 / 2 - 1%}
  fixed: {formula: 'market.marketSize[2022] / market.marketSize[2020] - -1'}
`;
    const scenario = await load(`${small}${metrics}`);
    expect(scenario.metrics).toHaveLength(9);
    await expectFloatEqualsDecimal(scenario);
  });

  it('and where a growth or CAGR starts from 0', async () => {
    const fromZero = `years: 2020..2023
technologies:
  years: 2020..2023
  items:
    a: {spend: {2020: 0, 2021: 0, 2022: 5, 2023: 6, interpolate: linear}}
    b: {spend: {2020: 0, 2021: 0～3, 2022: 5, 2023: 6, interpolate: linear}}
`;
    await expectFloatEqualsDecimal(await load(fromZero));
  });

  it("min and max: a metric's, in both back-ends; no value (NaN) in either operand gives none", () => {
    const any = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    const number = fc.oneof(fc.constant(0), fc.constant(-0), fc.constant(NaN), any);
    fc.assert(
      fc.property(fc.array(fc.tuple(number, number), { minLength: 1, maxLength: 9 }), (pairs) => {
        const steps: Step[] = [];
        let slots = 2;
        const traced = tracingCalc(steps, () => new Slot(slots++), evaluate);
        const least = traced.min(new Slot(0), new Slot(1)) as Slot;
        const most = traced.max(new Slot(0), new Slot(1)) as Slot;
        const kept = new Set([least.index, most.index]);
        const machine = runOnPairs(steps, kept, pairs);
        pairs.forEach(([x, y], i) => {
          const want = (pick: 'min' | 'max') => {
            if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
            return decimalCalc[pick](new Decimal(x), new Decimal(y)).toNumber();
          };
          // 0 and -0 are one value in decimal.
          for (const [pick, slot] of [['min', least], ['max', most]] as const) {
            const got = [traced[pick](x, y) as number, machine.vector(slot.index)[i]!];
            const signless = (values: number[]) => values.map((value) => (value === 0 ? 0 : value));
            expect(signless(got)).toEqual(signless([want(pick), want(pick)]));
          }
        });
      }),
      { numRuns: 200, seed: 19 },
    );
  });

  it('mean the same by an undefined growth or CAGR: undefined in decimal ⇔ NaN in float64, folded or ' +
    'sample by sample', () => {
    const number = fc.oneof(
      fc.constant(0),
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
    );
    const pairLists = fc.array(fc.tuple(number, number), { minLength: 1, maxLength: 9 });
    const periodCounts = fc.integer({ min: 1, max: 9 });
    fc.assert(
      fc.property(pairLists, periodCounts, (pairs, periods) => {
        const steps: Step[] = [];
        let slots = 2; // 0 and 1: the vectors of the a's and b's
        const traced = tracingCalc(steps, () => new Slot(slots++), evaluate);
        const [a, b] = [new Slot(0), new Slot(1)];
        // Over the samples of vectors a and b (replayed), and on each pair of numbers (folded).
        const [growth, cagr] = [traced.growth(a, b) as Slot, traced.cagr(b, a, periods) as Slot];
        const divide = traced.divide(a, b) as Slot;
        const kept = new Set([growth.index, cagr.index, divide.index]);
        const machine = runOnPairs(steps, kept, pairs);
        pairs.forEach(([x, y], i) => {
          const undefinedGrowth = decimalCalc.growth(new Decimal(x), new Decimal(y)) === undefined;
          const growths = [traced.growth(x, y) as number, machine.vector(growth.index)[i]!];
          expect(growths.map(Number.isNaN)).toEqual([undefinedGrowth, undefinedGrowth]);
          const undefinedQuotient = decimalCalc.divide(new Decimal(x), new Decimal(y)) === undefined;
          const quotients = [traced.divide(x, y) as number, machine.vector(divide.index)[i]!];
          expect(quotients.map(Number.isNaN)).toEqual([undefinedQuotient, undefinedQuotient]);
          if (!undefinedQuotient) expect(quotients).toEqual([x / y, x / y]);
          if (x < 0 || y < 0) return; // a CAGR of a change of sign has no real root
          const undefinedCagr = decimalCalc.cagr(new Decimal(y), new Decimal(x), periods) === undefined;
          const cagrs = [traced.cagr(y, x, periods) as number, machine.vector(cagr.index)[i]!];
          expect(cagrs.map(Number.isNaN)).toEqual([undefinedCagr, undefinedCagr]);
        });
      }),
      { numRuns: 200, seed: 17 },
    );
  });
});

describe('sampling', () => {
  it('is reproducible for a seed, and another seed gives other samples', async () => {
    const args = (seed: string) => ['simulate', '-n', '5000', '--seed', seed, '-f', 'json', '-t', 'market'];
    const [a, b, c] = [await runCli(args('7')), await runCli(args('7')), await runCli(args('8'))];
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('takes any seed from 0 to 2^53 − 1, and refuses others', async () => {
    const args = (seed: string) => ['simulate', '-n', '50', '--seed', seed, '-f', 'json', '-t', 'market'];
    const [last, before] = [await runCli(args(String(2 ** 53 - 1))), await runCli(args(String(2 ** 53 - 2)))];
    expect(last.code).toBe(0);
    expect(JSON.parse(last.stdout).seed).toBe(2 ** 53 - 1);
    expect(last.stdout.replace(/"seed":\d+/, '')).not.toBe(before.stdout.replace(/"seed":\d+/, ''));
    for (const seed of ['9007199254740992', '-1', '1.5', 'abc']) {
      expect(await runCli(args(seed))).toEqual({
        code: 2,
        stdout: '',
        stderr: `fintech-calc: error: --seed: expected a whole number from 0 to 9007199254740991, got '${seed}'\n`,
      });
    }
  });

  it('puts the p50 of the 2023 market and profit between the low and high cases', async () => {
    const json = async (...args: string[]) => JSON.parse((await runCli(args)).stdout);
    const simulated = await json('simulate', '-n', '20000', '--seed', '7', '-f', 'json', '-t', 'market,profit');
    const cases = (await json('forecast', '-c', 'all', '-f', 'json', '-t', 'market,profit')).cases;
    for (const [table, metric] of [['market', 'marketSize'], ['profit', 'profit']] as const) {
      const in2023 = (m: { table: string; metric: string; year: string }) =>
        m.table === table && m.metric === metric && m.year === '2023';
      const p50 = Number(simulated.metrics.find(in2023).p50);
      expect(p50).toBeGreaterThan(Number(cases.low[table][metric]['2023']));
      expect(p50).toBeLessThan(Number(cases.high[table][metric]['2023']));
    }
  });

  it('draws one quantile per input and sample, used in every year', async () => {
    const scenario = await load(
      'years: 2020..2021\nsupplyChain:\n  marketSpace: 100\n' +
        '  modes:\n    a: {share: 50%, penetration: {2020: 10～30%, 2021: 20～60%}}\n',
    );
    const simulation = simulate(scenario, { samples: 50, seed: 1, dist: 'uniform' });
    const { penetration, share } = simulation.forecast.market!.modes[0]!;
    const watched = [penetration.get(2020)!, penetration.get(2021)!];
    const chunks: Chunk[] = [];
    simulation.run([], { percentiles: [] }, { values: watched, chunk: (chunk) => chunks.push(chunk) });
    const [chunk] = chunks;
    const q = chunk!.draws.get('supplyChain.modes.a.penetration')!;
    const [in2020, in2021] = watched.map((value) => chunk!.valueOf(value)) as Float64Array[];
    for (let i = 0; i < 50; i++) {
      expect(in2020![i]).toBeCloseTo(0.1 + q[i]! * 0.2, 12);
      expect(in2021![i]).toBeCloseTo(0.2 + q[i]! * 0.4, 12);
    }
    // An input no draw moves is one number for every sample.
    expect(share.get(2020)).toBe(0.5);
    // Only a watched value keeps its vector to the end of the chunk.
    expect(() => chunk!.valueOf(simulation.forecast.market!.marketSize.get(2021) as Slot)).toThrow('is not watched');
  });
});

describe('distributions', () => {
  it('invert their CDFs: quantiles at the ends and the mode', () => {
    const tri = quantileFunction(ranged('triangular', 0, 2, 10), evaluate);
    expect([tri(0), tri(0.2), tri(1)]).toEqual([0, 2, 10]); // F(mode) = (2 − 0)/(10 − 0)
    expect(tri(0.1)).toBeCloseTo(Math.sqrt(0.1 * 10 * 2), 12); // F(x) = x² / (10·2) below the mode
    expect(tri(0.6)).toBeCloseTo(10 - Math.sqrt(0.4 * 10 * 8), 12); // 1 − F(x) = (10 − x)² / (10·8) above it
    const uniform = quantileFunction(ranged('uniform', 5, 6, 7), evaluate);
    expect(uniform(0.25)).toBe(5.5);
    const pert = quantileFunction(ranged('pert', 0, 5, 10), evaluate);
    expect(pert(0.5)).toBeCloseTo(5, 6); // symmetric
    expect(pert(0.05)).toBeGreaterThan(0);
    expect(quantileFunction(ranged('pert', 1, 1, 1), evaluate)(0.3)).toBe(1);
  });

  it('percentiles from the histograms are within one bin of the exact ones', () => {
    const values = Float64Array.from({ length: 10001 }, (_, i) => i / 10000);
    const { stats, add } = tallied(6001);
    // The first chunk sets the histogram's range, [0.4, 0.6) widened by half on each side to [0.3, 0.7).
    for (const chunk of [values.subarray(4000, 6000), values.subarray(0, 4000), values.subarray(6000)]) add(chunk);
    const { mean, min, max, count, percentiles } = stats([35, 50, 65, 5, 10, 95, 0, 100]);
    expect(mean).toBeCloseTo(0.5, 12);
    // Within one bin (0.4 / 4096) in the range; exact outside it, where the samples are kept.
    [35, 50, 65].forEach((p, i) => expect(Math.abs(percentiles[i]! - p / 100)).toBeLessThan(0.4 / 4096));
    expect(percentiles.slice(3)).toEqual([0.05, 0.1, 0.95, 0, 1]);
    expect([min, max, count]).toEqual([0, 1, 10001]);
  });

  it('count an output that is constant at first, then spreads, without losing a sample', () => {
    const { stats, add } = tallied(10);
    add([5, 5, NaN, 5]);
    const constant = stats([50], 4);
    expect(constant).toEqual({ count: 3, mean: 5, min: 5, max: 5, percentiles: [5], histogram: [3, 0, 0, 0] });
    add([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // sets the range [-3.5, 14.5)
    add([14.5 - 1e-12, 14.5, -100]);
    const { count, min, max, mean, percentiles, histogram } = stats([0, 100, 50], 8);
    expect([count, min, max]).toEqual([16, -100, 14.5]);
    expect(mean * count).toBeCloseTo(15 + 55 + 29 - 100, 9);
    expect(histogram!.reduce((a, b) => a + b)).toBe(16);
    expect(percentiles.slice(0, 2)).toEqual([-100, 14.5]);
    // The three 5s were binned when the range was set: the median lies among them.
    expect(Math.abs(percentiles[2]! - 5)).toBeLessThan(18 / 4096);
  });

  it('of a value no draw moves are those of the samples of that value', () => {
    for (const value of [2.5, -1, 0, NaN]) {
      const { stats, add } = tallied(70);
      for (let i = 0; i < 3; i++) add(new Float64Array(70).fill(value));
      const percentiles = [0, 1, 50, 99, 100];
      expect(constantStats(value, 210, percentiles, 5)).toEqual(stats(percentiles, 5));
      expect(constantStats(value, 210, percentiles)).toEqual(stats(percentiles));
    }
  });

  it('are the same whatever the chunk size', async () => {
    const { scenario } = await bundled('baseline');
    const statsWith = (chunk: number) => {
      const simulation = simulate(scenario, {
        samples: 3000,
        seed: 9,
        dist: 'triangular',
        chunk,
        tables: ['market', 'profit'],
      });
      const outputs = linesOf(simulation.forecast, ['market', 'profit']).flatMap((line) => [...line.values.values()]);
      return simulation.run(outputs, { percentiles: [] }).map(({ count, mean, min, max }) => [count, mean, min, max]);
    };
    // The draws do not depend on the chunk size; the statistics only through the histogram's range.
    const [a, b] = [statsWith(3000), statsWith(1000)];
    const withoutMean = (stats: typeof a) => stats.map(([count, , min, max]) => [count, min, max]);
    expect(withoutMean(a)).toEqual(withoutMean(b));
    a.forEach(([, mean], i) => expect(mean).toBeCloseTo(b[i]![1]!, 9));
  });

  it('are plain numbers and arrays: the percentiles asked for, and histograms only where asked', async () => {
    const { scenario } = await bundled('baseline');
    const simulation = simulate(scenario, { samples: 2000, seed: 3, dist: 'pert', tables: ['market'] });
    const lines = linesOf(simulation.forecast, ['market']);
    const outputs = lines.flatMap((line) => [...line.values.values()]);
    const moving = outputs.findIndex((value) => value instanceof Slot);
    const fixed = outputs.findIndex((value) => typeof value === 'number');
    const stats = simulation.run(outputs, {
      percentiles: [50, 0, 100],
      histograms: { outputs: [moving, fixed], columns: 7 },
    });
    // Nothing refers to the WebAssembly instance's memory: a deep copy is equal.
    expect(structuredClone(stats)).toEqual(stats);
    const numeric = (value: unknown) =>
      typeof value === 'number' || (Array.isArray(value) && value.every((x) => typeof x === 'number'));
    for (const stat of stats) {
      for (const value of Object.values(stat)) expect(numeric(value)).toBe(true);
      expect(stat.percentiles.slice(1)).toEqual([stat.min, stat.max]);
    }
    expect(stats.flatMap((stat, i) => (stat.histogram ? [i] : []))).toEqual([moving, fixed].sort((a, b) => a - b));
    expect(stats[moving]!.histogram!.reduce((a, b) => a + b)).toBe(2000);
    expect(stats[fixed]!.histogram).toEqual([2000, 0, 0, 0, 0, 0, 0]);
  });

  it('takes dist: per value, and refuses unknown ones', async () => {
    const yaml = (dist: string) => `supplyChain:\n  marketSpace: {low: 1, high: 3, dist: ${dist}}\n`;
    const scenario = await load(yaml('uniform'));
    expect(scenario.provenance.get('supplyChain.marketSpace')!.anchors.get(0)!.dist).toBe('uniform');
    await expect(load(yaml('gaussian'))).rejects.toThrow(
      "unknown distribution 'gaussian'; expected triangular, uniform, pert, normal, lognormal, discrete",
    );
  });
});

describe('the progress line', () => {
  it('is drawn on a terminal for 100,000 samples or more, once per percent, then cleared', async () => {
    const args = ['simulate', '-n', '100000', '-t', 'market', '-f', 'json'];
    const drawn = await runCli(args, { stderrIsTerminal: true });
    const lines = drawn.stderr.split('\r').filter(Boolean);
    expect(lines.slice(0, 3)).toEqual(['simulating 1%', 'simulating 2%', 'simulating 3%']);
    expect(lines.at(-2)).toBe('simulating 100%');
    expect(lines.at(-1)).toBe('\u001b[K');
    expect(new Set(lines).size).toBe(lines.length);
    // Not on a pipe or file, and not for a short run.
    expect((await runCli(args)).stderr).toBe('');
    expect((await runCli(['simulate', '-n', '99999', '-t', 'market'], { stderrIsTerminal: true })).stderr).toBe('');
    expect(drawn.stdout).toBe((await runCli(args)).stdout);
  });
});

describe('--samples-file', () => {
  it('writes one row per sample: the drawn quantiles and the --metric values', async () => {
    const { mkdtempSync, readFileSync: read } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'samples.csv');
    const result = await runCli([
      'simulate', '-n', '300', '--seed', '2', '-t', 'market', '--metric', 'market.marketSize.2023',
      '--samples-file', file, '-f', 'json',
    ]);
    expect(result.code).toBe(0);
    const rows = read(file, 'utf8').trimEnd().split('\n');
    // Every ranged input is drawn, whatever -t computes, so -t does not change the draws.
    const header = rows[0]!.split(',');
    expect(header[0]).toBe('sample');
    expect(header.at(-1)).toBe('market.marketSize.2023');
    expect(rows).toHaveLength(301);
    const row = rows[1]!.split(',').map(Number);
    const column = (name: string) => row[header.indexOf(name)]!;
    const qa = column('q:supplyChain.modes.arif.penetration');
    const qr = column('q:supplyChain.modes.receivables.penetration');
    const size = column('market.marketSize.2023');
    // marketSize 2023 = 125000 × (0.6 × p_r + 0.16 × p_a + 0.24 × 0.2), p at the drawn quantiles
    const tri = (q: number, a: number, c: number, b: number) =>
      quantileFunction(ranged('triangular', a, c, b), evaluate)(q);
    expect(size).toBeCloseTo(125000 * (0.6 * tri(qr!, 0.6, 0.66, 0.7) + 0.16 * tri(qa!, 0.25, 0.275, 0.3) + 0.048), 6);
  });
});
