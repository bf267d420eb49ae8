// The command line: options and help for every command, each command's code
// loaded only when it runs (start-up time matters: CI runs this thousands of times).
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { OUTPUT_UNITS } from '../unit-names.js';
import { EXIT, reportError } from './exit.js';
import { isTerminal, stderrWriter, stdoutWriter, type Io } from './io.js';
import type { RawDiffOptions } from './diff.js';
import type { RawOutputOptions } from './options.js';
import type { RawSensitivityOptions } from './sensitivity.js';
import type { RawSimulateOptions } from './simulate.js';
import type { RawSolveOptions } from './solve.js';

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
    .option('--set <path=value>', 'override one input, in any value syntax (repeatable), e.g. --set bankProfit.profitShare=2.5%', collect, [])
    .option('--stamp', 'add the reproducibility stamp (version, extends chain, SHA-256 of each file, --set list) to csv and md output')
    .option('--no-stamp', 'leave the stamp out of JSON output')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** How a command's action reports its exit code to run(). */
type SetCode = (code: number) => void;

export function buildProgram(io: Io, setCode: SetCode, argv: readonly string[]): Command {
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
  fintech-calc diff baseline bank-led            what a bank-led profit share changes
  fintech-calc list                              the bundled scenarios
  fintech-calc explain profit.increment.2023     how a value is computed, down to its sources
  fintech-calc sensitivity --metric market.marketSize.2023
  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023
  fintech-calc validate my.yaml                  check a scenario file
  fintech-calc schema > scenario.schema.json     the JSON Schema, for editors
Run 'fintech-calc <command> --help' for a command's options.
`,
    );

  // Only the command being run is defined: the others' options cost start-up
  // time. Top-level help, a mistyped command and no command get them all.
  const invoked = argv[0];
  const all = invoked === undefined || !Object.hasOwn(COMMANDS, invoked);
  for (const [name, define] of Object.entries(COMMANDS)) if (all || name === invoked) define(program, io, setCode);
  return program;
}

function defineForecast(program: Command, io: Io, setCode: SetCode): void {
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
  fintech-calc forecast --set supplyChain.modes.receivables.penetration.2023=55～65%

Exit codes: 0 success, 2 bad input or usage, 3 internal error (a bug).
`,
    )
    .action(async (scenarios: string[], options: RawOutputOptions) => {
      const { runForecast } = await import('./forecast.js');
      setCode(await runForecast(scenarios, options, io));
    });
}

function defineDiff(program: Command, io: Io, setCode: SetCode): void {
  outputOptions(
    program
      .command('diff')
      .description('forecast two scenarios with the same options and show every value that differs')
      .argument('<a>', 'the scenario to compare from (a file, or a bundled name such as baseline)')
      .argument('<b>', 'the scenario to compare with'),
  )
    .option('--tolerance <x>', 'ignore smaller changes: an amount in the output unit (0.5), with a unit (5亿), or relative (0.1%)')
    .option('--attribute', 'split each change into the contributions of the inputs that differ (Shapley values, exact decimal)')
    .option('--fail-on <rule>', "exit 1 only when a rule fires (repeatable): a glob over metric addresses and a threshold, e.g. 'profit.*.2023>1%', 'market.marketSize.*>500亿'", collect, [])
    .addHelpText(
      'after',
      `
For every case, table, metric, key and year that differs: a, b, Δ = b − a and Δ% = Δ / |a|.
An absolute tolerance bounds amounts; ratios then count when they differ at all.
Lines that only one scenario has (other years, modes or segments) are shown as added or removed.
--attribute splits each change among the inputs that differ (Shapley values: each input's average
effect over every order of switching inputs from a to b); what they cannot explain is the residual.
A --fail-on glob takes * within one part of an address and ** across parts; a relative threshold
(1%) bounds |Δ|/|a|, an amount (500亿, or a bare number in the output unit) bounds |Δ| of amounts.
With -f md the output is a comment ready to post on a pull request.

Examples:
  fintech-calc diff baseline bank-led                     what the bank-led profit share changes
  fintech-calc diff baseline my.yaml --tolerance 0.1%     in CI: exit 1 only for moves above 0.1%
  fintech-calc diff baseline baseline --set bankProfit.operatingCost.2023=1%
  fintech-calc diff a.yaml b.yaml -c all -f json
  fintech-calc diff baseline variant.yaml --attribute -f md --fail-on 'profit.*.2023>1%'

Exit codes: 0 no differences beyond the tolerance (with --fail-on: no rule fired), 1 differences
(a rule fired), 2 bad input or usage, 3 internal error.
`,
    )
    .action(async (a: string, b: string, options: RawDiffOptions) => {
      const { runDiff } = await import('./diff.js');
      setCode(await runDiff(a, b, options, io));
    });
}

function defineExplain(program: Command, io: Io, setCode: SetCode): void {
  outputOptions(
    program
      .command('explain')
      .description('show how a forecast value is computed: the formula with its numbers, down to the inputs and their sources')
      .argument('<scenario-or-metric>', 'a scenario (file or bundled name; default baseline), then the metric')
      .argument('[metric]', 'the metric, addressed as in the JSON output: market.marketSize.2023, profit.increment.2023, spend.segments.payment.frontier.2022'),
  )
    .addHelpText(
      'after',
      `
Every number is the engine's own. Each input shows how its value was obtained
(an anchor, interpolated between which anchors, grown, the report's default, set
by --set, or inherited through extends), with its source and file:line.

Examples:
  fintech-calc explain profit.increment.2023
  fintech-calc explain my.yaml market.modes.receivables.size.2023 -c high
  fintech-calc explain spend.cagr.total -f json
`,
    )
    .action(async (first: string, second: string | undefined, options: RawOutputOptions) => {
      const { runExplain } = await import('./explain.js');
      setCode(await runExplain(first, second, options, io));
    });
}

function defineSensitivity(program: Command, io: Io, setCode: SetCode): void {
  outputOptions(
    program
      .command('sensitivity')
      .description('which input moves a metric most: the metric at each input’s low and high, all else at base, as a table and a tornado chart')
      .argument('[scenario]', 'a scenario file or bundled name (default baseline)'),
  )
    .requiredOption('--metric <metric>', 'the metric, addressed as in the JSON output, e.g. market.marketSize.2023')
    .option('--swing <percent>', 'also vary every input without a range by ± this much, e.g. 10%')
    .addHelpText(
      'after',
      `
Inputs are varied one at a time over their own range (60～70% → 60% and 70%), or
with --swing over base × (1 ± swing); the other inputs stay at base. The results are
sorted by swing, the largest first. (Varying one input alone skips the checks that
tie inputs together, such as mode shares summing to at most 100%.)

Examples:
  fintech-calc sensitivity --metric market.marketSize.2023
  fintech-calc sensitivity my.yaml --metric profit.increment.2023 --swing 10% -f md
`,
    )
    .action(async (scenario: string | undefined, options: RawSensitivityOptions) => {
      const { runSensitivity } = await import('./sensitivity.js');
      setCode(await runSensitivity(scenario, options, io));
    });
}

function defineSolve(program: Command, io: Io, setCode: SetCode): void {
  outputOptions(
    program
      .command('solve')
      .description('goal seek: the value of one input that makes a metric meet a target')
      .argument('[scenario]', 'a scenario file or bundled name (default baseline)'),
  )
    .requiredOption('--target <metric=value>', 'the metric and its target value in any value syntax, e.g. market.marketSize.2023=6.5万亿')
    .requiredOption('--vary <input>', 'the input to vary, as --set names it, e.g. supplyChain.modes.receivables.penetration.2023')
    .addHelpText(
      'after',
      `
The input is searched within its domain (ratios in [0, 1], amounts ≥ 0) in exact
decimal, to well beyond 12 significant digits. A target the domain cannot reach
is an error (exit 2) that gives the reachable interval. A bare target number is in
the output unit (-u).

Examples:
  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023
  fintech-calc solve --target profit.increment.2023=1500 --vary bankProfit.operatingCost.2023 -f json
`,
    )
    .action(async (scenario: string | undefined, options: RawSolveOptions) => {
      const { runSolve } = await import('./solve.js');
      setCode(await runSolve(scenario, options, io));
    });
}

function defineSimulate(program: Command, io: Io, setCode: SetCode): void {
  outputOptions(
    program
      .command('simulate')
      .description('Monte Carlo over the input ranges: mean and percentiles of every metric, key and year')
      .argument('[scenario]', 'a scenario file or bundled name (default baseline)'),
  )
    .addOption(new Option('-n, --samples <n>', 'number of samples').default('10000'))
    .addOption(new Option('--seed <n>', 'seed of the random draws (the same seed gives the same output)').default('1'))
    .addOption(new Option('--dist <dist>', 'distribution of a range without its own dist: triangular, uniform or pert').default('triangular'))
    .addOption(new Option('--percentiles <list>', 'percentiles to show, comma-separated').default('5,50,95'))
    .option('--metric <metric>', 'also draw a terminal histogram of this metric (repeatable), e.g. market.marketSize.2023', collect, [])
    .option('--samples-file <file>', 'write the raw samples (one row per sample: the drawn quantiles and the --metric values) as CSV')
    .addHelpText(
      'after',
      `
Each input with a range becomes a distribution on [low, high] with its base as the
mode (triangular; uniform; or PERT, a beta distribution). One draw per input and
sample gives a quantile q used for every year of that input. Draws come from a
seeded xoroshiro128+ generator: the same scenario, seed, samples and options give
byte-identical output. The models run in float64 here (the forecast is exact
decimal); percentiles are read from 4096-bin histograms (to within 1/4096 of each
metric's range) and the few samples outside them. -c does not apply.

Examples:
  fintech-calc simulate -n 100000 --seed 7 -t market,profit
  fintech-calc simulate --metric market.marketSize.2023 --dist pert
  fintech-calc simulate -f csv --percentiles 1,10,50,90,99 -o simulated.csv
`,
    )
    .action(async (scenario: string | undefined, options: RawSimulateOptions) => {
      const { runSimulate } = await import('./simulate.js');
      setCode(await runSimulate(scenario, options, io));
    });
}

function defineCheck(program: Command, io: Io, setCode: SetCode): void {
  program
    .command('check')
    .description('assumption hygiene: inputs without a source, unexplained assumptions, odd ranges, jumps, copied sources')
    .argument('[file...]', 'scenario files or bundled names (default: every bundled scenario)')
    .option('--strict', 'make the warnings errors (exit 2)')
    .option('--max-growth <percent>', 'flag inputs that change by more than this from one year to the next', '100%')
    .addHelpText(
      'after',
      `
Warnings are printed on stderr as <file>:<line>:<col>: warning: <path>: <message>; a
file without any prints <file>: ok. Exit codes: 0 (also with warnings, unless --strict),
2 with --strict and a warning, or bad input.

Examples:
  fintech-calc check my.yaml
  fintech-calc check --strict          the bundled scenarios, as CI checks them
`,
    )
    .action(async (files: string[], options: { strict?: boolean; maxGrowth?: string }) => {
      const { runCheck } = await import('./check.js');
      setCode(await runCheck(files, options, io));
    });
}

function defineValidate(program: Command, io: Io, setCode: SetCode): void {
  program
    .command('validate')
    .description('check scenario files (and the files they extend); print <file>: ok or every problem')
    .argument('<file...>', 'scenario files, or bundled names')
    .addOption(new Option('-f, --format <format>', 'text, or json for a machine-readable list of problems').default('text'))
    .addHelpText(
      'after',
      `
Problems are printed on stderr as <file>:<line>:<col>: error: <path>: <message>.
Exit codes: 0 every file is valid, 2 a file has a problem (or bad usage).

Examples:
  fintech-calc validate scenarios/*.yaml
  fintech-calc validate my.yaml -f json
`,
    )
    .action(async (files: string[], options: { format: string }) => {
      const { runValidate } = await import('./validate.js');
      setCode(await runValidate(files, options.format, io));
    });
}

function defineSchema(program: Command, io: Io, setCode: SetCode): void {
  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the scenario format, for editors')
    .addHelpText(
      'after',
      `
Save it and point your editor at it, e.g. with the YAML language server (VS Code, vim, …):
  fintech-calc schema > scenario.schema.json
  # yaml-language-server: $schema=./scenario.schema.json      (first line of a scenario)
`,
    )
    .action(async () => {
      const { runSchema } = await import('./schema.js');
      setCode(runSchema(io));
    });
}

function defineList(program: Command, io: Io, setCode: SetCode): void {
  program
    .command('list')
    .description('list the bundled scenarios, which forecast, diff and extends take by name')
    .addOption(new Option('-f, --format <format>', 'table or json').default('table'))
    .action(async (options: { format: string }) => {
      const { runList } = await import('./list.js');
      setCode(await runList(options.format, io));
    });
}

/** Each command's definition, in the order help lists them. */
const COMMANDS: Record<string, (program: Command, io: Io, setCode: SetCode) => void> = {
  forecast: defineForecast,
  diff: defineDiff,
  explain: defineExplain,
  sensitivity: defineSensitivity,
  solve: defineSolve,
  simulate: defineSimulate,
  check: defineCheck,
  validate: defineValidate,
  schema: defineSchema,
  list: defineList,
};

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (value) => (code = value), argv);
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
  process.exitCode = await run(process.argv.slice(2), io);
}
