// Imports point inward (CONTRIBUTING.md): shared ← engine ← scenario, render ← cli.
// `npm test` runs `depcruise src` with these rules; a violation fails it.
const NODE_IO = '^(node:)?(fs|fs/promises|path|process|child_process|os|tty|net|readline|worker_threads|vm|module)$';

module.exports = {
  forbidden: [
    {
      name: 'shared-is-a-leaf',
      comment: 'src/shared holds leaf utilities: they import nothing of ours.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(engine|scenario|render|cli)/' },
    },
    {
      name: 'engine-is-pure',
      comment: 'The engine imports only src/shared: no scenario parsing, rendering or CLI.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/(scenario|render|cli)/' },
    },
    {
      name: 'scenario-never-renders',
      comment: 'The scenario layer produces a Scenario; it never imports render or cli.',
      severity: 'error',
      from: { path: '^src/scenario/' },
      to: { path: '^src/(render|cli)/' },
    },
    {
      name: 'render-never-parses',
      comment: 'Renderers consume the engine\'s results; they never import the scenario parser or the CLI.',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(scenario|cli)/' },
    },
    {
      name: 'only-cli-touches-the-system',
      comment: 'Only src/cli reads files, the process or the terminal.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { dependencyTypes: ['core'], path: NODE_IO },
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
