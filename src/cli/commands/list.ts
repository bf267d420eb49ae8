// `fintech-calc list`: the bundled scenarios, to use by name (forecast baseline, extends: baseline).
import { Option } from '@commander-js/extra-typings';
import { renderListJson, renderListTable } from '../../render/list.js';
import type { CommandContext, OptionsOf, Program } from '../command.js';
import { UsageError } from '../exit.js';
import { bundledNames, type Io } from '../io.js';
import { loadEach } from '../shared.js';
import { loadScenarioTitle } from '../../scenario/load.js';

/** list's options and help. */
function command(program: Program) {
  return program
    .command('list')
    .description('list the bundled scenarios, which forecast, diff and extends take by name')
    .addOption(new Option('-f, --format <format>', 'table or json').default('table'));
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (options) => setCode(await run(options, io)));
}

async function run({ format }: OptionsOf<typeof command>, io: Io): Promise<number> {
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format: '${format}' is not one of table, json`);
  const names = bundledNames(io);
  // Only the titles: a scenario's inputs are validate's and check's to read.
  const titles = await loadEach(names, io, (name, _, sources) => loadScenarioTitle(name, sources));
  const entries = names.map((name, i) => ({ name, title: titles[i]!, file: `scenarios/${name}.yaml` }));
  io.stdout(format === 'json' ? renderListJson(entries) : renderListTable(entries));
  return 0;
}
