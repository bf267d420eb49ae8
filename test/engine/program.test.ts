// program.ts: a slot's vector is not given to another slot while it is still read.
import { describe, expect, it } from 'vitest';
import { Slot, type Step } from '../../src/engine/calc/calc.js';
import { schedule } from '../../src/engine/simulate/program.js';

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
