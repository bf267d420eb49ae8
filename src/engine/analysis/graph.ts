// The formula graph of one case: the models run on the recording Calc, and
// the case's lines name their nodes by address. explain reads it; a spreadsheet
// export would make each named node a cell (`inDependencyOrder`), and
// user-defined metrics would refer to nodes by address.
import { address, addressedValues, type Addressed, type ValueKind } from './lines.js';
import { inputsOf } from './inputs.js';
import { below, startRecording, type FormulaNode } from '../calc/recording.js';
import { forecastWith } from '../forecast.js';
import { TABLES, type Case, type CaseForecast, type Scenario, type TableName } from '../types.js';

/** Values a formula uses that are no line: each institution's humanCost in the year before the first. */
function valuesBeforeFirstYear<N>(forecast: CaseForecast<N>): Addressed<N>[] {
  const labour = forecast.labour;
  if (!labour) return [];
  const year = String(labour.years[0]! - 1);
  return labour.institutions.map((institution) => {
    const line = { table: 'labour', group: 'institutions', key: institution.id, metric: 'humanCost' } as const;
    return { address: address(line, year), line: address(line), kind: 'amount', value: institution.humanCostBefore };
  });
}

export interface CaseGraph {
  /** The node of every value of the case's lines, by address, in line order. */
  readonly lines: ReadonlyMap<string, { readonly node: FormulaNode; readonly kind: ValueKind }>;
  /**
   * What a node is called: an input `path.year` (also where a line shows it,
   * as market.marketSpace shows supplyChain.marketSpace), an operation the
   * address of its line (the first, were it in two); undefined for an
   * operation inside a formula (the 1 − Σ share of otherSize).
   */
  nameOf(node: FormulaNode): string | undefined;
  /** The line a node is the value of in some year (`labour.institutions.banks.cumulativeSaving`); none for an input. */
  lineOf(node: FormulaNode): string | undefined;
  /** A named node's kind: its line's, or for an input its own. */
  kindOf(node: FormulaNode): ValueKind;
}

/** Records the formula graph of the scenario's case `c`: of every table, or of `tables` and those they build on. */
export function recordCase(scenario: Scenario, c: Case, tables: readonly TableName[] = TABLES): CaseGraph {
  const { calc, input } = startRecording(inputsOf(scenario), c);
  const forecast = forecastWith(calc, scenario, input, tables);
  const defined = addressedValues(forecast).filter((line): line is Addressed<FormulaNode> => line.value !== null);
  const lines = new Map(defined.map(({ address, kind, value }) => [address, { node: value, kind }]));
  const names = new Map<FormulaNode, { name: string; line: string; kind: ValueKind }>();
  for (const { address, line, kind, value } of [...defined, ...valuesBeforeFirstYear(forecast)]) {
    if (!names.has(value) && value.kind !== 'input') names.set(value, { name: address, line, kind });
  }
  // A Scenario made by hand (in a test) may have no provenance.
  const inputKind = (path: string): ValueKind => scenario.provenance.get(path)?.kind ?? 'amount';
  return {
    lines,
    nameOf: (node) => (node.kind === 'input' ? `${node.path}.${node.year}` : names.get(node)?.name),
    lineOf: (node) => names.get(node)?.line,
    kindOf: (node) => (node.kind === 'input' ? inputKind(node.path) : (names.get(node)?.kind ?? 'amount')),
  };
}

/** The named nodes of the case, each after those its formula uses: a spreadsheet's cells, in an order to write them. */
export function inDependencyOrder(graph: CaseGraph): FormulaNode[] {
  return below([...graph.lines.values()].map((line) => line.node)).filter((node) => graph.nameOf(node) !== undefined);
}
