// JSON output (SPEC §5): amounts as decimal strings in the output unit, ratios
// as fractions, keys in the documented order (the order of each model's lines),
// one document per scenario.
import type { Decimal } from '../shared/decimal.js';
import { lineKind, type MetricKind, type MetricsForecast } from '../engine/metrics.js';
import { isItems, lineValue, MODELS, type ItemsSpec, type OutputSpec } from '../engine/models/index.js';
import type { CaseForecast, Item, Yearly } from '../engine/types.js';
import type { Lang } from './labels.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { machineValue, type ValueKind } from './numbers.js';

export const FORECAST_FORMAT = 'fintech-calc/forecast@1';

export function renderJson(results: readonly ScenarioResult[], options: RenderOptions): string {
  return results.map((result) => `${JSON.stringify(forecastDocument(result, options))}\n`).join('');
}

export function forecastDocument({ forecast, file, stamp }: ScenarioResult, options: RenderOptions): object {
  return {
    format: FORECAST_FORMAT,
    scenario: { name: forecast.scenario.name, title: forecast.scenario.title, file },
    unit: options.unit,
    cases: Object.fromEntries([...forecast.cases].map(([c, caseForecast]) => [c, caseDocument(caseForecast, options)])),
    ...(stamp && { stamp }),
  };
}

/** Each table of a case as its model describes its lines, in their order (SPEC §5). */
function caseDocument(forecast: CaseForecast, { unit, lang, tables }: RenderOptions): object {
  const document: Record<string, object> = {};
  for (const model of MODELS) {
    const table = forecast[model.table] as Values | undefined;
    if (table && tables.includes(model.table)) document[model.table] = { years: table.years, ...linesDocument(model.outputs, table, unit, lang) };
  }
  if (forecast.metrics && tables.includes('metrics')) document.metrics = metricsDocument(forecast.metrics, unit);
  return document;
}

/** The metrics table as a model's: each metric a year map (null where it has no value), so `metrics.<id>.<year>` is its address. */
function metricsDocument({ years, metrics }: MetricsForecast, unit: string): object {
  const values = (kind: MetricKind, series: Yearly<Decimal | null>) =>
    Object.fromEntries([...series].map(([year, value]) => [String(year), value === null ? null : machineValue(value, lineKind(kind), unit)]));
  return { years, ...Object.fromEntries(metrics.map(({ id, kind, values: series }) => [id, values(kind, series)])) };
}

type Values = Readonly<Record<string, unknown>>;

/** The lines of a model (or of one of its items) read from its forecast: a year map each, a span a value. */
function linesDocument(outputs: readonly OutputSpec[], holder: Values, unit: string, lang: Lang): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const output of outputs) {
    if (isItems(output)) {
      const items = holder[output.items] as readonly (Item & Values)[];
      if (items.length > 0 || !output.json.omitEmpty) document[output.items] = Object.fromEntries(items.map((item) => [item.id, itemDocument(output, item, unit, lang)]));
      continue;
    }
    const value = lineValue(output, holder);
    if (value === undefined && output.optional) continue;
    const shown = output.span ? spanValue(value as Decimal | null, unit) : yearMap(value as Yearly, output.kind, unit);
    if (output.key === undefined) document[output.metric] = shown;
    else document[output.metric] = { ...(document[output.metric] as object | undefined), [output.key]: shown };
  }
  return document;
}

function itemDocument(output: ItemsSpec, item: Item & Values, unit: string, lang: Lang): object {
  const attributes = (output.json.attributes ?? []).filter((key) => item[key] !== undefined).map((key) => [key, item[key]]);
  return { ...(output.json.label && { label: item.label[lang] }), ...Object.fromEntries(attributes), ...linesDocument(output.lines, item, unit, lang) };
}

/** A CAGR: a ratio, or null where it is undefined. */
function spanValue(value: Decimal | null, unit: string): string | null {
  return value === null ? null : machineValue(value, 'ratio', unit);
}

function yearMap(series: Yearly, kind: ValueKind, unit: string): Record<string, string> {
  return Object.fromEntries([...series].map(([year, value]) => [String(year), machineValue(value, kind, unit)]));
}
