// Watch mode (`forecast --watch`, `diff --watch`): run the command, then run it
// again whenever a scenario file it read changes — the files named and every file
// they extend, even one that could not be read (a missing file is watched until
// it appears). Errors are shown and watching goes on; Ctrl-C ends it with exit 0.
// Loaded only when --watch is given.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { visible } from '../render/escape.js';
import { say, type Lang } from '../render/labels.js';
import { reportError } from './exit.js';
import type { Io } from './io.js';
import { defaultLang } from './options.js';

/** Files are looked at this often: a stat of a few files, a change seen within a fifth of a second. */
const POLL_MS = 200;
/** Clear the screen and go to its top (the scrollback keeps what was there). */
const CLEAR_SCREEN = '\x1b[2J\x1b[H';

/**
 * Runs `run` over and over until Ctrl-C, which returns 0. A run that reads no
 * scenario file (an option was wrong) has nothing to watch: its exit code is returned.
 */
export async function watchRuns(run: (io: Io) => Promise<number>, io: Io, lang: string | undefined): Promise<number> {
  // Ctrl-C is ours while watching, also during a run: it ends the watch, not the process.
  const interrupt: Interrupt = { happened: false };
  const onSigint = () => {
    interrupt.happened = true;
    interrupt.wake?.();
  };
  process.on('SIGINT', onSigint);
  try {
    for (let first = true; !interrupt.happened; first = false) {
      if (!first && io.stdoutIsTerminal) io.stdout(CLEAR_SCREEN);
      const read = new Map<string, { display: string; seen: string }>();
      // A file's state is taken before it is read: a change made while the command runs is a change.
      const recording: Io = {
        ...io,
        onScenarioFile: (path, display) => read.set(resolve(path), { display, seen: stateOf(path) }),
      };
      let code: number;
      try {
        code = await run(recording);
      } catch (error) {
        code = reportError(error, io);
      }
      if (read.size === 0) return code;
      const files = [...read.values()].map((file) => visible(file.display));
      if (io.stderrIsTerminal) io.stderr(`${say.watching(langOf(lang, io), files)}\n`);
      await changeOrInterrupt(read, interrupt);
    }
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

/** --lang as given (the command checks it), else the locale's. */
function langOf(lang: string | undefined, io: Io): Lang {
  return lang === 'zh' || lang === 'en' ? lang : defaultLang(io.env);
}

interface Interrupt {
  happened: boolean;
  /** Ends the wait for a change. */
  wake?: () => void;
}

/**
 * A file's identity, size, mode and times, or why it cannot be seen: another state is a change (atime is not part of
 * it).
 */
function stateOf(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.mode}`;
  } catch (error) {
    return `missing ${(error as NodeJS.ErrnoException).code ?? ''}`;
  }
}

/** Resolves once any of the files is not as it was when read, or on Ctrl-C. */
function changeOrInterrupt(files: ReadonlyMap<string, { seen: string }>, interrupt: Interrupt): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      clearInterval(timer);
      interrupt.wake = undefined;
      done();
    };
    const timer = setInterval(() => {
      for (const [path, { seen }] of files) if (stateOf(path) !== seen) return finish();
    }, POLL_MS);
    interrupt.wake = finish;
    if (interrupt.happened) finish();
  });
}
