import { describe, expect, it } from 'vitest';
import { load, problemsOf, withMarketSpace, withShare } from '../helpers.js';

/** The marketSpace range of a scenario, in 亿元, per case. */
async function space(value: string, unit?: string): Promise<[string, string, string]> {
  const text = (unit ? `unit: ${unit}\n` : '') + withMarketSpace(value);
  const range = (await load(text)).supplyChain!.marketSpace.get(2019)!;
  return [range.low.toString(), range.base.toString(), range.high.toString()];
}

async function share(value: string): Promise<[string, string, string]> {
  const range = (await load(withShare(value))).supplyChain!.modes[0]!.share.get(2019)!;
  return [range.low.toString(), range.base.toString(), range.high.toString()];
}

describe('amounts (SPEC §2.1)', () => {
  it.each([
    ['1500', '1500'],
    ['1033.6', '1033.6'],
    ['1e3', '1000'],
    ['"1500"', '1500'],
    ['6.1万亿', '61000'],
    ['6.1万亿元', '61000'],
    ['1500亿', '1500'],
    ['1500亿元', '1500'],
    ['5千万', '0.5'],
    ['5千万元', '0.5'],
    ['300百万', '3'],
    ['300百万元', '3'],
    ['20000万', '2'],
    ['20000万元', '2'],
    ['100000000元', '1'],
    ['12bn', '120'],
    ['12 bn', '120'],
    ['12BN', '120'],
    ['2tn', '20000'],
    ['500m', '5'],
    ['500mn', '5'],
    ['10000000k', '100'],
    ['0', '0'],
  ])('%s is %s亿元', async (written, yi) => {
    expect(await space(written)).toEqual([yi, yi, yi]);
  });

  it('reads bare numbers in the file unit', async () => {
    expect(await space('6.1', '万亿')).toEqual(['61000', '61000', '61000']);
    expect(await space('12', 'bn')).toEqual(['120', '120', '120']);
  });

  it('keeps exact decimals (no binary floating point)', async () => {
    expect(await space('0.1万亿')).toEqual(['1000', '1000', '1000']);
    expect((await space('0.30000000000000000001'))[1]).toBe('0.30000000000000000001');
  });

  it.each([
    ['-5', "negative amount '-5'; amounts are ≥ 0"],
    ['-5亿', "negative amount '-5亿'; amounts are ≥ 0"],
    ['5亿圆', "unknown unit '亿圆' (did you mean '亿元'?)"],
    ['5bm', "unknown unit 'bm' (did you mean 'bn'?)"],
    ['60%', "'60%' is a percentage, expected an amount"],
    ['abc', "'abc' is not a value: expected an amount"],
    [
      'true',
      'expected an amount (a number in 亿元, or with a unit: 6.1万亿, 1500亿, 12bn), a range (60～70亿) or {low, base, ' +
        "high}, got 'true'",
    ],
    ['[1, 2]', 'got a list'],
    ['', 'got nothing'],
  ])('rejects %j', async (written, message) => {
    const [problem, ...rest] = (await problemsOf(withMarketSpace(written)));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^test\.yaml:4:\d+: error: supplyChain\.marketSpace: /);
    expect(problem).toContain(message);
  });
});

describe('ratios (SPEC §2.1)', () => {
  it.each([
    ['0.6', '0.6'],
    ['60%', '0.6'],
    ['27.5%', '0.275'],
    ['27.5 %', '0.275'],
    ['0', '0'],
    ['1', '1'],
    ['100%', '1'],
    ['"0.25"', '0.25'],
  ])('%s is %s', async (written, fraction) => {
    expect(await share(written)).toEqual([fraction, fraction, fraction]);
  });

  it('suggests the percentage for a bare number above 1', async () => {
    expect(await problemsOf(withShare('66'))).toEqual([
      'test.yaml:7:14: error: supplyChain.modes.a.share: 66 is not a ratio (did you mean 66%?); expected a fraction ' +
        'in [0, 1] or a percentage',
    ]);
  });

  it.each([
    ['120%', "'120%' is outside 0%..100%"],
    ['-5%', "'-5%' is outside 0%..100%"],
    ['-0.1', "'-0.1' is outside 0%..100%"],
    ['5亿', "'5亿' has the unit '亿', expected a ratio"],
  ])('rejects %s', async (written, message) => {
    const problems = (await problemsOf(withShare(written)));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });
});

describe('ranges (SPEC §2.1)', () => {
  it.each([
    '60～70%', '60~70%', '60–70%', '60..70%', '60 to 70%', '60%～70%', '60%..70%', '0.6..0.7',
    '60% to 0.7'.replace('0.7', '70%'),
  ])(
    '%s is 60%, 65%, 70%',
    async (written) => {
      expect(await share(written)).toEqual(['0.6', '0.65', '0.7']);
    },
  );

  it('takes a {low, base, high} map, with the midpoint as the default base', async () => {
    expect(await share('{low: 60%, base: 66%, high: 70%}')).toEqual(['0.6', '0.66', '0.7']);
    expect(await share('{low: 60%, high: 70%}')).toEqual(['0.6', '0.65', '0.7']);
  });

  it('reads amount ranges with units on either or both ends', async () => {
    expect(await space('1～2万亿')).toEqual(['10000', '15000', '20000']);
    expect(await space('9000亿 to 1.1万亿')).toEqual(['9000', '10000', '11000']);
    expect(await space('{low: 1万亿, high: 12000}')).toEqual(['10000', '11000', '12000']);
  });

  it('rejects ranges out of order', async () => {
    expect((await problemsOf(withShare('70～60%')))[0]).toContain('range out of order');
    expect((await problemsOf(withShare('{low: 60%, base: 75%, high: 70%}')))[0]).toContain(
      'expected low ≤ base ≤ high',
    );
  });

  it('rejects a range where a single value is expected', async () => {
    expect((await problemsOf(withShare('{low: 60～61%, high: 70%}')))[0]).toContain(
      'expected a single value here, not a range',
    );
  });
});

describe('annotated values (SPEC §2.1)', () => {
  it('keeps the value of {value, source, note}', async () => {
    expect(await share('{value: 60%, source: "l.173", note: "n"}')).toEqual(['0.6', '0.6', '0.6']);
    expect(await share('{value: 60～70%, source: "l.173"}')).toEqual(['0.6', '0.65', '0.7']);
    expect(await share('{low: 60%, high: 70%, source: "l.173"}')).toEqual(['0.6', '0.65', '0.7']);
  });

  it('rejects unknown keys with a suggestion, and value together with low/high', async () => {
    expect(await problemsOf(withShare('{value: 60%, sorce: x}'))).toEqual([
      'test.yaml:7:27: error: supplyChain.modes.a.share.sorce: unknown key; a value map takes value, low, base, ' +
        "high, source, note, dist, coverage, values, weights (did you mean 'source'?)",
    ]);
    expect((await problemsOf(withShare('{value: 60%, low: 50%}')))[0]).toContain(
      'give either value or low/base/high, not both',
    );
    expect((await problemsOf(withShare('{source: x}')))[0]).toContain('a value map needs value, or low and high');
  });
});

/** The growth range of marketSpace {2019: 100, growth: value}, as fractions. */
async function growth(value: string): Promise<[string, string, string]> {
  const provenance = (await load(withMarketSpace(`{2019: 100, growth: "${value}"}`))).provenance.get(
    'supplyChain.marketSpace',
  )!;
  const range = provenance.growth!.range;
  return [range.low.toString(), range.base.toString(), range.high.toString()];
}

/** The one problem of a marketSpace, share, growth or count written as `value`. */
async function problemOf(kind: 'amount' | 'ratio' | 'growth' | 'count', value: string): Promise<string> {
  const text = {
    amount: withMarketSpace(`"${value}"`),
    ratio: withShare(`"${value}"`),
    growth: withMarketSpace(`{2019: 100, growth: "${value}"}`),
    count: `version: 1\nyears: 2019..2021\ntechSpend:\n  segments:\n    a: {firms: "${value}", perFirm: 1}\n`,
  }[kind];
  const problems = await problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0]!.replace(/^test\.yaml:\d+:\d+: error: [\w.]+: /, '');
}

describe('everyday notations (issue #14.9)', () => {
  it.each([
    ['125,000亿', '125000'],
    ['1,234.5', '1234.5'],
    ['12,345,678元', '0.12345678'],
    ['１２５，０００亿', '125000'],
    ['１２５０．５', '1250.5'],
    ['+5', '5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['1E3', '1000'],
  ])('reads the amount %s as %s亿元', async (written, yi) => {
    expect(await space(`"${written}"`)).toEqual([yi, yi, yi]);
  });

  it.each([
    ['50-58%', ['0.5', '0.54', '0.58']],
    ['50%-58%', ['0.5', '0.54', '0.58']],
    ['50 - 58%', ['0.5', '0.54', '0.58']],
    ['５０－５８％', ['0.5', '0.54', '0.58']],
    ['1e-3-2e-3', ['0.001', '0.0015', '0.002']],
  ])('reads %s as a range of ratios', async (written, fractions) => {
    expect(await share(`"${written}"`)).toEqual(fractions);
  });

  it('reads 60-70亿 as a range of amounts', async () => {
    expect(await space('60-70亿')).toEqual(['60', '65', '70']);
  });

  it('reads a leading - as a sign, and a - after a number as a range', async () => {
    expect(await growth('-5%')).toEqual(['-0.05', '-0.05', '-0.05']);
    expect(await growth('-5%-3%')).toEqual(['-0.05', '-0.01', '0.03']);
    expect(await growth('-5%--3%')).toEqual(['-0.05', '-0.04', '-0.03']);
    expect(await growth('1e-2')).toEqual(['0.01', '0.01', '0.01']);
  });

  it('suggests the percentage once for a bare range where a ratio belongs', async () => {
    expect(await problemOf('ratio', '50～58')).toBe(
      '50～58 is not a ratio (did you mean 50～58%?); expected a fraction in [0, 1] or a percentage',
    );
    expect(await problemOf('ratio', '50-58')).toBe(
      '50-58 is not a ratio (did you mean 50-58%?); expected a fraction in [0, 1] or a percentage',
    );
  });

  it.each([
    ['amount', '0x10', "'0x10' is a hexadecimal number; write numbers in decimal (16)"],
    ['ratio', '0x10%', "'0x10%' is a hexadecimal number; write numbers in decimal (16%)"],
    ['amount', '0o17亿', "'0o17亿' is an octal number; write numbers in decimal (15亿)"],
    ['amount', '-0b101', "'-0b101' is a binary number; write numbers in decimal (-5)"],
    ['amount', '1_000', "'1_000' groups digits with _; write 1000 or 1,000"],
    ['amount', '50,60', "'50,60' is not a number: a comma may only group thousands, as in 125,000"],
    ['amount', '12,34,567', "'12,34,567' is not a number: a comma may only group thousands, as in 125,000"],
    ['amount', '1,000,00', "'1,000,00' is not a number: a comma may only group thousands, as in 125,000"],
  ])('names the notation of the %s %s', async (kind, written, message) => {
    expect(await problemOf(kind as 'amount', written)).toBe(message);
  });
});

describe('numbers out of range (issue #15.2)', () => {
  const AMOUNT = 'is out of range: an amount is 0 or from 1e-12 to 1e12 亿元 (0.0001 元 to 1e20 元)';
  const RATIO = 'is out of range: a ratio is 0 or from 1e-12 to 1 (100%)';
  const GROWTH =
    'is out of range: a growth rate lies above -100% and at most 1000%, and is 0 or at least 1e-12 in size';
  const COUNT = 'is out of range: a count is a whole number from 0 to 1e9';

  it.each([
    ['amount', '1e999999999', AMOUNT],
    ['amount', '1e99999999999999999', AMOUNT],
    ['amount', '1e-99999999999999999', AMOUNT],
    ['amount', '1e-999999999', AMOUNT],
    ['amount', '1e-13', AMOUNT],
    ['amount', '1.000000000001e12', AMOUNT],
    ['amount', '1e9万亿', AMOUNT],
    ['amount', '1～1e13', AMOUNT],
    ['ratio', '1e-13', RATIO],
    ['ratio', '1e-99999999999999999%', RATIO],
    ['growth', '1e9999999999999%', GROWTH],
    ['growth', '1001%', GROWTH],
    ['growth', '-1e-13', GROWTH],
    ['count', '1e10', COUNT],
    ['count', '1000000001', COUNT],
  ])('refuses the %s %s, with the limits', async (kind, written, message) => {
    expect(await problemOf(kind as 'amount', written)).toBe(`'${written}' ${message}`);
  });

  it.each([
    ['1e12', '1000000000000'],
    ['1e-12', '1e-12'],
    ['1e8万亿', '1000000000000'],
    ['0e999999999', '0'],
    ['0.000000000001', '1e-12'],
  ])('takes the amount %s, at or inside the limits', async (written, yi) => {
    expect(await space(`"${written}"`)).toEqual([yi, yi, yi]);
  });

  it('refuses a range whose midpoint falls out of range, written or as a map', async () => {
    expect(await problemOf('growth', '0～1e-12')).toBe(`its midpoint 5e-13 ${GROWTH}`);
    expect(await problemOf('amount', '0～1e-12')).toBe(`its midpoint 5e-13 亿元 ${AMOUNT}`);
    expect((await problemsOf(withShare('{low: 0, high: 1e-12}')))[0]).toContain(`its midpoint 5e-13 ${RATIO}`);
    expect(await share('{low: 0, base: 1e-12, high: 1e-12}')).toEqual(['0', '1e-12', '1e-12']);
  });

  it('refuses more significant digits than it holds, rather than rounding them', async () => {
    expect(await problemOf('amount', '1.0000000000000000000000000000000000000001')).toBe(
      "'1.0000000000000000000000000000000000000001' has more than 40 significant digits, more than are held exactly",
    );
    expect(await space('"1.000000000000000000000000000000000000001"')).toEqual(
      Array(3).fill('1.000000000000000000000000000000000000001'),
    );
  });

  it('quotes a long text shortened', async () => {
    const long = `1${'0'.repeat(5000)}`;
    const problem = await problemOf('amount', long);
    expect(problem.length).toBeLessThan(300);
    expect(problem).toContain('(5001 characters)');
  });

  it('reads a value with a long run of blanks in time linear in its length', async () => {
    expect(await problemOf('amount', `1${' '.repeat(200_000)}x`)).toContain("unknown unit 'x'");
  });
});
