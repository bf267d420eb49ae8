// Bundles the CLI into one CommonJS script, dist/cli.cjs, which bin/fintech-calc.js
// loads, and on Node 20 writes a V8 code cache of it for each command
// (dist/cache/<command>.cache): Node 20 has no compile cache for user code, and
// compiling was a large share of start-up. Then precompiles the bundled
// scenarios (dist/bundled/<name>.json) and writes the scenario JSON Schema
// (dist/scenario.schema.json).
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { buildLibrary, ESM_FOR_NODE } from './build-lib.mjs';

const common = ESM_FOR_NODE;

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
      contents:
        "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

// Code that only some runs need is a bundle of its own, a chunk (bin/ CHUNKS):
// the main bundle's import of its entry becomes a require() of dist/<chunk>.cjs,
// made only when it is needed, so other runs neither read nor cache its code:
// - yaml.cjs, the YAML parser (src/scenario/raw.ts and the yaml package), for a
//   scenario given as a file (the bundled scenarios are precompiled);
// - xlsx.cjs, the workbook writer (src/render/xlsx/), for -f xlsx.
const CHUNK_ENTRIES = { yaml: 'src/scenario/raw.ts', xlsx: 'src/render/xlsx/index.ts' };
const separateChunks = {
  name: 'separate-chunks',
  setup(build) {
    // An import of a chunk's entry, from wherever it is imported (src/ imports ./x.js for x.ts).
    const chunkOf = new Map(Object.entries(CHUNK_ENTRIES).map(([chunk, entry]) => [resolve(entry), chunk]));
    build.onResolve({ filter: /\.js$/ }, ({ path, resolveDir }) => {
      const chunk = chunkOf.get(resolve(resolveDir, path).replace(/\.js$/, '.ts'));
      return chunk === undefined ? undefined : { path: chunk, namespace: 'chunk' };
    });
    build.onLoad({ filter: /.*/, namespace: 'chunk' }, ({ path }) => ({
      contents: `module.exports = require(require('node:path').join(__dirname, '${path}.cjs'));`,
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true });
// A plain CommonJS module (.cjs: the package is ESM), which Node 22 requires and
// Node 20 compiles with vm.Script inside the wrapper require would give it.
await build({
  ...common,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  minify: true,
  plugins: [lazyChildProcess, separateChunks],
});
for (const [chunk, entry] of Object.entries(CHUNK_ENTRIES)) {
  await build({ ...common, format: 'cjs', entryPoints: [entry], outfile: `dist/${chunk}.cjs`, minify: true });
}
// bin/ reads the bundles as latin1, which is exact only for ASCII; and vm.Script
// cannot run import() (esbuild keeps it for Node's own modules).
for (const file of ['cli', ...Object.keys(CHUNK_ENTRIES)].map((name) => `dist/${name}.cjs`)) {
  const bundle = readFileSync(file, 'latin1');
  if (!/^\p{ASCII}*$/u.test(bundle)) throw new Error(`build: ${file} is not ASCII (a String.raw with non-ASCII text?)`);
  if (/\bimport\(/.test(bundle)) {
    throw new Error(
      `build: ${file} has an import(): import Node's modules statically, in a module that is imported lazily`,
    );
  }
}

const precompiler = 'dist/.precompile.mjs';
await build({
  ...common,
  entryPoints: ['src/scenario/precompile.ts'],
  outfile: precompiler,
  // Some CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});
const { precompileBundled, scenarioSchema } = await import(`./${precompiler}`);
// For editors: the bundled scenarios name it in their yaml-language-server line.
writeFileSync('dist/scenario.schema.json', `${JSON.stringify(scenarioSchema(), null, 2)}\n`);
const texts = {};
for (const file of readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort()) {
  texts[file.replace(/\.yaml$/, '')] = readFileSync(`scenarios/${file}`, 'utf8');
}
// One file each: a run reads only the scenarios it opens.
mkdirSync('dist/bundled');
for (const [name, { tree, ...precompiled }] of Object.entries(await precompileBundled(texts))) {
  writeFileSync(`dist/bundled/${name}.json`, JSON.stringify(precompiled));
  writeFileSync(`dist/bundled/${name}.tree.json`, JSON.stringify(tree));
}
rmSync(precompiler);

// The code caches (Node 20 only: later Nodes keep their own, see bin/). A
// command's cache holds the bytecode of every function that its runs here reach,
// and no more (V8 reads a whole cache at start): each command runs on a bundled
// scenario and on a file given by path, which needs the YAML parser (the bundled
// scenarios are precompiled). `help` serves --help, --version, no command and
// the completion scripts' hidden `__complete` (each Tab is a run).
const FILE = 'scenarios/baseline.yaml';
const ok = (...argv) => ({ argv, exit: 0 });
const WARM_UP = {
  forecast: [ok('forecast'), ok('forecast', FILE)],
  diff: [{ argv: ['diff', 'baseline', 'bank-led'], exit: 1 }, { argv: ['diff', FILE, 'bank-led'], exit: 1 }],
  explain: [ok('explain', 'profit.increment.2023'), ok('explain', FILE, 'profit.increment.2023')],
  sensitivity: [
    ok('sensitivity', '--metric', 'market.marketSize.2023'),
    ok('sensitivity', FILE, '--metric', 'market.marketSize.2023'),
  ],
  solve: [
    ok(
      'solve',
      FILE,
      '--target',
      'market.marketSize.2023=6.5万亿',
      '--vary',
      'supplyChain.modes.receivables.penetration.2023',
    ),
  ],
  simulate: [ok('simulate', '-n', '10'), ok('simulate', FILE, '-n', '10')],
  report: [ok('report'), ok('report', FILE)],
  check: [ok('check'), ok('check', FILE)],
  validate: [ok('validate', 'baseline'), ok('validate', FILE)],
  schema: [ok('schema')],
  list: [ok('list')],
  init: [ok('init', '-')],
  completion: [ok('completion', 'bash')],
  help: [
    ok('--help'),
    ok('--version'),
    { argv: [], exit: 2 },
    ok('__complete', '--', 'forecast', '-'),
    ok('__complete', '--', 'explain', 'prof'),
  ],
};
/** The chunks' warm-ups: runs that load the chunk, whose cache every command shares. */
const CHUNK_WARM_UP = {
  yaml: [
    ok('validate', FILE),
    ok('forecast', 'scenarios/kpis.yaml'),
    ok('forecast', '--set', 'supplyChain.modes.receivables.penetration.2023={low: 30%, high: 40%}'),
  ],
};
// The library (`import … from 'fintech-calc'`): a bundle and declarations of its own.
await buildLibrary();

const { startupPlan } = createRequire(import.meta.url)('./bin/fintech-calc.js');
if (startupPlan(process.versions.node).compile === 'v8-code-cache') await writeCodeCaches();

/**
 * Writes dist/cache/<command>.cache for every command, each in a process of its
 * own (V8 would reuse what an earlier command compiled): see code-cache.mjs.
 */
async function writeCodeCaches() {
  const { COMMAND_NAMES } = createRequire(import.meta.url)('./dist/cli.cjs');
  for (const name of COMMAND_NAMES.filter((command) => !Object.hasOwn(WARM_UP, command))) {
    console.warn(`build: no code-cache warm-up for '${name}' in build.mjs; it will start slower`);
  }
  mkdirSync('dist/cache');
  const run = promisify(execFile);
  // A command's cache, and a chunk's: chunk-<chunk>.cache (bin/'s name, which no command word finds).
  const command = ([name, runs]) => ({ name, runs, file: `dist/cache/${name}.cache`, chunk: [] });
  const chunk = ([name, runs]) => ({ name, runs, file: `dist/cache/chunk-${name}.cache`, chunk: [name] });
  const warmUps = [...Object.entries(WARM_UP).map(command), ...Object.entries(CHUNK_WARM_UP).map(chunk)];
  await Promise.all(
    warmUps.map(({ name, runs, file, chunk }) =>
      run(process.execPath, ['code-cache.mjs', file, JSON.stringify(runs), ...chunk]).catch((error) => {
        throw new Error(`build: warming the code cache of '${name}' failed: ${error.stderr || error.message}`);
      }),
    ),
  );
}
