// The reproducibility stamp as a comment: a `# …` first line of CSV, an HTML
// comment in Markdown (JSON carries it as a key).

export function stampComment(stamp: object, format: 'csv' | 'md'): string {
  const text = `fintech-calc-stamp ${JSON.stringify(stamp)}`;
  // `--` may not stand inside an HTML comment.
  return format === 'csv' ? `# ${text}\n` : `<!-- ${text.replaceAll('--', '- -')} -->\n`;
}

/** The comments of every stamped result, in order. */
export function stampComments(stamps: readonly (object | undefined)[], format: 'csv' | 'md'): string {
  return stamps.map((stamp) => (stamp ? stampComment(stamp, format) : '')).join('');
}
