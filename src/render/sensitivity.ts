// sensitivity output: a table sorted by swing and a terminal tornado chart.
import type { Decimal } from '../shared/decimal.js';
import type { SensitivityResult } from '../engine/analysis/sensitivity.js';
import type { ValueKind } from '../engine/analysis/lines.js';
import { csvText } from './csv.js';
import { say, text, type Lang } from './labels.js';
import { visible } from './escape.js';
import { markdownTable } from './md.js';
import { displayValue, machineValue } from './numbers.js';
import type { Style } from './style.js';
import { drawTable } from './table.js';
import { displayWidth } from './width.js';

export const SENSITIVITY_FORMAT = 'fintech-calc/sensitivity@1';

export interface SensitivityRenderOptions {
  readonly unit: string;
  readonly metric: string;
  readonly kind: ValueKind;
  readonly scenario: string;
  readonly lang: Lang;
  readonly style: Style;
}

const BAR = 24;

export function header({ lang, metric }: Pick<SensitivityRenderOptions, 'lang' | 'metric'>): string[] {
  return [
    text('inputHeader', lang),
    text('variedHeader', lang),
    say.atLow(lang, metric),
    say.atHigh(lang),
    text('swingHeader', lang),
  ];
}

export function rows(
  result: SensitivityResult,
  { unit, kind, lang }: Pick<SensitivityRenderOptions, 'unit' | 'kind' | 'lang'>,
): string[][] {
  return result.inputs.map((entry) => [
    entry.input,
    text(entry.how === 'range' ? 'itsRange' : 'plusMinusSwing', lang),
    displayValue(entry.low, kind, unit),
    displayValue(entry.high, kind, unit),
    displayValue(entry.swing, kind, unit),
  ]);
}

function title(result: SensitivityResult, options: SensitivityRenderOptions): string {
  const unit = options.kind === 'amount' ? options.unit : undefined;
  return say.sensitivityTitle(
    options.lang,
    options.metric,
    unit,
    options.scenario,
    displayValue(result.base, options.kind, options.unit),
  );
}

/** Bars around the base value: left for the lower outcome, right for the higher, one scale for all. */
export function tornado(result: SensitivityResult, options: SensitivityRenderOptions): string {
  const { base } = result;
  const reach = result.inputs.reduce(
    (max, entry) =>
      [entry.low, entry.high].reduce((m, v) => (v.minus(base).abs().greaterThan(m) ? v.minus(base).abs() : m), max),
    base.minus(base),
  );
  const labelWidth = Math.max(0, ...result.inputs.map((entry) => displayWidth(visible(entry.input))));
  const length = (value: typeof base) =>
    reach.isZero() ? 0 : Math.round(value.minus(base).abs().dividedBy(reach).times(BAR).toNumber());
  return result.inputs
    .map((entry) => {
      const lower = entry.low.lessThan(entry.high) ? entry.low : entry.high;
      const upper = entry.low.lessThan(entry.high) ? entry.high : entry.low;
      const left = lower.lessThan(base) ? length(lower) : 0;
      const right = upper.greaterThan(base) ? length(upper) : 0;
      const bar =
        ' '.repeat(BAR - left) +
        `${options.style.red('█'.repeat(left))}│${options.style.green('█'.repeat(right))}` +
        ' '.repeat(BAR - right);
      const label = visible(entry.input) + ' '.repeat(labelWidth - displayWidth(visible(entry.input)));
      const shown = (value: Decimal) => displayValue(value, options.kind, options.unit);
      return `${label}  ${shown(lower).padStart(12)} ${bar} ${shown(upper)}`;
    })
    .join('\n');
}

export function renderSensitivityTable(result: SensitivityResult, options: SensitivityRenderOptions): string {
  if (result.inputs.length === 0) return `${visible(title(result, options))}\n${say.noRange(options.lang)}\n`;
  const table = drawTable(
    { header: header(options), rows: rows(result, options) },
    { emphasis: options.style.bold, leftColumns: 2 },
  );
  return `${options.style.bold(visible(title(result, options)))}\n${table}\n${tornado(result, options)}\n`;
}

export function renderSensitivityMarkdown(result: SensitivityResult, options: SensitivityRenderOptions): string {
  return `### ${visible(title(result, options))}\n\n${markdownTable(header(options), rows(result, options), 2)}`;
}

export function renderSensitivityJson(
  result: SensitivityResult,
  { unit, kind, metric, scenario }: SensitivityRenderOptions,
): string {
  const value = (v: typeof result.base) => machineValue(v, kind, unit);
  return `${JSON.stringify({
    format: SENSITIVITY_FORMAT,
    scenario,
    metric,
    unit,
    base: value(result.base),
    inputs: result.inputs.map((entry) => ({
      input: entry.input,
      how: entry.how,
      low: value(entry.low),
      high: value(entry.high),
      swing: value(entry.swing),
    })),
  })}\n`;
}

export function renderSensitivityCsv(
  result: SensitivityResult,
  { unit, kind, metric, scenario }: SensitivityRenderOptions,
): string {
  const value = (v: typeof result.base) => machineValue(v, kind, unit);
  return csvText([
    ['scenario', 'metric', 'input', 'how', 'base', 'low', 'high', 'swing', 'unit'],
    ...result.inputs.map((entry) => [
      scenario,
      metric,
      entry.input,
      entry.how,
      value(result.base),
      value(entry.low),
      value(entry.high),
      value(entry.swing),
      kind === 'amount' ? unit : 'ratio',
    ]),
  ]);
}
