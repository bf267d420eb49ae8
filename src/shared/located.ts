// SPEC §6: a message about a place in the input is one line,
// `file:line:col: level: path: message` (line and column left out when unknown,
// the path when the message is about the file itself).

/** A place in the input: a file (or `--set #<n>`), with its 1-based line and column, or line 0 when it has none. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function locatedLine(
  { file, line, col }: Place,
  level: 'error' | 'warning',
  path: string,
  message: string,
): string {
  const where = line > 0 ? `${file}:${line}:${col}` : file;
  return `${where}: ${level}: ${path === '' ? '' : `${path}: `}${message}`;
}
