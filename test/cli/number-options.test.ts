// Numbers on the command line (issue #15, §5): decimal notation only, each option
// within its documented range, refused with exit 2 and one line otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit.js';
import { parseRule, parseTolerance } from '../../src/cli/arguments.js';
import { parsePercentOption, parseWholeOption, parsePercentilesOption } from '../../src/cli/options.js';
import { readPlainNumber } from '../../src/scenario/values.js';
import { Decimal } from '../../src/shared/decimal.js';
import { isOutOfRange } from '../../src/shared/limits.js';
import { runCli } from './in-process.js';
import { numberTexts } from './number-texts.js';

async function simulateJson(args: string[]): Promise<{ samples: number; seed: number; percentiles: number[] }> {
  const result = await runCli(['simulate', '-t', 'market', '-f', 'json', '--no-stamp', '-n', '10', ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function usageError(args: string[]): Promise<string> {
  const result = await runCli(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('number options', () => {
  it('read decimal notation: exponents, thousands separators, full-width digits', async () => {
    expect((await simulateJson(['-n', '1e2'])).samples).toBe(100);
    expect((await simulateJson(['-n', '1,000'])).samples).toBe(1000);
    expect((await simulateJson(['-n', '２０'])).samples).toBe(20);
    expect((await simulateJson(['--seed', '7.0'])).seed).toBe(7);
    expect((await simulateJson(['--percentiles', '2.5,50,97.5'])).percentiles).toEqual([2.5, 50, 97.5]);
    expect((await simulateJson(['--percentiles', '1e1, 9e1'])).percentiles).toEqual([10, 90]);
  });

  it.each([
    [
      ['simulate', '--percentiles', '0x10'],
      "fintech-calc: error: --percentiles: '0x10' is a hexadecimal number; write numbers in decimal (16); expected " +
        'numbers from 0 to 100, e.g. 5,50,95',
    ],
    [
      ['simulate', '--percentiles', '5,0o50,95'],
      "fintech-calc: error: --percentiles: '0o50' is an octal number; write numbers in decimal (40); expected " +
        'numbers from 0 to 100, e.g. 5,50,95',
    ],
    [
      ['simulate', '--percentiles', '5,,95'],
      "fintech-calc: error: --percentiles: expected numbers from 0 to 100, e.g. 5,50,95, got ''",
    ],
    [
      ['simulate', '--percentiles', 'Infinity'],
      "fintech-calc: error: --percentiles: expected numbers from 0 to 100, e.g. 5,50,95, got 'Infinity'",
    ],
    [
      ['simulate', '--percentiles', '1e999999999'],
      "fintech-calc: error: --percentiles: expected numbers from 0 to 100, e.g. 5,50,95, got '1e999999999'",
    ],
    [
      ['simulate', '-n', '0b1010'],
      "fintech-calc: error: -n, --samples: '0b1010' is a binary number; write numbers in decimal (10); expected a " +
        'whole number from 1 to 10000000',
    ],
    [
      ['simulate', '-n', '1_000'],
      "fintech-calc: error: -n, --samples: '1_000' groups digits with _; write 1000 or 1,000; expected a whole " +
        'number from 1 to 10000000',
    ],
    [
      ['simulate', '-n', '1.5'],
      "fintech-calc: error: -n, --samples: expected a whole number from 1 to 10000000, got '1.5'",
    ],
    [
      ['simulate', '-n', '1e99999999999999999'],
      "fintech-calc: error: -n, --samples: expected a whole number from 1 to 10000000, got '1e99999999999999999'",
    ],
    [
      ['simulate', '-n', 'NaN'],
      "fintech-calc: error: -n, --samples: expected a whole number from 1 to 10000000, got 'NaN'",
    ],
    [
      ['simulate', '--seed', '9007199254740992'],
      "fintech-calc: error: --seed: expected a whole number from 0 to 9007199254740991, got '9007199254740992'",
    ],
    [
      ['simulate', '--seed', '-1'],
      "fintech-calc: error: --seed: expected a whole number from 0 to 9007199254740991, got '-1'",
    ],
    [
      ['sensitivity', '--metric', 'market.marketSize.2023', '--swing', '0x10%'],
      "fintech-calc: error: --swing: '0x10' is a hexadecimal number; write numbers in decimal (16); expected a " +
        'percentage from 0% to 100%, such as 10%',
    ],
    [
      ['sensitivity', '--metric', 'market.marketSize.2023', '--swing', '150%'],
      "fintech-calc: error: --swing: expected a percentage from 0% to 100%, such as 10%, got '150%'",
    ],
    [
      ['check', '--max-growth', '1e99999999999999999%'],
      'fintech-calc: error: --max-growth: expected a percentage from 0% to 1000000%, such as 50%, got ' +
        "'1e99999999999999999%'",
    ],
    [
      ['check', '--max-growth', '-5%'],
      "fintech-calc: error: --max-growth: expected a percentage from 0% to 1000000%, such as 50%, got '-5%'",
    ],
  ])('%j: %s', async (args, message) => {
    expect(await usageError(args)).toBe(message);
  });

  it('take a percentage with exponents and full-width digits', async () => {
    const result = await runCli(['sensitivity', '--metric', 'market.marketSize.2023', '--swing', '1e1％', '-f', 'json']);
    expect(result.code, result.stderr).toBe(0);
  });

  it('never return anything but a number in range, or a usage error', () => {
    const parsers = [
      (text: string) => parseWholeOption('-n', text, 1, 10_000_000),
      (text: string) => parsePercentilesOption(text)[0]!,
      (text: string) => parsePercentOption('--swing', text, '10%', 1).toNumber() * 100,
    ];
    const bounds = [
      [1, 10_000_000],
      [0, 100],
      [0, 100],
    ] as const;
    fc.assert(
      fc.property(fc.oneof(numberTexts(), numberTexts().map((text) => `${text}%`)), fc.nat(2), (text, which) => {
        try {
          const value = parsers[which]!(text);
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(bounds[which]![0]);
          expect(value).toBeLessThanOrEqual(bounds[which]![1]);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('values on the command line (--target, --tolerance, --fail-on) read the scenario number syntax', () => {
  it.each([
    ['1e3', '1000'],
    ['1,000', '1000'],
    ['+5', '5'],
    ['５', '5'],
    ['１，０００', '1000'],
    ['1e-3', '0.001'],
    ['2.5E1亿', '25'],
  ])('--tolerance %s is an amount of %s 亿元', (text, amount) => {
    expect(parseTolerance(text, '亿元', '--tolerance')).toEqual({ kind: 'absolute', amount: new Decimal(amount) });
    expect(parseRule(`market.*>${text}`, '亿元').threshold).toEqual({ kind: 'absolute', amount: new Decimal(amount) });
  });

  it('reads a relative threshold the same way: 1e-1%, ５％', () => {
    expect(parseTolerance('1e-1%', '亿元', '--tolerance')).toEqual({ kind: 'relative', fraction: new Decimal('0.001') });
    expect(parseTolerance('５％', '亿元', '--tolerance')).toEqual({ kind: 'relative', fraction: new Decimal('0.05') });
  });

  it.each([
    [
      ['diff', 'baseline', 'bank-led', '--tolerance', '0x10'],
      "fintech-calc: error: --tolerance: '0x10' is a hexadecimal number; write numbers in decimal (16); expected an " +
        'amount in the output unit (0.5), an amount with a unit (5亿) or a percentage (0.1%)',
    ],
    [
      ['diff', 'baseline', 'bank-led', '--fail-on', 'market.*>1_000'],
      "fintech-calc: error: --fail-on 'market.*>1_000': '1_000' groups digits with _; write 1000 or 1,000; expected " +
        'an amount in the output unit (0.5), an amount with a unit (5亿) or a percentage (0.1%)',
    ],
    [
      ['diff', 'baseline', 'bank-led', '--tolerance', '-5'],
      'fintech-calc: error: --tolerance: a tolerance is not negative; expected an amount in the output unit (0.5), ' +
        "an amount with a unit (5亿) or a percentage (0.1%), got '-5'",
    ],
    [
      ['diff', 'baseline', 'bank-led', '--tolerance', '1-2%'],
      "fintech-calc: error: --tolerance: expected one value, not a range: '1-2%'; expected an amount in the output " +
        'unit (0.5), an amount with a unit (5亿) or a percentage (0.1%)',
    ],
  ])('%j: %s', async (args, message) => {
    expect(await usageError(args)).toBe(message);
  });

  it('solve takes a target with an exponent, a sign or full-width digits', async () => {
    for (const target of ['2.85e-2', '+2.85%', '２．８５％']) {
      const result = await runCli([
        'solve',
        '--target',
        `profit.profitShare.2023=${target}`,
        '--vary',
        'bankProfit.profitShare',
        '-f',
        'json',
      ]);
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout).value).toBe('0.0285');
    }
  });

  it('a tolerance is the number the shared reader reads, or a usage error, over the notation table', () => {
    fc.assert(
      fc.property(fc.oneof(numberTexts(), numberTexts().map((text) => `${text}亿`)), (text) => {
        const plain = readPlainNumber(text.replace(/亿$/, ''));
        try {
          const tolerance = parseTolerance(text, '亿元', '--tolerance');
          expect(tolerance.kind).toBe('absolute');
          expect(plain).toBeInstanceOf(Decimal);
          expect(tolerance.kind === 'absolute' && tolerance.amount.equals(plain as Decimal)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          // Refused only when the shared reader refuses it too, or it is out of range.
          if (plain instanceof Decimal) expect(plain.isNegative() || isOutOfRange('amount', plain)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tiny numbers in options', () => {
  it.each([
    [
      ['simulate', '--percentiles', '5,1e-99999999999'],
      "fintech-calc: error: --percentiles: '1e-99999999999' is too small: a number other than 0 is at least 1e-12 " +
        'here; expected numbers from 0 to 100, e.g. 5,50,95',
    ],
    [
      ['sensitivity', '--metric', 'market.marketSize.2023', '--swing', '1e-99999999999%'],
      "fintech-calc: error: --swing: '1e-99999999999' is too small: a number other than 0 is at least 1e-12 here; " +
        'expected a percentage from 0% to 100%, such as 10%',
    ],
  ])('are refused, not read as 0: %j', async (args, message) => {
    expect(await usageError(args)).toBe(message);
  });

  it('never become 0 unless written as 0, over the notation table', () => {
    fc.assert(
      fc.property(numberTexts(), (text) => {
        try {
          const value = parsePercentilesOption(text)[0]!;
          const written = readPlainNumber(text.split(',')[0]!);
          expect(value === 0).toBe(written instanceof Decimal && written.isZero());
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
