// A scheduled program in the memory of its own kernels.wat instance, laid out
// once (the program and its constants, the quantiles, the vectors, a statistics
// record and bins per tallied output, room for a chunk's outliers) and run
// chunk by chunk.
import { instantiateKernels } from './kernels.js';
import { BINS_BYTES, DRAW_PARAMETER_BYTES, LANES, Layout, OUTLIER, RECORD, STEP } from './layout.js';
import { encode, type Schedule } from './program.js';
import { Tally } from './stats.js';

export interface Machine {
  /** The tallied outputs, in the schedule's order. */
  readonly tallies: readonly Tally[];
  /** The samples drawn so far. */
  readonly drawn: number;
  /** Starts a chunk of `length` samples (at most the size): draws its quantiles. */
  start(length: number): void;
  /** An input's quantiles in the chunk. */
  quantiles(input: number): Float64Array;
  /** A given or kept slot's samples in the chunk (given slots are filled before run). */
  vector(slot: number): Float64Array;
  /** Runs the program on the chunk. */
  run(): void;
}

export function loadMachine(
  plan: Schedule,
  { size, inputs, tallied, seed }: { size: number; inputs: number; tallied: number; seed: number },
): Machine {
  const layout = new Layout();
  // Per operation at most: each operand once per lane, and a draw's parameters.
  const constants = layout.reserve(plan.ops.length * (2 * LANES * 8 + DRAW_PARAMETER_BYTES));
  const program = layout.reserve(plan.ops.length * STEP.bytes);
  // Room for whole pairs of samples: kernels.wat takes them LANES at a time.
  const stride = Math.ceil(size / LANES) * LANES * 8;
  const [quantilesAt, vectorsAt] = [layout.reserve(inputs * stride), layout.reserve(plan.vectors * stride)];
  const [recordsAt, binsAt] = [layout.reserve(tallied * RECORD.bytes), layout.reserve(tallied * BINS_BYTES)];
  const recordOf = (output: number) => recordsAt + output * RECORD.bytes;
  // Room for every sample of every output: pages never touched cost nothing.
  const outliersAt = layout.reserve(tallied * size * OUTLIER.bytes);
  const kernels = instantiateKernels(layout);
  const { buffer } = kernels.memory;

  const f64 = new Float64Array(buffer);
  let constant = constants / 8;
  const code = encode(plan, {
    vector: (index) => vectorsAt + index * stride,
    quantiles: (input) => quantilesAt + input * stride,
    record: recordOf,
    constant: (values) => {
      f64.set(values, constant);
      constant += values.length;
      return (constant - values.length) * 8;
    },
  });
  new Uint8Array(buffer).set(code, program);
  const tallies = Array.from({ length: tallied }, (_, k) => new Tally(kernels, recordOf(k), binsAt + k * BINS_BYTES));
  const tallyAt = new Map(tallies.map((tally, k) => [recordOf(k), tally]));
  kernels.seed(seed);

  // Views of the vectors, made once (and again for a shorter last chunk), not per chunk.
  const viewsOf = (length: number) => ({
    length,
    vectors: Array.from(
      { length: plan.vectors },
      (_, index) => new Float64Array(buffer, vectorsAt + index * stride, length),
    ),
    quantiles: Array.from({ length: inputs }, (_, k) => new Float64Array(buffer, quantilesAt + k * stride, length)),
  });
  let views = viewsOf(size);
  const outliers = new DataView(buffer, outliersAt);
  let drawn = 0;
  return {
    tallies,
    get drawn() {
      return drawn;
    },
    start(length) {
      drawn += length;
      if (length !== views.length) views = viewsOf(length);
      kernels.draw(quantilesAt, inputs, length, stride);
    },
    quantiles: (input) => views.quantiles[input]!,
    vector: (slot) => views.vectors[plan.vectorOf.get(slot)!]!,
    run() {
      const count = kernels.run(program, plan.ops.length, views.length, outliersAt);
      for (let at = 0; at < count * OUTLIER.bytes; at += OUTLIER.bytes) {
        const tally = tallyAt.get(outliers.getInt32(at + OUTLIER.offset.record, true))!;
        tally.keep(outliers.getFloat64(at + OUTLIER.offset.value, true));
      }
    },
  };
}
