// The inputs of a scenario by path (as --set names them), walked through the
// models' input shapes: to vary them one at a time (sensitivity, solve,
// attribution) without a second copy of the models, and to run the models'
// checks on them.
import {
  MODELS,
  type InputOrMixShape,
  type InputShape,
  type Model,
  type SectionShape,
  type Shape,
} from '../models/index.js';
import type { Case, InputProblem, Item, Range, Scenario, Series, Year } from '../types.js';

type Fields = Readonly<Record<string, unknown>>;
type Change = (path: string, series: Series) => Series;

/** A copy of the scenario with every input series passed through `change`. */
export function mapInputs(scenario: Scenario, change: Change): Scenario {
  const changed: Record<string, unknown> = { ...scenario };
  for (const model of MODELS) {
    const inputs = scenario[model.section];
    if (inputs !== undefined)
      changed[model.section] = mapSection(model.inputs, inputs as unknown as Fields, model.section, change);
  }
  return changed as unknown as Scenario;
}

function mapSection(shape: SectionShape, value: Fields, path: string, change: Change): Fields {
  const changed: Record<string, unknown> = { ...value };
  for (const [key, field] of Object.entries(shape.fields)) {
    const own = value[key];
    const at = `${path}.${key}`;
    if (own === undefined) continue;
    if (field.kind === 'input') changed[key] = change(at, own as Series);
    if (field.kind === 'named') changed[key] = mapItems(field.item, own as readonly (Item & Fields)[], at, change);
    if (field.kind === 'inputOrMix')
      changed[key] = isSeries(own) ? change(at, own) : mapMix(field, own as Fields, at, change);
  }
  return changed;
}

function mapItems(shape: SectionShape, items: readonly (Item & Fields)[], path: string, change: Change): Fields[] {
  return items.map((item) => mapSection(shape, item, `${path}.${item.id}`, change));
}

function mapMix(shape: InputOrMixShape, mix: Fields, path: string, change: Change): Fields {
  return { mix: mapItems(shape.mix.item, mix.mix as readonly (Item & Fields)[], `${path}.mix`, change) };
}

/** How its model describes the input at a path (supplyChain.modes.receivables.share): its kind, label, default. */
export function inputShapeAt(path: string): InputShape | undefined {
  const [section, ...keys] = path.split('.');
  let shape: Shape | undefined = MODELS.find((model) => model.section === section)?.inputs;
  for (const key of keys) {
    if (shape?.kind === 'section') shape = Object.hasOwn(shape.fields, key) ? shape.fields[key] : undefined;
    // The key of a named item is its id.
    else if (shape?.kind === 'named') shape = shape.item;
    else if (shape?.kind === 'inputOrMix') shape = key === 'mix' ? shape.mix : undefined;
    else return undefined;
  }
  if (shape?.kind === 'inputOrMix') return shape.input;
  return shape?.kind === 'input' ? shape : undefined;
}

/** A decoded input (a Series) rather than a mix of channels. */
export function isSeries(value: unknown): value is Series {
  return value instanceof Map;
}

/** Every input series by path, in the scenario's order. */
export function inputsOf(scenario: Scenario): Map<string, Series> {
  const inputs = new Map<string, Series>();
  mapInputs(scenario, (path, series) => {
    inputs.set(path, series);
    return series;
  });
  return inputs;
}

/** Whether any year of the series is a range (low ≠ high). */
export function hasRange(series: Series): boolean {
  return [...series.values()].some((range) => !range.low.equals(range.high));
}

/** The series with every year at one end of its range. */
export function atEnd(series: Series, end: Case): Series {
  return new Map(
    [...series].map(([year, range]): [number, Range] => [
      year,
      { low: range[end], base: range[end], high: range[end] },
    ]),
  );
}

/** The years a model's inputs cover: its own, and the year before for a model that needs it (labour). */
export function inputYears(model: Model, years: readonly Year[]): readonly Year[] {
  return model.inputYears?.(years) ?? years;
}

/** What the models' checks find wrong with the scenario's inputs (shares over 100%, frontier over spend, ...). */
export function inputProblems(scenario: Scenario): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const model of MODELS) {
    const inputs = scenario[model.section] as unknown as (Fields & { years: readonly Year[] }) | undefined;
    if (inputs !== undefined)
      problems.push(...sectionProblems(model.inputs, inputs, model.section, inputYears(model, inputs.years)));
  }
  return problems;
}

function sectionProblems(shape: SectionShape, value: Fields, path: string, years: readonly Year[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const [key, field] of Object.entries(shape.fields)) {
    const own = value[key];
    const at = `${path}.${key}`;
    if (own === undefined) continue;
    if (field.kind === 'named') problems.push(...itemProblems(field, own as readonly (Item & Fields)[], at, years));
    if (field.kind === 'inputOrMix' && !isSeries(own))
      problems.push(...itemProblems(field.mix, (own as Fields).mix as readonly (Item & Fields)[], `${at}.mix`, years));
  }
  return [...problems, ...(shape.check?.(value as never, { path, years }) ?? [])];
}

function itemProblems(
  shape: { item: SectionShape; check?: SectionShape['check'] },
  items: readonly (Item & Fields)[],
  path: string,
  years: readonly Year[],
): InputProblem[] {
  const problems = items.flatMap((item) => sectionProblems(shape.item, item, `${path}.${item.id}`, years));
  return [...problems, ...(shape.check?.(items as never, { path, years }) ?? [])];
}
