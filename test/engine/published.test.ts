// The report's published figures (SPEC §1), asserted from the bundled baseline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { forecast } from '../../src/engine/forecast.js';
import { parseScenario } from '../../src/scenario/load.js';

const baseline = await parseScenario(
  readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8'),
  'scenarios/baseline.yaml',
);
const result = forecast(baseline, ['low', 'base', 'high']);
const base = result.cases.get('base')!;

/** Rounds as the report does: to `places` decimals. */
function rounded(value: Decimal, places: number): string {
  return value.toFixed(places, Decimal.ROUND_HALF_UP);
}

const WAN_YI = new Decimal(10000); // 1万亿 = 10000亿

describe('baseline reproduces the report (SPEC §1)', () => {
  it('SCF market with fintech 2023: 6.1万亿元, increment 3.6万亿元 (l.172, l.176)', async () => {
    expect(rounded(base.market!.marketSize.get(2023)!.dividedBy(WAN_YI), 1)).toBe('6.1');
    expect(rounded(base.market!.increment.get(2023)!.dividedBy(WAN_YI), 1)).toBe('3.6');
  });

  it('traditional penetration 20% of the market space (l.177)', async () => {
    const market = base.market!;
    expect(market.traditionalPenetration.get(2023)!.toString()).toBe('0.2');
    expect(market.traditionalSize.get(2023)!.dividedBy(market.marketSpace.get(2023)!).toString()).toBe('0.2');
  });

  it('receivables 60～70% and ARIF 25～30% penetration in 2023 as the low and high cases (l.173)', async () => {
    const penetration = (c: 'low' | 'high', mode: string) =>
      result.cases.get(c)!.market!.modes.find((m) => m.id === mode)!.penetration.get(2023)!.toString();
    expect([penetration('low', 'receivables'), penetration('high', 'receivables')]).toEqual(['0.6', '0.7']);
    expect([penetration('low', 'arif'), penetration('high', 'arif')]).toEqual(['0.25', '0.3']);
  });

  it('bank SCF profit 2023 ≈ 2127亿元, increment ≈ 1377亿元 (l.181)', async () => {
    expect(rounded(base.profit!.profit.get(2023)!, 0)).toBe('2127');
    expect(rounded(base.profit!.increment.get(2023)!, 0)).toBe('1377');
  });

  it('profit share 3%, operating cost 1.5% → 0.9% (l.182-183)', async () => {
    const profit = base.profit!;
    expect(profit.profitShare.get(2023)!.toString()).toBe('0.03');
    expect(profit.operatingCost.get(2019)!.toString()).toBe('0.015');
    expect(profit.operatingCost.get(2023)!.toString()).toBe('0.009');
  });

  it('tech spend 2018: 2297.3亿元, frontier 675.2亿元 (29.4%) (l.43-44)', async () => {
    const spend = base.spend!;
    expect(rounded(spend.total.get(2018)!, 1)).toBe('2297.3');
    expect(rounded(spend.frontier.get(2018)!, 1)).toBe('675.2');
    expect(rounded(spend.frontierShare.get(2018)!.times(100), 1)).toBe('29.4');
  });

  it('tech spend 2022: 4034.7亿元, frontier share 35.1% (l.44)', async () => {
    const spend = base.spend!;
    expect(rounded(spend.total.get(2022)!, 1)).toBe('4034.7');
    expect(rounded(spend.frontierShare.get(2022)!.times(100), 1)).toBe('35.1');
  });

  it('payment 1033.6 / 152.6 (2018) / 337.2 (2022) 亿元 (l.213)', async () => {
    const payment = base.spend!.segments.find((s) => s.id === 'payment')!;
    expect(rounded(payment.total.get(2018)!, 1)).toBe('1033.6');
    expect(rounded(payment.frontier.get(2018)!, 1)).toBe('152.6');
    expect(rounded(payment.frontier.get(2022)!, 1)).toBe('337.2');
  });

  it('consumer finance 157.1 / 93.6亿元 in 2018 (l.196)', async () => {
    const consumer = base.spend!.segments.find((s) => s.id === 'consumerFinance')!;
    expect(rounded(consumer.total.get(2018)!, 1)).toBe('157.1');
    expect(rounded(consumer.frontier.get(2018)!, 1)).toBe('93.6');
  });
});

describe('baseline reproduces the report’s other forecasts', () => {
  const low = result.cases.get('low')!;
  const high = result.cases.get('high')!;

  it('RPA spend of financial institutions reaches 42.5亿元 in 2022 (l.12)', () => {
    for (const c of [low, base, high]) {
      expect(c.tech!.items.find((item) => item.id === 'rpa')!.spend.get(2022)!.toString()).toBe('42.5');
    }
  });

  it('smart customer service replaces 73%～80% of human service labour by 2022 (l.12)', () => {
    const rate = (c: typeof base) => c.labour!.institutions[0]!.replacementRate.get(2022)!.toString();
    expect([rate(low), rate(high)]).toEqual(['0.73', '0.8']);
  });

  it("banks' blockchain-SCF spend grows 13%～14% a year (l.167)", () => {
    const growth = (c: typeof base) =>
      [...c.tech!.items.find((item) => item.id === 'blockchainScf')!.growth.values()].map((g) => g.toString());
    expect(growth(low)).toEqual(['0.13', '0.13', '0.13', '0.13']);
    expect(growth(high)).toEqual(['0.14', '0.14', '0.14', '0.14']);
  });

  it('fund tiers: frontier shares 10% (head), 2% (mid), tail ≈0 rising to 5% by 2020 (l.95)', () => {
    const share = (id: string, year: number) =>
      base
        .spend!.segments.find((segment) => segment.id === id)!
        .frontierShare.get(year)!
        .toString();
    expect([share('fundHead', 2018), share('fundMid', 2018), share('fundTail', 2018), share('fundTail', 2020)]).toEqual(
      ['0.1', '0.02', '0', '0.05'],
    );
  });

  it('securities: head spends 2～3× a mid firm, and there are four times as many mid firms (l.72-73)', () => {
    const segment = (c: typeof base, id: string) => c.spend!.segments.find((s) => s.id === id)!;
    const ratio = (c: typeof base) =>
      segment(c, 'securitiesHead')
        .perFirm!.get(2018)!
        .dividedBy(segment(c, 'securitiesMid').perFirm!.get(2018)!)
        .toString();
    expect([ratio(low), ratio(base), ratio(high)]).toEqual(['2', '2.5', '3']);
    expect(
      segment(base, 'securitiesMid')
        .firms!.get(2018)!
        .dividedBy(segment(base, 'securitiesHead').firms!.get(2018)!)
        .toString(),
    ).toBe('4');
  });

  it('the tiers still add up to the published totals, with subtotals per group', () => {
    const groups = base.spend!.groups.map((group) => [group.id, rounded(group.total.get(2018)!, 1)]);
    expect(groups).toEqual([
      ['securities', '78.0'],
      ['funds', '55.5'],
    ]);
    expect(rounded(base.spend!.total.get(2022)!, 1)).toBe('4034.7');
    expect(rounded(base.spend!.frontier.get(2018)!, 1)).toBe('675.2');
  });
});

describe('baseline sources', () => {
  const text = readFileSync(new URL('../../scenarios/baseline.yaml', import.meta.url), 'utf8');
  it('every value carries a source: a report line or an assumption with a reason', async () => {
    const sources = [...text.matchAll(/source: "([^"]*)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(20);
    for (const source of sources) expect(source).toMatch(/^(l\.\d+|assumption: .{20,})/);
    // Every value entry (value: or low:) sits in an annotated map with a source.
    expect(text.match(/^\s+(value|low):/gm)!.length).toBe(sources.length);
  });
});
