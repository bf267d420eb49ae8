import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTerminal, readScenarioText } from '../../src/cli/io.js';
import { InputError } from '../../src/scenario/problems.js';

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
