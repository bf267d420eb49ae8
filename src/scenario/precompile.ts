// Build step: the bundled scenarios read ahead of time. The most common runs (a
// bundled scenario by name, and files that extend one) skip loading and running
// the YAML parser (and the stamp, hashing); a run on a bundled scenario itself,
// without --set, also skips reading its values: it restores the scenario decoded
// here. Each is kept with its text and used only while the file, and every file
// it extends, still holds exactly that text.
import { sha256 } from '../shared/sha256.js';
import type { PrecompiledScenario } from './built.js';
import { loadScenario, type ScenarioSources } from './load.js';
import { Problems } from './problems.js';
import { parseYaml } from './raw.js';
import { takeSnapshot } from './snapshot.js';

export { scenarioSchema } from './schema.js';

/** The bundled scenarios, by name, from their texts; throws if one does not load. */
export async function precompileBundled(
  texts: Readonly<Record<string, string>>,
): Promise<Record<string, PrecompiledScenario>> {
  const sources: ScenarioSources = {
    open(reference) {
      const text = texts[reference];
      if (text === undefined) throw new Error(`precompile: no bundled scenario '${reference}' (extend them by name)`);
      return { display: displayOf(reference), id: reference, text };
    },
  };
  const precompiled: Record<string, PrecompiledScenario> = {};
  for (const [name, text] of Object.entries(texts)) {
    const problems = new Problems();
    const tree = parseYaml(text, displayOf(name), problems);
    if (tree === undefined) throw new Error(`${displayOf(name)}: ${problems.list.map((p) => p.message).join('; ')}`);
    const loaded = await loadScenario(name, sources);
    precompiled[name] = {
      text,
      sha256: sha256(text),
      tree,
      extends: loaded.chain.slice(1).map((file) => file.id),
      decoded: takeSnapshot(loaded.scenario),
    };
  }
  return precompiled;
}

const displayOf = (name: string) => `scenarios/${name}.yaml`;
