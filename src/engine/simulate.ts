// simulate: Monte Carlo over the input ranges, on the float64-vector back-end of
// the same models (calc.ts). Each input with a range gets one draw per sample, a
// quantile used for every year of the input; the draws come from a seeded
// xoroshiro128+ (pure-rand), so a seed gives the same samples on every machine.
import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { vectorCalc, type InputReader } from './calc.js';
import { fillQuantiles } from './distributions.js';
import { forecastWith } from './forecast.js';
import { hasRange, inputsOf } from './inputs.js';
import type { CaseForecast, Distribution, Scenario, Series, TableName } from './types.js';

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
  readonly forecast: CaseForecast<Float64Array>;
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
  // The arrays of one chunk are reused for the next: a chunk is consumed before the next is made.
  let pool: Float64Array[] = [];
  for (let start = 0; start < settings.samples; start += size) {
    const length = Math.min(size, settings.samples - start);
    if (pool[0] !== undefined && pool[0].length !== length) pool = [];
    let used = 0;
    const allocate = () => (used < pool.length ? pool[used++]! : (pool[used++] = new Float64Array(length)));
    // Sample by sample, the inputs in path order: the draws do not depend on the chunk size.
    const quantiles = sampled.map(() => new Float64Array(length));
    for (let i = 0; i < length; i++) for (const q of quantiles) q[i] = nextUnit(rng);
    const draws = new Map(sampled.map(({ path }, k) => [path, quantiles[k]!]));
    const input: InputReader<Float64Array> = (series, years) =>
      new Map(
        years.map((year) => {
          const path = pathOf.get(series);
          const q = path === undefined ? undefined : draws.get(path);
          const values = allocate();
          const range = series.get(year)!;
          if (q) fillQuantiles(distOf.get(path!)!, range.low.toNumber(), range.base.toNumber(), range.high.toNumber(), q, values);
          else values.fill(range.base.toNumber());
          return [year, values];
        }),
      );
    yield { start, length, forecast: forecastWith(vectorCalc(length, allocate), scenario, input, settings.tables), draws };
  }
}
