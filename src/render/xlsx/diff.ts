// `diff -f xlsx`: both scenarios' forecasts as live sheets (numbered 1 and 2,
// as forecast writes several scenarios), and before them a comparison sheet per
// table: a row per case, line and year with a, b (references to the value's cell
// on its scenario's sheet), Δ = b − a and Δ% = Δ / |a| as formulas, cached with
// the exact values; with --attribute an Attribution sheet (the Shapley parts
// as values, the residual as Δ − their sum). Every value is listed, changed or
// not, so that the sheets stay true when an input is edited.
import type { AttributionResult } from '../../engine/analysis/attribution.js';
import { identityOf, type Change, type Comparison } from '../../engine/analysis/diff.js';
import { address, linesOf, nameOf, type Line } from '../../engine/analysis/lines.js';
import { TABLES, type Case, type TableName } from '../../engine/types.js';
import type { Decimal } from '../../shared/decimal.js';
import { diffSummary, metricName } from '../diff.js';
import { caseName, lineLabel, parenthesised, say, text } from '../labels.js';
import { machineValue } from '../numbers.js';
import { labelCell, widthsOf, type Counts } from './cells.js';
import {
  forecastSheets,
  tableSheetName,
  titleOf,
  type ValueCells,
  type WorkbookOptions,
  type WorkbookScenario,
} from './forecast.js';
import { HEADER_ROWS } from './inputs.js';
import { reference, type Cell, type Position, type Sheet, type Workbook } from './model.js';
import { amountFormat, stampSheet } from './stamp.js';

export interface DiffWorkbookOptions extends WorkbookOptions {
  /** The two scenarios as the user named them (the column headers a and b). */
  readonly a: string;
  readonly b: string;
}

export interface DiffWorkbookInput {
  readonly scenarios: readonly [WorkbookScenario, WorkbookScenario];
  readonly comparison: Comparison;
  readonly attribution?: AttributionResult;
  readonly stamp?: object;
}

export function diffWorkbook(
  input: DiffWorkbookInput,
  options: DiffWorkbookOptions,
): { workbook: Workbook; counts: Counts } {
  const { scenarios } = input;
  const forecasts = forecastSheets(scenarios, options);
  const counts = forecasts.counts;
  const cases = [...scenarios[0].forecast.cases.keys()];
  const deltas = new Map<string, Position>();
  const comparisons = TABLES.filter((table) => options.tables.includes(table))
    .map((table) => comparisonSheet(table, input, cases, forecasts.cellOf, options, counts, deltas))
    .filter((sheet) => sheet.rows.length > HEADER_ROWS);
  const attribution =
    input.attribution && attributionSheet(input.comparison.changes, input.attribution, deltas, options, counts);
  const notes = [text('inputsNote', options.lang), diffSummary(input.comparison, options.unit, options.lang)];
  if (input.attribution?.unattributable) notes.push(say.notAttributed(options.lang, input.attribution.unattributable));
  const sheets = [
    ...comparisons,
    ...(attribution ? [attribution] : []),
    ...forecasts.sheets,
    stampSheet([input.stamp], counts, options.lang, notes),
  ];
  const title = `${titleOf(scenarios, options.lang)}`;
  return { workbook: { sheets, names: forecasts.names, amountFormat: amountFormat(options.unit), title }, counts };
}

/** A value of both forecasts: undefined where a side has no such line or year, null where it is undefined. */
interface Compared {
  readonly line: Line;
  readonly year: string;
  readonly a: Decimal | null | undefined;
  readonly b: Decimal | null | undefined;
}

/** The values of a table in a case: a's lines in order, then those only b has. */
function comparedValues(a: readonly Line[], b: readonly Line[], c: Case): Compared[] {
  const key = (line: Line, year: string) => identityOf({ ...nameOf(line), case: c, year });
  const valuesB = new Map<string, { line: Line; year: string; value: Decimal | null }>();
  for (const line of b) for (const [year, value] of line.values) valuesB.set(key(line, year), { line, year, value });
  const compared: Compared[] = [];
  for (const line of a) {
    for (const [year, value] of line.values) {
      const other = valuesB.get(key(line, year));
      valuesB.delete(key(line, year));
      compared.push({ line, year, a: value, b: other?.value });
    }
  }
  for (const { line, year, value } of valuesB.values()) compared.push({ line, year, a: undefined, b: value });
  return compared;
}

/** Columns: the case (with several), the metric and year, then a, b, Δ, Δ%. */
function comparisonSheet(
  table: TableName,
  input: DiffWorkbookInput,
  cases: readonly Case[],
  cellOf: ValueCells,
  options: DiffWorkbookOptions,
  counts: Counts,
  deltas: Map<string, Position>,
): Sheet {
  const { lang, unit } = options;
  const name = `Δ ${tableSheetName(table, lang)}`;
  const labels = cases.length > 1 ? 3 : 2;
  const [A, B, DELTA, RELATIVE] = [labels, labels + 1, labels + 2, labels + 3];
  const title = `${tableSheetName(table, lang)}${parenthesised(unit, lang)} — ${options.a} → ${options.b}`;
  const header: Cell[] = [
    ...(cases.length > 1 ? [labelCell(text('caseHeader', lang), 'header')] : []),
    labelCell(text('metricHeader', lang), 'header'),
    labelCell(text('yearHeader', lang), 'header'),
    labelCell(options.a, 'header'),
    labelCell(options.b, 'header'),
    labelCell('Δ', 'header'),
    labelCell('Δ%', 'header'),
  ];
  const rows: (Cell | undefined)[][] = [[labelCell(title, 'title')], header];
  for (const c of cases) {
    const linesIn = (side: 0 | 1) => linesOf(input.scenarios[side].forecast.cases.get(c)!, [table]);
    for (const value of comparedValues(linesIn(0), linesIn(1), c)) {
      const row = rows.length;
      const here = (column: number): Position => ({ sheet: name, row, column });
      const at = (column: number) => reference(here(column), name);
      const kind = value.line.kind;
      const side = (scenario: number, decimal: Decimal | null | undefined): Cell | undefined => {
        if (decimal === undefined) return undefined;
        if (decimal === null) return labelCell('–');
        counts.computed++;
        const cached = machineValue(decimal, kind, unit);
        const own = cellOf(scenario, c, address(value.line, value.year));
        if (own === undefined) return { kind: 'number', value: cached, style: kind };
        counts.formulas++;
        return { kind: 'formula', formula: reference(own, name), cached, style: kind };
      };
      const cells: (Cell | undefined)[] = [
        ...(cases.length > 1 ? [labelCell(caseName(c, lang))] : []),
        labelCell(lineLabel(value.line, lang)),
        labelCell(value.year),
        side(0, value.a),
        side(1, value.b),
      ];
      if (value.a === undefined || value.b === undefined) {
        cells[DELTA] = labelCell(text(value.a === undefined ? 'added' : 'removed', lang));
      }
      else if (value.a !== null && value.b !== null) {
        const delta = value.b.minus(value.a);
        counts.computed += 2;
        counts.formulas += 2;
        const cached = machineValue(delta, kind, unit);
        cells[DELTA] = { kind: 'formula', formula: `${at(B)}-${at(A)}`, cached, style: kind };
        const relative = value.a.isZero() ? null : machineValue(delta.dividedBy(value.a.abs()), 'ratio', unit);
        const formula = `IF(${at(A)}=0,NA(),${at(DELTA)}/ABS(${at(A)}))`;
        cells[RELATIVE] = { kind: 'formula', formula, cached: relative, style: 'ratio' };
        deltas.set(identityOf({ ...nameOf(value.line), case: c, year: value.year }), here(DELTA));
      }
      rows.push(cells);
    }
  }
  return { name, rows, widths: widthsOf(rows), frozen: { rows: HEADER_ROWS, columns: labels } };
}

/**
 * A row per change: its Δ (a reference to the comparison sheet), each input's
 * Shapley part (a value: the parts are not formulas of the workbook's cells),
 * and the residual, Δ − the sum of the parts.
 */
function attributionSheet(
  changes: readonly Change[],
  attribution: AttributionResult,
  deltas: ReadonlyMap<string, Position>,
  options: DiffWorkbookOptions,
  counts: Counts,
): Sheet {
  const { lang, unit } = options;
  const name = text('attributionHeader', lang);
  const cases = new Set(changes.map((change) => change.case)).size > 1;
  const labels = cases ? 3 : 2;
  const players = attribution.players.map((player) => player.name);
  const DELTA = labels;
  const RESIDUAL = labels + 1 + players.length;
  const note = attribution.unattributable
    ? say.notAttributed(lang, attribution.unattributable)
    : say.shapley(lang, attribution.grouped);
  const header: Cell[] = [
    ...(cases ? [labelCell(text('caseHeader', lang), 'header')] : []),
    labelCell(text('metricHeader', lang), 'header'),
    labelCell(text('yearHeader', lang), 'header'),
    labelCell('Δ', 'header'),
    ...players.map((player) => labelCell(player, 'header')),
    labelCell(text('residual', lang), 'header'),
  ];
  const title = `${options.a} → ${options.b}${parenthesised(unit, lang)}: ${note}`;
  const rows: (Cell | undefined)[][] = [[labelCell(title, 'title')], header];
  for (const change of changes) {
    const parts = attribution.byChange.get(identityOf(change));
    const delta = deltas.get(identityOf(change));
    if (!parts || !delta || change.delta === null) continue;
    const row = rows.length;
    const at = (column: number) => reference({ sheet: name, row, column }, name);
    const value = (decimal: Decimal) => machineValue(decimal, change.kind, unit);
    const cells: (Cell | undefined)[] = [
      ...(cases ? [labelCell(caseName(change.case, lang))] : []),
      labelCell(metricName(change, lang)),
      labelCell(change.year),
      { kind: 'formula', formula: reference(delta, name), cached: value(change.delta), style: change.kind },
    ];
    for (const part of parts.contributions) {
      const column = DELTA + 1 + players.indexOf(part.player.name);
      cells[column] = { kind: 'number', value: value(part.delta), style: change.kind };
    }
    const partCells = players.map((_, i) => at(DELTA + 1 + i)).filter((_, i) => cells[DELTA + 1 + i] !== undefined);
    const residual = partCells.length === 0 ? at(DELTA) : `${at(DELTA)}-SUM(${partCells.join(',')})`;
    cells[RESIDUAL] = { kind: 'formula', formula: residual, cached: value(parts.residual), style: change.kind };
    counts.computed += 2;
    counts.formulas += 2;
    rows.push(cells);
  }
  return { name, rows, widths: widthsOf(rows, {}, 1), frozen: { rows: HEADER_ROWS, columns: labels } };
}
