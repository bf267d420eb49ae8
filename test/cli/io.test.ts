import { closeSync, mkdtempSync, openSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTerminal, readScenarioText } from '../../src/cli/io.js';
import { MAX_FILE_BYTES } from '../../src/scenario/load.js';
import { formatProblem, InputError } from '../../src/scenario/problems.js';

describe('isTerminal', () => {
  const opened: number[] = [];
  const open = (path: string, flags = 'r'): number => {
    const fd = openSync(path, flags);
    opened.push(fd);
    return fd;
  };
  afterEach(() => opened.splice(0).forEach((fd) => closeSync(fd)));

  it('is true for a terminal (a pseudo-terminal master from /dev/ptmx)', async () => {
    expect(await isTerminal(open('/dev/ptmx', 'r+'))).toBe(true);
  });

  it('is false for /dev/null, a file and a closed descriptor', async () => {
    expect(await isTerminal(open('/dev/null'))).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'fintech-calc-io-')), 'f');
    writeFileSync(file, 'x');
    expect(await isTerminal(open(file))).toBe(false);
    const fd = openSync(file, 'r');
    closeSync(fd);
    expect(await isTerminal(fd)).toBe(false);
  });
});

describe('readScenarioText', () => {
  const file = (bytes: Buffer) => {
    const path = join(mkdtempSync(join(tmpdir(), 'fintech-calc-io-')), 'scenario.yaml');
    writeFileSync(path, bytes);
    return path;
  };

  it('reads UTF-8, without a byte-order mark', () => {
    expect(readScenarioText(file(Buffer.from('\ufeffname: 数字金融\n')), 's.yaml')).toBe('name: 数字金融\n');
    expect(readScenarioText(file(Buffer.from('name: x\n')), 's.yaml')).toBe('name: x\n');
  });

  it('refuses text that is not UTF-8', () => {
    expect(() => readScenarioText(file(Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a])), 's.yaml')).toThrow(InputError);
    expect(() => readScenarioText(file(Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a])), 's.yaml')).toThrow(/not UTF-8/);
  });
});

describe('readScenarioText: what cannot be read is said in words, naming the file', () => {
  const messageOf = (path: string): string => {
    try {
      readScenarioText(path, 'shown.yaml');
    } catch (error) {
      if (error instanceof InputError) return error.problems.map(formatProblem).join('\n');
      throw error;
    }
    throw new Error('expected an InputError');
  };
  const folder = () => mkdtempSync(join(tmpdir(), 'fintech-calc-io-'));

  it('a missing file, a path through a file, a loop of links, a name too long', () => {
    const dir = folder();
    writeFileSync(join(dir, 'file.yaml'), 'version: 1\n');
    symlinkSync('b.yaml', join(dir, 'a.yaml'));
    symlinkSync('a.yaml', join(dir, 'b.yaml'));
    expect(messageOf(join(dir, 'missing.yaml'))).toBe('shown.yaml: error: no such file');
    expect(messageOf(join(dir, 'file.yaml', 'x.yaml'))).toBe(
      'shown.yaml: error: a part of the path is not a directory',
    );
    expect(messageOf(join(dir, 'a.yaml'))).toBe('shown.yaml: error: too many levels of symbolic links (a loop?)');
    expect(messageOf(join(dir, `${'x'.repeat(300)}.yaml`))).toBe('shown.yaml: error: the file name is too long');
  });

  // (/dev/zero, endless, is tried on the built CLI with a time limit: test/cli/output.test.ts.)
  it('what is not a regular file', () => {
    expect(messageOf(folder())).toBe('shown.yaml: error: is a directory; expected a scenario file (.yaml)');
    expect(messageOf('/dev/null')).toBe('shown.yaml: error: is a character device; expected a scenario file (.yaml)');
  });

  it('a file over the limit (without reading it: a sparse 4 GiB file)', () => {
    const path = join(folder(), 'big.yaml');
    writeFileSync(path, '');
    truncateSync(path, 4 * 1024 ** 3);
    expect(messageOf(path)).toBe(
      `shown.yaml: error: the file has ${4 * 1024 ** 3} bytes; a scenario may have at most 1 MiB`,
    );
  });

  it('a file of exactly the limit is read', () => {
    const path = join(folder(), 'full.yaml');
    writeFileSync(path, `# ${'x'.repeat(MAX_FILE_BYTES - 3)}\n`);
    expect(readScenarioText(path, 'full.yaml')).toHaveLength(MAX_FILE_BYTES);
  });
});
