// Build step: the bundled scenarios' YAML parsed ahead of time, so that the most
// common runs (the baseline, and variants that extend it) skip loading and
// running the YAML parser (and the stamp, hashing). Each tree is kept with its
// text and used only while the file still holds exactly that text.
import { sha256 } from '../shared/sha256.js';
import { Problems } from './problems.js';
import { parseYaml, type RawNode } from './raw.js';

export { scenarioSchema } from './schema.js';

export interface PrecompiledScenario {
  readonly text: string;
  readonly root: RawNode;
  /** The text's SHA-256, for the stamp. */
  readonly sha256: string;
}

export function precompile(text: string, display: string): PrecompiledScenario {
  const problems = new Problems();
  const root = parseYaml(text, display, problems);
  if (root === undefined)
    throw new Error(`${display} does not parse: ${problems.list.map((p) => p.message).join('; ')}`);
  return { text, root, sha256: sha256(text) };
}
