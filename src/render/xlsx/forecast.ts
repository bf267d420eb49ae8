// `forecast -f xlsx`: for each scenario an Inputs sheet and, for each case, a
// sheet per table: metrics as rows, years as columns, every computed cell a
// live formula over input cells and other computed cells, built from the
// case's formula graph (engine/analysis/graph.ts), with the engine's exact value
// as its cached result. Last, a Stamp sheet. Several cases get a sheet per
// case and table; inputs that are ranges get a row per case on one Inputs sheet.
import type { FormulaNode } from '../../engine/calc/recording.js';
import { inDependencyOrder, type CaseGraph } from '../../engine/analysis/graph.js';
import { address, linesOf, type Line } from '../../engine/analysis/lines.js';
import { TABLES, type Case, type Forecast, type Scenario, type TableName } from '../../engine/types.js';
import { lineLabel, parenthesised, scenarioHeading, text, type Lang, type TextKey } from '../labels.js';
import { machineValue } from '../numbers.js';
import { labelCell, widthsOf, type Counts } from './cells.js';
import { formulaOf, MAX_FORMULA_LENGTH } from './formulas.js';
import { HEADER_ROWS, inputsSheet } from './inputs.js';
import { reference, type Cell, type DefinedName, type Position, type Sheet, type Workbook } from './model.js';
import { amountFormat, stampSheet } from './stamp.js';

/** A scenario to write: its inputs, its forecast, and each case's formula graph. */
export interface WorkbookScenario {
  readonly scenario: Scenario;
  readonly forecast: Forecast;
  readonly graphs: ReadonlyMap<Case, CaseGraph>;
  readonly file: string;
  readonly stamp?: object;
}

export interface WorkbookOptions {
  readonly unit: string;
  readonly lang: Lang;
  /** The tables asked for; a table they build on is written too (its cells are their operands). */
  readonly tables: readonly TableName[];
}

/** The workbook, and how many of its computed cells are formulas. */
export function forecastWorkbook(
  scenarios: readonly WorkbookScenario[],
  options: WorkbookOptions,
): { workbook: Workbook; counts: Counts } {
  const { sheets, names, counts } = forecastSheets(scenarios, options);
  sheets.push(stampSheet(scenarios.map((entry) => entry.stamp), counts, options.lang));
  const title = titleOf(scenarios, options.lang);
  return { workbook: { sheets, names, amountFormat: amountFormat(options.unit), title }, counts };
}

/** The workbook's title: the scenarios' headings. */
export function titleOf(scenarios: readonly WorkbookScenario[], lang: Lang): string {
  return scenarios.map((entry) => scenarioHeading(entry.forecast.scenario, lang)).join(', ');
}

/** The cell of a value of a table sheet: by scenario (index), case and `address(line, year)` (a CAGR: its span). */
export type ValueCells = (scenario: number, c: Case, value: string) => Position | undefined;

/** Each scenario's Inputs and table sheets (no Stamp), and where each value of the tables is. */
export function forecastSheets(
  scenarios: readonly WorkbookScenario[],
  options: WorkbookOptions,
): { sheets: Sheet[]; names: DefinedName[]; counts: Counts; cellOf: ValueCells } {
  const sheets: Sheet[] = [];
  const names: DefinedName[] = [];
  const counts: Counts = { computed: 0, formulas: 0 };
  const cells = new Map<string, Position>();
  for (const [i, entry] of scenarios.entries()) {
    const prefix = scenarios.length > 1 ? `${i + 1} ` : '';
    const written = scenarioSheets(entry, prefix, options);
    sheets.push(...written.sheets);
    if (scenarios.length === 1) names.push(...written.names);
    counts.computed += written.counts.computed;
    counts.formulas += written.counts.formulas;
    for (const [key, position] of written.cells) cells.set(`${i}\u0000${key}`, position);
  }
  return { sheets, names, counts, cellOf: (scenario, c, value) => cells.get(`${scenario}\u0000${c}\u0000${value}`) };
}

const TABLE_SHEETS: Record<TableName, TextKey> = {
  market: 'marketSheet',
  profit: 'profitSheet',
  spend: 'spendSheet',
  labour: 'labourSheet',
  tech: 'techSheet',
  metrics: 'metricsSheet',
};

/** A sheet's name for a case, when there are several: `Market (low)`, `市场（低）`. */
function withCase(name: string, c: Case, cases: number, lang: Lang): string {
  return cases > 1 ? `${name}${parenthesised(text(`${c}Short`, lang), lang)}` : name;
}

function scenarioSheets(
  entry: WorkbookScenario,
  prefix: string,
  options: WorkbookOptions,
): { sheets: Sheet[]; names: DefinedName[]; counts: Counts; cells: Map<string, Position> } {
  const { lang, unit } = options;
  const heading = scenarioHeading(entry.forecast.scenario, lang);
  const inputsName = `${prefix}${text('inputsSheet', lang)}`;
  const inputsTitle = `${text('inputsSheet', lang)} — ${heading}`;
  const inputs = inputsSheet(inputsName, inputsTitle, entry.scenario, entry.graphs, unit, lang);
  const counts: Counts = { ...inputs.counts };
  const cases = [...entry.graphs.keys()];
  // Every table the graphs hold: those asked for and those they build on.
  const graphs = [...entry.graphs.values()];
  const holds = (graph: CaseGraph, table: TableName) =>
    [...graph.lines.keys()].some((key) => key.startsWith(`${table}.`));
  const tables = TABLES.filter((table) => graphs.some((graph) => holds(graph, table)));
  const sheets: Sheet[] = [];
  const cells = new Map<string, Position>();
  for (const c of cases) {
    const graph = entry.graphs.get(c)!;
    const lines = linesOf(entry.forecast.cases.get(c)!, tables);
    const sheetName = (table: TableName) => withCase(`${prefix}${tableSheetName(table, lang)}`, c, cases.length, lang);
    const layouts = tables
      .map((table) => layoutOf(table, lines.filter((line) => line.table === table), graph, sheetName(table)))
      .filter((layout) => layout.rows.length > 0);
    // Where each named node's cell is: inputs on the Inputs sheet, the rest in their line's row.
    const positions = new Map<FormulaNode, Position>();
    for (const layout of layouts) for (const [node, position] of layout.owned) positions.set(node, position);
    const positionOf = (node: FormulaNode): Position | undefined =>
      node.kind === 'input' ? inputs.positionOf(node, c) : positions.get(node);
    const context = `${heading}, ${text(`${c}Short`, lang)}`;
    for (const layout of layouts) {
      const title = `${tableSheetName(layout.table, lang)}${parenthesised(unit, lang)} — ${context}`;
      sheets.push(tableSheet(layout, positionOf, graph, title, options, counts));
      for (const [value, position] of layout.values) cells.set(`${c}\u0000${value}`, position);
    }
  }
  const frozen = { rows: HEADER_ROWS, columns: 1 };
  const inputsTab: Sheet = { name: inputsName, rows: inputs.rows, widths: inputs.widths, frozen };
  return { sheets: [...sheets, inputsTab], names: inputs.names, counts, cells };
}

/** A table's sheet name: `Market`, `市场`. */
export function tableSheetName(table: TableName, lang: Lang): string {
  return text(TABLE_SHEETS[table], lang);
}

/** A table sheet's rows and columns, before its formulas are written. */
interface Layout {
  readonly table: TableName;
  readonly sheet: string;
  readonly rows: readonly { readonly line: Line; readonly label: Line }[];
  readonly years: readonly string[];
  /** The CAGR column's header span, when the table has one. */
  readonly cagrSpan: string | undefined;
  /** Each cell: its node, by row and column. */
  readonly cells: ReadonlyMap<string, FormulaNode>;
  /** The nodes whose own cell is here (the first line that shows an operation is its cell). */
  readonly owned: ReadonlyMap<FormulaNode, Position>;
  /** The cell of each value of the lines, by `address(line, year)`. */
  readonly values: ReadonlyMap<string, Position>;
}

const LABEL_COLUMN = 0;

/**
 * Rows: the table's lines in order; columns: the years of its lines and of
 * the values its formulas use in other years (labour's year before the
 * first), and a CAGR column where a CAGR goes in the row of the series it is
 * the growth of (found from its operands: the series' first and last values).
 */
function layoutOf(table: TableName, lines: readonly Line[], graph: CaseGraph, sheet: string): Layout {
  const nodeAt = (line: Line, year: string) =>
    graph.lines.get(line.metric === 'cagr' ? address(line) : address(line, year))?.node;
  const series = lines.filter((line) => line.metric !== 'cagr');
  // Named values no line shows (labour's humanCost the year before the first) are in their line's row.
  const extra = inDependencyOrder(graph).filter(
    (node) =>
      node.kind !== 'input' && graph.lineOf(node)?.startsWith(`${table}.`) && !graph.lines.has(graph.nameOf(node)!),
  );
  const yearOf = (node: FormulaNode) => graph.nameOf(node)!.slice(graph.lineOf(node)!.length + 1);
  const years = [...new Set([...series.flatMap((line) => [...line.values.keys()]), ...extra.map(yearOf)])].sort();
  const yearColumn = new Map(years.map((year, i) => [year, LABEL_COLUMN + 1 + i]));
  const cagrColumn = LABEL_COLUMN + 1 + years.length;
  const rows: { line: Line; label: Line }[] = series.map((line) => ({ line, label: line }));
  const cells = new Map<string, FormulaNode>();
  const owned = new Map<FormulaNode, Position>();
  const rowOfLine = new Map(series.map((line, r) => [address(line), HEADER_ROWS + r]));
  const values = new Map<string, Position>();
  const place = (node: FormulaNode | undefined, row: number, column: number, value?: string) => {
    if (node === undefined) return;
    cells.set(`${row},${column}`, node);
    if (value !== undefined) values.set(value, { sheet, row, column });
    if (!owned.has(node) && node.kind !== 'input') owned.set(node, { sheet, row, column });
  };
  series.forEach((line, r) => {
    for (const year of line.values.keys()) {
      place(nodeAt(line, year), HEADER_ROWS + r, yearColumn.get(year)!, address(line, year));
    }
  });
  for (const node of extra) place(node, rowOfLine.get(graph.lineOf(node)!)!, yearColumn.get(yearOf(node))!);
  // A CAGR in the row whose last year holds its last value; else in a row of its own.
  let cagrSpan: string | undefined;
  for (const line of lines.filter((line) => line.metric === 'cagr')) {
    const span = [...line.values.keys()][0];
    cagrSpan ??= span;
    const node = nodeAt(line, '');
    const last = node?.kind === 'operation' ? node.operands[1] : undefined;
    const lastColumn = yearColumn.get(years[years.length - 1]!)!;
    const isItsSeries = (r: number) =>
      last !== undefined &&
      cells.get(`${HEADER_ROWS + r},${lastColumn}`) === last &&
      !cells.has(`${HEADER_ROWS + r},${cagrColumn}`);
    const row = series.findIndex((_, r) => isItsSeries(r));
    const value = span === undefined ? undefined : address(line, span);
    if (row >= 0) place(node, HEADER_ROWS + row, cagrColumn, value);
    else {
      rows.push({ line, label: line });
      place(node, HEADER_ROWS + rows.length - 1, cagrColumn, value);
    }
  }
  return { table, sheet, rows, years, cagrSpan, cells, owned, values };
}

function tableSheet(
  layout: Layout,
  positionOf: (node: FormulaNode) => Position | undefined,
  graph: CaseGraph,
  title: string,
  { unit, lang }: WorkbookOptions,
  counts: Counts,
): Sheet {
  const { sheet } = layout;
  const header: Cell[] = [
    { kind: 'text', text: `${text('metricHeader', lang)}${parenthesised(unit, lang)}`, style: 'header' },
    ...layout.years.map((year): Cell => ({ kind: 'number', value: year, style: 'header' })),
    ...(layout.cagrSpan === undefined
      ? []
      : [{ kind: 'text', text: `${text('cagr', lang)} ${layout.cagrSpan}`, style: 'header' } as const]),
  ];
  const rows: (Cell | undefined)[][] = [[{ kind: 'text', text: title, style: 'title' }], header];
  layout.rows.forEach(({ label }, r) => {
    const row = HEADER_ROWS + r;
    const cells: (Cell | undefined)[] = [labelCell(lineLabel(label, lang))];
    for (let column = 1; column < header.length; column++) {
      const node = layout.cells.get(`${row},${column}`);
      if (node === undefined) continue;
      cells[column] = computedCell(node, { sheet, row, column }, positionOf, graph, unit, counts);
    }
    rows.push(cells);
  });
  return { name: sheet, rows, widths: widthsOf(rows), frozen: { rows: HEADER_ROWS, columns: 1 } };
}

/**
 * A computed cell: a reference to the node's own cell (an input, or a value
 * another line shows first), else its formula over the cells of its operands;
 * a constant the model puts in a line (0), or a formula longer than a
 * spreadsheet takes, is written as its value.
 */
function computedCell(
  node: FormulaNode,
  here: Position,
  positionOf: (node: FormulaNode) => Position | undefined,
  graph: CaseGraph,
  unit: string,
  counts: Counts,
): Cell {
  const kind = graph.kindOf(node);
  const cached = machineValue(node.value, kind, unit);
  counts.computed++;
  const own = positionOf(node);
  const isHere = own !== undefined && own.sheet === here.sheet && own.row === here.row && own.column === here.column;
  let formula: string | undefined;
  if (!isHere && own !== undefined) formula = reference(own, here.sheet);
  else if (node.kind === 'operation') {
    formula = formulaOf(node, (operand) => {
      const position = graph.nameOf(operand) === undefined ? undefined : positionOf(operand);
      return position && reference(position, here.sheet);
    });
  }
  if (formula === undefined || formula.length > MAX_FORMULA_LENGTH) {
    return { kind: 'number', value: cached, style: kind };
  }
  counts.formulas++;
  return { kind: 'formula', formula, cached, style: kind };
}
