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
  /** Text, or the bytes of a binary output (a workbook). */
  readonly stdout: (output: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTerminal: boolean;
  /** stderr is a terminal: progress may be drawn there. */
  readonly stderrIsTerminal?: boolean;
}

/**
 * Whether a file descriptor is a terminal, without process.stdout.isTTY (which
 * creates the stream) and, for pipes, files and /dev/null, without loading
 * node:tty (which loads node:net, ~5 ms): only a character device other than a
 * memory device (major 1 on Linux: /dev/null) is asked. On Windows it is always
 * asked: how a console's type shows in fstat is not something to rely on, and
 * a console taken for a file would get garbled output (see writesThroughStream).
 */
export async function isTerminal(fd: number): Promise<boolean> {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return false; // closed
  }
  const mayBeTerminal =
    process.platform === 'win32' ||
    (stat.isCharacterDevice() && !(process.platform === 'linux' && stat.rdev >> 8 === 1));
  if (!mayBeTerminal) return false;
  return (await import('./terminal.js')).isatty(fd);
}

/**
 * Whether a standard stream is written through Node's stream (process.stdout,
 * process.stderr) rather than with writeSync on its file descriptor: only a
 * Windows console needs it, as raw UTF-8 bytes garble there (the stream writes
 * UTF-16 to the console). Elsewhere writeSync spares loading node:stream (~5 ms
 * of a cold forecast).
 */
export function writesThroughStream(platform: NodeJS.Platform, isTerminal: boolean): boolean {
  return platform === 'win32' && isTerminal;
}

/** The part of a Node stream a writer uses (a test passes its own). */
type TextStream = Pick<NodeJS.WriteStream, 'write' | 'on'>;

/** A writer to a stream that no write failure ends: on a console there is no full disk nor closed pipe to report. */
function streamWriter(stream: TextStream): (output: string | Uint8Array) => void {
  stream.on('error', () => {});
  return (output) => void stream.write(output);
}

/**
 * Writes to standard output: through its stream on a Windows console (see
 * writesThroughStream), else synchronously through file descriptor 1. A closed
 * pipe (EPIPE, as under `| head`) ends the output quietly; a full non-blocking
 * pipe (EAGAIN) is waited on; any other failure (a full disk, `>/dev/full`) is
 * a UsageError (exit 2), and what follows is dropped.
 */
export function stdoutWriter(
  isTerminal: boolean,
  platform = process.platform,
  stream: () => TextStream = () => process.stdout,
): (output: string | Uint8Array) => void {
  if (writesThroughStream(platform, isTerminal)) return streamWriter(stream());
  let closed = false;
  return (output) => {
    if (closed) return;
    try {
      writeAll(1, typeof output === 'string' ? Buffer.from(output) : output);
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
 * Writes to standard error: through its stream on a Windows console, else
 * through file descriptor 2. Where it cannot be written (`2>/dev/full`, a
 * closed pipe), messages are lost but the exit code stays that of the run: CI
 * reads 1 as "differences", never as a failed stderr.
 */
export function stderrWriter(
  isTerminal: boolean,
  platform = process.platform,
  stream: () => TextStream = () => process.stderr,
): (text: string) => void {
  if (writesThroughStream(platform, isTerminal)) return streamWriter(stream());
  return (text) => {
    try {
      writeAll(2, Buffer.from(text));
    } catch {
      // nowhere left to say it
    }
  };
}
