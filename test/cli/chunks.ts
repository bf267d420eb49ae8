// Which chunks (the bundles dist/yaml.cjs and dist/xlsx.cjs, build.mjs) a run of
// the built CLI reads, through a preloaded hook on fs.readFileSync (both bin/'s
// code-cache loader and Node's require read a bundle that way), and which of
// Node's own modules it loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './in-process.js';

export function chunksRead(args: readonly string[]): string[] {
  return chunksAndModules(args).chunks;
}

export function chunksAndModules(args: readonly string[]): { chunks: string[]; modules: string[] } {
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
       const before = new Set(process.moduleLoadList);
       process.on('exit', () => {
         const modules = process.moduleLoadList.filter((name) => !before.has(name) && name.startsWith('NativeModule '));
         process.stderr.write(JSON.stringify({ chunks: [...chunks].sort(), modules: modules.map((m) => m.slice(13)) }));
       });\n`,
    );
    const bin = join(PACKAGE_ROOT, 'bin', 'fintech-calc.js');
    const { stderr } = spawnSync(process.execPath, ['-r', hook, bin, ...args], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    return JSON.parse(stderr.slice(stderr.lastIndexOf('{"chunks"'))) as { chunks: string[]; modules: string[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
