// THE BUILT LIBRARY, dist/index.js and dist/index.d.ts (`npm test` builds first):
// its public surface is the reviewed api/fintech-calc.d.ts, it loads by import
// and by require() without any of the CLI's modules, and docs/api.md's example
// prints what the page says it prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../cli/in-process.js';
import { docsExample } from './docs-example.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-entry-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const ENTRY = join(PACKAGE_ROOT, 'dist', 'index.js');
const read = (path: string) => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

/** Runs a script with Node in a folder outside the package, from a file (`.mjs` or `.cjs`). */
function runScript(name: string, source: string) {
  const file = join(folder, name);
  writeFileSync(file, source);
  const env = { PATH: process.env.PATH, LANG: 'C', TZ: 'UTC' };
  const result = spawnSync(process.execPath, [file], { cwd: folder, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What the entry's modules are when loaded: Node's own modules, for a script that loads the library and forecasts. */
const LOADED_MODULES =
  'const loaded = () => process.moduleLoadList' +
  ".filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice(13));";

describe('the built library', () => {
  it('declares exactly the reviewed public surface, api/fintech-calc.d.ts (npm run api updates it)', () => {
    expect(read('dist/index.d.ts')).toBe(read('api/fintech-calc.d.ts'));
  });

  it('is the entry of the package: exports "." with types and default, "./package.json", and bin apart', () => {
    const manifest = JSON.parse(read('package.json')) as Record<string, unknown>;
    expect(manifest.exports).toEqual({
      '.': { types: './dist/index.d.ts', default: './dist/index.js' },
      './package.json': './package.json',
    });
    expect(manifest.bin).toEqual({ 'fintech-calc': 'bin/fintech-calc.js' });
  });

  it('loads by import, and forecasts without loading the terminal or a child process', () => {
    const result = runScript(
      'import.mjs',
      `${LOADED_MODULES}
import { loadScenario, forecast } from ${JSON.stringify(pathToFileURL(ENTRY).href)};
const document = forecast(await loadScenario({ text: 'version: 1\\nextends: bank-led\\n' }), { tables: ['profit'] });
// Before console.log, which creates process.stdout (and loads net for a pipe).
const modules = loaded().filter((name) => /^(tty|net|child_process|readline|repl|worker_threads)$/.test(name));
console.log(document.cases.base.profit.profit['2023']);
console.log(JSON.stringify(modules));`,
    );
    expect(result).toEqual({ code: 0, stdout: '1822\n[]\n', stderr: '' });
  });

  it('loads by require() (no top-level await), with the same exports', () => {
    const result = runScript(
      'require.cjs',
      `const library = require(${JSON.stringify(ENTRY)});
console.log(Object.keys(library).sort().join(' '));
library.loadScenario('nowhere.yaml')
  .catch((error) => console.log(error instanceof library.FintechCalcError, error.message));`,
    );
    expect(result).toEqual({
      code: 0,
      stdout:
        'FintechCalcError diff explain forecast loadScenario sensitivity simulate solve\n' +
        'true nowhere.yaml: error: no such file\n',
      stderr: '',
    });
  });

  it("runs docs/api.md's example and prints what the page shows", () => {
    const { code, output } = docsExample();
    expect(code).toContain("from 'fintech-calc'");
    const built = `from ${JSON.stringify(pathToFileURL(ENTRY).href)}`;
    const result = runScript('example.mjs', code.replaceAll("from 'fintech-calc'", built));
    expect(result).toEqual({ code: 0, stdout: output, stderr: '' });
  });
});
