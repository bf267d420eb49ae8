// Fuzzing (fast-check): valid scenarios mutated at random — lines deleted or
// duplicated, keys retyped, values replaced by random scalars and units, text
// truncated — must give exit 0 or 2, never 3; an exit 2 has one located line per
// problem, inside the file. So must large inputs of every size class
// (large-inputs.ts: aliases, keys, documents, tags, long names...) at random
// sizes, mutated the same way. FUZZ_RUNS sets the number of cases (npm run fuzz: 10 000).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCATED, PACKAGE_ROOT, runCli, type Result } from './in-process.js';
import { SIZE_CLASSES } from './large-inputs.js';
import { valueTexts } from './number-texts.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEEDS = ['scenarios/baseline.yaml', 'test/fixtures/small.yaml', 'test/fixtures/extends/child.yaml'].map((file) =>
  readFileSync(join(PACKAGE_ROOT, file), 'utf8'),
);
const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-fuzz-'));
// child.yaml extends ./parent.yaml: keep the parent next to the fuzzed file.
writeFileSync(join(folder, 'parent.yaml'), readFileSync(join(PACKAGE_ROOT, 'test/fixtures/extends/parent.yaml')));

const scalars = fc.oneof(
  fc.constantFrom(
    '66',
    '66%',
    '0.5',
    '-1',
    '1e999',
    '.inf',
    '.nan',
    '~',
    'null',
    'true',
    '[]',
    '{}',
    '[1, 2]',
    '{a: 1}',
    '"',
    "'",
    '&a x',
    '*a',
    '!!binary x',
    '2019..2023',
    '60～70%',
    '70～60%',
    '1～2～3',
    '{low: 1}',
    '{value: 1, low: 2}',
  ),
  fc
    .tuple(
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.constantFrom('', '%', '亿', '万亿元', 'bn', 'tn', 'k', '亿圆', 'xx', '％'),
    )
    .map(([n, unit]) => `${n}${unit}`),
  fc.string({ maxLength: 12 }),
);
const keys = fc.oneof(
  fc.constantFrom(
    'version',
    'years',
    'modes',
    'share',
    'growth',
    'interpolate',
    'extends',
    '__proto__',
    'constructor',
    '2019',
    '2030',
    'mix',
    'frontier',
    'frontierShare',
  ),
  fc.string({ maxLength: 8 }),
);

type Mutation = (lines: string[]) => string[];
const at = (lines: string[], index: number) => Math.min(index, Math.max(lines.length - 1, 0));
/** The value of the i-th line (if it has one, after `: `) replaced by `value`. */
const valueAt = (i: number, value: string): Mutation => (lines) =>
  lines.map((line, j) =>
    j === at(lines, i) && line.includes(': ') ? `${line.slice(0, line.indexOf(': ') + 2)}${value}` : line);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (lines) => lines.filter((_, j) => j !== at(lines, i))),
  fc.nat().map((i): Mutation => (lines) => lines.flatMap((line, j) => (j === at(lines, i) ? [line, line] : [line]))),
  fc.tuple(fc.nat(), scalars).map(([i, value]) => valueAt(i, value)),
  fc.tuple(fc.nat(), keys).map(([i, key]): Mutation => (lines) =>
    lines.map((line, j) => (j === at(lines, i) ? line.replace(/^(\s*)[^\s:]+:/, `$1${key}:`) : line))),
  fc.tuple(fc.nat(), fc.string({ maxLength: 5 })).map(
    ([i, text]): Mutation =>
      (lines) =>
        lines.map((line, j) => (j === at(lines, i) ? text + line : line)),
  ),
  numberMutation(),
);

/** The number class: a value replaced by a number in any notation and magnitude (number-texts.ts), bare or quoted. */
function numberMutation(): fc.Arbitrary<Mutation> {
  const written = fc.tuple(valueTexts(), fc.boolean()).map(([text, quote]) => (quote ? JSON.stringify(text) : text));
  return fc.tuple(fc.nat(), written).map(([i, value]) => valueAt(i, value));
}

const mutated = fc
  .tuple(
    fc.nat(SEEDS.length - 1),
    fc.array(mutation, { minLength: 1, maxLength: 4 }),
    fc.option(fc.nat(), { nil: undefined }),
  )
  .map(([seed, mutations, truncate]) => {
    const text = mutations.reduce((lines, mutate) => mutate(lines), SEEDS[seed]!.split('\n')).join('\n');
    return truncate === undefined ? text : text.slice(0, truncate % (text.length + 1));
  });

/** SPEC §6: nothing on stdout, and every line a problem located in the file (or naming a file as a whole). */
function expectLocatedProblems(result: Result, file: string, text: string): void {
  expect(result.stdout).toBe('');
  const lineCount = text.split('\n').length;
  for (const line of result.stderr.trimEnd().split('\n')) {
    const match = LOCATED.exec(line);
    expect(match, line.slice(0, 500)).not.toBeNull();
    const { line: row, col } = match!.groups!;
    if (row === undefined) continue; // a problem with a file as a whole (the parent of an extends)
    if (match!.groups!.file === file) expect(Number(row), line.slice(0, 500)).toBeLessThanOrEqual(lineCount);
    expect(Number(row)).toBeGreaterThanOrEqual(1);
    expect(Number(col)).toBeGreaterThanOrEqual(1);
  }
}

/** A large input of one size class, at a random size up to 4 × its base, mutated like the scenarios. */
const sized = fc
  .tuple(
    fc.constantFrom(...SIZE_CLASSES),
    fc.double({ min: 0, max: 4, noNaN: true }),
    fc.array(mutation, { maxLength: 2 }),
  )
  .map(([size, scale, mutations]) => {
    const n = Math.max(1, Math.round(size.base * scale));
    const text = mutations.reduce((lines, mutate) => mutate(lines), size.yaml(n).split('\n')).join('\n');
    return { size, n, text };
  });

describe(`fuzz: ${RUNS} mutated scenarios`, () => {
  it('exit 0 or 2, never 3; every problem located inside the file', async () => {
    const file = join(folder, 'fuzzed.yaml');
    const counts = { ok: 0, badInput: 0 };
    await fc.assert(
      fc.asyncProperty(mutated, async (text) => {
        writeFileSync(file, text);
        const result = await runCli(['forecast', file, '-c', 'all', '-f', 'json']);
        expect([0, 2], result.stderr).toContain(result.code);
        if (result.code === 0) {
          counts.ok++;
          expect(JSON.parse(result.stdout).format).toBe('fintech-calc/forecast@1');
          // A valid scenario simulates too: two chunks (the second shorter, odd), ordered percentiles.
          const simulated = await runCli(['simulate', file, '-n', '1101', '-f', 'json', '--no-stamp']);
          expect(simulated.code, simulated.stderr).toBe(0);
          for (const { p5, p50, p95 } of JSON.parse(simulated.stdout).metrics) {
            if (p5 === null) continue; // no sample has a value (an undefined growth)
            expect(Number(p5)).toBeLessThanOrEqual(Number(p50));
            expect(Number(p50)).toBeLessThanOrEqual(Number(p95));
          }
          return;
        }
        counts.badInput++;
        expectLocatedProblems(result, file, text);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
    // A closing line for `npm run fuzz`.
    console.log(`fuzz: ${RUNS} cases, ${counts.ok} valid, ${counts.badInput} bad input, 0 internal errors`);
  }, 30_000 + RUNS * 20);

  it('number class: --set of an amount, a ratio and a growth in every notation gives exit 0 or 2 ' +
    'and finite outputs', async () => {
    const inputs = [
      'supplyChain.marketSpace.2023',
      'supplyChain.modes.receivables.penetration.2023',
      'techSpend.segments.payment.spend.growth',
    ];
    const counts = { ok: 0, badInput: 0 };
    await fc.assert(
      fc.asyncProperty(valueTexts(), fc.nat(inputs.length - 1), async (value, which) => {
        const path = which === 2 ? 'techSpend.segments.payment.spend' : inputs[which]!;
        const setting =
          which === 2 ? `${path}={2018: 1033.6, growth: ${JSON.stringify(value)}}` : `${path}=${JSON.stringify(value)}`;
        const result = await runCli(['forecast', '--set', setting, '-c', 'all', '-f', 'csv']);
        expect([0, 2], result.stderr).toContain(result.code);
        if (result.code === 0) {
          counts.ok++;
          expect(result.stdout).not.toMatch(/Infinity|NaN/);
          return;
        }
        counts.badInput++;
        expect(result.stdout).toBe('');
        // At the --set, or at the series it joins (cagr needs anchors above 0).
        for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(LOCATED);
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
    console.log(`fuzz: ${RUNS} --set numbers, ${counts.ok} valid, ${counts.badInput} bad input, 0 internal errors`);
  }, 30_000 + RUNS * 60);
});

describe(`fuzz: ${Math.ceil(RUNS / 5)} large inputs of the size classes`, () => {
  it('exit 0 or 2, never 3; every problem located inside the file', async () => {
    const file = join(folder, 'sized.yaml');
    await fc.assert(
      fc.asyncProperty(sized, async ({ size, n, text }) => {
        writeFileSync(file, text);
        const result = await runCli(size.args?.(file, n) ?? ['forecast', file, '-f', 'json']);
        expect([0, 2], `${size.name} at ${n}: ${result.stderr.slice(0, 500)}`).toContain(result.code);
        if (result.code === 2) expectLocatedProblems(result, file, text);
      }),
      { numRuns: Math.ceil(RUNS / 5), seed: Number(process.env.FUZZ_SEED ?? 1) },
    );
  }, 60_000 + RUNS * 100);
});
