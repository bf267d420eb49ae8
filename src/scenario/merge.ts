// `extends` (SPEC §2.3): a scenario merged over the one it extends. Maps merge
// key by key (so year maps merge year by year), anything else replaces. A value
// map ({value, source} or {low, base, high}) is one value and replaces whole.
import type { RawMap, RawNode } from './raw.js';

const VALUE_KEYS = new Set(['value', 'low', 'base', 'high']);
/** Describe one file, so they are never inherited from the scenario extended. */
export const OWN_KEYS = new Set(['extends', 'name', 'title', 'description']);

function isValueMap(node: RawNode): boolean {
  return node.kind === 'map' && node.entries.some((entry) => VALUE_KEYS.has(entry.key));
}

export function mergeOver(base: RawNode, override: RawNode): RawNode {
  if (base.kind !== 'map' || override.kind !== 'map' || isValueMap(base) || isValueMap(override)) return override;
  const entries = base.entries.map((entry) => {
    const replacement = override.entries.find((candidate) => candidate.key === entry.key);
    return replacement ? { ...replacement, value: mergeOver(entry.value, replacement.value) } : entry;
  });
  const added = override.entries.filter((entry) => !base.entries.some((candidate) => candidate.key === entry.key));
  return { kind: 'map', pos: override.pos, entries: [...entries, ...added] };
}

/** The top level of an extending scenario: the parent's inputs, the child's own description. */
export function mergeScenario(parent: RawMap, child: RawMap): RawMap {
  const inherited: RawMap = { ...parent, entries: parent.entries.filter((entry) => !OWN_KEYS.has(entry.key)) };
  return mergeOver(inherited, child) as RawMap;
}
