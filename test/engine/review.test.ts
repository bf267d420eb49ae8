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
    expect(stamp.setUnit).toBe('亿元');
    expect(stamp.scenarios[0].chain.map((file: { file: string }) => file.file)).toEqual(['test/fixtures/extends/variant.yaml', 'scenarios/baseline.yaml']);
    // Computed here for the fixture, at build for the bundled baseline: both are the files' digests.
    for (const file of stamp.scenarios[0].chain) expect(file.sha256).toBe(createHash('sha256').update(readFileSync(file.file)).digest('hex'));
    expect(JSON.parse((await runCli([...args, '--no-stamp'])).stdout).stamp).toBeUndefined();
    expect((await runCli(['forecast', '-f', 'csv', '--stamp'])).stdout).toMatch(/^# fintech-calc-stamp \{"tool":"fintech-calc"/);
  });

  it('records the unit the --set amounts were read in (the output unit), when there is a --set', async () => {
    const stampOf = async (...args: string[]) => JSON.parse((await runCli(['forecast', '-t', 'market', '-f', 'json', ...args])).stdout).stamp;
    expect((await stampOf('-u', 'bn', '--set', 'supplyChain.marketSpace.2023=13000')).setUnit).toBe('bn');
    expect(Object.keys(await stampOf('-u', 'bn'))).toEqual(['tool', 'version', 'scenarios', 'set']);
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
});
