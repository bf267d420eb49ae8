// `extends` (SPEC §2.3): a scenario merged over the one it extends. Maps merge
// key by key (so year maps merge year by year), anything else replaces. A value
// map ({value, source} or {low, base, high}) is one value and replaces whole.
// `key: null` removes the entry `key` the scenario would inherit.
import type { Pos } from './problems.js';
import type { RawEntry, RawMap, RawNode } from './raw.js';

const VALUE_KEYS = new Set(['value', 'low', 'base', 'high']);
/** Describe one file, so they are never inherited from the scenario extended. */
export const OWN_KEYS = new Set(['extends', 'name', 'title', 'description', 'unit']);

/** Inherited entries a `null` removed, by path, with the position of the null. */
export type Removals = Map<string, Pos>;

function isValueMap(node: RawNode): boolean {
  return node.kind === 'map' && node.entries.some((entry) => VALUE_KEYS.has(entry.key));
}

/**
 * `null` or `~` written out: a removal. An empty value (`key:` and nothing) is
 * not, as it is more often an entry left unfinished than one meant to go.
 */
export function isRemoval(node: RawNode): boolean {
  return node.kind === 'scalar' && node.type === 'null' && node.text !== '';
}

/**
 * `override` merged over `base`; the removals its nulls make are added to
 * `removed` (under `path`, the dotted path of the two nodes). A null with
 * nothing under it stays in the tree, for decoding to report.
 */
export function mergeOver(base: RawNode, override: RawNode, removed: Removals = new Map(), path = ''): RawNode {
  if (base.kind !== 'map' || override.kind !== 'map' || isValueMap(base) || isValueMap(override)) return override;
  const at = (key: string) => (path === '' ? key : `${path}.${key}`);
  // By key (a map's keys are unique): a scenario may have thousands of modes or segments.
  const replacements = new Map(override.entries.map((entry) => [entry.key, entry]));
  const baseKeys = new Set(base.entries.map((entry) => entry.key));
  const entries: RawEntry[] = [];
  for (const entry of base.entries) {
    const replacement = replacements.get(entry.key);
    if (replacement === undefined) entries.push(entry);
    else if (isRemoval(replacement.value) && !isRemoval(entry.value)) removed.set(at(entry.key), replacement.value.pos);
    else entries.push({ ...replacement, value: mergeOver(entry.value, replacement.value, removed, at(entry.key)) });
  }
  const added = override.entries.filter((entry) => !baseKeys.has(entry.key));
  return { kind: 'map', pos: override.pos, entries: [...entries, ...added] };
}

/** The top level of an extending scenario: the parent's inputs, the child's own description and unit. */
export function mergeScenario(parent: RawMap, child: RawMap, removed: Removals = new Map()): RawMap {
  const inherited: RawMap = { ...parent, entries: parent.entries.filter((entry) => !OWN_KEYS.has(entry.key)) };
  return mergeOver(inherited, child, removed) as RawMap;
}
