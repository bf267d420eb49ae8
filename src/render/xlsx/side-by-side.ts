// `forecast A B -c all --year 2023 -f xlsx`: the side-by-side view (one sheet
// per table, a row per metric, a column per scenario × case × year) whose cells
// are references to the value's cell on the forecast sheets that follow it, so
// that editing an input moves the view too; then the forecasts' sheets (as
// forecast -f xlsx writes them) and the Stamp.
import { sideBySide, sideBySideGrids } from '../side-by-side.js';
import { labelCell, widthsOf, type Counts } from './cells.js';
import { forecastSheets, tableSheetName, titleOf, type WorkbookOptions, type WorkbookScenario } from './forecast.js';
import { HEADER_ROWS } from './inputs.js';
import { reference, type Cell, type Sheet, type Workbook } from './model.js';
import { machineValue } from '../numbers.js';
import { amountFormat, stampSheet } from './stamp.js';

/** Excel's longest sheet name. */
const MAX_SHEET_NAME = 31;

export function sideBySideWorkbook(
  scenarios: readonly WorkbookScenario[],
  years: readonly string[],
  options: WorkbookOptions,
): { workbook: Workbook; counts: Counts } {
  const forecasts = forecastSheets(scenarios, options);
  const { counts, cellOf } = forecasts;
  const tables = sideBySide(scenarios, years, options);
  const grids = sideBySideGrids(tables, options);
  // The columns in sideBySide's order: scenario, then case, then year.
  const sources = scenarios.flatMap((entry, s) =>
    [...entry.forecast.cases.keys()].flatMap((c) => years.map(() => ({ s, c }))),
  );
  const shownYears = years.join(',');
  const sheets = tables.map(({ table, rows, columns }, t): Sheet => {
    if (columns.length !== sources.length) {
      throw new Error('internal: the side-by-side columns are not scenario × case × year');
    }
    const full = `${tableSheetName(table, options.lang)} ${shownYears}`;
    const name = full.length <= MAX_SHEET_NAME ? full : `${tableSheetName(table, options.lang)} ${years[0]}…`;
    const grid = grids[t]!;
    const sheetRows: (Cell | undefined)[][] = [
      [labelCell(grid.title, 'title')],
      grid.header.map((header) => labelCell(header, 'header')),
    ];
    for (const row of rows) {
      const cells = row.values.map((value, i): Cell | undefined => {
        if (value === undefined) return undefined;
        if (value === null) return labelCell('–');
        counts.computed++;
        const cached = machineValue(value, row.kind, options.unit);
        const own = cellOf(sources[i]!.s, sources[i]!.c, `${row.line}.${columns[i]!.year}`);
        if (own === undefined) return { kind: 'number', value: cached, style: row.kind };
        counts.formulas++;
        return { kind: 'formula', formula: reference(own, name), cached, style: row.kind };
      });
      sheetRows.push([labelCell(row.label), ...cells]);
    }
    return { name, rows: sheetRows, widths: widthsOf(sheetRows), frozen: { rows: HEADER_ROWS, columns: 1 } };
  });
  sheets.push(...forecasts.sheets, stampSheet(scenarios.map((entry) => entry.stamp), counts, options.lang));
  const title = titleOf(scenarios, options.lang);
  const workbook = { sheets, names: forecasts.names, amountFormat: amountFormat(options.unit), title };
  return { workbook, counts };
}
