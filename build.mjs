// Bundles the CLI into dist/ with esbuild: one entry plus lazily loaded chunks,
// so `--help` does not parse the code that `forecast` needs (start-up matters).
// Then precompiles the bundled scenarios (dist/bundled.json) and writes the
// scenario JSON Schema (dist/scenario.schema.json).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Some CommonJS dependencies (yaml) call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
};

// commander requires node:child_process at load time (~8 ms) for executable
// subcommands, which fintech-calc does not have: hand it a module that loads
// child_process only if it is ever used.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.importer.includes('commander') ? { path: 'lazy-child-process', namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

rmSync('dist', { recursive: true, force: true });
await build({ ...common, entryPoints: ['src/cli/main.ts'], outdir: 'dist', splitting: true, minify: true, plugins: [lazyChildProcess] });

const precompiler = 'dist/.precompile.mjs';
await build({ ...common, entryPoints: ['src/scenario/precompile.ts'], outfile: precompiler });
const { precompile, scenarioSchema } = await import(`./${precompiler}`);
// For editors: the bundled scenarios name it in their yaml-language-server line.
writeFileSync('dist/scenario.schema.json', `${JSON.stringify(scenarioSchema(), null, 2)}\n`);
const bundled = {};
for (const file of readdirSync('scenarios').filter((name) => name.endsWith('.yaml')).sort()) {
  bundled[file.replace(/\.yaml$/, '')] = precompile(readFileSync(`scenarios/${file}`, 'utf8'), `scenarios/${file}`);
}
writeFileSync('dist/bundled.json', JSON.stringify(bundled));
rmSync(precompiler);
