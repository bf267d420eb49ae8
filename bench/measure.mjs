// Runs a script as this whole process and reports its peak memory (maxRSS, KiB)
// and its CPU time (user + system, ms) on stderr when it exits:
// `node bench/measure.mjs <script> [args...]`. The script runs as the main
// module (Module.runMain), as `node <script>` would.
import Module from 'node:module';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => {
  const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`\nmaxRSS ${maxRSS}\ncpu ${((userCPUTime + systemCPUTime) / 1000).toFixed(1)}\n`);
});
Module.runMain();
