// `simulate -f xlsx`: the simulation as values (its statistics are of float
// samples: there is no formula to recompute them from the inputs). Sheets:
// Statistics (per metric, key and year: samples, mean, sd, min, max, the
// percentiles, and with --se their standard errors), Histograms (bins and
// counts), --exceed and --contrib when asked, Samples (the draws and --metric
// values, when there are at most MAX_SHEET_SAMPLES), and the Stamp.
import type { Chunk } from '../../engine/simulate/simulate.js';
import type { ValueKind } from '../../engine/analysis/lines.js';
import { Decimal } from '../../shared/decimal.js';
import { lineLabel, say, text, type Lang } from '../labels.js';
import { machineValue } from '../numbers.js';
import { samplesHeader, type SamplesColumns } from '../samples.js';
import { decimal, type SimulatedOutput, type SimulateRenderOptions } from '../simulate.js';
import { labelCell, widthsOf } from './cells.js';
import { HEADER_ROWS } from './inputs.js';
import type { Cell, NumberRows, Sheet, Workbook } from './model.js';
import { amountFormat, stampSheet } from './stamp.js';

/** The most samples a Samples sheet holds; more go to --samples-file only (10⁶ rows open slowly, if at all). */
export const MAX_SHEET_SAMPLES = 100_000;

/** The samples for the Samples sheet: its header and rows, or undefined when there were too many. */
export interface SampleColumns {
  readonly header: readonly string[];
  readonly rows: NumberRows | undefined;
}

export interface SimulateWorkbookInput {
  readonly outputs: readonly SimulatedOutput[];
  readonly samples: SampleColumns;
  /** --samples-file, where the samples went when a sheet could not hold them. */
  readonly samplesFile: string | undefined;
}

/** Words of these sheets only. */
const WORDS = {
  statistics: { en: 'Statistics', zh: '统计' },
  histograms: { en: 'Histograms', zh: '直方图' },
  exceed: { en: 'Exceedance', zh: '超过概率' },
  contributions: { en: 'Contributions', zh: '方差贡献' },
  samples: { en: 'Samples', zh: '样本' },
  label: { en: 'Label', zh: '名称' },
  sd: { en: 'sd', zh: '标准差' },
  from: { en: 'from', zh: '下限' },
  to: { en: 'to', zh: '上限' },
  threshold: { en: 'threshold', zh: '阈值' },
  probability: { en: 'P(exceed)', zh: '超过概率' },
  low: { en: '95% low', zh: '95% 下限' },
  high: { en: '95% high', zh: '95% 上限' },
  values: {
    en: 'Values, not formulas: the statistics are of float64 samples, which no formula of the inputs recomputes.',
    zh: '此工作簿为数值而非公式：统计量来自 float64 抽样，无法由输入的公式重算。',
  },
} as const;

function word(key: keyof typeof WORDS, lang: Lang): string {
  return WORDS[key][lang];
}

/** Collects the rows of the Samples sheet from the chunks of samples, up to MAX_SHEET_SAMPLES. */
export function sampleCollector(
  columns: SamplesColumns,
  samples: number,
): { collect: (chunk: Chunk) => void; columns: () => SampleColumns } {
  const header = samplesHeader(columns).trimEnd().split(',');
  const width = header.length;
  let values: Float64Array | undefined = samples <= MAX_SHEET_SAMPLES ? new Float64Array(samples * width) : undefined;
  let drawn = 0;
  return {
    collect: (chunk) => {
      if (values === undefined) return;
      if (chunk.start + chunk.length > samples) {
        values = undefined;
        return;
      }
      const metrics = columns.metrics.map(({ value }) => (value === null ? undefined : chunk.valueOf(value)));
      for (let i = 0; i < chunk.length; i++) {
        const row = (chunk.start + i) * width;
        values[row] = chunk.start + i;
        columns.inputs.forEach((path, k) => (values![row + 1 + k] = chunk.draws.get(path)![i]!));
        metrics.forEach((samples, k) => {
          const value = typeof samples === 'number' ? samples : samples === undefined ? NaN : samples[i]!;
          values![row + 1 + columns.inputs.length + k] = value;
        });
      }
      drawn = chunk.start + chunk.length;
    },
    columns: () => ({ header, rows: values && { columns: width, values: values.subarray(0, drawn * width) } }),
  };
}

export function simulateWorkbook(input: SimulateWorkbookInput, options: SimulateRenderOptions): Workbook {
  const { lang } = options;
  const sheets = [statisticsSheet(input.outputs, options), histogramSheet(input.outputs, options)];
  if (input.outputs.some((output) => output.stats.exceed?.length)) sheets.push(exceedSheet(input.outputs, options));
  if (input.outputs.some((output) => output.stats.contributions)) {
    sheets.push(contributionSheet(input.outputs, options));
  }
  sheets.push(samplesSheet(input, options));
  const context = [say.samples(lang, options.samples), say.seed(lang, options.seed), text(options.dist, lang)]
    .join(', ');
  const notes = [word('values', lang), `${options.scenario}: ${context}`];
  if (options.precision) {
    const target = `${machineValue(new Decimal(options.precision.target).times(100), 'ratio', '')}%`;
    notes.push(say.precisionReached(lang, target, options.samples, options.precision.reached));
  }
  sheets.push(stampSheet([options.stamp], undefined, lang, notes));
  return { sheets, names: [], amountFormat: amountFormat(options.unit), title: `${options.title} — ${context}` };
}

/** An output's address, as --metric takes it: market.marketSize.2023. */
function addressOf(output: SimulatedOutput): string {
  const { table, group, key, metric } = output.line;
  return `${[table, group, key, metric].filter(Boolean).join('.')}.${output.year}`;
}

/** A float statistic in the output unit, or an empty cell where it is not a number. */
function statCell(value: number, kind: ValueKind, unit: string): Cell | undefined {
  const shown = decimal(value);
  return shown === null ? undefined : { kind: 'number', value: machineValue(shown, kind, unit), style: kind };
}

function header(names: readonly string[]): Cell[] {
  return names.map((name) => labelCell(name, 'header'));
}

function sheetOf(name: string, title: string, head: readonly string[], body: (Cell | undefined)[][]): Sheet {
  const rows = [[labelCell(title, 'title')], header(head), ...body];
  return { name, rows, widths: widthsOf(rows, { 0: 50 }), frozen: { rows: HEADER_ROWS, columns: 1 } };
}

/** The headers of metricCells. */
function metricHeaders(lang: Lang): string[] {
  return [text('metricHeader', lang), word('label', lang), text('yearHeader', lang)];
}

/** The metric's address, label and year: the first columns of each sheet. */
function metricCells(output: SimulatedOutput, lang: Lang): Cell[] {
  return [labelCell(addressOf(output)), labelCell(lineLabel(output.line, lang)), labelCell(output.year)];
}

function statisticsSheet(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): Sheet {
  const { lang, unit } = options;
  const head = [
    ...metricHeaders(lang),
    text('sampleCount', lang),
    text('mean', lang),
    word('sd', lang),
    text('min', lang),
    text('max', lang),
    ...options.percentiles.map((p) => `p${p}`),
    ...(options.errors ? [text('meanError', lang), text('medianError', lang)] : []),
  ];
  const rows = outputs.map((output) => {
    const { stats } = output;
    const kind = output.line.kind;
    // The mean's standard error is sd/√n, so sd is it times √n (the sample sd, n − 1 in its denominator).
    const sd = stats.errors ? stats.errors.mean * Math.sqrt(stats.count) : NaN;
    return [
      ...metricCells(output, lang),
      { kind: 'number', value: String(stats.count), style: 'count' } as const,
      statCell(stats.mean, kind, unit),
      statCell(sd, kind, unit),
      statCell(stats.min, kind, unit),
      statCell(stats.max, kind, unit),
      ...stats.percentiles.map((value) => statCell(value, kind, unit)),
      ...(options.errors
        ? [statCell(stats.errors?.mean ?? NaN, kind, unit), statCell(stats.errors?.p50 ?? NaN, kind, unit)]
        : []),
    ];
  });
  const title = `${options.title}${unitNote(unit, lang)}`;
  return sheetOf(word('statistics', lang), title, head, rows);
}

function unitNote(unit: string, lang: Lang): string {
  return lang === 'zh' ? `（${unit}）` : ` (${unit})`;
}

/** Per metric with a histogram: a row per bin, its bounds and count (bins of equal width between min and max). */
function histogramSheet(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): Sheet {
  const { lang, unit } = options;
  const rows: (Cell | undefined)[][] = [];
  for (const output of outputs) {
    const counts = output.stats.histogram;
    if (!counts || output.stats.count === 0) continue;
    const { min, max } = output.stats;
    const edge = (i: number) => min + ((max - min) * i) / counts.length;
    counts.forEach((count, i) => {
      const kind = output.line.kind;
      const bin = [statCell(edge(i), kind, unit), statCell(edge(i + 1), kind, unit)];
      rows.push([...metricCells(output, lang), ...bin, { kind: 'number', value: String(count), style: 'count' }]);
    });
  }
  const head = [...metricHeaders(lang), word('from', lang), word('to', lang), text('sampleCount', lang)];
  return sheetOf(word('histograms', lang), `${word('histograms', lang)}${unitNote(unit, lang)}`, head, rows);
}

function probabilityCell(value: number): Cell | undefined {
  return statCell(value, 'ratio', '');
}

function exceedSheet(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): Sheet {
  const { lang, unit } = options;
  const rows = outputs.flatMap((output) =>
    (output.stats.exceed ?? []).map(({ threshold, probability, low, high }) => [
      ...metricCells(output, lang),
      statCell(threshold, output.line.kind, unit),
      probabilityCell(probability),
      probabilityCell(low),
      probabilityCell(high),
    ]),
  );
  const head = [
    ...metricHeaders(lang),
    word('threshold', lang),
    word('probability', lang),
    word('low', lang),
    word('high', lang),
  ];
  return sheetOf(word('exceed', lang), `${word('exceed', lang)}${unitNote(unit, lang)}`, head, rows);
}

/** Each input's share of a metric's variance, the largest first (by path among equals). */
function contributionSheet(outputs: readonly SimulatedOutput[], options: SimulateRenderOptions): Sheet {
  const { lang } = options;
  const inputs = options.inputs ?? [];
  const rows = outputs.flatMap((output) =>
    (output.stats.contributions ?? [])
      .map((index, k) => ({ input: inputs[k]!, index }))
      .sort((a, b) => b.index - a.index || (a.input < b.input ? -1 : 1))
      .map(({ input, index }) => [...metricCells(output, lang), labelCell(input), probabilityCell(index)]),
  );
  const head = [...metricHeaders(lang), text('input', lang), text('varianceShare', lang)];
  return sheetOf(word('contributions', lang), word('contributions', lang), head, rows);
}

/** The samples (a row each), or why they are not here and where they are. */
function samplesSheet({ samples, samplesFile }: SimulateWorkbookInput, options: SimulateRenderOptions): Sheet {
  const { lang } = options;
  const name = word('samples', lang);
  const title = samplesTitle(options.samples, samples.rows !== undefined, samplesFile, lang);
  const rows = [[labelCell(title, 'title')], header(samples.header)];
  return {
    name,
    rows,
    widths: widthsOf(rows, {}, 1).map((width) => Math.min(width, 30)),
    frozen: { rows: HEADER_ROWS, columns: 1 },
    ...(samples.rows && { numbers: samples.rows }),
  };
}

function samplesTitle(samples: number, here: boolean, file: string | undefined, lang: Lang): string {
  const limit = MAX_SHEET_SAMPLES.toLocaleString('en');
  if (lang === 'zh') {
    if (here) return `${samples} 次抽样：各输入的抽样分位数 q，及 --metric 指标的值`;
    const where = file === undefined ? '用 --samples-file FILE.csv 写出全部样本' : `全部样本已写入 ${file}`;
    return `${samples} 次抽样超过本表可容纳的 ${limit} 行：${where}`;
  }
  if (here) return `${samples} samples: the quantile q drawn for each ranged input, and the values of each --metric`;
  const where = file === undefined ? 'write them all with --samples-file FILE.csv' : `they are all in ${file}`;
  return `${samples} samples are more than the ${limit} rows this sheet holds: ${where}`;
}
