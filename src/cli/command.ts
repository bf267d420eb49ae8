// What a command file (src/cli/commands/<name>.ts) is: its options, help and
// run function in one place, the run function typed from the option definitions
// (@commander-js/extra-typings infers the option values from the flags).
//
// A new command: write commands/<name>.ts with a `define` (see list.ts for the
// smallest), add it to COMMANDS in main.ts, and give it a section in
// docs/commands.md (test/cli/commands-doc.test.ts checks it against --help).
import type { AddHelpTextContext, Command, CommandUnknownOpts } from '@commander-js/extra-typings';
import { wrapText } from '../render/width.js';
import type { Io } from './io.js';

/** The program the commands are defined on. */
export type Program = Command;

export interface CommandContext {
  readonly io: Io;
  /** Reports the command's exit code to run(). */
  readonly setCode: (code: number) => void;
}

/** What a command file exports: the definition of its command, with the action that runs it. */
export type DefineCommand = (program: Program, context: CommandContext) => void;

/** The option values a command's definition parses to: what its run function takes. */
export type OptionsOf<Definition extends (program: Program) => CommandUnknownOpts> = ReturnType<
  ReturnType<Definition>['opts']
>;

/** Text after a command's help (examples, notes), wrapped to the help's width when it is shown. */
export function helpAfter<C extends CommandUnknownOpts>(command: C, text: string): C {
  return command.addHelpText('after', ({ error, command: shown }: AddHelpTextContext) => {
    const output = shown.configureOutput();
    return wrapText(text, (error ? output.getErrHelpWidth : output.getOutHelpWidth)?.() ?? 80);
  });
}

/**
 * The argument parser of a repeatable option: every value, in order. It appends
 * in place (a copy each time made 30,000 --set quadratic); the default [] is
 * made each time the option is defined, so once per run.
 */
export function collect(value: string, previous: string[]): string[] {
  previous.push(value);
  return previous;
}
