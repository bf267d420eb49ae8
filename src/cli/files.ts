// Scenario files from the file system: the bundled scenarios, files named on the
// command line or by `extends`, each read safely (a regular file of at most
// 1 MiB, UTF-8). Used by the CLI and by the library, so it loads nothing of
// the terminal's.
import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type Stats,
} from 'node:fs';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { MAX_FILE_BYTES, type ScenarioFile, type ScenarioSources } from '../scenario/load.js';
import { builtScenario, type StoredScenario } from '../scenario/built.js';
import type { RawNode } from '../scenario/raw.js';
import { InputError, type Pos } from '../scenario/problems.js';
import { didYouMean } from '../shared/suggest.js';
import { isSystemError, systemErrorInWords } from './os-errors.js';

export interface FileSettings {
  /** The package's root folder (for the bundled scenarios). */
  readonly packageRoot: string;
  /** Told of each scenario file before it is read, even one that cannot be (watch mode watches them). */
  readonly onScenarioFile?: (path: string, display: string) => void;
}

/** The bundled scenarios: the `.yaml` files of the package's scenarios/ folder. */
export function bundledNames(io: FileSettings): string[] {
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
// Generic so that callers may hand over a whole Io (tests write one as a literal).
export function fileSources<Settings extends FileSettings>(io: Settings): ScenarioSources {
  const read = (path: string, display: string, at: Pos | undefined): string => {
    io.onScenarioFile?.(path, display);
    return readScenarioText(path, display, at);
  };
  // What the build stored of each bundled scenario, read once per run: the scenarios that extend baseline each open it.
  const stored = memoized((name: string) => readBuilt(io, name) as StoredScenario | undefined);
  const tree = memoized((name: string) => readBuilt(io, `${name}.tree`) as RawNode | undefined);
  const bundled = (name: string, at: Pos | undefined): ScenarioFile => {
    const path = join(io.packageRoot, 'scenarios', `${name}.yaml`);
    const display = `scenarios/${name}.yaml`;
    if (at !== undefined && !isFile(path)) {
      const names = bundledNames(io);
      throw new InputError([
        {
          pos: at,
          path: 'extends',
          message:
            `no bundled scenario '${name}'${didYouMean(name, names)}; bundled: ${names.join(', ')} ` +
            '(a file path needs a / or .yaml)',
        },
      ]);
    }
    const text = read(path, display, at);
    const built = stored(name) && builtScenario(stored(name)!, text, () => tree(name));
    return { display, id: resolve(path), text, ...(built && { built, sha256: stored(name)!.sha256 }) };
  };
  return {
    open(reference, from, at) {
      if (from === undefined) {
        if (BARE_NAME.test(reference) && isFile(join(io.packageRoot, 'scenarios', `${reference}.yaml`)))
          return bundled(reference, at);
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

/** A function's results, each computed on first use. */
function memoized<T>(compute: (key: string) => T): (key: string) => T {
  const results = new Map<string, T>();
  return (key) => {
    if (!results.has(key)) results.set(key, compute(key));
    return results.get(key)!;
  };
}

/** A file of dist/bundled/, or undefined when the build did not write it (the YAML is parsed instead). */
function readBuilt(io: FileSettings, file: string): unknown {
  try {
    return JSON.parse(readFileSync(join(io.packageRoot, 'dist', 'bundled', `${file}.json`), 'utf8'));
  } catch {
    return undefined;
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
    throw new InputError([
      at
        ? { pos: at, path: 'extends', message: `${display}: ${message}` }
        : { pos: { file: display, line: 0, col: 0 }, path: '', message },
    ]);
  };
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path, MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFile) return fail(`is ${error.kind}; expected a scenario file (.yaml)`);
    if (error instanceof TooLarge) {
      return fail(error.size === undefined
        ? 'the file is larger than 1 MiB'
        : `the file has ${error.size} bytes; a scenario may have at most 1 MiB`);
    }
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
