// diff output (SPEC §4, §5): the changes between two forecasts as a table, JSON
// (fintech-calc/diff@1), CSV or Markdown (a comment ready for a pull request),
// with the attribution of each change and the fail rules that fired.
import { Decimal } from '../shared/decimal.js';
import type { Attribution, AttributionResult } from '../engine/analysis/attribution.js';
import { identityOf, type Change, type Comparison, type Tolerance } from '../engine/analysis/diff.js';
import type { ValueKind } from '../engine/analysis/lines.js';
import { changeAddress, type FailRule, type Firing } from '../engine/analysis/rules.js';
import type { Case } from '../engine/types.js';
import { csvText } from './csv.js';
import { caseName, metricLabel, say, text, type Lang } from './labels.js';
import { markdownTable } from './md.js';
import { visible } from './escape.js';
import { displayValue, machineValue } from './numbers.js';
import { stampComment } from './stamp.js';
import type { Style } from './style.js';
import { drawTable } from './table.js';
import { OUTPUT_WIDTH, wrapText } from './width.js';

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
  readonly inputAt?: (
    path: string,
    side: 'a' | 'b',
    c: Case,
    year: string,
  ) => { value: Decimal; kind: ValueKind } | undefined;
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

export function diffSummary({ changes, compared, tolerance }: Comparison, unit: string, lang: Lang): string {
  return say.differences(
    lang,
    changes.length,
    compared,
    tolerance === undefined ? undefined : thresholdText(tolerance, unit),
  );
}

/** A threshold as the user can read it back: `5%`, or an amount in the output unit with the unit. */
export function thresholdText(threshold: Tolerance, unit: string): string {
  return threshold.kind === 'relative'
    ? `${machineValue(threshold.fraction.times(HUNDRED), 'ratio', unit)}%`
    : `${machineValue(threshold.amount, 'amount', unit)} ${unit}`;
}

/** A rule as written, with its amount threshold in the output unit (a bare number is read in it). */
function ruleText(rule: FailRule, unit: string): string {
  return rule.threshold.kind === 'absolute'
    ? `'${rule.text}' (|Δ| > ${thresholdText(rule.threshold, unit)})`
    : `'${rule.text}'`;
}

/** Each rule as written, with how many values it checked. */
function rulesChecked(report: DiffReport, unit: string, lang: Lang): string[] {
  return report.rules.map((rule) => say.ruleChecked(lang, ruleText(rule, unit), rule.checked));
}

/** The firings, then what each rule checked. */
function firedSummary(report: DiffReport, unit: string, lang: Lang): string[] {
  if (report.rules.length === 0) return [];
  const checked = rulesChecked(report, unit, lang);
  if (report.fired.length === 0) return [say.noRuleFired(lang, checked.join('; '))];
  const fired = report.fired.map(({ rule, change }) =>
    say.ruleFired(lang, ruleText(rule, unit), changeAddress(change), change.case, movedText(change, rule, unit, lang)),
  );
  const firedOn = (rule: FailRule) => report.fired.filter((firing) => firing.rule === rule).length;
  return [
    ...fired,
    say.rulesSummary(
      lang,
      report.rules.map((rule, i) => say.firedOn(lang, checked[i]!, firedOn(rule))),
    ),
  ];
}

/** How a value moved, as the rule measures it: Δ% for a relative rule, Δ in the output unit (and Δ%) for an amount. */
function movedText(change: Change, rule: FailRule, unit: string, lang: Lang): string {
  const relative = relativeText(change);
  if (change.delta === null || (rule.threshold.kind === 'relative' && relative !== ''))
    return relative || deltaText(change, unit, lang);
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
  return change.relative === null
    ? ''
    : signed(`${change.relative.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)}%`, change.relative);
}

/** A change of a ratio in percentage points, of an amount in the output unit. */
function changeText(value: Decimal, kind: ValueKind, unit: string): string {
  return signed(
    kind === 'ratio'
      ? `${value.times(HUNDRED).toFixed(2, Decimal.ROUND_HALF_EVEN)} pp`
      : displayValue(value, kind, unit),
    value,
  );
}

function deltaText(change: Change, unit: string, lang: Lang): string {
  if (change.a === null) return text('added', lang);
  if (change.b === null) return text('removed', lang);
  return changeText(change.delta!, change.kind, unit);
}

function attributionOf(report: DiffReport, change: Change): Attribution | undefined {
  return report.attribution?.byChange.get(identityOf(change));
}

/**
 * "+4,500.0 receivables.penetration, -117.0 operatingCost" (largest first), with
 * the residual; a part that shows as 0 to the digits shown is left out.
 */
function attributionText(report: DiffReport, change: Change, unit: string, lang: Lang): string {
  const attribution = attributionOf(report, change);
  if (!attribution) return '';
  const parts = [...attribution.contributions]
    .sort((x, y) => y.delta.abs().comparedTo(x.delta.abs()))
    .map((part) => ({ text: changeText(part.delta, change.kind, unit), name: part.player.name }));
  parts.push({ text: changeText(attribution.residual, change.kind, unit), name: text('residual', lang) });
  return parts
    .filter((part) => showsNonZero(part.text))
    .map((part) => `${part.text} ${part.name}`)
    .join(', ');
}

/** A change's cells for people: (case,) metric, year, a, b, Δ, Δ%. */
export function cells(change: Change, unit: string, multipleCases: boolean, lang: Lang): string[] {
  const show = (value: Decimal | null) => (value === null ? '—' : displayValue(value, change.kind, unit));
  return [
    ...(multipleCases ? [caseName(change.case, lang)] : []),
    metricName(change, lang),
    change.year,
    show(change.a),
    show(change.b),
    deltaText(change, unit, lang),
    relativeText(change),
  ];
}

/** A changed metric: its address without the year (market.modes.receivables.size), in Chinese its label (应收账款：市场规模). */
export function metricName(change: Change, lang: Lang): string {
  return lang === 'zh' ? metricLabel(change, change.year, lang) : changeAddress(change).replace(/\.[^.]+$/, '');
}

export function header(multipleCases: boolean, lang: Lang, { a, b }: Pick<DiffRenderOptions, 'a' | 'b'>): string[] {
  return [
    ...(multipleCases ? [text('caseHeader', lang)] : []),
    text('metricHeader', lang),
    text('yearHeader', lang),
    a,
    b,
    'Δ',
    'Δ%',
  ];
}

function title(options: DiffRenderOptions): string {
  return options.lang === 'zh'
    ? `差异：${options.a} → ${options.b}（${options.unit}）`
    : `Differences: ${options.a} → ${options.b} (${options.unit})`;
}

function notes(report: DiffReport, lang: Lang): string[] {
  const attribution = report.attribution;
  if (!attribution) return [];
  if (attribution.unattributable) return [say.notAttributed(lang, attribution.unattributable)];
  return [say.shapley(lang, attribution.grouped)];
}

export function renderDiffTable(comparison: Comparison, report: DiffReport, options: DiffRenderOptions): string {
  const { style } = options;
  const trailer = [
    ...notes(report, options.lang),
    ...firedSummary(report, options.unit, options.lang),
    diffSummary(comparison, options.unit, options.lang),
  ]
    .map((line) => `${wrapText(visible(line), OUTPUT_WIDTH)}\n`)
    .join('');
  if (comparison.changes.length === 0) return trailer;
  const multipleCases = new Set(comparison.changes.map((change) => change.case)).size > 1;
  const left = multipleCases ? 3 : 2;
  const rows = comparison.changes.map((change) => cells(change, options.unit, multipleCases, options.lang));
  // Δ and Δ% in red or green (bold for added and removed).
  const paint = (text: string, row: number, column: number) => {
    if (column < left + 2 || column > left + 3) return text;
    const { delta } = comparison.changes[row]!;
    return (delta === null ? style.bold : delta.isNegative() ? style.red : style.green)(text);
  };
  // The attribution goes under its change, across the table: as a column it made the table too wide.
  const below = (row: number) => {
    const parts = report.attribution && attributionText(report, comparison.changes[row]!, options.unit, options.lang);
    return parts ? `Δ = ${parts}` : undefined;
  };
  const table = drawTable(
    { header: header(multipleCases, options.lang, options), rows },
    { emphasis: style.bold, leftColumns: left, paint, below },
  );
  return `${style.bold(visible(title(options)))}\n${table}${trailer}`;
}

/**
 * A comment for a pull request: verdict, top changes, their attribution, the inputs that changed, everything in
 * <details>.
 */
export function renderDiffMarkdown(comparison: Comparison, report: DiffReport, options: DiffRenderOptions): string {
  const { changes } = comparison;
  const { lang } = options;
  const stamp = report.stamp ? `\n${stampComment(report.stamp, 'md')}` : '';
  const summary = diffSummary(comparison, options.unit, lang);
  const verdict =
    report.rules.length > 0
      ? report.fired.length > 0
        ? say.verdictFails(
            lang,
            new Set(report.fired.map((firing) => firing.rule.text)).size,
            report.rules.length,
            report.fired.length,
            summary,
          )
        : say.verdictPasses(lang, rulesChecked(report, options.unit, lang).join('; '), summary)
      : changes.length > 0
        ? say.verdictMoved(lang, summary)
        : say.verdictNoChange(lang, summary);
  const parts = [`### ${visible(title(options))}`, '', verdict, ''];
  if (changes.length === 0) return `${parts.join('\n')}${stamp}`;
  const multipleCases = new Set(changes.map((change) => change.case)).size > 1;
  const left = multipleCases ? 3 : 2;
  // In Markdown the attribution is a column: a page scrolls sideways, a terminal does not.
  const head = [
    ...header(multipleCases, lang, options),
    ...(report.attribution ? [text('attributionHeader', lang)] : []),
  ];
  const row = (change: Change) => [
    ...cells(change, options.unit, multipleCases, lang),
    ...(report.attribution ? [attributionText(report, change, options.unit, lang)] : []),
  ];
  // The largest relative moves first; added and removed values after them.
  const ranked = byRelativeMove(changes);
  const top = ranked.slice(0, TOP_CHANGES);
  parts.push(text('topChanges', lang), '', markdownTable(head, top.map(row), left).trimEnd());
  if (ranked.length > top.length) parts.push('', say.moreBelow(lang, ranked.length - top.length));
  const fired = firedSummary(report, options.unit, lang);
  if (fired.length > 0) parts.push('', ...fired.map((line) => `- ${visible(line)}`));
  for (const note of notes(report, lang)) parts.push('', `_${visible(note)}_`);
  if (report.changedInputs && report.changedInputs.length > 0) {
    parts.push('', text('inputsChanged', lang), '');
    for (const input of report.changedInputs) {
      const said = (side: string, sources: readonly string[]) =>
        sources.length === 0 ? '' : ` ${side}: ${sources.map((text) => `“${visible(text)}”`).join('; ')}`;
      const sources = said(visible(options.a), input.sourcesA) + said(visible(options.b), input.sourcesB);
      parts.push(`- \`${visible(input.path)}\`${sources}`);
    }
  }
  const detail = changes.slice(0, DETAIL_ROWS).map(row);
  parts.push(
    '',
    `<details><summary>${say.allChanges(lang, changes.length)}</summary>`,
    '',
    markdownTable(head, detail, left).trimEnd(),
  );
  if (changes.length > DETAIL_ROWS) parts.push('', say.notShown(lang, changes.length - DETAIL_ROWS));
  parts.push('', '</details>', '');
  return `${parts.join('\n')}${stamp}`;
}

/** The largest relative moves first; added and removed values (no Δ%) after them. */
export function byRelativeMove(changes: readonly Change[]): Change[] {
  return [...changes].sort((x, y) =>
    (y.relative?.abs() ?? new Decimal(-1)).comparedTo(x.relative?.abs() ?? new Decimal(-1)),
  );
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
          return {
            input: part.player.name,
            a: at('a'),
            b: at('b'),
            delta: machineValue(part.delta, change.kind, unit),
          };
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
    fired: report.fired.map(({ rule, change }) => ({
      rule: rule.text,
      case: change.case,
      metric: changeAddress(change),
    })),
  };
  const json = {
    format: DIFF_FORMAT,
    changes,
    ...(attribution && { attribution }),
    ...rules,
    ...(report.stamp && { stamp: report.stamp }),
  };
  return `${JSON.stringify(json)}\n`;
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
    const contributions =
      attribution?.contributions
        .map((part) => `${part.player.name}=${machineValue(part.delta, change.kind, unit)}`)
        .join(';') ?? '';
    return [...row, contributions, attribution ? machineValue(attribution.residual, change.kind, unit) : ''];
  });
  const head = [
    'case',
    'table',
    'metric',
    'key',
    'year',
    'a',
    'b',
    'delta',
    'relative',
    'unit',
    ...(withAttribution ? ['contributions', 'residual'] : []),
  ];
  const stamp = report.stamp ? stampComment(report.stamp, 'csv') : '';
  return stamp + csvText([head, ...rows]);
}
