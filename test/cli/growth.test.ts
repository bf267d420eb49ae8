// Growth, not speed: each class of large input (large-inputs.ts) is run at n, 2n
// and 4n, and the cost at 4n must be under 8 times the cost at n. Linear work
// gives about 4; work that grows with the square of the input gives 16.
//
// The cost is CPU time (user + system) of this process, not time on the clock: a
// process waiting for a core (a load of 15 on 2 cores) accrues none. The runs
// are in this process (no start-up in the figures), interleaved, after a
// warm-up, and each size keeps its least of three: noise only ever adds cost, so
// the least is the closest to the work itself. When the ratio is not under the
// limit, up to EXTRA_ROUNDS more rounds are run (a burst of load, a collection
// at the wrong moment): they can only lower each size's least cost, and a
// quadratic class stays near 16 however many there are. A class whose work
// stops at a limit costs a few milliseconds at every size: below FLOOR_MS, costs
// are noise, and the cost at n counts as FLOOR_MS. Absolute times are never asserted.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runCli } from './in-process.js';
import { SIZE_CLASSES, type SizeClass } from './large-inputs.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-growth-'));
const SCALES = [1, 2, 4];
const LIMIT = 8;
const ROUNDS = 3;
const EXTRA_ROUNDS = 6;
const FLOOR_MS = 20;

/**
 * Milliseconds of CPU time this process has used. In a worker thread the
 * process's CPU time would include the other workers' tests: there, clock time.
 */
const costNow = isMainThread
  ? () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    }
  : () => performance.now();

async function costOf(size: SizeClass, n: number): Promise<number> {
  const file = join(folder, `${size.name.replace(/\W+/g, '-')}-${n}.yaml`);
  writeFileSync(file, size.yaml(n));
  const args = size.args?.(file, n) ?? ['forecast', file, '-f', 'json'];
  const start = costNow();
  const result = await runCli(args);
  const cost = costNow() - start;
  // Whatever the class, the answer is an answer: a result or located problems, never a crash.
  expect([0, 2], result.stderr.slice(0, 500)).toContain(result.code);
  return cost;
}

describe(`large inputs grow linearly (cost at 4n under ${LIMIT} × cost at n)`, () => {
  it.each(SIZE_CLASSES.map((size) => [size.name, size] as const))('%s', async (_, size) => {
    await costOf(size, size.base); // warm-up: compile the code paths first
    const least = SCALES.map(() => Infinity);
    const ratio = () => least[least.length - 1]! / Math.max(least[0]!, FLOOR_MS);
    for (let round = 0; round < ROUNDS + EXTRA_ROUNDS && (round < ROUNDS || ratio() >= LIMIT); round++) {
      for (const [i, scale] of SCALES.entries()) least[i] = Math.min(least[i]!, await costOf(size, size.base * scale));
    }
    const sizes = SCALES.map((s) => s * size.base).join(' / ');
    const costs = least.map((t) => t.toFixed(0)).join(' / ');
    expect(ratio(), `${size.name}: ${costs} ms of CPU at ${sizes}`).toBeLessThan(LIMIT);
  });
});
