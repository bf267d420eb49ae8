// Spreadsheets: workbooks with live formulas (forecast, diff, simulate), as
// .xlsx bytes. Built as a bundle of its own (dist/xlsx.cjs) and loaded only for
// -f xlsx: no other command pays for it at start-up.
import { recordCase } from '../../engine/analysis/graph.js';
import type { TableName, Scenario } from '../../engine/types.js';
import type { ScenarioResult } from '../options.js';
import type { Counts } from './cells.js';
import { diffWorkbook, type DiffWorkbookInput, type DiffWorkbookOptions } from './diff.js';
import { forecastWorkbook, type WorkbookOptions, type WorkbookScenario } from './forecast.js';
import { xlsxBytes } from './ooxml.js';
import { sideBySideWorkbook } from './side-by-side.js';
import { simulateWorkbook, type SimulateWorkbookInput } from './simulate.js';
import type { SimulateRenderOptions } from '../simulate.js';

export { forecastWorkbook, type WorkbookScenario, type WorkbookOptions } from './forecast.js';
export type { Workbook } from './model.js';
export { xlsxBytes } from './ooxml.js';
export { MAX_SHEET_SAMPLES, sampleCollector, type SampleColumns } from './simulate.js';

type Forecasted = ScenarioResult & { readonly scenario: Scenario };

/** A forecast with each case's formula graph, the source of the formulas. */
function withGraphs(result: Forecasted, tables: readonly TableName[]): WorkbookScenario {
  const graphs = new Map([...result.forecast.cases.keys()].map((c) => [c, recordCase(result.scenario, c, tables)]));
  return { ...result, graphs };
}

/** `forecast -f xlsx`: each scenario's forecast as a workbook of live formulas, from each case's formula graph. */
export function renderForecastXlsx(
  results: readonly Forecasted[],
  options: WorkbookOptions,
): { bytes: Uint8Array; counts: Counts } {
  const { workbook, counts } = forecastWorkbook(results.map((result) => withGraphs(result, options.tables)), options);
  return { bytes: xlsxBytes(workbook), counts };
}

/** `forecast --year … -f xlsx`: the side-by-side view, its cells references to the forecasts' sheets. */
export function renderSideBySideXlsx(
  results: readonly Forecasted[],
  years: readonly string[],
  options: WorkbookOptions,
): { bytes: Uint8Array; counts: Counts } {
  const scenarios = results.map((result) => withGraphs(result, options.tables));
  const { workbook, counts } = sideBySideWorkbook(scenarios, years, options);
  return { bytes: xlsxBytes(workbook), counts };
}

/** `diff -f xlsx`: comparison sheets over both forecasts' live sheets. */
export function renderDiffXlsx(
  results: readonly [Forecasted, Forecasted],
  input: Omit<DiffWorkbookInput, 'scenarios'>,
  options: DiffWorkbookOptions,
): { bytes: Uint8Array; counts: Counts } {
  const scenarios = [withGraphs(results[0], options.tables), withGraphs(results[1], options.tables)] as const;
  const { workbook, counts } = diffWorkbook({ ...input, scenarios }, options);
  return { bytes: xlsxBytes(workbook), counts };
}

/** `simulate -f xlsx`: statistics, histograms and (when few enough) the samples, as values. */
export function renderSimulateXlsx(input: SimulateWorkbookInput, options: SimulateRenderOptions): Uint8Array {
  return xlsxBytes(simulateWorkbook(input, options));
}
