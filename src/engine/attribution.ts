// Attribution: which changed input moved each changed output, and by how much.
// Shapley values over the changed inputs: each input's contribution is its
// marginal effect averaged over every order of switching the inputs from a to b,
// so the parts do not depend on the order inputs are listed, and together with
// the residual they add up to the change exactly. The residual is what the
// inputs cannot explain (a change that is not an input series, such as a
// mode's costSavings flag, and decimal rounding).
import { Decimal, sum } from '../decimal.js';
import type { Change } from './diff.js';
import { identityOf } from './diff.js';
import { forecast } from './forecast.js';
import { inputsOf, mapInputs } from './inputs.js';
import { linesOf } from './lines.js';
import type { Case, Range, Scenario, Series, TableName } from './types.js';

/** Above this many changed inputs, inputs are grouped by their model (2^k forecasts are run). */
export const MAX_PLAYERS = 10;

export interface Player {
  /** An input path, or a model (`supplyChain`) when inputs are grouped. */
  readonly name: string;
  readonly paths: readonly string[];
}

export interface Contribution {
  readonly player: Player;
  readonly delta: Decimal;
}

export interface Attribution {
  readonly contributions: readonly Contribution[];
  /** change.delta − Σ contributions */
  readonly residual: Decimal;
}

export interface AttributionResult {
  readonly players: readonly Player[];
  /** True when there were more than MAX_PLAYERS changed inputs, grouped by model. */
  readonly grouped: boolean;
  /** Why nothing could be attributed (the scenarios' inputs differ in shape), if so. */
  readonly unattributable?: string;
  /** By change identity (see identityOf). */
  readonly byChange: ReadonlyMap<string, Attribution>;
}

function sameRange(x: Range, y: Range): boolean {
  return x.low.equals(y.low) && x.base.equals(y.base) && x.high.equals(y.high);
}

function sameSeries(x: Series, y: Series): boolean {
  return x.size === y.size && [...x].every(([year, range]) => y.has(year) && sameRange(range, y.get(year)!));
}

/** The inputs whose series differ, in path order; undefined when the inputs differ in shape. */
export function changedInputs(a: Scenario, b: Scenario): string[] | undefined {
  const [inputsA, inputsB] = [inputsOf(a), inputsOf(b)];
  const paths = [...inputsA.keys()];
  if (paths.length !== inputsB.size || paths.some((path) => !inputsB.has(path) || inputsA.get(path)!.size !== inputsB.get(path)!.size)) return undefined;
  if (paths.some((path) => [...inputsA.get(path)!.keys()].some((year) => !inputsB.get(path)!.has(year)))) return undefined;
  return paths.filter((path) => !sameSeries(inputsA.get(path)!, inputsB.get(path)!)).sort();
}

export function attribute(a: Scenario, b: Scenario, cases: readonly Case[], tables: readonly TableName[], changes: readonly Change[]): AttributionResult {
  const attributable = changes.filter((change) => change.delta !== null);
  const paths = changedInputs(a, b);
  if (paths === undefined) {
    const why = 'the scenarios differ in shape (years, modes, segments or institutions), so inputs cannot be swapped one by one';
    return { players: [], grouped: false, unattributable: why, byChange: residualOnly(attributable) };
  }
  const grouped = paths.length > MAX_PLAYERS;
  const players: Player[] = grouped
    ? [...new Set(paths.map((path) => path.split('.')[0]!))].map((model) => ({ name: model, paths: paths.filter((path) => path.split('.')[0] === model) }))
    : paths.map((path) => ({ name: path, paths: [path] }));
  const inputsB = inputsOf(b);
  const k = players.length;
  const wanted = new Set(attributable.map(identityOf));
  // v(S): every changed output with the players in S switched to b.
  const values: Map<string, Decimal | null>[] = [];
  for (let mask = 0; mask < 1 << k; mask++) {
    const switched = new Set(players.filter((_, i) => mask & (1 << i)).flatMap((player) => player.paths));
    const mixed = mapInputs(a, (path, series) => (switched.has(path) ? inputsB.get(path)! : series));
    const result = forecast(mixed, cases);
    const byId = new Map<string, Decimal | null>();
    for (const [c, caseForecast] of result.cases) {
      for (const line of linesOf(caseForecast, tables)) {
        for (const [year, value] of line.values) {
          const id = identityOf({ case: c, ...line, year });
          if (wanted.has(id)) byId.set(id, value);
        }
      }
    }
    values.push(byId);
  }
  // φ_i = Σ_{S ∌ i} |S|!(k−|S|−1)!/k! · (v(S ∪ {i}) − v(S)); the weights' numerators are
  // whole numbers, so the sum is divided by k! once.
  const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));
  const popcount = (n: number): number => (n === 0 ? 0 : (n & 1) + popcount(n >> 1));
  const byChange = new Map<string, Attribution>();
  for (const change of attributable) {
    const id = identityOf(change);
    const contributions = players.map((player, i) => {
      let numerator = new Decimal(0);
      for (let mask = 0; mask < 1 << k; mask++) {
        if (mask & (1 << i)) continue;
        const [without, withIt] = [values[mask]!.get(id), values[mask | (1 << i)]!.get(id)];
        if (without == null || withIt == null) continue;
        const size = popcount(mask);
        numerator = numerator.plus(withIt.minus(without).times(factorial(size) * factorial(k - size - 1)));
      }
      return { player, delta: numerator.dividedBy(factorial(k)) };
    });
    byChange.set(id, { contributions, residual: change.delta!.minus(sum(contributions.map((part) => part.delta))) });
  }
  return { players, grouped, byChange };
}

function residualOnly(changes: readonly Change[]): Map<string, Attribution> {
  return new Map(changes.map((change) => [identityOf(change), { contributions: [], residual: change.delta! }]));
}
