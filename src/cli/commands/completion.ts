// `fintech-calc completion <shell>`, and the hidden `__complete` its scripts call on Tab.
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { helpAfter } from './help-text.js';

/**
 * Defines both commands. `__complete` is not in main.ts's list of commands: a
 * word that names none makes main define every command, which is what it needs
 * to offer them and their options.
 */
export function defineCompletion(program: Command, io: Io, setCode: (code: number) => void): void {
  const command = program
    .command('completion')
    .description('print a script that makes bash, zsh or fish complete commands, options, scenarios, tables and metrics on Tab')
    .argument('<shell>', 'bash, zsh or fish');
  helpAfter(
    command,
    `
Offered on Tab: commands, options, the values of -t, -f, -c, -u, --lang and --dist, bundled scenarios and scenario files; metric addresses for explain, solve --target, sensitivity --metric, simulate --metric and diff --fail-on, and input paths for --set and --vary, taken from the scenario on the command line (else the baseline). Each Tab runs fintech-calc once.

Install it (then open a new shell):
  bash: add to ~/.bashrc
    source <(fintech-calc completion bash)
  zsh: add to ~/.zshrc, after compinit
    source <(fintech-calc completion zsh)
  fish: run once
    fintech-calc completion fish > ~/.config/fish/completions/fintech-calc.fish
`,
  ).action(async (shell: string) => {
    const { runCompletion } = await import('../completion.js');
    setCode(runCompletion(shell, io));
  });
  program
    .command('__complete', { hidden: true })
    .description('the candidates for the last word (used by the completion scripts)')
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const { runComplete } = await import('../completion.js');
      setCode(await runComplete(program, words, io));
    });
}
