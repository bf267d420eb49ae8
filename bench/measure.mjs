// Runs a script as this whole process and reports its peak memory (maxRSS, KiB)
// on stderr when it exits: `node bench/measure.mjs <script> [args...]`. The
// script runs as the main module (Module.runMain), as `node <script>` would.
import Module from 'node:module';
import { resolve } from 'node:path';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
Module.runMain();
