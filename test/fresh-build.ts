// Vitest's global setup: the tests run the built CLI (dist/cli.cjs) and, in
// process, restore the bundled scenarios decoded at build (dist/bundled/). A
// build older than the code it was made from would test the old code, quietly:
// refuse to start instead. `npm test` builds first.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What the build reads. */
const SOURCES = ['src', 'scenarios', 'bin', 'build.mjs', 'build-lib.mjs', 'code-cache.mjs', 'package.json'];
/** What it writes, every part of which must be newer than every source. */
const PRODUCTS = ['dist/cli.cjs', 'dist/yaml.cjs', 'dist/bundled'];

/** The newest and the oldest modification time of the files under a path. */
function times(path: string): { newest: number; oldest: number } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { newest: stat.mtimeMs, oldest: stat.mtimeMs };
  const inside = readdirSync(path).map((name) => times(join(path, name)));
  return {
    newest: Math.max(...inside.map((t) => t.newest)),
    oldest: Math.min(...inside.map((t) => t.oldest)),
  };
}

export default function setup(): void {
  let built: number;
  try {
    built = Math.min(...PRODUCTS.map((path) => times(join(ROOT, path)).oldest));
  } catch {
    throw new Error('dist/ is missing: run `node build.mjs` first (`npm test` builds before it tests)');
  }
  const changed = Math.max(...SOURCES.map((path) => times(join(ROOT, path)).newest));
  if (changed > built) {
    throw new Error('dist/ is older than the code it is built from: run `node build.mjs` first (`npm test` does)');
  }
}
