// The WebAssembly half of simulate's float64 back-end (kernels.wat): the module
// is compiled once; each simulation gets an instance, whose memory it lays out
// before taking any view of it (a view does not survive the memory growing).
import wasm from './kernels.wat';

/** kernels.wat's exports. Addresses are byte offsets into `memory`. */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** Seeds the generator: `seed` is a whole number from 0 to 2^53 − 1, mixed by splitmix64. */
  seed(seed: number): void;
  nextUnit(): number;
  /** n samples of `inputs` quantiles: input k's at `at` + k·stride. */
  draw(at: number, inputs: number, n: number, stride: number): void;
  /** The program: `count` steps of STEP_BYTES at `at`, on n samples; returns the outliers it wrote at `outliers`. */
  run(at: number, count: number, n: number, outliers: number): number;
  /** The value at `rank` in a record's bins, `seen` samples being below them; NaN if above. */
  binPercentile(record: number, rank: number, seen: number): number;
}

/** An operation of the program as kernels.wat numbers it: draws, formulas, and the statistics' tally. */
export const OPCODES = { triangular: 0, uniform: 1, add: 2, sub: 3, mul: 4, shareOf: 5, growth: 6, cagr: 7, tally: 8 } as const;
export type Opcode = keyof typeof OPCODES;
export const STEP_BYTES = 32;
/** An outlier as run writes it: f64 value, i32 record, 4 bytes unused. */
export const OUTLIER_BYTES = 16;
/** The generator's state, then room for one step on one sample (evaluate). */
const STATE_BYTES = 16;
const SCRATCH_BYTES = STEP_BYTES + 11 * 8;
const PAGE = 65536;

let compiled: WebAssembly.Module | undefined;

/** An instance whose memory has room for `layout`. */
export function instantiateKernels(layout?: Layout): Kernels {
  compiled ??= new WebAssembly.Module(wasm);
  const kernels = new WebAssembly.Instance(compiled, { math: { cbrt: Math.cbrt, pow: Math.pow } }).exports as unknown as Kernels;
  const missing = (layout?.size ?? 0) - kernels.memory.buffer.byteLength;
  if (missing > 0) kernels.memory.grow(Math.ceil(missing / PAGE));
  return kernels;
}

/** Hands out memory in order, 8-byte aligned, after the generator's state and the scratch step. */
export class Layout {
  size = STATE_BYTES + SCRATCH_BYTES;

  reserve(bytes: number): number {
    const at = this.size;
    this.size += Math.ceil(bytes / 8) * 8;
    return at;
  }
}

/** One operation on numbers: a, b and `extra` (a number, or the parameters of a draw). */
export type Evaluate = (op: Exclude<Opcode, 'tally'>, a: number, b: number, extra?: number | readonly number[]) => number;

/**
 * Evaluates one operation by running it as a step on one sample, so that each
 * float64 formula is written once, in kernels.wat. (Make it after the memory
 * has its size.)
 */
export function evaluator(kernels: Kernels): Evaluate {
  const { buffer } = kernels.memory;
  const step = new Int32Array(buffer, STATE_BYTES, STEP_BYTES / 4);
  // a, b and the result, each with room for the second sample run takes along; then up to 5 parameters
  const values = new Float64Array(buffer, STATE_BYTES + STEP_BYTES, 11);
  const address = (index: number) => values.byteOffset + index * 8;
  return (op, a, b, extra = 0) => {
    [values[0], values[2]] = [a, b];
    if (typeof extra !== 'number') values.set(extra, 6);
    step.set([OPCODES[op], address(4), address(0), 0, address(2), 0, typeof extra === 'number' ? extra : address(6)]);
    kernels.run(step.byteOffset, 1, 1, 0);
    return values[4]!;
  };
}
