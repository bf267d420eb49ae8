// Output contracts that golden files alone do not pin: JSON key order and
// notation (SPEC §5), --out atomicity, nothing written on bad input (SPEC §6).
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN, runCase } from './golden.mjs';

type Run = { code: number; stdout: string; stderr: string };
const run = (...args: string[]): Run => runCase({ args });

describe('JSON output (SPEC §5)', () => {
  const document = JSON.parse(run('forecast', '-f', 'json', '-c', 'all', '--no-stamp').stdout);

  it('has the documented keys in the documented order (and the stamp last, unless --no-stamp)', () => {
    expect(Object.keys(document)).toEqual(['format', 'scenario', 'unit', 'cases']);
    expect(Object.keys(JSON.parse(run('forecast', '-f', 'json').stdout))).toEqual(['format', 'scenario', 'unit', 'cases', 'stamp']);
    expect(document.format).toBe('fintech-calc/forecast@1');
    expect(document.scenario).toEqual({ name: 'baseline', title: 'iResearch 2019 fintech report, baseline', file: 'scenarios/baseline.yaml' });
    expect(Object.keys(document.cases)).toEqual(['low', 'base', 'high']);
    const base = document.cases.base;
    expect(Object.keys(base)).toEqual(['market', 'profit', 'spend', 'labour', 'tech']);
    expect(Object.keys(base.market)).toEqual(['years', 'marketSpace', 'traditionalPenetration', 'traditionalSize', 'modes', 'otherSize', 'marketSize', 'increment', 'penetration']);
    expect(Object.keys(base.market.modes.receivables)).toEqual(['share', 'penetration', 'size']);
    expect(Object.keys(base.profit)).toEqual(['years', 'profitShare', 'baselineOperatingCost', 'operatingCost', 'traditionalProfit', 'shareProfit', 'costSavings', 'profit', 'increment']);
    expect(Object.keys(base.spend)).toEqual(['years', 'segments', 'groups', 'total', 'frontier', 'frontierShare', 'cagr']);
    expect(Object.keys(base.spend.segments.payment)).toEqual(['label', 'total', 'frontier', 'frontierShare']);
    expect(Object.keys(base.spend.segments.fundTail)).toEqual(['label', 'group', 'firms', 'perFirm', 'total', 'frontier', 'frontierShare']);
    expect(Object.keys(base.spend.groups.funds)).toEqual(['label', 'total', 'frontier', 'frontierShare']);
    expect(Object.keys(base.spend.cagr)).toEqual(['total', 'frontier']);
    expect(Object.keys(base.labour)).toEqual(['years', 'institutions', 'humanCost', 'saving', 'cumulativeSaving', 'netSaving']);
    expect(Object.keys(base.labour.institutions.financialInstitutions)).toEqual(['label', 'humanServiceCost', 'replacementRate', 'humanCost', 'saving', 'cumulativeSaving']);
    expect(Object.keys(base.tech)).toEqual(['years', 'items', 'total', 'growth', 'cagr']);
    expect(Object.keys(base.tech.items.rpa)).toEqual(['label', 'spend', 'growth', 'cagr']);
    expect(Object.keys(base.tech.items.rpa.growth)).toEqual(['2019', '2020', '2021', '2022']);
  });

  it('writes decimal strings in plain notation with at least 15 significant digits, trailing zeros trimmed', () => {
    expect(document.cases.base.market.marketSize['2023']).toBe('61000');
    expect(document.cases.base.profit.increment['2023']).toBe('1377');
    expect(document.cases.base.market.traditionalPenetration['2023']).toBe('0.2');
    const interpolated: string = document.cases.base.market.marketSpace['2020'];
    expect(document.cases.base.tech.items.rpa.spend['2022']).toBe('42.5');
    expect(interpolated.replace('.', '').replace(/^0+/, '').length).toBeGreaterThanOrEqual(15);
    const all: string[] = JSON.stringify(document).match(/"-?\d[\d.]*"/g) ?? [];
    for (const value of all) expect(value).not.toMatch(/e|\.\d*0"$/);
  });

  it('converts amounts to the output unit, never ratios', () => {
    const wan = JSON.parse(run('forecast', '-f', 'json', '-u', '万亿元').stdout).cases.base;
    expect(wan.market.marketSize['2023']).toBe('6.1');
    expect(wan.market.penetration['2023']).toBe('0.488');
    const yuan = JSON.parse(run('forecast', '-f', 'json', '-u', '元', '-t', 'profit').stdout).cases.base;
    expect(yuan.profit.profit['2023']).toBe('212700000000');
  });

  it('is byte-identical on every run and whatever TZ or locale', () => {
    const a = runCase({ args: ['forecast', '-f', 'json', '-c', 'all', '--lang', 'en'], env: { TZ: 'Asia/Shanghai', LC_ALL: 'de_DE.UTF-8' } }).stdout;
    const b = runCase({ args: ['forecast', '-f', 'json', '-c', 'all', '--lang', 'en'], env: { TZ: 'America/New_York' } }).stdout;
    expect(a).toBe(b);
  });
});

describe('determinism', () => {
  const environments = [
    { TZ: 'UTC', LANG: 'C' },
    { TZ: 'Asia/Shanghai', LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' },
    { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8' },
  ];
  it.each(['table', 'json', 'csv', 'md'])('forecast and diff in %s are byte-identical on every run, whatever TZ and locale', (format) => {
    for (const args of [
      ['forecast', '-c', 'all', '--lang', 'en', '-f', format],
      ['diff', 'baseline', 'bank-led', '-c', 'all', '--lang', 'zh', '-f', format],
    ]) {
      const outputs = environments.map((env) => runCase({ args, env }).stdout as string);
      expect(outputs[0]!.length).toBeGreaterThan(100);
      expect(new Set(outputs).size).toBe(1);
    }
  });
});

describe('diff JSON (SPEC §5)', () => {
  it('lists each change with the documented keys', () => {
    const result = run('diff', 'baseline', 'bank-led', '-f', 'json', '-t', 'profit', '--no-stamp');
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(Object.keys(document)).toEqual(['format', 'changes']);
    expect(document.format).toBe('fintech-calc/diff@1');
    const profit2023 = document.changes.find((c: { metric: string; year: string }) => c.metric === 'profit' && c.year === '2023');
    expect(profit2023).toEqual({ case: 'base', table: 'profit', metric: 'profit', key: '', year: '2023', a: '2127', b: '1822', delta: '-305', relative: '-0.14339445228020686413' });
  });

  it('is empty, with exit 0, for a scenario against itself', () => {
    const result = run('diff', 'baseline', 'baseline', '-f', 'json', '--no-stamp');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ format: 'fintech-calc/diff@1', changes: [] });
  });
});

describe('--out', () => {
  const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-'));

  it('writes the output to the file, nothing to stdout, leaving no temporary file', () => {
    const file = join(folder, 'forecast.csv');
    writeFileSync(file, 'old contents');
    const result = run('forecast', '-f', 'csv', '-o', file);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(run('forecast', '-f', 'csv').stdout);
    expect(readdirSync(folder)).toEqual(['forecast.csv']);
  });

  it('leaves the file untouched and writes nothing on bad input', () => {
    const file = join(folder, 'kept.json');
    writeFileSync(file, 'old contents');
    const result = run('forecast', 'test/fixtures/bad-several.yaml', '-f', 'json', '-o', file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('old contents');
    const missing = join(folder, 'never.json');
    expect(run('forecast', '--case', 'medium', '-o', missing).code).toBe(2);
    expect(existsSync(missing)).toBe(false);
  });

  it('reports a folder it cannot write to as a usage error', () => {
    const result = run('forecast', '-o', join(folder, 'no', 'such', 'dir.txt'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fintech-calc: error: --out: cannot write .*ENOENT\n$/);
  });
});

describe('colour', () => {
  it('never writes escape codes when stdout is not a terminal', () => {
    expect(run('forecast').stdout).not.toContain('\u001b[');
  });
});

describe('standard output (written to fd 1 synchronously)', () => {
  // Three scenarios in every case: about 95 kB, more than a pipe holds (64 kB).
  const bigOutput = ['forecast', '-c', 'all', '-f', 'json', 'baseline', 'bank-led', 'baseline'];

  it('delivers output larger than a pipe buffer whole', () => {
    const { code, stdout } = run(...bigOutput);
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(65536);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line).scenario.name)).toEqual(['baseline', 'bank-led', 'baseline']);
  });

  it('ends quietly with exit 0 when the reader has gone (EPIPE, as under | head)', async () => {
    const child = spawn(process.execPath, [BIN, ...bigOutput], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const [code] = await once(child, 'close');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('hands the rest to process.stdout when a non-blocking pipe is full (EAGAIN)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-fifo-'));
    const fifo = join(folder, 'out');
    execFileSync('mkfifo', [fifo]);
    // A child's stdio starts blocking; creating process.stdout on a pipe makes it
    // non-blocking, as a --require'd tool or a non-Node parent might.
    const preload = join(folder, 'nonblocking.cjs');
    writeFileSync(preload, 'process.stdout;\n');
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const child = spawn(process.execPath, ['--require', preload, BIN, ...bigOutput], { stdio: ['ignore', writer, 'inherit'] });
    closeSync(writer);
    const exited = once(child, 'exit');
    await sleep(500); // the child fills the pipe and meets EAGAIN before anything is read
    const chunks: Buffer[] = [];
    for (;;) {
      const buffer = Buffer.alloc(65536);
      let bytes: number;
      try {
        bytes = readSync(reader, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await sleep(5);
        continue;
      }
      if (bytes === 0) break; // every writer has closed: the child is done
      chunks.push(buffer.subarray(0, bytes));
    }
    closeSync(reader);
    expect((await exited)[0]).toBe(0);
    expect(Buffer.concat(chunks).toString()).toBe(run(...bigOutput).stdout);
  });
});

describe('help', () => {
  // Only the command being run is defined (start-up); help must still list every command.
  it('lists every command, whatever follows the help option', () => {
    for (const args of [['--help'], ['-h', 'forecast'], ['help']]) {
      // A command's line is indented by two; a description put below it, by more.
      const lines = /Commands:\n([\s\S]*?)\n\n/.exec(run(...args).stdout)?.[1]?.split('\n').filter((line) => /^ {2}\S/.test(line));
      const commands = lines?.map((line) => line.trim().split(' ')[0]);
      expect(commands, args.join(' ')).toEqual(['forecast', 'diff', 'explain', 'sensitivity', 'solve', 'simulate', 'check', 'validate', 'schema', 'list', 'help']);
    }
  });

  it('suggests the command meant by a mistyped one', () => {
    expect(run('forcast')).toEqual({ code: 2, stdout: '', stderr: "fintech-calc: error: unknown command 'forcast' (Did you mean forecast?)\n" });
  });
});
