// `fintech-calc list`: the bundled scenarios, to use by name (forecast baseline, extends: baseline).
import { Option } from '@commander-js/extra-typings';
import { renderListJson, renderListTable } from '../../render/list.js';
import type { CommandContext, OptionsOf, Program } from '../command.js';
import { UsageError } from '../exit.js';
import { bundledNames, type Io } from '../io.js';
import { loadScenarios } from '../shared.js';

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
  const loaded = await loadScenarios(names, [], io);
  const entries = loaded.map(({ scenario, file }, i) => ({ name: names[i]!, title: scenario.title, file }));
  io.stdout(format === 'json' ? renderListJson(entries) : renderListTable(entries));
  return 0;
}
