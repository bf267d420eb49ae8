// `fintech-calc report [scenario ...] -o report.html`: one self-contained HTML
// page with charts: each scenario's forecast, sensitivity tornadoes, a Monte
// Carlo section (--samples), and with two or more scenarios the comparison and
// the attribution of what changed.
import { Option } from '@commander-js/extra-typings';
import { attribute } from '../../engine/analysis/attribution.js';
import { compareForecasts } from '../../engine/analysis/diff.js';
import { findMetric, linesOf } from '../../engine/analysis/lines.js';
import { changeAddress } from '../../engine/analysis/rules.js';
import { sensitivity } from '../../engine/analysis/sensitivity.js';
import { forecast } from '../../engine/forecast.js';
import { lognormalFromZero, sampledInputs, simulate } from '../../engine/simulate/simulate.js';
import { CASES, TABLES, type CaseForecast, type Distribution } from '../../engine/types.js';
import {
  FAN_PERCENTILES,
  HISTOGRAM_COLUMNS,
  type ReportData,
  type SampledValue,
  type ScenarioComparison,
  type ScenarioReport,
  type Tornado,
} from '../../render/report/data.js';
import { renderReport } from '../../render/report/html.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { OUTPUT_UNITS } from '../../shared/units.js';
import { collect, helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import type { Io } from '../io.js';
import {
  checkOutputOptions,
  parseDistOption,
  parseSeedOption,
  parseWholeOption,
  refuseUnfittedLognormal,
} from '../options.js';
import { emit, loadScenarios, metricError, readSettings, refuseInputsAsOutputs } from '../shared.js';
import { stampOf } from '../stamp.js';

const MAX_SAMPLES = 1_000_000;
/** The lines of the fan charts. */
const FAN_LINES = ['market.marketSize', 'profit.profit'];

/** report's arguments, options and help. */
function command(program: Program) {
  const reportCommand = program
    .command('report')
    .description(
      'write one self-contained HTML page with charts of the forecast: market, profit, spend, sensitivity, ' +
        'Monte Carlo (-n), and what changed between scenarios',
    )
    .argument(
      '[scenario...]',
      'scenario files or bundled names (default baseline); with two or more, the first is compared with each other one',
    )
    .option(
      '-o, --out <file>',
      'the HTML file to write (replaced atomically); without it the page goes to stdout, unless that is a terminal',
    )
    .addOption(
      new Option(
        '-c, --case <case>',
        'input case the charts show: low, base or high (bands show the low and high cases)',
      ).default('base'),
    )
    .addOption(new Option('-u, --unit <unit>', `unit of amounts: ${OUTPUT_UNITS.join(', ')}`).default('亿元'))
    .option('--lang <lang>', 'labels and text in en or zh (default: zh when LC_ALL/LANG is zh*, else en)')
    .option(
      '--set <path=value>',
      'override one input, in any value syntax (repeatable; a bare amount is in the -u unit, null removes)',
      collect,
      [],
    )
    .option(
      '-n, --samples <n>',
      'add a Monte Carlo section: fan charts of market size and profit, and a histogram of each --metric',
    )
    .addOption(new Option('--seed <n>', 'seed of the Monte Carlo draws').default('1'))
    .addOption(
      new Option(
        '--dist <dist>',
        'distribution of a range without its own dist: triangular, uniform, pert, normal or lognormal',
      ).default('triangular'),
    )
    .option(
      '--metric <metric>',
      'metric of the tornado and histogram charts ' +
        '(repeatable; default market.marketSize and profit.profit in their last year)',
      collect,
      [],
    )
    .option('--title <text>', 'the page title (default: the scenarios)');
  return helpAfter(
    reportCommand,
    `
The page has no script and loads nothing: inline SVG charts and CSS, each chart with its numbers in a table below \
it, and the reproducibility stamp (version, files and SHA-256, --set, seed) at the end. The same input gives the \
same bytes.

Examples:
  fintech-calc report -o report.html                      the bundled baseline
  fintech-calc report baseline bank-led -o compare.html   two scenarios: overlaid charts and a waterfall of what changed
  fintech-calc report my.yaml -n 10000 --seed 7 --lang zh -o 报告.html
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenarios, options) => setCode(await run(scenarios, options, io)));
}

async function run(scenarioArgs: readonly string[], raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  // One case is drawn; the bands show the low and high cases around it.
  if (raw.case === 'all')
    throw new UsageError(
      "--case: a report draws one case, low, base or high (its bands show the low and high cases); got 'all'",
    );
  const options = checkOutputOptions({ ...raw, format: 'table' }, io);
  // A page of HTML on a terminal is of no use to anyone.
  if (options.out === undefined && io.stdoutIsTerminal)
    throw new UsageError('report writes an HTML page: give a file with -o report.html, or redirect the output');
  const c = options.cases[0]!;
  const samples =
    raw.samples === undefined ? undefined : parseWholeOption('-n, --samples', raw.samples, 1, MAX_SAMPLES);
  const seed = parseSeedOption(raw.seed);
  const dist = parseDistOption(raw.dist);
  const loaded = await loadScenarios(
    scenarioArgs.length > 0 ? scenarioArgs : ['baseline'],
    readSettings(raw.set, options.unit),
    io,
  );
  refuseInputsAsOutputs([['-o', options.out]], loaded);
  if (samples !== undefined)
    for (const { scenario } of loaded) refuseUnfittedLognormal(lognormalFromZero(sampledInputs(scenario, dist)));

  const scenarios = loaded.map((entry): ScenarioReport => {
    const forecasts = forecast(entry.scenario, CASES);
    const chosen = forecasts.cases.get(c)!;
    const metrics = raw.metric.length > 0 ? raw.metric : defaultMetrics(chosen);
    for (const metric of metrics) if (findMetric(chosen, metric)?.value == null) throw metricError(metric, chosen);
    return {
      file: entry.file,
      forecast: forecasts,
      chosen: c,
      tornadoes: metrics.map((metric) => tornado(entry, metric, chosen)),
      ...(samples !== undefined && {
        simulation: { samples, seed, dist, ...simulated(entry, metrics, { samples, seed, dist }) },
      }),
    };
  });
  const comparisons = loaded.slice(1).map((entry, i): ScenarioComparison => {
    const [a, b] = [loaded[0]!.scenario, entry.scenario];
    const comparison = compareForecasts(forecast(a, [c]), forecast(b, [c]), TABLES, undefined);
    return { a: 0, b: i + 1, comparison, attribution: attribute(a, b, [c], TABLES, comparison.changes) };
  });
  const stamp = {
    ...(await stampOf(loaded, raw.set, options.unit)),
    ...(samples !== undefined && { simulate: { samples, seed, dist } }),
  };
  const data: ReportData = { title: raw.title ?? '', scenarios, comparisons, stamp };
  emit(renderReport(data, { unit: options.unit, lang: options.lang }), options.out, io);
  return 0;
}

/** The tornadoes' metrics when none is given: market size and profit in their last year. */
function defaultMetrics(chosen: CaseForecast): string[] {
  const lines = linesOf(chosen, ['market', 'profit']).filter((line) =>
    ['market.marketSize', 'profit.profit'].includes(`${line.table}.${line.metric}`),
  );
  return lines.map((line) => `${line.table}.${line.metric}.${[...line.values.keys()].pop()}`);
}

function tornado(entry: LoadedScenario, metric: string, chosen: CaseForecast): Tornado {
  const result = sensitivity(entry.scenario, metric);
  return { metric, kind: findMetric(chosen, metric)!.kind, result };
}

/** The fans' lines year by year and the metrics' histograms, from one simulation. */
function simulated(
  entry: LoadedScenario,
  metrics: readonly string[],
  settings: { samples: number; seed: number; dist: Distribution },
): { fans: SampledValue[][]; histograms: SampledValue[] } {
  const simulation = simulate(entry.scenario, { ...settings, tables: TABLES });
  const outputs = linesOf(simulation.forecast, TABLES).flatMap((line) =>
    [...line.values].map(([year, value]) => ({ line, year, value })),
  );
  const metricIndices = metrics.map((metric) =>
    outputs.findIndex((output) => changeAddress({ ...output.line, year: output.year }) === metric),
  );
  const wanted = { percentiles: FAN_PERCENTILES, histograms: { outputs: metricIndices, columns: HISTOGRAM_COLUMNS } };
  const stats = simulation.run(
    outputs.map((output) => output.value),
    wanted,
  );
  const sampled = outputs.map((output, i): SampledValue => ({
    line: output.line,
    year: output.year,
    stats: stats[i]!,
  }));
  const fans = FAN_LINES.map((at) =>
    sampled.filter(({ line }) => `${line.table}.${line.metric}` === at && line.key === ''),
  ).filter((fan) => fan.length > 0);
  const histograms = metricIndices.map((index) => sampled[index]!);
  return { fans, histograms };
}
