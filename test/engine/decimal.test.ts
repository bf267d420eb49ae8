import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, nthRoot } from '../../src/decimal.js';

// A referee with far more digits than the engine's 40.
const Wide = Decimal.clone({ precision: 120 });

/** A positive decimal with up to 30 significant digits, between 1e-25 and 1e35. */
const positive = fc
  .tuple(fc.bigInt({ min: 1n, max: 10n ** 30n - 1n }), fc.integer({ min: -55, max: 5 }))
  .map(([digits, exponent]) => new Decimal(`${digits}e${exponent}`));

describe('nthRoot', () => {
  it('is correctly rounded: x lies between the n-th powers of the root ± half a unit in the last place', () => {
    fc.assert(
      fc.property(positive, fc.integer({ min: 2, max: 12 }), (x, n) => {
        const root = nthRoot(x, n);
        expect(root.precision(true)).toBeLessThanOrEqual(Decimal.precision);
        const halfUlp = new Wide(10).pow(root.e - Decimal.precision + 1).dividedBy(2);
        const below = new Wide(root).minus(halfUlp).pow(n);
        const above = new Wide(root).plus(halfUlp).pow(n);
        expect(below.lessThanOrEqualTo(x) && above.greaterThanOrEqualTo(x)).toBe(true);
      }),
    );
  });

  it('is exact for exact powers', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.integer({ min: -8, max: 8 }), fc.integer({ min: 1, max: 6 }), (digits, exponent, n) => {
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
