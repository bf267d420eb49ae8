// `fintech-calc completion <shell>`, and the hidden `__complete` its scripts call on Tab.
import type { CommandContext, Program } from '../command.js';
import { helpAfter } from '../command.js';

/** completion's arguments and help. */
function command(program: Program) {
  const completionCommand = program
    .command('completion')
    .description(
      'print a script that makes bash, zsh or fish complete commands, options, scenarios, tables and metrics on Tab',
    )
    .argument('<shell>', 'bash, zsh or fish');
  return helpAfter(
    completionCommand,
    `
Offered on Tab: commands, options, the values of -t, -f, -c, -u, --lang and --dist, bundled scenarios and scenario \
files; metric addresses for explain, solve --target, sensitivity --metric, simulate --metric and diff --fail-on, and \
input paths for --set and --vary, taken from the scenario on the command line (else the baseline). Each Tab runs \
fintech-calc once.

Install it (then open a new shell):
  bash: add to ~/.bashrc
    source <(fintech-calc completion bash)
  zsh: add to ~/.zshrc, after compinit
    source <(fintech-calc completion zsh)
  fish: run once
    fintech-calc completion fish > ~/.config/fish/completions/fintech-calc.fish
`,
  );
}

/**
 * Defines both commands. `__complete` is not in main.ts's COMMANDS: a first
 * word that names no command makes main define every command, which is what
 * it needs to offer them and their options, from their own definitions.
 */
export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (shell) => {
    const { runCompletion } = await import('../completion.js');
    setCode(runCompletion(shell, io));
  });
  program
    .command('__complete', { hidden: true })
    .description('the candidates for the last word (used by the completion scripts)')
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words) => {
      const { runComplete } = await import('../completion.js');
      setCode(await runComplete(program, words, io));
    });
}
