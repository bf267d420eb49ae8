// The side-by-side view (`forecast A B -c all --year 2023`): one table per
// model, one row per metric, one column per scenario × case × year — "2023 in
// low, base and high, baseline against bank-led". Built once as data, then
// written as terminal tables and Markdown (through Grid), CSV and JSON.
import { address, linesOf, type Line, type ValueKind } from '../engine/analysis/lines.js';
import type { Case, TableName } from '../engine/types.js';
import type { Decimal } from '../shared/decimal.js';
import { csvText, csvUnit, spreadsheetText } from './csv.js';
import type { Grid } from './grid.js';
import { gridMarkdown } from './md.js';
import { gridTable } from './table.js';
import { colon, comma, lineLabel, tableHeading, text, type Lang } from './labels.js';
import { displayValue, machineValue } from './numbers.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { stampComments } from './stamp.js';

export interface SideBySideColumn {
  readonly scenario: string;
  readonly case: Case;
  readonly year: string;
}

export interface SideBySideRow {
  /** The line's address without a year: `market.marketSize`. */
  readonly line: string;
  readonly label: string;
  readonly kind: ValueKind;
  /** One per column; undefined where that scenario has no such line or year, null where the value is undefined. */
  readonly values: readonly (Decimal | null | undefined)[];
}

export interface SideBySideTable {
  readonly table: TableName;
  readonly columns: readonly SideBySideColumn[];
  readonly rows: readonly SideBySideRow[];
}

/** The years of every table of the results (a CAGR's span is no year). */
export function yearsOf(results: readonly ScenarioResult[], tables: readonly TableName[]): string[] {
  const years = new Set<string>();
  for (const { forecast } of results) {
    for (const caseForecast of forecast.cases.values()) {
      for (const line of linesOf(caseForecast, tables)) {
        if (line.metric !== 'cagr') for (const year of line.values.keys()) years.add(year);
      }
    }
  }
  return [...years].sort();
}

/**
 * A table per model that has a value in one of `years`: rows are its lines (in
 * the order the scenarios give them), columns scenario × case × year.
 */
export function sideBySide(
  results: readonly ScenarioResult[],
  years: readonly string[],
  { tables, lang }: Pick<RenderOptions, 'tables' | 'lang'>,
): SideBySideTable[] {
  const sources = results.flatMap(({ forecast }) =>
    [...forecast.cases].map(([c, caseForecast]) => ({
      scenario: forecast.scenario.name,
      case: c,
      lines: linesOf(caseForecast, tables).filter((line) => line.metric !== 'cagr'),
    })),
  );
  return tables.flatMap((table) => {
    const columns = sources.flatMap((source) =>
      years.map((year) => ({ source, column: { scenario: source.scenario, case: source.case, year } })),
    );
    const rows = new Map<string, { label: string; kind: ValueKind; byColumn: Map<number, Decimal | null> }>();
    columns.forEach(({ source, column }, i) => {
      for (const line of source.lines.filter((candidate: Line) => candidate.table === table)) {
        const value = line.values.get(column.year);
        if (value === undefined) continue;
        const key = address(line);
        const row = rows.get(key) ?? { label: lineLabel(line, lang), kind: line.kind, byColumn: new Map() };
        row.byColumn.set(i, value);
        rows.set(key, row);
      }
    });
    if (rows.size === 0) return [];
    return [
      {
        table,
        columns: columns.map(({ column }) => column),
        rows: [...rows].map(([line, row]) => ({
          line,
          label: row.label,
          kind: row.kind,
          values: columns.map((_, i) => row.byColumn.get(i)),
        })),
      },
    ];
  });
}

/** A column's header: the parts that differ between columns (scenario, case, year), or the year. */
export function columnHeader(column: SideBySideColumn, columns: readonly SideBySideColumn[], lang: Lang): string {
  const varies = (part: (c: SideBySideColumn) => string) => new Set(columns.map(part)).size > 1;
  const parts = [
    ...(varies((c) => c.scenario) ? [column.scenario] : []),
    ...(varies((c) => c.case) ? [text(`${column.case}Short`, lang)] : []),
    ...(varies((c) => c.year) ? [column.year] : []),
  ];
  return parts.length === 0 ? column.year : parts.join(' ');
}

/** The view as grids, for the terminal and Markdown. */
export function sideBySideGrids(
  tables: readonly SideBySideTable[],
  { unit, lang }: Pick<RenderOptions, 'unit' | 'lang'>,
): Grid[] {
  return tables.map(({ table, columns, rows }) => {
    const scenarios = [...new Set(columns.map((column) => column.scenario))].join(comma(lang));
    const years = [...new Set(columns.map((column) => column.year))].join(comma(lang));
    return {
      title: tableHeading(table, unit, `${years}${colon(lang)}${scenarios}`, lang),
      header: [text('metricHeader', lang), ...columns.map((column) => columnHeader(column, columns, lang))],
      rows: rows.map((row) => [
        row.label,
        ...row.values.map((value) => (value == null ? '–' : displayValue(value, row.kind, unit))),
      ]),
      notes: [],
    };
  });
}

/** CSV of the view: per table, a header row and a row per metric; its text through spreadsheetText. */
export function sideBySideCsv(
  tables: readonly SideBySideTable[],
  results: readonly ScenarioResult[],
  { unit, lang }: Pick<RenderOptions, 'unit' | 'lang'>,
): string {
  const rows: string[][] = [];
  for (const { table, columns, rows: lines } of tables) {
    const headers = columns.map((column) => columnHeader(column, columns, lang));
    const head = [text('tableHeader', lang), text('metricHeader', lang), text('unitHeader', lang), ...headers];
    rows.push(head.map(spreadsheetText));
    for (const line of lines) {
      const values = line.values.map((value) => (value == null ? '' : machineValue(value, line.kind, unit)));
      rows.push([table, spreadsheetText(line.label), csvUnit(line.kind, unit), ...values]);
    }
  }
  return stampComments(results.map((result) => result.stamp), 'csv') + csvText(rows);
}

export const SIDE_BY_SIDE_FORMAT = 'fintech-calc/side-by-side@1';

/** JSON of the view: the columns, then per table its rows with their line address and values. */
export function sideBySideJson(
  tables: readonly SideBySideTable[],
  results: readonly ScenarioResult[],
  { unit }: Pick<RenderOptions, 'unit'>,
): string {
  const stamps = results.flatMap((result) => (result.stamp ? [result.stamp] : []));
  const document = {
    format: SIDE_BY_SIDE_FORMAT,
    unit,
    scenarios: results.map(({ forecast, file }) => ({
      name: forecast.scenario.name,
      title: forecast.scenario.title,
      file,
    })),
    tables: Object.fromEntries(
      tables.map(({ table, columns, rows }) => [
        table,
        {
          columns,
          rows: rows.map((row) => ({
            line: row.line,
            label: row.label,
            values: row.values.map((value) => (value == null ? null : machineValue(value, row.kind, unit))),
          })),
        },
      ]),
    ),
    ...(stamps.length > 0 && { stamps }),
  };
  return `${JSON.stringify(document)}\n`;
}

/** The view in a text format; `excel` makes the CSV Excel's (a BOM and CRLF, as --excel). */
export function renderSideBySide(
  format: 'table' | 'json' | 'csv' | 'md',
  results: readonly ScenarioResult[],
  years: readonly string[],
  options: RenderOptions,
  excel = false,
): string {
  const tables = sideBySide(results, years, options);
  switch (format) {
    case 'table':
      return sideBySideGrids(tables, options).map((grid) => gridTable(grid, options.style)).join('\n');
    case 'md':
      return (
        sideBySideGrids(tables, options).map(gridMarkdown).join('\n') +
        stampComments(results.map((result) => result.stamp), 'md')
      );
    case 'json':
      return sideBySideJson(tables, results, options);
    case 'csv': {
      const csv = sideBySideCsv(tables, results, options);
      return excel ? `\uFEFF${csv.replaceAll('\n', '\r\n')}` : csv;
    }
  }
}
