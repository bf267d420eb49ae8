// The operating system's errors in words: a user reads "no space left on
// device", not ENOSPC. One place for reading and writing files alike.

/** An error from a system call (it has an errno code such as ENOENT). */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === 'string' &&
    /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!)
  );
}

// The codes a user meets on files, said as a user would; ENOENT depends on the
// operation (the caller says it). Others keep libuv's own words.
const WORDS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many levels of symbolic links (a loop?)',
  ENAMETOOLONG: 'the file name is too long',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for its file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENXIO: 'no device or reader at the other end',
  ETXTBSY: 'the file is a running program',
  EBUSY: 'the file is busy',
  ESTALE: 'the network file is gone (stale file handle)',
};

/** What went wrong, in words (without the file's name: the caller gives it). */
export function systemErrorInWords(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (WORDS[code] !== undefined) return WORDS[code];
  // Node's message is libuv's: "EXDEV: cross-device link not permitted, rename 'a' -> 'b'".
  const words = /^E[A-Z0-9]+: ([^,]+)/.exec(error.message)?.[1];
  return words ?? `system error ${code}`;
}

/** An error as a system call would throw it, for conditions found by checking (a loop of links, a directory). */
export function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${WORDS[code] ?? code}`), { code });
}
