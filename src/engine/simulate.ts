// simulate: Monte Carlo over the input ranges, on the float64-vector back-end of
// the same models (calc.ts). Each input with a range gets one draw per sample, a
// quantile used for every year of the input; the draws come from a seeded
// xoroshiro128+ (pure-rand), so a seed gives the same samples on every machine.
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { vectorCalc, type InputReader, type Samples } from './calc.js';
import { fillQuantiles } from './distributions.js';
import { forecastWith } from './forecast.js';
import { hasRange, inputsOf } from './inputs.js';
import type { CaseForecast, Distribution, Scenario, Series, TableName, Year } from './types.js';

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

export interface Chunk {
  /** Index of the chunk's first sample. */
  readonly start: number;
  readonly length: number;
  readonly forecast: CaseForecast<Samples>;
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

/** A uniform double in [0, 1) from two 32-bit draws (53 random bits). */
function nextUnit(rng: RandomGenerator): number {
  const high = rng.unsafeNext() >>> 5;
  const low = rng.unsafeNext() >>> 6;
  return (high * 67108864 + low) / 9007199254740992;
}

/** The samples, chunk by chunk; the same settings give the same chunks. */
export function* simulate(scenario: Scenario, settings: SimulationSettings): Generator<Chunk> {
  const size = settings.chunk ?? 1024;
  const sampled = sampledInputs(scenario, settings.dist);
  const pathOf = new Map([...inputsOf(scenario)].map(([path, series]) => [series, path]));
  const rng = xoroshiro128plus(settings.seed);
  const distOf = new Map(sampled.map(({ path, dist }) => [path, dist]));
  // Each year's range as floats, converted once (Decimal.toNumber goes through a string).
  const floats = new Map<Series, Map<Year, [number, number, number]>>();
  const floatsOf = (series: Series) => {
    let byYear = floats.get(series);
    if (!byYear) floats.set(series, (byYear = new Map([...series].map(([year, r]) => [year, [r.low.toNumber(), r.base.toNumber(), r.high.toNumber()]]))));
    return byYear;
  };
  // Arrays live as long as their length: the arrays of one chunk are reused for the
  // next (a chunk is consumed before the next is made).
  let state: ReturnType<typeof chunkState> | undefined;
  for (let start = 0; start < settings.samples; start += size) {
    const length = Math.min(size, settings.samples - start);
    if (state?.length !== length) state = chunkState(length, sampled.length);
    state.reuse();
    const { quantiles, allocate } = state;
    // Sample by sample, the inputs in path order: the draws do not depend on the chunk size.
    for (let i = 0; i < length; i++) for (const q of quantiles) q[i] = nextUnit(rng);
    const draws = new Map(sampled.map(({ path }, k) => [path, quantiles[k]!]));
    const input: InputReader<Samples> = (series, years) => {
      const path = pathOf.get(series);
      const q = path === undefined ? undefined : draws.get(path);
      const byYear = floatsOf(series);
      return new Map(
        years.map((year): [Year, Samples] => {
          const [low, base, high] = byYear.get(year)!;
          if (!q) return [year, base];
          const values = allocate();
          fillQuantiles(distOf.get(path!)!, low, base, high, q, values);
          return [year, values];
        }),
      );
    };
    yield { start, length, forecast: forecastWith(state.calc, scenario, input, settings.tables), draws };
  }
}

/** The arrays for chunks of one length: a pool handed out in order, and the draws' quantiles. */
function chunkState(length: number, inputs: number) {
  const pool: Float64Array[] = [];
  let used = 0;
  const allocate = () => (used < pool.length ? pool[used++]! : (pool[used++] = new Float64Array(length)));
  return {
    length,
    /** The next chunk takes the pool's arrays from the first again. */
    reuse: () => void (used = 0),
    allocate,
    calc: vectorCalc(length, allocate),
    quantiles: Array.from({ length: inputs }, () => new Float64Array(length)),
  };
}
