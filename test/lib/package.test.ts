// THE LIBRARY AS PUBLISHED: the tarball `npm pack` makes passes publint (the
// package.json's entry points, exports and files) and @arethetypeswrong/cli (its
// types resolve as its JavaScript does), both offline on the local tarball.
// ESM only, so attw runs with its esm-only profile: require() of the package is
// tested on Node itself (test/lib/entry.test.ts), where Node ≥ 20.19 loads it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../cli/in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-publish-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A command with no way to the network: a registry that does not answer. */
function run(command: string, args: readonly string[], cwd = folder) {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true' };
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

let tarball: string;

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the tests running beside this one (pretest built it).
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], PACKAGE_ROOT);
  expect(packed.code, packed.output).toBe(0);
  tarball = join(folder, packed.output.trim().split('\n').at(-1)!);
  mkdirSync(join(folder, 'unpacked'));
  expect(run('tar', ['xzf', tarball, '-C', join(folder, 'unpacked')]).code).toBe(0);
}, 120_000);

describe('the published package', () => {
  it('passes publint, warnings included', () => {
    const result = run(join(PACKAGE_ROOT, 'node_modules', '.bin', 'publint'), [join(folder, 'unpacked', 'package'), '--pack', 'false', '--strict']);
    expect(result, result.output).toMatchObject({ code: 0, output: expect.stringContaining('All good!') });
  });

  it('passes @arethetypeswrong/cli: its types resolve as its JavaScript does', () => {
    const result = run(join(PACKAGE_ROOT, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color']);
    expect(result, result.output).toMatchObject({ code: 0, output: expect.stringContaining('"fintech-calc"') });
    expect(result.output).toContain('node16 (from ESM): 🟢 (ESM)');
  });
});
