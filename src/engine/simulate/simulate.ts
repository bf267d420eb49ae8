// simulate: Monte Carlo over the input ranges, on the float64 back-end of the
// same models (calc.ts), traced once and replayed on chunks of samples by
// kernels.wat. Each input with a range gets one draw per sample, a quantile used
// for every year of the input; the draws come from xoroshiro128+ (the same
// numbers as pure-rand's) seeded through splitmix64, so a seed gives the same
// samples on every machine, and nearby seeds unrelated ones.
import type { InputReader } from '../calc/calc.js';
import { drawParameters, isNative, quantileFunction, type NativeDistribution, type Sampled } from './distributions.js';
import { correlator } from './correlation.js';
import { evaluator, type Evaluate } from './kernels.js';
import { loadMachine } from './machine.js';
import { schedule, type Op } from './program.js';
import { constantStats, exceedance, type SampleStats, type StatsWanted } from './stats.js';
import { contributionBins, ContributionTally } from './contribution.js';
import { Slot, tracingCalc, type Step, type Traced } from './tracing.js';
import { forecastWith } from '../forecast.js';
import { hasRange, inputsOf } from '../analysis/inputs.js';
import type {
  CaseForecast,
  Correlation,
  Distribution,
  DistributionShape,
  Scenario,
  Series,
  TableName,
} from '../types.js';
import { yearly } from '../calc/yearly.js';

export interface SimulationSettings {
  readonly samples: number;
  /** A whole number from 0 to 2^53 − 1. */
  readonly seed: number;
  /** For ranges whose value does not say (`dist:`). */
  readonly dist: Distribution;
  /** Samples evaluated at once; memory stays bounded by it, not by the number of samples. */
  readonly chunk?: number;
  /** The tables to compute (the others' models are not run). */
  readonly tables?: readonly TableName[];
  /**
   * Sample until every output's mean is known to this fraction of itself (its
   * 95% interval within it; checked after each chunk from MIN_PRECISE_SAMPLES
   * on), `samples` being then the most drawn.
   */
  readonly precision?: number;
}

/** The fewest samples drawn before --precision may stop: fewer give unsteady standard errors. */
export const MIN_PRECISE_SAMPLES = 4096;

/** The forecast traced once, and its samples. */
export interface Simulation {
  /** Every value as a number (no draw moves it: the same in every sample) or a slot. */
  readonly forecast: CaseForecast<Traced>;
  /**
   * Draws every sample, a chunk at a time, and returns the statistics of each
   * of `outputs` (values of the forecast), as plain numbers. The same settings
   * give the same samples.
   */
  run(outputs: readonly (Traced | null)[], wanted: StatsWanted, watch?: Watch): SampleStats[];
  /** run(), a chunk per step: between steps the caller may let other work in (an interrupt). */
  steps(outputs: readonly (Traced | null)[], wanted: StatsWanted, watch?: Watch): Generator<void, SampleStats[]>;
}

/** Who sees every chunk, in order, and the samples of which values (a chunk's vectors are reused by the next). */
export interface Watch {
  readonly values: readonly (Traced | null)[];
  chunk(chunk: Chunk): void;
}

/** A value's samples in a chunk: a number where every sample has the same value. */
export type Samples = number | Float64Array;

export interface Chunk {
  /** Index of the chunk's first sample. */
  readonly start: number;
  readonly length: number;
  /** The samples of a watched value in this chunk: its number, or its slot's vector. */
  valueOf(value: Traced): Samples;
  /** The quantile drawn for each ranged input, by path. */
  readonly draws: ReadonlyMap<string, Float64Array>;
}

/** An input that is sampled: its path, series, distribution and the values it may take. */
export interface SampledInput {
  readonly path: string;
  readonly series: Series;
  readonly dist: Distribution;
  readonly shape?: DistributionShape;
  readonly valid: Sampled['valid'];
}

/** The inputs that are sampled (have a range), in path order, with their distribution. */
export function sampledInputs(scenario: Scenario, fallback: Distribution): SampledInput[] {
  return [...inputsOf(scenario)]
    .filter(([, series]) => hasRange(series))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, series]) => {
      const written = scenario.provenance.get(path);
      const values = written && [...written.anchors.values(), ...(written.growth ? [written.growth] : [])];
      const said = values?.find((value) => value.dist !== undefined);
      const valid = { min: 0, max: written?.kind === 'ratio' ? 1 : Infinity };
      return { path, series, dist: said?.dist ?? fallback, ...(said?.shape && { shape: said.shape }), valid };
    });
}

/** The sampled inputs a lognormal cannot be fitted to: a year whose range starts at 0 (lognormal's p5 is above 0). */
export function lognormalFromZero(sampled: readonly SampledInput[]): string[] {
  const fromZero = (series: Series) =>
    [...series.values()].some(({ low, high }) => low.isZero() && high.greaterThan(low));
  return sampled.filter(({ dist, series }) => dist === 'lognormal' && fromZero(series)).map(({ path }) => path);
}

/** One ranged input in one year: its samples in slot `out`, from the quantiles drawn for `input`. */
interface Draw extends Sampled {
  readonly input: number;
  readonly out: number;
}

/**
 * Traces the models once (tracingCalc: numbers are folded, operations on
 * vectors recorded); run() then replays the recorded steps on every chunk of samples.
 */
export function simulate(scenario: Scenario, settings: SimulationSettings): Simulation {
  const sampled = sampledInputs(scenario, settings.dist);
  const indexOf = new Map(sampled.map(({ series }, k) => [series, k]));
  const [steps, draws]: [Step[], Draw[]] = [[], []];
  let slots = 0;
  const newSlot = () => new Slot(slots++);
  const input: InputReader<Traced> = (series, years) => {
    const k = indexOf.get(series);
    return yearly(years, (year) => {
      const range = series.get(year)!;
      // Decimal.toNumber goes through a string: once per input and year, here.
      const [low, base, high] = [range.low.toNumber(), range.base.toNumber(), range.high.toNumber()];
      if (k === undefined || !(high > low)) return base;
      const out = newSlot();
      const { dist, shape, valid } = sampled[k]!;
      draws.push({ input: k, dist, low, base, high, ...(shape && { shape }), valid, out: out.index });
      return out;
    });
  };
  const evaluate = evaluator();
  const forecast = forecastWith(tracingCalc(steps, newSlot, evaluate), scenario, input, settings.tables);
  const chunks = (outputs: readonly (Traced | null)[], wanted: StatsWanted, watch?: Watch) =>
    run(settings, sampled, scenario.simulation?.correlations ?? [], draws, steps, evaluate, outputs, wanted, watch);
  return { forecast, run: (outputs, wanted, watch) => finish(chunks(outputs, wanted, watch)), steps: chunks };
}

function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Schedules the program (draws, steps, tallies), loads it, and runs it on every chunk, yielding after each. */
function* run(
  settings: SimulationSettings,
  sampled: readonly { path: string }[],
  correlations: readonly Correlation[],
  draws: readonly Draw[],
  steps: readonly Step[],
  evaluate: Evaluate,
  outputs: readonly (Traced | null)[],
  wanted: StatsWanted,
  watch?: Watch,
): Generator<void, SampleStats[]> {
  const size = Math.min(settings.chunk ?? 1024, settings.samples);
  const slotsOf = (values: readonly (Traced | null)[]) =>
    values.filter((value) => value instanceof Slot).map((slot) => slot.index);
  const tallied = [...new Set(slotsOf(outputs))];
  // kernels.wat draws the triangular and uniform ranges; the others are filled in before the program runs.
  const native = draws.filter((draw): draw is Draw & { dist: NativeDistribution } => isNative(draw.dist));
  const given = draws
    .filter((draw) => !isNative(draw.dist))
    .map((draw) => ({ ...draw, at: quantileFunction(draw, evaluate) }));
  const drawOps = native.map(
    ({ input, dist, low, base, high, out }): Op => ({
      op: dist,
      out,
      a: { quantiles: input },
      b: 0,
      extra: drawParameters(dist, low, base, high),
    }),
  );
  const exceed = (wanted.exceed ?? []).map((asked) => ({ ...asked, above: 0, count: 0 }));
  const bins = contributionBins(settings.samples);
  const contributions = new Map(
    (wanted.contributions ?? []).map((output) => [output, new ContributionTally(sampled.length, bins)]),
  );
  const streamed = [...exceed.map(({ output }) => output), ...contributions.keys()].map((i) => outputs[i] ?? null);
  const watched = new Set(slotsOf([...(watch?.values ?? []), ...streamed]));
  const plan = schedule(drawOps, steps, given.map((draw) => draw.out), tallied, watched);
  const correlate = correlator(sampled.map((input) => input.path), correlations);
  const machine = loadMachine(plan, { size, inputs: sampled.length, tallied: tallied.length, seed: settings.seed });

  for (let start = 0; start < settings.samples; start += size) {
    const length = Math.min(size, settings.samples - start);
    machine.start(length);
    correlate?.(sampled.map((_, k) => machine.quantiles(k)), length);
    for (const { input, out, at } of given) {
      const [q, values] = [machine.quantiles(input), machine.vector(out)];
      for (let i = 0; i < length; i++) values[i] = at(q[i]!);
    }
    machine.run();
    const samplesOf = (value: Traced | null): Samples =>
      value === null ? NaN : typeof value === 'number' ? value : machine.vector(value.index);
    for (const asked of exceed) countAbove(asked, samplesOf(outputs[asked.output] ?? null), length);
    const quantiles = sampled.map((_, k) => machine.quantiles(k));
    for (const [output, tally] of contributions) tally.add(samplesOf(outputs[output] ?? null), quantiles, length);
    watch?.chunk({
      start,
      length,
      valueOf: (value) => {
        if (typeof value === 'number') return value;
        // Another slot's vector has been reused by then.
        if (!watched.has(value.index)) throw new Error(`simulate: slot ${value.index} is not watched`);
        return machine.vector(value.index);
      },
      draws: new Map(sampled.map(({ path }, k) => [path, machine.quantiles(k)])),
    });
    yield;
    const { precision } = settings;
    const enough = precision !== undefined && start + length >= MIN_PRECISE_SAMPLES;
    if (enough && machine.tallies.every((tally) => tally.precise(precision))) break;
  }
  const tallyOf = new Map(tallied.map((slot, k) => [slot, machine.tallies[k]!]));
  const histograms = new Set(wanted.histograms?.outputs);
  const drawn = machine.drawn;
  return outputs.map((value, i) => {
    const columns = histograms.has(i) ? wanted.histograms!.columns : undefined;
    const { percentiles, errors } = wanted;
    const stats =
      value instanceof Slot
        ? tallyOf.get(value.index)!.stats(percentiles, columns, errors)
        : constantStats(value ?? NaN, drawn, percentiles, columns, errors);
    const exceeds = exceed
      .filter(({ output }) => output === i)
      .map(({ threshold, above, count }) => exceedance(threshold, above, count));
    const shares = contributions.get(i)?.indices();
    return { ...stats, ...(exceeds.length > 0 && { exceed: exceeds }), ...(shares && { contributions: shares }) };
  });
}

/** Counts the samples above a threshold (of those with a value). */
function countAbove(
  asked: { threshold: number; above: number; count: number },
  samples: Samples,
  length: number,
): void {
  for (let i = 0; i < length; i++) {
    const value = typeof samples === 'number' ? samples : samples[i]!;
    if (Number.isNaN(value)) continue;
    asked.count++;
    if (value > asked.threshold) asked.above++;
  }
}
