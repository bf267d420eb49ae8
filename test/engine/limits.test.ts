// The limits of each kind of number (src/shared/limits.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { isOutOfRange, type NumberKind } from '../../src/shared/limits.js';

/** The limits as docs/scenario-format.md states them. */
const LARGEST: Record<NumberKind, string> = { amount: '1e12', ratio: '1', growth: '10', count: '1e9' };
const outside = (kind: NumberKind, value: Decimal) =>
  value.abs().greaterThan(LARGEST[kind]) || (!value.isZero() && value.abs().lessThan('1e-12'));

describe('isOutOfRange', () => {
  const kinds: NumberKind[] = ['amount', 'ratio', 'growth', 'count'];

  it('is |value| above the largest of its kind, or nonzero below 1e-12: at random and at every edge', () => {
    const value = fc
      .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -60, max: 20 }))
      .map(([digits, exponent]) => new Decimal(`${digits}e${exponent}`));
    fc.assert(
      fc.property(fc.constantFrom(...kinds), value, (kind, x) => {
        expect(isOutOfRange(kind, x)).toBe(outside(kind, x));
      }),
      { numRuns: 5000 },
    );
    const edges = ['1e-12', '9.99e-13', '1.0000001e-12', '1', '1.000001', '0.999999', '10', '10.5', '9.99'];
    edges.push('1e9', '1.5e9', '9.9e8', '1e12', '1.0001e12', '9.99e11', '0');
    for (const kind of kinds) {
      for (const text of edges) {
        for (const x of [new Decimal(text), new Decimal(text).negated()]) {
          expect(isOutOfRange(kind, x), `${kind} ${x}`).toBe(outside(kind, x));
        }
      }
    }
  });
});
