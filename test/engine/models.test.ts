// Each SPEC §3 formula on small hand-computed cases.
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { forecast } from '../../src/engine/forecast.js';
import { load } from '../helpers.js';

const SCENARIO = `
years: 2020..2021
supplyChain:
  marketSpace: {2020: 1000, 2021: 2000}
  traditionalPenetration: 20%
  modes:
    r: {share: 50%, penetration: {2020: 40%, 2021: 60%}}
    i: {share: 20%, penetration: 30%, costSavings: false}
bankProfit:
  profitShare: 3%
  baselineOperatingCost: 1.5%
  operatingCost: {2020: 1.5%, 2021: 1%}
techSpend:
  years: 2018..2020
  segments:
    a: {spend: {2018: 100, 2020: 400}, frontier: {2018: 10, 2020: 100}}
    b: {spend: 50, frontierShare: 10%}
    c: {spend: 0}
`;

const result = forecast((await load(SCENARIO)), ['base']).cases.get('base')!;
const str = (series: ReadonlyMap<number, { toString(): string }>) => [...series.values()].map(String);

describe('market (SPEC §3 supplyChain)', () => {
  const market = result.market!;
  it('traditionalSize = marketSpace × traditionalPenetration', async () => {
    expect(str(market.traditionalSize)).toEqual(['200', '400']);
  });
  it('size of a mode = marketSpace × share × penetration', async () => {
    expect(str(market.modes[0]!.size)).toEqual(['200', '600']); // 1000×0.5×0.4, 2000×0.5×0.6
    expect(str(market.modes[1]!.size)).toEqual(['60', '120']); // 1000×0.2×0.3, 2000×0.2×0.3
  });
  it('otherSize = marketSpace × (1 − Σ shares) × traditionalPenetration', async () => {
    expect(str(market.otherSize)).toEqual(['60', '120']); // 1000×0.3×0.2
  });
  it('marketSize, increment and penetration', async () => {
    expect(str(market.marketSize)).toEqual(['320', '840']);
    expect(str(market.increment)).toEqual(['120', '440']);
    expect(str(market.penetration)).toEqual(['0.32', '0.42']);
  });
});

describe('profit (SPEC §3 bankProfit)', () => {
  const profit = result.profit!;
  it('traditionalProfit and shareProfit at the profit share', async () => {
    expect(str(profit.traditionalProfit)).toEqual(['6', '12']);
    expect(str(profit.shareProfit)).toEqual(['9.6', '25.2']);
  });
  it('costSavings = (baseline − operating cost) × size of the cost-saving modes only', async () => {
    expect(str(profit.costSavings)).toEqual(['0', '3']); // 0.5% × 600; mode i is excluded
  });
  it('profit = shareProfit + costSavings; increment = profit − traditionalProfit', async () => {
    expect(str(profit.profit)).toEqual(['9.6', '28.2']);
    expect(str(profit.increment)).toEqual(['3.6', '16.2']);
  });
  it('a mix gives the effective share Σ weight × rate', async () => {
    const mixed = SCENARIO.replace(
      'profitShare: 3%',
      'profitShare: {mix: {bank: {weight: 40%, rate: 2.5%}, other: {weight: 60%, rate: 3%}}}',
    );
    const mix = forecast((await load(mixed)), ['base']).cases.get('base')!.profit!;
    expect(str(mix.profitShare)).toEqual(['0.028', '0.028']);
    expect(str(mix.traditionalProfit)).toEqual(['5.6', '11.2']);
  });
});

describe('spend (SPEC §3 techSpend)', () => {
  const spend = result.spend!;
  it('segments: total, frontier (given or spend × frontierShare, else 0), frontierShare', async () => {
    const [a, b, c] = spend.segments;
    expect(str(a!.total)).toEqual(['100', '200', '400']);
    const share2019 = a!.frontierShare.get(2019)!; // √(10·100) / √(100·400) = √10 / 20
    expect(share2019.minus(new Decimal(10).sqrt().dividedBy(20)).abs().lessThan('1e-36')).toBe(true);
    expect([a!.frontierShare.get(2018)!.toString(), a!.frontierShare.get(2020)!.toString()]).toEqual(['0.1', '0.25']);
    expect(str(b!.frontier)).toEqual(['5', '5', '5']);
    expect(str(c!.frontier)).toEqual(['0', '0', '0']);
    expect(str(c!.frontierShare)).toEqual(['0', '0', '0']); // 0 where total is 0
  });
  it('totals and their frontier share', async () => {
    expect(str(spend.total)).toEqual(['150', '250', '450']);
    expect(spend.frontierShare.get(2018)!.toString()).toBe('0.1');
  });
  it('cagr = (last/first)^(1/(years−1)) − 1', async () => {
    // (450/150)^(1/2) − 1 = √3 − 1
    expect(spend.cagr.total!.minus(new Decimal(3).sqrt().minus(1)).abs().lessThan('1e-36')).toBe(true);
  });
  it('cagr is null for a first value of 0', async () => {
    const zero = forecast(
      await load('techSpend:\n  segments:\n    a: {spend: {2019: 0, 2023: 10, interpolate: linear}}\n'),
      ['base'],
    );
    expect(zero.cases.get('base')!.spend!.cagr.total).toBeNull();
  });
});

describe('cases', () => {
  it('take the low, base and high end of every range', async () => {
    const text = SCENARIO.replace('penetration: 30%,', 'penetration: 20～40%,');
    const all = forecast((await load(text)), ['low', 'base', 'high']);
    const size = (c: 'low' | 'base' | 'high') => all.cases.get(c)!.market!.modes[1]!.size.get(2020)!.toString();
    expect([size('low'), size('base'), size('high')]).toEqual(['40', '60', '80']);
  });
});
