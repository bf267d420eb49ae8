// Streaming statistics for simulate, in one pass and in memory that does not
// grow with the number of samples (but for a few outliers). kernels.wat's tally
// keeps them in a record: the first chunk of samples that has a spread sets a
// range (its span, widened by half on each side) for a histogram of 4096 bins;
// later samples outside it are kept here exactly. Percentiles are read from the
// histogram to within one bin (1/4096 of that range), or exactly from the outliers.
import type { Kernels } from './kernels.js';

export const BINS = 4096;
/** A record: f64 lo, hi, sum, min, max; i32 count, ranged, bins' address (kernels.wat). */
export const RECORD_BYTES = 64;
export const BINS_BYTES = BINS * 4;

/** The distribution of one output over the samples. */
export interface SampleStats {
  /** Samples with a value (NaN, an undefined growth or CAGR, is not one). */
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The p-th percentile (0–100): p0 is the min, p100 the max. */
  percentile(p: number): number;
  /** Counts in `columns` equal intervals between min and max, for a terminal histogram. */
  histogram(columns: number): number[];
}

/** An output that is the same number in every sample (no draw moves it). */
export function constantStats(value: number, samples: number): SampleStats {
  const count = Number.isNaN(value) ? 0 : samples;
  return {
    count,
    mean: count === 0 ? NaN : value,
    min: count === 0 ? Infinity : value,
    max: count === 0 ? -Infinity : value,
    percentile: () => (count === 0 ? NaN : value),
    histogram: (columns) => [count, ...new Array<number>(columns - 1).fill(0)],
  };
}

/**
 * An output whose samples kernels.wat tallies, chunk by chunk, into a record at
 * `record` and bins at `bins` (apart: the records of all outputs are then a few
 * pages, and memory touched first is slow to come).
 */
export class TalliedStats implements SampleStats {
  private readonly f64: Float64Array;
  private readonly i32: Int32Array;
  private readonly below: number[] = [];
  private readonly above: number[] = [];
  private sorted = false;

  constructor(
    private readonly kernels: Kernels,
    private readonly record: number,
    private readonly bins: number,
  ) {
    const { buffer } = kernels.memory;
    [this.f64, this.i32] = [new Float64Array(buffer, record, 5), new Int32Array(buffer, record + 40, 3)];
    [this.f64[3], this.f64[4], this.i32[2]] = [Infinity, -Infinity, bins];
  }

  /** A sample outside the histogram's range (rare), kept exactly. */
  keep(outlier: number): void {
    (outlier < this.f64[0]! ? this.below : this.above).push(outlier);
    this.sorted = false;
  }

  get count(): number {
    return this.i32[0]!;
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.f64[2]! / this.count;
  }

  get min(): number {
    return this.f64[3]!;
  }

  get max(): number {
    return this.f64[4]!;
  }

  /** Interpolated within its bin (and within min and max), or exact among the outliers. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    if (!(this.max > this.min) || p <= 0) return this.min;
    if (p >= 100) return this.max;
    const rank = (p / 100) * this.count;
    const [below, above] = this.sortedOutliers();
    if (rank <= below.length) return below[Math.max(0, Math.ceil(rank) - 1)]!;
    const binned = this.kernels.binPercentile(this.record, rank, below.length);
    if (!Number.isNaN(binned)) return Math.min(this.max, Math.max(this.min, binned));
    const seen = this.count - this.above.length;
    return above[Math.min(above.length - 1, Math.max(0, Math.ceil(rank - seen) - 1))] ?? this.max;
  }

  /** The outliers in order, sorted once. */
  private sortedOutliers(): [number[], number[]] {
    if (!this.sorted) {
      for (const values of [this.below, this.above]) values.sort((a, b) => a - b);
      this.sorted = true;
    }
    return [this.below, this.above];
  }

  histogram(columns: number): number[] {
    const counts = new Array<number>(columns).fill(0);
    if (!this.i32[1]) {
      counts[0] = this.count; // one value throughout
      return counts;
    }
    const span = this.max - this.min;
    const column = (value: number) => (span > 0 ? Math.min(columns - 1, Math.floor(((value - this.min) / span) * columns)) : 0);
    const [lo, width, bins] = [this.f64[0]!, (this.f64[1]! - this.f64[0]!) / BINS, new Uint32Array(this.kernels.memory.buffer, this.bins, BINS)];
    for (let i = 0; i < BINS; i++) if (bins[i]! > 0) counts[column(lo + (i + 0.5) * width)]! += bins[i]!;
    for (const value of [...this.below, ...this.above]) counts[column(value)]!++;
    return counts;
  }
}
