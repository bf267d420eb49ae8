// Scenario review: attribution (Shapley), fail rules, the stamp, assumption hygiene.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, sum } from '../../src/decimal.js';
import { attribute } from '../../src/engine/attribution.js';
import { compareForecasts } from '../../src/engine/diff.js';
import { forecast } from '../../src/engine/forecast.js';
import { firings, globPattern } from '../../src/engine/rules.js';
import { CASES, TABLES } from '../../src/engine/types.js';
import { runCli } from '../cli/in-process.js';
import { load } from '../helpers.js';

const scenario = (p: string, share: string, cost: string, space: string) => `years: 2020..2021
supplyChain:
  marketSpace: ${space}
  modes:
    r: {share: ${share}, penetration: ${p}}
bankProfit:
  operatingCost: ${cost}
`;

describe('attribution', () => {
  const ratio = fc.integer({ min: 1, max: 60 }).map((n) => `${n}%`);
  const pair = fc.record({
    a: fc.tuple(ratio, ratio, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 999 })),
    b: fc.tuple(ratio, ratio, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 999 })),
  });
  const toYaml = ([p, share, cost, space]: [string, string, number, number]) => scenario(p, share, `${cost / 10}%`, `{2020: ${space}, 2021: ${space + 100}}`);

  it('parts plus the residual add up exactly to each change, and the residual is ~0 for input-only changes', async () => {
    await fc.assert(
      fc.asyncProperty(pair, async ({ a, b }) => {
        const [sa, sb] = [await load(toYaml(a)), await load(toYaml(b))];
        const { changes } = compareForecasts(forecast(sa, CASES), forecast(sb, CASES), TABLES, undefined);
        const result = attribute(sa, sb, CASES, TABLES, changes);
        for (const change of changes) {
          const attribution = result.byChange.get([change.case, change.table, change.group ?? '', change.key, change.metric, change.year].join('\u0000'))!;
          const total = sum(attribution.contributions.map((part) => part.delta)).plus(attribution.residual);
          expect(total.equals(change.delta!)).toBe(true);
          expect(attribution.residual.abs().lessThan('1e-30')).toBe(true);
        }
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('does not depend on the order the changed inputs are given in', async () => {
    const run = (...sets: string[]) => runCli(['diff', 'baseline', 'baseline', '--attribute', '-f', 'json', '-t', 'profit', ...sets.flatMap((s) => ['--set', s])]);
    // The same two changes, made to b in the two orders, via a variant that extends the baseline.
    const one = await runCli(['diff', 'baseline', 'test/fixtures/extends/variant.yaml', '--attribute', '-f', 'json', '-t', 'profit']);
    const reordered = await runCli(['diff', 'baseline', 'test/fixtures/extends/variant-reordered.yaml', '--attribute', '-f', 'json', '-t', 'profit']);
    expect(one.code).toBe(1);
    const strip = (text: string) => JSON.stringify(JSON.parse(text).changes);
    expect(strip(reordered.stdout)).toBe(strip(one.stdout));
    expect((await run()).code).toBe(0);
  });

  it('gives the exact Shapley split on the report figures: 2023 profit −252 = −157.5 (penetration) −94.5 (operating cost)', async () => {
    const result = await runCli(['diff', 'baseline', 'test/fixtures/extends/variant.yaml', '--attribute', '-f', 'json', '-t', 'profit']);
    const change = JSON.parse(result.stdout).changes.find((c: { metric: string; year: string }) => c.metric === 'profit' && c.year === '2023');
    expect(change.delta).toBe('-252');
    expect(change.contributions).toEqual([
      { input: 'bankProfit.operatingCost', a: '0.009', b: '0.011', delta: '-94.5' },
      { input: 'supplyChain.modes.receivables.penetration', a: '0.66', b: '0.6', delta: '-157.5' },
    ]);
    expect(change.residual).toBe('0');
  });

  it('puts what inputs cannot explain in the residual (a changed costSavings flag)', async () => {
    const [sa, sb] = [await load(scenario('50%', '40%', '1%', '100')), await load(scenario('50%', '40%', '1%', '100').replace('penetration: 50%}', 'penetration: 50%, costSavings: false}'))];
    const { changes } = compareForecasts(forecast(sa, ['base']), forecast(sb, ['base']), TABLES, undefined);
    const result = attribute(sa, sb, ['base'], TABLES, changes);
    expect(result.players).toEqual([]);
    const costSavings = changes.find((change) => change.metric === 'costSavings')!;
    const attribution = [...result.byChange.values()][changes.indexOf(costSavings)]!;
    expect(attribution.residual.equals(costSavings.delta!)).toBe(true);
  });
});

describe('fail rules', () => {
  it('globs: * within a part, ** across parts', () => {
    expect(globPattern('profit.*.2023').test('profit.profit.2023')).toBe(true);
    expect(globPattern('profit.*.2023').test('profit.modes.x.size.2023')).toBe(false);
    expect(globPattern('market.**').test('market.modes.receivables.size.2023')).toBe(true);
  });

  it('fire on relative or absolute moves; absolute thresholds only on amounts', async () => {
    const [sa, sb] = [await load(scenario('50%', '40%', '1%', '100')), await load(scenario('60%', '40%', '1%', '100'))];
    const { changes } = compareForecasts(forecast(sa, ['base']), forecast(sb, ['base']), TABLES, undefined);
    const rule = (glob: string, threshold: { kind: 'relative'; fraction: Decimal } | { kind: 'absolute'; amount: Decimal }) => ({ text: glob, glob, threshold });
    const fired = (r: ReturnType<typeof rule>) => firings(changes, [r]).map((f) => `${f.change.metric}[${f.change.key}].${f.change.year}`);
    // marketSize 100·(0.4·0.5 + 0.6·0.2) = 32 → 100·(0.4·0.6 + 0.12) = 36: +12.5%, +4
    expect(fired(rule('market.marketSize.*', { kind: 'relative', fraction: new Decimal('0.12') }))).toEqual(['marketSize[].2020', 'marketSize[].2021']);
    expect(fired(rule('market.marketSize.*', { kind: 'relative', fraction: new Decimal('0.13') }))).toEqual([]);
    expect(fired(rule('market.marketSize.2021', { kind: 'absolute', amount: new Decimal(3) }))).toEqual(['marketSize[].2021']);
    expect(fired(rule('market.**', { kind: 'absolute', amount: new Decimal(0) }))).not.toContain('penetration[r].2020');
  });

  it('decide the exit code, and bad rules are usage errors', async () => {
    const diff = (...rules: string[]) => runCli(['diff', 'baseline', 'bank-led', ...rules.flatMap((r) => ['--fail-on', r])]);
    expect((await diff('profit.profit.2023>20%')).code).toBe(0);
    const fired = await diff('profit.profit.2023>10%', 'market.**>1亿');
    expect(fired.code).toBe(1);
    expect(fired.stdout).toContain("rule 'profit.profit.2023>10%' fired: profit.profit.2023 (base) -14.34%");
    const bad = await diff('profit.profit.2023');
    expect(bad).toEqual({ code: 2, stdout: '', stderr: "fintech-calc: error: --fail-on: expected <metric glob>><threshold>, e.g. 'profit.*.2023>1%' or 'market.marketSize.*>500亿', got 'profit.profit.2023'\n" });
    expect((await diff('profit.*>5yi')).stderr).toContain("--fail-on 'profit.*>5yi': unknown unit 'yi'");
  });
});

describe('reproducibility stamp', () => {
  it('names the version, the extends chain with SHA-256s and the --set list, the same on every run', async () => {
    const args = ['forecast', 'test/fixtures/extends/variant.yaml', '-f', 'json', '--set', 'bankProfit.profitShare=2%'];
    const [first, second] = [await runCli(args), await runCli(args)];
    expect(first.stdout).toBe(second.stdout);
    const { stamp } = JSON.parse(first.stdout);
    expect(stamp.tool).toBe('fintech-calc');
    expect(stamp.set).toEqual(['bankProfit.profitShare=2%']);
    expect(stamp.scenarios[0].chain.map((file: { file: string }) => file.file)).toEqual(['test/fixtures/extends/variant.yaml', 'scenarios/baseline.yaml']);
    // Computed here for the fixture, at build for the bundled baseline: both are the files' digests.
    for (const file of stamp.scenarios[0].chain) expect(file.sha256).toBe(createHash('sha256').update(readFileSync(file.file)).digest('hex'));
    expect(JSON.parse((await runCli([...args, '--no-stamp'])).stdout).stamp).toBeUndefined();
    expect((await runCli(['forecast', '-f', 'csv', '--stamp'])).stdout).toMatch(/^# fintech-calc-stamp \{"tool":"fintech-calc"/);
  });
});

describe('check (assumption hygiene)', () => {
  it('passes the bundled scenarios with --strict', async () => {
    expect(await runCli(['check', '--strict'])).toEqual({ code: 0, stdout: 'scenarios/bank-led.yaml: ok\nscenarios/baseline.yaml: ok\n', stderr: '' });
  });

  it('warns (exit 0), or with --strict fails (exit 2), on every kind of finding', async () => {
    const warned = await runCli(['check', 'test/fixtures/hygiene.yaml']);
    expect(warned.code).toBe(0);
    for (const finding of ['no source', 'an assumption without a reason', 'a range whose low equals its high', "far from the range's midpoint", 'more than --max-growth', 'the same source as']) {
      expect(warned.stderr).toContain(finding);
    }
    expect((await runCli(['check', '--strict', 'test/fixtures/hygiene.yaml'])).code).toBe(2);
    expect((await runCli(['check', '--max-growth', '400%', 'test/fixtures/hygiene.yaml'])).stderr).not.toContain('more than --max-growth');
  });

  it("flags a value implausible for its input, and the jump it makes, at the line of the file that wrote it, not the baseline's", async () => {
    const file = 'test/fixtures/plausibility/operating-cost.yaml';
    const warned = await runCli(['check', file]);
    expect(warned).toEqual({
      code: 0,
      stdout: '',
      stderr:
        `${file}:6:11: warning: bankProfit.operatingCost.2023: 90% is implausible for an operating cost as a share of financing (the report's falls from 1.5% to 0.9%, l.182); expected at most 10% (did you mean 0.9%?)\n` +
        `${file}:6:11: warning: bankProfit.operatingCost: changes by 1475% from 2019 to 2020 (base case), more than --max-growth 100%\n`,
    });
    const strict = await runCli(['check', '--strict', file]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:6:11: error: bankProfit.operatingCost.2023: 90% is implausible`);
  });

  it("lists a child's findings first, then its parent's, each file top to bottom; a jump at the nearest file that wrote its ends", async () => {
    const [child, parent] = ['test/fixtures/plausibility/child-of-hygiene.yaml', 'test/fixtures/hygiene.yaml'];
    const lines = (await runCli(['check', child])).stderr.trimEnd().split('\n');
    const at = lines.map((line) => /^(.+?):(\d+):(\d+): /.exec(line)!.slice(1, 4).join(':'));
    expect(at).toEqual([`${child}:6:11`, `${child}:6:11`, `${child}:9:27`, ...['5:11', '6:27', '9:14', '10:20', '12:14', '13:27', '13:49'].map((pos) => `${parent}:${pos}`)]);
    // The market space jumps from the child's 2019 (10亿元) towards the parent's 2023: reported in the child.
    expect(lines[1]).toContain(`${child}:6:11: warning: supplyChain.marketSpace: changes by 1216.1% from 2019 to 2020`);
    expect(lines[2]).toContain(`${child}:9:27: warning: supplyChain.modes.b.penetration: changes by 350% from 2019 to 2020`);
  });

  it('flags an anchor year far outside its module, and fails on it with --strict', async () => {
    const file = 'test/fixtures/plausibility/far-anchor.yaml';
    const message = `${file}:8:15: warning: supplyChain.modes.receivables.penetration.2203: anchor year 2203 is 180 years after supplyChain's years 2019..2023; an anchor more than 10 years outside them is likely a typo (the years between are interpolated towards it)\n`;
    expect(await runCli(['check', file])).toEqual({ code: 0, stdout: '', stderr: message });
    expect(await runCli(['check', '--strict', file])).toEqual({ code: 2, stdout: '', stderr: message.replace(': warning: ', ': error: ') });
  });
});

describe('validate warnings', () => {
  const far = 'test/fixtures/plausibility/far-anchor.yaml';

  it('warns of an anchor year far outside its module on stderr, the file still valid (exit 0)', async () => {
    const result = await runCli(['validate', far, 'baseline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${far}: ok\nscenarios/baseline.yaml: ok\n`);
    expect(result.stderr).toBe(`${far}:8:15: warning: supplyChain.modes.receivables.penetration.2203: anchor year 2203 is 180 years after supplyChain's years 2019..2023; an anchor more than 10 years outside them is likely a typo (the years between are interpolated towards it)\n`);
  });

  it("warns of a file's own anchors first, then of those of the files it extends", async () => {
    const result = await runCli(['validate', 'test/fixtures/plausibility/far-child.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n').map((line) => line.slice(0, line.indexOf(': warning: ')))).toEqual([
      'test/fixtures/plausibility/far-child.yaml:8:15',
      'test/fixtures/plausibility/far-parent.yaml:6:11',
    ]);
  });

  it('lists the warnings in its JSON', async () => {
    const result = await runCli(['validate', '-f', 'json', far, 'baseline']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [file, baseline] = JSON.parse(result.stdout).files;
    expect(file.warnings).toEqual([{ file: far, line: 8, col: 15, path: 'supplyChain.modes.receivables.penetration.2203', message: expect.stringContaining('anchor year 2203 is 180 years after') }]);
    expect(baseline.warnings).toEqual([]);
  });

  it('does not warn of what only check asks about (sources, implausible values)', async () => {
    expect(await runCli(['validate', 'test/fixtures/plausibility/operating-cost.yaml', 'test/fixtures/hygiene.yaml'])).toEqual({
      code: 0,
      stdout: 'test/fixtures/plausibility/operating-cost.yaml: ok\ntest/fixtures/hygiene.yaml: ok\n',
      stderr: '',
    });
  });
});
