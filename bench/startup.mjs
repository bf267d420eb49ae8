// Start-up benchmark (npm run bench): cold runs of each everyday command against
// `node -e 0`, as whole processes. Each command is timed right beside a run of
// `node -e 0` (which of the two goes first alternates), so both see the same
// machine load; the figure is the median of the per-pair ratios. A scenario
// given by path is read as a user's file, with the YAML parser (the bundled
// scenarios, given by name, are precompiled at build).
// On a shared, loaded machine the wall-clock ratio moves by ±0.05; two figures
// that load hardly moves are printed beside it:
// - CPU time (user + system) of the same runs, on Linux: the children's times in
//   /proc/self/stat, summed over all pairs (the kernel counts them in ticks of
//   10 ms, exact in the sum); waiting for a core is not in it.
// - Instructions, counted once per command by valgrind (cachegrind) when it is
//   installed: the same within ±1% from run to run, whatever the load.
//   BENCH_RUNS=n            pairs per command (default 30)
//   BENCH_ONLY=a,b          only the commands whose names contain one of these words
//   BENCH_INSTRUCTIONS=0    skip the instruction counts (each takes ~10 s under valgrind)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** CPU time (user + system, in ticks) of this process's children that have ended, or undefined off Linux. */
function childrenTicks() {
  try {
    // The fields after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync('/proc/self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[13]) + Number(fields[14]); // cutime, cstime
  } catch {
    return undefined;
  }
}

/** One cold run: its wall-clock time (ms) and CPU time (ticks, or NaN off Linux). */
function time(args, exit = 0) {
  const ticks = childrenTicks();
  const start = process.hrtime.bigint();
  const options = { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' };
  const result = spawnSync(process.execPath, args, options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== exit) {
    throw new Error(`node ${args.join(' ')}: exit ${result.status} (expected ${exit}): ${result.stderr}`);
  }
  return { ms, cpu: ticks === undefined ? NaN : childrenTicks() - ticks };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Warm the file cache once; every measured run is still a fresh process.
time(REFERENCE);
for (const { args, exit } of COMMANDS) time([BIN, ...args], exit);

const measured = COMMANDS.map((command) => ({
  ...command,
  ms: [],
  reference: [],
  ratios: [],
  cpu: 0,
  referenceCpu: 0,
}));
// Rounds over every command, rather than all pairs of one command then the next:
// a minute of heavier load then weighs on every command alike.
for (let round = 0; round < RUNS; round++) {
  for (const command of measured) {
    const referenceFirst = round % 2 === 0;
    const before = referenceFirst ? time(REFERENCE) : undefined;
    const run = time([BIN, ...command.args], command.exit);
    const reference = before ?? time(REFERENCE);
    command.ms.push(run.ms);
    command.reference.push(reference.ms);
    command.ratios.push(run.ms / reference.ms);
    command.cpu += run.cpu;
    command.referenceCpu += reference.cpu;
  }
}

/** Instructions of one run counted by cachegrind, or undefined without valgrind. */
function instructions(args, exit = 0) {
  const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-bench-'));
  try {
    const valgrind = ['--tool=cachegrind', '--cache-sim=no', `--cachegrind-out-file=${join(folder, 'out')}`];
    const result = spawnSync('valgrind', [...valgrind, process.execPath, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(result.stderr ?? '');
    return result.status === exit && refs ? Number(refs[1].replaceAll(',', '')) : undefined;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const counting = process.env.BENCH_INSTRUCTIONS !== '0' && instructions(REFERENCE) !== undefined;
const referenceInstructions = counting ? instructions(REFERENCE) : undefined;

const allReference = measured.flatMap(({ reference }) => reference);
const cpuKnown = measured.every(({ cpu }) => !Number.isNaN(cpu));
console.log(
  `start-up, ${RUNS} pairs per command, node ${process.version}; ` +
    `node -e 0: median ${median(allReference).toFixed(1)} ms` +
    (referenceInstructions ? `, ${(referenceInstructions / 1e6).toFixed(0)} M instructions` : ''),
);
console.log(
  `  ${'fintech-calc …'.padEnd(32)} ${'median'.padStart(9)}  ${'ratio'.padStart(6)}  ` +
    `${cpuKnown ? 'cpu ratio  ' : ''}${counting ? 'instructions     ' : ''}target`,
);
let over = 0;
for (const { name, args, exit, ms, ratios, target, cpu, referenceCpu } of measured) {
  const ratio = median(ratios);
  const verdict = target === undefined ? '' : ratio <= target ? `≤ ${target}×  ok` : `≤ ${target}×  OVER TARGET`;
  if (ratio > target) over++;
  const cpuRatio = cpuKnown ? `${`${(cpu / referenceCpu).toFixed(2)}×`.padStart(9)}  ` : '';
  const count = counting ? instructions([BIN, ...args], exit) : undefined;
  const countText = count ? `${(count / 1e6).toFixed(0)} M ${(count / referenceInstructions).toFixed(2)}×` : '?';
  const counted = counting ? countText.padEnd(17) : '';
  const wall = `${median(ms).toFixed(1)} ms`.padStart(9);
  console.log(`  ${name.padEnd(32)} ${wall}  ${`${ratio.toFixed(2)}×`.padStart(6)}  ${cpuRatio}${counted}${verdict}`);
}
console.log(over === 0 ? 'every command within its target' : `${over} command(s) over target`);
if (cpuKnown) console.log('cpu ratio: user + system time of the same runs, summed, over that of node -e 0');
if (counting) {
  console.log('instructions: one run each under valgrind --tool=cachegrind (±1% between runs, whatever the load)');
}
