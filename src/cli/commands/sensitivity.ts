// `fintech-calc sensitivity [scenario] --metric <metric>`: which input moves a metric most.
import { findMetric } from '../../engine/analysis/lines.js';
import { forecastCase } from '../../engine/forecast.js';
import { sensitivity } from '../../engine/analysis/sensitivity.js';
import {
  renderSensitivityCsv,
  renderSensitivityJson,
  renderSensitivityMarkdown,
  renderSensitivityTable,
  type SensitivityRenderOptions,
} from '../../render/sensitivity.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { emit, loadScenarios, metricError, readSettings, refuseInputsAsOutputs, styleFor } from '../shared.js';
import type { Io } from '../io.js';
import {
  checkOutputOptions,
  FORMATS,
  noColorOption,
  outputOptions,
  parsePercentOption,
  type Format,
} from '../options.js';
import type { SensitivityResult } from '../../engine/analysis/sensitivity.js';

const RENDERERS: Record<Format, (result: SensitivityResult, options: SensitivityRenderOptions) => string> = {
  table: renderSensitivityTable,
  json: renderSensitivityJson,
  csv: renderSensitivityCsv,
  md: renderSensitivityMarkdown,
};

/** sensitivity's arguments, options and help. */
function command(program: Program) {
  const sensitivityCommand = program
    .command('sensitivity')
    .description(
      'which input moves a metric most: the metric at each input’s low and high, all else at base, as a table and ' +
        'a tornado chart',
    )
    .argument('[scenario]', 'a scenario file or bundled name (default baseline)');
  return helpAfter(
    outputOptions(sensitivityCommand, FORMATS)
      .addOption(noColorOption())
      .requiredOption('--metric <metric>', 'the metric, addressed as in the JSON output, e.g. market.marketSize.2023')
      .option('--swing <percent>', 'also vary every input without a range by ± this much, e.g. 10%'),
    `
Inputs are varied one at a time over their own range (60～70% → 60% and 70%), or with --swing over base × (1 ± swing); \
the other inputs stay at base, so there is no -c. The results are sorted by swing, the largest first. (Varying one \
input alone skips the checks that tie inputs together, such as mode shares summing to at most 100%.)

Examples:
  fintech-calc sensitivity --metric market.marketSize.2023
  fintech-calc sensitivity my.yaml --metric profit.increment.2023 --swing 10% -f md
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenario, options) => setCode(await run(scenario, options, io)));
}

async function run(scenarioArg: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  const swing = raw.swing === undefined ? undefined : parsePercentOption('--swing', raw.swing, '10%', 1);
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  refuseInputsAsOutputs([['-o', options.out]], [loaded!]);
  const { scenario } = loaded!;
  const forecast = forecastCase(scenario, 'base');
  const found = findMetric(forecast, raw.metric);
  if (found?.value == null) throw metricError(raw.metric, forecast);
  const result = sensitivity(scenario, raw.metric, swing);
  const style = await styleFor(options.color);
  emit(
    RENDERERS[options.format](result, {
      unit: options.unit,
      metric: raw.metric,
      kind: found.kind,
      scenario: scenario.name,
      lang: options.lang,
      style,
    }),
    options.out,
    io,
  );
  return 0;
}
