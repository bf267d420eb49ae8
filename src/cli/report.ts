// `fintech-calc report [scenario ...] -o report.html`: one self-contained HTML
// page with charts: each scenario's forecast, sensitivity tornadoes, a Monte
// Carlo section (--samples), and with two or more scenarios the comparison and
// the attribution of what changed.
import { attribute } from '../engine/analysis/attribution.js';
import { compareForecasts } from '../engine/analysis/diff.js';
import { findMetric, linesOf } from '../engine/analysis/lines.js';
import { changeAddress } from '../engine/analysis/rules.js';
import { sensitivity } from '../engine/analysis/sensitivity.js';
import { forecast } from '../engine/forecast.js';
import { simulate } from '../engine/simulate/simulate.js';
import { CASES, TABLES, type CaseForecast, type Distribution } from '../engine/types.js';
import type { ReportData, SampledValue, ScenarioComparison, ScenarioReport, Tornado } from '../render/report/data.js';
import { renderReport } from '../render/report/html.js';
import type { LoadedScenario } from '../scenario/load.js';
import { Decimal } from '../shared/decimal.js';
import { UsageError } from './exit.js';
import { unknownMetric } from './explain.js';
import type { Io } from './io.js';
import { checkOutputOptions, parseDistOption, parseSeedOption, parseWholeOption } from './options.js';
import { emit, loadScenarios, readSettings } from './shared.js';
import { stampOf } from './stamp.js';

export interface RawReportOptions {
  readonly case: string;
  readonly unit: string;
  readonly lang?: string;
  readonly out?: string;
  readonly set: readonly string[];
  readonly samples?: string;
  readonly seed: string;
  readonly dist: string;
  readonly metric: readonly string[];
  readonly title?: string;
}

const MAX_SAMPLES = 1_000_000;
/** The lines of the fan charts. */
const FAN_LINES = ['market.marketSize', 'profit.profit'];

export async function runReport(scenarioArgs: readonly string[], raw: RawReportOptions, io: Io): Promise<number> {
  // One case is drawn; the bands show the low and high cases around it.
  if (raw.case === 'all') throw new UsageError("--case: a report draws one case, low, base or high (its bands show the low and high cases); got 'all'");
  const options = checkOutputOptions({ ...raw, format: 'table' }, io);
  // A page of HTML on a terminal is of no use to anyone.
  if (options.out === undefined && io.stdoutIsTerminal) throw new UsageError('report writes an HTML page: give a file with -o report.html, or redirect the output');
  const c = options.cases[0]!;
  const samples = raw.samples === undefined ? undefined : parseWholeOption('-n, --samples', raw.samples, 1, MAX_SAMPLES);
  const seed = parseSeedOption(raw.seed);
  const dist = parseDistOption(raw.dist);
  const loaded = await loadScenarios(scenarioArgs.length > 0 ? scenarioArgs : ['baseline'], readSettings(raw.set, options.unit), io);

  const scenarios = loaded.map((entry): ScenarioReport => {
    const forecasts = forecast(entry.scenario, CASES);
    const chosen = forecasts.cases.get(c)!;
    const metrics = raw.metric.length > 0 ? raw.metric : defaultMetrics(chosen);
    for (const metric of metrics) if (findMetric(chosen, metric)?.value == null) throw unknownMetric(metric, chosen);
    return {
      file: entry.file,
      forecast: forecasts,
      chosen: c,
      tornadoes: metrics.map((metric) => tornado(entry, metric, chosen)),
      ...(samples !== undefined && { simulation: { samples, seed, dist, ...simulated(entry, metrics, { samples, seed, dist }) } }),
    };
  });
  const comparisons = loaded.slice(1).map((entry, i): ScenarioComparison => {
    const [a, b] = [loaded[0]!.scenario, entry.scenario];
    const comparison = compareForecasts(forecast(a, [c]), forecast(b, [c]), TABLES, undefined);
    return { a: 0, b: i + 1, comparison, attribution: attribute(a, b, [c], TABLES, comparison.changes) };
  });
  const stamp = { ...(await stampOf(loaded, raw.set, options.unit)), ...(samples !== undefined && { simulate: { samples, seed, dist } }) };
  const data: ReportData = { title: raw.title ?? '', scenarios, comparisons, stamp };
  emit(renderReport(data, { unit: options.unit, lang: options.lang }), options.out, io);
  return 0;
}

/** The tornadoes' metrics when none is given: market size and profit in their last year. */
function defaultMetrics(chosen: CaseForecast): string[] {
  const lines = linesOf(chosen, ['market', 'profit']).filter((line) => ['market.marketSize', 'profit.profit'].includes(`${line.table}.${line.metric}`));
  return lines.map((line) => `${line.table}.${line.metric}.${[...line.values.keys()].pop()}`);
}

function tornado(entry: LoadedScenario, metric: string, chosen: CaseForecast): Tornado {
  const result = sensitivity(entry.scenario, (f) => findMetric(f, metric)?.value ?? new Decimal(0));
  return { metric, kind: findMetric(chosen, metric)!.kind, result };
}

/** The fans' lines year by year and the metrics' histograms, from one simulation. */
function simulated(entry: LoadedScenario, metrics: readonly string[], settings: { samples: number; seed: number; dist: Distribution }): { fans: SampledValue[][]; histograms: SampledValue[] } {
  const simulation = simulate(entry.scenario, { ...settings, tables: TABLES });
  const outputs = linesOf(simulation.forecast, TABLES).flatMap((line) => [...line.values].map(([year, value]) => ({ line, year, value })));
  const stats = simulation.run(outputs.map((output) => output.value));
  const sampled = outputs.map((output, i): SampledValue => ({ line: output.line, year: output.year, stats: stats[i]! }));
  const fans = FAN_LINES.map((at) => sampled.filter(({ line }) => `${line.table}.${line.metric}` === at && line.key === '')).filter((fan) => fan.length > 0);
  const histograms = metrics.map((metric) => sampled.find((value) => changeAddress({ ...value.line, year: value.year }) === metric)!);
  return { fans, histograms };
}
