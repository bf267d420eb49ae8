// diff output (SPEC §4, §5): the changes between two forecasts as a table, JSON
// (fintech-calc/diff@1), CSV or Markdown, and a one-line summary.
import type { Change, Comparison } from '../engine/diff.js';
import { address } from '../engine/lines.js';
import { csvText } from './csv.js';
import { markdownTable } from './md.js';
import { caseName, type Lang } from './labels.js';
import { displayValue, machineValue } from './numbers.js';
import type { Style } from './style.js';
import { drawTable } from './table.js';
import { Decimal } from '../decimal.js';

export const DIFF_FORMAT = 'fintech-calc/diff@1';

export interface DiffRenderOptions {
  readonly unit: string;
  readonly lang: Lang;
  readonly style: Style;
  /** The two scenarios as the user named them. */
  readonly a: string;
  readonly b: string;
}

export function diffSummary({ changes, compared }: Comparison): string {
  if (changes.length === 0) return `no differences (${compared} values compared)`;
  return `${changes.length} difference${changes.length === 1 ? '' : 's'} (${compared} values compared)`;
}

function machine(value: Decimal | null, change: Change, unit: string): string | null {
  return value === null ? null : machineValue(value, change.kind, unit);
}

export function renderDiffJson(comparison: Comparison, { unit }: DiffRenderOptions): string {
  const changes = comparison.changes.map((change) => ({
    case: change.case,
    table: change.table,
    metric: change.metric,
    key: change.key,
    year: change.year,
    a: machine(change.a, change, unit),
    b: machine(change.b, change, unit),
    delta: machine(change.delta, change, unit),
    relative: change.relative === null ? null : machineValue(change.relative, 'ratio', unit),
  }));
  return `${JSON.stringify({ format: DIFF_FORMAT, changes })}\n`;
}

export function renderDiffCsv(comparison: Comparison, { unit }: DiffRenderOptions): string {
  const rows = comparison.changes.map((change) => [
    change.case,
    change.table,
    change.metric,
    change.key,
    change.year,
    machine(change.a, change, unit) ?? '',
    machine(change.b, change, unit) ?? '',
    machine(change.delta, change, unit) ?? '',
    change.relative === null ? '' : machineValue(change.relative, 'ratio', unit),
    change.kind === 'amount' ? unit : 'ratio',
  ]);
  return csvText([['case', 'table', 'metric', 'key', 'year', 'a', 'b', 'delta', 'relative', 'unit'], ...rows]);
}

const HUNDRED = new Decimal(100);

function signed(text: string, value: Decimal): string {
  return value.isPositive() && !value.isZero() ? `+${text}` : text;
}

/** The cells of one change, formatted for people. */
function cells(change: Change, unit: string, multipleCases: boolean, lang: Lang): string[] {
  const show = (value: Decimal | null) => (value === null ? '—' : displayValue(value, change.kind, unit));
  let delta: string;
  if (change.a === null) delta = lang === 'zh' ? '新增' : 'added';
  else if (change.b === null) delta = lang === 'zh' ? '删除' : 'removed';
  else if (change.kind === 'ratio') delta = signed(`${change.delta!.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)} pp`, change.delta!);
  else delta = signed(displayValue(change.delta!, change.kind, unit), change.delta!);
  const relative = change.relative === null ? '' : signed(`${change.relative.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)}%`, change.relative);
  const metric = address(change);
  return [...(multipleCases ? [caseName(change.case, lang)] : []), metric, change.year, show(change.a), show(change.b), delta, relative];
}

function header(multipleCases: boolean, lang: Lang, { a, b }: DiffRenderOptions): string[] {
  const zh = lang === 'zh';
  return [...(multipleCases ? [zh ? '情景' : 'Case'] : []), zh ? '指标' : 'Metric', zh ? '年份' : 'Year', a, b, 'Δ', 'Δ%'];
}

function title(options: DiffRenderOptions): string {
  return options.lang === 'zh' ? `差异：${options.a} → ${options.b}（${options.unit}）` : `Differences: ${options.a} → ${options.b} (${options.unit})`;
}

export function renderDiffTable(comparison: Comparison, options: DiffRenderOptions): string {
  const { style } = options;
  const summary = diffSummary(comparison);
  if (comparison.changes.length === 0) return `${summary}\n`;
  const multipleCases = new Set(comparison.changes.map((change) => change.case)).size > 1;
  const rows = comparison.changes.map((change) => {
    const row = cells(change, options.unit, multipleCases, options.lang);
    const colour = change.delta === null ? style.bold : change.delta.isNegative() ? style.red : style.green;
    return row.map((cell, i) => (i >= row.length - 2 ? colour(cell) : cell));
  });
  const table = drawTable({ header: header(multipleCases, options.lang, options), rows }, style.bold, multipleCases ? 3 : 2);
  return `${style.bold(title(options))}\n${table}${summary}\n`;
}

export function renderDiffMarkdown(comparison: Comparison, options: DiffRenderOptions): string {
  const summary = diffSummary(comparison);
  if (comparison.changes.length === 0) return `${summary}\n`;
  const multipleCases = new Set(comparison.changes.map((change) => change.case)).size > 1;
  const head = header(multipleCases, options.lang, options);
  const rows = comparison.changes.map((change) => cells(change, options.unit, multipleCases, options.lang));
  return `### ${title(options)}\n\n${markdownTable(head, rows, multipleCases ? 3 : 2)}\n${summary}\n`;
}
