// CSV output (SPEC §5): tidy rows scenario,case,table,metric,key,year,value,unit;
// and its Excel flavour (--excel): wide rows, labels, a BOM and CRLF.
import { linesOf, type ValueKind } from '../engine/analysis/lines.js';
import { lineLabel, tableTitle, text } from './labels.js';
import { machineValue } from './numbers.js';
import { stampComments } from './stamp.js';
import type { RenderOptions, ScenarioResult } from './options.js';

export const CSV_HEADER = ['scenario', 'case', 'table', 'metric', 'key', 'year', 'value', 'unit'];

export function renderCsv(results: readonly ScenarioResult[], options: RenderOptions): string {
  const rows: string[][] = [CSV_HEADER];
  for (const { forecast } of results) {
    for (const [c, caseForecast] of forecast.cases) {
      for (const line of linesOf(caseForecast, options.tables)) {
        for (const [year, value] of line.values) {
          rows.push([
            forecast.scenario.name,
            c,
            line.table,
            line.metric,
            line.key,
            year,
            value === null ? '' : machineValue(value, line.kind, options.unit),
            csvUnit(line.kind, options.unit),
          ]);
        }
      }
    }
  }
  return stampComments(results.map((result) => result.stamp), 'csv') + csvText(rows);
}

/** The unit column of a value: the output unit for an amount, else its kind (ratio, count). */
export function csvUnit(kind: ValueKind, unit: string): string {
  return kind === 'amount' ? unit : kind;
}

/**
 * A text cell for output meant for spreadsheets (Excel-friendly CSV, xlsx): one
 * that begins as a formula would (=, +, -, @, their fullwidth forms, or a tab or
 * CR before them) gets a leading apostrophe, so it is read as text and never
 * run (OWASP's CSV injection advice). Numbers are written as numbers, not
 * through this. The tidy CSV keeps text exact and does not use it.
 */
export function spreadsheetText(text: string): string {
  return /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(text) ? `'${text}` : text;
}

/**
 * CSV for Excel (`-f csv --excel`): a UTF-8 BOM (Excel reads UTF-8 only with
 * it), one row per metric with the years as columns (a CAGR in a column of its
 * own), labels in --lang, CRLF line ends, and every text cell through
 * spreadsheetText. Values as in the tidy CSV: amounts in the output unit, ratios
 * as fractions (the unit column says which).
 */
export function renderExcelCsv(results: readonly ScenarioResult[], options: RenderOptions): string {
  const { lang, unit } = options;
  const all = results.flatMap(({ forecast }) =>
    [...forecast.cases].map(([c, caseForecast]) => ({ forecast, c, lines: linesOf(caseForecast, options.tables) })),
  );
  const years = [
    ...new Set(
      all.flatMap(({ lines }) =>
        lines.filter((line) => line.metric !== 'cagr').flatMap((line) => [...line.values.keys()]),
      ),
    ),
  ].sort();
  const units: Record<ValueKind, string> = {
    amount: unit,
    ratio: text('ratioUnit', lang),
    count: text('countUnit', lang),
  };
  const header = [
    ...(['scenarioHeader', 'caseHeader', 'tableHeader', 'metricHeader', 'unitHeader'] as const).map((key) =>
      text(key, lang),
    ),
    ...years,
    text('cagr', lang),
  ];
  const rows: string[][] = [header];
  for (const { forecast, c, lines } of all) {
    for (const line of lines) {
      const value = (year: string) => {
        const found = line.values.get(year);
        return found === undefined || found === null ? '' : machineValue(found, line.kind, unit);
      };
      const values =
        line.metric === 'cagr'
          ? [...years.map(() => ''), value([...line.values.keys()][0]!)]
          : [...years.map(value), ''];
      const labels = [
        forecast.scenario.name,
        text(`${c}Short`, lang),
        tableTitle(line.table, lang),
        lineLabel(line, lang),
        units[line.kind],
      ].map(spreadsheetText);
      rows.push([...labels, ...values]);
    }
  }
  return `\uFEFF${stampComments(
    results.map((result) => result.stamp),
    'csv',
  ).replaceAll('\n', '\r\n')}${csvText(rows, '\r\n')}`;
}

/** RFC 4180: fields with commas, quotes or line breaks are quoted; each row ends with `eol`. */
export function csvText(rows: readonly (readonly string[])[], eol = '\n'): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => `${row.map(field).join(',')}${eol}`).join('');
}
