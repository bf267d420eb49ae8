// User-defined metrics (docs/metrics.md): the parser, the checks with their
// columns, the evaluation against an independent one from the forecast JSON,
// division by zero, and random formulas that never crash the parser.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { forecast } from '../../src/engine/forecast.js';
import { findMetric } from '../../src/engine/analysis/lines.js';
import { explainMetric } from '../../src/engine/analysis/explain.js';
import { parseFormula } from '../../src/scenario/metrics-parse.js';
import { runCli } from '../cli/in-process.js';
import { load, problemsOf } from '../helpers.js';

const BASE = `version: 1
years: 2019..2021
supplyChain:
  marketSpace: {2019: 100, 2021: 140}
  traditionalPenetration: 20%
  modes:
    receivables: {share: 50%, penetration: {2019: 10%, 2021: 30%}}
bankProfit:
  profitShare: 3%
  baselineOperatingCost: 1.5%
  operatingCost: 1%
`;
const withMetrics = (metrics: string) => `${BASE}metrics:\n${metrics}`;

describe('metrics: parser', () => {
  it('reads numbers with units, operators by precedence, calls and fixed years', () => {
    const parsed = parseFormula('-a.b[2020] + 2 × 3% ÷ max(1.5万亿, 2bn)');
    expect('expr' in parsed).toBe(true);
    const expr = (parsed as { expr: { type: string; op: string } }).expr;
    const left = { type: 'negate', operand: { type: 'ref', name: 'a.b', year: 2020 } };
    expect(expr).toMatchObject({ type: 'binary', op: '+', left });
    const right = { type: 'binary', op: '/', left: { type: 'binary', op: '*' }, right: { type: 'call', fn: 'max' } };
    expect(expr).toMatchObject({ right });
  });

  it('gives the offset of the unexpected token', () => {
    const message = "unexpected '*'; expected a number, a name or (";
    expect(parseFormula('a + * b')).toEqual({ problem: { at: 4, message } });
    expect(parseFormula('(a + b')).toMatchObject({ problem: { at: 6 } });
    expect(parseFormula('a b')).toMatchObject({ problem: { at: 2 } });
  });

  it('refuses nesting deeper than the limit rather than recursing into it', () => {
    const deep = `${'('.repeat(1000)}1${')'.repeat(1000)}`;
    const nested = { problem: { message: expect.stringContaining('nested more than') } };
    expect(parseFormula(deep.slice(0, 1999))).toMatchObject(nested);
  });

  it('never throws on random text (exit 0 or 2, never a crash)', () => {
    const alphabet = fc.constantFrom(...'ab.()[]+-*/×÷,%0123456789 万亿bn_'.split(''), 'growth(', 'cagr(', 'x[2020]');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const parsed = parseFormula(parts.join(''));
        expect('expr' in parsed || 'problem' in parsed).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('metrics: checks, each at its column in the formula', () => {
  it.each([
    [
      'm: {formula: market.marketSise}',
      "test.yaml:13:16: error: metrics.m.formula: unknown reference 'market.marketSise' " +
        "(did you mean 'market.marketSize'?)",
    ],
    [
      'm: {formula: market.marketSize + bankProfit.profitShare}',
      'test.yaml:13:34: error: metrics.m.formula: cannot add a ratio to an amount',
    ],
    [
      "m: {formula: 'growth(market.marketSize, 1)'}",
      'test.yaml:13:17: error: metrics.m.formula: growth takes 1 argument; got 2',
    ],
    [
      "m: {formula: 'market.marketSize[2030]'}",
      "test.yaml:13:35: error: metrics.m.formula: year 2030 is outside the scenario's years 2019..2021",
    ],
    [
      'm: {formula: labour.netSaving}',
      'test.yaml:13:16: error: metrics.m.formula: the scenario has no labour table (it lacks labourSavings)',
    ],
    [
      'm: {formula: metrics.n}\n  n: {formula: metrics.m}',
      'error: metrics.m.formula: a cycle: metrics.m → metrics.n → metrics.m',
    ],
    [
      'm: {formula: market.marketSize / 2, kind: ratio}',
      'metrics.m.kind: kind: ratio, but the formula gives an amount; expected kind: amount',
    ],
  ])('%s', async (metrics, message) => {
    const problems = await problemsOf(withMetrics(`  ${metrics}\n`));
    expect(problems.join('\n')).toContain(message);
  });
});

describe('metrics: values', () => {
  it('equal an independent evaluation from the forecast, in every case and year', async () => {
    const lines = [
      'market.marketSize',
      'market.marketSpace',
      'profit.profit',
      'market.modes.receivables.size',
      'market.increment',
    ];
    const line = fc.constantFrom(...lines);
    const ops = ['+', '-', '*', '/'] as const;
    await fc.assert(
      fc.asyncProperty(line, line, fc.constantFrom(...ops), fc.integer({ min: 1, max: 9 }), async (a, b, op, k) => {
        // Kinds: amount op amount is allowed for + − /, amount × number for *.
        const formula = op === '*' ? `${a} * ${k}` : `${a} ${op} ${b}`;
        const scenario = await load(withMetrics(`  m: {formula: '${formula}'}\n`));
        const result = forecast(scenario, ['low', 'base', 'high']);
        for (const caseForecast of result.cases.values()) {
          for (const year of [2019, 2020, 2021]) {
            const x = findMetric(caseForecast, `${a}.${year}`)!.value!;
            const y = op === '*' ? new Decimal(k) : findMetric(caseForecast, `${b}.${year}`)!.value!;
            const quotient = y.isZero() ? null : x.dividedBy(y);
            const expected = op === '+' ? x.plus(y) : op === '-' ? x.minus(y) : op === '*' ? x.times(y) : quotient;
            const got = findMetric(caseForecast, `metrics.m.${year}`)!.value;
            expect(got === null ? null : got.toString()).toBe(expected === null ? null : expected.toString());
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('have no value where a divisor is 0 or a year is missing (null, never Infinity)', async () => {
    const scenario = await load(
      withMetrics(
        "  z: {formula: 'market.marketSize / (market.marketSize - market.marketSize)'}\n" +
          "  g: {formula: 'growth(market.marketSize)'}\n",
      ),
    );
    const base = forecast(scenario, ['base']).cases.get('base')!;
    expect(findMetric(base, 'metrics.z.2020')!.value).toBeNull();
    expect(findMetric(base, 'metrics.g.2019')!.value).toBeNull();
    expect(findMetric(base, 'metrics.g.2020')!.value).not.toBeNull();
  });

  it('explain shows a metric down through the model lines to the inputs', async () => {
    const scenario = await load(withMetrics("  margin: {formula: 'profit.profit / market.marketSize'}\n"));
    const tree = explainMetric(scenario, 'base', 'metrics.margin.2021')!;
    expect(tree.formula).toBe('{0} / {1}');
    expect(tree.operands.map((node) => node.name)).toEqual(['profit.profit.2021', 'market.marketSize.2021']);
    const base = forecast(scenario, ['base']).cases.get('base')!;
    expect(tree.value.toString()).toBe(findMetric(base, 'metrics.margin.2021')!.value!.toString());
  });

  it('kpis.yaml: profitMargin 2023 is 2127 / 61000 exactly in JSON', async () => {
    const { code, stdout } = await runCli(['forecast', 'kpis', '-t', 'metrics', '-f', 'json']);
    expect(code).toBe(0);
    type Values = Record<string, Record<string, string | null>>;
    const document = JSON.parse(stdout) as { cases: { base: { metrics: Values } } };
    const expected = new Decimal(2127).dividedBy(61000).toSignificantDigits(20).toFixed();
    expect(document.cases.base.metrics.profitMargin!['2023']).toBe(expected);
  });
});
