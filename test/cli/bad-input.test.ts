// Bad input never crashes and never lies (SPEC §6): every bad scenario in
// test/fixtures/bad/ and every bad command line gives exit 2, nothing on stdout,
// and one located line per problem on stderr.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCATED, PACKAGE_ROOT, runCli } from './in-process.js';

process.chdir(PACKAGE_ROOT);
const BAD = 'test/fixtures/bad';
const files = readdirSync(BAD).filter((name) => name.endsWith('.yaml')).sort();
const commands = JSON.parse(readFileSync(`${BAD}/commands.json`, 'utf8')) as string[][];

describe('bad scenario files', () => {
  it('there are at least 40 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(files)('%s: exit 2, located one-line messages inside the file, nothing on stdout', async (name) => {
    const file = `${BAD}/${name}`;
    const result = await runCli(['forecast', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const lineCount = readFileSync(file).toString('latin1').split('\n').length;
    for (const line of lines) {
      const match = LOCATED.exec(line);
      expect(match, line).not.toBeNull();
      expect(match!.groups!.file).toBe(file);
      if (match!.groups!.line !== undefined) {
        expect(Number(match!.groups!.line)).toBeGreaterThanOrEqual(1);
        expect(Number(match!.groups!.line)).toBeLessThanOrEqual(lineCount);
        expect(Number(match!.groups!.col)).toBeGreaterThanOrEqual(1);
      }
      expect(line).not.toMatch(/\bat \S+ \(|internal error/);
    }
  });

  it('refuses a file over 1 MiB before parsing it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'large.yaml');
    writeFileSync(file, `name: x\n# ${'x'.repeat(1024 * 1024)}\n`);
    const result = await runCli(['validate', file]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${file}: error: the file has 1048587 bytes; a scenario may have at most 1 MiB\n` });
  });
});

describe('bad command lines', () => {
  it.each(commands.map((args) => [args.join(' '), args] as const))('fintech-calc %s: exit 2, one-line messages, nothing on stdout', async (_, args) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    // No arguments at all prints the help, to stderr.
    if (args.length === 0) {
      expect(result.stderr).toContain('Usage: fintech-calc');
      return;
    }
    expect(result.stdout).toBe('');
    for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^(fintech-calc: error: |--set #\d+: error: |\S+: error: |\S+:\d+:\d+: error: )/);
  });
});

describe('internal errors (exit 3)', () => {
  const crashingIo = { stdout: () => { throw new Error('disk on fire'); } };

  it('print one line asking for a report, no stack trace', async () => {
    const result = await runCli(['forecast'], crashingIo);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'fintech-calc: internal error: disk on fire. This is a bug: please report it with the command you ran (DEBUG=fintech-calc shows the stack trace).\n',
    );
  });

  it('show the stack with DEBUG=fintech-calc', async () => {
    const result = await runCli(['forecast'], { ...crashingIo, env: { DEBUG: 'fintech-calc' } });
    expect(result.code).toBe(3);
    expect(result.stderr.split('\n').length).toBeGreaterThan(3);
    expect(result.stderr).toMatch(/Error: disk on fire\n\s+at /);
  });
});

describe('keys that could pollute objects', () => {
  it('are ordinary names: a mode called __proto__ is forecast and shown, Object.prototype untouched', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'proto.yaml');
    writeFileSync(file, 'supplyChain:\n  marketSpace: 100\n  modes:\n    __proto__: {share: 50%, penetration: 40%}\n    constructor: {share: 10%, penetration: 50%}\n');
    const result = await runCli(['forecast', file, '-f', 'json']);
    expect(result.code).toBe(0);
    const modes = JSON.parse(result.stdout).cases.base.market.modes;
    expect(Object.keys(modes)).toEqual(['__proto__', 'constructor']);
    expect(modes['__proto__'].size['2019']).toBe('20');
    expect(({} as Record<string, unknown>).share).toBeUndefined();
  });
});
