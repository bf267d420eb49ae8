// Spreadsheets: workbooks with live formulas (forecast, diff, simulate), as
// .xlsx bytes. Loaded only for -f xlsx.
export { forecastWorkbook, type WorkbookScenario, type WorkbookOptions } from './forecast.js';
export type { Workbook } from './model.js';
export { xlsxBytes } from './ooxml.js';
