// SPEC §6: a message about a place in the input is one line,
// `file:line:col: level: path: message` (line and column left out when unknown,
// the path when the message is about the file itself).
import { shortenEcho, shortenFileName } from './echo.js';

/** A place in the input: a file (or `--set #<n>`), with its 1-based line and column, or line 0 when it has none. */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** The line; a long input it echoes is shortened (echo.ts). */
export function locatedLine(
  { file, line, col }: Place,
  level: 'error' | 'warning',
  path: string,
  message: string,
): string {
  const where = line > 0 ? `${shortenFileName(file)}:${line}:${col}` : shortenFileName(file);
  return `${where}: ${level}: ${shortenEcho(`${path === '' ? '' : `${path}: `}${message}`)}`;
}
