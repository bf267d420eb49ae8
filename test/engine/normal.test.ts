import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalQuantile } from '../../src/engine/simulate/normal.js';

describe('the standard normal distribution', () => {
  it('has the published values (to 1e-15)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300946, 17);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
  });

  it('Φ(Φ⁻¹(p)) = p to within 1e-13 of p or 1 − p, for p from 1e-20 (below any draw: 2^-54)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-20, max: 1, noNaN: true, maxExcluded: true }), (p) => {
        const error = Math.abs(normalCdf(normalQuantile(p)) - p);
        expect(error).toBeLessThanOrEqual(1e-13 * Math.min(p, 1 - p) + 1e-17);
      }),
    );
  });

  it('is symmetric and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: -30, max: 30, noNaN: true }), (x, y) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 15);
        if (x < y) expect(normalCdf(x)).toBeLessThanOrEqual(normalCdf(y));
      }),
    );
    expect([normalQuantile(0), normalQuantile(1)]).toEqual([-Infinity, Infinity]);
    expect([normalCdf(-Infinity), normalCdf(Infinity), normalCdf(-40), normalCdf(41)]).toEqual([0, 1, 0, 1]);
  });
});
