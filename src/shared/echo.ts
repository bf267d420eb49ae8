// Messages echo what the user wrote (a value, a path, a key, a metric, an option),
// and an input can be any length: a 10,000-character --set would make a line of
// 10,000 characters. Every error and warning line is shortened here, at the
// place lines are made, so no message needs to bound its own echoes: a run of
// characters without a space longer than any word of ours keeps its start and
// end around an ellipsis, and a line still too long (an input with spaces)
// keeps its start and end the same way.

/** Longer than any word or path of ours (`supplyChain.modes.receivables.penetration.2023.high` is 51). */
const WORD_LIMIT = 100;
const WORD_KEPT = { head: 60, tail: 20 };
/** Longer than any line of ours; what an echo with spaces can make longer. */
const LINE_LIMIT = 1000;
const LINE_KEPT = { head: 600, tail: 300 };
const LONG_WORD = new RegExp(`\\S{${WORD_LIMIT + 1},}`, 'g');

/** `text` with its overlong words, then its overlong middle, cut out (at whole characters) for an ellipsis. */
export function shortenEcho(text: string): string {
  const words = text.replace(LONG_WORD, (word) => elide(word, WORD_KEPT));
  return words.length > LINE_LIMIT ? elide(words, LINE_KEPT) : words;
}

/** A file name that cannot name a file (a part over 255 characters, or over 4096 in all) is an echo like any other. */
export function shortenFileName(file: string): string {
  return file.length > 4096 || /[^/]{256,}/.test(file) ? elide(file, WORD_KEPT) : file;
}

function elide(text: string, { head, tail }: { head: number; tail: number }): string {
  if (text.length <= head + tail + 1) return text;
  return `${text.slice(0, wholeEnd(text, head))}…${text.slice(wholeStart(text, text.length - tail))}`;
}

/** `at`, or one before it when `at` would split a surrogate pair (a character outside the BMP). */
function wholeEnd(text: string, at: number): number {
  return isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

function wholeStart(text: string, at: number): number {
  return isLowSurrogate(text.charCodeAt(at)) ? at + 1 : at;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
