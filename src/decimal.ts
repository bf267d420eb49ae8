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
 * x^(1/n) for x > 0. Square and cube roots are an order of magnitude faster than
 * a fractional power in decimal.js, and yearly growth over 2, 3, 4 or 6 years
 * needs only those, so they are used where n allows.
 */
export function nthRoot(x: Decimal, n: number): Decimal {
  if (n === 1) return x;
  if (n % 2 === 0) return nthRoot(x.sqrt(), n / 2);
  if (n % 3 === 0) return nthRoot(x.cbrt(), n / 3);
  return x.pow(ONE.dividedBy(n));
}
