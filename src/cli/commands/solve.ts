// `fintech-calc solve [scenario] --target <metric>=<value> --vary <input>`: goal seek
// (the request is answered by ../goal-seek.ts, which the library shares).
import { renderSolveJson, renderSolveText } from '../../render/solve.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import { CLI_NAMES, goalSeek } from '../goal-seek.js';
import type { Io } from '../io.js';
import { splitMetricValue } from '../metric-value.js';
import { caseOption, checkOutputOptions, outputOptions, type Format } from '../options.js';
import { emit, loadScenarios, readSettings, refuseInputsAsOutputs } from '../shared.js';

const OFFERED_FORMATS: readonly Format[] = ['table', 'json'];

/** solve's arguments, options and help. */
function command(program: Program) {
  const solveCommand = program
    .command('solve')
    .description('goal seek: the value of one input that makes a metric meet a target')
    .argument('[scenario]', 'a scenario file or bundled name (default baseline)')
    .addOption(caseOption('one'));
  return helpAfter(
    outputOptions(solveCommand, OFFERED_FORMATS)
      .requiredOption(
        '--target <metric=value>',
        'the metric and its target value in any value syntax, e.g. market.marketSize.2023=6.5万亿',
      )
      .requiredOption(
        '--vary <input>',
        'the input to vary, as --set names it, e.g. supplyChain.modes.receivables.penetration.2023',
      ),
    `
The input is searched within its domain (ratios in [0, 1], amounts ≥ 0, and no further than the scenario's checks \
allow, e.g. frontier ≤ spend) in exact decimal, to well beyond 12 significant digits. A target the domain cannot \
reach is an error (exit 2) that gives the domain and the metric at its ends. The target may be negative (a CAGR of \
-5%); a bare target number is in the output unit (-u).
--vary takes one year of an input (….2023); an input that is one value every year may be varied whole; one that \
changes from year to year needs a year.

Examples:
  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023
  fintech-calc solve --target profit.increment.2023=1500 --vary bankProfit.operatingCost.2023 -f json
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenario, options) => setCode(await run(scenario, options, io)));
}

async function run(scenarioArg: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io, OFFERED_FORMATS);
  if (options.cases.length !== 1) throw new UsageError('--case: solve works on one case: low, base or high');
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  refuseInputsAsOutputs([['-o', options.out]], [loaded!]);
  const { metric, value } = splitMetricValue('--target', raw.target);
  const request = { metric, target: value, vary: raw.vary, case: options.cases[0]!, unit: options.unit };
  const solution = await goalSeek(loaded!, request, CLI_NAMES);
  emit((options.format === 'json' ? renderSolveJson : renderSolveText)(solution, options), options.out, io);
  return 0;
}
