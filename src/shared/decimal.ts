// The one Decimal constructor of the project. decimal.js rounds every operation
// (not only division) to `precision` significant digits, so we take 40, far more
// than any output shows; we never call Decimal.set, which would change the
// global that other libraries share.
import { Decimal as DecimalJs } from 'decimal.js';
import { dividedBy, plus, roundedAs, times } from './decimal-words.js';

export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);

export function sum(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = plus(total, value);
  return total;
}

/** The middle of a range, the base of one written without a base (SPEC §2.1). */
export function midpoint(low: Decimal, high: Decimal): Decimal {
  // (x + x) / 2 can round away from x at full precision; a single value is its own midpoint.
  return low.equals(high) ? low : low.plus(high).dividedBy(2);
}

/** Decimal notation as the parsers have matched it: sign, digits, a fraction, an exponent. */
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Exponents longer than this are far outside every limit (and beyond decimal.js's 9e15). */
const MAX_EXPONENT_DIGITS = 15;

/**
 * A number written in decimal notation (`-1.5e3`, `.5`, `5.`), exactly, or why
 * it cannot be held exactly: more significant digits than the precision, or an
 * exponent so large that decimal.js would make it Infinity or 0. Thousands
 * separators and other spellings are the callers' to remove first.
 */
export function parseDecimal(text: string): Decimal | 'too many digits' | 'too large' | 'too small' {
  const match = DECIMAL_TEXT.exec(text);
  if (!match || match[2]! + (match[3] ?? '') === '')
    throw new RangeError(`parseDecimal: not decimal notation: '${text}'`);
  const significant = (match[2]! + (match[3] ?? '')).replace(/^0+/, '').replace(/0+$/, '');
  if (significant === '') return ZERO;
  if (significant.length > Decimal.precision) return 'too many digits';
  const exponent = (match[4] ?? '0').replace(/^([+-]?)0+(?=\d)/, '$1');
  if (exponent.replace(/^[+-]/, '').length > MAX_EXPONENT_DIGITS)
    return exponent.startsWith('-') ? 'too small' : 'too large';
  return new Decimal(text);
}

/** Newton's iterations run at this many digits more than the result keeps. */
const GUARD = 12;
const Wide = Decimal.clone({ precision: Decimal.precision + GUARD });
/** Newton's result is within a few units of its own last digit, GUARD digits below the result's. */
const SAFE_FROM_MIDPOINT = new Wide(`1e-${GUARD - 3}`);

/**
 * x^(1/n) for x ≥ 0 and a whole n ≥ 1, correctly rounded (half to even) to the
 * precision; decimal.js has no nth root, and a fractional pow (exp of a log) is
 * slow, which start-up feels: every cagr series takes one root per anchor pair.
 * Spans of up to INTEGER_ROOT_SPAN years (a report's are a few) take an integer
 * root in BigInt, ten times faster in a cold start; longer ones Newton's method
 * in decimal, whose cost grows with log n where the integer root's grows with n.
 */
export function nthRoot(x: Decimal, n: number): Decimal {
  if (!Number.isInteger(n) || n < 1 || !x.isFinite() || (x.isNegative() && !x.isZero()))
    throw new RangeError(`nthRoot: needs x ≥ 0 and a whole n ≥ 1, got ${x}, ${n}`);
  if (x.isZero()) return ZERO;
  if (n === 1) return x.toSignificantDigits(Decimal.precision);
  return n <= INTEGER_ROOT_SPAN ? integerRoot(x, n) : decimalRoot(x, n);
}

/** Below this many years the integer root is the faster (measured: 10× at 4 years, 1.5× at 49, 9× slower at 300). */
const INTEGER_ROOT_SPAN = 40;

/**
 * x^(1/n) as R = ⌊r · 10^S⌋ with two or three digits more than the precision,
 * an integer root of X = x · 10^(S·n) by Newton's method in BigInt, then rounded
 * to the precision: past the midpoint up, below it down, on it (R^n = X
 * exactly) to even.
 */
function integerRoot(x: Decimal, n: number): Decimal {
  const [digits, exponent] = coefficientAndExponent(x); // x = digits · 10^exponent
  const written = digits.toString();
  const log10Root = (Math.log10(Number(`0.${written}`)) + written.length + exponent) / n;
  const scale = Decimal.precision + 2 - Math.floor(log10Root);
  const shift = exponent + scale * n;
  const whole = shift >= 0 ? digits * 10n ** BigInt(shift) : digits / 10n ** BigInt(-shift);
  const exactWhole = shift >= 0 || digits % 10n ** BigInt(-shift) === 0n;
  // From a float estimate of the root's 16 leading digits (the root has precision + 3 digits, more than 16):
  // one step puts any start at or above ⌊root⌋, the next ones come down to it.
  const size = Math.floor(log10Root + scale);
  const estimate = BigInt(Math.round(10 ** (log10Root + scale - size + 15))) * 10n ** BigInt(size - 15);
  const N = BigInt(n);
  const step = (r: bigint) => ((N - 1n) * r + whole / r ** (N - 1n)) / N;
  let root = step(estimate);
  for (let next = step(root); next < root; next = step(root)) root = next;
  const unit = 10n ** BigInt(root.toString().length - Decimal.precision);
  const [kept, rest, half] = [root / unit, root % unit, unit / 2n];
  const onMidpoint = rest === half && exactWhole && root ** N === whole;
  const up = rest > half || (rest === half && (!onMidpoint || kept % 2n === 1n));
  return new Decimal(`${up ? kept + 1n : kept}e${unit.toString().length - 1 - scale}`);
}

/** d > 0 as whole digits and an exponent: d = digits · 10^exponent. */
function coefficientAndExponent(d: Decimal): [bigint, number] {
  const [coefficient, exponent] = d.toExponential().split('e') as [string, string];
  const digits = coefficient.replace('.', '');
  return [BigInt(digits), Number(exponent) - digits.length + 1];
}

/**
 * x^(1/n) by Newton's method at GUARD more digits; when its result lies too close
 * to a rounding midpoint to round it safely (almost never), the midpoint's n-th
 * power is compared with x exactly, in BigInt.
 */
function decimalRoot(x: Decimal, n: number): Decimal {
  const root = newtonRoot(new Wide(x), n);
  const below = root.toSignificantDigits(Decimal.precision, Decimal.ROUND_DOWN);
  const above = root.toSignificantDigits(Decimal.precision, Decimal.ROUND_UP);
  if (below.equals(above)) return new Decimal(below);
  const midpoint = below.plus(above).dividedBy(2);
  if (root.minus(midpoint).abs().greaterThan(above.minus(below).times(SAFE_FROM_MIDPOINT)))
    return new Decimal(root.lessThan(midpoint) ? below : above);
  const side = comparePower(midpoint, n, x);
  return new Decimal(side > 0 ? below : side < 0 ? above : lastDigitIsEven(below) ? below : above);
}

/** x^(1/n) to Wide's precision: Newton's method from a float estimate. */
function newtonRoot(x: Decimal, n: number): Decimal {
  // log10 x = e + log10(m); dividing the exponent in whole numbers first keeps the
  // estimate accurate however large the exponent.
  const [mantissa, exponent] = x.toExponential(16).split('e').map(Number) as [number, number];
  const whole = Math.floor(exponent / n);
  let root = new Wide(`${10 ** ((exponent - whole * n + Math.log10(mantissa)) / n)}e${whole}`);
  const periods = new Wide(n);
  for (let i = 0; i < 64; i++) {
    // r' = r + (x / r^(n−1) − r) / n. After a step of relative size δ the error is about
    // (n − 1)/2 · δ²: stop when that is below the last digit (or the step is rounding noise).
    const step = dividedBy(dividedBy(x, power(root, n - 1)).minus(root), periods);
    root = root.plus(step);
    const logDelta = step.isZero() ? -Infinity : step.e - root.e + 1;
    if (Math.log10(n) + 2 * logDelta < -Wide.precision || logDelta < 4 - Wide.precision) break;
  }
  return root;
}

/**
 * x^k for a whole k ≥ 1 by repeated squaring, each product rounded to x's
 * precision: within k ulps of x^k, which Newton's steps need, where decimal.js's
 * pow would carry guard digits it does not.
 */
function power(x: Decimal, k: number): Decimal {
  let result: Decimal | undefined;
  let square = x;
  for (let rest = k; ; square = times(square, square)) {
    if (rest % 2 === 1) result = result === undefined ? square : times(result, square);
    rest = Math.floor(rest / 2);
    if (rest === 0) return result!;
  }
}

/**
 * x^k for k = 1, 2, 3 … asked in turn (the years of a series), each from the one
 * before by one multiplication at GUARD more digits, then rounded to the
 * precision: a power costs about log2 k multiplications of twice the digits, and
 * a series may span centuries. Asked out of turn, it starts again from x^k.
 */
export function powersOf(x: Decimal): (k: number) => Decimal {
  let last = 0;
  let power: Decimal = new Wide(1);
  return (k) => {
    power = k === last + 1 ? times(power, x) : new Wide(x).pow(k);
    last = k;
    return roundedAs(power, Decimal);
  };
}

/** The sign of m^n − x, exactly. */
function comparePower(m: Decimal, n: number, x: Decimal): number {
  const [mDigits, mExponent] = coefficientAndExponent(m);
  const [xDigits, xExponent] = coefficientAndExponent(x);
  // m^n = mDigits^n · 10^(n·mExponent) and x = xDigits · 10^xExponent, both times 10^(−n·mExponent):
  const shift = xExponent - n * mExponent;
  const power = mDigits ** BigInt(n);
  const [left, right] = shift >= 0 ? [power, xDigits * 10n ** BigInt(shift)] : [power * 10n ** BigInt(-shift), xDigits];
  return left > right ? 1 : left < right ? -1 : 0;
}

/** Whether the last of the precision's digits of d is even (d written with fewer ends in 0). */
function lastDigitIsEven(d: Decimal): boolean {
  const digits = d.toExponential().split('e')[0]!.replace('.', '');
  return digits.length < Decimal.precision || Number(digits[digits.length - 1]) % 2 === 0;
}
