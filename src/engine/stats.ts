// Streaming statistics for simulate, in one pass and in memory that does not
// grow with the number of samples (but for a few outliers): the first chunk of
// samples that has a spread sets a range (its span, widened by half on each
// side) for a histogram of 4096 bins; later samples outside it are kept exactly.
// Percentiles are read from the histogram to within one bin (1/4096 of that
// range), or exactly from the outliers.
import type { Samples } from './calc.js';

export const BINS = 4096;

export class OutputStats {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private lo = 0;
  private hi = 0;
  /** Until a spread is seen every sample had one value (min = max), and there are no bins yet. */
  private ranged = false;
  /** Made when the range is set: most outputs never spread. */
  private bins = new Uint32Array(0);
  private readonly below: number[] = [];
  private readonly above: number[] = [];

  /**
   * Every sample of a chunk of `length`: an array, or a number that every sample
   * has (NaN, an undefined growth or CAGR, is skipped).
   */
  add(values: Samples, length: number): void {
    if (typeof values === 'number') this.addRepeated(values, length);
    else if (this.ranged || this.addUnranged(values)) this.addToRange(values);
  }

  private addToRange(values: Float64Array): void {
    let { count, sum, min, max } = this;
    const { lo, hi, bins, below, above } = this;
    const scale = BINS / (hi - lo);
    const length = values.length;
    // The hot loop of simulate: samples inside the range first, in as few steps as can be.
    for (let i = 0; i < length; i++) {
      const value = values[i]!;
      if (value >= lo && value < hi) {
        sum += value;
        min = value < min ? value : min;
        max = value > max ? value : max;
        const index = ((value - lo) * scale) | 0;
        bins[index < BINS ? index : BINS - 1]!++; // the product can round up to BINS
      } else if (value === value) {
        sum += value;
        min = value < min ? value : min;
        max = value > max ? value : max;
        (value < lo ? below : above).push(value);
      } else count--; // NaN
    }
    this.count = count + length;
    this.sum = sum;
    this.min = min;
    this.max = max;
  }

  /** `times` samples of one value. */
  private addRepeated(value: number, times: number): void {
    if (value !== value) return;
    if (!this.ranged && this.count > 0 && value !== this.min) this.setRange(Math.min(this.min, value), Math.max(this.max, value));
    this.count += times;
    this.sum += value * times;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (!this.ranged) return;
    if (value >= this.lo && value < this.hi) this.bins[this.binOf(value)]! += times;
    else for (let i = 0; i < times; i++) (value < this.lo ? this.below : this.above).push(value);
  }

  /**
   * A chunk before the range is set. Many outputs are moved by no draw (an input
   * without a range, a fixed share): while every sample has one value, counting
   * is enough. Returns true when the chunk has a spread: the range is then set,
   * the samples so far are binned, and the chunk is left to the general loop.
   */
  private addUnranged(values: Float64Array): boolean {
    let low = this.min;
    let high = this.max;
    let count = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value !== value) continue;
      count++;
      if (value < low) low = value;
      if (value > high) high = value;
    }
    if (low < high) {
      this.setRange(low, high);
      return true;
    }
    // Empty, or one value throughout (low = high = that value).
    if (count > 0) {
      this.count += count;
      this.sum += low * count;
      this.min = this.max = low;
    }
    return false;
  }

  /** The histogram's range from the spread seen first (low < high); the one value seen before is binned. */
  private setRange(low: number, high: number): void {
    const margin = (high - low) / 2;
    [this.lo, this.hi, this.ranged, this.bins] = [low - margin, high + margin, true, new Uint32Array(BINS)];
    if (this.count > 0) this.bins[this.binOf(this.min)]! += this.count;
  }

  private binOf(value: number): number {
    return Math.min(BINS - 1, Math.floor((value - this.lo) * (BINS / (this.hi - this.lo))));
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** The p-th percentile (0–100), interpolated within its bin. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    if (!(this.max > this.min)) return this.min;
    const rank = (p / 100) * this.count;
    const below = [...this.below].sort((a, b) => a - b);
    if (rank <= below.length) return below[Math.max(0, Math.ceil(rank) - 1)]!;
    let seen = below.length;
    const width = (this.hi - this.lo) / BINS;
    for (let i = 0; i < BINS; i++) {
      const inBin = this.bins[i]!;
      if (inBin > 0 && seen + inBin >= rank) return this.lo + (i + (rank - seen) / inBin) * width;
      seen += inBin;
    }
    const above = [...this.above].sort((a, b) => a - b);
    return above[Math.min(above.length - 1, Math.max(0, Math.ceil(rank - seen) - 1))] ?? this.max;
  }

  /** Counts in `columns` equal intervals between min and max, for a terminal histogram. */
  histogram(columns: number): number[] {
    const counts = new Array<number>(columns).fill(0);
    if (!this.ranged) {
      counts[0] = this.count; // one value throughout
      return counts;
    }
    const span = this.max - this.min;
    const column = (value: number) => (span > 0 ? Math.min(columns - 1, Math.floor(((value - this.min) / span) * columns)) : 0);
    const width = (this.hi - this.lo) / BINS;
    for (let i = 0; i < BINS; i++) if (this.bins[i]! > 0) counts[column(this.lo + (i + 0.5) * width)]! += this.bins[i]!;
    for (const value of [...this.below, ...this.above]) counts[column(value)]!++;
    return counts;
  }
}
