// A bundled scenario as the build stores it (precompile.ts), and what a run
// takes from it. Apart from precompile.ts, which hashes and parses: a run on a
// bundled scenario loads neither node:crypto nor the YAML parser.
import type { BuiltScenario } from './load.js';
import type { RawNode } from './raw.js';
import type { Snapshot } from './snapshot.js';

/** A bundled scenario as the build stores it (dist/bundled/<name>.json). */
export interface PrecompiledScenario {
  readonly text: string;
  /** The text's SHA-256, for the stamp. */
  readonly sha256: string;
  readonly extends: readonly string[];
  readonly decoded: Snapshot;
  /** Its tree: stored apart (dist/bundled/<name>.tree.json), read only by the runs that need it. */
  readonly tree: RawNode;
}

/** What a run reads of it first: the tree only when asked for. */
export type StoredScenario = Omit<PrecompiledScenario, 'tree'>;

/**
 * What the build made of a file, when the file still holds exactly the text it
 * was made from; `readTree` reads the tree the build stored apart (undefined if
 * it cannot: the text is parsed then).
 */
export function builtScenario(
  stored: StoredScenario,
  text: string,
  readTree: () => RawNode | undefined,
): BuiltScenario | undefined {
  return stored.text === text ? { tree: readTree, extends: stored.extends, decoded: stored.decoded } : undefined;
}
