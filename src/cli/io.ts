// The edge of the program: files, the environment and the terminal. Commands
// get these as an Io value, so tests can run them without touching the process.
import { closeSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MAX_FILE_BYTES } from '../scenario/load.js';
import { InputError } from '../scenario/problems.js';

export interface Io {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdoutIsTerminal: boolean;
  /** The package's root folder (for the bundled scenarios). */
  readonly packageRoot: string;
}

/** The bundled scenarios are the `.yaml` files of the package's scenarios/ folder. */
export function bundledPath(io: Io, name: string): string {
  return join(io.packageRoot, 'scenarios', `${name}.yaml`);
}

/**
 * A scenario argument: a bundled name (`baseline`) when it has no path separator
 * or extension and the package has such a scenario, else a path.
 * `display` is how the file is named in messages and output.
 */
export function resolveScenario(io: Io, argument: string): { path: string; display: string } {
  if (/^[A-Za-z0-9_-]+$/.test(argument)) {
    const path = bundledPath(io, argument);
    if (isFile(path)) return { path, display: `scenarios/${argument}.yaml` };
  }
  return { path: argument, display: argument };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Reads a scenario file as UTF-8 text; every way it can fail is an InputError naming the file. */
export function readScenarioText(path: string, display: string): string {
  const fail = (message: string): never => {
    throw new InputError([{ pos: { file: display, line: 0, col: 0 }, path: '', message }]);
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
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text; save the scenario as UTF-8');
  }
}

function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return fallback;
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same folder, then
 * a rename, so readers never see a partial file and a failure leaves the old one.
 */
export function writeFileAtomic(file: string, text: string): void {
  const folder = mkdtempSync(join(dirname(file), `.${basename(file)}.`));
  const temporary = join(folder, 'out');
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
