// Big-scenario benchmark (issue #21 §4): a techSpend scenario of 1000 segments ×
// 50 years (bench/big-scenario.mjs) forecast to JSON, against the same at 250
// segments, as whole processes. Each pair (1000 then 250, or 250 then 1000,
// alternating) sees the same machine load; the figures are medians. Wall time
// comes from the bare commands; CPU time (user + system, less sensitive to the
// load of a shared machine) and peak memory (maxRSS) from runs under
// bench/measure.mjs. Then sensitivity on 480 segments × 5 years, every anchor a
// range, against 120 segments.
//   BENCH_RUNS=n  pairs (default 5)
//   FINTECH_CALC_BIN=path  the CLI to time (another build, to compare)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigScenario } from './big-scenario.mjs';

const BIN = process.env.FINTECH_CALC_BIN ?? fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const MEASURE = fileURLToPath(new URL('./measure.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-big-'));
const file = (name, text) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

/** One run: wall ms of the bare command, then CPU ms and peak MiB from a run under measure.mjs. */
function run(args) {
  const start = process.hrtime.bigint();
  const bare = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (bare.status !== 0) throw new Error(`${args.join(' ')}: exit ${bare.status}: ${bare.stderr}`);
  const options = { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' };
  const measured = spawnSync(process.execPath, [MEASURE, BIN, ...args], options);
  const figure = (name) => Number(new RegExp(`^${name} ([\\d.]+)$`, 'm').exec(measured.stderr)?.[1] ?? NaN);
  return { wall, cpu: figure('cpu'), mib: figure('maxRSS') / 1024 };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Paired runs of a big and a small command line: medians of each, and of the ratios big / small. */
function paired(big, small) {
  run(big); // warm the file cache
  const [bigs, smalls] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    const pair = i % 2 === 0 ? [run(big), run(small)] : [run(small), run(big)].reverse();
    bigs.push(pair[0]);
    smalls.push(pair[1]);
  }
  const of = (runs, key) => median(runs.map((r) => r[key]));
  const ratio = (key) => median(bigs.map((r, i) => r[key] / smalls[i][key]));
  return {
    big: { wall: of(bigs, 'wall'), cpu: of(bigs, 'cpu'), mib: of(bigs, 'mib') },
    small: { wall: of(smalls, 'wall'), cpu: of(smalls, 'cpu') },
    wall: ratio('wall'),
    cpu: ratio('cpu'),
  };
}

const show = (label, { big, small, wall, cpu }, [n, m]) => {
  console.log(`  ${label}`);
  console.log(`    ${n}: wall ${big.wall.toFixed(0)} ms, cpu ${big.cpu.toFixed(0)} ms, peak ${big.mib.toFixed(0)} MiB`);
  console.log(`    ${m}: wall ${small.wall.toFixed(0)} ms, cpu ${small.cpu.toFixed(0)} ms`);
  console.log(`    t(${n})/t(${m}): wall ${wall.toFixed(2)}, cpu ${cpu.toFixed(2)}`);
};

try {
  console.log(`big scenarios, ${RUNS} paired runs each, node ${process.version}`);
  const forecast = (segments) => ['forecast', file(`spend-${segments}.yaml`, bigScenario(segments, 50)), '-f', 'json'];
  const f = paired(forecast(1000), forecast(250));
  show('forecast -f json, techSpend segments × 50 years', f, ['1000', '250']);
  const sensitivity = (segments) => {
    const path = file(`ranged-${segments}.yaml`, bigScenario(segments, 5, true));
    return ['sensitivity', path, '--metric', 'spend.frontier.2002', '-f', 'json'];
  };
  const s = paired(sensitivity(480), sensitivity(120));
  show('sensitivity --metric spend.frontier.2002, segments × 5 years, every anchor a range', s, ['480', '120']);
  const verdict = (ok) => (ok ? 'ok' : 'OVER TARGET');
  console.log(
    `targets: 1000 × 50 ≤ 1000 ms wall (${verdict(f.big.wall <= 1000)}) `
      + `and ≤ 120 MiB (${verdict(f.big.mib <= 120)}); t(1000)/t(250) ≤ 4.5 (${verdict(f.wall <= 4.5)})`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
