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
  return results.map((result) => `${stringify(documentOf(result, options, yearText))}\n`).join('');
}

/** Text that is JSON already (a year map, the bulk of a big forecast), put in a document as it is. */
class Json {
  constructor(readonly text: string) {}
}

/**
 * JSON.stringify's text for a document that holds Json texts: keys in the order
 * JSON.stringify takes them (Object.keys), undefined members left out. A big
 * forecast's year maps are written straight to text, not built as objects
 * first, and the pieces joined once.
 */
function stringify(document: unknown): string {
  const parts: string[] = [];
  const write = (value: unknown): void => {
    if (value instanceof Json) parts.push(value.text);
    else if (value === null || typeof value !== 'object' || 'toJSON' in value) parts.push(JSON.stringify(value));
    // The document's lists are of years, never of year maps.
    else if (Array.isArray(value)) parts.push(JSON.stringify(value));
    else {
      let first = true;
      parts.push('{');
      for (const [key, member] of Object.entries(value)) {
        if (member === undefined) continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
        write(member);
        first = false;
      }
      parts.push('}');
    }
  };
  write(document);
  return parts.join('');
}

/** The document as objects (the library's answer); renderJson writes the same as text. */
export function forecastDocument(result: ScenarioResult, options: RenderOptions): object {
  return documentOf(result, options, yearObject);
}

/** A year map of values (null where a metric has none), as the document holds it. */
type YearMap = <T>(series: Yearly<T>, valueOf: (value: T) => string | null) => unknown;

function documentOf({ forecast, file, stamp }: ScenarioResult, options: RenderOptions, yearMap: YearMap): object {
  return {
    format: FORECAST_FORMAT,
    scenario: { name: forecast.scenario.name, title: forecast.scenario.title, file },
    unit: options.unit,
    cases: Object.fromEntries([...forecast.cases].map(([c, each]) => [c, caseDocument(each, options, yearMap)])),
    ...(stamp && { stamp }),
  };
}

/** Each table of a case as its model describes its lines, in their order (SPEC §5). */
function caseDocument(forecast: CaseForecast, { unit, lang, tables }: RenderOptions, yearMap: YearMap): object {
  const document: Record<string, object> = {};
  const values = (series: Yearly, kind: ValueKind) =>
    yearMap(series, (value) => machineValue(value, kind, unit));
  for (const model of MODELS) {
    const table = forecast[model.table] as Values | undefined;
    if (table && tables.includes(model.table)) {
      document[model.table] = { years: table.years, ...linesDocument(model.outputs, table, unit, lang, values) };
    }
  }
  if (forecast.metrics && tables.includes('metrics')) {
    document.metrics = metricsDocument(forecast.metrics, unit, yearMap);
  }
  return document;
}

/** {"2019": "…", …} as an object: JSON.stringify puts keys that are whole numbers in order. */
function yearObject<T>(series: Yearly<T>, valueOf: (value: T) => string | null): object {
  const object: Record<string, string | null> = {};
  series.forEach((value, year) => (object[year] = valueOf(value)));
  return object;
}

/**
 * The same year map as JSON text: years in order, as JSON.stringify would put
 * them. Written straight from the series (a big forecast has 150,000 values).
 */
function yearText<T>(series: Yearly<T>, valueOf: (value: T) => string | null): Json {
  const years = [...series.keys()].sort((a, b) => a - b);
  let text = '{';
  for (const year of years) {
    text += `${text.length > 1 ? ',' : ''}"${year}":${JSON.stringify(valueOf(series.get(year)!))}`;
  }
  return new Json(`${text}}`);
}

/**
 * The metrics table as a model's: each metric a year map (null where it has no
 * value), so `metrics.<id>.<year>` is its address.
 */
function metricsDocument({ years, metrics }: MetricsForecast, unit: string, yearMap: YearMap): object {
  const values = (kind: MetricKind, series: Yearly<Decimal | null>) =>
    yearMap(series, (value) => (value === null ? null : machineValue(value, lineKind(kind), unit)));
  return { years, ...Object.fromEntries(metrics.map(({ id, kind, values: series }) => [id, values(kind, series)])) };
}

type Values = Readonly<Record<string, unknown>>;
/** A line's values in a year map of the document. */
type YearValues = (series: Yearly, kind: ValueKind) => unknown;

/** The lines of a model (or of one of its items) read from its forecast: a year map each, a span a value. */
function linesDocument(
  outputs: readonly OutputSpec[],
  holder: Values,
  unit: string,
  lang: Lang,
  values: YearValues,
): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const output of outputs) {
    if (isItems(output)) {
      const items = holder[output.items] as readonly (Item & Values)[];
      if (items.length > 0 || !output.json.omitEmpty) {
        const documents = items.map((item) => [item.id, itemDocument(output, item, unit, lang, values)]);
        document[output.items] = Object.fromEntries(documents);
      }
      continue;
    }
    const value = lineValue(output, holder);
    if (value === undefined && output.optional) continue;
    const shown = output.span ? spanValue(value as Decimal | null, unit) : values(value as Yearly, output.kind);
    if (output.key === undefined) document[output.metric] = shown;
    else document[output.metric] = { ...(document[output.metric] as object | undefined), [output.key]: shown };
  }
  return document;
}

function itemDocument(output: ItemsSpec, item: Item & Values, unit: string, lang: Lang, values: YearValues): object {
  const attributes = (output.json.attributes ?? []).filter((key) => item[key] !== undefined);
  return {
    ...(output.json.label && { label: item.label[lang] }),
    ...Object.fromEntries(attributes.map((key) => [key, item[key]])),
    ...linesDocument(output.lines, item, unit, lang, values),
  };
}

/** A CAGR: a ratio, or null where it is undefined. */
function spanValue(value: Decimal | null, unit: string): string | null {
  return value === null ? null : machineValue(value, 'ratio', unit);
}
