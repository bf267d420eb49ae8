// The edge of the program: files, the environment and the terminal. Commands
// get these as an Io value, so tests can run them without touching the process.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { MAX_FILE_BYTES, type ScenarioFile, type ScenarioSources } from '../scenario/load.js';
import type { PrecompiledScenario } from '../scenario/precompile.js';
import { InputError, type Pos } from '../scenario/problems.js';
import { didYouMean } from '../shared/suggest.js';
import { UsageError } from './exit.js';
import { isSystemError, systemErrorInWords } from './os-errors.js';
import { writeAll } from './output-file.js';

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Text, or the bytes of a binary output (a workbook). */
  readonly stdout: (output: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTerminal: boolean;
  /** stderr is a terminal: progress may be drawn there. */
  readonly stderrIsTerminal?: boolean;
  /** The package's root folder (for the bundled scenarios). */
  readonly packageRoot: string;
  /** Told of each scenario file before it is read, even one that cannot be (watch mode watches them). */
  readonly onScenarioFile?: (path: string, display: string) => void;
}

/** The bundled scenarios: the `.yaml` files of the package's scenarios/ folder. */
export function bundledNames(io: Io): string[] {
  try {
    return readdirSync(join(io.packageRoot, 'scenarios'))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => name.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

const BARE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * Scenario files from the file system. On the command line a bare name
 * (`baseline`) is a bundled scenario when the package has one, else a path; in
 * `extends` a bare name is always a bundled scenario and a path is relative to
 * the file that names it.
 */
export function fileSources(io: Io): ScenarioSources {
  let precompiled: Record<string, PrecompiledScenario> | undefined;
  const read = (path: string, display: string, at: Pos | undefined): string => {
    io.onScenarioFile?.(path, display);
    return readScenarioText(path, display, at);
  };
  const bundled = (name: string, at: Pos | undefined): ScenarioFile => {
    const path = join(io.packageRoot, 'scenarios', `${name}.yaml`);
    const display = `scenarios/${name}.yaml`;
    if (at !== undefined && !isFile(path)) {
      const names = bundledNames(io);
      throw new InputError([
        { pos: at, path: 'extends', message: `no bundled scenario '${name}'${didYouMean(name, names)}; bundled: ${names.join(', ')} (a file path needs a / or .yaml)` },
      ]);
    }
    const text = read(path, display, at);
    precompiled ??= readPrecompiled(io);
    const cached = precompiled[name];
    return { display, id: resolve(path), text, ...(cached?.text === text && { parsed: cached.root, sha256: cached.sha256 }) };
  };
  return {
    open(reference, from, at) {
      if (from === undefined) {
        if (BARE_NAME.test(reference) && isFile(join(io.packageRoot, 'scenarios', `${reference}.yaml`))) return bundled(reference, at);
        return { display: reference, id: resolve(reference), text: read(reference, reference, at) };
      }
      if (BARE_NAME.test(reference)) return bundled(reference, at);
      // An absolute path is taken as it is; a relative one is relative to the file that names it.
      const path = resolve(dirname(from.id), reference);
      const display = isAbsolute(reference) ? reference : normalize(join(dirname(from.display), reference));
      return { display, id: path, text: read(path, display, at) };
    },
  };
}

function readPrecompiled(io: Io): Record<string, PrecompiledScenario> {
  try {
    return JSON.parse(readFileSync(join(io.packageRoot, 'dist', 'bundled.json'), 'utf8')) as Record<string, PrecompiledScenario>;
  } catch {
    return {}; // not built: the YAML is parsed instead
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Reads a scenario file as UTF-8 text; every way it can fail is an InputError,
 * at `at` (the extends that names it) or else naming the file.
 */
export function readScenarioText(path: string, display: string, at?: Pos): string {
  const fail = (message: string): never => {
    throw new InputError([at ? { pos: at, path: 'extends', message: `${display}: ${message}` } : { pos: { file: display, line: 0, col: 0 }, path: '', message }]);
  };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFile) return fail(`is ${error.kind}; expected a scenario file (.yaml)`);
    if (error instanceof TooLarge) return fail(error.size === undefined ? 'the file is larger than 1 MiB' : `the file has ${error.size} bytes; a scenario may have at most 1 MiB`);
    if (!isSystemError(error)) throw error;
    return fail(error.code === 'ENOENT' ? 'no such file' : systemErrorInWords(error));
  }
  if (bytes.includes(0)) fail('is a binary file (it holds NUL bytes); expected YAML text');
  // isUtf8, not a fatal TextDecoder: that loads the encoding machinery (~2 ms of start-up).
  if (!isUtf8(bytes)) fail('is not UTF-8 text; save the scenario as UTF-8');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is not content
}

class NotARegularFile extends Error {
  constructor(readonly kind: string) {
    super(`is ${kind}`);
  }
}

class TooLarge extends Error {
  /** The file's size, when it says so; a file that reports none (as in /proc) may still be too large. */
  constructor(readonly size?: number) {
    super('too large');
  }
}

/**
 * The bytes of a regular file of at most `limit` bytes. Devices, FIFOs and the
 * like are refused before they are opened (opening a FIFO waits for a writer;
 * /dev/zero never ends), and at most limit + 1 bytes are read from anything
 * (a file may report size 0 and be large, or grow while it is read).
 */
function readRegularFile(path: string, limit: number): Buffer {
  kindCheck(statSync(path));
  // O_NONBLOCK: if the path became a FIFO since, opening it does not wait.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const { size } = kindCheck(fstatSync(fd));
    if (size > limit) throw new TooLarge(size);
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) throw new TooLarge();
        buffer = Buffer.concat([buffer, Buffer.allocUnsafe(Math.min(length, limit + 1 - length))]);
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}

function kindCheck(stat: Stats): Stats {
  if (!stat.isFile()) throw new NotARegularFile(kindOf(stat));
  return stat;
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isFIFO()) return 'a pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
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
  const mayBeTerminal = process.platform === 'win32' || (stat.isCharacterDevice() && !(process.platform === 'linux' && stat.rdev >> 8 === 1));
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
export function stdoutWriter(isTerminal: boolean, platform = process.platform, stream: () => TextStream = () => process.stdout): (output: string | Uint8Array) => void {
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
export function stderrWriter(isTerminal: boolean, platform = process.platform, stream: () => TextStream = () => process.stderr): (text: string) => void {
  if (writesThroughStream(platform, isTerminal)) return streamWriter(stream());
  return (text) => {
    try {
      writeAll(2, Buffer.from(text));
    } catch {
      // nowhere left to say it
    }
  };
}
