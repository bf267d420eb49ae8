// Display width in a terminal: East Asian wide and fullwidth characters (CJK,
// fullwidth punctuation such as （）：) take two columns, so Chinese labels align.

/** Code point ranges of East Asian Wide (W) and Fullwidth (F) characters, and emoji. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function charWidth(codePoint: number): number {
  if (codePoint < 0x1100) return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) ? 0 : 1;
  if (codePoint >= 0x300 && codePoint < 0x370) return 0; // combining marks
  return WIDE.some(([from, to]) => codePoint >= from && codePoint <= to) ? 2 : 1;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns the text takes on a terminal, ignoring colour escapes. */
export function displayWidth(text: string): number {
  // Most cells are printable ASCII: one column a character.
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const char of text.replace(ANSI, '')) width += charWidth(char.codePointAt(0)!);
  return width;
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
    return `${wrapWords(lead, term.slice(lead.length), hanging, width)}\n${wrapWords(hanging, description, hanging, width)}`;
  }
  return wrapWords(lead, line.slice(lead.length), hanging, width);
}

/** The words of `text` after `first`, then on lines starting with `indent`; each line within `width` when its words allow. */
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
