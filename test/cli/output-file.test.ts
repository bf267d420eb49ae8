// The one writer of output files (-o, --samples-file): what it does to each
// kind of path, and that a failure never leaves a partial file or a temporary one.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/exit.js';
import { openOutputFile, writeOutputFile, type OutputFs } from '../../src/cli/output-file.js';
import { testDevice } from './devices.js';
import { runCli } from './in-process.js';

const isRoot = process.getuid?.() === 0;
const folder = () => mkdtempSync(join(tmpdir(), 'fintech-calc-out-'));
/** A folder holding one file, out.csv, that says 'old'. */
const withOld = () => {
  const dir = folder();
  const file = join(dir, 'out.csv');
  writeFileSync(file, 'old');
  return { dir, file };
};
const errorOf = (write: () => void): string => {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected the write to fail');
};

describe('a regular file', () => {
  it('is created with the text, leaving no temporary file', () => {
    const dir = folder();
    writeOutputFile(join(dir, 'out.csv'), 'a,b\n');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('a,b\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('is replaced by a new file (atomically: a rename), keeping its mode and owner', () => {
    const { dir, file } = withOld();
    chmodSync(file, 0o640);
    const owner = isRoot ? { uid: 1234, gid: 5678 } : { uid: statSync(file).uid, gid: statSync(file).gid };
    chownSync(file, owner.uid, owner.gid);
    const before = statSync(file);
    writeOutputFile(file, 'new');
    const after = statSync(file);
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(after.ino).not.toBe(before.ino);
    expect({ mode: after.mode & 0o7777, uid: after.uid, gid: after.gid }).toEqual({ mode: 0o640, ...owner });
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('takes the text in chunks, and shows nothing until committed', () => {
    const { dir, file } = withOld();
    const output = openOutputFile(file);
    output.write('sample,q\n');
    output.write(Buffer.from('0,0.5\n'));
    expect(readFileSync(file, 'utf8')).toBe('old');
    output.commit();
    output.discard(); // after a commit: nothing to undo
    expect(readFileSync(file, 'utf8')).toBe('sample,q\n0,0.5\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('is left as it was when the output is discarded', () => {
    const { dir, file } = withOld();
    const output = openOutputFile(file);
    output.write('half a file');
    output.discard();
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('gets the new text under the name given; its other hard links keep the old text', () => {
    const { dir } = withOld();
    linkSync(join(dir, 'out.csv'), join(dir, 'other-name.csv'));
    writeOutputFile(join(dir, 'out.csv'), 'new');
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'other-name.csv'), 'utf8')).toBe('old');
  });
});

describe('a symbolic link', () => {
  it('is followed (through a chain of relative links): its target is replaced, the links stay', () => {
    const dir = folder();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'real.csv'), 'old');
    chmodSync(join(dir, 'data', 'real.csv'), 0o600);
    symlinkSync('data/real.csv', join(dir, 'middle.csv'));
    symlinkSync('middle.csv', join(dir, 'out.csv'));
    writeOutputFile(join(dir, 'out.csv'), 'new');
    expect(readlinkSync(join(dir, 'out.csv'))).toBe('middle.csv');
    expect(readlinkSync(join(dir, 'middle.csv'))).toBe('data/real.csv');
    expect(readFileSync(join(dir, 'data', 'real.csv'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'data', 'real.csv')).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'data'))).toEqual(['real.csv']);
  });

  it('that dangles gets its target created; the link stays', () => {
    const dir = folder();
    symlinkSync('target.csv', join(dir, 'out.csv'));
    writeOutputFile(join(dir, 'out.csv'), 'new');
    expect(lstatSync(join(dir, 'out.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.csv'), 'utf8')).toBe('new');
  });

  it('that loops is an error in words', () => {
    const dir = folder();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    expect(errorOf(() => writeOutputFile(join(dir, 'a'), 'x'))).toBe(
      `cannot write ${join(dir, 'a')}: too many levels of symbolic links (a loop?)`,
    );
  });
});

describe('what is not a regular file', () => {
  it('a character device is written directly and stays a device', () => {
    const device = testDevice('null');
    writeOutputFile(device, 'text');
    expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dirname(device))).toEqual([basename(device)]);
  });

  it('a FIFO is written directly: its reader gets the text, and it stays a FIFO', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // The reader is another process: opening a FIFO waits for the other end.
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk));
    writeOutputFile(fifo, 'through the pipe\n');
    await once(reader, 'close');
    expect(read).toBe('through the pipe\n');
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('a directory is an error in words', () => {
    const dir = folder();
    expect(errorOf(() => writeOutputFile(dir, 'x'))).toBe(`cannot write ${dir}: it is a directory`);
  });

  it('a socket is an error in words', async () => {
    const dir = folder();
    const path = join(dir, 'socket');
    const server = createServer().listen(path);
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      expect(errorOf(() => writeOutputFile(path, 'x'))).toBe(`cannot write ${path}: it is a socket`);
    } finally {
      server.close();
    }
  });
});

describe('failures: said in words, the old file intact, no temporary file left', () => {
  it('a missing directory', () => {
    const dir = folder();
    const file = join(dir, 'no', 'such', 'out.csv');
    expect(errorOf(() => writeOutputFile(file, 'x'))).toBe(
      `cannot write ${file}: the directory ${join(dir, 'no', 'such')} does not exist`,
    );
  });

  it('a directory where no file can be created (as /proc)', () => {
    expect(errorOf(() => writeOutputFile('/proc/version', 'x'))).toBe(
      'cannot write /proc/version: no file can be created in /proc',
    );
  });

  it('an empty name', () => {
    expect(errorOf(() => writeOutputFile('', 'x'))).toBe("cannot write '': the file name is empty");
  });

  it('a path through a file', () => {
    const { file } = withOld();
    expect(errorOf(() => writeOutputFile(join(file, 'out.csv'), 'x'))).toBe(
      `cannot write ${join(file, 'out.csv')}: a part of the path is not a directory`,
    );
  });

  it('a full device (/dev/full)', () => {
    const full = testDevice('full');
    expect(errorOf(() => writeOutputFile(full, 'x'))).toBe(`cannot write ${full}: no space left on device`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it.each([
    ['ENOSPC', 'no space left on device'],
    ['EIO', 'input/output error'],
    ['EDQUOT', 'disk quota exceeded'],
    ['EFBIG', 'the file is too large for its file system'],
  ])('%s after a short write', (code, words) => {
    const { dir, file } = withOld();
    let calls = 0;
    const failing: OutputFs = {
      ...fs,
      writeSync: ((fd: number, data: Uint8Array, offset?: number, length?: number) => {
        // A short write.
        if (++calls === 1) return fs.writeSync(fd, data, offset ?? 0, Math.min(3, length ?? data.length));
        throw Object.assign(new Error(`${code}: ${words}, write`), { code, syscall: 'write' });
      }) as OutputFs['writeSync'],
    };
    expect(errorOf(() => writeOutputFile(file, 'a,b,c\n1,2,3\n', failing))).toBe(`cannot write ${file}: ${words}`);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a write that makes no progress', () => {
    const { dir, file } = withOld();
    const stuck: OutputFs = { ...fs, writeSync: (() => 0) as OutputFs['writeSync'] };
    expect(errorOf(() => writeOutputFile(file, 'text', stuck))).toBe(`cannot write ${file}: input/output error`);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('an error when the data reaches the disk (fsync) or on close', () => {
    for (const call of ['fsyncSync', 'closeSync'] as const) {
      const { dir, file } = withOld();
      let failed = false;
      const failing: OutputFs = {
        ...fs,
        [call]: (fd: number) => {
          if (!failed) {
            failed = true;
            throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
          }
          fs[call](fd);
        },
      };
      expect(
        errorOf(() => writeOutputFile(file, 'text', failing)),
        call,
      ).toBe(`cannot write ${file}: input/output error`);
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['out.csv']);
    }
  });

  it('a streamed write that fails: later chunks are not written, the output cannot be committed', () => {
    const { dir, file } = withOld();
    let calls = 0;
    const failing: OutputFs = {
      ...fs,
      writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
        if (++calls === 2) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return (fs.writeSync as (...a: unknown[]) => number)(...args);
      }) as OutputFs['writeSync'],
    };
    const output = openOutputFile(file, failing);
    output.write('first\n');
    expect(errorOf(() => output.write('second\n'))).toBe(`cannot write ${file}: no space left on device`);
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(() => output.commit()).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('an error that is not the system’s is not dressed as one (a bug stays a bug)', () => {
    const { file } = withOld();
    const buggy: OutputFs = {
      ...fs,
      writeSync: (() => {
        throw new TypeError('not a system error');
      }) as OutputFs['writeSync'],
    };
    expect(() => writeOutputFile(file, 'x', buggy)).toThrow(TypeError);
  });
});

describe('an output that is an input of the run', () => {
  /** A folder with parent.yaml and child.yaml (which extends it), and links to child.yaml. */
  const inputs = () => {
    const dir = folder();
    const parent = join(dir, 'parent.yaml');
    const child = join(dir, 'child.yaml');
    writeFileSync(parent, 'supplyChain:\n  marketSpace: 100\n  modes:\n    a: {share: 50%, penetration: 40～60%}\n');
    writeFileSync(child, 'extends: parent.yaml\nsupplyChain:\n  marketSpace: 200\n');
    symlinkSync('child.yaml', join(dir, 'symlink.yaml'));
    linkSync(child, join(dir, 'hardlink.yaml'));
    return { dir, parent, child };
  };
  const COMMANDS: readonly (readonly string[])[] = [
    ['forecast', 'child.yaml'],
    ['diff', 'child.yaml', 'child.yaml'],
    ['explain', 'child.yaml', 'market.marketSize.2023'],
    ['sensitivity', 'child.yaml', '--metric', 'market.marketSize.2023'],
    ['simulate', 'child.yaml', '-n', '10'],
    ['solve', 'child.yaml', '--target', 'market.marketSize.2023=50', '--vary', 'supplyChain.modes.a.penetration'],
    ['report', 'child.yaml'],
  ];

  it.each(COMMANDS.map((args) => [args[0]!, args] as const))('is refused by %s, compared as files ' +
    '(./x, symbolic and hard links, a file extended), the input intact', async (_, args) => {
    const { dir, parent, child } = inputs();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const out of ['child.yaml', './child.yaml', join(dir, 'child.yaml'), 'symlink.yaml', 'hardlink.yaml']) {
        const result = await runCli([...args, '-o', out]);
        expect(result).toEqual({
          code: 2,
          stdout: '',
          stderr: `fintech-calc: error: -o ${out} is an input of this run (scenario child.yaml); choose another path\n`,
        });
      }
      const extended = await runCli([...args, '-o', 'parent.yaml']);
      expect(extended.stderr).toBe(
        'fintech-calc: error: -o parent.yaml is an input of this run (parent.yaml, which scenario child.yaml ' +
          'extends); choose another path\n',
      );
      expect(readFileSync(child, 'utf8')).toBe('extends: parent.yaml\nsupplyChain:\n  marketSpace: 200\n');
      expect(readFileSync(parent, 'utf8')).toContain('marketSpace: 100');
      // Another path is written as usual.
      expect((await runCli([...args, '-o', 'out.txt'])).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
  });

  it('is refused as --samples-file', async () => {
    const { dir, child } = inputs();
    const result = await runCli([
      'simulate',
      child,
      '-n',
      '10',
      '--metric',
      'market.marketSize.2023',
      '--samples-file',
      join(dir, 'symlink.yaml'),
    ]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `fintech-calc: error: --samples-file ${join(dir, 'symlink.yaml')} is an input of this run ` +
        `(scenario ${child}); choose another path\n`,
    });
    expect(readFileSync(child, 'utf8')).toContain('marketSpace: 200');
  });
});
