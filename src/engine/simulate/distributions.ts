// Inverse CDFs of the distributions a range is sampled from: a draw at quantile
// q takes the value at quantile q of each year's (low, base, high), so one draw
// per input moves all its years together.
import type { Evaluate } from './kernels.js';
import { f64Fields, TRIANGULAR, UNIFORM } from './layout.js';
import { normalCdf, normalQuantile } from './normal.js';
import type { Distribution, DistributionShape, Outcome } from '../types.js';

/** A sampler for one (low, base, high): quantile → value. */
export type Quantile = (q: number) => number;

/** The distributions kernels.wat draws from itself; the others' inverses are computed here. */
export type NativeDistribution = 'triangular' | 'uniform';

export function isNative(dist: Distribution): dist is NativeDistribution {
  return dist === 'triangular' || dist === 'uniform';
}

/** What kernels.wat's draw takes for a (low, base, high) with high > low, laid out as TRIANGULAR or UNIFORM. */
export function drawParameters(dist: NativeDistribution, low: number, base: number, high: number): number[] {
  const width = high - low;
  if (dist === 'uniform') return f64Fields(UNIFORM, { low, width });
  const [split, left, right] = [(base - low) / width, width * (base - low), width * (high - base)];
  return f64Fields(TRIANGULAR, { low, high, split, left, right });
}

/** One input's range in one year, and how it is sampled. */
export interface Sampled {
  readonly dist: Distribution;
  readonly low: number;
  readonly base: number;
  readonly high: number;
  readonly shape?: DistributionShape;
  /**
   * The values the input may take (a ratio's [0, 1], an amount's [0, ∞)):
   * normal and lognormal are truncated to them.
   */
  readonly valid: { readonly min: number; readonly max: number };
}

/** The probability between low and high when a normal or lognormal value does not say: low is p5, high p95. */
export const DEFAULT_COVERAGE = 0.9;

/** The value at quantile q, in the same float64 arithmetic as simulate's draws. */
export function quantileFunction({ dist, low, base, high, shape, valid }: Sampled, evaluate: Evaluate): Quantile {
  if (!(high > low)) return () => base;
  switch (dist) {
    case 'triangular':
    case 'uniform': {
      const parameters = drawParameters(dist, low, base, high);
      return (q) => evaluate(dist, q, 0, parameters);
    }
    case 'pert': {
      const width = high - low;
      const inverse = betaQuantile(1 + (4 * (base - low)) / width, 1 + (4 * (high - base)) / width);
      return (q) => low + inverse(q) * width;
    }
    case 'normal':
    case 'lognormal': {
      // low and high are the percentiles (1 ∓ coverage)/2: p5 and p95 by default
      const z = normalQuantile((1 + (shape?.coverage?.toNumber() ?? DEFAULT_COVERAGE)) / 2);
      const log = dist === 'lognormal';
      const [from, to] = log ? [Math.log(low), Math.log(high)] : [low, high];
      const [mean, sd] = [(from + to) / 2, (to - from) / (2 * z)];
      const [min, max] = log ? [Math.log(valid.min), Math.log(valid.max)] : [valid.min, valid.max];
      const normal = truncatedNormal(mean, sd, min, max);
      return log ? (q) => Math.min(valid.max, Math.max(valid.min, Math.exp(normal(q)))) : normal;
    }
    case 'discrete':
      return discreteQuantile(shape?.outcomes ?? []);
  }
}

/** The normal (mean, sd) truncated to [min, max] at quantile q: Φ⁻¹ of q scaled to [Φ(min), Φ(max)]. */
function truncatedNormal(mean: number, sd: number, min: number, max: number): Quantile {
  const [from, to] = [normalCdf((min - mean) / sd), normalCdf((max - mean) / sd)];
  return (q) => {
    const p = Math.min(1 - 2 ** -53, Math.max(Number.MIN_VALUE, from + q * (to - from)));
    return Math.min(max, Math.max(min, mean + sd * normalQuantile(p)));
  };
}

/** The outcomes in order of value, each taking its share of [0, 1) by weight. */
function discreteQuantile(outcomes: readonly Outcome[]): Quantile {
  const sorted = [...outcomes].sort((a, b) => a.value.comparedTo(b.value));
  const total = sorted.reduce((sum, outcome) => sum + outcome.weight.toNumber(), 0);
  let running = 0;
  const upTo = sorted.map((outcome) => (running += outcome.weight.toNumber() / total));
  const values = sorted.map((outcome) => outcome.value.toNumber());
  return (q) => {
    let i = 0;
    while (i < values.length - 1 && q >= upTo[i]!) i++;
    return values[i]!;
  };
}

const GRID = 2048;
const betaCache = new Map<string, Quantile>();

/**
 * The Beta(α, β) quantile function for α, β ≥ 1 (PERT's), from its CDF tabulated
 * on a fine grid (Simpson's rule) and inverted by linear interpolation: ample for
 * sampling, and the same numbers on every machine.
 */
function betaQuantile(alpha: number, beta: number): Quantile {
  const key = `${alpha},${beta}`;
  const cached = betaCache.get(key);
  if (cached) return cached;
  const density = (x: number) => Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
  const cdf = new Float64Array(GRID + 1);
  const h = 1 / GRID;
  for (let i = 1; i <= GRID; i++) {
    const [a, b] = [(i - 1) * h, i * h];
    cdf[i] = cdf[i - 1]! + (h / 6) * (density(a) + 4 * density((a + b) / 2) + density(b));
  }
  const total = cdf[GRID]!;
  for (let i = 1; i <= GRID; i++) cdf[i]! /= total;
  const inverse: Quantile = (q) => {
    let [lo, hi] = [0, GRID];
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! <= q) lo = mid;
      else hi = mid;
    }
    const span = cdf[hi]! - cdf[lo]!;
    return (lo + (span > 0 ? (q - cdf[lo]!) / span : 0)) * h;
  };
  betaCache.set(key, inverse);
  return inverse;
}
