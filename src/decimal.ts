// The one Decimal constructor of the project. decimal.js rounds every operation
// (not only division) to `precision` significant digits, so we take 40, far more
// than any output shows; we never call Decimal.set, which would change the
// global that other libraries share.
import { Decimal as DecimalJs } from 'decimal.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/**
 * x^(1/n) for x > 0, correctly rounded to the precision: the exact integer root
 * of x scaled by a power of ten, in BigInt. decimal.js has no nth root, and its
 * sqrt (or a fractional pow) is slow, which start-up feels: every cagr series
 * takes one root per anchor pair.
 */
export function nthRoot(x: Decimal, n: number): Decimal {
  if (n === 1) return x;
  // Scale so that the root has GUARD digits more than the precision; x has at
  // most `precision` significant digits, so x · 10^(n·scale) is an integer.
  const scale = Decimal.precision + GUARD - Math.floor(x.e / n);
  const scaled = BigInt(x.times(`1e${n * scale}`).toFixed(0));
  const root = integerRoot(scaled, BigInt(n));
  // A sticky last digit when the root is inexact, so that rounding is correct.
  const digits = root ** BigInt(n) === scaled ? `${root}0` : `${root}1`;
  return new Decimal(`${digits}e-${scale + 1}`).toSignificantDigits(Decimal.precision);
}

const GUARD = 2;

/** ⌊N^(1/n)⌋ by Newton's method from above, started from a float estimate. */
function integerRoot(value: bigint, n: bigint): bigint {
  // Float estimate from the leading digits, raised a little so it is above the root.
  const length = value.toString().length;
  const shift = Math.max(0, Math.ceil((length - 30) / Number(n))) * Number(n);
  const leading = Number(value / 10n ** BigInt(shift));
  let root = BigInt(Math.ceil(leading ** (1 / Number(n)) * (1 + 1e-9)) + 1) * 10n ** (BigInt(shift) / n);
  for (;;) {
    const next = ((n - 1n) * root + value / root ** (n - 1n)) / n;
    if (next >= root) return root;
    root = next;
  }
}
