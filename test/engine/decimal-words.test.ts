import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { dividedBy, plainText, plus, roundedAs, times } from '../../src/shared/decimal-words.js';

// The words' paths must be decimal.js, digit for digit: the same value and the
// same representation (d, e, s), at every precision, for digits that round on,
// below and above a midpoint and that carry through every word (runs of 9s).
const classes = [1, 2, 7, 8, 14, 20, 40, 52].map((precision) =>
  Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN }),
);

/** Significant digits drawn from a small alphabet, so runs of 9, 0 and 5 are common. */
const digitText = fc
  .array(fc.constantFrom('0', '1', '4', '5', '5', '9', '9', '9'), { minLength: 1, maxLength: 60 })
  .map((digits) => `1${digits.join('')}`.replace(/^1/, (one) => (digits[0] === '0' ? '9' : one)));
/** A non-zero decimal of up to 61 digits, any sign, exponent −40..40. */
const value = fc
  .tuple(digitText, fc.integer({ min: -40, max: 40 }), fc.boolean())
  .map(([digits, exponent, negative]) => `${negative ? '-' : ''}${digits}e${exponent}`);

const representation = (d: Decimal) => {
  const { d: digits, e, s } = d as unknown as { d: number[]; e: number; s: number };
  return { digits: [...digits], e, s, constructor: d.constructor };
};

type Operation = (x: Decimal, y: Decimal) => Decimal;

/** Whether ours gives decimal.js's result, value and representation, for 20,000 random pairs at every precision. */
function agreesOnRandomPairs(ours: Operation, theirs: Operation): void {
  fc.assert(
    fc.property(value, value, fc.constantFrom(...classes), (a, b, Class) => {
      const [x, y] = [new Class(a), new Class(b)];
      expect(representation(ours(x, y))).toEqual(representation(theirs(x, y)));
    }),
    { numRuns: 20_000 },
  );
}

describe('times', () => {
  it('is decimal.js times, representation and all, at every precision', () => {
    agreesOnRandomPairs(times, (x, y) => x.times(y));
  });

  it('carries a rounding through every word: 9…9 · 1 rounds up to a power of ten', () => {
    for (const Class of classes) {
      for (let nines = 1; nines <= 60; nines++) {
        const x = new Class(`${'9'.repeat(nines)}e-3`);
        expect(representation(times(x, new Class(1)))).toEqual(representation(x.times(1)));
        expect(representation(times(x, new Class('1.0000001')))).toEqual(representation(x.times('1.0000001')));
      }
    }
  });

  it('leaves zero, infinities and NaN to decimal.js', () => {
    for (const [a, b] of [[0, 5], [5, 0], [Infinity, 2], [NaN, 1], [-Infinity, 0]] as const) {
      const [x, y] = [new Decimal(a), new Decimal(b)];
      expect(times(x, y).toString()).toBe(x.times(y).toString());
    }
  });
});

describe('dividedBy', () => {
  it('is decimal.js dividedBy, representation and all, at every precision', () => {
    agreesOnRandomPairs(dividedBy, (x, y) => x.dividedBy(y));
  });

  it('rounds exact quotients and midpoints as decimal.js does', () => {
    for (const Class of classes) {
      for (const [a, b] of [['1', '8'], ['5', '2'], ['15', '2'], ['25', '2'], ['1', '3'], ['2', '3'], ['9999999', '1'],
        ['99999999999999', '9999999'], ['1e-30', '7'], ['123456789', '1e-20']]) {
        const [x, y] = [new Class(a!), new Class(b!)];
        expect(representation(dividedBy(x, y))).toEqual(representation(x.dividedBy(y)));
      }
    }
  });

  it('leaves zero, infinities and NaN to decimal.js', () => {
    for (const [a, b] of [[0, 5], [5, 0], [Infinity, 2], [NaN, 1], [0, 0]] as const) {
      const [x, y] = [new Decimal(a), new Decimal(b)];
      expect(dividedBy(x, y).toString()).toBe(x.dividedBy(y).toString());
    }
  });
});

describe('plainText', () => {
  /** What render/numbers.ts wrote before: toSignificantDigits, toFixed, trailing zeros trimmed. */
  const byDecimalJs = (x: Decimal, digits: number) => {
    const text = x.toSignificantDigits(digits, Decimal.ROUND_HALF_EVEN).toFixed();
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  };

  it('is decimal.js toSignificantDigits and toFixed, trailing zeros trimmed, for 1 to 45 digits', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 45 }), (a, digits) => {
        const x = new Decimal(a);
        expect(plainText(x, digits)).toBe(byDecimalJs(x, digits));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes zero, whole numbers, carries to a new digit and tiny fractions like decimal.js', () => {
    for (const a of ['0', '-0', '100', '1e21', '9.9999999999999999999999', '-99999995', '0.000000123456789', '5e-30']) {
      const x = new Decimal(a);
      for (const digits of [1, 2, 7, 8, 20]) expect(plainText(x, digits)).toBe(byDecimalJs(x, digits));
    }
  });
});

describe('plus', () => {
  it('is decimal.js plus, representation and all, at every precision, for either sign', () => {
    agreesOnRandomPairs(plus, (x, y) => x.plus(y));
  });

  it('carries through every word, and adds values far apart, like decimal.js', () => {
    for (const Class of classes) {
      for (const [a, b] of [['9999999', '1'], ['99999999999999.5', '0.5'], ['1e30', '1e-30'], ['1e100', '1'],
        ['5e-41', '1'], ['0.5', '0.5'], ['123', '0']]) {
        const [x, y] = [new Class(a!), new Class(b!)];
        expect(representation(plus(x, y))).toEqual(representation(x.plus(y)));
      }
    }
  });
});

describe('roundedAs', () => {
  it('is new Class(x.toSignificantDigits(Class.precision)), representation and all', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(...classes), fc.constantFrom(...classes), (a, From, To) => {
        const x = new From(a);
        expect(representation(roundedAs(x, To))).toEqual(representation(new To(x.toSignificantDigits(To.precision))));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('a precision beyond the scratch words', () => {
  it("gives decimal.js's result (the words would not fit the scratch arrays)", () => {
    const Long = Decimal.clone({ precision: 400, rounding: Decimal.ROUND_HALF_EVEN });
    const [x, y] = [new Long(2), new Long(3)];
    expect(representation(dividedBy(x, y))).toEqual(representation(x.dividedBy(y)));
  });
});
