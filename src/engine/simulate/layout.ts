// The memory kernels.wat works in, declared once: the opcodes, and the layouts
// of the program's steps, a draw's parameters, an output's statistics record,
// an outlier and the generator's state. kernels.wat writes each offset and size
// as a `{struct.field}` or `{struct.bytes}` placeholder, which scripts/wasm.mjs
// fills in from this table (and refuses a field loaded or stored as another
// type); the TypeScript side reads and writes memory through the same table.

/** How kernels.wat loads and stores a field. */
export type Scalar = 'i32' | 'i64' | 'f64';

const SIZE: Record<Scalar, number> = { i32: 4, i64: 8, f64: 8 };

export interface Struct<F extends string = string> {
  /** The fields in memory order. */
  readonly fields: readonly F[];
  readonly offset: Readonly<Record<F, number>>;
  readonly type: Readonly<Record<F, Scalar>>;
  readonly bytes: number;
}

/** Fields in the order written, each aligned to its size; `bytes` (if given) leaves room after them. */
function struct<F extends string>(type: Record<F, Scalar>, bytes?: number): Struct<F> {
  const fields = Object.keys(type) as F[];
  const offset = {} as Record<F, number>;
  let end = 0;
  for (const field of fields) {
    const size = SIZE[type[field]];
    offset[field] = Math.ceil(end / size) * size;
    end = offset[field] + size;
  }
  if (bytes !== undefined && bytes < end) throw new Error(`internal: a struct of ${end} bytes in ${bytes}`);
  return { fields, offset, type, bytes: bytes ?? Math.ceil(end / 8) * 8 };
}

/** An operation of the program as kernels.wat numbers it (its br_table lists them in this order). */
export const OPCODES = {
  triangular: 0,
  uniform: 1,
  add: 2,
  sub: 3,
  mul: 4,
  shareOf: 5,
  growth: 6,
  cagr: 7,
  divide: 8,
  min: 9,
  max: 10,
  tally: 11,
} as const;
export type Opcode = keyof typeof OPCODES;

/**
 * A step of the program: the opcode, where it writes, its operands (each an
 * address and a stride: 8 for a vector, 0 for a constant) and `extra`: cagr's
 * periods, the address of a draw's parameters or of a tally's record.
 * 32 bytes (8 i32, the last unused).
 */
export const STEP = struct(
  { op: 'i32', out: 'i32', a: 'i32', strideA: 'i32', b: 'i32', strideB: 'i32', extra: 'i32' },
  32,
);

/** A triangular draw's parameters: split = F(base), left = width·(base − low), right = width·(high − base). */
export const TRIANGULAR = struct({ low: 'f64', high: 'f64', split: 'f64', left: 'f64', right: 'f64' });
export const UNIFORM = struct({ low: 'f64', width: 'f64' });
/** Room for the parameters of any draw. */
export const DRAW_PARAMETER_BYTES = Math.max(TRIANGULAR.bytes, UNIFORM.bytes);

/** Bins of an output's histogram, u32 each. */
export const BINS = 4096;
export const BINS_BYTES = BINS * 4;

/**
 * An output's statistics (stats.ts): the histogram's range [lo, hi), the sum,
 * min, max and sum of squares of its samples; how many samples are not NaN,
 * whether the range is set, and the address of its BINS bins. 64 bytes.
 */
export const RECORD = struct(
  {
    lo: 'f64',
    hi: 'f64',
    sum: 'f64',
    min: 'f64',
    max: 'f64',
    squares: 'f64',
    count: 'i32',
    ranged: 'i32',
    bins: 'i32',
  },
  64,
);

/** A sample outside its output's histogram range, as run writes it for stats.ts to keep. */
export const OUTLIER = struct({ value: 'f64', record: 'i32' });

/** xoroshiro128+'s state, at address STATE_AT. */
export const STATE = struct({ s0: 'i64', s1: 'i64' });
export const STATE_AT = 0;

/** Samples of a vector are taken two at a time (f64x2): a constant is written twice, a vector holds an even number. */
export const LANES = 2;

/** What kernels.wat's placeholders stand for: `{struct.field}`, `{struct.bytes}`, `{constant}`, `{opcodes}`. */
export const WAT_NAMES = {
  structs: { step: STEP, triangular: TRIANGULAR, uniform: UNIFORM, record: RECORD, outlier: OUTLIER, state: STATE },
  constants: { bins: BINS, lastBin: BINS - 1, stateAt: STATE_AT },
  opcodes: OPCODES,
};

/** Hands out memory in order, 8-byte aligned, after the generator's state. */
export class Layout {
  size = STATE_AT + STATE.bytes;

  reserve(bytes: number): number {
    const at = this.size;
    this.size += Math.ceil(bytes / 8) * 8;
    return at;
  }
}

interface Access {
  get(view: DataView, at: number): number;
  set(view: DataView, at: number, value: number): void;
}

const ACCESS: Record<Scalar, Access> = {
  i32: { get: (view, at) => view.getInt32(at, true), set: (view, at, value) => view.setInt32(at, value, true) },
  i64: {
    get: (view, at) => Number(view.getBigInt64(at, true)),
    set: (view, at, value) => view.setBigInt64(at, BigInt(value), true),
  },
  f64: { get: (view, at) => view.getFloat64(at, true), set: (view, at, value) => view.setFloat64(at, value, true) },
};

export function writeStruct<F extends string>(
  view: DataView,
  at: number,
  struct: Struct<F>,
  values: Readonly<Record<F, number>>,
): void {
  for (const field of struct.fields) ACCESS[struct.type[field]].set(view, at + struct.offset[field], values[field]);
}

export function readStruct<F extends string>(view: DataView, at: number, struct: Struct<F>): Record<F, number> {
  const values = {} as Record<F, number>;
  for (const field of struct.fields) values[field] = ACCESS[struct.type[field]].get(view, at + struct.offset[field]);
  return values;
}

/** A struct of f64 fields as the list of numbers written from its address on. */
export function f64Fields<F extends string>(struct: Struct<F>, values: Readonly<Record<F, number>>): number[] {
  const list = new Array<number>(struct.bytes / 8).fill(0);
  for (const field of struct.fields) {
    if (struct.type[field] !== 'f64') throw new Error(`internal: ${field} is not f64`);
    list[struct.offset[field] / 8] = values[field];
  }
  return list;
}
