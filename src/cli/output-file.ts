// The one writer of output files: -o, --samples-file (and later spreadsheets,
// HTML). An output is never partial, never destroys what was there, never lies:
// - a regular file (or a new one) is written to a temporary file beside it,
//   checked write by write, flushed to disk and renamed over it: readers see the
//   old file or the new one. Its mode and owner are kept. A symbolic link is
//   followed and its target replaced (the link stays). The name given gets the
//   new file; other hard links to the old file keep the old text.
// - a device or a FIFO is written directly (renaming over /dev/null would replace
//   the device); a path to this process's own stdout or stderr (/dev/stdout) is
//   written through that descriptor, keeping the shell's append mode.
// - every failure is said in words (`cannot write out.csv: no space left on
//   device`, exit 2), and removes the temporary file; so does an interrupt.
import * as nodeFs from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './exit.js';
import { isSystemError, systemError, systemErrorInWords } from './os-errors.js';

/** The file-system calls the writer makes: node:fs, or a test's failing double. */
export type OutputFs = Pick<
  typeof nodeFs,
  | 'openSync'
  | 'writeSync'
  | 'fsyncSync'
  | 'closeSync'
  | 'renameSync'
  | 'unlinkSync'
  | 'statSync'
  | 'fstatSync'
  | 'readlinkSync'
  | 'realpathSync'
  | 'fchmodSync'
  | 'fchownSync'
>;

export interface OutputFile {
  /** Appends a chunk: an output may be produced piece by piece, never held whole. */
  write(chunk: string | Uint8Array): void;
  /** Makes the output what the path holds (renames the temporary file over it). */
  commit(): void;
  /** Drops an output not committed: the temporary file goes, the old file stays. Harmless after commit. */
  discard(): void;
}

/** Writes `content` (text, or a workbook's bytes) to `path` as a whole (see the top of this file). */
export function writeOutputFile(path: string, content: string | Uint8Array, fs: OutputFs = nodeFs): void {
  const output = openOutputFile(path, fs);
  try {
    output.write(content);
    output.commit();
  } finally {
    output.discard();
  }
}

/** Opens an output for writing in chunks; throws UsageError when the path cannot be written. */
export function openOutputFile(path: string, fs: OutputFs = nodeFs): OutputFile {
  const target = saying(path, () => targetOf(path, fs));
  if (target.kind === 'replace') return replacing(path, target.file, target.old, fs);
  const fd =
    target.kind === 'descriptor' ? target.fd : saying(path, () => fs.openSync(path, nodeFs.constants.O_WRONLY));
  return direct(path, fd, target.kind === 'device', fs);
}

/** Whether two paths would replace the same file (the output committed last would silently take the other's place). */
export function replaceTheSameFile(a: string, b: string, fs: OutputFs = nodeFs): boolean {
  const replaced = (path: string) => {
    const target = saying(path, () => targetOf(path, fs));
    return target.kind === 'replace' ? resolve(target.file) : undefined;
  };
  const file = replaced(a);
  return file !== undefined && file === replaced(b);
}

/**
 * What a path names as a file, links followed (device and inode), to tell whether
 * two paths are one file however they are written (./x and x, a symbolic or a
 * hard link); undefined when it names no regular file.
 */
export function fileIdentity(path: string, fs: Pick<OutputFs, 'statSync'> = nodeFs): string | undefined {
  try {
    const stat = fs.statSync(path);
    return stat.isFile() ? `${stat.dev}:${stat.ino}` : undefined;
  } catch {
    return undefined;
  }
}

type Target =
  /** A regular file, or a new one: replaced; `file` is its real path (links followed). */
  | { kind: 'replace'; file: string; old?: Stats }
  /**
   * This process's stdout or stderr, under another name (/dev/stdout, /proc/self/fd/1, the file it was redirected to).
   */
  | { kind: 'descriptor'; fd: number }
  /** A device or a FIFO: opened and written. */
  | { kind: 'device' };

function targetOf(path: string, fs: OutputFs): Target {
  if (path === '') throw new UsageError("cannot write '': the file name is empty");
  let stat: Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { kind: 'replace', file: danglingTarget(path, fs) };
  }
  for (const fd of [1, 2]) if (isOpenAs(stat, fd, fs)) return { kind: 'descriptor', fd };
  if (stat.isDirectory()) throw systemError('EISDIR');
  if (stat.isSocket()) throw new UsageError(`cannot write ${path}: it is a socket`);
  if (!stat.isFile()) return { kind: 'device' };
  return { kind: 'replace', file: fs.realpathSync(path), old: stat };
}

function isOpenAs(stat: Stats, fd: number, fs: OutputFs): boolean {
  try {
    const open = fs.fstatSync(fd);
    return open.dev === stat.dev && open.ino === stat.ino;
  } catch {
    return false; // closed
  }
}

/** The file that a missing path names: itself, or where its (dangling) symbolic links lead. */
function danglingTarget(path: string, fs: OutputFs): string {
  let file = path;
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = fs.readlinkSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EINVAL' || code === 'ENOENT') return file; // not a link, or not there
      throw error;
    }
    file = resolve(dirname(file), link);
  }
  throw systemError('ELOOP');
}

function replacing(path: string, file: string, old: Stats | undefined, fs: OutputFs): OutputFile {
  const folder = dirname(file);
  // A file that is replaced may be private: its new text is too until it takes the old mode.
  const { fd, temporary } = saying(
    path,
    () => createTemporary(folder, basename(file), old ? 0o600 : 0o666, fs),
    folder,
  );
  track(temporary);
  let open = true; // the descriptor
  let pending = true; // the temporary file: neither renamed nor removed
  const close = () => {
    if (!open) return;
    open = false; // close releases the descriptor even when it fails
    fs.closeSync(fd);
  };
  const discard = () => {
    if (!pending) return;
    pending = false;
    ignoring(close);
    ignoring(() => fs.unlinkSync(temporary));
    untrack(temporary);
  };
  const fail = (error: unknown): never => {
    discard();
    return saying(path, () => {
      throw error;
    });
  };
  const usable = (what: string) => {
    if (!pending) throw new Error(`${path}: ${what} after it was committed or discarded`);
  };
  return {
    write(chunk) {
      usable('written');
      try {
        writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk, fs);
      } catch (error) {
        fail(error);
      }
    },
    commit() {
      usable('committed');
      try {
        if (old) keepOwnerAndMode(fd, old, fs);
        fs.fsyncSync(fd); // the new text is on disk before its name is
        close();
        fs.renameSync(temporary, file);
      } catch (error) {
        fail(error);
      }
      pending = false;
      untrack(temporary);
    },
    discard,
  };
}

function createTemporary(folder: string, name: string, mode: number, fs: OutputFs): { fd: number; temporary: string } {
  for (let attempt = 0; ; attempt++) {
    // Hidden, beside the file (a rename does not cross file systems); the name is cut to fit.
    const temporary = join(folder, `.${name.slice(0, 200)}.${Math.floor(Math.random() * 36 ** 6).toString(36)}.tmp`);
    try {
      return { fd: fs.openSync(temporary, 'wx', mode), temporary };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
    }
  }
}

/** The old file's owner (where the system lets us: root, or our own file) and mode. */
function keepOwnerAndMode(fd: number, old: Stats, fs: OutputFs): void {
  const now = fs.fstatSync(fd);
  if (now.uid !== old.uid || now.gid !== old.gid) ignoring(() => fs.fchownSync(fd, old.uid, old.gid));
  fs.fchmodSync(fd, old.mode & 0o7777); // after chown, which clears set-id bits
}

/** A device, a FIFO or our own stdout: written as it comes (it cannot be taken back). */
function direct(path: string, fd: number, opened: boolean, fs: OutputFs): OutputFile {
  let open = opened; // only a descriptor opened here is closed here
  let readerGone = false;
  const close = () => {
    if (!open) return;
    open = false;
    fs.closeSync(fd);
  };
  return {
    write(chunk) {
      if (readerGone) return;
      try {
        writeAll(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk, fs);
      } catch (error) {
        // A pipe whose reader has gone ends the output quietly, as stdout does (| head).
        if ((error as NodeJS.ErrnoException).code === 'EPIPE') {
          readerGone = true;
          return;
        }
        ignoring(close);
        saying(path, () => {
          throw error;
        });
      }
    },
    commit: () => saying(path, close),
    discard: () => ignoring(close),
  };
}

/**
 * Writes every byte to a descriptor, or throws: a short write is continued, a
 * write that makes no progress is an error, a full non-blocking pipe is waited on.
 */
export function writeAll(fd: number, bytes: Uint8Array, fs: Pick<OutputFs, 'writeSync'> = nodeFs): void {
  for (let offset = 0; offset < bytes.length; ) {
    let written: number;
    try {
      written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause();
      continue;
    }
    if (!(written > 0)) throw systemError('EIO');
    offset += written;
  }
}

let sleeper: Int32Array | undefined;
/** Sleeps a millisecond: the reader of a full pipe needs time, not a busy loop. */
function pause(): void {
  Atomics.wait((sleeper ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
}

/** Runs `act`; a system error becomes the UsageError `cannot write <path>: <in words>`. */
function saying<T>(path: string, act: () => T, folder = dirname(path)): T {
  try {
    return act();
  } catch (error) {
    if (!isSystemError(error)) throw error;
    const words = error.code === 'ENOENT' ? missing(folder) : systemErrorInWords(error);
    throw new UsageError(`cannot write ${path}: ${words}`);
  }
}

/** ENOENT while making a file: its directory is missing, or takes no new files (/proc). */
function missing(folder: string): string {
  try {
    if (nodeFs.statSync(folder).isDirectory()) return `no file can be created in ${folder}`;
  } catch {
    // not there: said next
  }
  return `the directory ${folder} does not exist`;
}

function ignoring(act: () => void): void {
  try {
    act();
  } catch {
    // cleaning up after a failure already reported
  }
}

// Temporary files not yet renamed or removed. An interrupt (SIGINT, SIGTERM,
// SIGHUP) or an exit removes them; the signal then ends the process as it would
// have (a shell shows 130, 143, 129). The handlers are there only while a
// temporary file is, and leave one turn of the event loop later, so that a
// signal that came during a write is not lost.
const temporaries = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let listening = false;

function track(temporary: string): void {
  temporaries.add(temporary);
  listen(true);
}

function untrack(temporary: string): void {
  if (!temporaries.delete(temporary) || temporaries.size > 0) return;
  setImmediate(() => listen(temporaries.size > 0));
}

function listen(on: boolean): void {
  if (on === listening) return;
  listening = on;
  for (const signal of SIGNALS) (on ? process.on : process.removeListener).call(process, signal, interrupted);
  (on ? process.on : process.removeListener).call(process, 'exit', removeTemporaries);
}

function removeTemporaries(): void {
  for (const temporary of temporaries) ignoring(() => nodeFs.unlinkSync(temporary));
  temporaries.clear();
}

function interrupted(signal: NodeJS.Signals): void {
  removeTemporaries();
  listen(false); // the signal's default action again: it ends the process
  process.kill(process.pid, signal);
}

/**
 * Runs a long computation's steps, letting the event loop turn every 50 ms:
 * only then can a signal's handler remove the temporary files. (A synchronous
 * run would hold the signal until it ends.)
 */
export async function runLettingSignalsIn<T>(steps: Generator<void, T>): Promise<T> {
  let turned = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - turned >= 50) {
      await new Promise((resolve) => setImmediate(resolve));
      turned = Date.now();
    }
  }
}
