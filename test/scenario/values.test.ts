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
    ['true', "expected an amount (a number in 亿元, or with a unit: 6.1万亿, 1500亿, 12bn), a range (60～70亿) or {low, base, high}, got 'true'"],
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
    expect((await problemsOf(withShare('66')))).toEqual([
      'test.yaml:7:14: error: supplyChain.modes.a.share: 66 is not a ratio (did you mean 66%?); expected a fraction in [0, 1] or a percentage',
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
  it.each(['60～70%', '60~70%', '60–70%', '60..70%', '60 to 70%', '60%～70%', '60%..70%', '0.6..0.7', '60% to 0.7'.replace('0.7', '70%')])(
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
    expect((await problemsOf(withShare('{low: 60%, base: 75%, high: 70%}')))[0]).toContain('expected low ≤ base ≤ high');
  });

  it('rejects a range where a single value is expected', async () => {
    expect((await problemsOf(withShare('{low: 60～61%, high: 70%}')))[0]).toContain('expected a single value here, not a range');
  });
});

describe('annotated values (SPEC §2.1)', () => {
  it('keeps the value of {value, source, note}', async () => {
    expect(await share('{value: 60%, source: "l.173", note: "n"}')).toEqual(['0.6', '0.6', '0.6']);
    expect(await share('{value: 60～70%, source: "l.173"}')).toEqual(['0.6', '0.65', '0.7']);
    expect(await share('{low: 60%, high: 70%, source: "l.173"}')).toEqual(['0.6', '0.65', '0.7']);
  });

  it('rejects unknown keys with a suggestion, and value together with low/high', async () => {
    expect((await problemsOf(withShare('{value: 60%, sorce: x}')))).toEqual([
      'test.yaml:7:27: error: supplyChain.modes.a.share.sorce: unknown key; a value map takes value, low, base, high, source, note, dist (did you mean \'source\'?)',
    ]);
    expect((await problemsOf(withShare('{value: 60%, low: 50%}')))[0]).toContain('give either value or low/base/high, not both');
    expect((await problemsOf(withShare('{source: x}')))[0]).toContain('a value map needs value, or low and high');
  });
});
