#!/usr/bin/env node
// Starts the CLI, the bundle dist/cli.cjs and its chunks, as fast as this Node allows (see
// startupPlan). Each fast path degrades silently: a Node without it, or a cache
// that V8 rejects or Node cannot write, just compiles the bundle as usual.
// CommonJS (bin/package.json): loading ESM costs more.
'use strict';
const { join } = require('node:path');

const DIST = join(__dirname, '..', 'dist');
const BUNDLE = join(DIST, 'cli.cjs');

// A run is ~50 ms: optimizing functions that soon stop running costs more than
// it saves (`check` and `validate` took ~30% more CPU time without this flag).
// Four times V8's default budget before a function is optimized spares short
// runs; simulate's loops still get there. Measured on Node 20 (V8 11.3) only.
const INTERRUPT_BUDGET = '--interrupt-budget=270336';

/**
 * How to start on a Node of this version (a pure function, for the tests):
 * - 22.1 and later: Node's own compile cache (module.enableCompileCache), which
 *   Node keeps in the temporary folder from one run to the next;
 * - 20: no compile cache for user code, so the bundle is compiled by vm.Script
 *   with the V8 code cache that the build wrote for the command being run;
 * - 21 and 22.0: a plain require.
 * V8 flags are set only on the Node they were measured on: in another V8 a flag
 * may be gone (V8 then prints a warning on stderr) or be worth nothing.
 */
function startupPlan(nodeVersion) {
  const [major, minor] = nodeVersion.split('.').map(Number);
  const hasCompileCache = major > 22 || (major === 22 && minor >= 1);
  const compile = hasCompileCache ? 'node-compile-cache' : major === 20 ? 'v8-code-cache' : 'require';
  return { compile, v8Flags: major === 20 ? [INTERRUPT_BUDGET] : [] };
}

/**
 * The V8 code cache of a command line: one per command (dist/cache/forecast.cache),
 * holding the bytecode of what that command runs, and `help` for a line that
 * is empty or starts with an option (--help, --version) or `__complete` (the
 * completion scripts' call, which defines every command, as help does). Another
 * word that is no command has no cache: the bundle is compiled.
 */
function codeCacheFile(argv) {
  const first = argv[0];
  return join(DIST, 'cache', `${first !== undefined && /^[a-z]+$/.test(first) ? first : 'help'}.cache`);
}

/**
 * The chunks, bundles that the main one requires only when a run needs them
 * (build.mjs): on Node 20 each is compiled like the main one, with the code cache
 * the build wrote for it, dist/cache/chunk-<chunk>.cache (shared by every command;
 * named so that no command word finds it), or without one (xlsx: -f xlsx is rare).
 */
const CHUNKS = ['yaml', 'xlsx'];

/**
 * Compiles a bundle with vm.Script, as Node's require would wrap it, handing V8
 * the code cache in `cacheFile` when there is one; the bundle's require()s of
 * chunks are compiled the same way, each with its cache. Returns the bundle's
 * exports (main, run for the CLI) and the Script, whose code cache the build
 * writes; `scripts` collects those of the chunks loaded.
 */
function compileWithCodeCache(cacheFile, file = BUNDLE, scripts = new Map()) {
  const { readFileSync } = require('node:fs');
  const { Script } = require('node:vm');
  let cachedData;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache for this command (or not built with one): V8 compiles the bundle
  }
  // esbuild writes ASCII only (the build checks it), so latin1 is an exact and fast decoding.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const chunkRequire = (id) => {
    const chunk = CHUNKS.find((name) => id === join(DIST, `${name}.cjs`));
    // The bundle's other require()s are of Node's own modules.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (chunk === undefined) return require(id);
    if (!scripts.has(chunk)) {
      scripts.set(chunk, compileWithCodeCache(join(DIST, 'cache', `chunk-${chunk}.cache`), id, scripts));
    }
    return scripts.get(chunk).exports;
  };
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, chunkRequire, bundle, file, DIST);
  return { exports: bundle.exports, script, scripts };
}

/** Sets the plan's V8 flags: before compiling, as a code cache is only accepted under the flags it was made with. */
function setV8Flags(plan) {
  if (plan.v8Flags.length > 0) require('node:v8').setFlagsFromString(plan.v8Flags.join(' '));
}

/** Loads the bundle as `plan` says; returns its exports (main, run). */
function loadCli(plan, argv) {
  setV8Flags(plan);
  if (plan.compile === 'v8-code-cache') return compileWithCodeCache(codeCacheFile(argv)).exports;
  if (plan.compile === 'node-compile-cache') {
    try {
      require('node:module').enableCompileCache?.();
    } catch {
      // no compile cache: the bundle is compiled as usual
    }
  }
  // The bundle's path is only known here; Node's require is what the compile cache hooks into.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(BUNDLE);
}

if (require.main === module) {
  loadCli(startupPlan(process.versions.node), process.argv.slice(2)).main(join(__dirname, '..'));
} else {
  module.exports = { startupPlan, codeCacheFile, setV8Flags, compileWithCodeCache, loadCli };
}
