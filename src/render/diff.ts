// diff output (SPEC §4, §5): the changes between two forecasts as a table, JSON
// (fintech-calc/diff@1), CSV or Markdown (a comment ready for a pull request),
// with the attribution of each change and the fail rules that fired.
import { Decimal } from '../decimal.js';
import type { Attribution, AttributionResult } from '../engine/attribution.js';
import { identityOf, type Change, type Comparison } from '../engine/diff.js';
import type { Tolerance } from '../engine/diff.js';
import type { ValueKind } from '../engine/lines.js';
import { changeAddress, type FailRule, type Firing } from '../engine/rules.js';
import type { Case } from '../engine/types.js';
import { csvText } from './csv.js';
import { caseName, type Lang } from './labels.js';
import { markdownTable } from './md.js';
import { displayValue, machineValue } from './numbers.js';
import { stampComment } from './stamp.js';
import type { Style } from './style.js';
import { drawTable } from './table.js';

export const DIFF_FORMAT = 'fintech-calc/diff@1';

/** An input that differs between the scenarios, with what each side says of it. */
export interface ChangedInput {
  readonly path: string;
  readonly kind: ValueKind;
  readonly sourcesA: readonly string[];
  readonly sourcesB: readonly string[];
}

/** A fail rule with the number of values it checks (at least one). */
export interface CheckedRule extends FailRule {
  readonly checked: number;
}

export interface DiffReport {
  readonly comparison: Comparison;
  readonly attribution?: AttributionResult;
  /** An input's value in one scenario, case and year, for the contributions. */
  readonly inputAt?: (path: string, side: 'a' | 'b', c: Case, year: string) => { value: Decimal; kind: ValueKind } | undefined;
  readonly changedInputs?: readonly ChangedInput[];
  readonly rules: readonly CheckedRule[];
  readonly fired: readonly Firing[];
  readonly stamp?: object;
}

export interface DiffRenderOptions {
  readonly unit: string;
  readonly lang: Lang;
  readonly style: Style;
  /** The two scenarios as the user named them. */
  readonly a: string;
  readonly b: string;
}

/** Rows in the Markdown comment's top table and in its details, before the rest is counted. */
const TOP_CHANGES = 10;
const DETAIL_ROWS = 300;
const HUNDRED = new Decimal(100);

export function diffSummary({ changes, compared, tolerance }: Comparison, unit: string): string {
  const beyond = tolerance === undefined ? '' : ` beyond the tolerance ${thresholdText(tolerance, unit)}`;
  const count = changes.length === 0 ? 'no differences' : `${changes.length} difference${changes.length === 1 ? '' : 's'}`;
  return `${count}${beyond} (${compared} values compared)`;
}

/** A threshold as the user can read it back: `5%`, or an amount in the output unit with the unit. */
export function thresholdText(threshold: Tolerance, unit: string): string {
  return threshold.kind === 'relative' ? `${machineValue(threshold.fraction.times(HUNDRED), 'ratio', unit)}%` : `${machineValue(threshold.amount, 'amount', unit)} ${unit}`;
}

/** A rule as written, with its amount threshold in the output unit (a bare number is read in it). */
function ruleText(rule: FailRule, unit: string): string {
  return rule.threshold.kind === 'absolute' ? `'${rule.text}' (|Δ| > ${thresholdText(rule.threshold, unit)})` : `'${rule.text}'`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Each rule as written, with how many values it checked. */
function rulesChecked(report: DiffReport, unit: string): string[] {
  return report.rules.map((rule) => `${ruleText(rule, unit)} checked ${plural(rule.checked, 'value')}`);
}

/** The firings, then what each rule checked. */
function firedSummary(report: DiffReport, unit: string, lang: Lang): string[] {
  if (report.rules.length === 0) return [];
  const checked = rulesChecked(report, unit);
  if (report.fired.length === 0) return [`no fail rule fired: ${checked.join('; ')}`];
  const fired = report.fired.map(({ rule, change }) => `rule ${ruleText(rule, unit)} fired: ${changeAddress(change)} (${change.case}) ${movedText(change, rule, unit, lang)}`);
  const firedOn = (rule: FailRule) => report.fired.filter((firing) => firing.rule === rule).length;
  return [...fired, `fail rules: ${report.rules.map((rule, i) => `${checked[i]}, fired on ${firedOn(rule)}`).join('; ')}`];
}

/** How a value moved, as the rule measures it: Δ% for a relative rule, Δ in the output unit (and Δ%) for an amount. */
function movedText(change: Change, rule: FailRule, unit: string, lang: Lang): string {
  const relative = relativeText(change);
  if (change.delta === null || (rule.threshold.kind === 'relative' && relative !== '')) return relative || deltaText(change, unit, lang);
  const delta = `${deltaText(change, unit, lang)}${change.kind === 'amount' ? ` ${unit}` : ''}`;
  return relative === '' ? delta : `${delta} (${relative})`;
}

function machine(value: Decimal | null, kind: ValueKind, unit: string): string | null {
  return value === null ? null : machineValue(value, kind, unit);
}

/** + for a rise, - for a fall, and no sign for what shows as 0 (a residual of 1e-35 is not +0.0). */
function signed(text: string, value: Decimal): string {
  if (!showsNonZero(text)) return text.replace(/^-/, '');
  return value.isPositive() && !value.isZero() ? `+${text}` : text;
}

function showsNonZero(text: string): boolean {
  return /[1-9]/.test(text);
}

function relativeText(change: Change): string {
  return change.relative === null ? '' : signed(`${change.relative.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)}%`, change.relative);
}

/** A change of a ratio in percentage points, of an amount in the output unit. */
function changeText(value: Decimal, kind: ValueKind, unit: string): string {
  return signed(kind === 'ratio' ? `${value.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)} pp` : displayValue(value, kind, unit), value);
}

function deltaText(change: Change, unit: string, lang: Lang): string {
  if (change.a === null) return lang === 'zh' ? '新增' : 'added';
  if (change.b === null) return lang === 'zh' ? '删除' : 'removed';
  return changeText(change.delta!, change.kind, unit);
}

function attributionOf(report: DiffReport, change: Change): Attribution | undefined {
  return report.attribution?.byChange.get(identityOf(change));
}

/**
 * "+4,500.0 receivables.penetration, -117.0 operatingCost" (largest first), with
 * the residual; a part that shows as 0 to the digits shown is left out.
 */
function attributionText(report: DiffReport, change: Change, unit: string): string {
  const attribution = attributionOf(report, change);
  if (!attribution) return '';
  const parts = [...attribution.contributions]
    .sort((x, y) => y.delta.abs().comparedTo(x.delta.abs()))
    .map((part) => ({ text: changeText(part.delta, change.kind, unit), name: part.player.name }));
  parts.push({ text: changeText(attribution.residual, change.kind, unit), name: 'residual' });
  return parts
    .filter((part) => showsNonZero(part.text))
    .map((part) => `${part.text} ${part.name}`)
    .join(', ');
}

function cells(change: Change, report: DiffReport, unit: string, multipleCases: boolean, lang: Lang): string[] {
  const show = (value: Decimal | null) => (value === null ? '—' : displayValue(value, change.kind, unit));
  const row = [...(multipleCases ? [caseName(change.case, lang)] : []), changeAddress(change).replace(/\.[^.]+$/, ''), change.year, show(change.a), show(change.b), deltaText(change, unit, lang), relativeText(change)];
  return report.attribution ? [...row, attributionText(report, change, unit)] : row;
}

function header(report: DiffReport, multipleCases: boolean, lang: Lang, { a, b }: DiffRenderOptions): string[] {
  const zh = lang === 'zh';
  const head = [...(multipleCases ? [zh ? '情景' : 'Case'] : []), zh ? '指标' : 'Metric', zh ? '年份' : 'Year', a, b, 'Δ', 'Δ%'];
  return report.attribution ? [...head, zh ? '归因' : 'Attribution'] : head;
}

function title(options: DiffRenderOptions): string {
  return options.lang === 'zh' ? `差异：${options.a} → ${options.b}（${options.unit}）` : `Differences: ${options.a} → ${options.b} (${options.unit})`;
}

function notes(report: DiffReport): string[] {
  const attribution = report.attribution;
  if (!attribution) return [];
  if (attribution.unattributable) return [`not attributed: ${attribution.unattributable}`];
  const how = 'attribution: Shapley values over the changed inputs (each input’s average effect over every order of switching from a to b)';
  return attribution.grouped ? [`${how}; more than 10 inputs changed, so they are grouped by model`] : [how];
}

export function renderDiffTable(comparison: Comparison, report: DiffReport, options: DiffRenderOptions): string {
  const { style } = options;
  const trailer = [...notes(report), ...firedSummary(report, options.unit, options.lang), diffSummary(comparison, options.unit)].map((line) => `${line}\n`).join('');
  if (comparison.changes.length === 0) return trailer;
  const multipleCases = new Set(comparison.changes.map((change) => change.case)).size > 1;
  const left = multipleCases ? 3 : 2;
  const rows = comparison.changes.map((change) => {
    const row = cells(change, report, options.unit, multipleCases, options.lang);
    const colour = change.delta === null ? style.bold : change.delta.isNegative() ? style.red : style.green;
    return row.map((cell, i) => (i >= left + 3 && i < left + 5 ? colour(cell) : cell));
  });
  const table = drawTable({ header: header(report, multipleCases, options.lang, options), rows }, style.bold, left);
  return `${style.bold(title(options))}\n${table}${trailer}`;
}

/** A comment for a pull request: verdict, top changes, their attribution, the inputs that changed, everything in <details>. */
export function renderDiffMarkdown(comparison: Comparison, report: DiffReport, options: DiffRenderOptions): string {
  const { changes } = comparison;
  const stamp = report.stamp ? `\n${stampComment(report.stamp, 'md')}` : '';
  const verdict =
    report.rules.length > 0
      ? report.fired.length > 0
        ? `**Fails**: ${new Set(report.fired.map((firing) => firing.rule.text)).size} of ${report.rules.length} fail rule(s) fired on ${report.fired.length} value(s); ${diffSummary(comparison, options.unit)}.`
        : `**Passes**: no fail rule fired (${rulesChecked(report, options.unit).join('; ')}); ${diffSummary(comparison, options.unit)}.`
      : changes.length > 0
        ? `**Forecast moved**: ${diffSummary(comparison, options.unit)}.`
        : `**No change**: ${diffSummary(comparison, options.unit)}.`;
  const parts = [`### ${title(options)}`, '', verdict, ''];
  if (changes.length === 0) return `${parts.join('\n')}${stamp}`;
  const multipleCases = new Set(changes.map((change) => change.case)).size > 1;
  const left = multipleCases ? 3 : 2;
  const head = header(report, multipleCases, options.lang, options);
  // The largest relative moves first; added and removed values after them.
  const ranked = [...changes].sort((x, y) => (y.relative?.abs() ?? new Decimal(-1)).comparedTo(x.relative?.abs() ?? new Decimal(-1)));
  const top = ranked.slice(0, TOP_CHANGES);
  parts.push(`**Top changes** (largest Δ% first)`, '', markdownTable(head, top.map((change) => cells(change, report, options.unit, multipleCases, options.lang)), left).trimEnd());
  if (ranked.length > top.length) parts.push('', `… and ${ranked.length - top.length} more in the details below.`);
  const fired = firedSummary(report, options.unit, options.lang);
  if (fired.length > 0) parts.push('', ...fired.map((line) => `- ${line}`));
  for (const note of notes(report)) parts.push('', `_${note}_`);
  if (report.changedInputs && report.changedInputs.length > 0) {
    parts.push('', '**Inputs that changed**', '');
    for (const input of report.changedInputs) {
      const said = (side: string, sources: readonly string[]) => (sources.length === 0 ? '' : ` ${side}: ${sources.map((text) => `“${text}”`).join('; ')}`);
      parts.push(`- \`${input.path}\`${said(options.a, input.sourcesA)}${said(options.b, input.sourcesB)}`);
    }
  }
  const detail = changes.slice(0, DETAIL_ROWS).map((change) => cells(change, report, options.unit, multipleCases, options.lang));
  parts.push('', `<details><summary>All ${changes.length} changes</summary>`, '', markdownTable(head, detail, left).trimEnd());
  if (changes.length > DETAIL_ROWS) parts.push('', `… ${changes.length - DETAIL_ROWS} more not shown; \`--format csv\` lists them all.`);
  parts.push('', '</details>', '');
  return `${parts.join('\n')}${stamp}`;
}

export function renderDiffJson(comparison: Comparison, report: DiffReport, { unit }: DiffRenderOptions): string {
  const changes = comparison.changes.map((change) => {
    const attribution = attributionOf(report, change);
    return {
      case: change.case,
      table: change.table,
      metric: change.metric,
      key: change.key,
      year: change.year,
      a: machine(change.a, change.kind, unit),
      b: machine(change.b, change.kind, unit),
      delta: machine(change.delta, change.kind, unit),
      relative: change.relative === null ? null : machineValue(change.relative, 'ratio', unit),
      ...(attribution && {
        contributions: attribution.contributions.map((part) => {
          const single = part.player.paths.length === 1 ? part.player.paths[0]! : undefined;
          const at = (side: 'a' | 'b') => {
            const input = single === undefined ? undefined : report.inputAt?.(single, side, change.case, change.year);
            return input ? machineValue(input.value, input.kind, unit) : null;
          };
          return { input: part.player.name, a: at('a'), b: at('b'), delta: machineValue(part.delta, change.kind, unit) };
        }),
        residual: machineValue(attribution.residual, change.kind, unit),
      }),
    };
  });
  const attribution = report.attribution && {
    method: 'shapley',
    inputs: report.attribution.players.map((player) => player.name),
    grouped: report.attribution.grouped,
    ...(report.attribution.unattributable && { unattributable: report.attribution.unattributable }),
  };
  const rules = report.rules.length > 0 && {
    rules: report.rules.map((rule) => rule.text),
    fired: report.fired.map(({ rule, change }) => ({ rule: rule.text, case: change.case, metric: changeAddress(change) })),
  };
  return `${JSON.stringify({ format: DIFF_FORMAT, changes, ...(attribution && { attribution }), ...rules, ...(report.stamp && { stamp: report.stamp }) })}\n`;
}

export function renderDiffCsv(comparison: Comparison, report: DiffReport, { unit }: DiffRenderOptions): string {
  const withAttribution = report.attribution !== undefined;
  const rows = comparison.changes.map((change) => {
    const row = [
      change.case,
      change.table,
      change.metric,
      change.key,
      change.year,
      machine(change.a, change.kind, unit) ?? '',
      machine(change.b, change.kind, unit) ?? '',
      machine(change.delta, change.kind, unit) ?? '',
      change.relative === null ? '' : machineValue(change.relative, 'ratio', unit),
      change.kind === 'amount' ? unit : change.kind,
    ];
    if (!withAttribution) return row;
    const attribution = attributionOf(report, change);
    const contributions = attribution?.contributions.map((part) => `${part.player.name}=${machineValue(part.delta, change.kind, unit)}`).join(';') ?? '';
    return [...row, contributions, attribution ? machineValue(attribution.residual, change.kind, unit) : ''];
  });
  const head = ['case', 'table', 'metric', 'key', 'year', 'a', 'b', 'delta', 'relative', 'unit', ...(withAttribution ? ['contributions', 'residual'] : [])];
  const stamp = report.stamp ? stampComment(report.stamp, 'csv') : '';
  return stamp + csvText([head, ...rows]);
}
