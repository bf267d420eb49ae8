// The edge of the program: files, the environment and the terminal. Commands
// get these as an Io value, so tests can run them without touching the process.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { MAX_FILE_BYTES, type ScenarioFile, type ScenarioSources } from '../scenario/load.js';
import type { PrecompiledScenario } from '../scenario/precompile.js';
import { InputError, type Pos } from '../scenario/problems.js';
import { didYouMean } from '../suggest.js';

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTerminal: boolean;
  /** stderr is a terminal: progress may be drawn there. */
  readonly stderrIsTerminal?: boolean;
  /** The package's root folder (for the bundled scenarios). */
  readonly packageRoot: string;
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
  const bundled = (name: string, at: Pos | undefined): ScenarioFile => {
    const path = join(io.packageRoot, 'scenarios', `${name}.yaml`);
    const display = `scenarios/${name}.yaml`;
    if (at !== undefined && !isFile(path)) {
      const names = bundledNames(io);
      throw new InputError([
        { pos: at, path: 'extends', message: `no bundled scenario '${name}'${didYouMean(name, names)}; bundled: ${names.join(', ')} (a file path needs a / or .yaml)` },
      ]);
    }
    const text = readScenarioText(path, display, at);
    precompiled ??= readPrecompiled(io);
    const cached = precompiled[name];
    return { display, id: resolve(path), text, ...(cached?.text === text && { parsed: cached.root, sha256: cached.sha256 }) };
  };
  return {
    open(reference, from, at) {
      if (from === undefined) {
        if (BARE_NAME.test(reference) && isFile(join(io.packageRoot, 'scenarios', `${reference}.yaml`))) return bundled(reference, at);
        return { display: reference, id: resolve(reference), text: readScenarioText(reference, reference, at) };
      }
      if (BARE_NAME.test(reference)) return bundled(reference, at);
      // An absolute path is taken as it is; a relative one is relative to the file that names it.
      const path = resolve(dirname(from.id), reference);
      const display = isAbsolute(reference) ? reference : normalize(join(dirname(from.display), reference));
      return { display, id: path, text: readScenarioText(path, display, at) };
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
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) fail('is a directory; expected a scenario file (.yaml)');
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    return fail(describeFsError(error, 'cannot read the file'));
  }
  if (size > MAX_FILE_BYTES) fail(`the file has ${size} bytes; a scenario may have at most 1 MiB`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(describeFsError(error, 'cannot read the file'));
  }
  if (bytes.length > MAX_FILE_BYTES) fail('the file is larger than 1 MiB');
  if (bytes.includes(0)) fail('is a binary file (it holds NUL bytes); expected YAML text');
  // isUtf8, not a fatal TextDecoder: that loads the encoding machinery (~2 ms of start-up).
  if (!isUtf8(bytes)) fail('is not UTF-8 text; save the scenario as UTF-8');
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark is not content
}

function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return fallback;
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
 * A closed pipe (EPIPE, as under `| head`) ends the output quietly; a
 * non-blocking pipe that is full (EAGAIN) gets the rest through process.stdout.
 */
export function stdoutWriter(): (text: string) => void {
  let stream: NodeJS.WriteStream | undefined;
  let closed = false;
  return (text) => {
    if (closed) return;
    if (stream) {
      stream.write(text);
      return;
    }
    const bytes = Buffer.from(text);
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += writeSync(1, bytes, offset);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw error;
        stream = process.stdout;
        stream.write(bytes.subarray(offset));
        return;
      }
    }
  };
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same folder, then
 * a rename, so readers never see a partial file and a failure leaves the old one.
 */
export function writeFileAtomic(file: string, text: string | ((write: (piece: string) => void) => void)): void {
  const folder = mkdtempSync(join(dirname(file), `.${basename(file)}.`));
  const temporary = join(folder, 'out');
  try {
    const fd = openSync(temporary, 'w');
    try {
      // Given as a producer, the text is written as it comes: it need not be held whole.
      if (typeof text === 'string') writeSync(fd, text);
      else text((piece) => void writeSync(fd, piece));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
