// Start-up benchmark (npm run bench): cold runs of each everyday command against
// `node -e 0`, as whole processes. Each command is timed right beside a run of
// `node -e 0` (which of the two goes first alternates), so both see the same
// machine load; the figure is the median of the per-pair ratios. A scenario
// given by path is read as a user's file, with the YAML parser (the bundled
// scenarios, given by name, are precompiled at build).
//   BENCH_RUNS=n     pairs per command (default 30)
//   BENCH_ONLY=a,b   only the commands whose names contain one of these words
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// FINTECH_CALC_BIN: another copy, e.g. the bin of a package installed from `npm pack`.
const BIN = process.env.FINTECH_CALC_BIN ?? fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const ONLY = process.env.BENCH_ONLY?.split(',');

const FILE = 'scenarios/baseline.yaml';

/** Each command, its exit code and its target: a ratio to `node -e 0` (none: shown, not judged). */
const COMMANDS = [
  { name: 'forecast', args: ['forecast'], target: 1.5 },
  { name: `forecast ${FILE}`, args: ['forecast', FILE] },
  { name: 'diff baseline bank-led', args: ['diff', 'baseline', 'bank-led'], exit: 1, target: 1.6 },
  { name: `validate ${FILE}`, args: ['validate', FILE], target: 1.6 },
  { name: 'explain profit.increment.2023', args: ['explain', 'profit.increment.2023'], target: 1.6 },
  { name: 'check', args: ['check'], target: 1.6 },
  { name: 'list', args: ['list'], target: 1.6 },
  { name: '--help', args: ['--help'], target: 1.6 },
].filter(({ name }) => ONLY === undefined || ONLY.some((word) => name.includes(word)));

const REFERENCE = ['-e', '0'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function time(args, exit = 0) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== exit) throw new Error(`node ${args.join(' ')}: exit ${result.status} (expected ${exit}): ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Warm the file cache once; every measured run is still a fresh process.
time(REFERENCE);
for (const { args, exit } of COMMANDS) time([BIN, ...args], exit);

const measured = COMMANDS.map((command) => ({ ...command, ms: [], reference: [], ratios: [] }));
// Rounds over every command, rather than all pairs of one command then the next:
// a minute of heavier load then weighs on every command alike.
for (let round = 0; round < RUNS; round++) {
  for (const command of measured) {
    const referenceFirst = round % 2 === 0;
    const reference = referenceFirst ? time(REFERENCE) : undefined;
    const ms = time([BIN, ...command.args], command.exit);
    const after = referenceFirst ? reference : time(REFERENCE);
    command.ms.push(ms);
    command.reference.push(after);
    command.ratios.push(ms / after);
  }
}

const allReference = measured.flatMap(({ reference }) => reference);
console.log(`start-up, ${RUNS} pairs per command, node ${process.version}; node -e 0: median ${median(allReference).toFixed(1)} ms`);
console.log(`  ${'fintech-calc …'.padEnd(32)} ${'median'.padStart(9)}  ${'ratio'.padStart(6)}  target`);
let over = 0;
for (const { name, ms, ratios, target } of measured) {
  const ratio = median(ratios);
  const verdict = target === undefined ? '' : ratio <= target ? `≤ ${target}×  ok` : `≤ ${target}×  OVER TARGET`;
  if (ratio > target) over++;
  console.log(`  ${name.padEnd(32)} ${`${median(ms).toFixed(1)} ms`.padStart(9)}  ${`${ratio.toFixed(2)}×`.padStart(6)}  ${verdict}`);
}
console.log(over === 0 ? 'every command within its target' : `${over} command(s) over target`);
