// Streaming statistics for simulate, in one pass and in memory that does not
// grow with the number of samples (but for a few outliers). kernels.wat's tally
// keeps them in a record: the first chunk of samples that has a spread sets a
// range (its span, widened by half on each side) for a histogram of 4096 bins;
// later samples outside it are kept here exactly. Percentiles are read from the
// histogram to within one bin (1/4096 of that range), or exactly from the outliers.
import type { Kernels } from './kernels.js';
import { BINS, readStruct, RECORD, writeStruct } from './layout.js';

/** The distribution of one output over the samples, in plain numbers. */
export interface SampleStats {
  /** Samples with a value (NaN, an undefined growth or CAGR, is not one). */
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** The percentiles asked for (StatsWanted), in their order. */
  readonly percentiles: readonly number[];
  /** Counts in equal columns between min and max, where one was asked for. */
  readonly histogram?: readonly number[];
  /** The Monte Carlo standard errors of the mean and of the median, where asked for. */
  readonly errors?: StandardErrors;
  /** The probability of exceeding each threshold asked for, in their order. */
  readonly exceed?: readonly Exceedance[];
  /** Each sampled input's share of the variance (a first-order Sobol index), where asked for. */
  readonly contributions?: readonly number[];
}

export interface StandardErrors {
  readonly mean: number;
  readonly p50: number;
}

/** P(value > threshold) over the samples with a value, and its 95% confidence interval (Wilson's). */
export interface Exceedance {
  readonly threshold: number;
  readonly probability: number;
  readonly low: number;
  readonly high: number;
}

/** 97.5% quantile of the standard normal: a 95% interval is ±1.96 standard errors. */
export const Z95 = 1.959963984540054;

/** Wilson's score interval at 95% for `above` of `count` samples (NaN if there are none). */
export function exceedance(threshold: number, above: number, count: number): Exceedance {
  if (count === 0) return { threshold, probability: NaN, low: NaN, high: NaN };
  const [p, z2] = [above / count, Z95 * Z95];
  const centre = (p + z2 / (2 * count)) / (1 + z2 / count);
  const half = (Z95 / (1 + z2 / count)) * Math.sqrt((p * (1 - p)) / count + z2 / (4 * count * count));
  // At p = 0 or 1 an end is that exactly (rounding would leave 1e-18).
  return { threshold, probability: p, low: above === 0 ? 0 : Math.max(0, centre - half), high: above === count ? 1 : Math.min(1, centre + half) };
}

/** What to compute of simulate's outputs besides their count, mean, min and max. */
export interface StatsWanted {
  /** From 0 to 100: p0 is the min, p100 the max. */
  readonly percentiles: readonly number[];
  /** The outputs (by index) to count a histogram of, in `columns`. */
  readonly histograms?: { readonly outputs: readonly number[]; readonly columns: number };
  /** The standard errors of every output's mean and median. */
  readonly errors?: boolean;
  /** Outputs (by index) and thresholds: the probability of exceeding each. */
  readonly exceed?: readonly { readonly output: number; readonly threshold: number }[];
  /** Outputs (by index) whose variance to share among the sampled inputs. */
  readonly contributions?: readonly number[];
}

/** An output that is the same number in every sample (no draw moves it); a histogram if `columns` are given. */
export function constantStats(
  value: number,
  samples: number,
  percentiles: readonly number[],
  columns?: number,
  errors?: boolean,
): SampleStats {
  const count = Number.isNaN(value) ? 0 : samples;
  return {
    count,
    mean: count === 0 ? NaN : value,
    min: count === 0 ? Infinity : value,
    max: count === 0 ? -Infinity : value,
    percentiles: percentiles.map(() => (count === 0 ? NaN : value)),
    ...(columns !== undefined && { histogram: [count, ...new Array<number>(columns - 1).fill(0)] }),
    ...(errors && { errors: count === 0 ? { mean: NaN, p50: NaN } : { mean: 0, p50: 0 } }),
  };
}

type Tallied = Record<(typeof RECORD.fields)[number], number>;

/** Whether a mean's 95% interval is within `precision` of it; an output that does not spread, or whose mean is 0, asks for nothing. */
export function isPrecise({ mean, min, max, meanError }: { mean: number; min: number; max: number; meanError: number }, precision: number): boolean {
  return !(max > min) || mean === 0 || Z95 * meanError <= precision * Math.abs(mean);
}

/** The mean's standard error, √(variance / n), the variance from the sums (n − 1 in its denominator). */
function meanError({ count, sum, squares }: Tallied): number {
  if (count < 2) return count === 0 ? NaN : 0;
  return Math.sqrt(Math.max(0, (squares - (sum * sum) / count) / (count - 1)) / count);
}

/**
 * An output whose samples kernels.wat tallies, chunk by chunk, into a RECORD at
 * `record` and bins at `bins` (apart: the records of all outputs are then a few
 * pages, and memory touched first is slow to come).
 */
export class Tally {
  private readonly memory: DataView;
  private readonly below: number[] = [];
  private readonly above: number[] = [];
  private sorted = false;

  constructor(
    private readonly kernels: Kernels,
    private readonly record: number,
    bins: number,
  ) {
    this.memory = new DataView(kernels.memory.buffer);
    const empty = { lo: 0, hi: 0, sum: 0, min: Infinity, max: -Infinity, squares: 0, count: 0, ranged: 0 };
    writeStruct(this.memory, record, RECORD, { ...empty, bins });
  }

  /** A sample outside the histogram's range (rare), kept exactly. */
  keep(outlier: number): void {
    (outlier < this.memory.getFloat64(this.record + RECORD.offset.lo, true) ? this.below : this.above).push(outlier);
    this.sorted = false;
  }

  /** The statistics of the samples tallied so far; a histogram if `columns` are given, standard errors if `errors`. */
  stats(percentiles: readonly number[], columns?: number, errors?: boolean): SampleStats {
    const tallied = readStruct(this.memory, this.record, RECORD);
    const { count, sum, min, max } = tallied;
    return {
      count,
      mean: count === 0 ? NaN : sum / count,
      min,
      max,
      percentiles: percentiles.map((p) => this.percentile(tallied, p)),
      ...(columns !== undefined && { histogram: this.histogram(tallied, columns) }),
      ...(errors && { errors: { mean: meanError(tallied), p50: this.medianError(tallied) } }),
    };
  }

  /**
   * Whether the mean is known to `precision` of itself: its 95% interval
   * (±1.96 standard errors) within it. An output that does not spread, or
   * whose mean is 0, asks for nothing.
   */
  precise(precision: number): boolean {
    const tallied = readStruct(this.memory, this.record, RECORD);
    return isPrecise({ mean: tallied.sum / tallied.count, min: tallied.min, max: tallied.max, meanError: meanError(tallied) }, precision);
  }

  /**
   * The median's standard error from its distribution-free 95% interval: the
   * samples at ranks n/2 ± 1.96·√(n/4), read like any percentile, span 2·1.96 of it.
   */
  private medianError(tallied: Tallied): number {
    if (tallied.count < 2) return tallied.count === 0 ? NaN : 0;
    const half = 100 * Z95 * Math.sqrt(0.25 / tallied.count);
    return (this.percentile(tallied, 50 + half) - this.percentile(tallied, 50 - half)) / (2 * Z95);
  }

  /** Interpolated within its bin (and within min and max), or exact among the outliers. */
  private percentile({ count, min, max }: Tallied, p: number): number {
    if (count === 0) return NaN;
    if (!(max > min) || p <= 0) return min;
    if (p >= 100) return max;
    const rank = (p / 100) * count;
    const [below, above] = this.sortedOutliers();
    if (rank <= below.length) return below[Math.max(0, Math.ceil(rank) - 1)]!;
    const binned = this.kernels.binPercentile(this.record, rank, below.length);
    if (!Number.isNaN(binned)) return Math.min(max, Math.max(min, binned));
    const seen = count - above.length;
    return above[Math.min(above.length - 1, Math.max(0, Math.ceil(rank - seen) - 1))] ?? max;
  }

  /** The outliers in order, sorted once. */
  private sortedOutliers(): [number[], number[]] {
    if (!this.sorted) {
      for (const values of [this.below, this.above]) values.sort((a, b) => a - b);
      this.sorted = true;
    }
    return [this.below, this.above];
  }

  /** Counts in `columns` equal intervals between min and max: the bins' (by their middles) and the outliers'. */
  private histogram({ count, min, max, lo, hi, ranged, bins }: Tallied, columns: number): number[] {
    const counts = new Array<number>(columns).fill(0);
    if (!ranged) {
      counts[0] = count; // one value throughout
      return counts;
    }
    const span = max - min;
    // A bin's middle may lie below min (or above max): its samples go to the first (last) column.
    const column = (value: number) =>
      span > 0 ? Math.max(0, Math.min(columns - 1, Math.floor(((value - min) / span) * columns))) : 0;
    const [width, binned] = [(hi - lo) / BINS, new Uint32Array(this.kernels.memory.buffer, bins, BINS)];
    for (let i = 0; i < BINS; i++) if (binned[i]! > 0) counts[column(lo + (i + 0.5) * width)]! += binned[i]!;
    for (const value of [...this.below, ...this.above]) counts[column(value)]!++;
    return counts;
  }
}
