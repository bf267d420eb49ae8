// simulate benchmark: the baseline at N = 10 000 / 100 000 / 1 000 000 as whole
// processes (wall time, peak memory), against a floor measured in the same
// script: a hand-written Float64Array loop of the market and profit formulas
// (bench/floor-simulate.mjs). Median of a few runs each.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const MEASURE = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor-simulate.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function run(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [MEASURE, ...args], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  const rss = Number(/maxRSS (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  return { ms, mib: rss / 1024 };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log(`simulate, baseline, -t market,profit, ${RUNS} runs each, node ${process.version}`);
for (const n of [10_000, 100_000, 1_000_000]) {
  const ours = [];
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(run([BIN, 'simulate', '-n', String(n), '--seed', '1', '-t', 'market,profit', '-f', 'json']));
    floor.push(run([FLOOR, String(n)]));
  }
  const [ms, mib, floorMs] = [median(ours.map((r) => r.ms)), median(ours.map((r) => r.mib)), median(floor.map((r) => r.ms))];
  console.log(`  N=${String(n).padEnd(8)} simulate ${ms.toFixed(0).padStart(5)} ms, peak ${mib.toFixed(0)} MiB; floor ${floorMs.toFixed(0).padStart(4)} ms; ratio ${(ms / floorMs).toFixed(2)}×`);
}
console.log('targets: 1 000 000 samples ≤ 1.6× the floor and ≤ 120 MiB; 100 000 samples ≤ 250 ms');
