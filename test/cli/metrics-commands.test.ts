// A scenario's metrics (docs/metrics.md) through sensitivity, solve, simulate,
// check and --set: each works on a metric as on a line, and a metric without a
// value (a year it has none, a division by 0) is an error, never a silent 0.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { LOCATED, runCli } from './in-process.js';

const POLE = 'test/fixtures/metrics-pole.yaml';

/** A metric's value in one year of the base forecast (JSON), as a Decimal (null: no value). */
async function forecastValue(args: readonly string[], metric: string, year: string): Promise<Decimal | null> {
  const result = await runCli(['forecast', ...args, '-t', 'metrics', '-f', 'json']);
  expect(result.code, result.stderr).toBe(0);
  const value = JSON.parse(result.stdout).cases.base.metrics[metric][year];
  return value === null ? null : new Decimal(value);
}

/** An error: exit 2, nothing on stdout, one line. */
function expectOneError(result: { code: number; stdout: string; stderr: string }, text: string | RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(text);
}

describe('sensitivity --metric metrics.X.year', () => {
  it("swings the metric as the forecast computes it: the base is the forecast's value", async () => {
    const result = await runCli(['sensitivity', 'kpis', '--metric', 'metrics.increment2023Share.2023', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const base = await forecastValue(['kpis'], 'increment2023Share', '2023');
    expect(new Decimal(json.base).toString()).toBe(base!.toString());
    // The metric is a share of the market the receivables' penetration drives most: it swings it most, upwards.
    const [first] = json.inputs;
    expect(first.input).toBe('supplyChain.modes.receivables.penetration');
    expect(new Decimal(first.low).lessThan(base!)).toBe(true);
    expect(new Decimal(first.high).greaterThan(base!)).toBe(true);
  });

  it('refuses a year in which the metric has no value, saying why', async () => {
    const result = await runCli(['sensitivity', 'kpis', '--metric', 'metrics.frontierGrowth.2018']);
    expectOneError(result, /has no value in this scenario: a metric has no value/);
  });

  it("refuses a metric without a value at an input's low or high (a division by 0), never counting it 0", async () => {
    expectOneError(
      await runCli(['sensitivity', POLE, '--metric', 'metrics.pole.2022']),
      '--metric: metrics.pole.2022 has no value when supplyChain.modes.receivables.penetration is at its high',
    );
  });
});

describe('solve --target metrics.X.year=… --vary …', () => {
  it('finds the input at which the metric meets the target, as the forecast then computes it', async () => {
    const target = ['--target', 'metrics.profitMargin.2023=4%'];
    const result = await runCli(['solve', 'kpis', ...target, '--vary', 'bankProfit.profitShare', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const set = ['--set', `bankProfit.profitShare=${json.value}`];
    const found = await forecastValue(['kpis', ...set], 'profitMargin', '2023');
    expect(found!.minus('0.04').abs().toNumber()).toBeLessThan(1e-12);
  });

  it('refuses a year in which the metric has no value', async () => {
    expectOneError(
      await runCli(['solve', 'kpis', '--target', 'metrics.frontierGrowth.2018=4%', '--vary', 'bankProfit.profitShare']),
      /metrics.frontierGrowth.2018 has no value in this scenario/,
    );
  });

  it('keeps to the inputs at which the metric has a value', async () => {
    const vary = ['--vary', 'supplyChain.modes.receivables.penetration.2022'];
    const reached = await runCli(['solve', POLE, '--target', 'metrics.inv.2022=1万亿', ...vary, '-f', 'json']);
    expect(reached.code, reached.stderr).toBe(0);
    // 1亿 would need a penetration beyond 100%; near 0 the metric grows without bound, at 0 it has no value.
    const unreached = await runCli(['solve', POLE, '--target', 'metrics.inv.2022=1亿', ...vary]);
    expectOneError(unreached, /cannot reach 1.0 亿元/);
  });
});

describe('simulate on metrics', () => {
  it('--metric, --exceed and --contrib take a metric; its mean is near the forecast', async () => {
    const args = ['simulate', 'kpis', '-n', '2000', '-t', 'metrics', '-f', 'json', '--no-stamp'];
    const metric = 'metrics.receivablesShare.2023';
    const result = await runCli([...args, '--metric', metric, '--exceed', `${metric}=80%`, '--contrib', metric]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    type Row = { metric: string; year: string; mean: string };
    const row = json.metrics.find((one: Row) => one.metric === 'receivablesShare' && one.year === '2023');
    const exact = await forecastValue(['kpis'], 'receivablesShare', '2023');
    expect(Math.abs(Number(row.mean) - exact!.toNumber())).toBeLessThan(0.01);
    const [exceed] = json.exceed;
    expect([exceed.metric, exceed.year, exceed.threshold]).toEqual(['receivablesShare', '2023', '0.8']);
    expect(Number(exceed.probability)).toBeGreaterThan(0.5);
    const [contributions] = json.contributions;
    // The share moves with the receivables' penetration most.
    expect(contributions.inputs[0].input).toBe('supplyChain.modes.receivables.penetration');
    expect(Number(contributions.inputs[0].index)).toBeGreaterThan(0.5);
  });

  it('a division by 0 is no value in every sample: null statistics, as in the forecast', async () => {
    const args = ['simulate', POLE, '-n', '300', '-t', 'metrics', '-f', 'json', '--no-stamp'];
    const result = await runCli([...args, '--metric', 'metrics.zero.2022']);
    expect(result.code, result.stderr).toBe(0);
    const zero = JSON.parse(result.stdout).metrics.filter((one: { metric: string }) => one.metric === 'zero');
    expect(zero).toHaveLength(3);
    for (const row of zero) expect([row.mean, row.p50]).toEqual([null, null]);
    expect(await forecastValue([POLE], 'zero', '2022')).toBeNull();
  });
});

describe('check', () => {
  it('flags a metric without a source, at its name', async () => {
    const result = await runCli(['check', POLE]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n').filter((line) => line.includes('metrics.'));
    const why = 'say what it rests on (source: assumption: <reason>, or a report line)';
    expect(lines).toEqual([`${POLE}:10:3: warning: metrics.inv: a metric without a source: ${why}`]);
    expect((await runCli(['check', '--strict', POLE])).code).toBe(2);
    const kpis = await runCli(['check', '--strict', 'kpis']);
    expect([kpis.code, kpis.stderr]).toEqual([0, '']);
  });
});

describe('--set metrics.NAME.…', () => {
  it('changes a formula, a label and a kind', async () => {
    const set = [
      ['--set', 'metrics.profitMargin.formula=profit.profit / market.marketSize * 2'],
      ['--set', 'metrics.profitMargin.label=Twice'],
      ['--set', 'metrics.profitMargin.kind=number'],
    ].flat();
    const doubled = await forecastValue(['kpis', ...set], 'profitMargin', '2023');
    // 2127 / 61000 × 2, to the 20 significant digits of the JSON output
    expect(doubled!.minus(new Decimal(2127).dividedBy(61000).times(2)).abs().toNumber()).toBeLessThan(1e-20);
    const table = await runCli(['forecast', 'kpis', ...set, '-t', 'metrics']);
    expect(table.stdout).toContain('│ Twice ');
  });

  it("places a formula's problem at its column in the --set text", async () => {
    const setting = 'metrics.profitMargin.formula=profit.profit / market.marketSiz';
    const result = await runCli(['forecast', 'kpis', '--set', 'metrics.receivablesShare.label=ok', '--set', setting]);
    expectOneError(result, /^--set #2:1:46: error: metrics.profitMargin.formula: unknown reference 'market.marketSiz'/);
    expect(setting.slice(45)).toBe('market.marketSiz');
    const quoted = await runCli(['forecast', 'kpis', '--set', 'metrics.profitMargin.formula=  "profit.profit +* 2"']);
    expectOneError(quoted, /^--set #1:1:48: error: metrics.profitMargin.formula: unexpected '\*'/);
    expect(quoted.stderr.trimEnd()).toMatch(LOCATED);
  });
});

describe('diff of a scenario that adds metrics', () => {
  it('lists and checks only the values one scenario has: a year with a value in neither is no difference', async () => {
    const rule = 'metrics.*.2023>5%';
    const result = await runCli(['diff', 'baseline', 'kpis', '-f', 'json', '--no-stamp', '--fail-on', rule]);
    expect(result.code, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout);
    const changes: { table: string; a: string | null; b: string | null }[] = json.changes;
    expect(changes.filter((change) => change.table === 'metrics').length).toBeGreaterThan(0);
    expect(changes.filter((change) => change.a === null && change.b === null)).toEqual([]);
    // kpis's frontierGrowth has no 2023 value: the rule neither checks nor fires on it.
    expect(await forecastValue(['kpis'], 'frontierGrowth', '2023')).toBeNull();
    const fired: string[] = json.fired.map((firing: { metric: string }) => firing.metric);
    expect(fired).not.toContain('metrics.frontierGrowth.2023');
    const text = await runCli(['diff', 'baseline', 'kpis', '--fail-on', rule]);
    expect(text.stdout).toContain(`'${rule}' checked ${fired.length} values, fired on ${fired.length}`);
  });
});
