// `fintech-calc simulate [scenario]`: Monte Carlo over the input ranges.
import { Option } from '@commander-js/extra-typings';
import type { Traced } from '../../engine/simulate/tracing.js';
import { linesOf } from '../../engine/analysis/lines.js';
import {
  lognormalFromZero,
  sampledInputs,
  simulate,
  type SimulationSettings,
  type Watch,
} from '../../engine/simulate/simulate.js';
import { changeAddress } from '../../engine/analysis/rules.js';
import {
  HISTOGRAM_COLUMNS,
  renderSimulateCsv,
  renderSimulateJson,
  renderSimulateMarkdown,
  renderSimulateTable,
  type SimulatedOutput,
  type SimulateRenderOptions,
} from '../../render/simulate.js';
import { samplesHeader, samplesRows } from '../../render/samples.js';
import { didYouMean } from '../../shared/suggest.js';
import { isPrecise, type StatsWanted } from '../../engine/simulate/stats.js';
import { readOptionValue } from '../../scenario/values.js';
import { PERCENT_SIGNS } from '../../scenario/syntax.js';
import { parseMetricValue, splitMetricValue } from '../metric-value.js';
import { collect, helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import { emit, loadScenarios, readSettings, refuseInputsAsOutputs, styleFor, tablesOf } from '../shared.js';
import type { Io } from '../io.js';
import { openOutputFile, replaceTheSameFile, runLettingSignalsIn } from '../output-file.js';
import {
  checkOutputOptions,
  WITH_XLSX,
  noColorOption,
  noStampOption,
  outputOptions,
  parseDistOption,
  parsePercentilesOption,
  parseSeedOption,
  parseWholeOption,
  refuseUnfittedLognormal,
  stampOption,
  tableOption,
  wantsStamp,
  type Format,
} from '../options.js';

const RENDERERS: Record<Format, (outputs: readonly SimulatedOutput[], options: SimulateRenderOptions) => string> = {
  table: renderSimulateTable,
  json: renderSimulateJson,
  csv: renderSimulateCsv,
  md: renderSimulateMarkdown,
};

const MAX_SAMPLES = 10_000_000;

/** A value of the traced forecast: one metric, key and year. */
type Output = Omit<SimulatedOutput, 'stats'> & { readonly value: Traced | null };

/** simulate's arguments, options and help. */
function command(program: Program) {
  const simulateCommand = program
    .command('simulate')
    .description('Monte Carlo over the input ranges: mean and percentiles of every metric, key and year')
    .argument('[scenario]', 'a scenario file or bundled name (default baseline)')
    .addOption(tableOption());
  return helpAfter(
    outputOptions(simulateCommand, WITH_XLSX)
      .addOption(stampOption())
      .addOption(noStampOption())
      .addOption(noColorOption())
      .addOption(new Option('-n, --samples <n>', 'number of samples').default('10000'))
      .addOption(
        new Option('--seed <n>', 'seed of the random draws (the same seed gives the same output)').default('1'),
      )
      .addOption(
        new Option(
          '--dist <dist>',
          'distribution of a range without its own dist: triangular, uniform, pert, normal or lognormal',
        ).default('triangular'),
      )
      .addOption(new Option('--percentiles <list>', 'percentiles to show, comma-separated').default('5,50,95'))
      .option(
        '--metric <metric>',
        'also draw a terminal histogram of this metric (repeatable), e.g. market.marketSize.2023',
        collect,
        [],
      )
      .option(
        '--samples-file <file>',
        'write the raw samples (one row per sample: the drawn quantiles and the --metric values) as CSV',
      )
      .option(
        '--exceed <metric=value>',
        'the probability that a metric exceeds a value, with its 95% interval (repeatable), ' +
          'e.g. market.marketSize.2023=6万亿',
        collect,
        [],
      )
      .option(
        '--contrib <metric>',
        "each input's share of a metric's variance (first-order Sobol indices), as a bar chart (repeatable)",
        collect,
        [],
      )
      .option('--se', 'also show the Monte Carlo standard errors of the mean and p50')
      .option(
        '--precision <fraction>',
        'sample until every mean is known to this fraction of itself at 95%, e.g. 0.1%; ' +
          '-n is then the most samples (implies --se)',
      ),
    `
Each input with a range becomes a distribution on [low, high] with its base as the mode (triangular; uniform; or \
PERT, a beta distribution). One draw per input and sample gives a quantile q used for every year of that input. \
Draws come from a seeded xoroshiro128+ generator: the same scenario, seed, samples and options give byte-identical \
output. The models run in float64 here (the forecast is exact decimal); percentiles are read from 4096-bin \
histograms (to within 1/4096 of each metric's range) and the few samples outside them. The draws span every range, \
so there is no -c.

--exceed counts the samples above the value (a bare amount is in the output unit) and gives Wilson's 95% interval. \
--contrib estimates each sampled input's first-order Sobol index (the share of the variance its input explains \
alone) from equal-probability bins of its draws. --precision checks after each chunk of 1024 samples, from 4096 on.

-f xlsx -o FILE writes a workbook of values: the statistics (with sd), every metric's histogram, --exceed and \
--contrib, and up to 100,000 samples (the rows of --samples-file).

Examples:
  fintech-calc simulate -n 100000 --seed 7 -t market,profit
  fintech-calc simulate --exceed market.marketSize.2023=6万亿 --contrib market.marketSize.2023
  fintech-calc simulate -n 1000000 --precision 0.1% -t market -f json
  fintech-calc simulate --metric market.marketSize.2023 --dist pert
  fintech-calc simulate -f csv --percentiles 1,10,50,90,99 -o simulated.csv
  fintech-calc simulate --metric market.marketSize.2023 -f xlsx -o simulated.xlsx
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenario, options) => setCode(await run(scenario, options, io)));
}

async function run(scenarioArg: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const options = checkOutputOptions({ ...raw, case: 'base' }, io, WITH_XLSX);
  const samples = parseWholeOption('-n, --samples', raw.samples, 1, MAX_SAMPLES);
  const seed = parseSeedOption(raw.seed);
  const dist = parseDistOption(raw.dist);
  const percentiles = parsePercentilesOption(raw.percentiles);
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  refuseInputsAsOutputs([['-o', options.out], ['--samples-file', raw.samplesFile]], [loaded!]);
  const { scenario } = loaded!;
  const tables = tablesOf([loaded!], options.tables);
  const precision = raw.precision === undefined ? undefined : parsePrecision(raw.precision);
  const settings: SimulationSettings = { samples, seed, dist, tables, ...(precision !== undefined && { precision }) };
  refuseUnfittedLognormal(lognormalFromZero(sampledInputs(scenario, settings.dist)));

  const simulation = simulate(scenario, settings);
  const outputs: Output[] = linesOf(simulation.forecast, tables).flatMap((line) =>
    [...line.values].map(([year, value]) => ({ line, year, value })),
  );
  const address = (output: Output) => changeAddress({ ...output.line, year: output.year });
  const outputOf = (option: string, metric: string) => {
    const index = outputs.findIndex((o) => address(o) === metric);
    if (index < 0) {
      throw new UsageError(`${option}: unknown metric '${metric}'${didYouMean(metric, outputs.map(address))}`);
    }
    return index;
  };
  const metrics = raw.metric.map((metric) => outputOf('--metric', metric));
  const exceed = raw.exceed.map((text) => {
    const { metric, value } = splitMetricValue('--exceed', text);
    const output = outputOf('--exceed', metric);
    const threshold = parseMetricValue('--exceed', value, outputs[output]!.line.kind, options.unit);
    return { output, threshold: threshold.toNumber() };
  });
  const contributions = [...new Set(raw.contrib.map((metric) => outputOf('--contrib', metric)))];
  const progress = io.stderrIsTerminal && samples >= 100_000 ? progressLine(samples, io) : undefined;
  if (raw.samplesFile !== undefined && options.out !== undefined && replaceTheSameFile(raw.samplesFile, options.out)) {
    throw new UsageError(`--samples-file ${raw.samplesFile} and --out ${options.out} are the same file`);
  }
  const samplesFile = raw.samplesFile === undefined ? undefined : openOutputFile(raw.samplesFile);
  // One pass over the samples: the statistics, and the rows of --samples-file when asked.
  const sampleColumns = {
    inputs: sampledInputs(scenario, settings.dist).map((input) => input.path),
    metrics: metrics.map((index) => ({ address: address(outputs[index]!), value: outputs[index]!.value })),
  };
  const columns = samplesFile && sampleColumns;
  if (columns) samplesFile?.write(samplesHeader(columns));
  // A workbook's Samples sheet: the same columns, kept in memory when there are few enough samples.
  const xlsx = options.format === 'xlsx' ? await import('../../render/xlsx/index.js') : undefined;
  const sheetSamples = xlsx?.sampleCollector(sampleColumns, samples);
  const values = outputs.map((output) => output.value);
  let drawn = 0;
  const watch: Watch = {
    values: metrics.map((index) => outputs[index]!.value),
    chunk: (chunk) => {
      if (columns) samplesFile?.write(samplesRows(chunk, columns));
      sheetSamples?.collect(chunk);
      drawn = chunk.start + chunk.length;
      progress?.(drawn);
    },
  };
  const errors = raw.se === true || precision !== undefined;
  // A workbook has every metric's histogram and sd (from the mean's standard error).
  const histograms = { outputs: xlsx ? outputs.map((_, i) => i) : metrics, columns: HISTOGRAM_COLUMNS };
  const wanted: StatsWanted = { percentiles, histograms, errors: errors || xlsx !== undefined, exceed, contributions };
  // A samples file has a temporary file, which an interrupt must be able to remove.
  const stats = samplesFile
    ? await runLettingSignalsIn(simulation.steps(values, wanted, watch))
    : simulation.run(values, wanted, watch);
  if (progress) io.stderr('\r\u001b[K');
  const simulated: SimulatedOutput[] = outputs.map((output, i) => ({ ...output, stats: stats[i]! }));
  const histogramOutputs = metrics.map((index) => simulated[index]!);

  const stamp = wantsStamp(raw.stamp, options.format)
    ? {
        ...(await (await import('../stamp.js')).stampOf([loaded!], raw.set, options.unit)),
        simulate: { samples: drawn, seed, dist },
      }
    : undefined;
  const style = await styleFor(options.color);
  const inputs = sampledInputs(scenario, settings.dist).map((input) => input.path);
  const reached =
    precision === undefined
      ? undefined
      : {
          target: precision,
          reached: stats.every((output) => isPrecise({ ...output, meanError: output.errors?.mean ?? 0 }, precision)),
        };
  const rendered = {
    unit: options.unit,
    lang: options.lang,
    style,
    scenario: scenario.name,
    title: scenario.title,
    samples: drawn,
    seed,
    dist,
    percentiles,
    histograms: histogramOutputs,
    errors,
    inputs,
  };
  const renderOptions = { ...rendered, ...(reached && { precision: reached }), ...(stamp && { stamp }) };
  const output = xlsx
    ? xlsx.renderSimulateXlsx(
        { outputs: simulated, samples: sheetSamples!.columns(), samplesFile: raw.samplesFile },
        renderOptions,
      )
    : RENDERERS[options.format as Format](simulated, renderOptions);
  try {
    emit(output, options.out, io);
    samplesFile?.commit(); // after the main output: when that fails, the samples are not left written
  } finally {
    samplesFile?.discard();
  }
  return 0;
}

/** --precision: a fraction (0.001) or a percentage (0.1%), above 0 and below 1. */
function parsePrecision(text: string): number {
  const expected = `expected a fraction above 0 and below 1, e.g. 0.1% or 0.001, got '${text}'`;
  const value = readOptionValue(text);
  if (typeof value === 'string') throw new UsageError(`--precision: ${value}; ${expected}`);
  const percent = value.unit !== undefined && PERCENT_SIGNS.includes(value.unit);
  const fraction = percent ? value.number.dividedBy(100) : value.number;
  if ((value.unit !== undefined && !percent) || !fraction.greaterThan(0) || !fraction.lessThan(1)) {
    throw new UsageError(`--precision: ${expected}`);
  }
  return fraction.toNumber();
}

/** The progress line on stderr, redrawn when its percentage changes. */
function progressLine(samples: number, io: Io): (done: number) => void {
  let shown = -1;
  return (done) => {
    const percent = Math.floor((done / samples) * 100);
    if (percent !== shown) io.stderr(`\rsimulating ${(shown = percent)}%`);
  };
}
