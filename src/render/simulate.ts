// simulate output: mean and percentiles of every metric, key and year, as
// tables, JSON (fintech-calc/simulate@1), CSV or Markdown; a terminal
// histogram for --metric.
import { Decimal } from '../shared/decimal.js';
import type { Line } from '../engine/analysis/lines.js';
import type { SampleStats } from '../engine/simulate/stats.js';
import type { Distribution, TableName } from '../engine/types.js';
import { csvText, csvUnit } from './csv.js';
import { colon, comma, lineLabel, parenthesised, say, scenarioHeading, tableHeading, text, type Lang } from './labels.js';
import type { Grid } from './grid.js';
import { gridMarkdown } from './md.js';
import { displayValue, machineValue } from './numbers.js';
import { stampComment } from './stamp.js';
import type { Style } from './style.js';
import { gridTable } from './table.js';

export const SIMULATE_FORMAT = 'fintech-calc/simulate@1';

export interface SimulatedOutput {
  /** Which metric, key and year (its traced values are not read here). */
  readonly line: Line<unknown>;
  readonly year: string;
  /** Its percentiles are those of the options; a --metric output has a histogram of HISTOGRAM_COLUMNS. */
  readonly stats: SampleStats;
}

/** The width of a --metric histogram, in columns of the terminal. */
export const HISTOGRAM_COLUMNS = 40;

export interface SimulateRenderOptions {
  readonly unit: string;
  readonly lang: Lang;
  readonly style: Style;
  readonly scenario: string;
  /** The scenario's title, for the tables' titles. */
  readonly title: string;
  readonly samples: number;
  readonly seed: number;
  readonly dist: Distribution;
  readonly percentiles: readonly number[];
  readonly histograms: readonly SimulatedOutput[];
  readonly stamp?: object;
}

/** Floats carry ~15 significant digits; 12 are shown, the same on every machine. */
function decimal(value: number): Decimal | null {
  return Number.isFinite(value) ? new Decimal(value.toPrecision(12)) : null;
}

/** The statistics' names: in JSON and CSV (machine), or for people (`lang`). */
function statNames(options: SimulateRenderOptions, lang: Lang | 'machine' = 'machine'): string[] {
  return [lang === 'machine' ? 'mean' : text('mean', lang), ...options.percentiles.map((p) => `p${p}`)];
}

/** Statistic s of an output: the mean, then the percentiles asked for. */
function statValue(output: SimulatedOutput, s: number): Decimal | null {
  return decimal(s === 0 ? output.stats.mean : output.stats.percentiles[s - 1]!);
}

function statValues(output: SimulatedOutput, options: SimulateRenderOptions): (Decimal | null)[] {
  return statNames(options).map((_, s) => statValue(output, s));
}

function title(table: TableName, options: SimulateRenderOptions): string {
  const { lang } = options;
  const context = [scenarioHeading({ name: options.scenario, title: options.title }, lang), say.samples(lang, options.samples), say.seed(lang, options.seed), text(options.dist, lang)];
  return tableHeading(table, options.unit, context.join(comma(lang)), lang);
}

/** Per table: a row per metric and statistic, years as columns; the CAGRs below, as in forecast. */
function grids(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): Grid[] {
  const { lang, unit } = options;
  const tables = [...new Set(outputs.map((output) => output.line.table))];
  return tables.map((table) => {
    // By line and year; a line is fixed when no draw moves it in any year.
    const values = new Map<Line<unknown>, { byYear: Map<string, SimulatedOutput>; fixed: boolean }>();
    for (const output of outputs.filter((output) => output.line.table === table)) {
      const entry = values.get(output.line) ?? { byYear: new Map(), fixed: true };
      entry.byYear.set(output.year, output);
      entry.fixed &&= output.stats.min === output.stats.max;
      values.set(output.line, entry);
    }
    const byLine = [...values];
    const yearly = byLine.filter(([line]) => !line.span);
    const years = [...new Set(yearly.flatMap(([, { byYear }]) => [...byYear.keys()]))].sort();
    const cell = (line: Line<unknown>, output: SimulatedOutput | undefined, s: number) => {
      const value = output && statValue(output, s);
      return value == null ? '–' : displayValue(value, line.kind, unit);
    };
    // A line no draw moves is one row of its value, not a row per statistic.
    const stats = (fixed: boolean) => (fixed ? [text('mean', lang)] : statNames(options, lang));
    const rows = yearly.flatMap(([line, { byYear, fixed }]) =>
      stats(fixed).map((stat, s) => [fixed ? lineLabel(line, lang) : `${lineLabel(line, lang)}${colon(lang)}${stat}`, ...years.map((year) => cell(line, byYear.get(year), s))]),
    );
    const notes = byLine
      .filter(([line]) => line.span)
      .map(([line, { byYear, fixed }]) => {
        const output = [...byYear.values()][0];
        const shown = fixed ? cell(line, output, 0) : stats(fixed).map((stat, s) => `${stat} ${cell(line, output, s)}`).join(comma(lang));
        return `${lineLabel(line, lang)}${colon(lang)}${shown}`;
      });
    return { title: title(table, options), header: [text('metricHeader', lang), ...years], rows, notes };
  });
}

export function histogramText(output: SimulatedOutput, options: SimulateRenderOptions): string {
  const { table, group, key, metric } = output.line;
  const name = `${[table, group, key, metric].filter(Boolean).join('.')}.${output.year}`;
  const title = `${name}${parenthesised(options.unit, options.lang)}${colon(options.lang)}${say.samples(options.lang, options.samples)}`;
  // Undefined in every sample (a CAGR from a first value of 0): nothing to draw, nor ends to label.
  if (output.stats.count === 0) return `${title}\n${say.noValueSampled(options.lang)}\n`;
  const counts = output.stats.histogram;
  if (!counts) throw new Error(`internal: simulate counted no histogram of ${name}`);
  const columns = counts.length;
  const top = Math.max(...counts);
  const rows = 8;
  const bars = Array.from({ length: rows }, (_, r) =>
    counts.map((count) => (top > 0 && count / top > (rows - r - 1) / rows ? '█' : ' ')).join(''),
  );
  const lo = displayValue(decimal(output.stats.min)!, output.line.kind, options.unit);
  const hi = displayValue(decimal(output.stats.max)!, output.line.kind, options.unit);
  return [title, ...bars.map((bar) => `│${bar}`), `└${'─'.repeat(columns)}`, ` ${lo}${' '.repeat(Math.max(1, columns - lo.length - hi.length))}${hi}`].join('\n') + '\n';
}

export function renderSimulateTable(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const tables = grids(outputs, options).map((grid) => gridTable(grid, options.style));
  return [...tables, ...options.histograms.map((output) => histogramText(output, options))].join('\n');
}

export function renderSimulateMarkdown(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  return grids(outputs, options).map(gridMarkdown).join('\n');
}

function machine(value: Decimal | null, output: SimulatedOutput, unit: string): string | null {
  return value === null ? null : machineValue(value, output.line.kind, unit);
}

export function renderSimulateJson(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const names = statNames(options);
  const metrics = outputs.map((output) => ({
    table: output.line.table,
    metric: output.line.metric,
    key: output.line.key,
    year: output.year,
    ...Object.fromEntries(statValues(output, options).map((value, i) => [names[i]!, machine(value, output, options.unit)])),
  }));
  const document = {
    format: SIMULATE_FORMAT,
    scenario: options.scenario,
    unit: options.unit,
    samples: options.samples,
    seed: options.seed,
    dist: options.dist,
    percentiles: options.percentiles,
    metrics,
    ...(options.stamp && { stamp: options.stamp }),
  };
  return `${JSON.stringify(document)}\n`;
}

export function renderSimulateCsv(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const names = statNames(options);
  const rows = outputs.flatMap((output) =>
    statValues(output, options).map((value, i) => [
      options.scenario,
      output.line.table,
      output.line.metric,
      output.line.key,
      output.year,
      names[i]!,
      machine(value, output, options.unit) ?? '',
      csvUnit(output.line.kind, options.unit),
    ]),
  );
  const stamp = options.stamp ? stampComment(options.stamp, 'csv') : '';
  return stamp + csvText([['scenario', 'table', 'metric', 'key', 'year', 'stat', 'value', 'unit'], ...rows]);
}
