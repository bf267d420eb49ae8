// Output contracts that golden files alone do not pin: JSON key order and
// notation (SPEC §5), --out atomicity, nothing written on bad input (SPEC §6).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN, ROOT, runCase } from './golden.mjs';
import { testDevice } from './devices.js';
import { runCli } from './in-process.js';

type Run = { code: number; stdout: string; stderr: string };
const run = (...args: string[]): Run => runCase({ args });

describe('JSON output (SPEC §5)', () => {
  const document = JSON.parse(run('forecast', '-f', 'json', '-c', 'all', '--no-stamp').stdout);

  it('has the documented keys in the documented order (and the stamp last, unless --no-stamp)', () => {
    expect(Object.keys(document)).toEqual(['format', 'scenario', 'unit', 'cases']);
    expect(Object.keys(JSON.parse(run('forecast', '-f', 'json').stdout))).toEqual([
      'format',
      'scenario',
      'unit',
      'cases',
      'stamp',
    ]);
    expect(document.format).toBe('fintech-calc/forecast@1');
    expect(document.scenario).toEqual({
      name: 'baseline',
      title: 'iResearch 2019 fintech report, baseline',
      file: 'scenarios/baseline.yaml',
    });
    expect(Object.keys(document.cases)).toEqual(['low', 'base', 'high']);
    const base = document.cases.base;
    expect(Object.keys(base)).toEqual(['market', 'profit', 'spend', 'labour', 'tech']);
    expect(Object.keys(base.market)).toEqual([
      'years',
      'marketSpace',
      'traditionalPenetration',
      'traditionalSize',
      'modes',
      'otherSize',
      'marketSize',
      'increment',
      'penetration',
    ]);
    expect(Object.keys(base.market.modes.receivables)).toEqual(['share', 'penetration', 'size']);
    expect(Object.keys(base.profit)).toEqual([
      'years',
      'profitShare',
      'baselineOperatingCost',
      'operatingCost',
      'traditionalProfit',
      'shareProfit',
      'costSavings',
      'profit',
      'increment',
    ]);
    expect(Object.keys(base.spend)).toEqual([
      'years',
      'segments',
      'groups',
      'total',
      'frontier',
      'frontierShare',
      'cagr',
    ]);
    expect(Object.keys(base.spend.segments.payment)).toEqual(['label', 'total', 'frontier', 'frontierShare']);
    expect(Object.keys(base.spend.segments.fundTail)).toEqual([
      'label',
      'group',
      'firms',
      'perFirm',
      'total',
      'frontier',
      'frontierShare',
    ]);
    expect(Object.keys(base.spend.groups.funds)).toEqual(['label', 'total', 'frontier', 'frontierShare']);
    expect(Object.keys(base.spend.cagr)).toEqual(['total', 'frontier']);
    expect(Object.keys(base.labour)).toEqual([
      'years',
      'institutions',
      'humanCost',
      'saving',
      'cumulativeSaving',
      'netSaving',
    ]);
    expect(Object.keys(base.labour.institutions.financialInstitutions)).toEqual([
      'label',
      'humanServiceCost',
      'replacementRate',
      'humanCost',
      'saving',
      'cumulativeSaving',
    ]);
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
    const a = runCase({
      args: ['forecast', '-f', 'json', '-c', 'all', '--lang', 'en'],
      env: { TZ: 'Asia/Shanghai', LC_ALL: 'de_DE.UTF-8' },
    }).stdout;
    const b = runCase({
      args: ['forecast', '-f', 'json', '-c', 'all', '--lang', 'en'],
      env: { TZ: 'America/New_York' },
    }).stdout;
    expect(a).toBe(b);
  });
});

describe('determinism', () => {
  const environments = [
    { TZ: 'UTC', LANG: 'C' },
    { TZ: 'Asia/Shanghai', LC_ALL: 'de_DE.UTF-8', LANG: 'fr_FR.UTF-8' },
    { TZ: 'America/Los_Angeles', LANG: 'zh_CN.UTF-8' },
  ];
  it.each(['table', 'json', 'csv', 'md'])('forecast and diff in %s are byte-identical on every run, ' +
    'whatever TZ and locale', (format) => {
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
    const profit2023 = document.changes.find(
      (c: { metric: string; year: string }) => c.metric === 'profit' && c.year === '2023',
    );
    expect(profit2023).toEqual({
      case: 'base',
      table: 'profit',
      metric: 'profit',
      key: '',
      year: '2023',
      a: '2127',
      b: '1822',
      delta: '-305',
      relative: '-0.14339445228020686413',
    });
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

  it('says in words why it cannot write (exit 2, nothing on stdout)', () => {
    const missing = join(folder, 'no', 'such', 'dir.txt');
    expect(run('forecast', '-o', missing)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `fintech-calc: error: cannot write ${missing}: ` +
        `the directory ${join(folder, 'no', 'such')} does not exist\n`,
    });
    expect(run('forecast', '-o', folder)).toEqual({
      code: 2,
      stdout: '',
      stderr: `fintech-calc: error: cannot write ${folder}: it is a directory\n`,
    });
    const full = testDevice('full');
    expect(run('forecast', '-f', 'csv', '-o', full)).toEqual({
      code: 2,
      stdout: '',
      stderr: `fintech-calc: error: cannot write ${full}: no space left on device\n`,
    });
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  it('writes a device directly: it stays a device', () => {
    const device = testDevice('null');
    expect(run('forecast', '-f', 'csv', '-o', device)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(statSync(device).isCharacterDevice()).toBe(true);
  });

  it('writes a link to a descriptor (as /dev/stdout is) through it: appended output keeps what came ' +
    'before, the link stays', () => {
    // A link of our own to /proc/self/fd/1, so that a bug cannot replace /dev/stdout.
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-fd-'));
    const link = join(dir, 'stdout');
    symlinkSync('/proc/self/fd/1', link);
    const log = join(dir, 'log.csv');
    writeFileSync(log, 'before\n');
    const fd = openSync(log, 'a');
    const result = spawnSync(process.execPath, [BIN, 'forecast', '-f', 'csv', '-o', link], {
      cwd: ROOT,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    closeSync(fd);
    expect({ code: result.status, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(log, 'utf8')).toBe(`before\n${run('forecast', '-f', 'csv').stdout}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['log.csv', 'stdout']);
  });
});

describe('standard output and standard error that cannot be written', () => {
  const withFull = (fd: 1 | 2, args: string[]) => {
    const full = openSync('/dev/full', 'w');
    const stdio: ['ignore', number | 'pipe', number | 'pipe'] = [
      'ignore',
      fd === 1 ? full : 'pipe',
      fd === 2 ? full : 'pipe',
    ];
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio, encoding: 'utf8' });
    closeSync(full);
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('a full stdout is exit 2 with a message, not an internal error', () => {
    for (const args of [['list'], ['forecast'], ['forecast', '--help'], ['validate', 'baseline']]) {
      expect(withFull(1, args), args.join(' ')).toEqual({
        code: 2,
        stdout: null,
        stderr: 'fintech-calc: error: cannot write to standard output: no space left on device\n',
      });
    }
  });

  it('a full stderr never changes the exit code', () => {
    expect(withFull(2, ['forecast', 'test/fixtures/bad-several.yaml'])).toEqual({ code: 2, stdout: '', stderr: null });
    expect(withFull(2, ['forecast', '--case', 'medium'])).toEqual({ code: 2, stdout: '', stderr: null });
    expect(withFull(2, ['diff', 'baseline', 'bank-led', '-t', 'profit']).code).toBe(1);
    expect(withFull(2, ['check', 'test/fixtures/hygiene.yaml']).code).toBe(0);
  });
});

describe('--samples-file', () => {
  it('is not left written when the main output then fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-samples-'));
    const samples = join(dir, 'samples.csv');
    expect(run('simulate', '-n', '2000', '--samples-file', samples, '-o', testDevice('full')).code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(samples, 'old samples');
    expect(run('simulate', '-n', '2000', '--samples-file', samples, '-o', join(dir, 'no', 'such.csv')).code).toBe(2);
    expect(readFileSync(samples, 'utf8')).toBe('old samples');
    expect(readdirSync(dir)).toEqual(['samples.csv']);
  });

  it('is refused when it names the file of the main output (one would silently replace the other)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-samples-'));
    symlinkSync('out.csv', join(dir, 'link.csv'));
    for (const [samples, out] of [['out.csv', 'out.csv'], ['./out.csv', 'out.csv'], ['link.csv', 'out.csv']]) {
      writeFileSync(join(dir, 'out.csv'), 'old');
      const result = spawnSync(
        process.execPath,
        [BIN, 'simulate', '-n', '100', '--samples-file', samples!, '-o', out!],
        { cwd: dir, encoding: 'utf8' },
      );
      expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
        code: 2,
        stdout: '',
        stderr: `fintech-calc: error: --samples-file ${samples} and --out ${out} are the same file\n`,
      });
      expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('old');
    }
  });

  it('is written with the main output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-samples-'));
    const result = run(
      'simulate',
      '-n',
      '2000',
      '-t',
      'market',
      '--samples-file',
      join(dir, 'samples.csv'),
      '-o',
      join(dir, 'out.csv'),
      '-f',
      'csv',
    );
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'samples.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(2001);
    expect(readdirSync(dir).sort()).toEqual(['out.csv', 'samples.csv']);
  });
});

describe('an interrupted run (SIGINT, SIGTERM, SIGHUP)', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s removes the temporary file, keeps the old one ' +
    'and ends by the signal', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-signal-'));
    const samples = join(dir, 'samples.csv');
    writeFileSync(samples, 'old samples');
    const child = spawn(process.execPath, [BIN, 'simulate', '-n', '10000000', '--samples-file', samples], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const exited = once(child, 'exit');
    // Interrupted once the samples are being written: a temporary file beside the old one, growing.
    const writing = () =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' }).some(
        (name) => name !== 'samples.csv' && statSync(join(dir, name)).size > 100_000,
      );
    while (!writing() && child.exitCode === null) await sleep(20);
    child.kill(signal);
    const [code, killedBy] = await exited;
    expect({ code, killedBy, stderr }).toEqual({ code: null, killedBy: signal, stderr: '' });
    expect(readdirSync(dir)).toEqual(['samples.csv']);
    expect(readFileSync(samples, 'utf8')).toBe('old samples');
  });
});

describe('input files that are not regular files', () => {
  const runWithin = (args: string[]) => {
    // A bounded run: today's bug reads /dev/zero without end.
    const result = spawnSync(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 10_000,
      env: { PATH: process.env.PATH, LANG: 'C' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('a device is refused, also through extends', () => {
    expect(runWithin(['validate', '/dev/zero'])).toEqual({
      code: 2,
      stdout: '',
      stderr: '/dev/zero: error: is a character device; expected a scenario file (.yaml)\n',
    });
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-in-'));
    const up = '../'.repeat(dir.split('/').length + 2);
    writeFileSync(join(dir, 'child.yaml'), `extends: ${up}dev/zero\n`);
    const result = runWithin(['validate', join(dir, 'child.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        String.raw`^\S+child\.yaml:1:10: error: extends: \S*dev\/zero: is a character device; ` +
          String.raw`expected a scenario file \(\.yaml\)\n$`,
      ),
    );
  });

  it('a FIFO is refused without waiting for a writer', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-in-'));
    const fifo = join(dir, 'scenario.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(runWithin(['forecast', fifo])).toEqual({
      code: 2,
      stdout: '',
      stderr: `${fifo}: error: is a pipe (FIFO); expected a scenario file (.yaml)\n`,
    });
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
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).scenario.name),
    ).toEqual(['baseline', 'bank-led', 'baseline']);
  });

  it('ends quietly with exit 0 when the reader has gone (EPIPE, as under | head)', async () => {
    const child = spawn(process.execPath, [BIN, ...bigOutput], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const [code] = await once(child, 'close');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('waits, and delivers the rest, when a non-blocking pipe is full (EAGAIN)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-fifo-'));
    const fifo = join(folder, 'out');
    execFileSync('mkfifo', [fifo]);
    // A child's stdio starts blocking; creating process.stdout on a pipe makes it
    // non-blocking, as a --require'd tool or a non-Node parent might.
    const preload = join(folder, 'nonblocking.cjs');
    writeFileSync(preload, 'process.stdout;\n');
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const child = spawn(process.execPath, ['--require', preload, BIN, ...bigOutput], {
      stdio: ['ignore', writer, 'inherit'],
    });
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
      const lines = /Commands:\n([\s\S]*?)\n\n/
        .exec(run(...args).stdout)?.[1]
        ?.split('\n')
        .filter((line) => /^ {2}\S/.test(line));
      const commands = lines?.map((line) => line.trim().split(' ')[0]);
      expect(commands, args.join(' ')).toEqual([
        'forecast',
        'diff',
        'explain',
        'sensitivity',
        'solve',
        'simulate',
        'report',
        'check',
        'validate',
        'schema',
        'list',
        'init',
        'completion',
        'help',
      ]);
    }
  });

  it('suggests the command meant by a mistyped one', () => {
    expect(run('forcast')).toEqual({
      code: 2,
      stdout: '',
      stderr: "fintech-calc: error: unknown command 'forcast' (Did you mean forecast?)\n",
    });
  });
});

describe('-t naming a table twice', () => {
  it.each(['table', 'md', 'csv', 'json'])('shows it once (-f %s)', async (format) => {
    const twice = await runCli(['forecast', '-t', 'market,market, market', '-f', format]);
    const once = await runCli(['forecast', '-t', 'market', '-f', format]);
    expect(twice.code).toBe(0);
    expect(twice.stdout).toBe(once.stdout);
  });
});

describe('the unit column of CSV', () => {
  it('says count for a count of firms, as simulate does, and the output unit or ratio for the rest', async () => {
    const rows = (await runCli(['forecast', '-t', 'spend', '-f', 'csv'])).stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(','));
    const firms = rows.filter((row) => row[3] === 'firms');
    expect(firms.length).toBeGreaterThan(0);
    expect(new Set(firms.map((row) => row[7]))).toEqual(new Set(['count']));
    expect(new Set(rows.filter((row) => row[3] !== 'firms').map((row) => row[7]))).toEqual(new Set(['亿元', 'ratio']));
    const simulated = (await runCli(['simulate', '-n', '10', '-t', 'spend', '-f', 'csv'])).stdout
      .split('\n')
      .filter((row) => row.split(',')[2] === 'firms');
    expect(new Set(simulated.map((row) => row.split(',')[7]))).toEqual(new Set(['count']));
  });
});
