// `init`: a commented scenario that extends the baseline, valid as written,
// forecasting as the baseline until edited; never replaces a file unasked.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN } from './golden.mjs';
import { PACKAGE_ROOT, runCli } from './in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-init-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function init(file: string, ...args: string[]): Promise<string> {
  const result = await runCli(['init', file, ...args]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return readFileSync(file, 'utf8');
}

/** The forecast's cases, without the scenario's name, title and file. */
async function cases(scenario: string): Promise<unknown> {
  const result = await runCli(['forecast', scenario, '-f', 'json', '-c', 'all', '--no-stamp']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).cases;
}

describe('init', () => {
  const valid = '--lang %s: validates as written, with no warning, and forecasts as the baseline';
  it.each(['en', 'zh'])(valid, async (lang) => {
    const file = join(folder, `valid-${lang}.yaml`);
    const text = await init(file, '--lang', lang);
    expect(await runCli(['validate', file])).toEqual({ code: 0, stdout: `${file}: ok\n`, stderr: '' });
    expect(await cases(file)).toEqual(await cases('baseline'));
    expect(text).toMatch(/^extends: baseline +#/m);
  });

  it('explains every line it writes, and changes what it says when its values are edited', async () => {
    const file = join(folder, 'explained.yaml');
    const text = await init(file);
    const yaml = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(yaml.length).toBeGreaterThan(20);
    for (const line of yaml) expect(line, 'a line without its note').toMatch(/\S.* {2,}# \S/);
    // The inputs people change most are there, each at the baseline's value.
    const supplyChain = ['marketSpace:', 'traditionalPenetration: 20%', 'receivables:', 'arif:'];
    for (const path of [...supplyChain, 'profitShare: 3%', 'operatingCost:', 'payment:']) expect(text).toContain(path);
    expect(text).toContain('2023: {low: 60%, base: 66%, high: 70%}');
    expect(text).toContain('2023: 25%～30%');
    // An edit moves the forecast: the lines are inputs, not decoration.
    writeFileSync(file, text.replace('profitShare: 3%', 'profitShare: 2.5%'));
    const diff = await runCli(['diff', 'baseline', file, '-t', 'profit', '-f', 'json']);
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout).changes.map((change: { metric: string }) => change.metric)).toContain('profitShare');
  });

  it('writes its comments in Chinese with --lang zh (and with a zh locale): no English but identifiers', async () => {
    const file = join(folder, 'zh.yaml');
    const text = await init(file, '--lang', 'zh');
    const byLocale = await runCli(['init', '-'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(byLocale.stdout).toBe((await runCli(['init', '-', '--lang', 'zh'])).stdout);
    const comments = text
      .split('\n')
      .flatMap((line) => (line.includes('#') ? [line.slice(line.indexOf('#') + 1)] : []));
    const english = comments.flatMap((comment) =>
      (comment
        .replace(/`[^`]*`/g, '') // code: keys, commands
        .replace(/fintech-calc(?: [\w./-]+)*/g, '') // the commands to run
        .replace(/[\w-]+\/[\w./-]+/g, '') // paths
        .match(/[A-Za-z]{2,}/g) ?? []).filter((word) => word !== 'bn'),
    );
    expect(english).toEqual([]);
    expect(text).toContain('title: 我的假设');
  });

  it('prints the scenario with -, and writes nothing', async () => {
    const result = await runCli(['init', '-', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# A fintech-calc scenario/);
    expect(result.stdout).toContain('fintech-calc forecast scenario.yaml');
    expect(existsSync('-')).toBe(false);
  });

  it('writes scenario.yaml in the working folder by default, and says how to run it', () => {
    const work = join(folder, 'default');
    mkdirSync(work);
    const env = { PATH: process.env.PATH, LANG: 'C' };
    const result = spawnSync(process.execPath, [BIN, 'init'], { cwd: work, encoding: 'utf8', env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('scenario.yaml: written; see it forecast with: fintech-calc forecast scenario.yaml\n');
    const validated = spawnSync(process.execPath, [BIN, 'validate', 'scenario.yaml'], { cwd: work, encoding: 'utf8' });
    expect(validated.status).toBe(0);
  });

  it('refuses to replace a file (exit 2, the file untouched) unless --force, which keeps its mode', async () => {
    const file = join(folder, 'mine.yaml');
    writeFileSync(file, 'my own work\n', { mode: 0o640 });
    const refused = await runCli(['init', file]);
    const message = `fintech-calc: error: ${file} already exists; give --force to replace it, or another file name\n`;
    expect(refused).toEqual({ code: 2, stdout: '', stderr: message });
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');
    await init(file, '--force');
    expect(readFileSync(file, 'utf8')).toMatch(/^# A fintech-calc scenario/);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses, even with --force, to replace a file it reads: the baseline it extends, by any name', async () => {
    // A copy of the package's scenarios, so that a failure cannot replace the real baseline.
    const root = join(folder, 'package');
    cpSync(join(PACKAGE_ROOT, 'scenarios'), join(root, 'scenarios'), { recursive: true });
    const baseline = join(root, 'scenarios', 'baseline.yaml');
    const before = readFileSync(baseline, 'utf8');
    const link = join(folder, 'link-to-baseline.yaml');
    symlinkSync(baseline, link);
    for (const target of [baseline, link]) {
      const refused = await runCli(['init', target, '--force'], { packageRoot: root });
      const which = 'scenario scenarios/baseline.yaml';
      const message = `fintech-calc: error: init ${target} is an input of this run (${which}); choose another path\n`;
      expect(refused).toEqual({ code: 2, stdout: '', stderr: message });
      expect(readFileSync(baseline, 'utf8')).toBe(before);
    }
  });

  it('says what is wrong with a folder or a bad --lang, and writes nothing', async () => {
    const directory = `fintech-calc: error: cannot write ${folder}: it is a directory\n`;
    expect(await runCli(['init', folder])).toEqual({ code: 2, stdout: '', stderr: directory });
    const file = join(folder, 'never.yaml');
    const lang = "fintech-calc: error: --lang: 'fr' is not one of en, zh\n";
    expect(await runCli(['init', file, '--lang', 'fr'])).toEqual({ code: 2, stdout: '', stderr: lang });
    expect(existsSync(file)).toBe(false);
  });
});
