// The Inputs sheet: every input the shown tables read, a row per input (and per
// case where it is a range), a column per year. Anchors are values the user
// edits (blue); the years between are formulas over them, by the input's
// interpolation (linear, cagr, step) or growth, from its provenance, so that
// editing an anchor recomputes the years between. Values are the scenario's own.
import type { InputNode } from '../../engine/calc/recording.js';
import type { CaseGraph } from '../../engine/analysis/graph.js';
import { hasRange, inputsOf } from '../../engine/analysis/inputs.js';
import { inDependencyOrder } from '../../engine/analysis/graph.js';
import type { ValueKind } from '../../engine/analysis/lines.js';
import type { Case, Provenance, Scenario, Series, Year } from '../../engine/types.js';
import type { Decimal } from '../../shared/decimal.js';
import { text, type Lang, type TextKey } from '../labels.js';
import { machineValue } from '../numbers.js';
import { reference, type Cell, type DefinedName, type Position } from './model.js';
import { labelCell, widthsOf, type Counts } from './cells.js';

export interface InputsSheet {
  readonly rows: (Cell | undefined)[][];
  readonly widths: number[];
  readonly names: DefinedName[];
  /** The cell of an input in a year and case. */
  readonly positionOf: (node: InputNode, c: Case) => Position;
  readonly counts: Counts;
}

interface InputRow {
  readonly path: string;
  readonly kind: ValueKind;
  readonly series: Series;
  readonly provenance: Provenance | undefined;
  /** The case of the row, or undefined for an input that is the same in every case. */
  readonly case: Case | undefined;
  /** The years the models read. */
  readonly years: ReadonlySet<Year>;
}

/** Columns before the years: input, unit, case, method, growth; the source after them. */
const [PATH, UNIT, CASE, METHOD, GROWTH] = [0, 1, 2, 3, 4];
const FIRST_YEAR = 5;
/** A title row and a header row above the inputs. */
export const HEADER_ROWS = 2;

const METHODS: Record<Provenance['method'], TextKey> = {
  linear: 'linear',
  cagr: 'cagrMethod',
  step: 'step',
  growth: 'growthMethod',
  constant: 'constant',
  default: 'reportDefaultShort',
};

export function inputsSheet(
  sheet: string,
  title: string,
  scenario: Scenario,
  graphs: ReadonlyMap<Case, CaseGraph>,
  unit: string,
  lang: Lang,
): InputsSheet {
  const cases = [...graphs.keys()];
  // The years each input is read in, over every case's graph.
  const read = new Map<string, Set<Year>>();
  for (const graph of graphs.values()) {
    for (const node of inDependencyOrder(graph)) {
      if (node.kind !== 'input') continue;
      const years = read.get(node.path) ?? new Set<Year>();
      years.add(node.year);
      read.set(node.path, years);
    }
  }
  const inputRows: InputRow[] = [];
  for (const [path, series] of inputsOf(scenario)) {
    const years = read.get(path);
    if (years === undefined) continue;
    const provenance = scenario.provenance.get(path);
    const kind: ValueKind = provenance?.kind ?? 'amount';
    const rowCases = cases.length > 1 && hasRange(series) ? cases : [undefined];
    for (const c of rowCases) {
      inputRows.push({ path, kind, series, provenance, case: c ?? (cases.length === 1 ? cases[0] : undefined), years });
    }
  }
  const allYears = [...new Set(inputRows.flatMap((row) => [...row.years, ...anchorYears(row.provenance)]))].sort(
    (a, b) => a - b,
  );
  const columnOf = new Map(allYears.map((year, i) => [year, FIRST_YEAR + i]));
  const sourceColumn = FIRST_YEAR + allYears.length;

  const counts = { computed: 0, formulas: 0 };
  const rows: (Cell | undefined)[][] = [
    [{ kind: 'text', text: title, style: 'title' }],
    [
      ...(['inputHeader', 'unitHeader', 'caseHeader', 'methodHeader', 'growthHeader'] as const).map(
        (key): Cell => ({ kind: 'text', text: text(key, lang), style: 'header' }),
      ),
      ...allYears.map((year): Cell => ({ kind: 'number', value: String(year), style: 'header' })),
      { kind: 'text', text: text('sourceHeader', lang), style: 'header' },
    ],
  ];
  const rowOf = new Map<string, number>();
  const names: DefinedName[] = [];
  const named = new Set<string>();
  for (const input of inputRows) {
    const r = rows.length;
    rowOf.set(`${input.path}\u0000${input.case ?? ''}`, r);
    const c = input.case ?? 'base';
    const valueOf = (range: { low: Decimal; base: Decimal; high: Decimal }) => machineValue(range[c], input.kind, unit);
    const style = { amount: 'inputAmount', ratio: 'inputRatio', count: 'inputCount' } as const;
    const computedStyle = input.kind;
    const cells: (Cell | undefined)[] = [];
    cells[PATH] = labelCell(input.path);
    cells[UNIT] = labelCell(
      input.kind === 'amount' ? unit : text(input.kind === 'ratio' ? 'ratioUnit' : 'countUnit', lang),
    );
    cells[CASE] = labelCell(input.case === undefined ? text('everyCase', lang) : text(`${input.case}Short`, lang));
    cells[METHOD] = labelCell(input.provenance ? text(METHODS[input.provenance.method], lang) : '');
    const growth = input.provenance?.growth;
    if (growth) {
      cells[GROWTH] = { kind: 'number', value: machineValue(growth.range[c], 'ratio', unit), style: 'inputRatio' };
    }
    const at = (year: Year) => reference({ sheet, row: r, column: columnOf.get(year)! }, sheet);
    const formula = yearFormula(input.provenance, at, reference({ sheet, row: r, column: GROWTH }, sheet));
    const written = writtenYears(input);
    for (const year of written) {
      const anchor = input.provenance?.anchors.get(year);
      const value = anchor ? anchor.range : input.series.get(year);
      if (value === undefined) continue;
      const column = columnOf.get(year)!;
      if (anchor || input.provenance === undefined) {
        cells[column] = { kind: 'number', value: valueOf(value), style: style[input.kind] };
        if (!anchor) counts.computed++;
      }
    }
    // The years the models read that are no anchor: formulas over the anchors (and the growth rate).
    for (const year of [...input.years].sort((a, b) => a - b)) {
      if (input.provenance === undefined || input.provenance.anchors.has(year)) continue;
      const column = columnOf.get(year)!;
      const value = input.series.get(year)!;
      const first = [...input.years].sort((a, b) => a - b)[0]!;
      const isConstant = input.provenance.method === 'constant' || input.provenance.method === 'default';
      if (isConstant && year === first) {
        // One value every year: written once, in the first year; the others refer to it.
        cells[column] = { kind: 'number', value: valueOf(value), style: style[input.kind] };
        continue;
      }
      counts.computed++;
      counts.formulas++;
      const yearly = isConstant ? at(first) : formula(year);
      cells[column] = { kind: 'formula', formula: yearly, cached: valueOf(value), style: computedStyle };
    }
    cells[sourceColumn] = labelCell(sourcesOf(input.provenance));
    rows.push(cells);
    const name = definedName(input.path, input.case !== undefined && cases.length > 1 ? input.case : undefined);
    if (name !== undefined && !named.has(name) && allYears.length > 0) {
      named.add(name);
      const span = [...input.years].sort((a, b) => a - b);
      const from = reference({ sheet, row: r, column: columnOf.get(span[0]!)! }, '', true);
      const to = reference({ sheet, row: r, column: columnOf.get(span[span.length - 1]!)! }, '', true);
      names.push({ name, refersTo: `${from}:${to.slice(to.indexOf('!') + 1)}` });
    }
  }
  return {
    rows,
    widths: widthsOf(rows, { [sourceColumn]: 80 }),
    names,
    counts,
    positionOf: (node, c) => {
      const row = rowOf.get(`${node.path}\u0000${c}`) ?? rowOf.get(`${node.path}\u0000`);
      const column = columnOf.get(node.year);
      if (row === undefined || column === undefined) {
        throw new Error(`internal: no cell for the input ${node.path}.${node.year}`);
      }
      return { sheet, row, column };
    },
  };
}

function anchorYears(provenance: Provenance | undefined): Year[] {
  return provenance ? [...provenance.anchors.keys()].filter((year) => year !== 0) : [];
}

/** The years a row shows values in: its anchors, and without provenance every year read. */
function writtenYears(input: InputRow): Year[] {
  return input.provenance ? anchorYears(input.provenance) : [...input.years];
}

/**
 * The formula of a year between anchors, by the input's method (SPEC §2.2):
 * linear a + (b − a)·(t − ta)/(tb − ta), cagr a·(b/a)^((t − ta)/(tb − ta)),
 * step a, growth a·(1 + g)^(t − ta).
 */
function yearFormula(
  provenance: Provenance | undefined,
  at: (year: Year) => string,
  growthCell: string,
): (year: Year) => string {
  const years = anchorYears(provenance).sort((a, b) => a - b);
  return (year) => {
    const before = years.filter((anchor) => anchor < year).pop()!;
    const after = years.find((anchor) => anchor > year);
    const [a, k] = [at(before), year - before];
    switch (provenance?.method) {
      case 'growth':
        return `${a}*(1+${growthCell})^${k}`;
      case 'step':
        return a;
      case 'linear':
        return `${a}+(${at(after!)}-${a})*${k}/${after! - before}`;
      case 'cagr':
        return `${a}*(${at(after!)}/${a})^(${k}/${after! - before})`;
      default:
        throw new Error(`internal: no formula between the anchors of a ${provenance?.method ?? 'hand-made'} input`);
    }
  };
}

/** Where the values come from: each anchor's source (by year), and the growth rate's. */
function sourcesOf(provenance: Provenance | undefined): string {
  if (!provenance) return '';
  const parts = [...provenance.anchors]
    .sort(([a], [b]) => a - b)
    .filter(([, written]) => written.source !== undefined)
    .map(([year, written]) => (year === 0 ? written.source! : `${year}: ${written.source}`));
  if (provenance.growth?.source !== undefined) parts.push(`growth: ${provenance.growth.source}`);
  return [...new Set(parts)].join('; ');
}

/**
 * A defined name for an input's row: its path with `_` for `.` and `-`
 * (`supplyChain_modes_receivables_penetration`), and the case where rows differ
 * by case; undefined where it could not be a name (too long).
 */
function definedName(path: string, c: Case | undefined): string | undefined {
  const name = `${path.replace(/[.-]/g, '_')}${c === undefined ? '' : `_${c}`}`;
  return name.length <= 255 ? name : undefined;
}
