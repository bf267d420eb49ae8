// simulate output: mean and percentiles of every metric, key and year, as
// tables, JSON (fintech-calc/simulate@1), CSV or Markdown; a terminal
// histogram for --metric.
import { Decimal } from '../shared/decimal.js';
import type { Line } from '../engine/analysis/lines.js';
import type { SampleStats } from '../engine/simulate/stats.js';
import type { Distribution, TableName } from '../engine/types.js';
import { csvText, csvUnit } from './csv.js';
import { visible } from './escape.js';
import {
  colon,
  comma,
  lineLabel,
  parenthesised,
  say,
  scenarioHeading,
  tableHeading,
  text,
  type Lang,
} from './labels.js';
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
  /** Standard errors of the mean and p50 beside them. */
  readonly errors?: boolean;
  /** The sampled inputs' paths, in the order of SampleStats.contributions. */
  readonly inputs?: readonly string[];
  /** --precision: the fraction asked for, and whether every mean reached it. */
  readonly precision?: { readonly target: number; readonly reached: boolean };
  readonly stamp?: object;
}

/** Floats carry ~15 significant digits; 12 are shown, the same on every machine. */
export function decimal(value: number): Decimal | null {
  return Number.isFinite(value) ? new Decimal(value.toPrecision(12)) : null;
}

/** The statistics' names: in JSON and CSV (machine), or for people (`lang`). */
function statNames(options: SimulateRenderOptions, lang: Lang | 'machine' = 'machine'): string[] {
  const errors = !options.errors
    ? []
    : lang === 'machine'
      ? ['mean_se', 'p50_se']
      : [text('meanError', lang), text('medianError', lang)];
  return [lang === 'machine' ? 'mean' : text('mean', lang), ...options.percentiles.map((p) => `p${p}`), ...errors];
}

/** Statistic s of an output: the mean, the percentiles asked for, then the standard errors (if asked for). */
function statValue(output: SimulatedOutput, s: number): Decimal | null {
  const { mean, percentiles, errors } = output.stats;
  const values = [mean, ...percentiles, ...(errors ? [errors.mean, errors.p50] : [])];
  return decimal(values[s]!);
}

function statValues(output: SimulatedOutput, options: SimulateRenderOptions): (Decimal | null)[] {
  return statNames(options).map((_, s) => statValue(output, s));
}

function title(table: TableName, options: SimulateRenderOptions): string {
  const { lang } = options;
  const context = [
    scenarioHeading({ name: options.scenario, title: options.title }, lang),
    say.samples(lang, options.samples),
    say.seed(lang, options.seed),
    text(options.dist, lang),
  ];
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
      stats(fixed).map((stat, s) => [
        fixed ? lineLabel(line, lang) : `${lineLabel(line, lang)}${colon(lang)}${stat}`,
        ...years.map((year) => cell(line, byYear.get(year), s)),
      ]),
    );
    const notes = byLine
      .filter(([line]) => line.span)
      .map(([line, { byYear, fixed }]) => {
        const output = [...byYear.values()][0];
        const shown = fixed
          ? cell(line, output, 0)
          : stats(fixed)
              .map((stat, s) => `${stat} ${cell(line, output, s)}`)
              .join(comma(lang));
        return `${lineLabel(line, lang)}${colon(lang)}${shown}`;
      });
    return { title: title(table, options), header: [text('metricHeader', lang), ...years], rows, notes };
  });
}

/** An output's address, as --metric takes it: market.marketSize.2023. */
function addressOf(output: SimulatedOutput): string {
  const { table, group, key, metric } = output.line;
  return `${[table, group, key, metric].filter(Boolean).join('.')}.${output.year}`;
}

/** A probability for people: a percentage with two decimals. */
function percentText(probability: number): string {
  const value = decimal(probability);
  return value === null ? '–' : displayValue(value, 'ratio', '');
}

/** The lines of --exceed: P(metric > threshold) and its 95% interval, for people. */
function exceedLines(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string[] {
  return outputs.flatMap((output) =>
    (output.stats.exceed ?? []).map(({ threshold, probability, low, high }) => {
      const unit = output.line.kind === 'amount' ? ` ${options.unit}` : '';
      const shown = `${displayValue(decimal(threshold)!, output.line.kind, options.unit)}${unit}`;
      return say.exceedance(
        options.lang,
        addressOf(output),
        shown,
        percentText(probability),
        percentText(low),
        percentText(high),
      );
    }),
  );
}

/** The inputs by contribution, largest first (by path among equals). */
function ranked(output: SimulatedOutput, options: SimulateRenderOptions): { input: string; index: number }[] {
  const inputs = options.inputs ?? [];
  return (output.stats.contributions ?? [])
    .map((index, k) => ({ input: inputs[k]!, index }))
    .sort((a, b) => b.index - a.index || (a.input < b.input ? -1 : 1));
}

/** Inputs shown in a --contrib chart; the others are summed in one line. */
const CHART_INPUTS = 12;
const BAR_WIDTH = 30;

/** --contrib for the terminal: a bar per input, the largest first. */
export function contributionText(output: SimulatedOutput, options: SimulateRenderOptions): string {
  const all = ranked(output, options);
  const [shown, rest] = [all.slice(0, CHART_INPUTS), all.slice(CHART_INPUTS)];
  const width = Math.max(0, ...shown.map(({ input }) => input.length));
  const bars = shown.map(({ input, index }) => {
    const cells = Math.round(index * BAR_WIDTH);
    const bar = '█'.repeat(cells) + ' '.repeat(BAR_WIDTH - cells);
    return `${input.padEnd(width)}  ${bar} ${percentText(index).padStart(7)}`;
  });
  const sum = (entries: readonly { index: number }[]) =>
    percentText(entries.reduce((total, { index }) => total + index, 0));
  const more = rest.length > 0 ? [say.contributionRest(options.lang, rest.length, sum(rest))] : [];
  return (
    [
      say.contributionTitle(options.lang, addressOf(output)),
      ...bars,
      ...more,
      say.contributionSum(options.lang, sum(all)),
    ]
      .map(visible)
      .join('\n') + '\n'
  );
}

/** What a table or Markdown output adds after its tables: --exceed's lines, --precision's outcome. */
function summaryLines(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string[] {
  const { precision } = options;
  const reached = precision
    ? [say.precisionReached(options.lang, percentText(precision.target), options.samples, precision.reached)]
    : [];
  return [...exceedLines(outputs, options), ...reached].map(visible);
}

export function histogramText(output: SimulatedOutput, options: SimulateRenderOptions): string {
  const name = addressOf(output);
  const { unit, lang, samples } = options;
  const title = `${name}${parenthesised(unit, lang)}${colon(lang)}${say.samples(lang, samples)}`;
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
  return (
    [
      title,
      ...bars.map((bar) => `│${bar}`),
      `└${'─'.repeat(columns)}`,
      ` ${lo}${' '.repeat(Math.max(1, columns - lo.length - hi.length))}${hi}`,
    ].join('\n') + '\n'
  );
}

export function renderSimulateTable(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const tables = grids(outputs, options).map((grid) => gridTable(grid, options.style));
  const summary = summaryLines(outputs, options);
  const contributions = outputs
    .filter((output) => output.stats.contributions)
    .map((output) => contributionText(output, options));
  return [
    ...tables,
    ...options.histograms.map((output) => histogramText(output, options)),
    ...(summary.length > 0 ? [`${summary.join('\n')}\n`] : []),
    ...contributions,
  ].join('\n');
}

export function renderSimulateMarkdown(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const tables = grids(outputs, options).map(gridMarkdown);
  const summary = summaryLines(outputs, options).map((line) => `- ${line}\n`);
  const contributions = outputs
    .filter((output) => output.stats.contributions)
    .map((output) => {
      const rows = ranked(output, options).map(({ input, index }) => [input, percentText(index)]);
      return gridMarkdown({
        title: say.contributionTitle(options.lang, addressOf(output)),
        header: [text('input', options.lang), text('varianceShare', options.lang)],
        rows,
        notes: [],
      });
    });
  return [...tables, ...(summary.length > 0 ? [summary.join('')] : []), ...contributions].join('\n');
}

function machine(value: Decimal | null, output: SimulatedOutput, unit: string): string | null {
  return value === null ? null : machineValue(value, output.line.kind, unit);
}

/** A probability or share for machines: a fraction, as a ratio is written. */
function machineProbability(value: number): string | null {
  const shown = decimal(value);
  return shown === null ? null : machineValue(shown, 'ratio', '');
}

export function renderSimulateJson(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): string {
  const names = statNames(options);
  const metrics = outputs.map((output) => ({
    table: output.line.table,
    metric: output.line.metric,
    key: output.line.key,
    year: output.year,
    ...Object.fromEntries(
      statValues(output, options).map((value, i) => [names[i]!, machine(value, output, options.unit)]),
    ),
  }));
  const where = (output: SimulatedOutput) => ({
    table: output.line.table,
    metric: output.line.metric,
    key: output.line.key,
    year: output.year,
  });
  const exceed = outputs.flatMap((output) =>
    (output.stats.exceed ?? []).map(({ threshold, probability, low, high }) => ({
      ...where(output),
      threshold: machine(decimal(threshold), output, options.unit),
      probability: machineProbability(probability),
      low: machineProbability(low),
      high: machineProbability(high),
    })),
  );
  const contributions = outputs
    .filter((output) => output.stats.contributions)
    .map((output) => ({
      ...where(output),
      inputs: ranked(output, options).map(({ input, index }) => ({ input, index: machineProbability(index) })),
    }));
  const document = {
    format: SIMULATE_FORMAT,
    scenario: options.scenario,
    unit: options.unit,
    samples: options.samples,
    seed: options.seed,
    dist: options.dist,
    percentiles: options.percentiles,
    ...(options.precision && { precision: options.precision }),
    metrics,
    ...(exceed.length > 0 && { exceed }),
    ...(contributions.length > 0 && { contributions }),
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
  const row = (output: SimulatedOutput, stat: string, value: string | null, unit: string) => [
    options.scenario,
    output.line.table,
    output.line.metric,
    output.line.key,
    output.year,
    stat,
    value ?? '',
    unit,
  ];
  const exceedRows = outputs.flatMap((output) =>
    (output.stats.exceed ?? []).flatMap(({ threshold, probability, low, high }) => {
      const stat = `P>${machine(decimal(threshold), output, options.unit)}`;
      return [
        row(output, stat, machineProbability(probability), 'ratio'),
        row(output, `${stat}:low95`, machineProbability(low), 'ratio'),
        row(output, `${stat}:high95`, machineProbability(high), 'ratio'),
      ];
    }),
  );
  const contributionRows = outputs.flatMap((output) =>
    ranked(output, options).map(({ input, index }) =>
      row(output, `contrib:${input}`, machineProbability(index), 'ratio'),
    ),
  );
  const stamp = options.stamp ? stampComment(options.stamp, 'csv') : '';
  return (
    stamp +
    csvText([
      ['scenario', 'table', 'metric', 'key', 'year', 'stat', 'value', 'unit'],
      ...rows,
      ...exceedRows,
      ...contributionRows,
    ])
  );
}
