// The written forms of values, as regular-expression sources: the loader parses
// with them and the JSON Schema's patterns are built from them. Not String.raw
// where they hold non-ASCII: the bundle must be ASCII, and esbuild escapes only
// cooked strings.

/** A digit, a sign, a decimal point and a thousands separator, each also full-width (１２５，０００．５). */
const DIGIT = '[0-9\uFF10-\uFF19]';
const SIGN = '[+\\-\uFF0B\uFF0D]';
const POINT = '[.\uFF0E]';
const COMMA = '[,\uFF0C]';

/** A number as written in a value: decimal notation, digits optionally grouped by thousands (125,000). */
export const NUMBER =
  `${SIGN}?(?:` +
  `${DIGIT}{1,3}(?:${COMMA}${DIGIT}{3})+(?:${POINT}${DIGIT}*)?` +
  `|${DIGIT}+(?:${POINT}${DIGIT}*)?` +
  `|${POINT}${DIGIT}+` +
  `)(?:[eE]${SIGN}?${DIGIT}+)?`;
/** A whole number ≥ 0 (a count), digits optionally grouped by thousands. */
export const WHOLE_NUMBER = `(?:${DIGIT}{1,3}(?:${COMMA}${DIGIT}{3})+|${DIGIT}+)`;
/**
 * The written range forms: a～b, a~b, a–b, a..b, a to b (and the wave dash 〜),
 * and a-b (50-58%, 50%-58%: a hyphen after a number or its unit; a leading - is a sign).
 */
const SEPARATORS = `\uFF5E|~|\u2013|\u301C|\\.\\.|\\s+to\\s+`;
export const RANGE_SEPARATOR = `\\s*(?:${SEPARATORS}|-|\uFF0D)\\s*`;
/**
 * Where the loader splits a value (in ASCII numerals) into its ends: at a separator,
 * or at a hyphen that follows a number or its unit and precedes a number (not a
 * sign: -5%; nor an exponent's: 1e-5).
 */
export const RANGE_SPLIT = `\\s*(?:${SEPARATORS})\\s*|(?<=[^\\s+-])(?<![\\d.][eE])\\s*-\\s*(?=[+-]?[\\d.])`;
export const PERCENT_SIGNS = ['%', '\uFF05'];

/** Full-width digits, signs, points and commas as their ASCII selves; a run of blanks as one space. */
export function asciiNumerals(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ');
}
