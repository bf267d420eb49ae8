// program.ts: a slot's vector is not given to another slot while it is still read,
// and the program is written as layout.ts's STEPs.
import { describe, expect, it } from 'vitest';
import { OPCODES, readStruct, STEP } from '../../src/engine/simulate/layout.js';
import { encode, schedule } from '../../src/engine/simulate/program.js';
import { Slot, type Step } from '../../src/engine/simulate/tracing.js';

describe('schedule', () => {
  it('frees a vector once, when an operation reads the same slot twice', () => {
    // 0 is given; 1 = 0·0, 2 = 1 + 1, 3 = 2·2, 4 = 3 + 3, 5 = 3 + 4
    const steps: Step[] = [
      { op: 'mul', a: new Slot(0), b: new Slot(0), periods: 0, out: 1 },
      { op: 'add', a: new Slot(1), b: new Slot(1), periods: 0, out: 2 },
      { op: 'mul', a: new Slot(2), b: new Slot(2), periods: 0, out: 3 },
      { op: 'add', a: new Slot(3), b: new Slot(3), periods: 0, out: 4 },
      { op: 'add', a: new Slot(3), b: new Slot(4), periods: 0, out: 5 },
    ];
    const { vectorOf, vectors } = schedule([], steps, [0], [], new Set([5]));
    // Slots 3 and 4 are both read by the last step, and 5 is written while they are read.
    expect(new Set([3, 4, 5].map((slot) => vectorOf.get(slot))).size).toBe(3);
    // Freed vectors are reused: two live at a time before the last step.
    expect(vectors).toBe(3);
  });

  it('keeps the vectors of kept slots to the end', () => {
    const steps: Step[] = [
      { op: 'add', a: new Slot(0), b: 1, periods: 0, out: 1 },
      { op: 'add', a: new Slot(1), b: 1, periods: 0, out: 2 },
      { op: 'add', a: new Slot(2), b: 1, periods: 0, out: 3 },
    ];
    const kept = schedule([], steps, [0], [], new Set([0, 1, 2, 3]));
    expect(new Set(kept.vectorOf.values()).size).toBe(4);
    const reused = schedule([], steps, [0], [], new Set([3]));
    expect(reused.vectors).toBe(2);
  });
});

describe('encode', () => {
  it("writes each operation as a STEP: a vector's stride is 8, a constant's 0 (written once per lane), a tally's " +
    'extra its record', () => {
    const steps: Step[] = [
      { op: 'mul', a: new Slot(0), b: 3, periods: 0, out: 1 },
      { op: 'cagr', a: new Slot(0), b: new Slot(1), periods: 4, out: 2 },
    ];
    const plan = schedule([], steps, [0], [2], new Set());
    const constants: number[][] = [];
    const code = encode(plan, {
      vector: (index) => 1000 + index * 100,
      quantiles: (input) => 5000 + input,
      record: (output) => 9000 + output,
      constant: (values) => constants.push([...values]) * 10_000,
    });
    expect(code.length).toBe(3 * STEP.bytes);
    const view = new DataView(code.buffer);
    const written = [0, 1, 2].map((i) => readStruct(view, i * STEP.bytes, STEP));
    const at = (slot: number) => 1000 + plan.vectorOf.get(slot)! * 100;
    expect(written).toEqual([
      { op: OPCODES.mul, out: at(1), a: at(0), strideA: 8, b: 10_000, strideB: 0, extra: 0 },
      { op: OPCODES.cagr, out: at(2), a: at(0), strideA: 8, b: at(1), strideB: 8, extra: 4 },
      { op: OPCODES.tally, out: 0, a: at(2), strideA: 8, b: 20_000, strideB: 0, extra: 9000 },
    ]);
    expect(constants).toEqual([[3, 3], [0, 0]]);
  });
});
