// Start-up benchmark (npm run bench): a cold `fintech-calc forecast` of the
// baseline against `node -e 0`, as whole processes, in alternating pairs so both
// see the same machine load. Reports the median of each and the median ratio.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// FINTECH_CALC_BIN: another copy, e.g. the bin of a package installed from `npm pack`.
const BIN = process.env.FINTECH_CALC_BIN ?? fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET = 1.5;

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const commands = {
  'node -e 0': ['-e', '0'],
  'fintech-calc forecast': [BIN, 'forecast'],
  'fintech-calc --help': [BIN, '--help'],
};
// Warm the file cache once; every measured run is still a fresh process.
for (const args of Object.values(commands)) time(args);

const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
const ratios = { 'fintech-calc forecast': [], 'fintech-calc --help': [] };
for (let i = 0; i < RUNS; i++) {
  const reference = time(commands['node -e 0']);
  samples['node -e 0'].push(reference);
  for (const name of Object.keys(ratios)) {
    const ms = time(commands[name]);
    samples[name].push(ms);
    ratios[name].push(ms / reference);
  }
}

console.log(`start-up, ${RUNS} paired runs, node ${process.version}`);
for (const [name, values] of Object.entries(samples)) {
  const ratio = ratios[name] ? `  ratio ${median(ratios[name]).toFixed(2)}×` : '';
  console.log(`  ${name.padEnd(24)} median ${median(values).toFixed(1)} ms${ratio}`);
}
const forecastRatio = median(ratios['fintech-calc forecast']);
console.log(`forecast / node -e 0 = ${forecastRatio.toFixed(2)}× (target ≤ ${TARGET}×): ${forecastRatio <= TARGET ? 'ok' : 'OVER TARGET'}`);
