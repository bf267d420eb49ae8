// labourSavings, technologies and institution tiers on small hand-computed cases.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { forecast } from '../../src/engine/forecast.js';
import { load, problemsOf } from '../helpers.js';

const values = (series: ReadonlyMap<number, { toString(): string }> | undefined) =>
  [...(series ?? new Map()).values()].map(String);
const fixture = readFileSync(new URL('../fixtures/labour.yaml', import.meta.url), 'utf8');

describe('labourSavings (report l.428-431)', async () => {
  const result = forecast(await load(fixture), ['low', 'base', 'high']);
  const base = result.cases.get('base')!.labour!;
  const [banks, insurance] = base.institutions;

  it('humanCost_t = humanServiceCost_t × (1 − replacementRate_t)', () => {
    // banks: 110 × 0.7, 121 × 0.5, 133.1 × 0.3
    expect(values(banks!.humanCost)).toEqual(['77', '60.5', '39.93']);
    expect(banks!.humanCostBefore.toString()).toBe('90'); // 100 × 0.9 in 2019
  });

  it('saving_t = humanCost_{t−1} − humanCost_t, and its running total', () => {
    expect(values(banks!.saving)).toEqual(['13', '16.5', '20.57']);
    expect(values(banks!.cumulativeSaving)).toEqual(['13', '29.5', '50.07']);
  });

  it('netSaving_t = saving_t − (smartServiceCost_t − smartServiceCost_{t−1})', () => {
    // smart cost 5, 10, 15, 20: +5 a year
    expect(values(banks!.netSaving)).toEqual(['8', '11.5', '15.57']);
    expect(insurance!.netSaving).toBeUndefined();
  });

  it('totals add the institutions; netSaving takes saving where there is no smart cost', () => {
    // insurance base: rate 0, 0.15, 0.3, 0.45 → humanCost 50, 42.5, 35, 27.5
    expect(values(insurance!.saving)).toEqual(['7.5', '7.5', '7.5']);
    expect(values(base.saving)).toEqual(['20.5', '24', '28.07']);
    expect(values(base.netSaving)).toEqual(['15.5', '19', '23.07']);
    expect(values(base.humanCost)).toEqual(['119.5', '95.5', '67.43']);
  });

  it('takes the low and high ends of the ranges', () => {
    const low = result.cases.get('low')!.labour!.institutions[1]!;
    const high = result.cases.get('high')!.labour!.institutions[1]!;
    expect(values(low.replacementRate)).toEqual(['0.1', '0.2', '0.3']);
    expect(values(high.replacementRate)).toEqual(['0.2', '0.4', '0.6']);
  });

  it('needs inputs that cover the year before the first', async () => {
    expect(
      await problemsOf(
        'years: 2020..2022\nlabourSavings:\n  institutions:\n    banks:\n      humanServiceCost: {2020: 100, growth: ' +
          '5%}\n      replacementRate: 50%\n',
      ),
    ).toEqual([
      'test.yaml:5:25: error: labourSavings.institutions.banks.humanServiceCost: no value for 2019: the anchors are ' +
        '2020; add anchors or a growth rate that cover 2019..2022',
    ]);
  });
});

describe('technologies', async () => {
  const tech = forecast(await load(fixture), ['base']).cases.get('base')!.tech!;
  it('spend, yearly growth from the second year, and the CAGR', () => {
    const [ai, iot] = tech.items;
    expect(values(ai!.spend)).toEqual(['100', '120', '144']);
    expect(values(ai!.growth)).toEqual(['0.2', '0.2']);
    expect(ai!.cagr!.toString()).toBe('0.2');
    expect(values(iot!.growth)).toEqual(['1']); // no growth from 0
    expect(iot!.cagr).toBeNull();
    expect(values(tech.total)).toEqual(['100', '125', '154']);
    expect(values(tech.growth)).toEqual(['0.25', '0.232']);
  });
});

describe('institution tiers and groups in techSpend', () => {
  const tiers = `techSpend:
  years: 2018..2019
  groups:
    funds: {label: Funds}
  segments:
    head: {group: funds, firms: 20, perFirm: {2018: 1.5亿, 2019: 2亿}, frontierShare: 10%}
    mid: {group: funds, firms: {2018: 30, 2019: 35}, perFirm: 0.5亿, frontierShare: 2%}
    other: {spend: 100, frontier: 10}
`;
  it('total = firms × perFirm; groups have subtotals', async () => {
    const spend = forecast(await load(tiers), ['base']).cases.get('base')!.spend!;
    const [head, mid] = spend.segments;
    expect(values(head!.total)).toEqual(['30', '40']);
    expect(values(mid!.total)).toEqual(['15', '17.5']);
    expect(values(mid!.firms)).toEqual(['30', '35']);
    const [funds] = spend.groups;
    expect(values(funds!.total)).toEqual(['45', '57.5']);
    expect(values(funds!.frontier)).toEqual(['3.3', '4.35']);
    expect(values(spend.total)).toEqual(['145', '157.5']);
  });

  it('checks firms (whole, ≥ 0), spend or firms, and groups', async () => {
    const bad = (segment: string, groups = '  groups:\n    funds: {}\n') =>
      `techSpend:\n${groups}  segments:\n    a: ${segment}\n    b: {spend: 1, group: funds}\n`;
    expect((await problemsOf(bad('{firms: 2.5, perFirm: 1}')))[0]).toContain(
      "'2.5' is not a count: expected a whole number ≥ 0",
    );
    expect((await problemsOf(bad('{firms: -3, perFirm: 1}')))[0]).toContain("'-3' is not a count");
    expect((await problemsOf(bad('{spend: 1, firms: 3, perFirm: 1}')))[0]).toContain(
      'give spend, or firms and perFirm, not both',
    );
    expect((await problemsOf(bad('{firms: 3}')))[0]).toContain('perFirm: missing; perFirm is required');
    expect((await problemsOf(bad('{spend: 1, group: fund}')))[0]).toContain("no group 'fund' (did you mean 'funds'?)");
    expect(await problemsOf(bad('{spend: 1}', '  groups:\n    funds: {}\n    banks: {}\n'))).toEqual([
      'test.yaml:3:5: error: techSpend.groups.banks: no segment is in this group; give segments group: ' +
        'banks, or remove it',
    ]);
  });
});
