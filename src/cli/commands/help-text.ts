// The text after a command's options in its --help: examples, notes.
import type { AddHelpTextContext, Command } from 'commander';
import { wrapText } from '../../render/width.js';

/** Text after a command's help, wrapped to the help's width when it is shown. */
export function helpAfter(command: Command, text: string): Command {
  return command.addHelpText('after', ({ error, command: shown }: AddHelpTextContext) => {
    const output = shown.configureOutput();
    return wrapText(text, (error ? output.getErrHelpWidth : output.getOutHelpWidth)?.() ?? 80);
  });
}
