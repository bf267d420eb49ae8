// The edge of the program: files, the environment and the terminal. Commands
// get these as an Io value, so tests can run them without touching the process.
import { fstatSync } from 'node:fs';
import type { FileSettings } from './files.js';
import { UsageError } from './exit.js';
import { isSystemError, systemErrorInWords } from './os-errors.js';
import { writeAll } from './output-file.js';

export { bundledNames, fileSources, readScenarioText } from './files.js';

export interface Io extends FileSettings {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTerminal: boolean;
  /** stderr is a terminal: progress may be drawn there. */
  readonly stderrIsTerminal?: boolean;
}

/**
 * Whether a file descriptor is a terminal, without process.stdout.isTTY (which
 * creates the stream) and, for pipes, files and /dev/null, without loading
 * node:tty (which loads node:net, ~5 ms): only a character device other than a
 * memory device (major 1 on Linux: /dev/null) is asked.
 */
export async function isTerminal(fd: number): Promise<boolean> {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed
  }
  if (!stat.isCharacterDevice() || (process.platform === 'linux' && stat.rdev >> 8 === 1)) return false;
  return (await import('./terminal.js')).isatty(fd);
}

/**
 * Writes to standard output synchronously through file descriptor 1, without
 * process.stdout, whose creation loads node:stream (~5 ms of a cold forecast).
 * A closed pipe (EPIPE, as under `| head`) ends the output quietly; a full
 * non-blocking pipe (EAGAIN) is waited on; any other failure (a full disk,
 * `>/dev/full`) is a UsageError (exit 2), and what follows is dropped.
 */
export function stdoutWriter(): (text: string) => void {
  let closed = false;
  return (text) => {
    if (closed) return;
    try {
      writeAll(1, Buffer.from(text));
    } catch (error) {
      closed = true;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return;
      if (!isSystemError(error)) throw error;
      throw new UsageError(`cannot write to standard output: ${systemErrorInWords(error)}`);
    }
  };
}

/**
 * Writes to standard error through file descriptor 2. Where it cannot be
 * written (`2>/dev/full`, a closed pipe), messages are lost but the exit code
 * stays that of the run: CI reads 1 as "differences", never as a failed stderr.
 */
export function stderrWriter(): (text: string) => void {
  return (text) => {
    try {
      writeAll(2, Buffer.from(text));
    } catch {
      // nowhere left to say it
    }
  };
}
