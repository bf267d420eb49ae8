import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { load, problemsOf } from '../helpers.js';
import { MAX_SERIES_YEARS } from '../../src/scenario/series.js';

function scenario(marketSpace: string, share = '50%', years = '2019..2023'): string {
  const modes = `  modes:\n    a:\n      share: ${share}\n      penetration: 50%\n`;
  return `years: ${years}\nsupplyChain:\n  marketSpace: ${marketSpace}\n${modes}`;
}

async function baseValues(text: string, pick: 'space' | 'share' = 'space'): Promise<string[]> {
  const supplyChain = (await load(text)).supplyChain!;
  const series = pick === 'space' ? supplyChain.marketSpace : supplyChain.modes[0]!.share;
  return [...series.values()].map((range) => range.base.toString());
}

describe('yearly series (SPEC §2.2)', () => {
  it('holds a single value every year', async () => {
    expect(await baseValues(scenario('100'))).toEqual(['100', '100', '100', '100', '100']);
  });

  it('interpolates amounts by cagr by default: v_a·(v_b/v_a)^((t−a)/(b−a))', async () => {
    const values = await baseValues(scenario('{2019: 100, 2023: 1600}'));
    expect(values).toEqual(['100', '200', '400', '800', '1600']);
  });

  it('interpolates ratios linearly by default', async () => {
    expect(await baseValues(scenario('100', '{2019: 20%, 2023: 60%}'), 'share'))
      .toEqual(['0.2', '0.3', '0.4', '0.5', '0.6']);
  });

  it('follows interpolate: linear | cagr | step', async () => {
    expect(await baseValues(scenario('{2019: 100, 2023: 500, interpolate: linear}')))
      .toEqual(['100', '200', '300', '400', '500']);
    expect(await baseValues(scenario('{2019: 100, 2021: 300, 2023: 500, interpolate: step}')))
      .toEqual(['100', '100', '300', '300', '500']);
    const shares = await baseValues(scenario('100', '{2019: 10%, 2023: 40%, interpolate: cagr}'), 'share');
    const cagr = shares.map((v) => new Decimal(v));
    expect(cagr[2]!.minus('0.2').abs().lessThan('1e-38')).toBe(true);
    // 2020 is 0.1 · 4^(1/4) = 0.1 · √2, to the 40 digits the engine keeps.
    expect(cagr[1]!.minus(new Decimal(2).sqrt().dividedBy(10)).abs().lessThan('1e-38')).toBe(true);
  });

  it('grows one anchor by growth: v_t = v_a·(1+g)^(t−a)', async () => {
    expect(await baseValues(scenario('{2019: 100, growth: 10%}'))).toEqual(['100', '110', '121', '133.1', '146.41']);
  });

  it('interpolates ranges end by end', async () => {
    const supplyChain = (await load(scenario('100', '{2019: 20%, 2023: 60～70%}'))).supplyChain!;
    const y2021 = supplyChain.modes[0]!.share.get(2021)!;
    expect([y2021.low, y2021.base, y2021.high].map(String)).toEqual(['0.4', '0.425', '0.45']);
  });

  it('applies a growth range to each end', async () => {
    const space = (await load(scenario('{2019: 100, growth: 10～20%}'))).supplyChain!.marketSpace.get(2021)!;
    expect([space.low, space.base, space.high].map(String)).toEqual(['121', '132.25', '144']);
  });

  it('names the series and its anchors when a year lies outside them', async () => {
    expect((await problemsOf(scenario('{2020: 100, 2022: 200}')))).toEqual([
      'test.yaml:3:16: error: supplyChain.marketSpace: no value for 2019, 2023: the anchors are 2020, 2022; '
        + 'add anchors that cover 2019..2023',
    ]);
    expect((await problemsOf(scenario('{2020: 100}')))[0]).toContain('add anchors or a growth rate');
  });

  it('needs anchors above 0 for cagr', async () => {
    expect((await problemsOf(scenario('{2019: 0, 2023: 100}')))[0])
      .toContain('cagr interpolation needs anchors above 0');
    expect(await baseValues(scenario('{2019: 0, 2023: 100, interpolate: linear}')))
      .toEqual(['0', '25', '50', '75', '100']);
  });

  it('rejects growth with several anchors, unknown methods and unknown keys', async () => {
    expect((await problemsOf(scenario('{2019: 100, 2023: 200, growth: 5%}')))[0])
      .toContain('growth needs exactly one anchor year, found 2');
    expect((await problemsOf(scenario('{2019: 100, 2023: 200, interpolate: cubic}')))[0])
      .toContain("unknown interpolation 'cubic'");
    expect((await problemsOf(scenario('{2019: 100, 2023: 200, interpolate: lineer}')))[0])
      .toContain("(did you mean 'linear'?)");
    expect((await problemsOf(scenario('{2019: 100, grwth: 5%}')))[0]).toContain("(did you mean 'growth'?)");
  });

  it('rejects a ratio that grows out of [0, 1]', async () => {
    expect((await problemsOf(scenario('100', '{2019: 60%, growth: 50%}')))[0])
      .toContain('grows outside 0%..100% in 2021');
  });

  it('accepts a negative growth rate for amounts', async () => {
    expect(await baseValues(scenario('{2019: 100, growth: -10%}'))).toEqual(['100', '90', '81', '72.9', '65.61']);
  });

  it('is exact in decimal: linear thirds sum back', async () => {
    const loaded = await load(scenario('{2019: 0, 2022: 1, interpolate: linear}', '50%', '2019..2022'));
    const values = loaded.supplyChain!.marketSpace;
    const third = values.get(2020)!.base;
    expect(third.times(3).minus(new Decimal(1)).abs().lessThan('1e-38')).toBe(true);
  });
});

describe('long spans and steep curves (issue #15.3)', () => {
  const AMOUNT = 'an amount is 0 or from 1e-12 to 1e12 亿元 (0.0001 元 to 1e20 元)';

  it('bounds anchor years to 1900..2500, at the anchor', async () => {
    expect(await problemsOf(scenario('{1000: 1, 9999: 2}'))).toEqual([
      'test.yaml:3:17: error: supplyChain.marketSpace.1000: anchor year 1000 is outside 1900..2500',
      'test.yaml:3:26: error: supplyChain.marketSpace.9999: anchor year 9999 is outside 1900..2500',
    ]);
  });

  it('bounds the years of a scenario and of a module to 1900..2500', async () => {
    expect(await problemsOf(scenario('100', '50%', '1800..1850')))
      .toEqual(['test.yaml:1:8: error: years: expected years within 1900..2500; got 1800..1850']);
    expect(await problemsOf(`supplyChain:\n  years: {from: 2490, to: 2501}\n  marketSpace: 100\n`)).toEqual([
      'test.yaml:2:10: error: supplyChain.years: expected years within 1900..2500; got 2490..2501',
    ]);
  });

  it('interpolates across the whole window: a cagr over 300 years, exact at the anchors', async () => {
    const values = await baseValues(scenario('{1900: 1, 2200: 1e12}'));
    // 2019 is 10^(12·119/300) = 10^4.76.
    expect(new Decimal(values[0]!).minus(new Decimal(10).pow('4.76')).abs().lessThan('1e-30')).toBe(true);
  });

  it('refuses a series that grows or falls out of range between or after its anchors', async () => {
    expect(await problemsOf(scenario('{2019: 1e12, growth: 1000%}'))).toEqual([
      `test.yaml:3:16: error: supplyChain.marketSpace: reaches 11000000000000 亿元 in 2020, out of range: ${AMOUNT}`,
    ]);
    expect(await problemsOf(scenario('{2019: 1e-12, growth: -99%}'))).toEqual([
      `test.yaml:3:16: error: supplyChain.marketSpace: reaches 1e-14 亿元 in 2020, out of range: ${AMOUNT}`,
    ]);
    expect(await problemsOf(scenario('{2019: 0, 2023: 1e-12, interpolate: linear}'))).toEqual([
      `test.yaml:3:16: error: supplyChain.marketSpace: reaches 2.5e-13 亿元 in 2020, out of range: ${AMOUNT}`,
    ]);
    expect((await problemsOf(scenario('100', '{2019: 0, 2023: 1e-12}')))[0])
      .toContain('reaches 2.5e-13 in 2020, out of range: a ratio is 0 or from 1e-12 to 1 (100%)');
  });

  it('refuses the steep curves that crashed the root, at the value', async () => {
    expect(await problemsOf(scenario('{2019: 1, 2021: 1e90}')))
      .toEqual([`test.yaml:3:32: error: supplyChain.marketSpace.2021: '1e90' is out of range: ${AMOUNT}`]);
    expect(await problemsOf(scenario('{2019: 1e99999999999999999, 2023: 1}'))).toEqual([
      `test.yaml:3:23: error: supplyChain.marketSpace.2019: '1e99999999999999999' is out of range: ${AMOUNT}`,
    ]);
  });

  it('interpolates by cagr anywhere in the window: exact at the anchors, v_a·(v_b/v_a)^((t−a)/(b−a)) between',
    async () => {
    const Wide = Decimal.clone({ precision: 80 });
    const amount = fc
      .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: -12, max: 6 }))
      .map(([digits, e]) => `${digits}e${e}`);
    const first = fc.integer({ min: 1900, max: 2199 });
    await fc.assert(
      fc.asyncProperty(amount, amount, first, fc.integer({ min: 1, max: 300 }), async (va, vb, a, span) => {
        const b = Math.min(2200, a + span);
        const t = a + Math.floor((b - a) / 3);
        const years = `${Math.max(a, b - 199)}..${b}`;
        const values = (await load(scenario(`{${a}: ${va}, ${b}: ${vb}}`, '50%', years))).supplyChain!.marketSpace;
        expect(values.get(b)!.base.equals(vb)).toBe(true);
        if (t < Math.max(a, b - 199)) return;
        const exact = new Wide(vb).dividedBy(va).pow(new Wide(t - a).dividedBy(b - a)).times(va);
        expect(new Wide(values.get(t)!.base).minus(exact).abs().lessThanOrEqualTo(exact.times('1e-36'))).toBe(true);
      }),
      { numRuns: 60 },
    );
    });

  it('takes the steepest curves the limits allow', async () => {
    expect(await baseValues(scenario('{2019: 1e-12, 2023: 1e12}')))
      .toEqual(['1e-12', '0.000001', '1', '1000000', '1000000000000']);
    expect(await baseValues(scenario('{2019: 1e12, 2023: 1e-12}')))
      .toEqual(['1000000000000', '1000000', '1', '0.000001', '1e-12']);
  });
});

describe('the work of a scenario is bounded by its yearly values (MAX_SERIES_YEARS)', () => {
  /** n segments over 200 years, each a cagr, all the same aliased series or each its own. */
  function segments(n: number, aliased: boolean): string {
    const spend = (i: number) => `{2000: ${i + 1}, 2100: ${i + 3}, 2199: ${i + 100}}`;
    const written = (i: number) => (!aliased ? spend(i) : i === 0 ? `&s ${spend(0)}` : '*s');
    const lines = Array.from({ length: n }, (_, i) => `    s${i}: {spend: ${written(i)}}`);
    return `techSpend:\n  years: 2000..2199\n  segments:\n${lines.join('\n')}\n`;
  }

  it('takes 500 inputs over 200 years, and refuses the 501st at the input that crosses the limit', async () => {
    expect(MAX_SERIES_YEARS).toBe(100_000);
    expect((await load(segments(500, false))).techSpend!.segments).toHaveLength(500);
    for (const aliased of [false, true]) {
      const problems = await problemsOf(segments(510, aliased));
      expect(problems).toHaveLength(1);
      expect(problems[0])
        .toMatch(/^test\.yaml:\d+:\d+: error: techSpend\.segments\.s500\.spend: too many yearly values: .* 100,000 /);
    }
  });
});
