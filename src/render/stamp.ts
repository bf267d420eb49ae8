// The reproducibility stamp as a comment: a `# …` first line of CSV, an HTML
// comment in Markdown (JSON carries it as a key).
import { visible } from './escape.js';

export function stampComment(stamp: object, format: 'csv' | 'md'): string {
  // JSON escapes C0 controls; visible() writes the rest (C1, bidi) as JSON escapes too.
  const text = `fintech-calc-stamp ${visible(JSON.stringify(stamp))}`;
  // `--` may not stand inside an HTML comment.
  return format === 'csv' ? `# ${text}\n` : `<!-- ${text.replaceAll('--', '- -')} -->\n`;
}

/** The comments of every stamped result, in order. */
export function stampComments(stamps: readonly (object | undefined)[], format: 'csv' | 'md'): string {
  return stamps.map((stamp) => (stamp ? stampComment(stamp, format) : '')).join('');
}
