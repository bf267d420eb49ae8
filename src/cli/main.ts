// The command line: the program, its help, and the commands wired in. Each command
// is one file in commands/ holding its options, help and run function; only the
// command being run is loaded and defined (start-up time matters: CI runs this
// thousands of times).
import { Command, CommanderError, Help } from '@commander-js/extra-typings';
import packageJson from '../../package.json' with { type: 'json' };
import { visible } from '../render/escape.js';
import { shortenEcho } from '../shared/echo.js';
import { displayWidth, wrapText } from '../render/width.js';
import { helpAfter, type CommandContext, type DefineCommand } from './command.js';
import { EXIT, reportError } from './exit.js';
import { isTerminal, stderrWriter, stdoutWriter, type Io } from './io.js';

/** Each command's file, in the order help lists them. */
const COMMANDS: Readonly<Record<string, () => Promise<{ readonly define: DefineCommand }>>> = {
  forecast: () => import('./commands/forecast.js'),
  diff: () => import('./commands/diff.js'),
  explain: () => import('./commands/explain.js'),
  sensitivity: () => import('./commands/sensitivity.js'),
  solve: () => import('./commands/solve.js'),
  simulate: () => import('./commands/simulate.js'),
  report: () => import('./commands/report.js'),
  check: () => import('./commands/check.js'),
  validate: () => import('./commands/validate.js'),
  schema: () => import('./commands/schema.js'),
  list: () => import('./commands/list.js'),
  init: () => import('./commands/init.js'),
  completion: () => import('./commands/completion.js'),
};

/** The commands' names (build.mjs writes a code cache for each). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Columns of a terminal: stdout's (fd 1) or stderr's (fd 2), when it is one. */
export type TerminalColumns = (fd: 1 | 2) => number | undefined;

/** Help wraps to COLUMNS, else to the terminal it goes to, else to 80 columns; never narrower than 40. */
export function helpWidth(env: Io['env'], terminal: boolean, columns: () => number | undefined): number {
  const set = Number(env.COLUMNS);
  const width = Number.isInteger(set) && set > 0 ? set : ((terminal ? columns() : undefined) ?? 80);
  return Math.max(40, width);
}

/** A message on one line: its lines joined by a space, without the spaces around them. */
function oneLine(message: string): string {
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

async function buildProgram(
  context: CommandContext,
  argv: readonly string[],
  columns: TerminalColumns = () => undefined,
): Promise<Command> {
  const { io } = context;
  const program = new Command('fintech-calc')
    .description(
      'Scenario calculator for the 2019 iResearch China fintech report: SCF market, bank SCF profit and technology ' +
        'spend, from YAML scenarios, in exact decimal arithmetic.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line per problem (SPEC §6), in the same shape as our own usage errors.
      // Split, not a regular expression: \s*\n\s* rescans a long run of spaces from each of its spaces.
      outputError: (message, write) => write(`fintech-calc: ${visible(shortenEcho(oneLine(message)))}\n`),
      getOutHelpWidth: () => helpWidth(io.env, io.stdoutIsTerminal, () => columns(1)),
      getErrHelpWidth: () => helpWidth(io.env, io.stderrIsTerminal ?? false, () => columns(2)),
    })
    // Commander lays out the items; wrapText wraps everything, the same way as the text after it.
    .configureHelp({
      displayWidth,
      minWidthToWrap: Number.POSITIVE_INFINITY,
      formatHelp: (command, helper) =>
        wrapText(Help.prototype.formatHelp.call(helper, command, helper), helper.helpWidth ?? 80),
    });
  helpAfter(
    program,
    `
Examples:
  fintech-calc forecast                       the report's baseline, as tables
  fintech-calc forecast my.yaml -c all        your scenario, low, base and high
  fintech-calc forecast -t market -f json     the SCF market as JSON
  fintech-calc diff baseline bank-led         what a bank-led share changes
  fintech-calc list                           the bundled scenarios
  fintech-calc explain profit.increment.2023  how a value is computed
  fintech-calc sensitivity --metric market.marketSize.2023
  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023
  fintech-calc report -o report.html          the forecast as an HTML page of charts
  fintech-calc validate my.yaml               check a scenario file
  fintech-calc schema > scenario.schema.json  the JSON Schema, for editors
  fintech-calc init my.yaml                   a commented scenario to start from
Run 'fintech-calc <command> --help' for a command's options.
`,
  );

  // Only the command being run is loaded and defined: the others' code and
  // options cost start-up time. Top-level help, a mistyped command and no
  // command get them all.
  const invoked = argv[0];
  const names = invoked !== undefined && Object.hasOwn(COMMANDS, invoked) ? [invoked] : Object.keys(COMMANDS);
  const files = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const file of files) file.define(program, context);
  return program;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io, columns?: TerminalColumns): Promise<number> {
  let code: number = EXIT.ok;
  try {
    const program = await buildProgram({ io, setCode: (value) => (code = value) }, argv, columns);
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.badInput;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message; help and version are not errors.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    return reportError(error, io);
  }
}

/** The process entry point, called by bin/fintech-calc.js with the package's root folder. */
export async function main(packageRoot: string): Promise<void> {
  const stdoutIsTerminal = await isTerminal(1);
  const stderrIsTerminal = await isTerminal(2);
  const io: Io = {
    env: process.env,
    stdout: stdoutWriter(stdoutIsTerminal),
    stderr: stderrWriter(stderrIsTerminal),
    stdoutIsTerminal,
    stderrIsTerminal,
    packageRoot,
  };
  // The terminal's width, for help only (process.stdout is created only then).
  process.exitCode = await run(process.argv.slice(2), io, (fd) => (fd === 1 ? process.stdout : process.stderr).columns);
}
