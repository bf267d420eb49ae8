// Bad input never crashes and never lies (SPEC §6). The examples of each kind of
// error, with their exact messages, are the errors catalogue (test/errors/); these
// are the cases that need a generated file or a crafted I/O.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runCli } from './in-process.js';

process.chdir(PACKAGE_ROOT);

describe('bad scenario files', () => {
  it('refuses a file over 1 MiB before parsing it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'large.yaml');
    writeFileSync(file, `name: x\n# ${'x'.repeat(1024 * 1024)}\n`);
    const result = await runCli(['validate', file]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}: error: the file has 1048587 bytes; a scenario may have at most 1 MiB\n`,
    });
  });
});

describe('no arguments', () => {
  it('prints the help to stderr and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: fintech-calc');
  });
});

describe('internal errors (exit 3)', () => {
  const crashingIo = { stdout: () => { throw new Error('disk on fire'); } };

  it('print one line asking for a report, no stack trace', async () => {
    const result = await runCli(['forecast'], crashingIo);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      'fintech-calc: internal error: disk on fire. This is a bug: please report it with the command you ran ' +
        '(DEBUG=fintech-calc shows the stack trace).\n',
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
    writeFileSync(
      file,
      'supplyChain:\n  marketSpace: 100\n  modes:\n    __proto__: {share: 50%, penetration: 40%}\n    constructor: ' +
        '{share: 10%, penetration: 50%}\n',
    );
    const result = await runCli(['forecast', file, '-f', 'json']);
    expect(result.code).toBe(0);
    const modes = JSON.parse(result.stdout).cases.base.market.modes;
    expect(Object.keys(modes)).toEqual(['__proto__', 'constructor']);
    expect(modes['__proto__'].size['2019']).toBe('20');
    expect(({} as Record<string, unknown>).share).toBeUndefined();
  });
});

describe('a metric without a value (a CAGR from 0)', () => {
  const ZERO_START = 'test/fixtures/zero-start.yaml';

  it('is no crash in simulate: every sample counts it as no value', async () => {
    const result = await runCli(['simulate', ZERO_START, '-n', '10', '--metric', 'spend.cagr.total']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(no value in any sample)');
  });

  it.each([
    ['explain', ZERO_START, 'spend.cagr.total'],
    ['sensitivity', ZERO_START, '--metric', 'spend.cagr.total'],
    ['solve', ZERO_START, '--target', 'spend.cagr.total=5%', '--vary', 'techSpend.segments.newcomer.spend.2022'],
  ])('is said to have no value, not to be unknown: %s', async (...args) => {
    const result = await runCli(args);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'fintech-calc: error: spend.cagr.total has no value in this scenario: the CAGR is undefined because its ' +
          'first value is 0\n',
    });
  });
});
