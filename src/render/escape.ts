// Text that came from a file or an argument (labels, names, titles, sources,
// notes, paths, echoed values) is shown to people with its control characters
// made visible: raw, an ESC would drive the terminal, a CR or LF would forge
// table rows or error lines, and a bidi override would reorder what is read.

/**
 * C0 controls, DEL, C1 controls, the bidirectional marks, embeddings, overrides
 * and isolates, the invisible format characters (zero-width space and joiners,
 * word joiner, byte-order mark) and the Unicode line and paragraph separators.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The escapes JSON uses for the commonest controls; the rest as \uXXXX. */
const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The text with each unsafe character written as its escape, as JSON writes it (`\u001b`, `\n`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => SHORT[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
