// Display width in a terminal, counted as string-width counts it: a grapheme
// cluster (a character and what combines with it) takes the East Asian Width of
// its base (get-east-asian-width: CJK and fullwidth forms such as （）： take two
// columns), an emoji two, with its modifier, variation selector and the emoji
// joined to it by ZWJ; combining marks, zero-width and control characters none.
// string-width itself segments with Intl.Segmenter and tests /\p{RGI_Emoji}/v:
// cold, these cost 25–200 ms of start-up on the first non-ASCII label (a
// --lang zh table). The clusters here follow the Unicode rules that change a
// width; the tests check the result against string-width.
import { eastAsianWidth } from 'get-east-asian-width';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text of characters that never combine, join or hide (Latin, Greek, Cyrillic,
 * punctuation such as – and ：, arrows, − and other mathematical operators, box
 * drawing and blocks such as █, CJK, kana, Hangul syllables, fullwidth and
 * halfwidth forms): each takes its East Asian Width. Most cells are such text,
 * and it spares the Unicode property tests below, whose first use costs ~2 ms
 * (~12 million instructions: a table's – made a cold forecast 2% slower).
 */
const PLAIN =
  // eslint-disable-next-line @stylistic/max-len -- one character class, which does not split
  /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u03ff\u0400-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2190-\u22ff\u2500-\u25ff\u3000-\u3029\u3030-\u303e\u3041-\u3096\u309b-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff01-\uff9f\uffa1-\uffdc\uffe0-\uffe6\uffe8-\uffee]*$/;

/** Columns the text takes on a terminal, ignoring colour escapes. */
export function displayWidth(text: string): number {
  // Most cells are printable ASCII: one column a character.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (PLAIN.test(text)) {
    let width = 0;
    for (const char of text) width += eastAsianWidth(char.codePointAt(0)!);
    return width;
  }
  let width = 0;
  let cluster: number[] = [];
  for (const char of text.replace(ANSI, '')) {
    const codePoint = char.codePointAt(0)!;
    if (cluster.length > 0 && extendsCluster(cluster, codePoint, char)) {
      cluster.push(codePoint);
    } else {
      width += clusterWidth(cluster);
      cluster = [codePoint];
    }
  }
  return width + clusterWidth(cluster);
}

/**
 * A pattern made at its first test. Making the patterns of Unicode properties
 * below reads the properties' tables (~14 million instructions, 2% of a cold
 * forecast), and most text never needs them (PLAIN).
 */
function onFirstUse(make: () => RegExp): Pick<RegExp, 'test'> {
  let pattern: RegExp | undefined;
  return { test: (text) => (pattern ??= make()).test(text) };
}

/** Characters that print nothing by themselves. */
const INVISIBLE = onFirstUse(
  () => /[\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u,
);
/** Grapheme_Cluster_Break=Extend: marks, variation selectors, emoji modifiers, tags. */
const GRAPHEME_EXTEND = onFirstUse(() => /[\p{Grapheme_Extend}\p{Emoji_Modifier}]/u);
/** Characters that belong to the cluster before them (GB9, GB9a: Thai and Lao AM are spacing marks there). */
const EXTEND = onFirstUse(() => /[\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Spacing_Mark}\u200d\u0e33\u0eb3]/u);
const CONTROL_OR_FORMAT = onFirstUse(() => /[\p{Control}\p{Format}\p{Line_Separator}\p{Paragraph_Separator}]/u);
/** Grapheme_Cluster_Break=Prepend: characters that belong to the cluster after them (GB9b). */
const PREPEND =
  // eslint-disable-next-line @stylistic/max-len -- one character class, which does not split
  /[\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}]/u;
const PICTOGRAPHIC = onFirstUse(() => /\p{Extended_Pictographic}/u);
const REGIONAL_INDICATOR = onFirstUse(() => /\p{Regional_Indicator}/u);
const SPACING_MARK = onFirstUse(() => /\p{Spacing_Mark}/u);
const EMOJI = onFirstUse(() => /\p{Emoji}/u);
const MODIFIER_BASE = onFirstUse(() => /\p{Emoji_Modifier_Base}/u);
const MODIFIER = onFirstUse(() => /\p{Emoji_Modifier}/u);
const KEYCAP = /^[0-9#*]\ufe0f?\u20e3$/u;
const KEYCAP_BASE = /^[0-9#*]$/;
const ZWJ = 0x200d;
const VARIATION_SELECTOR_16 = 0xfe0f;

const is = (pattern: Pick<RegExp, 'test'>, codePoint: number | undefined) =>
  codePoint !== undefined && pattern.test(String.fromCodePoint(codePoint));

/**
 * Whether a character belongs to the cluster before it, by the rules of UAX #29 that change a width, in their order.
 */
function extendsCluster(cluster: readonly number[], codePoint: number, char: string): boolean {
  const last = cluster[cluster.length - 1]!;
  // GB4, GB5: a control character is a cluster of its own
  if (isControl(String.fromCodePoint(last)) || isControl(char)) return false;
  // GB6, GB7, GB8: Hangul syllables written as jamo
  const jamo = hangulType(codePoint);
  const before = hangulType(last);
  if (jamo !== undefined && before !== undefined) return joinsHangul(before, jamo);
  // GB9, GB9a, GB9b
  if (EXTEND.test(char) || is(PREPEND, last)) return true;
  // GB11: an emoji joined by ZWJ to the emoji before it (👨‍👩‍👧)
  if (last === ZWJ && PICTOGRAPHIC.test(char)) return is(PICTOGRAPHIC, lastBase(cluster.slice(0, -1)));
  // GB12, GB13: regional indicators pair into a flag (🇨🇳)
  return REGIONAL_INDICATOR.test(char) && trailingRegionalIndicators(cluster) % 2 === 1;
}

/** Grapheme_Cluster_Break=Control. */
function isControl(char: string): boolean {
  return CONTROL_OR_FORMAT.test(char) && char !== '\u200d' && !GRAPHEME_EXTEND.test(char) && !PREPEND.test(char);
}

function trailingRegionalIndicators(cluster: readonly number[]): number {
  let count = 0;
  while (count < cluster.length && is(REGIONAL_INDICATOR, cluster[cluster.length - 1 - count])) count++;
  return count;
}

/** The last character of a cluster before its Extend characters. */
function lastBase(cluster: readonly number[]): number | undefined {
  for (let i = cluster.length - 1; i >= 0; i--) if (!is(GRAPHEME_EXTEND, cluster[i])) return cluster[i];
  return undefined;
}

type Jamo = 'L' | 'V' | 'T' | 'LV' | 'LVT';

/** Hangul_Syllable_Type: leading, vowel and trailing jamo, and the precomposed syllables. */
function hangulType(codePoint: number): Jamo | undefined {
  if ((codePoint >= 0x1100 && codePoint <= 0x115f) || (codePoint >= 0xa960 && codePoint <= 0xa97c)) return 'L';
  if ((codePoint >= 0x1160 && codePoint <= 0x11a7) || (codePoint >= 0xd7b0 && codePoint <= 0xd7c6)) return 'V';
  if ((codePoint >= 0x11a8 && codePoint <= 0x11ff) || (codePoint >= 0xd7cb && codePoint <= 0xd7fb)) return 'T';
  if (codePoint >= 0xac00 && codePoint <= 0xd7a3) return (codePoint - 0xac00) % 28 === 0 ? 'LV' : 'LVT';
  return undefined;
}

function isJamo(codePoint: number): boolean {
  const type = hangulType(codePoint);
  return type === 'L' || type === 'V' || type === 'T';
}

/** Hangul syllables are written as one cluster of jamo (GB6, GB7, GB8). */
function joinsHangul(before: Jamo, jamo: Jamo): boolean {
  if (before === 'L') return jamo !== 'T';
  if (before === 'LV' || before === 'V') return jamo === 'V' || jamo === 'T';
  return jamo === 'T';
}

function clusterWidth(cluster: readonly number[]): number {
  const visible = cluster.findIndex((codePoint) => !is(INVISIBLE, codePoint));
  if (visible === -1) return 0;
  if (isEmoji(cluster)) return 2;
  if (isJamo(cluster[visible]!)) return jamoWidth(cluster);
  let width = eastAsianWidth(cluster[visible]!);
  // Spacing marks and halfwidth/fullwidth forms in the cluster take their own columns (ﾞ, ｰ).
  for (const codePoint of cluster.slice(visible + 1)) {
    if (is(SPACING_MARK, codePoint) || (codePoint >= 0xff00 && codePoint <= 0xffef)) width += eastAsianWidth(codePoint);
  }
  return width;
}

/**
 * A cluster that starts with jamo, as string-width counts it: a leading jamo
 * with the vowel (and trailing) jamo after it is one syllable, two columns;
 * any other jamo, and everything after the first character that is not a jamo,
 * takes its own width.
 */
function jamoWidth(cluster: readonly number[]): number {
  const visible = cluster.filter((codePoint) => !is(INVISIBLE, codePoint));
  let width = 0;
  for (let i = 0; i < visible.length; i++) {
    const codePoint = visible[i]!;
    if (hangulType(codePoint) === 'L' && hangulType(visible[i + 1] ?? 0) === 'V') {
      width += 2;
      i += hangulType(visible[i + 2] ?? 0) === 'T' ? 2 : 1;
    } else {
      width += eastAsianWidth(codePoint);
    }
  }
  return width;
}

/** Emoji sequences drawn two columns wide whatever their base's East Asian Width (❤️, ☝🏽, 1️⃣, 🇨🇳, 🐻‍❄). */
function isEmoji(cluster: readonly number[]): boolean {
  const [base, second] = cluster;
  if (cluster.length === 2) {
    if (second === VARIATION_SELECTOR_16)
      return is(EMOJI, base) && !is(KEYCAP_BASE, base) && !is(REGIONAL_INDICATOR, base);
    if (is(MODIFIER, second)) return is(MODIFIER_BASE, base);
    if (is(REGIONAL_INDICATOR, base)) return is(REGIONAL_INDICATOR, second);
  }
  if (KEYCAP.test(String.fromCodePoint(...cluster))) return true;
  return cluster.includes(ZWJ) && cluster.filter((codePoint) => is(PICTOGRAPHIC, codePoint)).length >= 2;
}

/** The width that people-facing output (explain's tree, diff's table) keeps within. */
export const OUTPUT_WIDTH = 120;

/** Room a wrapped second column needs; with less, what it says goes below. */
const MIN_COLUMN = 30;

/**
 * Text wrapped at spaces to `width` columns, line by line. A paragraph (a
 * line without indentation) goes on at the margin. A two-column line (an
 * indented command or option, two or more spaces, what it does) wraps within
 * its second column, or when that is too narrow puts it below, indented by
 * four more. Any other indented line (a command) goes on with a hanging indent
 * of four. A word wider than the room stays whole on its own line.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => (displayWidth(line) <= width ? line : wrapLine(line, width)))
    .join('\n');
}

function wrapLine(line: string, width: number): string {
  const lead = /^ */.exec(line)![0];
  const hanging = lead === '' ? '' : `${lead}    `;
  const twoColumns = /^( +\S(?:.*?\S)?)( {2,})(\S.*)$/.exec(line);
  if (twoColumns) {
    const [, term, gap, description] = twoColumns as unknown as [string, string, string, string];
    const column = displayWidth(term + gap);
    if (width - column >= MIN_COLUMN) return wrapWords(term + gap, description, ' '.repeat(column), width);
    const below = wrapWords(hanging, description, hanging, width);
    return `${wrapWords(lead, term.slice(lead.length), hanging, width)}\n${below}`;
  }
  return wrapWords(lead, line.slice(lead.length), hanging, width);
}

/**
 * The words of `text` after `first`, then on lines starting with `indent`; each line within `width` when its words
 * allow.
 */
export function wrapWords(first: string, text: string, indent: string, width: number): string {
  const lines: string[] = [];
  let line = first;
  let empty = true; // no word on the line yet
  for (const word of text.split(' ').filter((part) => part !== '')) {
    if (!empty && displayWidth(line) + 1 + displayWidth(word) > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}
