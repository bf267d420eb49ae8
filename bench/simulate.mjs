// simulate benchmark: the baseline at N = 10 000 / 100 000 / 1 000 000 as whole
// processes, against a floor measured in the same script: a hand-written
// Float64Array loop of the market and profit formulas (bench/floor-simulate.mjs).
// Then the default command at 100 000 samples, every table, against node -e 0.
// Wall time is the median of paired runs of the bare commands; peak memory
// (maxRSS) comes from separate runs under bench/measure.mjs, whose own loading
// would otherwise count in the time.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const MEASURE = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const FLOOR = fileURLToPath(new URL('./floor-simulate.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function peakMiB(args) {
  const options = { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' };
  const result = spawnSync(process.execPath, [MEASURE, ...args], options);
  if (result.status !== 0) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return Number(/maxRSS (\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1024;
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

console.log(`simulate, baseline, -t market,profit -f json, ${RUNS} paired runs each, node ${process.version}`);
for (const n of [10_000, 100_000, 1_000_000]) {
  const simulate = [BIN, 'simulate', '-n', String(n), '--seed', '1', '-t', 'market,profit', '-f', 'json'];
  const floor = [FLOOR, String(n)];
  time(simulate); // warm the file cache
  const [ours, theirs, ratios] = [[], [], []];
  for (let i = 0; i < RUNS; i++) {
    ours.push(time(simulate));
    theirs.push(time(floor));
    ratios.push(ours.at(-1) / theirs.at(-1));
  }
  const mib = Math.max(peakMiB(simulate), peakMiB(simulate));
  console.log(
    `  N=${String(n).padEnd(8)} simulate ${median(ours).toFixed(0).padStart(4)} ms, peak ${mib.toFixed(0)} MiB; `
      + `floor ${median(theirs).toFixed(0).padStart(4)} ms; ratio ${median(ratios).toFixed(2)}×`,
  );
}
// The done-when: the default command (every table), against Node's own start.
const doneWhen = [BIN, 'simulate', '-n', '100000', '--seed', '7'];
const [full, bare] = [[], []];
time(doneWhen);
for (let i = 0; i < RUNS * 2; i++) {
  full.push(time(doneWhen));
  bare.push(time(['-e', '0']));
}
console.log(
  `  simulate -n 100000 --seed 7 (every table) ${median(full).toFixed(0)} ms, `
    + `peak ${peakMiB(doneWhen).toFixed(0)} MiB; node -e 0 ${median(bare).toFixed(0)} ms`,
);
console.log('targets: 1 000 000 samples ≤ 1.6× the floor and ≤ 120 MiB; 100 000 samples ≤ 250 ms');
