// Attribution: which changed input moved each changed output, and by how much.
// Shapley values over the changed inputs: each input's contribution is its
// marginal effect averaged over every order of switching the inputs from a to b,
// so the parts do not depend on the order inputs are listed, and together with
// the residual they add up to the change exactly. The residual is what the
// inputs cannot explain (decimal rounding). A player is an input series, or a
// part of a scenario that changed form: a profit share given as a rate on one
// side and a mix on the other, a mode or segment only one side has, a flag.
import { Decimal, sum } from '../../shared/decimal.js';
import type { Change } from './diff.js';
import { identityOf } from './diff.js';
import { forecast } from '../forecast.js';
import { inputsOf, mapInputs } from './inputs.js';
import { linesOf } from './lines.js';
import type { Case, InstitutionInputs, ModeInputs, Range, Scenario, SegmentInputs, Series, TableName, TechnologiesInputs } from '../types.js';

/** Above this many changed inputs, inputs are grouped by their model (2^k forecasts are run). */
export const MAX_PLAYERS = 10;

export interface Player {
  /** An input path (or a mode, segment, flag…), or a model (`supplyChain`) when inputs are grouped. */
  readonly name: string;
  readonly paths: readonly string[];
}

/** A player, and how to switch it from a to b in a scenario made of both. */
interface Switch extends Player {
  readonly apply: (mixed: Scenario) => Scenario;
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
  /** Why nothing could be attributed (a model's years differ), if so. */
  readonly unattributable?: string;
  /** By change identity (see identityOf). */
  readonly byChange: ReadonlyMap<string, Attribution>;
}

type Model = 'supplyChain' | 'bankProfit' | 'techSpend' | 'labourSavings' | 'technologies';
const MODELS: readonly Model[] = ['supplyChain', 'bankProfit', 'techSpend', 'labourSavings', 'technologies'];
/** The models a table is computed from: an input elsewhere cannot move it. */
const MODELS_OF: Record<TableName, readonly Model[]> = {
  market: ['supplyChain'],
  profit: ['supplyChain', 'bankProfit'],
  spend: ['techSpend'],
  labour: ['labourSavings'],
  tech: ['technologies'],
};

/** The items of a model (modes, segments, …): each can be added, removed or changed in form on its own. */
interface Collection<T extends { readonly id: string }> {
  readonly path: string;
  readonly items: (scenario: Scenario) => readonly T[] | undefined;
  readonly withItems: (scenario: Scenario, items: readonly T[]) => Scenario;
  /** What of an item, other than its input series, differs: the whole item, or some of its fields. */
  readonly reshaped: (x: T, y: T) => 'whole' | readonly (keyof T & string)[];
}

const MODES: Collection<ModeInputs> = {
  path: 'supplyChain.modes',
  items: (scenario) => scenario.supplyChain?.modes,
  withItems: (scenario, modes) => ({ ...scenario, supplyChain: { ...scenario.supplyChain!, modes } }),
  reshaped: (x, y) => (x.costSavings === y.costSavings ? [] : ['costSavings']),
};
const SEGMENTS: Collection<SegmentInputs> = {
  path: 'techSpend.segments',
  items: (scenario) => scenario.techSpend?.segments,
  withItems: (scenario, segments) => ({ ...scenario, techSpend: { ...scenario.techSpend!, segments } }),
  // spend ↔ firms × perFirm, or another group: the segment as a whole; frontier ↔ frontierShare: its frontier.
  reshaped: (x, y) => (x.volume.kind !== y.volume.kind || x.group !== y.group ? 'whole' : x.frontier?.kind === y.frontier?.kind ? [] : ['frontier']),
};
const INSTITUTIONS: Collection<InstitutionInputs> = {
  path: 'labourSavings.institutions',
  items: (scenario) => scenario.labourSavings?.institutions,
  withItems: (scenario, institutions) => ({ ...scenario, labourSavings: { ...scenario.labourSavings!, institutions } }),
  reshaped: (x, y) => ((x.smartServiceCost === undefined) === (y.smartServiceCost === undefined) ? [] : ['smartServiceCost']),
};
const TECHNOLOGIES: Collection<TechnologiesInputs['items'][number]> = {
  path: 'technologies.items',
  items: (scenario) => scenario.technologies?.items,
  withItems: (scenario, items) => ({ ...scenario, technologies: { ...scenario.technologies!, items } }),
  reshaped: () => [],
};

function sameRange(x: Range, y: Range): boolean {
  return x.low.equals(y.low) && x.base.equals(y.base) && x.high.equals(y.high);
}

/** The same in every year both have (a model's other years are not a change of its inputs). */
function sameSeries(x: Series, y: Series): boolean {
  return [...x].every(([year, range]) => !y.has(year) || sameRange(range, y.get(year)!));
}

const modelOf = (path: string) => path.split('.')[0] as Model;

/** The inputs that differ (series, flags, inputs only one side has), in path order. */
export function changedInputs(a: Scenario, b: Scenario): string[] {
  const [inputsA, inputsB] = [inputsOf(a), inputsOf(b)];
  const paths = [...new Set([...inputsA.keys(), ...inputsB.keys()])].filter((path) => !(inputsA.has(path) && inputsB.has(path) && sameSeries(inputsA.get(path)!, inputsB.get(path)!)));
  const flags = (MODES.items(a) ?? []).flatMap((mode) => {
    const other = MODES.items(b)?.find((item) => item.id === mode.id);
    return other && other.costSavings !== mode.costSavings ? [`${MODES.path}.${mode.id}.costSavings`] : [];
  });
  return [...paths, ...flags].sort();
}

/** "2019..2023" */
function span(years: readonly number[]): string {
  return `${years[0]}..${years[years.length - 1]}`;
}

/** The players of the models that `tables` depend on, or why inputs cannot be switched one by one. */
function switchesOf(a: Scenario, b: Scenario, tables: readonly TableName[]): { switches: Switch[] } | { unattributable: string } {
  const models = new Set(tables.flatMap((table) => MODELS_OF[table]));
  const both = MODELS.filter((model) => models.has(model) && a[model] !== undefined && b[model] !== undefined);
  const moved = both.filter((model) => span(a[model]!.years) !== span(b[model]!.years) || a[model]!.years.length !== b[model]!.years.length);
  if (moved.length > 0) {
    const list = moved.map((model) => `${model} ${span(a[model]!.years)} → ${span(b[model]!.years)}`).join(', ');
    return { unattributable: `the years differ: ${list}; an input cannot be switched alone between different years` };
  }
  const [inputsA, inputsB] = [inputsOf(a), inputsOf(b)];
  const allPaths = [...new Set([...inputsA.keys(), ...inputsB.keys()])];
  const under = (name: string) => allPaths.filter((path) => path === name || path.startsWith(`${name}.`));
  const reshaped: Switch[] = [];
  const collect = <T extends { readonly id: string }>(collection: Collection<T>) => {
    if (!both.includes(modelOf(collection.path))) return;
    const [itemsA, itemsB] = [collection.items(a)!, collection.items(b)!];
    for (const id of new Set([...itemsA, ...itemsB].map((item) => item.id))) {
      const [x, y] = [itemsA.find((item) => item.id === id), itemsB.find((item) => item.id === id)];
      const name = `${collection.path}.${id}`;
      const parts = x && y ? collection.reshaped(x, y) : 'whole';
      if (parts === 'whole') {
        const apply = (mixed: Scenario) => {
          const items = collection.items(mixed)!;
          return collection.withItems(mixed, y === undefined ? items.filter((item) => item.id !== id) : x === undefined ? [...items, y] : items.map((item) => (item.id === id ? y : item)));
        };
        reshaped.push({ name, paths: under(name), apply });
        continue;
      }
      for (const field of parts) {
        const apply = (mixed: Scenario) => collection.withItems(mixed, collection.items(mixed)!.map((item) => (item.id === id ? { ...item, [field]: y![field] } : item)));
        // frontier covers frontierShare too: the two forms of one input.
        const paths = allPaths.filter((path) => path.startsWith(`${name}.${field}`));
        reshaped.push({ name: `${name}.${field}`, paths: paths.length > 0 ? paths : [`${name}.${field}`], apply });
      }
    }
  };
  collect(MODES);
  collect(SEGMENTS);
  collect(INSTITUTIONS);
  collect(TECHNOLOGIES);
  if (both.includes('bankProfit') && !sameForm(a.bankProfit!.profitShare, b.bankProfit!.profitShare)) {
    const profitShare = b.bankProfit!.profitShare;
    reshaped.push({ name: 'bankProfit.profitShare', paths: under('bankProfit.profitShare'), apply: (mixed) => ({ ...mixed, bankProfit: { ...mixed.bankProfit!, profitShare } }) });
  }
  const covered = new Set(reshaped.flatMap((player) => player.paths));
  const series: Switch[] = [...inputsA.keys()]
    .filter((path) => both.includes(modelOf(path)) && !covered.has(path) && inputsB.has(path) && !sameSeries(inputsA.get(path)!, inputsB.get(path)!))
    .map((path) => {
      const value = inputsB.get(path)!;
      return { name: path, paths: [path], apply: (mixed) => mapInputs(mixed, (at, own) => (at === path ? value : own)) };
    });
  return { switches: [...series, ...reshaped].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) };
}

/** Both rates, or both mixes of the same channels: then each series is a player of its own. */
function sameForm(x: NonNullable<Scenario['bankProfit']>['profitShare'], y: NonNullable<Scenario['bankProfit']>['profitShare']): boolean {
  if (x.kind === 'rate' || y.kind === 'rate') return x.kind === y.kind;
  const ids = (channels: readonly { id: string }[]) => channels.map((channel) => channel.id).sort().join('\u0000');
  return ids(x.channels) === ids(y.channels);
}

/** More than MAX_PLAYERS players: one per model, switching all of its players at once. */
function byModel(switches: readonly Switch[]): Switch[] {
  return [...new Set(switches.map((player) => modelOf(player.name)))].map((model) => {
    const members = switches.filter((player) => modelOf(player.name) === model);
    return { name: model, paths: members.flatMap((player) => player.paths), apply: (mixed) => members.reduce((scenario, player) => player.apply(scenario), mixed) };
  });
}

export function attribute(a: Scenario, b: Scenario, cases: readonly Case[], tables: readonly TableName[], changes: readonly Change[]): AttributionResult {
  const attributable = changes.filter((change) => change.delta !== null);
  const found = switchesOf(a, b, tables);
  if ('unattributable' in found) return { players: [], grouped: false, unattributable: found.unattributable, byChange: residualOnly(attributable) };
  const grouped = found.switches.length > MAX_PLAYERS;
  const switches = grouped ? byModel(found.switches) : found.switches;
  const players: Player[] = switches.map(({ name, paths }) => ({ name, paths }));
  const k = switches.length;
  const wanted = new Set(attributable.map(identityOf));
  // v(S): every changed output with the players in S switched to b.
  const values: Map<string, Decimal | null>[] = [];
  for (let mask = 0; mask < 1 << k; mask++) {
    const mixed = switches.filter((_, i) => mask & (1 << i)).reduce((scenario, player) => player.apply(scenario), a);
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
