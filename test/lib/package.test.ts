// THE LIBRARY AS PUBLISHED: the tarball `npm pack` makes passes publint (the
// package.json's entry points, exports and files) and @arethetypeswrong/cli (its
// types resolve as its JavaScript does), both offline on the local tarball; and
// a fresh project that `npm install`s the tarball, offline, imports it (ESM and
// require), runs docs/api.md's example and type-checks against it.
// ESM only, so attw runs with its esm-only profile: require() is tested on Node
// itself, where Node ≥ 20.19 loads an ES module.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../cli/in-process.js';
import { docsExample } from './docs-example.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-publish-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
/** A project of a user's, apart from the clone. */
const project = join(folder, 'project');

/**
 * A command offline, without the settings `npm test` hands its children; with no
 * dependencies to install, npm also gets an empty cache and a registry that does
 * not answer (with some, it takes them from the cache `npm ci` filled).
 */
function run(command: string, args: readonly string[], cwd = folder) {
  const isolated = Object.keys(manifest.dependencies ?? {}).length === 0 ? { npm_config_cache: join(folder, 'empty-cache'), npm_config_registry: 'http://127.0.0.1:9/' } : {};
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))), npm_config_offline: 'true', npm_config_userconfig: join(folder, 'npmrc'), ...isolated };
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { code: result.status, output: `${result.stdout}${result.stderr}`, stdout: result.stdout };
}

let tarball: string;

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the tests running beside this one (pretest built it).
  const packed = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], PACKAGE_ROOT);
  expect(packed.code, packed.output).toBe(0);
  tarball = join(folder, packed.output.trim().split('\n').at(-1)!);
  mkdirSync(join(folder, 'unpacked'));
  expect(run('tar', ['xzf', tarball, '-C', join(folder, 'unpacked')]).code).toBe(0);
  writeFileSync(join(folder, 'npmrc'), '');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'a-project', private: true, type: 'module' })}\n`);
  const installed = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--no-update-notifier'], project);
  expect(installed.code, installed.output).toBe(0);
}, 180_000);

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

describe('a fresh project that installs the tarball', () => {
  /** Runs a script of the project's with Node. */
  const script = (name: string, source: string) => {
    writeFileSync(join(project, name), source);
    return run(process.execPath, [name], project);
  };

  it("runs docs/api.md's example with import from 'fintech-calc'", () => {
    const { code, output } = docsExample();
    expect(script('example.mjs', code)).toMatchObject({ code: 0, output });
  });

  it("loads it with require('fintech-calc'), and reads package.json through the exports map", () => {
    const result = script(
      'required.cjs',
      `const { loadScenario, forecast } = require('fintech-calc');
const { version } = require('fintech-calc/package.json');
loadScenario('bank-led').then((scenario) => console.log(version, forecast(scenario, { unit: '万亿元' }).cases.base.market.marketSize['2023']));`,
    );
    expect(result).toMatchObject({ code: 0, output: `${JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version} 6.1\n` });
  });

  it('type-checks code that uses it, and rejects code that misuses it', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false }, files: ['use.ts'] }));
    const tsc = (source: string) => {
      writeFileSync(join(project, 'use.ts'), source);
      return run(process.execPath, [join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], project);
    };
    const good = `import { diff, FintechCalcError, forecast, loadScenario, type Change } from 'fintech-calc';
const scenario = await loadScenario('baseline', { set: ['bankProfit.profitShare=2.5%'] });
const size: string | null | undefined = forecast(scenario, { case: 'all', tables: ['market'] }).cases.low?.market?.marketSize['2023'];
const changes: readonly Change[] = diff(scenario, scenario, { tolerance: '0.1%' }).changes;
const isError = (error: unknown) => error instanceof FintechCalcError && error.problems.every((problem) => problem.line >= 0);
export { size, changes, isError };
`;
    expect(tsc(good)).toMatchObject({ code: 0, output: '' });
    expect(tsc("import { forecast, loadScenario } from 'fintech-calc';\nforecast(await loadScenario(), { case: 'middle' });\n").output).toContain("Type '\"middle\"' is not assignable");
  }, 180_000);
});
