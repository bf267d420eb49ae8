// A scheduled program in the memory of its own kernels.wat instance, laid out
// once (the program and its constants, the quantiles, the vectors, a statistics
// record and bins per tallied output, room for a chunk's outliers) and run
// chunk by chunk.
import { instantiateKernels, Layout, OUTLIER_BYTES, STEP_BYTES } from './kernels.js';
import { encode, type Schedule } from './program.js';
import { BINS_BYTES, RECORD_BYTES, TalliedStats } from './stats.js';

export interface Machine {
  /** The tallied outputs' statistics, in the schedule's order. */
  readonly stats: readonly TalliedStats[];
  /** Starts a chunk of `length` samples (at most the size): draws its quantiles. */
  start(length: number): void;
  /** An input's quantiles in the chunk. */
  quantiles(input: number): Float64Array;
  /** A given or kept slot's samples in the chunk (given slots are filled before run). */
  vector(slot: number): Float64Array;
  /** Runs the program on the chunk. */
  run(): void;
}

export function loadMachine(plan: Schedule, { size, inputs, tallied, seed }: { size: number; inputs: number; tallied: number; seed: number }): Machine {
  const layout = new Layout();
  const constants = layout.reserve(plan.ops.length * 9 * 8);
  const program = layout.reserve(plan.ops.length * STEP_BYTES);
  // Room for an even number of samples: kernels.wat takes them two at a time.
  const stride = (size + (size & 1)) * 8;
  const [quantilesAt, vectorsAt] = [layout.reserve(inputs * stride), layout.reserve(plan.vectors * stride)];
  const [recordsAt, binsAt] = [layout.reserve(tallied * RECORD_BYTES), layout.reserve(tallied * BINS_BYTES)];
  // Room for every sample of every output: pages never touched cost nothing.
  const outliersAt = layout.reserve(tallied * size * OUTLIER_BYTES);
  const kernels = instantiateKernels(layout);
  const { buffer } = kernels.memory;

  const f64 = new Float64Array(buffer);
  let constant = constants / 8;
  const code = encode(plan, {
    vector: (index) => vectorsAt + index * stride,
    quantiles: (input) => quantilesAt + input * stride,
    record: (output) => recordsAt + output * RECORD_BYTES,
    constant: (values) => {
      f64.set(values, constant);
      constant += values.length;
      return (constant - values.length) * 8;
    },
  });
  new Int32Array(buffer).set(code, program / 4);
  const stats = Array.from({ length: tallied }, (_, k) => new TalliedStats(kernels, recordsAt + k * RECORD_BYTES, binsAt + k * BINS_BYTES));
  const statsAt = new Map(stats.map((stat, k) => [recordsAt + k * RECORD_BYTES, stat]));
  kernels.seed(seed);

  // Views of the vectors, made once (and again for a shorter last chunk), not per chunk.
  const viewsOf = (length: number) => ({
    length,
    vectors: Array.from({ length: plan.vectors }, (_, index) => new Float64Array(buffer, vectorsAt + index * stride, length)),
    quantiles: Array.from({ length: inputs }, (_, k) => new Float64Array(buffer, quantilesAt + k * stride, length)),
  });
  let views = viewsOf(size);
  const outliers = new DataView(buffer, outliersAt);
  return {
    stats,
    start(length) {
      if (length !== views.length) views = viewsOf(length);
      kernels.draw(quantilesAt, inputs, length, stride);
    },
    quantiles: (input) => views.quantiles[input]!,
    vector: (slot) => views.vectors[plan.vectorOf.get(slot)!]!,
    run() {
      const count = kernels.run(program, plan.ops.length, views.length, outliersAt);
      for (let i = 0; i < count; i++) statsAt.get(outliers.getInt32(i * OUTLIER_BYTES + 8, true))!.keep(outliers.getFloat64(i * OUTLIER_BYTES, true));
    },
  };
}
