// Runs every model of a scenario: in decimal for the requested cases, or in any
// back-end with its own input reader (simulate).
import type { Decimal } from '../shared/decimal.js';
import { decimalCalc, type Calc, type InputReader, type MetricCalc } from './calc/calc.js';
import { atCase } from './calc/yearly.js';
import { addressedValues } from './analysis/lines.js';
import { inputsOf } from './analysis/inputs.js';
import { evaluateMetrics, type MetricsForecast } from './metrics.js';
import { MODEL_TABLES, MODELS, TABLES } from './models/index.js';
import type { Case, CaseForecast, Forecast, Scenario, TableName, Year } from './types.js';

export function forecast(scenario: Scenario, cases: readonly Case[]): Forecast {
  return {
    scenario: { name: scenario.name, title: scenario.title },
    cases: new Map(cases.map((c) => [c, forecastCase(scenario, c)])),
  };
}

/** Every model in one case: the low, base or high end of every input range, in decimal. */
export function forecastCase(scenario: Scenario, c: Case): CaseForecast<Decimal> {
  return forecastWith(decimalCalc, scenario, (series, years) => atCase(series, years, c));
}

/** The models of the scenario (those of `tables` only, and those they build on) in any back-end. */
export function forecastWith<N>(
  calc: Calc<N>,
  scenario: Scenario,
  input: InputReader<N>,
  tables: readonly TableName[] = TABLES,
): CaseForecast<N> {
  const wanted = new Set(tables);
  // A metric may read any table.
  const metrics = wanted.has('metrics') && scenario.metrics !== undefined && isMetricCalc(calc) ? calc : undefined;
  if (metrics) MODEL_TABLES.forEach((table) => wanted.add(table));
  // A model is run for a wanted table that builds on it too: profit needs the market.
  for (const model of [...MODELS].reverse())
    if (wanted.has(model.table) && model.buildsOn) wanted.add(model.buildsOn.table as TableName);
  const forecasts: Partial<Record<TableName, object>> = {};
  for (const model of MODELS) {
    const inputs = scenario[model.section];
    if (inputs === undefined || !wanted.has(model.table)) continue;
    const { buildsOn } = model;
    const base = buildsOn && {
      forecast: forecasts[buildsOn.table as TableName],
      inputs: scenario[buildsOn.section as keyof Scenario],
    };
    if (base && (base.forecast === undefined || base.inputs === undefined)) continue;
    forecasts[model.table] = model.forecast(calc, inputs as never, input, base as never);
  }
  if (metrics) forecasts.metrics = metricsOf(metrics, scenario, forecasts as CaseForecast<N>, input);
  return forecasts as CaseForecast<N>;
}

function isMetricCalc<N>(calc: Calc<N>): calc is MetricCalc<N> {
  return 'divide' in calc;
}

/** The scenario's metrics over the models' forecast: in each year of any table, from its lines and inputs. */
function metricsOf<N>(
  calc: MetricCalc<N>,
  scenario: Scenario,
  forecast: CaseForecast<N>,
  input: InputReader<N>,
): MetricsForecast<N> {
  const lines = new Map(addressedValues(forecast, MODEL_TABLES).map(({ address, value }) => [address, value]));
  const inputs = inputsOf(scenario);
  const years = new Set<Year>();
  for (const table of MODEL_TABLES) forecast[table]?.years.forEach((year) => years.add(year));
  return evaluateMetrics(calc, scenario.metrics!, [...years].sort((a, b) => a - b), {
    // A span line (a CAGR) has one value, whatever the year.
    line: (address, year) => (lines.get(address) ?? lines.get(`${address}.${year}`)) ?? undefined,
    input: (path, year) => {
      const series = inputs.get(path)!;
      return series.has(year) ? input(series, [year]).get(year) : undefined;
    },
  });
}
