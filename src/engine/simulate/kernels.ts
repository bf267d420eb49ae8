// The WebAssembly half of simulate's float64 back-end (kernels.wat, compiled into
// kernels.wasm.ts by `npm run wasm`): the module is compiled once; each simulation
// gets an instance, whose memory it lays out (layout.ts) before taking any view
// of it (a view does not survive the memory growing).
import { KERNELS_WASM } from './kernels.wasm.js';
import { DRAW_PARAMETER_BYTES, Layout, LANES, OPCODES, STEP, writeStruct, type Opcode } from './layout.js';

/** kernels.wat's exports. Addresses are byte offsets into `memory`. */
export interface Kernels {
  readonly memory: WebAssembly.Memory;
  /** Seeds the generator: `seed` is a whole number from 0 to 2^53 − 1, mixed by splitmix64. */
  seed(seed: number): void;
  nextUnit(): number;
  /** n samples of `inputs` quantiles: input k's at `at` + k·stride. */
  draw(at: number, inputs: number, n: number, stride: number): void;
  /** The program: `count` steps (STEP) at `at`, on n samples; returns the outliers (OUTLIER) it wrote at `outliers`. */
  run(at: number, count: number, n: number, outliers: number): number;
  /** The value at `rank` in a record's bins, `seen` samples being below them; NaN if above. */
  binPercentile(record: number, rank: number, seen: number): number;
}

const PAGE = 65536;

let compiled: WebAssembly.Module | undefined;

/** base64 to bytes: atob gives one char per byte. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An instance whose memory has room for `layout`. */
export function instantiateKernels(layout: Layout = new Layout()): Kernels {
  compiled ??= new WebAssembly.Module(bytesOf(KERNELS_WASM));
  const imports = { math: { cbrt: Math.cbrt, pow: Math.pow } };
  const kernels = new WebAssembly.Instance(compiled, imports).exports as unknown as Kernels;
  const missing = layout.size - kernels.memory.buffer.byteLength;
  if (missing > 0) kernels.memory.grow(Math.ceil(missing / PAGE));
  return kernels;
}

/** One operation on numbers: a, b and `extra` (a number, or the parameters of a draw). */
export type Evaluate = (
  op: Exclude<Opcode, 'tally'>,
  a: number,
  b: number,
  extra?: number | readonly number[],
) => number;

/**
 * Evaluates one operation by running it as a step on one sample, in an
 * instance of its own, so that each float64 formula is written once, in kernels.wat.
 */
export function evaluator(): Evaluate {
  const layout = new Layout();
  const step = layout.reserve(STEP.bytes);
  // a, b and the result, each with room for the second sample run takes along
  const [a, b, out] = [layout.reserve(LANES * 8), layout.reserve(LANES * 8), layout.reserve(LANES * 8)];
  const parameters = layout.reserve(DRAW_PARAMETER_BYTES);
  const kernels = instantiateKernels(layout);
  const memory = new DataView(kernels.memory.buffer);
  const f64 = new Float64Array(kernels.memory.buffer);
  // The same step every time but for its op and extra (evaluate runs hundreds of times while tracing).
  writeStruct(memory, step, STEP, { op: 0, out, a, strideA: 0, b, strideB: 0, extra: 0 });
  return (op, x, y, extra = 0) => {
    [f64[a / 8], f64[b / 8]] = [x, y];
    if (typeof extra !== 'number') f64.set(extra, parameters / 8);
    memory.setInt32(step + STEP.offset.op, OPCODES[op], true);
    memory.setInt32(step + STEP.offset.extra, typeof extra === 'number' ? extra : parameters, true);
    kernels.run(step, 1, 1, 0);
    return f64[out / 8]!;
  };
}
