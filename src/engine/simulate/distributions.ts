// Inverse CDFs of the distributions a range is sampled from: a draw at quantile
// q takes the value at quantile q of each year's (low, base, high), so one draw
// per input moves all its years together.
import type { Evaluate } from './kernels.js';
import { f64Fields, TRIANGULAR, UNIFORM } from './layout.js';
import type { Distribution } from '../types.js';

/** A sampler for one (low, base, high): quantile → value. */
export type Quantile = (q: number) => number;

/** The distributions kernels.wat draws from itself; PERT's inverse is tabulated here. */
export type NativeDistribution = Exclude<Distribution, 'pert'>;

/** What kernels.wat's draw takes for a (low, base, high) with high > low, laid out as TRIANGULAR or UNIFORM. */
export function drawParameters(dist: NativeDistribution, low: number, base: number, high: number): number[] {
  const width = high - low;
  if (dist === 'uniform') return f64Fields(UNIFORM, { low, width });
  const [split, left, right] = [(base - low) / width, width * (base - low), width * (high - base)];
  return f64Fields(TRIANGULAR, { low, high, split, left, right });
}

/** The value at quantile q, in the same float64 arithmetic as simulate's draws. */
export function quantileFunction(dist: Distribution, low: number, base: number, high: number, evaluate: Evaluate): Quantile {
  if (!(high > low)) return () => base;
  if (dist === 'pert') {
    const width = high - low;
    const inverse = betaQuantile(1 + (4 * (base - low)) / width, 1 + (4 * (high - base)) / width);
    return (q) => low + inverse(q) * width;
  }
  const parameters = drawParameters(dist, low, base, high);
  return (q) => evaluate(dist, q, 0, parameters);
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
