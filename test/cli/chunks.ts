// Which chunks (the bundles dist/yaml.cjs and dist/xlsx.cjs, build.mjs) a run of
// the built CLI reads, through a preloaded hook on fs.readFileSync: both bin/'s
// code-cache loader and Node's require read a bundle that way.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './in-process.js';

export function chunksRead(args: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-chunks-'));
  try {
    const hook = join(dir, 'hook.cjs');
    writeFileSync(
      hook,
      `const fs = require('node:fs'); const read = fs.readFileSync; const chunks = new Set();
       fs.readFileSync = function (file, ...rest) {
         const chunk = /[\\\\/]dist[\\\\/](yaml|xlsx)\\.cjs$/.exec(String(file));
         if (chunk) chunks.add(chunk[1]);
         return read.call(this, file, ...rest);
       };
       process.on('exit', () => process.stderr.write(JSON.stringify([...chunks].sort())));\n`,
    );
    const bin = join(PACKAGE_ROOT, 'bin', 'fintech-calc.js');
    const { stderr } = spawnSync(process.execPath, ['-r', hook, bin, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    return JSON.parse(stderr.slice(stderr.lastIndexOf('['))) as string[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
