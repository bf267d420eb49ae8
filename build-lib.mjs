// The library, `import … from 'fintech-calc'`: src/lib/index.ts bundled with its
// dependencies into one ES module, dist/index.js (so the package needs no
// dependencies), and its declarations, dist/index.d.ts. Run by build.mjs, apart
// from the CLI's bundle: the library loads no CLI code and no code cache.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import ts from 'typescript';

const ENTRY = 'src/lib/index.ts';
/** What only the CLI may load: its framework, colours, terminal and commands. */
const CLI_ONLY =
  /(^|\/)node_modules\/(commander|@commander-js|chalk)\/|^src\/cli\/(main|command|options|shared|terminal|commands\/)/;

/** The esbuild settings every bundle of ours shares (build.mjs uses them too). */
export const ESM_FOR_NODE = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
};

export async function buildLibrary() {
  const { metafile } = await build({
    entryPoints: [ENTRY],
    outfile: 'dist/index.js',
    ...ESM_FOR_NODE,
    metafile: true,
    // yaml is CommonJS and requires Node's modules: give the ES module a require.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  });
  const cliOnly = Object.keys(metafile.inputs).filter((input) => CLI_ONLY.test(input));
  if (cliOnly.length > 0) throw new Error(`build: the library bundles CLI-only code: ${cliOnly.join(', ')}`);
  writeFileSync('dist/index.d.ts', declarations(ENTRY));
}

/**
 * The entry's declarations, made from that file alone (isolated declarations):
 * every public type is written in it, so the result imports nothing and is the
 * whole public surface (checked against api/fintech-calc.d.ts by test/lib).
 */
function declarations(file) {
  const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, strict: true },
    reportDiagnostics: true,
  });
  if (diagnostics?.length) {
    const text = diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n');
    throw new Error(`build: ${file} cannot give its declarations alone (write the types of its exports):\n${text}`);
  }
  if (/^\s*(import|export \* from|export \{[^}]*\} from)\b/m.test(outputText))
    throw new Error(`build: dist/index.d.ts imports another file; write every public type in ${file}`);
  return outputText;
}
