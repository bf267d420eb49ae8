// Growth, not speed: each class of large input (large-inputs.ts) is run at n, 2n
// and 4n, and the time at 4n must be under 8 times the time at n. Linear work
// gives about 4; work that grows with the square of the input gives 16. The
// runs are in this process (no start-up in the figures), interleaved, after a
// warm-up, and each size keeps its fastest of three, so that a busy machine
// slows every size alike. A class whose work stops at a limit takes a few
// milliseconds at every size: below FLOOR_MS, times are noise, and the time at
// n counts as FLOOR_MS. Absolute times are never asserted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { runCli } from './in-process.js';
import { SIZE_CLASSES, type SizeClass } from './large-inputs.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-growth-'));
const SCALES = [1, 2, 4];
const REPEATS = 3;
const FLOOR_MS = 20;

async function timeOf(size: SizeClass, n: number): Promise<number> {
  const file = join(folder, `${size.name.replace(/\W+/g, '-')}-${n}.yaml`);
  writeFileSync(file, size.yaml(n));
  const args = size.args?.(file, n) ?? ['forecast', file, '-f', 'json'];
  const start = performance.now();
  const result = await runCli(args);
  const elapsed = performance.now() - start;
  // Whatever the class, the answer is an answer: a result or located problems, never a crash.
  expect([0, 2], result.stderr.slice(0, 500)).toContain(result.code);
  return elapsed;
}

describe('large inputs grow linearly (time at 4n under 8 × time at n)', () => {
  it.each(SIZE_CLASSES.map((size) => [size.name, size] as const))('%s', async (_, size) => {
    await timeOf(size, size.base); // warm-up: compile the code paths first
    const fastest = SCALES.map(() => Infinity);
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      for (const [i, scale] of SCALES.entries()) fastest[i] = Math.min(fastest[i]!, await timeOf(size, size.base * scale));
    }
    const [t1, , t4] = fastest;
    expect(t4! / Math.max(t1!, FLOOR_MS), `${size.name}: ${fastest.map((t) => t.toFixed(0)).join(' / ')} ms at ${SCALES.map((s) => s * size.base).join(' / ')}`).toBeLessThan(8);
  });
});
