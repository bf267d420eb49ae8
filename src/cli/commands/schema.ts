// `fintech-calc schema`: the JSON Schema of the scenario format, for editors.
import { scenarioSchema } from '../../scenario/schema.js';
import { helpAfter, type CommandContext, type Program } from '../command.js';
import type { Io } from '../io.js';

/** schema's help. */
function command(program: Program) {
  return helpAfter(
    program.command('schema').description('print the JSON Schema (draft 2020-12) of the scenario format, for editors'),
    `
Save it and point your editor at it, e.g. with the YAML language server (VS Code, vim, …):
  fintech-calc schema > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json      (first line of a scenario)
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(() => setCode(run(io)));
}

function run(io: Io): number {
  io.stdout(`${JSON.stringify(scenarioSchema(), null, 2)}\n`);
  return 0;
}
