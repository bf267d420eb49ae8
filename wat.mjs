// WebAssembly text to its binary, for `import bytes from './kernels.wat'` in the
// build (esbuild) and in the tests (vitest): both take the .wat as the source.
import { readFileSync } from 'node:fs';
import wabt from 'wabt';

let toolkit;

export async function watToWasm(file) {
  toolkit ??= await wabt();
  const module = toolkit.parseWat(file, readFileSync(file, 'utf8'));
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/** The esbuild plugin: the binary, embedded in the bundle as base64 (ASCII). */
export const esbuildWat = {
  name: 'wat',
  setup(build) {
    build.onLoad({ filter: /\.wat$/ }, async (args) => ({ contents: await watToWasm(args.path), loader: 'binary' }));
  },
};

/** The Vite (vitest) plugin. */
export const viteWat = {
  name: 'wat',
  async load(id) {
    if (!id.endsWith('.wat')) return undefined;
    const base64 = Buffer.from(await watToWasm(id)).toString('base64');
    return `export default new Uint8Array(Buffer.from('${base64}', 'base64'));`;
  },
};
