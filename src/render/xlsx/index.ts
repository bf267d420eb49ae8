// Spreadsheets: workbooks with live formulas (forecast, diff, simulate), as
// .xlsx bytes. Built as a bundle of its own (dist/xlsx.cjs) and loaded only for
// -f xlsx: no other command pays for it at start-up.
import { recordCase } from '../../engine/analysis/graph.js';
import type { Case, Scenario } from '../../engine/types.js';
import type { ScenarioResult } from '../options.js';
import type { Counts } from './cells.js';
import { forecastWorkbook, type WorkbookOptions } from './forecast.js';
import { xlsxBytes } from './ooxml.js';

export { forecastWorkbook, type WorkbookScenario, type WorkbookOptions } from './forecast.js';
export type { Workbook } from './model.js';
export { xlsxBytes } from './ooxml.js';

/** `forecast -f xlsx`: each scenario's forecast as a workbook of live formulas, from each case's formula graph. */
export function renderForecastXlsx(results: readonly (ScenarioResult & { readonly scenario: Scenario })[], options: WorkbookOptions): { bytes: Uint8Array; counts: Counts } {
  const scenarios = results.map((result) => ({
    ...result,
    graphs: new Map([...result.forecast.cases.keys()].map((c: Case) => [c, recordCase(result.scenario, c, options.tables)])),
  }));
  const { workbook, counts } = forecastWorkbook(scenarios, options);
  return { bytes: xlsxBytes(workbook), counts };
}
