// explain, sensitivity and solve reuse the engine: their numbers must be the
// forecast's own (SPEC §3 through the same code), checked here through the CLI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/decimal.js';
import { solve } from '../../src/engine/solve.js';
import { runCli } from '../cli/in-process.js';

const json = async (...args: string[]) => {
  const result = await runCli(args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const forecastValue = async (metric: string[], ...args: string[]) => {
  const document = await json('forecast', '-f', 'json', ...args);
  return metric.reduce((node, key) => node[key], document.cases.base) as string;
};

describe('explain', () => {
  it('reproduces the report’s profit formula (l.183) with the figures', async () => {
    const { tree } = await json('explain', 'profit.increment.2023', '-f', 'json');
    expect(tree.value).toBe('1377');
    expect(tree.formula).toBe('profit − traditionalProfit');
    const [profit, traditional] = tree.operands;
    expect([profit.value, profit.formula]).toEqual(['2127', 'shareProfit + costSavings']);
    expect(traditional.formula).toBe('traditionalSize × profitShare');
    const [share, savings] = profit.operands;
    expect(share.operands.map((o: { value: string }) => o.value)).toEqual(['61000', '0.03']);
    expect(savings.operands.slice(0, 2).map((o: { value: string }) => o.value)).toEqual(['0.015', '0.009']);
  });

  it('gives every node the value forecast prints', async () => {
    const { tree } = await json('explain', 'market.marketSize.2021', '-f', 'json', '-c', 'high');
    const document = await json('forecast', '-f', 'json', '-c', 'high');
    const market = document.cases.high.market;
    expect(tree.value).toBe(market.marketSize['2021']);
    expect(tree.operands.map((o: { value: string }) => o.value)).toEqual([market.modes.receivables.size['2021'], market.modes.arif.size['2021'], market.otherSize['2021']]);
  });
});

describe('explain: a --set amount', () => {
  it('is read in the output unit and echoed with it', async () => {
    const bare = await json('explain', 'market.marketSpace.2023', '-f', 'json', '-u', '万亿元', '--set', 'supplyChain.marketSpace.2023=13');
    expect([bare.tree.value, bare.tree.input.how]).toEqual(['13', ['anchor 2023, set by --set #1: 13 万亿元']]);
    const explicit = await json('explain', 'market.marketSpace.2022', '-f', 'json', '-u', 'bn', '--set', 'supplyChain.marketSpace.2023=12～14万亿');
    expect(explicit.tree.input.how[0]).toBe('cagr between 2019 and 2023 (scenarios/baseline.yaml:19; set by --set #1: 12000～14000 bn)');
    const ratio = await json('explain', 'profit.profitShare.2023', '-f', 'json', '--set', 'bankProfit.profitShare=2.5%');
    expect(ratio.tree.input.how).toEqual(['the same every year, set by --set #1']);
  });
});

describe('sensitivity', () => {
  it('ranks the receivables penetration first for the 2023 market', async () => {
    const result = await json('sensitivity', '--metric', 'market.marketSize.2023', '-f', 'json');
    expect(result.inputs[0].input).toBe('supplyChain.modes.receivables.penetration');
    expect(result.base).toBe('61000');
  });

  it('has the low and high that forecast --set gives for the input at its low and high', async () => {
    const result = await json('sensitivity', '--metric', 'market.marketSize.2023', '-f', 'json');
    const ends = { 'supplyChain.modes.receivables.penetration': ['60%', '70%'], 'supplyChain.modes.arif.penetration': ['25%', '30%'] } as Record<string, [string, string]>;
    for (const entry of result.inputs) {
      const [low, high] = ends[entry.input]!;
      expect(entry.low).toBe(await forecastValue(['market', 'marketSize', '2023'], '--set', `${entry.input}.2023=${low}`));
      expect(entry.high).toBe(await forecastValue(['market', 'marketSize', '2023'], '--set', `${entry.input}.2023=${high}`));
    }
  });
});

describe('solve', () => {
  it('answers the 6.5万亿 question, and feeding the answer back gives 6.5万亿', async () => {
    const answer = await json('solve', '--target', 'market.marketSize.2023=6.5万亿', '--vary', 'supplyChain.modes.receivables.penetration.2023', '-f', 'json');
    expect(answer.value).toBe('0.71333333333333333333');
    expect(await forecastValue(['market', 'marketSize', '2023'], '--set', `supplyChain.modes.receivables.penetration.2023=${answer.value}`)).toBe('65000');
  });

  it('inverts the forecast: solve(target = forecast(x)) ≈ x, for monotone metrics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('market.marketSize.2023', 'profit.profit.2023', 'profit.increment.2023'), async (n, metric) => {
        const x = new Decimal(n).dividedBy(10000);
        const [table, name, year] = metric.split('.');
        const target = await forecastValue([table!, name!, year!], '--set', `supplyChain.modes.receivables.penetration.2023=${x.toFixed()}`);
        const answer = await json('solve', '--target', `${metric}=${target}`, '--vary', 'supplyChain.modes.receivables.penetration.2023', '-f', 'json');
        expect(new Decimal(answer.value).minus(x).abs().lessThan('1e-12')).toBe(true);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('finds roots of non-linear functions and reports unreachable targets', async () => {
    const cube = await solve({ f: async (x) => x.pow(3).minus(2), lower: new Decimal(0), upper: new Decimal(2) });
    expect(cube.kind === 'solved' && cube.x.minus(new Decimal(2).cbrt()).abs().lessThan('1e-18')).toBe(true);
    const out = await solve({ f: async (x) => x.plus(5), lower: new Decimal(0), upper: new Decimal(1) });
    expect(out).toEqual({ kind: 'unreachable', atLower: new Decimal(5), atUpper: new Decimal(6) });
  });
});
