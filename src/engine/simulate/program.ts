// The program kernels.wat runs on every chunk of samples: the draws, the
// recorded steps, and each output's tally right after the step that makes it.
// A slot's samples live in a vector only from that step to their last use, and
// the vector is then reused: the baseline's 222 slots need 29 vectors. Memory
// touched for the first time is slow to come (a page fault per 4 KiB), and a
// small set of vectors stays in cache.
import { LANES, OPCODES, STEP, writeStruct, type Opcode } from './layout.js';
import { Slot, type Step, type Traced } from './tracing.js';

/** One operation of the program; slots are still slots, numbers constants. */
export interface Op {
  readonly op: Opcode;
  /** The slot written (none for a tally). */
  readonly out?: number;
  /** A slot, a constant, or (for a draw) the index of the input whose quantiles it takes. */
  readonly a: Traced | { readonly quantiles: number };
  readonly b: Traced;
  /** cagr's periods, a draw's parameters, or a tally's output (by its index). */
  readonly extra: number | readonly number[];
}

export interface Schedule {
  readonly ops: readonly Op[];
  /** The vector each slot's samples are in while they live. */
  readonly vectorOf: ReadonlyMap<number, number>;
  readonly vectors: number;
}

/**
 * Orders the program and gives each slot a vector. `given` slots are filled
 * before the program runs (PERT draws, by JavaScript); `kept` slots keep their
 * vector to the end of the chunk (for whoever watches the chunks); `tallied`
 * slots are tallied, output k into record k.
 */
export function schedule(
  draws: readonly Op[],
  steps: readonly Step[],
  given: readonly number[],
  tallied: readonly number[],
  kept: ReadonlySet<number>,
): Schedule {
  const tallyOf = new Map(
    tallied.map((slot, k): [number, Op] => [slot, { op: 'tally', a: new Slot(slot), b: 0, extra: k }]),
  );
  const ops: Op[] = [...given.flatMap((slot) => tallyOf.get(slot) ?? [])];
  for (const op of [...draws, ...steps.map(({ op, a, b, periods, out }): Op => ({ op, out, a, b, extra: periods }))]) {
    ops.push(op);
    const tally = op.out === undefined ? undefined : tallyOf.get(op.out);
    if (tally) ops.push(tally);
  }
  const lastUse = new Map<number, number>();
  ops.forEach(({ a, b }, at) => {
    for (const operand of [a, b]) if (operand instanceof Slot) lastUse.set(operand.index, at);
  });

  const vectorOf = new Map<number, number>();
  const free: number[] = [];
  let vectors = 0;
  const place = (slot: number) => vectorOf.set(slot, free.pop() ?? vectors++);
  given.forEach(place);
  ops.forEach(({ out, a, b }, at) => {
    // The output is placed before the operands are freed: a kernel never writes a vector it reads.
    if (out !== undefined) place(out);
    // Once per slot: an operation may read one slot twice (x·x).
    for (const slot of new Set([a, b].filter((operand) => operand instanceof Slot).map((operand) => operand.index))) {
      if (lastUse.get(slot) === at && !kept.has(slot)) free.push(vectorOf.get(slot)!);
    }
  });
  return { ops, vectorOf, vectors };
}

/** The addresses a program is written with. */
export interface Addresses {
  vector(index: number): number;
  quantiles(input: number): number;
  record(output: number): number;
  /** Where some constants go (f64 each). */
  constant(values: readonly number[]): number;
}

/** The program as kernels.wat reads it: a STEP per operation. */
export function encode({ ops, vectorOf }: Schedule, at: Addresses): Uint8Array {
  const operand = (value: Op['a']): [address: number, stride: number] => {
    // A constant is read a pair of samples at a time, with stride 0: written once per lane.
    if (typeof value === 'number') return [at.constant(new Array<number>(LANES).fill(value)), 0];
    return [value instanceof Slot ? at.vector(vectorOf.get(value.index)!) : at.quantiles(value.quantiles), 8];
  };
  const code = new Uint8Array(ops.length * STEP.bytes);
  const view = new DataView(code.buffer);
  ops.forEach(({ op, out, a, b, extra }, i) => {
    const extraValue = typeof extra !== 'number' ? at.constant(extra) : op === 'tally' ? at.record(extra) : extra;
    const [[aAt, strideA], [bAt, strideB]] = [operand(a), operand(b)];
    const outAt = out === undefined ? 0 : at.vector(vectorOf.get(out)!);
    const step = { op: OPCODES[op], out: outAt, a: aAt, strideA, b: bAt, strideB, extra: extraValue };
    writeStruct(view, i * STEP.bytes, STEP, step);
  });
  return code;
}
