// CSV output (SPEC §5): tidy rows scenario,case,table,metric,key,year,value,unit.
import { linesOf, type ValueKind } from '../engine/analysis/lines.js';
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

/** RFC 4180: fields with commas, quotes or line breaks are quoted. */
export function csvText(rows: readonly (readonly string[])[]): string {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return rows.map((row) => `${row.map(field).join(',')}\n`).join('');
}
