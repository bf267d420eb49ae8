// Metrics benchmark (npm run bench): `forecast -c all` of a scenario with 50
// metrics over 6 years against the same scenario without them, as whole
// processes. Each run with metrics is timed right beside one without (which
// goes first alternates), so both see the same machine load; the figure is the
// median of the per-pair ratios, whose target is 1.2× (issue #17).
//   BENCH_RUNS=n     pairs (default 30)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = process.env.FINTECH_CALC_BIN ?? fileURLToPath(new URL('../bin/fintech-calc.js', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET = 1.2;
const METRICS = 50;

/** Formulas over lines of every table, the inputs, other metrics and each function, cycled to 50. */
const FORMULAS = [
  'profit.profit / market.marketSize',
  'market.modes.receivables.size / market.marketSize',
  'growth(spend.frontierShare)',
  'market.increment[2023] / market.marketSpace[2023]',
  'spend.total / market.marketSize',
  'prev(market.marketSize) * 2 + 1.5万亿',
  'cagr(market.marketSize, 2019, 2023)',
  'sum(market.modes.receivables.size, market.modes.arif.size) - market.marketSize * 3%',
  'max(profit.profit, profit.increment) - min(profit.profit, profit.increment)',
  'abs(profit.increment - profit.profit) / (market.marketSpace + 1亿)',
];

function scenarioText(metrics) {
  const lines = ['version: 1', 'name: bench-metrics', 'extends: baseline'];
  if (metrics > 0) lines.push('metrics:');
  for (let i = 0; i < metrics; i++) {
    const formula = i >= FORMULAS.length && i % 5 === 0 ? `metrics.m${i - 1} * 2` : FORMULAS[i % FORMULAS.length];
    lines.push(`  m${i}:`, `    formula: ${formula}`);
  }
  return `${lines.join('\n')}\n`;
}

function time(file) {
  const start = process.hrtime.bigint();
  const options = { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' };
  const result = spawnSync(process.execPath, [BIN, 'forecast', file, '-c', 'all'], options);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`forecast ${file}: exit ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-bench-'));
try {
  const [withMetrics, without] = [join(dir, 'metrics.yaml'), join(dir, 'plain.yaml')];
  writeFileSync(withMetrics, scenarioText(METRICS));
  writeFileSync(without, scenarioText(0));
  // Warm the file cache once; every measured run is still a fresh process.
  time(withMetrics);
  time(without);
  const [ms, plain, ratios] = [[], [], []];
  for (let round = 0; round < RUNS; round++) {
    const first = round % 2 === 0;
    const before = first ? time(without) : undefined;
    const at = time(withMetrics);
    const reference = first ? before : time(without);
    ms.push(at);
    plain.push(reference);
    ratios.push(at / reference);
  }
  const ratio = median(ratios);
  console.log(
    `metrics, ${RUNS} pairs: forecast -c all with ${METRICS} metrics × 6 years ${median(ms).toFixed(1)} ms, ` +
      `without ${median(plain).toFixed(1)} ms`,
  );
  const verdict = ratio <= TARGET ? `≤ ${TARGET}×  ok` : `≤ ${TARGET}×  OVER TARGET`;
  console.log(`  ratio ${ratio.toFixed(2)}×  ${verdict}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
