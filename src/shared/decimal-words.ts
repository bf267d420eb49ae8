// decimal.js's hottest operations, exactly as decimal.js computes them, on its
// documented representation (README "Internals": a Decimal is d, the digits in
// words of base 1e7 with no trailing zero word; e, the base-10 exponent; s, the
// sign). decimal.js clones an operand and grows and trims arrays in every
// multiplication; a big scenario does hundreds of thousands of them, and the
// garbage costs as much as the arithmetic. These work in one scratch array
// and allocate only the result. test/shared/decimal-words.test.ts checks them
// against decimal.js, digit for digit.
import type { Decimal } from 'decimal.js';

const BASE = 1e7;
const LOG_BASE = 7;
/** Far inside decimal.js's exponent limits (±9e15), so no result can overflow or underflow them. */
const SAFE_EXPONENT = 1e14;
/** Enough words for the product of two operands of up to 126 digits each, with a word to carry into. */
const SCRATCH_WORDS = 40;
const HALF_EVEN = 6;
const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];

type DecimalClass = { new (value: number): Decimal; readonly precision: number; readonly rounding: number };
interface Words {
  d: number[];
  e: number;
  s: number;
}
const wordsOf = (x: Decimal): Words => x as unknown as Words;

/**
 * Scratch words. Made by push, so that V8 holds them (and the results sliced
 * from them) as packed small integers, as decimal.js's own words are: a holey
 * array among them would make decimal.js's element loads polymorphic.
 */
function words(): number[] {
  const w: number[] = [];
  for (let i = 0; i < SCRATCH_WORDS; i++) w.push(0);
  return w;
}

const scratch = words();

/** Digits in a word 1 ≤ w < 1e7 (comparisons, not a table: cold code pays for every element load). */
function digitsIn(word: number): number {
  return word < 1e3
    ? (word < 10 ? 1 : word < 100 ? 2 : 3)
    : word < 1e5 ? (word < 1e4 ? 4 : 5) : word < 1e6 ? 6 : 7;
}

/** Whether x is finite, non-zero and small enough in digits and exponent for the words' paths. */
function plain(x: Words): boolean {
  return x.d !== null && x.d[0] !== 0 && x.d.length <= SCRATCH_WORDS / 2 - 1 && Math.abs(x.e) < SAFE_EXPONENT;
}

/** x · y, as x.times(y): rounded half to even to x's class's precision. */
export function times(x: Decimal, y: Decimal): Decimal {
  const a = wordsOf(x);
  const b = wordsOf(y);
  const Ctor = x.constructor as unknown as DecimalClass;
  if (!plain(a) || !plain(b) || Ctor.rounding !== HALF_EVEN) return x.times(y);
  // The longer operand in the inner loop.
  const xd = a.d.length >= b.d.length ? a.d : b.d;
  const yd = a.d.length >= b.d.length ? b.d : a.d;
  const xn = xd.length;
  const yn = yd.length;
  const n = xn + yn;
  const r = scratch; // the product in r[1, n + 1): r[0] is free for a rounding that carries out
  for (let i = 1; i <= n; i++) r[i] = 0;
  // Schoolbook, from the last words: r[i + k + 2] += yd[i] · xd[k]; r[i + 1] takes the carry.
  for (let i = yn - 1; i >= 0; i--) {
    let carry = 0;
    const yi = yd[i]!;
    for (let k = xn - 1; k >= 0; k--) {
      const t = r[i + k + 2]! + yi * xd[k]! + carry;
      carry = Math.floor(t / BASE);
      r[i + k + 2] = t - carry * BASE;
    }
    r[i + 1] = carry;
  }
  const wordExponent = Math.floor(a.e / LOG_BASE) + Math.floor(b.e / LOG_BASE);
  const start = r[1] === 0 ? 2 : 1;
  return rounded(Ctor, r, start, n + 1, wordExponent + 2 - start, a.s * b.s);
}

/** x + y, as x.plus(y): rounded half to even to x's class's precision. */
export function plus(x: Decimal, y: Decimal): Decimal {
  const a = wordsOf(x);
  const b = wordsOf(y);
  const Ctor = x.constructor as unknown as DecimalClass;
  // Values of one sign only: a difference (borrows, cancellation) is decimal.js's.
  if (!plain(a) || !plain(b) || a.s !== b.s || Ctor.rounding !== HALF_EVEN) return x.plus(y);
  const ax = Math.floor(a.e / LOG_BASE);
  const bx = Math.floor(b.e / LOG_BASE);
  const top = Math.max(ax, bx);
  const bottom = Math.min(ax - a.d.length + 1, bx - b.d.length + 1);
  const n = top - bottom + 1;
  if (n + 2 > SCRATCH_WORDS) return x.plus(y);
  // The sum in r[2, n + 2), a word of exponent t at r[2 + top − t]; r[1] takes the carry, r[0] a rounding's.
  const r = scratch;
  for (let i = 1; i < n + 2; i++) r[i] = 0;
  for (let i = 0; i < a.d.length; i++) r[2 + top - ax + i] = a.d[i]!;
  for (let i = 0; i < b.d.length; i++) r[2 + top - bx + i] = r[2 + top - bx + i]! + b.d[i]!;
  for (let i = n + 1; i > 1; i--) {
    if (r[i]! >= BASE) {
      r[i] = r[i]! - BASE;
      r[i - 1] = r[i - 1]! + 1;
    }
  }
  const start = r[1] === 0 ? 2 : 1;
  return rounded(Ctor, r, start, n + 2, top + 2 - start, a.s);
}

/** x / y, as x.dividedBy(y): rounded half to even to x's class's precision. */
export function dividedBy(x: Decimal, y: Decimal): Decimal {
  const a = wordsOf(x);
  const b = wordsOf(y);
  const Ctor = x.constructor as unknown as DecimalClass;
  // The quotient's words, precision + 2 digits and a sticky word, must fit the scratch array.
  const fits = Ctor.precision + 2 <= (SCRATCH_WORDS - 3) * LOG_BASE;
  if (!plain(a) || !plain(b) || Ctor.rounding !== HALF_EVEN || !fits) return x.dividedBy(y);
  const xd = a.d;
  const yd = b.d;
  const n = xd.length;
  const m = yd.length;
  // Long division in words: the remainder r[0, m] (r[0] its highest word) takes the next word of x (0 past its
  // end) and gives a quotient word, estimated in floating point from three words of each and then corrected.
  // x's first m − 1 words are less than y: they start the remainder, with no quotient word.
  const r = remainder;
  r[0] = 0;
  r[1] = 0;
  for (let i = 0; i < m - 1; i++) r[i + 2] = i < n ? xd[i]! : 0;
  const yTop = yd[0]! + (m > 1 ? yd[1]! / BASE : 0) + (m > 2 ? yd[2]! / BASE / BASE : 0);
  const q = quotient; // q[0] is free for a rounding that carries out
  let end = 1;
  let significant = 0;
  let next = m - 1;
  // Two digits past the precision: the one that rounds, and one more so that the rest is only "zero or not".
  while (significant < Ctor.precision + 2) {
    for (let i = 0; i < m; i++) r[i] = r[i + 1]!;
    r[m] = next < n ? xd[next]! : 0;
    next++;
    let word = Math.min(BASE - 1, Math.floor((r[0]! * BASE + r[1]! + (m > 1 ? r[2]! / BASE : 0)) / yTop));
    if (word > 0) subtractTimes(r, yd, word);
    while (r[0]! < 0) {
      addTimes(r, yd, 1);
      word--;
    }
    while (!lessThan(r, yd)) {
      subtractTimes(r, yd, 1);
      word++;
    }
    if (end > 1 || word > 0) {
      q[end++] = word;
      significant += end === 2 ? digitsIn(word) : LOG_BASE;
    }
  }
  let rest = false;
  for (let i = 0; i <= m && !rest; i++) rest = r[i] !== 0;
  for (let i = next; i < n && !rest; i++) rest = xd[i] !== 0;
  if (rest) q[end++] = 1; // below every digit computed: it tells a rounding that the rest is not zero
  // Quotient word k (0 from the first) has word exponent ⌊x.e/7⌋ − ⌊y.e/7⌋ + m − 1 − k.
  const first = next - (end - (rest ? 2 : 1));
  const wordExponent = Math.floor(a.e / LOG_BASE) - Math.floor(b.e / LOG_BASE) + m - 1 - first;
  return rounded(Ctor, q, 1, end, wordExponent, a.s * b.s);
}

const remainder = words();
const quotient = words();

/** r[0, m] −= k · y[0, m), word by word; r[0] goes negative if the result does. */
function subtractTimes(r: number[], y: readonly number[], k: number): void {
  let borrow = 0;
  for (let i = y.length - 1; i >= 0; i--) {
    const t = r[i + 1]! - k * y[i]! - borrow;
    const carry = Math.floor(t / BASE); // ≤ 0
    r[i + 1] = t - carry * BASE;
    borrow = -carry;
  }
  r[0] = r[0]! - borrow;
}

/** r[0, m] += k · y[0, m). */
function addTimes(r: number[], y: readonly number[], k: number): void {
  let carry = 0;
  for (let i = y.length - 1; i >= 0; i--) {
    const t = r[i + 1]! + k * y[i]! + carry;
    carry = Math.floor(t / BASE);
    r[i + 1] = t - carry * BASE;
  }
  r[0] = r[0]! + carry;
}

/** Whether r[0, m] < y[0, m) (y one word shorter, aligned at the end). */
function lessThan(r: readonly number[], y: readonly number[]): boolean {
  if (r[0] !== 0) return r[0]! < 0;
  for (let i = 0; i < y.length; i++) if (r[i + 1] !== y[i]) return r[i + 1]! < y[i]!;
  return false;
}

/**
 * Set by roundWords: whether its rounding carried out of the first word into a
 * new one, w[start − 1] (9999999… rounded up). A variable, not a returned object:
 * every operation rounds, and the objects were a twentieth of a big forecast's garbage.
 */
let carriedOut = false;

/**
 * Rounds the words w[start, end), w[start] ≠ 0, half to even to `digits`
 * significant digits, in place; w[start − 1] must be free for a carry
 * (carriedOut). Returns the new end, trailing zero words left out.
 */
function roundWords(w: number[], start: number, end: number, digits: number): number {
  carriedOut = false;
  const leading = digitsIn(w[start]!);
  // The word that holds the last digit kept, and how many of its digits go.
  const last = leading >= digits ? start : start + Math.ceil((digits - leading) / LOG_BASE);
  if (last < end) {
    const drop = last === start ? leading - digits : (LOG_BASE - ((digits - leading) % LOG_BASE)) % LOG_BASE;
    const unit = POWERS[drop]!;
    // What goes: the rest of the last word (or, when none of it goes, the next word), and any words after.
    const rest = drop > 0 ? w[last]! % unit : last + 1 < end ? w[last + 1]! : 0;
    const half = (drop > 0 ? unit : BASE) / 2;
    let sticky = false;
    for (let i = drop > 0 ? last + 1 : last + 2; i < end && !sticky; i++) sticky = w[i] !== 0;
    const lastDigit = Math.floor(w[last]! / unit) % 10;
    const up = rest > half || (rest === half && (sticky || lastDigit % 2 === 1));
    w[last] = w[last]! - (drop > 0 ? rest : 0) + (up ? unit : 0);
    end = last + 1;
    for (let i = last; i > start && w[i]! >= BASE; i--) {
      w[i] = w[i]! - BASE;
      w[i - 1] = w[i - 1]! + 1;
    }
    if (w[start]! >= BASE) {
      w[start] = w[start]! - BASE;
      w[start - 1] = 1;
      carriedOut = true;
    }
  }
  while (w[end - 1] === 0) end--;
  return end;
}

/**
 * The Decimal s · w[start, end) rounded to its class's precision, w[start] ≠ 0
 * being w[start] · 1e7^wordExponent. Changes w.
 */
function rounded(Ctor: DecimalClass, w: number[], first: number, last: number, firstExponent: number, s: number):
  Decimal {
  const end = roundWords(w, first, last, Ctor.precision);
  const start = carriedOut ? first - 1 : first;
  const x = wordsOf(new Ctor(0)); // decimal.js's own object shape, and the least to copy
  x.s = s;
  x.e = (carriedOut ? firstExponent + 1 : firstExponent) * LOG_BASE + digitsIn(w[start]!) - 1;
  x.d = w.slice(start, end);
  return x as unknown as Decimal;
}

/**
 * x rounded half to even to Class's precision, as a Class:
 * new Class(x.toSignificantDigits(Class.precision)), with one Decimal made, not two.
 */
export function roundedAs(x: Decimal, Class: typeof Decimal): Decimal {
  const a = wordsOf(x);
  const Ctor = Class as unknown as DecimalClass;
  if (!plain(a) || Ctor.rounding !== HALF_EVEN) return new Class(x.toSignificantDigits(Ctor.precision, HALF_EVEN));
  const n = a.d.length;
  for (let i = 0; i < n; i++) scratch[i + 1] = a.d[i]!;
  return rounded(Ctor, scratch, 1, n + 1, Math.floor(a.e / LOG_BASE), a.s);
}

/**
 * x rounded half to even to `digits` significant digits, in plain notation (no
 * exponent) without trailing zeros: x.toSignificantDigits(digits).toFixed(),
 * trimmed, without the rounded Decimal.
 */
export function plainText(x: Decimal, digits: number): string {
  const a = wordsOf(x);
  if (!plain(a)) {
    const text = x.toSignificantDigits(digits, HALF_EVEN).toFixed();
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }
  const w = scratch;
  const n = a.d.length;
  for (let i = 0; i < n; i++) w[i + 1] = a.d[i]!;
  const end = roundWords(w, 1, n + 1, digits);
  const start = carriedOut ? 0 : 1;
  const wordExponent = Math.floor(a.e / LOG_BASE) + (carriedOut ? 1 : 0);
  let significant = String(w[start]);
  for (let i = start + 1; i < end; i++) significant += String(w[i]).padStart(LOG_BASE, '0');
  const exponent = wordExponent * LOG_BASE + digitsIn(w[start]!) - 1;
  let text: string;
  if (exponent < 0) text = `0.${'0'.repeat(-exponent - 1)}${significant}`;
  else if (significant.length <= exponent + 1) text = significant + '0'.repeat(exponent + 1 - significant.length);
  else text = `${significant.slice(0, exponent + 1)}.${significant.slice(exponent + 1)}`;
  if (text.includes('.')) {
    // A scan from the end: a regular expression would rescan each run of zeros.
    let cut = text.length;
    while (text[cut - 1] === '0') cut--;
    text = text.slice(0, text[cut - 1] === '.' ? cut - 1 : cut);
  }
  return a.s < 0 ? `-${text}` : text;
}
