// Inverse CDFs of the distributions a range is sampled from: a draw at quantile
// q takes the value at quantile q of each year's (low, base, high), so one draw
// per input moves all its years together.
import type { Distribution } from './types.js';

/** A sampler for one (low, base, high): quantile → value. */
export type Quantile = (q: number) => number;

export function quantileFunction(dist: Distribution, low: number, base: number, high: number): Quantile {
  const width = high - low;
  if (!(width > 0)) return () => base;
  switch (dist) {
    case 'uniform':
      return (q) => low + q * width;
    case 'triangular': {
      const split = (base - low) / width;
      return (q) => (q < split ? low + Math.sqrt(q * width * (base - low)) : high - Math.sqrt((1 - q) * width * (high - base)));
    }
    case 'pert': {
      const inverse = betaQuantile(1 + (4 * (base - low)) / width, 1 + (4 * (high - base)) / width);
      return (q) => low + inverse(q) * width;
    }
  }
}

/** out[i] = the value at quantile q[i]: quantileFunction over a vector, with the common cases as plain loops. */
export function fillQuantiles(dist: Distribution, low: number, base: number, high: number, q: Float64Array, out: Float64Array): void {
  const width = high - low;
  if (!(width > 0)) {
    out.fill(base);
    return;
  }
  if (dist === 'triangular') {
    const split = (base - low) / width;
    const [left, right] = [width * (base - low), width * (high - base)];
    for (let i = 0; i < q.length; i++) {
      const x = q[i]!;
      out[i] = x < split ? low + Math.sqrt(x * left) : high - Math.sqrt((1 - x) * right);
    }
    return;
  }
  if (dist === 'uniform') {
    for (let i = 0; i < q.length; i++) out[i] = low + q[i]! * width;
    return;
  }
  const at = quantileFunction(dist, low, base, high);
  for (let i = 0; i < q.length; i++) out[i] = at(q[i]!);
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
