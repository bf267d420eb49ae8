#!/usr/bin/env node
// Starts the CLI, the one bundle dist/cli.cjs, as fast as this Node allows (see
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
 * Compiles the bundle with vm.Script, as Node's require would wrap it, handing
 * V8 the code cache in `cacheFile` when there is one. Returns the bundle's
 * exports (main, run) and the Script, whose code cache the build writes.
 */
function compileWithCodeCache(cacheFile) {
  const { readFileSync } = require('node:fs');
  const { Script } = require('node:vm');
  let cachedData;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache for this command (or not built with one): V8 compiles the bundle
  }
  // esbuild writes ASCII only (the build checks it), so latin1 is an exact and fast decoding.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(BUNDLE, 'latin1')}\n})`;
  const script = new Script(source, { filename: BUNDLE, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, require, bundle, BUNDLE, DIST);
  return { cli: bundle.exports, script };
}

/** Sets the plan's V8 flags: before compiling, as a code cache is only accepted under the flags it was made with. */
function setV8Flags(plan) {
  if (plan.v8Flags.length > 0) require('node:v8').setFlagsFromString(plan.v8Flags.join(' '));
}

/** Loads the bundle as `plan` says; returns its exports (main, run). */
function loadCli(plan, argv) {
  setV8Flags(plan);
  if (plan.compile === 'v8-code-cache') return compileWithCodeCache(codeCacheFile(argv)).cli;
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
