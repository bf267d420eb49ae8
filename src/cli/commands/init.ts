// `fintech-calc init [file]`: write a commented scenario to start from.
import type { Command } from 'commander';
import type { RawInitOptions } from '../init.js';
import type { Io } from '../io.js';
import { helpAfter } from './help-text.js';

export function defineInit(program: Command, io: Io, setCode: (code: number) => void): void {
  const command = program
    .command('init')
    .description('write a scenario to start from: it extends the baseline and sets the inputs people change most, each line explained')
    .argument('[file]', 'the file to write (default scenario.yaml); - prints it on stdout')
    .option('--lang <lang>', 'comments in en or zh (default: zh when LC_ALL/LANG is zh*, else en)')
    .option('--force', 'replace the file if it exists');
  helpAfter(
    command,
    `
The values written are the baseline's, so the new scenario forecasts as the baseline until you change them; it validates as written. An existing file is left alone (exit 2) unless --force is given; the file is written atomically.

Examples:
  fintech-calc init                      writes scenario.yaml
  fintech-calc init my.yaml --lang zh    with Chinese comments
  fintech-calc init - | less             read it first
`,
  ).action(async (file: string | undefined, options: RawInitOptions) => {
    const { runInit } = await import('../init.js');
    setCode(await runInit(file, options, io));
  });
}
