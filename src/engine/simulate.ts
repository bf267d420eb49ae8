// simulate: Monte Carlo over the input ranges, on the float64 back-end of the
// same models (calc.ts), traced once and replayed on chunks of samples. Each
// input with a range gets one draw per sample, a quantile used for every year of
// the input; the draws come from a seeded xoroshiro128+ (pure-rand), so a seed
// gives the same samples on every machine.
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { replay, Slot, tracingCalc, type InputReader, type Samples, type Step, type Traced } from './calc.js';
import { fillQuantiles } from './distributions.js';
import { forecastWith } from './forecast.js';
import { hasRange, inputsOf } from './inputs.js';
import type { CaseForecast, Distribution, Scenario, Series, TableName } from './types.js';
import { yearly } from './yearly.js';

export interface SimulationSettings {
  readonly samples: number;
  readonly seed: number;
  /** For ranges whose value does not say (`dist:`). */
  readonly dist: Distribution;
  /** Samples evaluated at once; memory stays bounded by it, not by the number of samples. */
  readonly chunk?: number;
  /** The tables to compute (the others' models are not run). */
  readonly tables?: readonly TableName[];
}

/** The forecast traced once, and its samples chunk by chunk. */
export interface Simulation {
  /** Every value as a number (no draw moves it: the same in every sample) or a slot. */
  readonly forecast: CaseForecast<Traced>;
  /** The chunks, in order; the same settings give the same chunks. A chunk's vectors are reused by the next. */
  chunks(): Generator<Chunk>;
}

export interface Chunk {
  /** Index of the chunk's first sample. */
  readonly start: number;
  readonly length: number;
  /** A traced value's samples in this chunk: its number, or its slot's vector. */
  valueOf(value: Traced): Samples;
  /** The quantile drawn for each ranged input, by path. */
  readonly draws: ReadonlyMap<string, Float64Array>;
}

/** The inputs that are sampled (have a range), in path order, with their distribution. */
export function sampledInputs(scenario: Scenario, fallback: Distribution): { path: string; series: Series; dist: Distribution }[] {
  return [...inputsOf(scenario)]
    .filter(([, series]) => hasRange(series))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, series]) => {
      const written = scenario.provenance.get(path);
      const said = written && [...written.anchors.values(), ...(written.growth ? [written.growth] : [])].find((value) => value.dist !== undefined)?.dist;
      return { path, series, dist: said ?? fallback };
    });
}

/**
 * Sample by sample, the inputs in path order: the draws do not depend on the
 * chunk size. (A plain function with index loops, not the generator's body:
 * V8 optimizes it, and it runs once per sample and input.)
 */
function drawQuantiles(rng: RandomGenerator, quantiles: readonly Float64Array[], length: number): void {
  for (let i = 0; i < length; i++) for (let k = 0; k < quantiles.length; k++) quantiles[k]![i] = nextUnit(rng);
}

/** A uniform double in [0, 1) from two 32-bit draws (53 random bits). */
function nextUnit(rng: RandomGenerator): number {
  const high = rng.unsafeNext() >>> 5;
  const low = rng.unsafeNext() >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}

/** One ranged input in one year: its samples in `out`, from the quantiles drawn for `input`. */
interface Draw {
  readonly input: number;
  readonly dist: Distribution;
  readonly low: number;
  readonly base: number;
  readonly high: number;
  readonly out: number;
}

/**
 * Traces the models once (tracingCalc: numbers are folded, operations on
 * vectors recorded), then replays the recorded steps on every chunk of samples.
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
      draws.push({ input: k, dist: sampled[k]!.dist, low, base, high, out: out.index });
      return out;
    });
  };
  const forecast = forecastWith(tracingCalc(steps, newSlot), scenario, input, settings.tables);
  return { forecast, chunks: () => chunksOf(settings, sampled, draws, steps, slots) };
}

function* chunksOf(settings: SimulationSettings, sampled: readonly { path: string }[], draws: readonly Draw[], steps: readonly Step[], slots: number): Generator<Chunk> {
  const size = settings.chunk ?? 1024;
  const rng = xoroshiro128plus(settings.seed);
  let [vectors, quantiles, scratch]: [Float64Array[], Float64Array[], Float64Array] = [[], [], new Float64Array(0)];
  for (let start = 0; start < settings.samples; start += size) {
    const length = Math.min(size, settings.samples - start);
    if (scratch.length !== length) {
      // One buffer for the slots' vectors (each a view), remade only for a shorter last chunk.
      const buffer = new Float64Array(slots * length);
      vectors = Array.from({ length: slots }, (_, i) => buffer.subarray(i * length, (i + 1) * length));
      quantiles = sampled.map(() => new Float64Array(length));
      scratch = new Float64Array(length);
    }
    drawQuantiles(rng, quantiles, length);
    for (const { input, dist, low, base, high, out } of draws) fillQuantiles(dist, low, base, high, quantiles[input]!, vectors[out]!);
    replay(steps, vectors, scratch);
    const chunkVectors = vectors;
    yield {
      start,
      length,
      valueOf: (value) => (typeof value === 'number' ? value : chunkVectors[value.index]!),
      draws: new Map(sampled.map(({ path }, k) => [path, quantiles[k]!])),
    };
  }
}
