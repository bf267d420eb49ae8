// `--set path=value` (SPEC §4): one input overridden from the command line, in
// any value syntax, applied in order after `extends`. A path must name an input
// the format has (and, for modes, segments and channels, one the scenario has,
// unless a whole new one is given as a map). A bare amount is in the output
// unit (-u), as every bare amount on the command line; `null` removes the entry.
import { didYouMean, listNames } from '../shared/suggest.js';
import { keysOf, SCENARIO, type Shape } from './format.js';
import { isRemoval, mergeOver, type Removals } from './merge.js';
import { Problems, type Pos } from './problems.js';
import type { RawMap, RawNode } from './raw.js';

export interface Setting {
  /** How messages and provenance name it: `--set #2`. */
  readonly where: string;
  readonly path: readonly string[];
  readonly value: string;
  /** Where the value starts in the --set text (0-based): a formula's problems are placed by it. */
  readonly valueAt?: number;
  /** The unit of its bare amounts: the output unit. */
  readonly unit: string;
}

const YEAR = /^\d{4}$/;
const SERIES_KEYS = ['interpolate', 'growth'];
const VALUE_KEYS = ['value', 'low', 'base', 'high', 'source', 'note'];

/** Top-level keys that are not inputs, and why --set does not take them. */
const NOT_INPUTS: Readonly<Record<string, string>> = {
  version: 'it describes the file',
  name: 'it describes the file',
  title: 'it describes the file',
  description: 'it describes the file',
  extends: 'the files a scenario extends are read before --set applies',
  simulation: 'it says how simulate samples the inputs, not what they are',
};
const INPUT_KEYS = keysOf(SCENARIO).filter((key) => key !== 'unit' && !Object.hasOwn(NOT_INPUTS, key));

/**
 * `a.b.c=value` texts → settings, their bare amounts in `unit` (the output
 * unit); problems for a missing `=` or an empty path. `option` names them in
 * messages (`--set #1`).
 */
export function parseSettings(texts: readonly string[], unit: string, problems: Problems, option = '--set'): Setting[] {
  const settings: Setting[] = [];
  texts.forEach((text, i) => {
    const where = `${option} #${i + 1}`;
    const equals = text.indexOf('=');
    const path = equals < 0 ? [] : text.slice(0, equals).trim().split('.');
    if (equals < 0 || path.some((part) => part === '')) {
      const example = 'supplyChain.modes.receivables.penetration.2023=55%';
      problems.add(posOf(where), '', `expected path=value, e.g. ${example}, got '${text}'`);
    } else {
      const after = text.slice(equals + 1);
      const valueAt = equals + 1 + after.length - after.trimStart().length;
      settings.push({ where, path, value: after.trim(), valueAt, unit });
    }
  });
  return settings;
}

function posOf(where: string): Pos {
  return { file: where, line: 0, col: 0 };
}

/**
 * More overrides than anyone types: each --set is checked and applied against
 * the maps on its path, so thousands of them over thousands of modes would cost
 * their product. Larger changes belong in a scenario that extends this one.
 */
export const MAX_SETTINGS = 1000;

/**
 * Applies the settings over the merged tree of a scenario; every problem is
 * reported. Each setting's unit goes into `units`, its removals into `removed`.
 */
export async function applySettings(
  root: RawMap,
  settings: readonly Setting[],
  problems: Problems,
  units: Map<string, string>,
  removed: Removals,
): Promise<RawMap> {
  if (settings.length === 0) return root;
  if (settings.length > MAX_SETTINGS) {
    const instead = 'write larger changes in a scenario file that extends this one';
    problems.add(posOf(settings[MAX_SETTINGS]!.where), '', `more than ${MAX_SETTINGS} --set options; ${instead}`);
    return root;
  }
  const { parseYaml } = await import('./raw.js');
  let result = root;
  for (const setting of settings) {
    const pos = posOf(setting.where);
    const path = setting.path.join('.');
    const yamlProblems = new Problems();
    const parsed = parseYaml(setting.value, pos.file, yamlProblems);
    if (parsed === undefined) {
      for (const problem of yamlProblems.list) problems.add(pos, path, problem.message);
      continue;
    }
    const value = relocate(parsed, pos, setting.valueAt);
    if (!checkSettingPath(result, setting.path, value, pos, problems)) continue;
    units.set(setting.where, setting.unit);
    if (!isRemoval(value)) {
      result = setAt(result, setting.path, value, pos, removed) as RawMap;
      continue;
    }
    const without = removeAt(result, setting.path);
    if (without === undefined) {
      problems.add(pos, path, `nothing to remove: the scenario has no ${path}`);
      continue;
    }
    result = without as RawMap;
    removed.set(path, pos);
  }
  return result;
}

/** The tree without the entry at `path`, or undefined when it has none. */
function removeAt(node: RawNode, path: readonly string[]): RawNode | undefined {
  const [key, ...rest] = path;
  const entry = node.kind === 'map' ? node.entries.find((candidate) => candidate.key === key) : undefined;
  if (node.kind !== 'map' || entry === undefined || isRemoval(entry.value)) return undefined;
  if (rest.length === 0) return { ...node, entries: node.entries.filter((candidate) => candidate !== entry) };
  const value = removeAt(entry.value, rest);
  if (value === undefined) return undefined;
  return { ...node, entries: node.entries.map((candidate) => (candidate === entry ? { ...entry, value } : candidate)) };
}

/**
 * The tree with `value` at `path` (maps made where missing), all else kept. A map
 * is merged over what is there, as a file that extends another (mergeOver): a
 * value left out is kept, a null in it removes (into `removed`), anything else replaces.
 */
function setAt(
  node: RawNode | undefined,
  path: readonly string[],
  value: RawNode,
  pos: Pos,
  removed: Removals,
  at = '',
): RawNode {
  const [key, ...rest] = path;
  if (key === undefined) return node === undefined ? value : mergeOver(node, value, removed, at);
  const map: RawMap = node?.kind === 'map' ? node : { kind: 'map', pos, entries: [] };
  const existing = map.entries.find((entry) => entry.key === key);
  const here = at === '' ? key : `${at}.${key}`;
  const inner = (old: RawNode | undefined) => setAt(old, rest, value, pos, removed, here);
  const entries = existing
    ? map.entries.map((entry) => (entry === existing ? { ...entry, value: inner(entry.value) } : entry))
    : [...map.entries, { key, keyPos: pos, value: inner(undefined) }];
  return { ...map, entries };
}

/**
 * Every node of a --set value points at the --set. A value that is one scalar
 * keeps where its text starts in the --set (`textCol`, 0-based, its line being
 * 0): a formula's problem is placed at its column there (scenario/metrics.ts).
 */
function relocate(node: RawNode, pos: Pos, valueAt?: number): RawNode {
  switch (node.kind) {
    case 'scalar': {
      const { textCol, ...scalar } = node;
      const at = valueAt !== undefined && textCol !== undefined ? valueAt + node.pos.col - 1 + textCol : undefined;
      return { ...scalar, pos, ...(at !== undefined && { textCol: at }) };
    }
    case 'seq':
      return { ...node, pos, items: node.items.map((item) => relocate(item, pos)) };
    case 'map':
      return {
        ...node,
        pos,
        entries: node.entries.map((entry) => ({ ...entry, keyPos: pos, value: relocate(entry.value, pos) })),
      };
  }
}

function childOf(node: RawNode | undefined, key: string): RawNode | undefined {
  return node?.kind === 'map' ? node.entries.find((entry) => entry.key === key)?.value : undefined;
}

/** Whether `path` names an input (or part of one) the scenario can take; reports what is wrong. */
export function checkSettingPath(
  root: RawMap,
  path: readonly string[],
  value: RawNode,
  pos: Pos,
  problems: Problems,
): boolean {
  const [first] = path;
  if (first === 'unit') {
    // Under the rule for numbers on the command line, a unit set here would apply to nothing.
    problems.add(
      pos,
      first,
      "not an input: a file's unit applies to that file's own numbers, and a bare amount in --set is in the output " +
        'unit (-u); give the amount its unit instead, e.g. supplyChain.marketSpace.2023=13万亿',
    );
    return false;
  }
  if (first !== undefined && Object.hasOwn(NOT_INPUTS, first)) {
    const inputs = `--set overrides inputs, under ${INPUT_KEYS.join(', ')}`;
    problems.add(pos, first, `not an input: ${NOT_INPUTS[first]}; ${inputs}`);
    return false;
  }
  return checkPath(SCENARIO, root, path, 0, value, pos, problems);
}

/** Whether `path` from index `i` names something `shape` has; reports what is wrong. */
function checkPath(
  shape: Shape,
  node: RawNode | undefined,
  path: readonly string[],
  i: number,
  value: RawNode,
  pos: Pos,
  problems: Problems,
): boolean {
  if (i === path.length) return true;
  const key = path[i]!;
  const here = path.slice(0, i + 1).join('.');
  const fail = (message: string) => {
    problems.add(pos, here, message);
    return false;
  };
  switch (shape.kind) {
    case 'section': {
      const keys = shape === SCENARIO ? INPUT_KEYS : keysOf(shape);
      if (!keys.includes(key)) return fail(`no such input${didYouMean(key, keys)}; expected one of ${keys.join(', ')}`);
      return checkPath(shape.fields[key]!, childOf(node, key), path, i + 1, value, pos, problems);
    }
    case 'named': {
      const names = node?.kind === 'map' ? node.entries.map((entry) => entry.key) : [];
      const child = childOf(node, key);
      // A whole new item may be added as a map; a path into one must name an existing item.
      if (child === undefined && !(i === path.length - 1 && value.kind === 'map')) {
        const has = names.length > 0 ? `it has ${listNames(names)}` : `it has none`;
        return fail(`no ${shape.what} '${key}' in the scenario${problems.didYouMean(key, names)}; ${has}`);
      }
      return checkPath(shape.item, child, path, i + 1, value, pos, problems);
    }
    case 'inputOrMix':
      if (key === 'mix') return checkPath(shape.mix, childOf(node, key), path, i + 1, value, pos, problems);
      return checkInputTail(path, i, pos, problems);
    case 'input':
      return checkInputTail(path, i, pos, problems);
    case 'label':
      return i === path.length - 1 && ['en', 'zh'].includes(key) ? true : fail('a label takes en or zh');
    default:
      return fail(`${path.slice(0, i).join('.')} has no parts; set it whole`);
  }
}

/** Within an input: a year, interpolate or growth, then optionally a key of a value map. */
function checkInputTail(path: readonly string[], i: number, pos: Pos, problems: Problems): boolean {
  const [first, second, ...rest] = path.slice(i);
  const fail = (at: number, message: string) => {
    problems.add(pos, path.slice(0, at + 1).join('.'), message);
    return false;
  };
  if (VALUE_KEYS.includes(first!)) {
    return second === undefined || fail(i + 1, `a value map has no parts; set ${path.slice(0, i + 1).join('.')} whole`);
  }
  if (!YEAR.test(first!) && !SERIES_KEYS.includes(first!)) {
    const meant = didYouMean(first!, [...SERIES_KEYS, ...VALUE_KEYS]);
    return fail(i, `an input takes a year (2023), interpolate, growth or ${VALUE_KEYS.join(', ')}${meant}`);
  }
  if (second !== undefined && !VALUE_KEYS.includes(second)) {
    return fail(i + 1, `expected one of ${VALUE_KEYS.join(', ')}${didYouMean(second, VALUE_KEYS)}`);
  }
  return rest.length === 0 || fail(i + 2, 'a value map has no parts');
}
