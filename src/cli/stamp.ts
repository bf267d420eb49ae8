// The reproducibility stamp: what produced an output — the tool's version, each
// scenario's extends chain with every file's SHA-256, and the --set list with the
// unit of its bare amounts (the output unit). The same inputs give the same stamp
// on any machine (no time, no absolute paths).
import packageJson from '../../package.json' with { type: 'json' };
import type { LoadedScenario } from '../scenario/load.js';

export interface Stamp {
  readonly tool: string;
  readonly version: string;
  readonly scenarios: readonly {
    readonly file: string;
    readonly chain: readonly { readonly file: string; readonly sha256: string }[];
    /** The overrides of this scenario alone (diff's --set-a, --set-b), after `set`. */
    readonly set?: readonly string[];
  }[];
  readonly set: readonly string[];
  /** The unit of the bare amounts in `set` and each scenario's own (the output unit); only when there is one. */
  readonly setUnit?: string;
}

export async function stampOf(
  loaded: readonly LoadedScenario[],
  set: readonly string[],
  unit: string,
  own: readonly (readonly string[])[] = [],
): Promise<Stamp> {
  // The bundled scenarios' digests come from the build; node:crypto is loaded for the others only.
  const hash = loaded.some(({ chain }) => chain.some((file) => file.sha256 === undefined))
    ? (await import('../shared/sha256.js')).sha256
    : undefined;
  return {
    tool: 'fintech-calc',
    version: packageJson.version,
    scenarios: loaded.map((scenario, i) => ({
      file: scenario.file,
      chain: scenario.chain.map((file) => ({ file: file.display, sha256: file.sha256 ?? hash!(file.text) })),
      ...((own[i]?.length ?? 0) > 0 && { set: own[i] }),
    })),
    set,
    ...([set, ...own].some((texts) => texts.length > 0) && { setUnit: unit }),
  };
}
