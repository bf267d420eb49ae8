// Runs a command as this whole process and reports its peak memory (maxRSS, KiB)
// on stderr when it exits: `node bench/measure.mjs <script> [args...]`.
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => process.stderr.write(`\nmaxRSS ${process.resourceUsage().maxRSS}\n`));
await import(new URL(script, `file://${process.cwd()}/`).href);
