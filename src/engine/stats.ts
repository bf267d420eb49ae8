// Streaming statistics for simulate, in one pass and in memory that does not
// grow with the number of samples (but for a few outliers): the first chunk of
// samples sets a range (its span, widened by half on each side) for a histogram
// of 4096 bins; later samples outside it are kept exactly. Percentiles are read
// from the histogram to within one bin (1/4096 of that range), or exactly from
// the outliers.
export const BINS = 4096;

export class OutputStats {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  private lo = 0;
  private hi = 0;
  private ranged = false;
  private readonly bins = new Float64Array(BINS);
  private readonly below: number[] = [];
  private readonly above: number[] = [];

  /** Every sample of a chunk (NaN, an undefined growth or CAGR, is skipped). */
  add(values: Float64Array): void {
    if (!this.ranged) this.setRange(values);
    // Many outputs no draw moves (an input without a range, a fixed share): when every
    // sample so far had one value, a plain comparison per sample is enough.
    if (this.min === this.max && this.count > 0) {
      const constant = this.min;
      let i = 0;
      while (i < values.length && values[i] === constant) i++;
      if (i === values.length) {
        this.count += i;
        this.sum += constant * i;
        this.bins[Math.min(BINS - 1, Math.floor((constant - this.lo) * (this.hi > this.lo ? BINS / (this.hi - this.lo) : 0)))]! += i;
        return;
      }
    }
    let { count, sum, min, max } = this;
    const { lo, hi, bins, below, above } = this;
    const scale = hi > lo ? BINS / (hi - lo) : 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value !== value) continue; // NaN
      count++;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
      if (value < lo) below.push(value);
      else if (value > hi) above.push(value);
      else {
        const index = Math.floor((value - lo) * scale);
        bins[index < BINS ? index : BINS - 1]!++;
      }
    }
    Object.assign(this, { count, sum, min, max });
  }

  private setRange(values: Float64Array): void {
    let [min, max] = [Infinity, -Infinity];
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value < min) min = value;
      if (value > max) max = value;
    }
    if (min > max) return; // only NaN so far
    const margin = (max - min) / 2;
    [this.lo, this.hi, this.ranged] = [min - margin, max + margin, true];
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
    const span = this.max - this.min;
    const column = (value: number) => (span > 0 ? Math.min(columns - 1, Math.floor(((value - this.min) / span) * columns)) : 0);
    const width = (this.hi - this.lo) / BINS;
    for (let i = 0; i < BINS; i++) if (this.bins[i]! > 0) counts[column(this.lo + (i + 0.5) * width)]! += this.bins[i]!;
    for (const value of [...this.below, ...this.above]) counts[column(value)]!++;
    return counts;
  }
}
