// Writes the V8 code cache of one command, or of one chunk, for build.mjs, in a
// process of its own: compiles dist/cli.cjs as bin/ does on Node 20 (same V8
// flags, same wrapper, or V8 would reject the cache), runs the command lines
// given, each with the exit code it must give (a failing run would leave its path
// out of the cache), and writes the bytecode of every function that ran: in the
// main bundle, or in the chunk named (which the runs must load).
//   node code-cache.mjs <cache file> '[{"argv": ["forecast"], "exit": 0}, ...]' [chunk]
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { startupPlan, setV8Flags, compileWithCodeCache } = createRequire(import.meta.url)('./bin/fintech-calc.js');
const [cacheFile, runs, chunk] = process.argv.slice(2);
setV8Flags(startupPlan(process.versions.node));
const { exports: cli, script, scripts } = compileWithCodeCache(undefined);
const discard = () => {};
const io = { env: {}, stdout: discard, stderr: discard, stdoutIsTerminal: false, packageRoot: process.cwd() };
for (const { argv, exit } of JSON.parse(runs)) {
  const code = await cli.run(argv, io);
  if (code !== exit) throw new Error(`fintech-calc ${argv.join(' ')} exited ${code}, not ${exit}`);
}
if (chunk !== undefined && !scripts.has(chunk)) throw new Error(`the runs did not load the chunk '${chunk}'`);
writeFileSync(cacheFile, (chunk === undefined ? script : scripts.get(chunk).script).createCachedData());
