// Fuzzing a metric's formula (the pattern of fuzz.test.ts): formulas built from
// the grammar's tokens at random (real and misspelt names, numbers with units,
// operators, functions, brackets, years) and hostile strings, in a scenario file
// and through --set, must give exit 0 or 2, never 3: on 0 a forecast without
// Infinity or NaN (and a simulation of it), on 2 nothing on stdout and one
// located line per problem. FUZZ_RUNS sets the number of cases (npm run fuzz).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCATED, runCli, type Result } from './in-process.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-metrics-fuzz-'));

const NAMES = [
  'market.marketSize', 'market.marketSpace', 'market.increment', 'market.modes.receivables.size', 'profit.profit',
  'profit.increment', 'spend.total', 'spend.frontierShare', 'spend.cagr.total', 'spend.segments.payment.frontier',
  'supplyChain.modes.receivables.penetration', 'bankProfit.profitShare', 'metrics.a', 'metrics.b', 'metrics.f',
  'market.marketSiz', 'labour.netSaving', 'nothing', 'market', 'metrics', 'metrics.zz', 'x.y.z',
];
const TOKENS = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('+', '-', '*', '/', '×', '÷', '(', ')', ',', '[2023]', '[2019]', '[2030]', '[20x]', '['),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('prev(', 'growth(', 'cagr(', 'sum(', 'min(', 'max(', 'abs(', 'log(', 'prev ('),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('0', '1', '3%', '1.5万亿', '2bn', '2019', '2023', '0.0', '1e5', '7xx', '9'.repeat(44)),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);
/** A well-formed formula over real names (its kinds may still clash: amount + ratio). */
const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES.slice(0, 12), '2', '3%', '1.5万亿', '0'),
    fc.constantFrom(...NAMES.slice(0, 7)).map((name) => `${name}[2023]`),
    fc.constantFrom(...NAMES.slice(0, 7)).map((name) => `cagr(${name}, 2019, 2023)`),
    fc
      .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '×', '÷'), tie('expr'))
      .map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc
      .tuple(fc.constantFrom('prev', 'growth', 'abs', '-'), tie('expr'))
      .map(([fn, a]) => (fn === '-' ? `-${a}` : `${fn}(${a})`)),
    fc
      .tuple(fc.constantFrom('sum', 'min', 'max'), fc.array(tie('expr'), { minLength: 1, maxLength: 3 }))
      .map(([fn, args]) => `${fn}(${args.join(', ')})`),
  ),
}));

/** A formula: well formed, tokens of the grammar joined at random, any string, or a deep nest. */
const formulas = fc.oneof(
  { weight: 6, arbitrary: expr },
  { weight: 6, arbitrary: fc.array(TOKENS, { minLength: 1, maxLength: 14 }).map((tokens) => tokens.join(' ')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.nat(200).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.nat(3000).map((n) => `1${' + 1'.repeat(n)}`) },
);

/** SPEC §6: nothing on stdout, every line one located problem. */
function expectProblems(result: Result): void {
  expect(result.stdout).toBe('');
  for (const line of result.stderr.trimEnd().split('\n')) expect(line.slice(0, 300)).toMatch(LOCATED);
}

/** A forecast's JSON with no Infinity or NaN; a simulation of it too. */
async function expectValues(result: Result, file: string): Promise<void> {
  expect(JSON.parse(result.stdout).format).toBe('fintech-calc/forecast@1');
  expect(result.stdout).not.toMatch(/Infinity|NaN/);
  const simulated = await runCli(['simulate', file, '-n', '101', '-t', 'metrics', '-f', 'json', '--no-stamp']);
  expect(simulated.code, simulated.stderr).toBe(0);
  expect(simulated.stdout).not.toMatch(/Infinity|NaN/);
}

describe(`fuzz: ${RUNS} formulas`, () => {
  it('in a scenario file: exit 0 or 2, never 3; every problem located inside the file', async () => {
    const file = join(folder, 'metrics.yaml');
    const counts = { ok: 0, badInput: 0 };
    await fc.assert(
      fc.asyncProperty(formulas, formulas, async (f, g) => {
        const text = 'version: 1\nextends: kpis\nmetrics:\n' +
          `  a: {formula: ${JSON.stringify(f)}}\n` +
          '  b: {formula: profit.profit / market.marketSize}\n' +
          `  f: {formula: ${JSON.stringify(g)}}\n`;
        writeFileSync(file, text);
        const result = await runCli(['forecast', file, '-t', 'metrics', '-c', 'all', '-f', 'json']);
        expect([0, 2], result.stderr.slice(0, 500)).toContain(result.code);
        if (result.code === 0) {
          counts.ok++;
          await expectValues(result, file);
          return;
        }
        counts.badInput++;
        expectProblems(result);
        for (const line of result.stderr.trimEnd().split('\n')) {
          const { file: at, line: row } = LOCATED.exec(line)!.groups!;
          expect(at).toBe(file);
          expect(Number(row)).toBeGreaterThanOrEqual(4);
          expect(Number(row)).toBeLessThanOrEqual(6);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
    // Both kinds of case are met: the fuzz reaches the evaluation, not only the parser.
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.badInput).toBeGreaterThan(0);
    console.log(`fuzz: ${RUNS} formulas, ${counts.ok} valid, ${counts.badInput} bad input, 0 internal errors`);
  }, 60_000 + RUNS * 200);

  it('through --set: exit 0 or 2, never 3; every problem located in the --set', async () => {
    await fc.assert(
      fc.asyncProperty(formulas, async (f) => {
        const set = ['--set', `metrics.receivablesShare.formula=${f}`];
        const result = await runCli(['forecast', 'kpis', ...set, '-t', 'metrics', '-f', 'json']);
        expect([0, 2], result.stderr.slice(0, 500)).toContain(result.code);
        if (result.code === 0) {
          expect(result.stdout).not.toMatch(/Infinity|NaN/);
          return;
        }
        expectProblems(result);
        for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^--set #1(:1:\d+)?: error: /);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
  }, 60_000 + RUNS * 100);
});
