// The people-facing layout shared by the terminal and Markdown renderers: for
// each scenario, case and table, a title and rows of formatted cells.
import type { Decimal } from '../shared/decimal.js';
import type { TableName } from '../engine/types.js';
import { linesOf, type Line } from '../engine/analysis/lines.js';
import { caseName, colon, comma, lineLabel, scenarioHeading, tableHeading, text } from './labels.js';
import { displayValue } from './numbers.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { sparkline } from './spark.js';

export interface Grid {
  readonly title: string;
  /** First the row label's header, then the years. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines below the table (CAGRs). */
  readonly notes: readonly string[];
}

export function gridsOf(results: readonly ScenarioResult[], options: RenderOptions): Grid[] {
  const grids: Grid[] = [];
  const { lang, unit } = options;
  for (const { forecast } of results) {
    for (const [c, caseForecast] of forecast.cases) {
      const lines = linesOf(caseForecast, options.tables);
      for (const table of options.tables) {
        const tableLines = lines.filter((line) => line.table === table);
        if (tableLines.length === 0) continue;
        grids.push(
          gridOf(
            table,
            tableLines,
            `${scenarioHeading(forecast.scenario, lang)}${comma(lang)}${caseName(c, lang)}`,
            options,
          ),
        );
      }
    }
  }
  return grids;
  function gridOf(table: TableName, lines: readonly Line[], context: string, { lang, spark }: RenderOptions): Grid {
    const yearly = lines.filter((line) => !line.span);
    const years = [...(yearly[0]?.values.keys() ?? [])];
    const cell = (line: Line, value: Decimal | null | undefined) =>
      value == null ? '–' : displayValue(value, line.kind, unit);
    const trend = (line: Line) => (spark ? [sparkline(years.map((year) => line.values.get(year)), spark)] : []);
    return {
      title: tableHeading(table, unit, context, lang),
      header: [text('metricHeader', lang), ...years, ...(spark ? [text('trendHeader', lang)] : [])],
      rows: yearly.map((line) => [
        lineLabel(line, lang),
        ...years.map((year) => cell(line, line.values.get(year))),
        ...trend(line),
      ]),
      notes: lines
        .filter((line) => line.span)
        .map((line) => `${lineLabel(line, lang)}${colon(lang)}${cell(line, [...line.values.values()][0])}`),
    };
  }
}
