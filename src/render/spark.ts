// Sparklines: a line's trend over the years in one cell, one character a year,
// scaled from the line's own lowest value to its highest.
import type { Decimal } from '../shared/decimal.js';

/** Unicode blocks where the terminal takes UTF-8, else ASCII that rises the same way. */
export type SparkStyle = 'unicode' | 'ascii';

const LEVELS: Record<SparkStyle, readonly string[]> = {
  unicode: ['\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'],
  // Denser for higher, as in ASCII art.
  ascii: ['.', ':', '-', '=', '+', '*', '#', '@'],
};

/**
 * One character per value: its level between the lowest and the highest; a flat line in the middle, a missing value
 * blank.
 */
export function sparkline(values: readonly (Decimal | null | undefined)[], style: SparkStyle): string {
  const levels = LEVELS[style];
  const present = values.filter((value): value is Decimal => value != null);
  if (present.length === 0) return ' '.repeat(values.length);
  const [min, max] = present.reduce(
    ([lo, hi], value) => [value.lessThan(lo) ? value : lo, value.greaterThan(hi) ? value : hi],
    [present[0]!, present[0]!],
  );
  const span = max.minus(min);
  const top = levels.length - 1;
  return values
    .map((value) => {
      if (value == null) return ' ';
      if (span.isZero()) return levels[top >> 1]!;
      return levels[value.minus(min).dividedBy(span).times(top).toDecimalPlaces(0).toNumber()]!;
    })
    .join('');
}
