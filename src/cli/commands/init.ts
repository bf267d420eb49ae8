// `fintech-calc init [file]`: write a commented scenario to start from (its text: render/init.ts).
import { lstatSync } from 'node:fs';
import { renderInitScenario, renderInitWritten } from '../../render/init.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import type { Io } from '../io.js';
import { defaultLang, parseLang } from '../options.js';
import { writeOutputFile } from '../output-file.js';
import { loadScenarios, refuseInputsAsOutputs } from '../shared.js';

const DEFAULT_FILE = 'scenario.yaml';

/** init's arguments, options and help. */
function command(program: Program) {
  const initCommand = program
    .command('init')
    .description(
      'write a scenario to start from: it extends the baseline and sets the inputs people change most, ' +
        'each line explained',
    )
    .argument('[file]', `the file to write (default ${DEFAULT_FILE}); - prints it on stdout`)
    .option('--lang <lang>', 'comments in en or zh (default: zh when LC_ALL/LANG is zh*, else en)')
    .option('--force', 'replace the file if it exists');
  return helpAfter(
    initCommand,
    `
The values written are the baseline's, so the new scenario forecasts as the baseline until you change them; it \
validates as written. An existing file is left alone (exit 2) unless --force is given, and the baseline it extends \
is never replaced; the file is written atomically.

Examples:
  fintech-calc init                      writes scenario.yaml
  fintech-calc init my.yaml --lang zh    with Chinese comments
  fintech-calc init - | less             read it first
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (file, options) => setCode(await run(file, options, io)));
}

async function run(file: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const lang = raw.lang === undefined ? defaultLang(io.env) : parseLang(raw.lang);
  const target = file ?? DEFAULT_FILE;
  const toStdout = target === '-';
  if (!toStdout && !raw.force && existsAsFile(target)) {
    throw new UsageError(`${target} already exists; give --force to replace it, or another file name`);
  }
  const [baseline] = await loadScenarios(['baseline'], [], io);
  // --force replaces a file, but never one this run reads: the bundled baseline the new scenario extends.
  if (!toStdout) refuseInputsAsOutputs([['init', target]], [baseline!]);
  const text = renderInitScenario(baseline!.scenario, lang, toStdout ? DEFAULT_FILE : target);
  if (toStdout) {
    io.stdout(text);
    return 0;
  }
  writeOutputFile(target, text);
  io.stdout(renderInitWritten(lang, target));
  return 0;
}

/**
 * Anything but a folder at the path (a file, a link, a device) would be replaced;
 * a folder is the writer's to refuse.
 */
function existsAsFile(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
