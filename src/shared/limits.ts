// The range of every kind of number fintech-calc reads (docs/scenario-format.md,
// "Limits"), checked where numbers are read (scenario values and series, command-
// line options), so that no model ever sees a value it cannot compute exactly or
// that float64 (simulate) could overflow or lose to 0: with amounts of at most
// 1e12 亿元 and nonzero values at least 1e-12, no product or quotient of the
// models comes near float64's limits (1e±308).
import { Decimal } from './decimal.js';

export type NumberKind = 'amount' | 'ratio' | 'growth' | 'count';

/** The smallest size of a nonzero value (an amount in 亿元, a ratio or a growth rate as a fraction). */
export const SMALLEST = new Decimal('1e-12');

/** The largest size of each kind (amounts in 亿元). */
const LARGEST: Record<NumberKind, Decimal> = {
  amount: new Decimal('1e12'),
  ratio: new Decimal(1),
  growth: new Decimal(10),
  count: new Decimal('1e9'),
};

/** Each kind's range, as the messages and the docs state it. */
export const RANGE_TEXT: Record<NumberKind, string> = {
  amount: 'an amount is 0 or from 1e-12 to 1e12 亿元 (0.0001 元 to 1e20 元)',
  ratio: 'a ratio is 0 or from 1e-12 to 1 (100%)',
  growth: 'a growth rate lies above -100% and at most 1000%, and is 0 or at least 1e-12 in size',
  count: 'a count is a whole number from 0 to 1e9',
};

/** Whether a value lies outside its kind's sizes: above the largest, or nonzero below the smallest. */
export function isOutOfRange(kind: NumberKind, value: Decimal): boolean {
  // Most values lie well inside, which their exponent tells without a copy (abs) and two comparisons:
  // e is the exponent of the leading digit, so SMALLEST < 10^e ≤ |value| < 10^(e+1) ≤ LARGEST.
  if (value.e > SMALLEST.e && value.e < LARGEST[kind].e) return false;
  const size = value.abs();
  return size.greaterThan(LARGEST[kind]) || (!size.isZero() && size.lessThan(SMALLEST));
}

/**
 * Whether a value may stand for its kind, as a written one must: an amount or
 * a count ≥ 0 (a count whole), a ratio in [0, 1], a growth rate above -100%,
 * each within the kind's sizes.
 */
export function isWithinKind(kind: NumberKind, value: Decimal): boolean {
  if (isOutOfRange(kind, value)) return false;
  if (kind === 'growth') return value.greaterThan(-1);
  const negative = value.isNegative() && !value.isZero();
  return !negative && !(kind === 'ratio' && value.greaterThan(1)) && !(kind === 'count' && !value.isInteger());
}

/** The years a scenario may name (module years and anchors): wide enough for history and forecasts. */
export const YEAR_WINDOW = { first: 1900, last: 2500 } as const;

export function isYearInWindow(year: number): boolean {
  return year >= YEAR_WINDOW.first && year <= YEAR_WINDOW.last;
}
