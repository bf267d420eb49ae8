// A scenario's `metrics` (docs/metrics.md): each formula parsed, its references
// resolved (a line of the forecast, an input by path, another metric), its kind
// inferred and checked, its years within the scenario's, and no metric reading
// itself. Every problem is placed at its column inside the formula.
import { addressedValues } from '../engine/analysis/lines.js';
import { inputsOf } from '../engine/analysis/inputs.js';
import { forecastWith } from '../engine/forecast.js';
import type { Calc } from '../engine/calc/calc.js';
import { yearly } from '../engine/calc/yearly.js';
import {
  FUNCTIONS,
  METRIC_KINDS,
  metricKind,
  yearOf,
  type Expr,
  type MetricDefinition,
  type MetricKind,
} from '../engine/metrics.js';
import { MODEL_TABLES, MODELS, sectionOf } from '../engine/models/index.js';
import type { Label, Scenario, ValueKind, Year } from '../engine/types.js';
import { parseFormula } from './metrics-parse.js';
import type { Pos, Problems } from './problems.js';
import type { RawNode } from './raw.js';

/** More metrics than this are refused (a metric may read another: evaluation recurses along such chains). */
export const MAX_METRICS = 500;

/** A metric as decoding reads it, by the metric shape (format.ts). */
export interface WrittenMetric {
  readonly id: string;
  readonly label: Label;
  readonly formula?: string;
  readonly kind?: string;
  readonly source?: string;
}

/** What a formula may refer to, in a scenario. */
interface Known {
  /** Line addresses without the year, with their kind. */
  readonly lines: ReadonlyMap<string, MetricKind>;
  /** Input paths, with their kind. */
  readonly inputs: ReadonlyMap<string, MetricKind>;
  readonly metrics: ReadonlySet<string>;
  readonly years: readonly Year[];
}

class Located extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

/** The scenario's metrics checked, in the order written; undefined (with problems added) when one is wrong. */
export function checkMetrics(
  written: readonly WrittenMetric[],
  node: RawNode,
  scenario: Scenario,
  problems: Problems,
): MetricDefinition[] | undefined {
  const entry = (id: string, key?: string): RawNode => {
    const item = node.kind === 'map' ? node.entries.find((one) => one.key === id)?.value : undefined;
    const inItem = key !== undefined && item?.kind === 'map';
    const field = inItem ? item.entries.find((one) => one.key === key)?.value : undefined;
    return field ?? item ?? node;
  };
  if (written.length > MAX_METRICS) {
    problems.add(node.pos, 'metrics', `${written.length} metrics; at most ${MAX_METRICS}`);
    return undefined;
  }
  const known = knownOf(scenario, written);
  const resolved = new Map<string, Expr>();
  for (const metric of written) {
    const path = `metrics.${metric.id}`;
    if (metric.formula === undefined) {
      const expected = 'expected formula: an expression such as profit.profit / market.marketSize';
      problems.add(entry(metric.id).pos, path, `missing formula; ${expected}`);
      continue;
    }
    if (metric.kind !== undefined && !isKind(metric.kind)) {
      const unknown = `unknown kind '${metric.kind}'${problems.didYouMean(metric.kind, METRIC_KINDS)}`;
      const expected = `expected one of ${METRIC_KINDS.join(', ')}`;
      problems.add(entry(metric.id, 'kind').pos, `${path}.kind`, `${unknown}; ${expected}`);
    }
    const parsed = parseFormula(metric.formula);
    const at = (offset: number): Pos => columnIn(entry(metric.id, 'formula'), offset);
    if ('problem' in parsed) problems.add(at(parsed.problem.at), `${path}.formula`, parsed.problem.message);
    else located(at, `${path}.formula`, problems, () => resolved.set(metric.id, resolve(parsed.expr, known, problems)));
  }
  if (!problems.empty) return undefined;
  const cycle = firstCycle(resolved);
  if (cycle) {
    const path = cycle.map((id) => `metrics.${id}`).join(' → ');
    const message = `a cycle: ${path}; a metric cannot read itself`;
    problems.add(entry(cycle[0]!, 'formula').pos, `metrics.${cycle[0]}.formula`, message);
    return undefined;
  }
  // Kinds, each metric's once, those it reads first (there is no cycle now).
  const kinds = new Map<string, MetricKind>();
  const kindOfMetric = (id: string): MetricKind => {
    const metric = written.find((one) => one.id === id)!;
    if (!kinds.has(id)) {
      const at = (offset: number): Pos => columnIn(entry(id, 'formula'), offset);
      const infer = () => kindOf(resolved.get(id)!, known, kindOfMetric);
      const inferred = located(at, `metrics.${id}.formula`, problems, infer) ?? 'number';
      kinds.set(id, (metric.kind as MetricKind | undefined) ?? inferred);
      // A ratio and a plain number are both without a unit: either may be declared for the other.
      const clash = metric.kind === 'amount' || inferred === 'amount';
      if (metric.kind !== undefined && metric.kind !== inferred && clash) {
        const gives = `the formula gives ${KIND_WORDS[inferred]}`;
        const message = `kind: ${metric.kind}, but ${gives}; expected kind: ${inferred}`;
        problems.add(entry(id, 'kind').pos, `metrics.${id}.kind`, message);
      }
    }
    return kinds.get(id)!;
  };
  const definitions = written.map((metric): MetricDefinition => ({
    id: metric.id,
    label: metric.label,
    kind: kindOfMetric(metric.id),
    formula: metric.formula!,
    expr: resolved.get(metric.id)!,
    ...(metric.source !== undefined && { source: metric.source }),
    where: (node.kind === 'map' ? node.entries.find((one) => one.key === metric.id)?.keyPos : undefined) ?? node.pos,
  }));
  return problems.empty ? definitions : undefined;
}

function isKind(kind: string): kind is MetricKind {
  return (METRIC_KINDS as readonly string[]).includes(kind);
}

/** `check()`'s value; a Located problem it throws added at its column instead. */
function located<T>(at: (offset: number) => Pos, path: string, problems: Problems, check: () => T): T | undefined {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof Located)) throw error;
    problems.add(at(error.at), path, error.message);
    return undefined;
  }
}

/**
 * The position of a character of a formula: its column, where the formula is
 * written on one line; in a --set (line 0), its column in the --set's text, as line 1.
 */
function columnIn(node: RawNode, offset: number): Pos {
  if (node.kind !== 'scalar' || node.textCol === undefined) return node.pos;
  if (node.pos.line === 0) return { ...node.pos, line: 1, col: 1 + node.textCol + offset };
  return { ...node.pos, col: node.pos.col + node.textCol + offset };
}

/**
 * The models run for their shape only: which lines and items a scenario's
 * forecast has, and its years, hold whatever the values. Every value is 0 and
 * nothing is computed: no decimal forecast at load (issue #17's bench).
 */
const SHAPE: Calc<number> = {
  zero: 0,
  one: 0,
  add: () => 0,
  sub: () => 0,
  mul: () => 0,
  sum: () => 0,
  shareOf: () => 0,
  growth: () => 0,
  cagr: () => 0,
};

/** The lines and inputs of the scenario and the years of its tables. */
function knownOf(scenario: Scenario, written: readonly WrittenMetric[]): Known {
  const zeros = (_: unknown, years: readonly Year[]) => yearly(years, () => 0);
  const forecast = forecastWith(SHAPE, { ...scenario, metrics: undefined }, zeros, MODEL_TABLES);
  const lines = new Map(addressedValues(forecast, MODEL_TABLES).map(({ line, kind }) => [line, metricKind(kind)]));
  const kindOfInput = (path: string): ValueKind => scenario.provenance.get(path)?.kind ?? 'amount';
  const inputs = new Map([...inputsOf(scenario).keys()].map((path) => [path, metricKind(kindOfInput(path))]));
  const years = new Set<Year>();
  for (const table of MODEL_TABLES) forecast[table]?.years.forEach((year) => years.add(year));
  const metrics = new Set(written.map((metric) => metric.id));
  return { lines, inputs, metrics, years: [...years].sort((a, b) => a - b) };
}

/** The formula with each reference's source found; a Located problem where one is unknown or its year is outside. */
function resolve(expr: Expr, known: Known, problems: Problems): Expr {
  // Each problem of a formula is its first: a Located error, thrown and placed by `located`.
  switch (expr.type) {
    case 'number':
      return expr;
    case 'negate':
      return { ...expr, operand: resolve(expr.operand, known, problems) };
    case 'binary':
      return { ...expr, left: resolve(expr.left, known, problems), right: resolve(expr.right, known, problems) };
    case 'call': {
      const { min, max } = FUNCTIONS[expr.fn];
      const count = expr.args.length;
      if (count < min || (max !== undefined && count > max)) {
        const wanted = max === undefined ? `at least ${min}` : String(min);
        const plural = min === 1 && max === 1 ? '' : 's';
        throw new Located(expr.at, `${expr.fn} takes ${wanted} argument${plural}; got ${count}`);
      }
      if (expr.fn === 'cagr') {
        for (const year of expr.args.slice(1)) {
          checkYear(year.type === 'number' && year.kind === 'number' ? yearOf(year) : NaN, year.at, known);
        }
        const [from, to] = [expr.args[1]!, expr.args[2]!];
        if (yearOf(from) >= yearOf(to)) throw new Located(to.at, 'cagr needs a last year after the first');
      }
      return { ...expr, args: expr.args.map((arg) => resolve(arg, known, problems)) };
    }
    case 'ref': {
      if (expr.year !== undefined) checkYear(expr.year, expr.yearAt ?? expr.at, known);
      const source = sourceOf(expr.name, known);
      if (source) return { ...expr, source };
      throw new Located(expr.at, unknownReference(expr.name, known, problems));
    }
  }
}

function checkYear(year: Year, at: number, known: Known): void {
  const { years } = known;
  if (Number.isNaN(year)) throw new Located(at, `expected a year such as ${years[years.length - 1]}`);
  if (!years.includes(year)) {
    throw new Located(at, `year ${year} is outside the scenario's years ${years[0]}..${years[years.length - 1]}`);
  }
}

function sourceOf(name: string, known: Known): 'line' | 'input' | 'metric' | undefined {
  if (name.startsWith('metrics.') && known.metrics.has(name.slice('metrics.'.length))) return 'metric';
  if (known.lines.has(name)) return 'line';
  return known.inputs.has(name) ? 'input' : undefined;
}

/** Why a name is no reference: a table or section the scenario does not have, or a name to correct. */
function unknownReference(name: string, known: Known, problems: Problems): string {
  const first = name.split('.')[0]!;
  const table = MODEL_TABLES.find((one) => one === first);
  if (table && ![...known.lines.keys()].some((line) => line.startsWith(`${table}.`))) {
    const tables = [...new Set([...known.lines.keys()].map((line) => line.split('.')[0]))];
    return `the scenario has no ${table} table (it lacks ${sectionOf(table)}); expected a line of ${tables.join(', ')}`;
  }
  const section = MODELS.find((model) => model.section === first)?.section;
  if (section && ![...known.inputs.keys()].some((path) => path.startsWith(`${section}.`))) {
    return `the scenario has no ${section} section`;
  }
  const metrics = [...known.metrics].map((id) => `metrics.${id}`);
  const candidates = [...known.lines.keys(), ...known.inputs.keys(), ...metrics];
  const expected = 'expected a line (market.marketSize), an input (supplyChain.marketSpace) or metrics.<name>';
  return `unknown reference '${name}'${problems.didYouMean(name, candidates)}; ${expected}`;
}

const KIND_WORDS: Record<MetricKind, string> = { amount: 'an amount', ratio: 'a ratio', number: 'a number' };

/** The kind of a formula's value; a Located problem where its parts cannot be combined (an amount plus a ratio). */
function kindOf(expr: Expr, known: Known, metricKindOf: (id: string) => MetricKind): MetricKind {
  const of = (one: Expr): MetricKind => kindOf(one, known, metricKindOf);
  switch (expr.type) {
    case 'number':
      return expr.kind;
    case 'ref':
      if (expr.source === 'line') return known.lines.get(expr.name)!;
      if (expr.source === 'input') return known.inputs.get(expr.name)!;
      return metricKindOf(expr.name.slice('metrics.'.length));
    case 'negate':
      return of(expr.operand);
    case 'binary':
      return combine(expr.op, of(expr.left), of(expr.right), expr.at);
    case 'call': {
      const kinds = expr.args.map(of);
      if (expr.fn === 'growth' || expr.fn === 'cagr') return 'ratio';
      if (expr.fn === 'sum' || expr.fn === 'min' || expr.fn === 'max') {
        return kinds.reduce((a, b) => combine('+', a, b, expr.at));
      }
      return kinds[0]!;
    }
  }
}

/** The kind of `left op right`: amounts add to amounts, an amount over an amount is a ratio, ... */
function combine(op: '+' | '-' | '*' | '/', left: MetricKind, right: MetricKind, at: number): MetricKind {
  const unitless = (kind: MetricKind) => kind !== 'amount';
  if (op === '+' || op === '-') {
    if (left === right) return left;
    if (unitless(left) && unitless(right)) return 'ratio';
    const [verb, towards] = op === '+' ? ['add', 'to'] : ['subtract', 'from'];
    const expected = 'expected two amounts, or two ratios or numbers';
    throw new Located(at, `cannot ${verb} ${KIND_WORDS[right]} ${towards} ${KIND_WORDS[left]}; ${expected}`);
  }
  if (op === '*') {
    if (left === 'amount' && right === 'amount') {
      throw new Located(at, 'cannot multiply an amount by an amount; expected an amount times a ratio or a number');
    }
    if (left === 'amount' || right === 'amount') return 'amount';
    return left === 'ratio' || right === 'ratio' ? 'ratio' : 'number';
  }
  if (left === 'amount') return right === 'amount' ? 'ratio' : 'amount';
  if (right === 'amount') {
    const expected = 'expected an amount over an amount, a ratio or a number';
    throw new Located(at, `cannot divide ${KIND_WORDS[left]} by an amount; ${expected}`);
  }
  return left;
}

/** The first cycle of metrics reading metrics, as the ids along it (the first repeated at the end). */
function firstCycle(formulas: ReadonlyMap<string, Expr>): string[] | undefined {
  const reads = new Map([...formulas].map(([id, expr]) => [id, metricsRead(expr)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'open') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'open');
    path.push(id);
    for (const next of reads.get(id) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of formulas.keys()) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

function metricsRead(expr: Expr): string[] {
  switch (expr.type) {
    case 'number':
      return [];
    case 'ref':
      return expr.source === 'metric' ? [expr.name.slice('metrics.'.length)] : [];
    case 'negate':
      return metricsRead(expr.operand);
    case 'binary':
      return [...metricsRead(expr.left), ...metricsRead(expr.right)];
    case 'call':
      return expr.args.flatMap(metricsRead);
  }
}
