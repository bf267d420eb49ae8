// THE PACKAGE, AS USERS GET IT: `npm pack`, then `npm install -g` of the tarball
// into a fresh prefix, offline, and the installed `fintech-calc` run from another
// folder; and `npm install` of the tarball into a fresh project, whose scripts
// import the library (ESM and require) and type-check against it. The tarball
// passes publint and @arethetypeswrong/cli (on the local file). Slower than the
// other tests (npm itself takes seconds); no network: --offline, and with no
// dependencies an empty cache and an unreachable registry.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { ROOT, runCase } from './golden.mjs';
import { docsExample } from '../lib/docs-example.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-package-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};
const prefix = join(folder, 'prefix');
const installed = join(prefix, 'lib', 'node_modules', 'fintech-calc');
/** A folder that is neither the clone nor the package: the CLI must not depend on where it runs. */
const elsewhere = join(folder, 'elsewhere');
/** A user's project that installs the tarball as a dependency. */
const project = join(folder, 'project');

/** npm without the settings `npm test` hands its children (npm_config_*), nor the user's .npmrc. */
function npm(args: readonly string[], options: SpawnSyncOptions = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const userconfig = join(folder, 'npmrc');
  writeFileSync(userconfig, '');
  const quiet = ['--no-update-notifier', '--no-audit', '--no-fund'];
  const result = spawnSync('npm', [...args, '--userconfig', userconfig, ...quiet], {
    encoding: 'utf8',
    env,
    ...options,
  });
  expect(result.status, `npm ${args.join(' ')}: ${String(result.stderr)}`).toBe(0);
  return String(result.stdout);
}

/** A tool of the clone (publint, attw, tsc) run on the package or the project, with a registry that does not answer. */
function tool(path: string, args: readonly string[], cwd = project) {
  const env = { PATH: process.env.PATH, npm_config_registry: 'http://127.0.0.1:9/', npm_config_offline: 'true' };
  const result = spawnSync(process.execPath, [join(ROOT, path), ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A script of the project's, run with Node. */
function projectScript(name: string, source: string) {
  writeFileSync(join(project, name), source);
  const result = spawnSync(process.execPath, [name], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C', TZ: 'UTC' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The installed command, found on the PATH as a user's shell finds it. */
function installedCli(...args: string[]) {
  const result = spawnSync('fintech-calc', args, {
    cwd: elsewhere,
    encoding: 'utf8',
    env: { PATH: `${join(prefix, 'bin')}:${process.env.PATH}`, LANG: 'C', TZ: 'UTC' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Packed {
  filename: string;
  size: number;
  files: { path: string }[];
}
let packed: Packed;

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild dist/ under the tests running beside this one (pretest built it).
  const packing = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: ROOT });
  packed = (JSON.parse(packing) as Packed[])[0]!;
  const offline = ['--offline', '--prefix', prefix];
  // With dependencies (until the runtime packages become devDependencies) npm
  // takes them from the cache `npm ci` filled, still offline; without, it gets
  // an empty cache and a registry that does not answer, so nothing can be fetched.
  const isolated =
    Object.keys(packageJson.dependencies ?? {}).length === 0
      ? ['--cache', join(folder, 'empty-cache'), '--registry', 'http://127.0.0.1:9/']
      : [];
  npm(['install', '--global', join(folder, packed.filename), ...offline, ...isolated], { cwd: folder });
  // The bundle holds every package the CLI uses: it runs without node_modules.
  rmSync(join(installed, 'node_modules'), { recursive: true, force: true });
  mkdirSync(elsewhere);
  mkdirSync(project);
  const projectPackage = { name: 'a-project', private: true, type: 'module' };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(projectPackage)}\n`);
  npm(['install', join(folder, packed.filename), '--offline', ...isolated], { cwd: project });
}, 240_000);

describe('the package (npm pack, npm install -g of the tarball into a fresh prefix, offline)', () => {
  it('holds only what users need: bin, dist, scenarios, docs (the README screenshot too), README, LICENSE', () => {
    const paths = packed.files.map((file) => file.path).sort();
    const shipped = new RegExp(
      String.raw`^(bin\/|dist\/|scenarios\/[\w-]+\.yaml$|docs\/[\w-]+\.(md|png)$|` +
        String.raw`README\.md$|LICENSE$|package\.json$)`,
    );
    for (const path of paths) expect(path).toMatch(shipped);
    expect(paths).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'bin/fintech-calc.js',
        'bin/package.json',
        'dist/cli.cjs',
        'dist/yaml.cjs',
        'dist/xlsx.cjs',
        'dist/bundled/baseline.json',
        'dist/bundled/baseline.tree.json',
        'dist/index.js',
        'dist/index.d.ts',
        'docs/commands.md',
        'scenarios/baseline.yaml',
      ]),
    );
    const docs = readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`).sort();
    expect(paths.filter((path) => path.startsWith('docs/'))).toEqual(docs);
    // The V8 code caches (dist/cache/, ≈ 0.5 MB a command) fit only the V8 that wrote them:
    // a clone builds its own; the package leaves them out, and the installed CLI compiles as usual.
    expect(paths.some((path) => path.startsWith('dist/cache/'))).toBe(false);
    // A guard against packing what does not belong (node_modules, test/).
    expect(packed.size).toBeLessThan(1024 * 1024);
  });

  it('runs `fintech-calc forecast` from the PATH, in any folder, as the clone does', () => {
    const fromClone = runCase({ args: ['forecast'] });
    expect(installedCli('forecast')).toEqual({ code: 0, stdout: fromClone.stdout, stderr: '' });
    const json = (cli: (...args: string[]) => { stdout: string }) =>
      JSON.parse(cli('forecast', 'bank-led', '-f', 'json', '-c', 'all', '--no-stamp').stdout);
    expect(json(installedCli)).toEqual(json((...args) => runCase({ args })));
    expect(installedCli('--version').stdout).toBe(`${packageJson.version}\n`);
    expect(existsSync(join(installed, 'docs', 'commands.md')) && existsSync(join(installed, 'LICENSE'))).toBe(true);
  });

  it('writes a scenario with init that the installed CLI forecasts, and prints its completion scripts', () => {
    expect(installedCli('init', 'mine.yaml').code).toBe(0);
    expect(installedCli('forecast', 'mine.yaml', '-t', 'profit').stdout).toContain('mine (My assumptions)');
    expect(installedCli('completion', 'bash').stdout).toContain('complete -F _fintech_calc fintech-calc');
    expect(installedCli('__complete', '--', 'forecast', 'bank').stdout).toBe('bank-led\tbundled scenario\n:yaml\n');
  });

  it('says what is wrong, from the installed CLI too', () => {
    expect(installedCli('forecast', 'nowhere.yaml')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'nowhere.yaml: error: no such file\n',
    });
  });
});

describe('the library, from a fresh project that installs the tarball (npm install, offline)', () => {
  it("runs docs/api.md's example with import from 'fintech-calc', and the project's own fintech-calc", () => {
    const { code, output } = docsExample();
    expect(projectScript('example.mjs', code)).toEqual({ code: 0, stdout: output, stderr: '' });
    const args = ['forecast', 'bank-led', '-t', 'profit'];
    const cli = spawnSync(join(project, 'node_modules', '.bin', 'fintech-calc'), args, {
      cwd: project,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C' },
    });
    expect({ code: cli.status, stdout: cli.stdout }).toEqual({ code: 0, stdout: runCase({ args }).stdout });
  });

  it("loads it with require('fintech-calc') (Node ≥ 20.19), and its package.json through the exports map", () => {
    const result = projectScript(
      'required.cjs',
      `const { loadScenario, forecast } = require('fintech-calc');
const { version } = require('fintech-calc/package.json');
loadScenario('bank-led').then((scenario) =>
  console.log(version, forecast(scenario, { unit: '万亿元' }).cases.base.market.marketSize['2023']));`,
    );
    expect(result).toEqual({ code: 0, stdout: `${packageJson.version} 6.1\n`, stderr: '' });
  });

  it('type-checks code that uses it, and rejects code that misuses it', () => {
    const compilerOptions = { module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
    const tsc = (source: string) => {
      writeFileSync(join(project, 'use.ts'), source);
      return tool('node_modules/typescript/bin/tsc', ['-p', '.']);
    };
    const good = `import { diff, FintechCalcError, forecast, loadScenario, type Change } from 'fintech-calc';
const scenario = await loadScenario('baseline', { set: ['bankProfit.profitShare=2.5%'] });
const size: string | null | undefined =
  forecast(scenario, { case: 'all', tables: ['market'] }).cases.low?.market?.marketSize['2023'];
const changes: readonly Change[] = diff(scenario, scenario, { tolerance: '0.1%' }).changes;
const isError = (error: unknown) =>
  error instanceof FintechCalcError && error.problems.every((problem) => problem.line >= 0);
export { size, changes, isError };
`;
    expect(tsc(good)).toEqual({ code: 0, output: '' });
    const misuse =
      "import { forecast, loadScenario } from 'fintech-calc';\n" +
      "forecast(await loadScenario(), { case: 'middle' });\n";
    expect(tsc(misuse).output).toContain("Type '\"middle\"' is not assignable");
  }, 180_000);

  it('passes publint (warnings included) and @arethetypeswrong/cli (ESM only: require() is tested on Node ' +
    'above)', () => {
    const publint = tool('node_modules/publint/src/cli.js', [installed, '--pack', 'false', '--strict']);
    expect(publint, publint.output).toMatchObject({ code: 0, output: expect.stringContaining('All good!') });
    const attw = tool('node_modules/@arethetypeswrong/cli/dist/index.js', [
      join(folder, packed.filename),
      '--profile', 'esm-only', '--format', 'ascii', '--no-color',
    ]);
    expect(attw, attw.output).toMatchObject({ code: 0, output: expect.stringContaining('node16 (from ESM): 🟢 (ESM)') });
  }, 120_000);
});
