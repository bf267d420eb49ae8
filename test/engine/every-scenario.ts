// The bundled scenarios and every test fixture that loads, as checked Scenarios:
// for tests that must hold on every scenario we ship or test with.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../../src/engine/types.js';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { InputError } from '../../src/scenario/problems.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function yamlFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .sort()
    .flatMap((name) => {
      const path = join(folder, name);
      if (statSync(join(ROOT, path)).isDirectory()) return yamlFiles(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

/** Files from the package root; `extends: baseline` names a bundled scenario. */
const sources: ScenarioSources = {
  open(reference, from) {
    const display = /^[\w-]+$/.test(reference)
      ? `scenarios/${reference}.yaml`
      : from
        ? normalize(join(dirname(from.display), reference))
        : reference;
    const id = resolve(ROOT, display);
    // The fixtures of a missing parent: a problem, as the CLI reports it.
    if (!existsSync(id)) throw new InputError([]);
    return { display, id, text: readFileSync(id, 'utf8') };
  },
};

/** Every scenario that loads (the fixtures of bad input do not), by file. */
export async function everyScenario(): Promise<{ file: string; scenario: Scenario }[]> {
  const loaded: { file: string; scenario: Scenario }[] = [];
  for (const file of [...yamlFiles('scenarios'), ...yamlFiles('test/fixtures')]) {
    try {
      loaded.push({ file, scenario: (await loadScenario(file, sources)).scenario });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
    }
  }
  return loaded;
}
