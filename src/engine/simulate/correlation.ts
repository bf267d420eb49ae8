// Correlated inputs, by a Gaussian copula: per sample, the independent uniform
// draws u of the correlated inputs become normal scores z = Φ⁻¹(u), are mixed by
// the Cholesky factor L of their normal correlation matrix (z' = L·z), and go
// back to uniforms q = Φ(z'). Each q is still uniform (so every input keeps its
// own distribution), and the q of two inputs have the rank correlation asked
// for: a normal correlation r gives the rank (Spearman) correlation
// (6/π)·asin(r/2), so r = 2·sin(π·ρ/6). It works sample by sample (the chunks
// and the memory stay as they are; Iman–Conover would reorder a whole set of
// samples, which a stream of chunks does not hold) and it is exact in
// expectation, not only near it.
import type { Correlation } from '../types.js';
import { normalCdf, normalQuantile } from './normal.js';

/** The normal (Pearson) correlation of a Gaussian copula whose rank (Spearman) correlation is `rank`. */
export function normalOfRank(rank: number): number {
  return 2 * Math.sin((Math.PI * rank) / 6);
}

/** A matrix's pivots are taken as 0 within this of it (rank ±1 gives exact zeros, but for rounding). */
const TOLERANCE = 1e-10;

/**
 * The lower-triangular L with L·Lᵀ = matrix, for a positive semi-definite
 * matrix (a pivot of 0, from a rank of ±1, gives a column of 0); the index
 * at which it fails when the matrix is not.
 */
export function choleskyFactor(matrix: readonly (readonly number[])[]): number[][] | { readonly failsAt: number } {
  const n = matrix.length;
  const factor = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const dot = (i: number, j: number) => {
    let sum = 0;
    for (let k = 0; k < j; k++) sum += factor[i]![k]! * factor[j]![k]!;
    return sum;
  };
  for (let j = 0; j < n; j++) {
    const pivot = matrix[j]![j]! - dot(j, j);
    if (pivot < -TOLERANCE) return { failsAt: j };
    const root = pivot > TOLERANCE ? Math.sqrt(pivot) : 0;
    factor[j]![j] = root;
    for (let i = j + 1; i < n; i++) {
      const rest = matrix[i]![j]! - dot(i, j);
      if (root === 0 && Math.abs(rest) > TOLERANCE) return { failsAt: j };
      factor[i]![j] = root === 0 ? 0 : rest / root;
    }
  }
  return factor;
}

/** The normal correlation matrix of `names` (1 on the diagonal, 0 where no correlation is given). */
function matrixOf(names: readonly string[], correlations: readonly Correlation[]): number[][] {
  const index = new Map(names.map((name, i) => [name, i]));
  const matrix = names.map((_, i) => names.map((__, j): number => (i === j ? 1 : 0)));
  for (const { between, rank } of correlations) {
    const [i, j] = [index.get(between[0]), index.get(between[1])];
    if (i === undefined || j === undefined) continue;
    matrix[i]![j] = matrix[j]![i] = normalOfRank(rank);
  }
  return matrix;
}

/** The inputs the correlations name, in path order. */
function namedInputs(correlations: readonly Correlation[]): string[] {
  return [...new Set(correlations.flatMap((correlation) => correlation.between))].sort();
}

/**
 * When the correlations cannot all hold at once (their matrix is not positive
 * semi-definite): the fewest of their inputs found whose correlations already
 * cannot (from the first failing pivot, dropping each input whose correlations
 * are not needed for the failure). Undefined when they can.
 */
export function inconsistentInputs(correlations: readonly Correlation[]): string[] | undefined {
  const fails = (names: readonly string[]) => !Array.isArray(choleskyFactor(matrixOf(names, correlations)));
  const all = namedInputs(correlations);
  const factor = choleskyFactor(matrixOf(all, correlations));
  if (Array.isArray(factor)) return undefined;
  let set = all.slice(0, factor.failsAt + 1);
  for (const name of [...set]) {
    const without = set.filter((other) => other !== name);
    if (fails(without)) set = without;
  }
  return set;
}

/** Turns a chunk's independent quantiles into correlated ones, in place: `quantiles[k]` is input k's vector. */
export type Correlate = (quantiles: readonly Float64Array[], length: number) => void;

/** A uniform draw u is a multiple of 2⁻⁵³ in [0, 1): u + 2⁻⁵⁴ is strictly inside, where Φ⁻¹ is finite. */
const HALF_STEP = 2 ** -54;
const BELOW_ONE = 1 - 2 ** -53;

/**
 * The copula of the sampled inputs (by path, as simulate numbers them): the
 * correlations between two of them; undefined when none is between two sampled
 * inputs (the draws are then left as they are, bit for bit).
 */
export function correlator(sampled: readonly string[], correlations: readonly Correlation[]): Correlate | undefined {
  const index = new Map(sampled.map((path, k) => [path, k]));
  const used = correlations.filter(({ between: [a, b] }) => index.has(a) && index.has(b));
  if (used.length === 0) return undefined;
  const names = namedInputs(used);
  const factor = choleskyFactor(matrixOf(names, used));
  if (!Array.isArray(factor)) throw new Error(`internal: correlations not checked as read (${names.join(', ')})`);
  const inputs = names.map((name) => index.get(name)!);
  const n = inputs.length;
  const [scores, mixed] = [new Float64Array(n), new Float64Array(n)];
  return (quantiles, length) => {
    const vectors = inputs.map((k) => quantiles[k]!);
    for (let s = 0; s < length; s++) {
      for (let i = 0; i < n; i++) scores[i] = normalQuantile(Math.min(vectors[i]![s]! + HALF_STEP, BELOW_ONE));
      for (let i = 0; i < n; i++) {
        const row = factor[i]!;
        let sum = 0;
        for (let k = 0; k <= i; k++) sum += row[k]! * scores[k]!;
        mixed[i] = sum;
      }
      for (let i = 0; i < n; i++) vectors[i]![s] = Math.min(normalCdf(mixed[i]!), BELOW_ONE);
    }
  };
}
