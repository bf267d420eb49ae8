// Imports point inward (CONTRIBUTING.md): shared ← engine ← scenario, render ← cli, and
// the library (src/lib) beside cli: it may use cli's file source, never its framework.
// `npm test` runs `depcruise src` with these rules; a violation fails it.
const NODE_IO = '^(node:)?(fs|fs/promises|path|process|child_process|os|tty|net|readline|worker_threads|vm|module)$';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared holds leaf utilities: they import nothing of ours.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(engine|scenario|render|cli|lib)/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'The engine imports only src/shared: no scenario parsing, rendering or CLI.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(scenario|render|cli|lib)/' },
    },
    {
      name: 'scenario-never-renders',
      comment: 'The scenario layer produces a Scenario; it never imports render or cli.',
      severity: 'error',
      from: { path: '^src/scenario/' },
      to: { path: '^src/(render|cli|lib)/' },
    },
    {
      name: 'render-never-parses',
      comment: 'Renderers consume the engine\'s results; they never import the scenario parser or the CLI.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(scenario|cli|lib)/' },
    },
    {
      name: 'only-cli-touches-the-system',
      comment: 'Only src/cli (and the library entry, src/lib) reads files, the process or the terminal.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|lib)/' },
      to: { dependencyTypes: ['core'], path: NODE_IO },
    },
    {
      name: 'cli-is-not-the-library',
      comment: 'The CLI does not go through the library: both are entries over the same layers.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/lib/' },
    },
    {
      name: 'library-loads-no-cli-framework',
      comment:
        'The library entry reaches no commander, chalk, terminal or command code, not even lazily (build-lib.mjs ' +
          'checks the bundle too).',
      severity: 'error',
      from: { path: '^src/lib/index\\.ts$' },
      to: {
        path: [
          '(^|/)node_modules/(commander|@commander-js|chalk)/',
          '^src/cli/(main|command|options|shared|terminal)\\.ts$',
          '^src/cli/commands/',
        ],
        reachable: true,
      },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
