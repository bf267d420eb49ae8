import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, nthRoot, parseDecimal, powersOf } from '../../src/shared/decimal.js';
import { decimalCalc } from '../../src/engine/calc/calc.js';

// A referee with far more digits than the engine's 40.
const Wide = Decimal.clone({ precision: 120 });

/** A positive decimal with up to 30 significant digits, between 1e-25 and 1e35. */
const positive = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 30n - 1n }), fc.integer({ min: -55, max: 5 }))
  .map(([digits, exponent]) => new Decimal(`${digits}e${exponent}`));

/** A positive decimal with up to 40 significant digits (the precision) and an exponent in [min, max]. */
const decimalIn = (min: number, max: number) =>
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 40n - 1n }), fc.integer({ min, max }))
    .map(([digits, e]) => new Decimal(`${digits}e${e - digits.toString().length + 1}`));

/** Whether x lies between the n-th powers of root ± half a unit in its last place. */
function isCorrectlyRounded(root: Decimal, x: Decimal, n: number): boolean {
  const halfUlp = new Wide(10).pow(root.e - Decimal.precision + 1).dividedBy(2);
  const below = new Wide(root).minus(halfUlp).pow(n);
  const above = new Wide(root).plus(halfUlp).pow(n);
  return below.lessThanOrEqualTo(x) && above.greaterThanOrEqualTo(x);
}

describe('nthRoot', () => {
  it('is correctly rounded: x lies between the n-th powers of the root ± half a unit in the last place', () => {
    fc.assert(
      fc.property(positive, fc.integer({ min: 2, max: 12 }), (x, n) => {
        const root = nthRoot(x, n);
        expect(root.precision(true)).toBeLessThanOrEqual(Decimal.precision);
        expect(isCorrectlyRounded(root, x, n)).toBe(true);
      }),
    );
  });

  // cagr takes the root of v_b / v_a over b − a years: amounts of 1e-12..1e12 亿元 give
  // quotients of 1e-24..1e24, anchors in 1900..2200 spans of up to 300 years; an output's
  // cagr divides sums of such amounts. The whole range, and well beyond it:
  it('is correctly rounded over the documented range: quotients 1e-30..1e30, spans of 1..300 years', () => {
    fc.assert(
      fc.property(decimalIn(-30, 30), fc.integer({ min: 1, max: 300 }), (x, n) => {
        const root = nthRoot(x, n);
        expect(root.precision(true)).toBeLessThanOrEqual(Decimal.precision);
        expect(isCorrectlyRounded(root, x, n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is correct for exponents far outside the range (no "e--2" from a negative scale)', () => {
    expect(nthRoot(new Decimal('1e90'), 2).toString()).toBe('1e+45');
    expect(nthRoot(new Decimal('1e200'), 4).toString()).toBe('1e+50');
    fc.assert(
      fc.property(decimalIn(-5000, 5000), fc.integer({ min: 2, max: 40 }), (x, n) => {
        expect(isCorrectlyRounded(nthRoot(x, n), x, n)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('rounds a root that lies on, or a hair from, a rounding midpoint exactly (half to even)', () => {
    // Exact for a 41-digit midpoint to the 43rd power (1,763 digits), with a hair far below them.
    const Exact = Decimal.clone({ precision: 2000 });
    const hair = new Exact(10).pow(-1900);
    for (const [midpoint, lower, upper, even] of [
      ['1.0000000000000000000000000000000000000005', '1', '1.000000000000000000000000000000000000001', '1'],
      [
        '2.0000000000000000000000000000000000000015',
        '2.000000000000000000000000000000000000001',
        '2.000000000000000000000000000000000000002',
        '2.000000000000000000000000000000000000002',
      ],
    ] as const) {
      // 2, 3, 7: the integer root; 41, 43: Newton in decimal, its midpoints compared in BigInt.
      for (const n of [2, 3, 7, 41, 43]) {
        const power = new Exact(midpoint).pow(n);
        expect(nthRoot(new Decimal(power), n).toString()).toBe(even);
        expect(nthRoot(new Decimal(power.plus(hair)), n).toString()).toBe(upper);
        expect(nthRoot(new Decimal(power.minus(hair)), n).toString()).toBe(lower);
      }
    }
  });

  it('takes the root of 0 (the cagr of a series that ends at 0)', () => {
    expect(nthRoot(new Decimal(0), 4).isZero()).toBe(true);
  });

  it('costs about as much for a 300-year span as for a 41-year one (Newton in decimal beyond 40 years)', () => {
    const x = new Decimal('1.234567890123456789012345678901234567891');
    const time = (n: number) => {
      const start = performance.now();
      for (let i = 0; i < 100; i++) nthRoot(x, n);
      return performance.now() - start;
    };
    // Paired batches, the median ratio: the machine's noise hits both sides alike.
    const ratios = Array.from({ length: 9 }, () => time(300) / time(41)).sort((a, b) => a - b);
    // An integer root of a 300·42-digit integer takes ~10× longer than one of 41·42 digits; Newton in
    // decimal grows with log n.
    expect(ratios[4]).toBeLessThan(5);
  });

  it('is exact for exact powers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 1, max: 6 }), (digits, exponent, n) => {
        const y = new Decimal(`${digits}e${exponent}`);
        expect(nthRoot(y.pow(n), n).equals(y)).toBe(true);
      }),
    );
  });

  it('agrees with decimal.js square root', () => {
    for (const x of ['2', '1.2626262626262626', '0.000123', '98765432109876543210']) {
      expect(nthRoot(new Decimal(x), 2).toString()).toBe(new Decimal(x).sqrt().toString());
    }
  });
});

describe('parseDecimal', () => {
  it.each([
    ['1500', '1500'],
    ['+5', '5'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['-1.5e3', '-1500'],
    ['1E-3', '0.001'],
    ['0e99999999999999999999', '0'],
    ['-0', '0'],
    ['0.30000000000000000001', '0.30000000000000000001'],
    ['1234567890123456789012345678901234567890', '1.23456789012345678901234567890123456789e+39'],
    ['1e999999999999999', '1e+999999999999999'],
  ])('reads %s exactly as %s', (text, value) => {
    const parsed = parseDecimal(text);
    expect(parsed).toBeInstanceOf(Decimal);
    expect(parsed.toString()).toBe(value);
    expect((parsed as Decimal).isNegative() && (parsed as Decimal).isZero()).toBe(false);
  });

  it.each([
    ['12345678901234567890123456789012345678901', 'too many digits'],
    ['0.000123456789012345678901234567890123456789012', 'too many digits'],
    ['1e99999999999999999', 'too large'],
    ['-1e99999999999999999', 'too large'],
    ['1e-99999999999999999', 'too small'],
  ])('refuses %s: %s, rather than rounding it, or making it Infinity or 0', (text, why) => {
    expect(parseDecimal(text)).toBe(why);
  });

  it('holds every number of up to 40 digits exactly: it prints back as written', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n) + 1n, max: 10n ** 40n - 1n }),
        fc.integer({ min: -60, max: 60 }), (digits, scale) => {
        const text = `${digits}e${scale}`;
        const parsed = parseDecimal(text) as Decimal;
        expect(parsed.equals(new Decimal(digits.toString()).times(new Decimal(10).pow(scale)))).toBe(true);
      }),
    );
  });
});

describe('cagr (the spend and technology outputs)', () => {
  it('is (last / first)^(1/years) − 1 to the precision, over the whole range: amounts 1e-12..1e14 (sums of ' +
    'them), 1..200 years', () => {
    fc.assert(
      fc.property(decimalIn(-12, 14), decimalIn(-12, 14), fc.integer({ min: 1, max: 200 }), (first, last, periods) => {
        const cagr = decimalCalc.cagr(first, last, periods)!;
        const root = new Wide(last).dividedBy(first).pow(new Wide(1).dividedBy(periods));
        // The root is rounded to 40 digits, then the subtraction of 1: half a unit in the last place each.
        const bound = root.plus(cagr.abs()).times('1e-39');
        expect(new Wide(cagr).minus(root.minus(1)).abs().lessThanOrEqualTo(bound)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is -100% for a series that ends at 0, and undefined for one that starts there', () => {
    expect(decimalCalc.cagr(new Decimal(5), new Decimal(0), 4)!.toString()).toBe('-1');
    expect(decimalCalc.cagr(new Decimal(0), new Decimal(5), 4)).toBeUndefined();
  });
});

describe('powersOf', () => {
  it('gives x^k for k = 1, 2, … 200 in turn, and out of turn, within an ulp of the exact power', () => {
    fc.assert(
      fc.property(decimalIn(-1, 0), fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 3 }), (x, jumps) => {
        const power = powersOf(x);
        const asked = [...Array.from({ length: 200 }, (_, i) => i + 1), ...jumps];
        for (const k of asked) {
          const exact = new Wide(x).pow(k);
          const ulp = new Wide(10).pow(exact.e - Decimal.precision + 1);
          expect(new Wide(power(k)).minus(exact).abs().lessThanOrEqualTo(ulp)).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });
});
