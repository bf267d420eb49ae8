// A forecast as an ordered list of lines (one metric of one table over the
// years): the common shape of the table, Markdown and CSV output and of diff.
// Made from the models' output lines (models/*.ts), in their order, which is
// the order of the JSON output of SPEC §5.
import type { Decimal } from '../../shared/decimal.js';
import { lineKind, type MetricsForecast } from '../metrics.js';
import { isItems, lineValue, MODELS, type LineSpec } from '../models/index.js';
import {
  TABLES,
  type CaseForecast,
  type Item,
  type Label,
  type TableName,
  type ValueKind,
  type Year,
  type Yearly,
} from '../types.js';

export type { ValueKind };
/** The collection of the item a line is about: modes, segments, groups, institutions, items. */
export type ItemGroup = string;

/** What names a line and how people read it: its table, item and metric. */
export interface LineName {
  readonly table: TableName;
  /** The collection of the item a line is about (a mode, segment, group, institution or technology). */
  readonly group?: ItemGroup;
  /** The JSON key of the metric: marketSize, share, frontier, cagr, ... */
  readonly metric: string;
  /** The item's id; for a span under a key, the key (cagr.total); else ''. */
  readonly key: string;
  readonly kind: ValueKind;
  /** The metric's label: 'Market space', 'frontier tech'; for a span, what it is of. */
  readonly label: Label;
  /** The label of the item a line is about. */
  readonly itemLabel?: Label;
  /** The item is a subtotal of others (a group of segments). */
  readonly subtotal?: true;
  /** One value over the years (a CAGR), under the key 'first-last' instead of a year. */
  readonly span?: true;
}

export interface Line<N = Decimal> extends LineName {
  /** Year (or 'first-last' for a span) → value; null where a CAGR is undefined. */
  readonly values: ReadonlyMap<string, N | null>;
}

/** What names a line, without its values. */
export function nameOf({ values: _values, ...name }: Line<unknown>): LineName {
  return name;
}

/** `market.modes.receivables.size.2023`, `profit.increment.2023`, `spend.cagr.total`. */
export function address(line: Pick<Line, 'table' | 'group' | 'metric' | 'key'>, year?: string): string {
  const parts = line.group ? [line.table, line.group, line.key, line.metric] : [line.table, line.metric, line.key];
  return [...parts, year].filter((part) => part !== undefined && part !== '').join('.');
}

/** The address of one value of a line: with its year, but none for a span. */
export function valueAddress(line: Pick<Line, 'table' | 'group' | 'metric' | 'key' | 'span'>, year: string): string {
  return line.span ? address(line) : address(line, year);
}

function byYear<N>(series: Yearly<N>): ReadonlyMap<string, N> {
  const values = new Map<string, N>();
  series.forEach((value, year) => values.set(String(year), value));
  return values;
}

/** `2018-2022`: the span of a CAGR, its "year" in lines, CSV and diff. */
function spanOf(years: readonly Year[]): string {
  return `${years[0]}-${years[years.length - 1]}`;
}

type Values = Readonly<Record<string, unknown>> & { readonly years?: readonly Year[] };

/**
 * A line of `spec` read from `holder` (a model's forecast, or one of its items); undefined for an optional line it
 * lacks.
 */
function lineOf<N>(
  table: TableName,
  spec: LineSpec,
  holder: Values,
  span: string,
  item?: { group: string; item: Item; subtotal?: true },
): Line<N> | undefined {
  const value = lineValue(spec, holder);
  if (value === undefined && spec.optional) return undefined;
  return {
    table,
    ...(item && { group: item.group }),
    metric: spec.metric,
    key: item ? item.item.id : (spec.key ?? ''),
    kind: spec.kind,
    label: spec.label,
    ...(item && { itemLabel: item.item.label }),
    ...(item?.subtotal && { subtotal: true }),
    ...(spec.span && { span: true }),
    values: spec.span ? new Map([[span, value as N | null]]) : byYear(value as Yearly<N>),
  };
}

export function linesOf<N = Decimal>(forecast: CaseForecast<N>, tables: readonly TableName[]): Line<N>[] {
  const lines: Line<N>[] = [];
  for (const model of MODELS) {
    const table = forecast[model.table] as Values | undefined;
    if (table === undefined || !tables.includes(model.table)) continue;
    const span = spanOf(table.years!);
    const push = (line: Line<N> | undefined) => line && lines.push(line);
    for (const output of model.outputs) {
      if (!isItems(output)) {
        push(lineOf(model.table, output, table, span));
        continue;
      }
      for (const item of table[output.items] as readonly (Item & Values)[]) {
        const naming = { group: output.items, item, ...(output.subtotal && { subtotal: true as const }) };
        for (const spec of output.lines) push(lineOf(model.table, spec, item, span, naming));
      }
    }
  }
  if (forecast.metrics && tables.includes('metrics')) lines.push(...metricLines(forecast.metrics));
  return lines;
}

/** The scenario's metrics as lines `metrics.<id>`, with the scenario's labels. */
function metricLines<N>(metrics: MetricsForecast<N>): Line<N>[] {
  return metrics.metrics.map(({ id, label, kind, values }) => ({
    table: 'metrics',
    metric: id,
    key: '',
    kind: lineKind(kind),
    label,
    values: byYear(values),
  }));
}

/** A value of a case with its address (`market.marketSize.2023`, `spend.cagr.total`) and kind. */
export interface Addressed<N> {
  readonly address: string;
  /** The address of its line, the same in every year: `market.marketSize`. */
  readonly line: string;
  readonly kind: ValueKind;
  readonly value: N;
}

/** Every value of the case's lines (the JSON output's), in line order; null where undefined (a CAGR from 0). */
export function addressedValues<N>(
  forecast: CaseForecast<N>,
  tables: readonly TableName[] = TABLES,
): Addressed<N | null>[] {
  return linesOf(forecast, tables).flatMap((line) =>
    [...line.values].map(([year, value]) => ({
      address: valueAddress(line, year),
      line: address(line),
      kind: line.kind,
      value,
    })),
  );
}

/** Every metric address of a forecast (also of undefined values), for "did you mean". */
export function metricAddresses(forecast: CaseForecast): string[] {
  return addressedValues(forecast).map((value) => value.address);
}

/** A metric by its address (`market.marketSize.2023`, `spend.cagr.total`): its value and kind. */
export function findMetric(
  forecast: CaseForecast,
  metric: string,
): { value: Decimal | null; kind: ValueKind } | undefined {
  const found = addressedValues(forecast).find((value) => value.address === metric);
  return found && { value: found.value, kind: found.kind };
}
