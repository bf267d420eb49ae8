// The scenario format (SPEC §2.3, §2.4): a raw YAML tree → a checked Scenario,
// read by the shape of each model's inputs (engine/models): sections, named
// items, inputs with their defaults, alternatives, and the models' checks,
// whose problems are placed at the positions of what they are about. Every
// problem is collected with its position; nothing after this re-checks inputs.
import {
  MODELS,
  keysOf,
  type Alternatives,
  type InputShape,
  type Model,
  type NamedShape,
  type SectionShape,
  type Shape,
} from '../engine/models/index.js';
import { inputYears } from '../engine/analysis/inputs.js';
import type { InputProblem, Item, Label, Provenance, Scenario, Series, ValueKind, Year } from '../engine/types.js';
import { isYearInWindow, YEAR_WINDOW } from '../shared/limits.js';
import { didYouMean, listNames } from '../shared/suggest.js';
import { AMOUNT_UNITS, unitSize } from '../shared/units.js';
import { METRICS, SCENARIO } from './format.js';
import { checkMetrics, type WrittenMetric } from './metrics.js';
import { isRemoval } from './merge.js';
import { Problems, type Pos } from './problems.js';
import type { RawMap, RawNode } from './raw.js';
import { readSeries } from './series.js';
import { checkDiscreteInputs, readSimulation } from './simulation.js';
import type { ReadContext } from './values.js';

/** What decoding a merged tree needs to know of where its parts were written. */
export interface Origins {
  /**
   * The unit of the bare amounts of each file and each --set, by the name positions give it (亿元 where none is listed).
   */
  readonly units: ReadonlyMap<string, string>;
  /** Inherited entries that a null removed, by path, with the position of the null. */
  readonly removed: ReadonlyMap<string, Pos>;
}

interface DecodeContext extends ReadContext {
  readonly removed: ReadonlyMap<string, Pos>;
}

/** The unit of a file's bare amounts when it gives none (SPEC §2.1). */
const DEFAULT_UNIT = '亿元';

const LABEL_KEYS = ['en', 'zh'];

/** In a message about a null in a map of names: the names listed, and the nulls given a "did you mean". */
const MAX_LISTED = 10;
const MAX_SUGGESTED = 20;

const DEFAULT_YEARS: readonly Year[] = [2019, 2020, 2021, 2022, 2023];
const MAX_YEARS = 200;
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A decoded section or item: its fields by key (see SectionShape). */
type Decoded = Record<string, unknown>;

/** A map's entries by key, after checking it is a map with no unknown keys. */
class Fields {
  constructor(
    readonly node: RawMap,
    readonly path: string,
  ) {}

  get(key: string): RawNode | undefined {
    return this.node.entries.find((entry) => entry.key === key)?.value;
  }

  child(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** The node at a path below this map (or this map's, for its own path): where a problem about it is shown. */
  nodeAt(path: string): RawNode {
    let node: RawNode = this.node;
    const below = path === this.path ? [] : path.slice(this.path === '' ? 0 : this.path.length + 1).split('.');
    for (const key of below) {
      const next: RawNode | undefined =
        node.kind === 'map' ? node.entries.find((entry) => entry.key === key)?.value : undefined;
      if (next === undefined) break;
      node = next;
    }
    return node;
  }
}

export function decodeScenario(
  root: RawNode,
  defaultName: string,
  problems: Problems,
  origins: Origins,
): Scenario | undefined {
  const top = fields(root, '', keysOf(SCENARIO), problems, SCENARIO.expect);
  if (!top) return undefined;

  const version = top.get('version');
  if (version && !(version.kind === 'scalar' && version.text === '1')) {
    problems.add(version.pos, 'version', 'unsupported format version; expected 1');
  }
  const { name, title } = heading(top, defaultName, problems);
  const description = text(top, 'description', problems);
  text(top, 'extends', problems);
  // `unit` was read with its file (fileUnit): it applies to that file's bare amounts only.

  const provenance = new Map<string, Provenance>();
  const unitAt = (pos: Pos) => {
    const unitName = origins.units.get(pos.file) ?? DEFAULT_UNIT;
    return { unitName, unitSize: unitSize(unitName)! };
  };
  const ctx: DecodeContext = {
    problems,
    provenance,
    unitName: DEFAULT_UNIT,
    unitSize: unitSize(DEFAULT_UNIT)!,
    unitAt,
    removed: origins.removed,
    seriesYears: { count: 0 },
  };
  const years = readYears(top.get('years'), 'years', ctx) ?? DEFAULT_YEARS;

  const sections: Decoded = {};
  for (const model of MODELS) {
    const node = top.get(model.section);
    const inputs = node && readModel(model, node, top, years, ctx);
    if (inputs) sections[model.section] = inputs;
  }
  const simulationNode = top.get('simulation');
  const simulation = simulationNode && readSimulation(simulationNode, provenance, problems);
  checkDiscreteInputs(provenance, problems);

  const metricsNode = top.get('metrics');
  const written =
    metricsNode &&
    namedItems(top, 'metrics', METRICS, ctx, (node, path, id) => readItem(node, path, id, METRICS.item, years, ctx));
  if (!problems.empty) return undefined;
  const scenario: Scenario = {
    name,
    title,
    ...(description !== undefined && { description }),
    provenance,
    ...sections,
    ...(simulation && { simulation }),
  };
  if (!written || written.length === 0) return scenario;
  const metrics = checkMetrics(written as unknown as WrittenMetric[], metricsNode!, scenario, problems);
  return metrics && { ...scenario, metrics };
}

/** The unit of the bare amounts of one file (SPEC §2.1): its own `unit`, if it gives a valid one. */
export function fileUnit(root: RawMap, problems: Problems): string | undefined {
  const node = root.entries.find((entry) => entry.key === 'unit')?.value;
  if (node === undefined) return undefined;
  const written = node.kind === 'scalar' ? node.text : '';
  if (unitSize(written) !== undefined) return written;
  problems.add(
    node.pos,
    'unit',
    `unknown unit '${written}'${didYouMean(written, AMOUNT_UNITS.keys())}; expected one of ` +
      `${[...AMOUNT_UNITS.keys()].join(' ')}`,
  );
  return undefined;
}

/**
 * A model's section. Its years are its own, or the top level's; a model that
 * builds on another (bankProfit on supplyChain) needs it, and its years lie
 * within the other's, which are its default.
 */
function readModel(
  model: Model,
  node: RawNode,
  top: Fields,
  topYears: readonly Year[],
  ctx: DecodeContext,
): Decoded | undefined {
  const { buildsOn, section } = model;
  let inherited = topYears;
  if (buildsOn) {
    const baseNode = top.get(buildsOn.section);
    if (!baseNode) ctx.problems.add(node.pos, section, `needs ${buildsOn.section}: ${buildsOn.why}`);
    if (baseNode?.kind === 'map') inherited = moduleYears(baseNode, topYears, ctx) ?? topYears;
  }
  const map = fields(node, section, keysOf(model.inputs), ctx.problems, model.inputs.expect);
  if (!map) return undefined;
  const yearsNode = map.get('years');
  const own = readYears(yearsNode, map.child('years'), ctx);
  let years = own ?? inherited;
  if (buildsOn && own && own.some((year) => !inherited.includes(year))) {
    ctx.problems.add(
      yearsNode!.pos,
      map.child('years'),
      `must lie within ${buildsOn.section}'s years ${inherited[0]}..${inherited[inherited.length - 1]}`,
    );
    years = inherited;
  }
  const inputs = readSection(map, model.inputs, inputYears(model, years), ctx);
  return inputs && { years, ...inputs };
}

/** A scenario's name (its file's when it gives none) and title (its name when it gives none). */
function heading(top: Fields, defaultName: string, problems: Problems): { name: string; title: string } {
  const name = text(top, 'name', problems) ?? defaultName;
  return { name, title: text(top, 'title', problems) ?? name };
}

/** The title of a scenario's merged tree, read without its inputs (list); problems with it are added. */
export function scenarioTitle(root: RawMap, defaultName: string, problems: Problems): string {
  return heading(new Fields(root, ''), defaultName, problems).title;
}

function fields(
  node: RawNode | undefined,
  path: string,
  known: readonly string[],
  problems: Problems,
  expectation: string,
): Fields | undefined {
  if (node === undefined) return undefined;
  if (node.kind !== 'map') {
    problems.add(node.pos, path, `expected ${expectation}`);
    return undefined;
  }
  for (const { key, keyPos } of node.entries) {
    if (!known.includes(key)) {
      problems.add(
        keyPos,
        path === '' ? key : `${path}.${key}`,
        `unknown key${didYouMean(key, known)}; expected one of ${known.join(', ')}`,
      );
    }
  }
  return new Fields(node, path);
}

function text(parent: Fields, key: string, problems: Problems): string | undefined {
  const node = parent.get(key);
  if (node === undefined) return undefined;
  if (node.kind === 'scalar' && node.type !== 'null') return node.text;
  problems.add(node.pos, parent.child(key), 'expected a text');
  return undefined;
}

/** `2019..2023`, `{from, to}` or a single year. */
function readYears(node: RawNode | undefined, path: string, ctx: ReadContext): Year[] | undefined {
  if (node === undefined) return undefined;
  let from: string | undefined;
  let to: string | undefined;
  if (node.kind === 'scalar')
    [from, to] = node.text.includes('..') ? node.text.split('..').map((s) => s.trim()) : [node.text, node.text];
  else if (node.kind === 'map') {
    const map = fields(node, path, ['from', 'to'], ctx.problems, '');
    const scalar = (key: string) => {
      const value = map?.get(key);
      return value?.kind === 'scalar' ? value.text : undefined;
    };
    [from, to] = [scalar('from'), scalar('to')];
  }
  const isYear = (s: string | undefined) => s !== undefined && /^\d{4}$/.test(s);
  if (!isYear(from) || !isYear(to)) {
    ctx.problems.add(node.pos, path, 'expected years as 2019..2023 or {from: 2019, to: 2023}');
    return undefined;
  }
  const [first, last] = [Number(from), Number(to)];
  if (!isYearInWindow(first) || !isYearInWindow(last)) {
    ctx.problems.add(
      node.pos,
      path,
      `expected years within ${YEAR_WINDOW.first}..${YEAR_WINDOW.last}; got ${first}..${last}`,
    );
    return undefined;
  }
  if (first > last || last - first >= MAX_YEARS) {
    ctx.problems.add(
      node.pos,
      path,
      `expected a first year ≤ the last, at most ${MAX_YEARS} years; got ${first}..${last}`,
    );
    return undefined;
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function moduleYears(node: RawMap, inherited: readonly Year[], ctx: ReadContext): readonly Year[] | undefined {
  const yearsNode = node.entries.find((entry) => entry.key === 'years')?.value;
  // Problems with these years are reported when the module itself is read.
  return yearsNode ? readYears(yearsNode, '', { ...ctx, problems: new Problems() }) : inherited;
}

/**
 * The fields of a section or item, read by its shape (the alternatives of a
 * form where their first key is); undefined when an input in it is not valid.
 * Its checks run once all its inputs are.
 */
function readSection(
  map: Fields,
  shape: SectionShape,
  years: readonly Year[],
  ctx: DecodeContext,
  id?: string,
): Decoded | undefined {
  const value: Decoded = {};
  let ok = true;
  const done = new Set<string>();
  for (const [key, field] of Object.entries(shape.fields)) {
    if (done.has(key)) continue;
    const alternatives = shape.alternatives?.find((candidate) => candidate.forms.some((form) => form.includes(key)));
    if (alternatives) {
      alternatives.forms.flat().forEach((other) => done.add(other));
      ok = readAlternatives(map, shape, alternatives, years, ctx, value) && ok;
    } else ok = readField(map, key, field, years, ctx, value, id) && ok;
  }
  checkNames(map, shape, value, ctx);
  return ok && report(shape.check?.(value as never, { path: map.path, years }), map, ctx) ? value : undefined;
}

/** Reads one field into `value`; false when it is an input (or holds one) that is not valid. */
function readField(
  map: Fields,
  key: string,
  field: Shape,
  years: readonly Year[],
  ctx: DecodeContext,
  value: Decoded,
  id?: string,
): boolean {
  switch (field.kind) {
    case 'label':
      value.label = readLabel(map, id ?? key, ctx);
      return true;
    case 'text': {
      const written = text(map, key, ctx.problems);
      if (written !== undefined) value[key] = written;
      return true;
    }
    case 'boolean':
      value[key] = readBoolean(map, key, field.default, ctx);
      return true;
    case 'input':
      return readInput(map, key, field, years, ctx, value);
    case 'named': {
      const items = namedItems(map, key, field, ctx, (node, path, itemId) =>
        readItem(node, path, itemId, field.item, years, ctx),
      );
      if (items === undefined) return false;
      value[key] = items;
      return report(field.check?.(items as never, { path: map.child(key), years }), map, ctx);
    }
    case 'inputOrMix': {
      const node = map.get(key);
      const hasMix = node?.kind === 'map' && node.entries.some((entry) => entry.key === 'mix');
      if (!hasMix) return readInput(map, key, field.input, years, ctx, value);
      const mix = fields(node, map.child(key), ['mix'], ctx.problems, '')!;
      const channels: Decoded = {};
      if (!readField(mix, 'mix', field.mix, years, ctx, channels)) return false;
      value[key] = channels;
      return true;
    }
    default:
      // years are the model's (readModel); unit and version are the file's.
      return true;
  }
}

function readInput(
  map: Fields,
  key: string,
  field: InputShape,
  years: readonly Year[],
  ctx: DecodeContext,
  value: Decoded,
  optional = field.optional === true,
): boolean {
  if (optional && map.get(key) === undefined) return true;
  const series = readInputSeries(map, key, field.value, years, ctx, field.default);
  if (series) value[key] = series;
  return series !== undefined;
}

/** Inputs in one of several forms: at most one form given, and one required when they are. */
function readAlternatives(
  map: Fields,
  shape: SectionShape,
  alternatives: Alternatives,
  years: readonly Year[],
  ctx: DecodeContext,
  value: Decoded,
): boolean {
  const given = alternatives.forms.map((form) => form.filter((key) => map.get(key) !== undefined));
  const first = given.findIndex((keys) => keys.length > 0);
  const second = given.findIndex((keys, i) => i > first && keys.length > 0);
  if (first >= 0 && second >= 0) {
    const key = given[second]![0]!;
    ctx.problems.add(map.get(key)!.pos, map.child(key), alternatives.conflict);
    return false;
  }
  const form = first >= 0 ? alternatives.forms[first]! : alternatives.required ? alternatives.forms[0]! : [];
  // Within a form every input is required.
  return form
    .map((key) => readInput(map, key, shape.fields[key] as InputShape, years, ctx, value, false))
    .every(Boolean);
}

/** Problems of a check, at the positions of what they are about; true when there are none. */
function report(problems: readonly InputProblem[] | undefined, map: Fields, ctx: DecodeContext): boolean {
  for (const problem of problems ?? [])
    ctx.problems.add(map.nodeAt(problem.at ?? problem.path).pos, problem.path, problem.message);
  return (problems ?? []).length === 0;
}

function readInputSeries(
  parent: Fields,
  key: string,
  kind: ValueKind,
  years: readonly Year[],
  ctx: DecodeContext,
  fallback: InputShape['default'],
): Series | undefined {
  const node = parent.get(key);
  const path = parent.child(key);
  if (node === undefined) {
    if (fallback === undefined) {
      missing(parent, key, ctx);
      return undefined;
    }
    const result = readSeries(
      { kind: 'scalar', pos: parent.node.pos, text: fallback.value, type: 'string' },
      kind,
      years,
      path,
      ctx,
    );
    const anchor = ctx.provenance.get(path)?.anchors.get(0);
    if (anchor) {
      const anchors = new Map([[0, { ...anchor, source: fallback.source }]]);
      ctx.provenance.set(path, { path, kind, method: 'default', anchors });
    }
    return result;
  }
  return readSeries(node, kind, years, path, ctx);
}

/** A required key that is not there: never given, or removed by a null, which may not remove it. */
function missing(parent: Fields, key: string, ctx: DecodeContext): void {
  const path = parent.child(key);
  const nullAt = ctx.removed.get(path);
  if (nullAt === undefined) {
    ctx.problems.add(parent.node.pos, path, `missing; ${key} is required`);
    return;
  }
  const owner = parent.path.split('.').pop()!;
  ctx.problems.add(
    nullAt,
    path,
    `${key} is required, so null cannot remove it; remove ${parent.path} instead (${owner}: null), or ` +
      `give ${key} a value`,
  );
}

function readLabel(parent: Fields, id: string, ctx: ReadContext): Label {
  const node = parent.get('label');
  if (node === undefined) return { en: id, zh: id };
  if (node.kind === 'scalar' && node.type !== 'null') return { en: node.text, zh: node.text };
  const map = fields(node, parent.child('label'), LABEL_KEYS, ctx.problems, 'a label: a text or {en, zh}');
  if (!map) return { en: id, zh: id };
  const en = text(map, 'en', ctx.problems);
  const zh = text(map, 'zh', ctx.problems);
  return { en: en ?? zh ?? id, zh: zh ?? en ?? id };
}

function readBoolean(parent: Fields, key: string, fallback: boolean, ctx: ReadContext): boolean {
  const node = parent.get(key);
  if (node === undefined) return fallback;
  if (node.kind === 'scalar' && node.type === 'boolean') return node.text === 'true';
  ctx.problems.add(node.pos, parent.child(key), 'expected true or false');
  return fallback;
}

/** One named item (a mode, segment, ...): its id, then its fields. */
function readItem(
  node: RawNode,
  path: string,
  id: string,
  shape: SectionShape,
  years: readonly Year[],
  ctx: DecodeContext,
): Decoded | undefined {
  const map = fields(node, path, keysOf(shape), ctx.problems, shape.expect);
  const value = map && readSection(map, shape, years, ctx, id);
  return value && { id, ...value };
}

/** The entries of a map of named items (modes, segments, channels), each read by `read`. */
function namedItems(
  parent: Fields,
  key: string,
  { what, required }: NamedShape,
  ctx: DecodeContext,
  read: (node: RawNode, path: string, id: string) => Decoded | undefined,
): Decoded[] | undefined {
  const node = parent.get(key);
  const path = parent.child(key);
  if (node === undefined) {
    if (required) missing(parent, key, ctx);
    return required ? undefined : [];
  }
  if (node.kind !== 'map') {
    ctx.problems.add(node.pos, path, `expected a map of named ${key}, e.g. {receivables: {...}}`);
    return undefined;
  }
  const items: Decoded[] = [];
  // The names a null could have removed, for its message (computed once: there may be thousands).
  let names: string[] | undefined;
  let nulls = 0;
  for (const entry of node.entries) {
    const itemPath = `${path}.${entry.key}`;
    if (!ID.test(entry.key)) {
      ctx.problems.add(
        entry.keyPos,
        itemPath,
        'a name must start with a letter and hold only letters, digits, _ and -',
      );
      continue;
    }
    if (entry.value.kind === 'scalar' && entry.value.type === 'null') {
      names ??= node.entries.filter((other) => !isRemoval(other.value)).map((other) => other.key);
      // A "did you mean" costs a comparison with every name: the first ones are what helps.
      const suggestion = nulls++ < MAX_SUGGESTED ? didYouMean(entry.key, names) : '';
      ctx.problems.add(entry.value.pos, itemPath, nullItem(entry.value, entry.key, names, suggestion, path, what));
      continue;
    }
    const item = read(entry.value, itemPath, entry.key);
    if (item !== undefined) items.push(item);
  }
  return items;
}

/** What is wrong with a named item given as null: a removal with nothing to remove, or nothing at all. */
function nullItem(
  value: RawNode,
  id: string,
  names: readonly string[],
  suggestion: string,
  path: string,
  what: string,
): string {
  if (!isRemoval(value)) {
    return `nothing given; expected a ${what} (a map of its keys), or null to remove an inherited ${what}`;
  }
  const listed =
    names.length === 0
      ? 'none'
      : names.length <= MAX_LISTED
        ? names.join(', ')
        : `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length} in all)`;
  return `no ${what} '${id}' to remove${suggestion}; null removes an inherited ${what}, and ${path} has ${listed}`;
}

/**
 * Texts that name an item of another collection of the section (a segment's
 * group): each names one that is declared, and each declared one is named by
 * an item (else it is likely a mistake).
 */
function checkNames(map: Fields, shape: SectionShape, value: Decoded, ctx: DecodeContext): void {
  for (const [key, field] of Object.entries(shape.fields)) {
    if (field.kind !== 'named') continue;
    for (const [textKey, textField] of Object.entries(field.item.fields)) {
      if (textField.kind !== 'text' || textField.names === undefined) continue;
      const target = shape.fields[textField.names] as NamedShape;
      const declared = value[textField.names] as readonly Item[] | undefined;
      const ids = (declared ?? []).map((item) => item.id);
      // Sets, not lists: thousands of items name thousands of others in linear time.
      const known = new Set(ids);
      const node = map.get(key);
      for (const entry of node?.kind === 'map' ? node.entries : []) {
        const written =
          entry.value.kind === 'map' && ID.test(entry.key)
            ? entry.value.entries.find((other) => other.key === textKey)?.value
            : undefined;
        if (written?.kind !== 'scalar' || written.type === 'null' || known.has(written.text)) continue;
        const list = ids.length > 0 ? ` (${textField.names}: ${listNames(ids)})` : '';
        ctx.problems.add(
          written.pos,
          `${map.child(key)}.${entry.key}.${textKey}`,
          `no ${target.what} '${written.text}'${ctx.problems.didYouMean(written.text, ids)}; declare it under ` +
            `${map.child(textField.names)}${list}`,
        );
      }
      const items = value[key] as readonly Decoded[] | undefined;
      const used = new Set(items?.map((item) => item[textKey]));
      for (const item of items ? (declared ?? []) : []) {
        if (used.has(item.id)) continue;
        const message = `no ${field.what} is in this ${target.what}; give ${key} ${textKey}: ${item.id}, or remove it`;
        ctx.problems.add(map.get(textField.names)!.pos, `${map.child(textField.names)}.${item.id}`, message);
      }
    }
  }
}
