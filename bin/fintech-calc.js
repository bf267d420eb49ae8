#!/usr/bin/env node
// Starts the CLI: compiles the bundle dist/cli.js with the V8 code cache the
// build wrote (dist/cli.cache) and runs it. Node 20 has no compile cache for
// user code, and compiling the bundle was a large share of start-up. A cache
// from another Node or other V8 flags is rejected by V8, which then compiles
// the bundle as usual. CommonJS (bin/package.json): ESM loading costs more.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// A run is ~50 ms: optimizing functions that soon stop running costs more than
// it saves (~10 ms on 2 cores). Four times V8's default budget before a
// function is optimized spares short runs; simulate's loops still get there.
// Set before compiling: the code cache is only accepted under the same flags.
setFlagsFromString('--interrupt-budget=270336');

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'cli.js');
const CACHE = join(ROOT, 'dist', 'cli.cache');

/** The bundle's exports (main, run) and its Script, whose code cache the build writes. */
function loadCli() {
  let cachedData;
  try {
    cachedData = readFileSync(CACHE);
  } catch {
    // not built with a cache: V8 compiles the bundle
  }
  // esbuild writes ASCII only, so latin1 is an exact and fast decoding.
  const script = new Script(readFileSync(BUNDLE, 'latin1'), { filename: BUNDLE, cachedData });
  const cli = { exports: {} };
  script.runInThisContext()(cli.exports, require, cli, BUNDLE, join(ROOT, 'dist'));
  return { cli: cli.exports, script };
}

if (require.main === module) loadCli().cli.main(ROOT);
else module.exports = { loadCli, CACHE };
