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
import { inputsOf, isSeries, mapInputs } from './inputs.js';
import { linesOf } from './lines.js';
import { MODELS, modelOf, type SectionShape } from '../models/index.js';
import type { Case, Item, Range, Scenario, SectionName, Series, TableName } from '../types.js';

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

/** The sections a table is computed from: an input elsewhere cannot move it. */
function sectionsOf(table: TableName): SectionName[] {
  // A metric may read any model's lines and inputs.
  if (table === 'metrics') return MODELS.map((model) => model.section);
  const model = modelOf(table);
  return [...(model.buildsOn ? sectionsOf(model.buildsOn.table as TableName) : []), model.section];
}

/**
 * The items of a model with inputs of their own (modes, segments, …): each can be added, removed or changed in form on
 * its own.
 */
interface Collection {
  readonly path: string;
  readonly section: SectionName;
  readonly key: string;
  readonly shape: SectionShape;
}

const COLLECTIONS: readonly Collection[] = MODELS.flatMap((model) =>
  Object.entries(model.inputs.fields).flatMap(([key, field]) =>
    field.kind === 'named' && Object.values(field.item.fields).some((own) => own.kind === 'input')
      ? [{ path: `${model.section}.${key}`, section: model.section, key, shape: field.item }]
      : [],
  ),
);

type Fields = Readonly<Record<string, unknown>>;
type Member = Item & Fields;

function itemsOf(collection: Collection, scenario: Scenario): readonly Member[] | undefined {
  return (scenario[collection.section] as Fields | undefined)?.[collection.key] as readonly Member[] | undefined;
}

function withItems(collection: Collection, scenario: Scenario, items: readonly Member[]): Scenario {
  return { ...scenario, [collection.section]: { ...scenario[collection.section], [collection.key]: items } };
}

/**
 * What of an item, other than its input series, differs: the whole item (the
 * form of a required input, as spend ↔ firms × perFirm, or a text, as its
 * group), or some of its fields, each switched as one (a flag; an optional
 * input given or not; the form of an optional input, as frontier ↔ frontierShare).
 */
function changedForm(shape: SectionShape, x: Member, y: Member): 'whole' | (readonly string[])[] {
  const parts: (readonly string[])[] = [];
  const inForms = new Set((shape.alternatives ?? []).flatMap((alternatives) => alternatives.forms.flat()));
  for (const alternatives of shape.alternatives ?? []) {
    const formOf = (item: Member) =>
      alternatives.forms.findIndex((form) => form.some((key) => item[key] !== undefined));
    if (formOf(x) === formOf(y)) continue;
    if (alternatives.required) return 'whole';
    parts.push(alternatives.forms.flat());
  }
  for (const [key, field] of Object.entries(shape.fields)) {
    if (field.kind === 'text' && x[key] !== y[key]) return 'whole';
    if (field.kind === 'boolean' && x[key] !== y[key]) parts.push([key]);
    if (field.kind === 'input' && !inForms.has(key) && (x[key] === undefined) !== (y[key] === undefined))
      parts.push([key]);
  }
  return parts;
}

function sameRange(x: Range, y: Range): boolean {
  return x.low.equals(y.low) && x.base.equals(y.base) && x.high.equals(y.high);
}

/** The same in every year both have (a model's other years are not a change of its inputs). */
function sameSeries(x: Series, y: Series): boolean {
  return [...x].every(([year, range]) => !y.has(year) || sameRange(range, y.get(year)!));
}

const sectionOf = (path: string) => path.split('.')[0] as SectionName;

/** The inputs that differ (series, flags, inputs only one side has), in path order. */
export function changedInputs(a: Scenario, b: Scenario): string[] {
  const [inputsA, inputsB] = [inputsOf(a), inputsOf(b)];
  const paths = [...new Set([...inputsA.keys(), ...inputsB.keys()])].filter(
    (path) => !(inputsA.has(path) && inputsB.has(path) && sameSeries(inputsA.get(path)!, inputsB.get(path)!)),
  );
  const flags = COLLECTIONS.flatMap((collection) =>
    (itemsOf(collection, a) ?? []).flatMap((item) => {
      const other = itemsOf(collection, b)?.find((candidate) => candidate.id === item.id);
      const keys = Object.entries(collection.shape.fields).filter(
        ([key, field]) => field.kind === 'boolean' && other && other[key] !== item[key],
      );
      return keys.map(([key]) => `${collection.path}.${item.id}.${key}`);
    }),
  );
  return [...paths, ...flags].sort();
}

/** "2019..2023" */
function span(years: readonly number[]): string {
  return `${years[0]}..${years[years.length - 1]}`;
}

/** The players of the models that `tables` depend on, or why inputs cannot be switched one by one. */
function switchesOf(
  a: Scenario,
  b: Scenario,
  tables: readonly TableName[],
): { switches: Switch[] } | { unattributable: string } {
  const sections = new Set(tables.flatMap(sectionsOf));
  const both = MODELS.map((model) => model.section).filter(
    (section) => sections.has(section) && a[section] !== undefined && b[section] !== undefined,
  );
  const moved = both.filter(
    (model) => span(a[model]!.years) !== span(b[model]!.years) || a[model]!.years.length !== b[model]!.years.length,
  );
  if (moved.length > 0) {
    const list = moved.map((model) => `${model} ${span(a[model]!.years)} → ${span(b[model]!.years)}`).join(', ');
    return { unattributable: `the years differ: ${list}; an input cannot be switched alone between different years` };
  }
  const [inputsA, inputsB] = [inputsOf(a), inputsOf(b)];
  const allPaths = [...new Set([...inputsA.keys(), ...inputsB.keys()])];
  const under = (name: string) => allPaths.filter((path) => path === name || path.startsWith(`${name}.`));
  const formChanges: Switch[] = [];
  for (const collection of COLLECTIONS.filter((candidate) => both.includes(candidate.section))) {
    const [itemsA, itemsB] = [itemsOf(collection, a)!, itemsOf(collection, b)!];
    for (const id of new Set([...itemsA, ...itemsB].map((item) => item.id))) {
      const [x, y] = [itemsA.find((item) => item.id === id), itemsB.find((item) => item.id === id)];
      const name = `${collection.path}.${id}`;
      const parts = x && y ? changedForm(collection.shape, x, y) : 'whole';
      if (parts === 'whole') {
        const apply = (mixed: Scenario) => {
          const items = itemsOf(collection, mixed)!;
          return withItems(
            collection,
            mixed,
            y === undefined
              ? items.filter((item) => item.id !== id)
              : x === undefined
                ? [...items, y]
                : items.map((item) => (item.id === id ? y : item)),
          );
        };
        formChanges.push({ name, paths: under(name), apply });
        continue;
      }
      for (const keys of parts) {
        const switched = Object.fromEntries(keys.map((key) => [key, y![key]]));
        const apply = (mixed: Scenario) =>
          withItems(
            collection,
            mixed,
            itemsOf(collection, mixed)!.map((item) => (item.id === id ? { ...item, ...switched } : item)),
          );
        // One player for the forms of one input (frontier and frontierShare), named by the first.
        const paths = keys.flatMap((key) => under(`${name}.${key}`));
        formChanges.push({
          name: `${name}.${keys[0]}`,
          paths: paths.length > 0 ? paths : [`${name}.${keys[0]}`],
          apply,
        });
      }
    }
  }
  for (const model of MODELS.filter((candidate) => both.includes(candidate.section))) {
    for (const [key, field] of Object.entries(model.inputs.fields)) {
      if (field.kind !== 'inputOrMix') continue;
      const [x, y] = [(a[model.section] as unknown as Fields)[key], (b[model.section] as unknown as Fields)[key]];
      if (sameForm(x, y)) continue;
      const name = `${model.section}.${key}`;
      formChanges.push({
        name,
        paths: under(name),
        apply: (mixed) => ({ ...mixed, [model.section]: { ...mixed[model.section], [key]: y } }),
      });
    }
  }
  const covered = new Set(formChanges.flatMap((player) => player.paths));
  const series: Switch[] = [...inputsA.keys()]
    .filter(
      (path) =>
        both.includes(sectionOf(path)) &&
        !covered.has(path) &&
        inputsB.has(path) &&
        !sameSeries(inputsA.get(path)!, inputsB.get(path)!),
    )
    .map((path) => {
      const value = inputsB.get(path)!;
      return {
        name: path,
        paths: [path],
        apply: (mixed) => mapInputs(mixed, (at, own) => (at === path ? value : own)),
      };
    });
  return { switches: [...series, ...formChanges].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)) };
}

/** Both series, or both mixes of the same channels: then each series is a player of its own. */
function sameForm(x: unknown, y: unknown): boolean {
  if (isSeries(x) || isSeries(y)) return isSeries(x) === isSeries(y);
  const ids = (mix: unknown) =>
    ((mix as { mix: readonly Item[] }).mix ?? [])
      .map((channel) => channel.id)
      .sort()
      .join('\u0000');
  return ids(x) === ids(y);
}

/** More than MAX_PLAYERS players: one per model, switching all of its players at once. */
function byModel(switches: readonly Switch[]): Switch[] {
  return [...new Set(switches.map((player) => sectionOf(player.name)))].map((model) => {
    const members = switches.filter((player) => sectionOf(player.name) === model);
    return {
      name: model,
      paths: members.flatMap((player) => player.paths),
      apply: (mixed) => members.reduce((scenario, player) => player.apply(scenario), mixed),
    };
  });
}

export function attribute(
  a: Scenario,
  b: Scenario,
  cases: readonly Case[],
  tables: readonly TableName[],
  changes: readonly Change[],
): AttributionResult {
  const attributable = changes.filter((change) => change.delta !== null);
  const found = switchesOf(a, b, tables);
  if ('unattributable' in found)
    return { players: [], grouped: false, unattributable: found.unattributable, byChange: residualOnly(attributable) };
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
