import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTerminal } from '../../src/cli/io.js';

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
