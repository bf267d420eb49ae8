// The reproducibility stamp: what produced an output — the tool's version, each
// scenario's extends chain with every file's SHA-256, and the --set list. The
// same inputs give the same stamp on any machine (no time, no absolute paths).
import { createHash } from 'node:crypto';
import packageJson from '../../package.json' with { type: 'json' };
import type { LoadedScenario } from '../scenario/load.js';

export interface Stamp {
  readonly tool: string;
  readonly version: string;
  readonly scenarios: readonly { readonly file: string; readonly chain: readonly { readonly file: string; readonly sha256: string }[] }[];
  readonly set: readonly string[];
}

export function stampOf(loaded: readonly LoadedScenario[], set: readonly string[]): Stamp {
  return {
    tool: 'fintech-calc',
    version: packageJson.version,
    scenarios: loaded.map((scenario) => ({
      file: scenario.file,
      chain: scenario.chain.map((file) => ({ file: file.display, sha256: createHash('sha256').update(file.text, 'utf8').digest('hex') })),
    })),
    set,
  };
}
