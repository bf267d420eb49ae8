// The command line: options and help for every command, each command's code
// loaded only when it runs (start-up time matters: CI runs this thousands of times).
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { OUTPUT_UNITS } from '../output-units.js';
import { EXIT, reportError } from './exit.js';
import type { Io } from './io.js';
import type { RawOutputOptions } from './options.js';

const CASES_NOTE = `Cases: low, base and high take the low (base, high) end of every input range.
They are cases of the inputs, not bounds on the outputs: an output can be lower
in the high case when an input lowers it.`;

function outputOptions(command: Command): Command {
  return command
    .option('-t, --table <list>', 'tables to show, comma-separated: market,profit,spend (default: every table the scenario has)')
    .addOption(new Option('-c, --case <case>', 'input case: low, base, high or all').default('base'))
    .addOption(new Option('-f, --format <format>', 'output format: table, json, csv or md').default('table'))
    .addOption(new Option('-u, --unit <unit>', `unit of amounts in the output: ${OUTPUT_UNITS.join(', ')}`).default('亿元'))
    .option('--lang <lang>', 'labels in en or zh (default: zh when LC_ALL/LANG is zh*, else en)')
    .option('-o, --out <file>', 'write the output to this file (replaced atomically) instead of stdout')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)');
}

export function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('fintech-calc')
    .description(
      'Scenario calculator for the 2019 iResearch China fintech report: SCF market, bank SCF profit and technology spend, from YAML scenarios, in exact decimal arithmetic.',
    )
    .version(packageJson.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      // One line per problem (SPEC §6), in the same shape as our own usage errors.
      outputError: (message, write) => write(`fintech-calc: ${message.trim().replace(/\s*\n\s*/g, ' ')}\n`),
    })
    .addHelpText(
      'after',
      `
Examples:
  fintech-calc forecast                          the report's baseline, as tables
  fintech-calc forecast my-scenario.yaml -c all  your scenario in the low, base and high cases
  fintech-calc forecast -t market -f json        the SCF market as JSON
Run 'fintech-calc <command> --help' for a command's options.
`,
    );

  outputOptions(
    program
      .command('forecast')
      .description('forecast each scenario (default: the bundled baseline) and print year-by-year tables')
      .argument('[scenario...]', 'scenario files (.yaml), or the name of a bundled scenario such as baseline'),
  )
    .addHelpText(
      'after',
      `
${CASES_NOTE}

Examples:
  fintech-calc forecast                               the bundled baseline, base case
  fintech-calc forecast -c all --lang zh              low, base and high, with Chinese labels
  fintech-calc forecast my.yaml -t market,profit -u 万亿元
  fintech-calc forecast baseline my.yaml -f json      one JSON document per line
  fintech-calc forecast -f csv -o forecast.csv        tidy CSV rows into a file

Exit codes: 0 success, 2 bad input or usage, 3 internal error (a bug).
`,
    )
    .action(async (scenarios: string[], options: RawOutputOptions) => {
      const { runForecast } = await import('./forecast.js');
      setCode(await runForecast(scenarios, options, io));
    });

  return program;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (value) => (code = value));
  try {
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
  const io: Io = {
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTerminal: process.stdout.isTTY === true,
    packageRoot,
  };
  process.exitCode = await run(process.argv.slice(2), io);
}
