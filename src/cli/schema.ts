// `fintech-calc schema`: the JSON Schema of the scenario format, for editors.
import { scenarioSchema } from '../scenario/schema.js';
import type { Io } from './io.js';

export function runSchema(io: Io): number {
  io.stdout(`${JSON.stringify(scenarioSchema(), null, 2)}\n`);
  return 0;
}
