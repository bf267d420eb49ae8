// Which input drives an output's uncertainty: each sampled input's first-order
// Sobol index, Var(E[Y | Xᵢ]) / Var(Y), the share of the output's variance its
// input explains alone. An input's quantile q is uniform on [0, 1), so B equal
// bins of q are equally likely: E[Y | Xᵢ] is estimated by the mean of Y in the
// bin of qᵢ, and the variance between the bins' means, less what the
// samples' own noise puts there (one-way analysis of variance: (B − 1) times
// the mean square within the bins), is Var(E[Y | Xᵢ]). It streams: sums and
// counts per input and bin, the same for any chunk size. With correlated
// inputs an index also holds what the input shares with those it moves with, so
// the indices may sum to more than 1; with interactions, to less.

/** Equal-probability bins of each input's quantile: √n of them, from 2 to 64. */
export function contributionBins(samples: number): number {
  return Math.max(2, Math.min(64, Math.floor(Math.sqrt(samples))));
}

export class ContributionTally {
  private readonly sums: Float64Array[];
  private readonly counts: Float64Array[];
  private total = { count: 0, sum: 0, squares: 0 };
  /** Sums are of y − shift (the first value seen): sums of values near 0 keep their digits. */
  private shift = NaN;
  private scratch = new Float64Array(0);

  constructor(
    inputs: number,
    private readonly bins: number,
  ) {
    this.sums = Array.from({ length: inputs }, () => new Float64Array(bins));
    this.counts = Array.from({ length: inputs }, () => new Float64Array(bins));
  }

  /** One chunk: the output's samples and each input's quantiles. */
  add(values: number | Float64Array, quantiles: readonly Float64Array[], length: number): void {
    if (typeof values === 'number') return; // no draw moves it: no variance to share
    if (this.scratch.length < length) this.scratch = new Float64Array(length);
    const y = this.scratch;
    for (let i = 0; i < length; i++) {
      const value = values[i]!;
      if (Number.isNaN(this.shift) && !Number.isNaN(value)) this.shift = value;
      y[i] = value - this.shift;
      if (Number.isNaN(y[i]!)) continue;
      this.total.count++;
      this.total.sum += y[i]!;
      this.total.squares += y[i]! * y[i]!;
    }
    quantiles.forEach((q, k) => {
      const [sums, counts] = [this.sums[k]!, this.counts[k]!];
      for (let i = 0; i < length; i++) {
        if (Number.isNaN(y[i]!)) continue;
        const bin = Math.min(this.bins - 1, Math.floor(q[i]! * this.bins));
        sums[bin]! += y[i]!;
        counts[bin]!++;
      }
    });
  }

  /** Each input's first-order index, in [0, 1]; 0 for all when the output does not vary. */
  indices(): number[] {
    const { count, sum, squares } = this.total;
    const correction = (sum * sum) / count;
    const total = squares - correction;
    return this.sums.map((sums, k) => {
      if (!(total > 0)) return 0;
      const counts = this.counts[k]!;
      let [between, used] = [-correction, 0];
      for (let b = 0; b < this.bins; b++) {
        if (counts[b]! === 0) continue;
        between += (sums[b]! * sums[b]!) / counts[b]!;
        used++;
      }
      const within = total - between;
      const noise = count > used ? ((used - 1) * within) / (count - used) : 0;
      return Math.min(1, Math.max(0, (between - noise) / total));
    });
  }
}
