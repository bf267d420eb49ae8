// Reading a scenario: text → raw tree → checked Scenario. The file system comes
// in as a function, so the CLI owns I/O and tests can pass text directly.
import type { Scenario } from '../engine/types.js';
import { decodeScenario } from './decode.js';
import { InputError, Problems } from './problems.js';
import { parseYaml } from './raw.js';

export const MAX_FILE_BYTES = 1024 * 1024;

/** Parses and checks scenario text; throws InputError with every problem found. */
export function parseScenario(text: string, file: string): Scenario {
  const problems = new Problems();
  const root = parseYaml(text, file, problems);
  if (root === undefined || (root.kind === 'scalar' && root.type === 'null')) {
    if (problems.empty) problems.add({ file, line: 1, col: 1 }, '', 'the file is empty; expected a scenario (version: 1, supplyChain: ...)');
    throw new InputError(problems.sorted());
  }
  const scenario = decodeScenario(root, defaultName(file), problems);
  if (scenario === undefined || !problems.empty) throw new InputError(problems.sorted());
  return scenario;
}

/** A scenario's name when it gives none: its file name without the extension. */
function defaultName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}
