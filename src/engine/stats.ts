// Streaming statistics for simulate, in memory that does not grow with the
// number of samples: a first pass finds each output's mean, minimum and maximum,
// a second (the same samples again) fills a histogram of 4096 bins between them;
// percentiles are read from it to within one bin, 1/4096 of the output's range.
export const BINS = 4096;

export class OutputStats {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  readonly bins = new Float64Array(BINS);

  /** First pass: every sample (NaN, an undefined growth or CAGR, is skipped). */
  observe(values: Float64Array): void {
    let { count, sum, min, max } = this;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value !== value) continue; // NaN
      count++;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    Object.assign(this, { count, sum, min, max });
  }

  /** Second pass: the same samples into the histogram. */
  bin(values: Float64Array): void {
    const { min, bins } = this;
    const width = this.max - min;
    if (!(width > 0)) {
      // Every sample has the same value: one bin holds them all.
      for (let i = 0; i < values.length; i++) if (values[i] === values[i]) bins[0]!++;
      return;
    }
    const scale = BINS / width;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value !== value) continue; // NaN
      const index = Math.floor((value - min) * scale);
      bins[index < BINS ? index : BINS - 1]!++;
    }
  }

  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** The p-th percentile (0–100), interpolated within its bin. */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    if (!(this.max > this.min)) return this.min;
    const rank = (p / 100) * this.count;
    const width = (this.max - this.min) / BINS;
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      const inBin = this.bins[i]!;
      if (seen + inBin >= rank && inBin > 0) return this.min + (i + (rank - seen) / inBin) * width;
      seen += inBin;
    }
    return this.max;
  }

  /** Counts in `columns` equal bins between min and max, for a terminal histogram. */
  histogram(columns: number): number[] {
    const counts = new Array<number>(columns).fill(0);
    for (let i = 0; i < BINS; i++) counts[Math.min(columns - 1, Math.floor((i * columns) / BINS))]! += this.bins[i]!;
    return counts;
  }
}
