// `fintech-calc explain [scenario] <metric>`: where a forecast value comes from.
import { existsSync } from 'node:fs';
import { explainMetric } from '../../engine/analysis/explain.js';
import { forecastCase } from '../../engine/forecast.js';
import { renderExplainJson, renderExplainText } from '../../render/explain.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import { emit, loadScenarios, looksLikeMetric, metricError, readSettings, refuseInputsAsOutputs } from '../shared.js';
import { bundledNames, type Io } from '../io.js';
import { caseOption, checkOutputOptions, outputOptions, type Format } from '../options.js';

const OFFERED_FORMATS: readonly Format[] = ['table', 'json'];

/** explain's arguments, options and help. */
function command(program: Program) {
  const explainCommand = program
    .command('explain')
    .description(
      'show how a forecast value is computed: the formula with its numbers, down to the inputs and their sources',
    )
    .argument('<scenario-or-metric>', 'a scenario (file or bundled name; default baseline), then the metric')
    .argument(
      '[metric]',
      'the metric, addressed as in the JSON output: market.marketSize.2023, profit.increment.2023, ' +
        'spend.segments.payment.frontier.2022',
    )
    .addOption(caseOption('all'));
  return helpAfter(
    outputOptions(explainCommand, OFFERED_FORMATS),
    `
Every number is the engine's own. Each input shows how its value was obtained (an anchor, interpolated between which \
anchors, grown, the report's default, set by --set, or inherited through extends), with its source and file:line. The \
table format is a tree; long lines wrap at 120 columns.

Examples:
  fintech-calc explain profit.increment.2023
  fintech-calc explain my.yaml market.modes.receivables.size.2023 -c high
  fintech-calc explain spend.cagr.total -f json
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (first, second, options) => setCode(await run(first, second, options, io)));
}

async function run(first: string, second: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const isScenario = (arg: string) => /\.ya?ml$/i.test(arg) || bundledNames(io).includes(arg) || existsSync(arg);
  const [scenarioArg, metric] = scenarioAndMetric(first, second, isScenario);
  const options = checkOutputOptions(raw, io, OFFERED_FORMATS);
  const [loaded] = await loadScenarios([scenarioArg], readSettings(raw.set, options.unit), io);
  refuseInputsAsOutputs([['-o', options.out]], [loaded!]);
  const { scenario, file } = loaded!;
  const texts = options.cases.map((c) => {
    const tree = explainMetric(scenario, c, metric);
    if (tree === undefined) throw metricError(metric, forecastCase(scenario, c));
    const renderOptions = { unit: options.unit, lang: options.lang, file, scenario: scenario.name };
    return options.format === 'json'
      ? renderExplainJson(tree, c, renderOptions)
      : renderExplainText(tree, c, renderOptions);
  });
  emit(texts.join(options.format === 'json' ? '' : '\n'), options.out, io);
  return 0;
}

/**
 * `explain <metric>` or `explain <scenario> <metric>`; a metric before its
 * scenario, or a scenario alone, is a usage error that says so.
 */
function scenarioAndMetric(
  first: string,
  second: string | undefined,
  isScenario: (arg: string) => boolean,
): [string, string] {
  if (second === undefined) {
    if (isScenario(first)) {
      throw new UsageError(
        `explain needs a metric after the scenario, e.g. fintech-calc explain ${first} market.marketSize.2023`,
      );
    }
    return ['baseline', first];
  }
  if (looksLikeMetric(first) && !looksLikeMetric(second))
    throw new UsageError(`the scenario comes first, then the metric: fintech-calc explain ${second} ${first}`);
  return [first, second];
}
