// Bundles the CLI into one script, dist/cli.js, and writes V8's code cache for
// it (dist/cli.cache), which bin/fintech-calc.js hands to V8: Node 20 has no
// compile cache for user code, and compiling was a large share of start-up.
// Then precompiles the bundled scenarios (dist/bundled.json) and writes the
// scenario JSON Schema (dist/scenario.schema.json).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { buildLibrary } from './build-lib.mjs';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
};

// commander requires node:child_process at load time (~8 ms) for executable
// subcommands, which fintech-calc does not have: hand it a module that loads
// child_process only if it is ever used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true });
// The bundle is the body of a CommonJS module wrapper, so that bin/ can compile
// it with vm.Script (which takes a code cache) and call it like require would.
await build({
  ...common,
  format: 'cjs',
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.js',
  minify: true,
  plugins: [lazyChildProcess],
});
// bin/ reads the bundle as latin1, which is exact only for ASCII; and vm.Script
// cannot run import() (esbuild keeps it for Node's own modules).
const bundle = readFileSync('dist/cli.js', 'latin1');
if (!/^\p{ASCII}*$/u.test(bundle)) throw new Error('build: dist/cli.js is not ASCII (a String.raw with non-ASCII text?)');
if (/\bimport\(/.test(bundle)) throw new Error("build: dist/cli.js has an import(): import Node's modules statically, in a module that is imported lazily");

const precompiler = 'dist/.precompile.mjs';
await build({ ...common, entryPoints: ['src/scenario/precompile.ts'], outfile: precompiler });
const { precompile, scenarioSchema } = await import(`./${precompiler}`);
// For editors: the bundled scenarios name it in their yaml-language-server line.
writeFileSync('dist/scenario.schema.json', `${JSON.stringify(scenarioSchema(), null, 2)}\n`);
const bundled = {};
for (const file of readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort()) {
  bundled[file.replace(/\.yaml$/, '')] = precompile(readFileSync(`scenarios/${file}`, 'utf8'), `scenarios/${file}`);
}
writeFileSync('dist/bundled.json', JSON.stringify(bundled));
rmSync(precompiler);

// The code cache holds the bytecode of every function that ran, so it is made
// after running `forecast` and a small `simulate`, the commands whose times have
// targets (simulate's own code then costs ~10 ms less; forecast's start is the same).
const { loadCli, CACHE } = createRequire(import.meta.url)('./bin/fintech-calc.js');
const { cli, script } = loadCli();
const discard = () => {};
const io = { env: {}, stdout: discard, stderr: discard, stdoutIsTerminal: false, packageRoot: process.cwd() };
if ((await cli.run(['forecast'], io)) !== 0) throw new Error('build: `forecast` failed while warming the code cache');
if ((await cli.run(['simulate', '-n', '10'], io)) !== 0) throw new Error('build: `simulate` failed while warming the code cache');
writeFileSync(CACHE, script.createCachedData());
if (loadCli().script.cachedDataRejected) console.warn('build: V8 rejected the code cache just written; start-up will be slower');

// The library (`import … from 'fintech-calc'`): a bundle and declarations of its own.
await buildLibrary();
