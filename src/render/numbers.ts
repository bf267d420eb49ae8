// The rounding and notation policies of the output, in one place. The engine's
// numbers are exact; only here are they converted to the output unit and rounded.
import { Decimal } from '../shared/decimal.js';
import { plainText } from '../shared/decimal-words.js';
import { unitSize } from '../shared/units.js';

export type { ValueKind } from '../engine/analysis/lines.js';
import type { ValueKind } from '../engine/analysis/lines.js';

/** Significant digits in JSON and CSV: SPEC §5 asks for at least 15. */
const MACHINE_DIGITS = 20;

/** An amount held in 亿元, expressed in the output unit. */
export function inUnit(amount: Decimal, unit: string): Decimal {
  const size = unitSize(unit)!;
  // 亿元 itself: a division by 1 is the amount (and a table has hundreds of them).
  return size.eq(1) ? amount : amount.dividedBy(size);
}

/**
 * Values from inputs within their limits (amounts ≤ 1e12 亿元, nonzero values ≥ 1e-12)
 * stay far inside 1e±1000. One beyond is a bug: said at once (exit 3), rather than
 * printed as Infinity or NaN, or as a billion digits.
 */
const PRINTABLE_EXPONENT = 1000;

function printable(value: Decimal): Decimal {
  if (value.isFinite() && (value.isZero() || Math.abs(value.e) <= PRINTABLE_EXPONENT)) return value;
  throw new Error(`a value that cannot be printed reached the output: ${value.toExponential(3)}`);
}

/** Machine notation: plain (no exponent), 20 significant digits, trailing zeros trimmed. */
export function machineNumber(value: Decimal): string {
  return printable(value).isZero() ? '0' : plainText(value, MACHINE_DIGITS);
}

/** A value for machines: amounts in the output unit, ratios as fractions. */
export function machineValue(value: Decimal, kind: ValueKind, unit: string): string {
  if (kind === 'count') return machineNumber(value);
  return machineNumber(kind === 'amount' ? inUnit(value, unit) : value);
}

/** Decimal places shown for amounts in each output unit, so tables stay readable. */
export function amountPlaces(unit: string): number {
  const size = unitSize(unit)!;
  if (size.greaterThanOrEqualTo(1000)) return 3; // 万亿元, tn
  if (size.greaterThanOrEqualTo(1)) return 1; // 亿元, bn
  return 0; // 元, 万元, ...
}

/** A value for people: thousands separators; ratios as percentages with two decimals. */
export function displayValue(value: Decimal, kind: ValueKind, unit: string): string {
  printable(value);
  if (kind === 'ratio') return `${groupThousands(value.times(100).toFixed(2, Decimal.ROUND_HALF_EVEN))}%`;
  if (kind === 'count') return groupThousands(machineNumber(value));
  return groupThousands(inUnit(value, unit).toFixed(amountPlaces(unit), Decimal.ROUND_HALF_EVEN));
}

/** A value for people, to every digit machines get: an answer to paste back (133,197.74590163934426). */
export function preciseValue(value: Decimal, kind: ValueKind, unit: string): string {
  return kind === 'ratio'
    ? `${groupThousands(machineNumber(value.times(100)))}%`
    : groupThousands(machineValue(value, kind, unit));
}

function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-') && !/^-0(\.0*)?$/.test(fixed);
  const [whole = '', fraction] = fixed.replace(/^-/, '').split('.');
  // Three digits at a time from the right: a lookahead to the end (\B(?=(\d{3})+$)) rescans the rest of the digits at
  // each one.
  const head = whole.length % 3 || 3;
  const groups = [whole.slice(0, head)];
  for (let i = head; i < whole.length; i += 3) groups.push(whole.slice(i, i + 3));
  const grouped = groups.join(',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
