// forecast --watch and diff --watch: the real CLI in a child process, with the
// scenario files edited under it; errors are shown without ending the watch,
// and Ctrl-C (SIGINT) ends it with exit 0.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN } from './golden.mjs';
import { runCli } from './in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-watch-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Long enough for a loaded machine; a watch that works answers in well under a second. */
const PATIENCE_MS = 20_000;

interface Watched {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Waits until the output so far satisfies `test`. */
  until(test: (output: { stdout: string; stderr: string }) => boolean, what: string): Promise<void>;
}

function watch(cwd: string, ...args: string[]): Watched {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, LANG: 'C' } });
  children.push(child);
  const watched: Watched = {
    child,
    stdout: '',
    stderr: '',
    async until(test, what) {
      for (const start = Date.now(); !test(watched); await sleep(20)) {
        if (child.exitCode !== null)
          throw new Error(`exited ${child.exitCode} while waiting for ${what}; stderr: ${watched.stderr}`);
        if (Date.now() - start > PATIENCE_MS)
          throw new Error(`no ${what} after ${PATIENCE_MS} ms; stdout: ${watched.stdout}; stderr: ${watched.stderr}`);
      }
    },
  };
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (watched.stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (watched.stderr += text));
  return watched;
}

async function interrupt(watched: Watched): Promise<number | null> {
  const exit = once(watched.child, 'exit');
  watched.child.kill('SIGINT');
  const [code, signal] = await exit;
  expect(signal).toBe(null);
  return code as number | null;
}

const count = (text: string, part: string) => text.split(part).length - 1;
const share = (percent: string) => `bankProfit:\n  profitShare: ${percent}\n`;

describe('forecast --watch', () => {
  it('runs again when the scenario or a file it extends changes, shows errors and goes on, and ends ' +
    'with 0 on Ctrl-C', async () => {
    const dir = mkdtempSync(join(folder, 'forecast-'));
    writeFileSync(join(dir, 'parent.yaml'), `extends: baseline\n${share('3%')}`);
    writeFileSync(join(dir, 'a.yaml'), 'extends: ./parent.yaml\nname: a\n');
    const watched = watch(dir, 'forecast', 'a.yaml', '--watch', '-t', 'profit', '-f', 'csv');
    const line = (value: string) => `a,base,profit,profitShare,,2023,${value},ratio`;
    await watched.until(({ stdout }) => stdout.includes(line('0.03')), 'first run');

    // The file it extends, edited in place.
    writeFileSync(join(dir, 'parent.yaml'), `extends: baseline\n${share('2.5%')}`);
    await watched.until(({ stdout }) => stdout.includes(line('0.025')), 'a run after parent.yaml changed');

    // A mistake: the error is shown, and the watch goes on.
    writeFileSync(join(dir, 'a.yaml'), `extends: ./parent.yaml\nname: a\n${share('40')}`);
    await watched.until(
      ({ stderr }) =>
        stderr.includes('a.yaml:4:16: error: bankProfit.profitShare: 40 is not a ratio (did you mean 40%?)'),
      'the error',
    );
    expect(watched.child.exitCode).toBe(null);

    // Fixed, as an editor saves: a new file renamed over the old one.
    writeFileSync(join(dir, '.a.yaml.swp'), `extends: ./parent.yaml\nname: a\n${share('2%')}`);
    renameSync(join(dir, '.a.yaml.swp'), join(dir, 'a.yaml'));
    await watched.until(({ stdout }) => stdout.includes(line('0.02')), 'a run after the fix');

    expect(await interrupt(watched)).toBe(0);
    // Not a terminal: no screen clearing, no status line; each run's output whole.
    expect(watched.stdout).not.toContain('\x1b');
    expect(count(watched.stdout, 'scenario,case,table,metric,key,year,value,unit')).toBe(3);
    expect(count(watched.stderr, 'error')).toBe(1);
  });

  it('waits for a scenario that does not exist yet', async () => {
    const dir = mkdtempSync(join(folder, 'missing-'));
    const watched = watch(dir, 'forecast', 'later.yaml', '--watch', '-t', 'market', '-f', 'json');
    await watched.until(({ stderr }) => stderr.includes('later.yaml: error: no such file'), 'the error');
    writeFileSync(join(dir, 'later.yaml'), 'extends: bank-led\nname: later\n');
    await watched.until(({ stdout }) => stdout.includes('"name":"later"'), 'a run once the file exists');
    expect(await interrupt(watched)).toBe(0);
  });

  it('ends at once, with the usual error, when an option is wrong: editing a file cannot fix it', () => {
    const result = spawnSync(process.execPath, [BIN, 'forecast', '--watch', '-f', 'xml'], {
      encoding: 'utf8',
      timeout: PATIENCE_MS,
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("fintech-calc: error: --format: 'xml' is not one of table, json, csv, md, xlsx\n");
  });

  it('on a terminal: clears the screen before each new run and says what it watches', async () => {
    const dir = mkdtempSync(join(folder, 'terminal-'));
    const file = join(dir, 'a.yaml');
    writeFileSync(file, `extends: baseline\nname: a\n${share('3%')}`);
    let stdout = '';
    let stderr = '';
    const running = runCli(['forecast', file, '--watch', '-t', 'profit'], {
      stdoutIsTerminal: true,
      stderrIsTerminal: true,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    });
    const until = async (test: () => boolean) => {
      for (const start = Date.now(); !test(); await sleep(20))
        if (Date.now() - start > PATIENCE_MS) throw new Error(`waited in vain; stdout: ${stdout}; stderr: ${stderr}`);
    };
    await until(() => stderr.includes('watching'));
    expect(stdout).not.toContain('\x1b[2J');
    expect(stderr).toBe(
      `fintech-calc: watching ${file}, scenarios/baseline.yaml; runs again when one changes (Ctrl-C to stop)\n`,
    );
    writeFileSync(file, `extends: baseline\nname: a\n${share('2%')}`);
    await until(() => stdout.includes('2.00%'));
    expect(stdout.indexOf('\x1b[2J\x1b[H')).toBeGreaterThan(0);
    expect(stdout.slice(stdout.indexOf('\x1b[2J\x1b[H'))).not.toContain('3.00%');
    process.emit('SIGINT', 'SIGINT');
    expect((await running).code).toBe(0);
  });
});

describe('diff --watch', () => {
  it('compares again when either side changes; Ctrl-C ends it with 0 whatever the last comparison found', async () => {
    const dir = mkdtempSync(join(folder, 'diff-'));
    writeFileSync(join(dir, 'a.yaml'), `extends: baseline\nname: a\n${share('3%')}`);
    writeFileSync(join(dir, 'b.yaml'), `extends: baseline\nname: b\n${share('3%')}`);
    const watched = watch(dir, 'diff', 'a.yaml', 'b.yaml', '--watch', '-t', 'profit');
    await watched.until(({ stdout }) => stdout.includes('no differences'), 'the first comparison');
    writeFileSync(join(dir, 'b.yaml'), `extends: baseline\nname: b\n${share('2.5%')}`);
    await watched.until(({ stdout }) => /\d+ differences/.test(stdout), 'a comparison after b.yaml changed');
    expect(await interrupt(watched)).toBe(0);
  });
});
