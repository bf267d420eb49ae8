// Reading a scenario: its file and those it extends → one raw tree → a checked
// Scenario. Files come in through a ScenarioSources value, so the CLI owns I/O
// and tests can serve text from memory.
import type { Scenario } from '../engine/types.js';
import { decodeScenario, fileUnit, scenarioTitle, type Origins } from './decode.js';
import { mergeScenario, type Removals } from './merge.js';
import { InputError, Problems, type Pos } from './problems.js';
import { applySettings, type Setting } from './set.js';
import type { RawMap, RawNode } from './raw.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_EXTENDS_DEPTH = 16;

export interface ScenarioFile {
  /** How messages and output name the file: as the user wrote it, or scenarios/<name>.yaml. */
  readonly display: string;
  /** Identifies the file for cycle detection (an absolute path). */
  readonly id: string;
  readonly text: string;
  /** A tree parsed earlier from exactly this text (the bundled scenarios are precompiled). */
  readonly parsed?: RawNode;
  /** The text's SHA-256, when computed earlier (precompiled too). */
  readonly sha256?: string;
}

export interface ScenarioSources {
  /**
   * Opens a scenario named on the command line (`from` undefined) or by the
   * `extends` of another file. Throws InputError (at `at`) when it cannot.
   */
  open(reference: string, from: ScenarioFile | undefined, at: Pos | undefined): ScenarioFile;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** The file as named by the user (the output's scenario.file). */
  readonly file: string;
  /** The extends chain, this file first. */
  readonly chain: readonly ScenarioFile[];
  /** The merged raw tree, after --set, before decoding (for solve). */
  readonly root: RawMap;
  /** Where the parts of `root` were written, for decoding it again. */
  readonly origins: Origins;
}

/** Origins as they are collected: each file's unit, and the removals its nulls make. */
interface Collected {
  readonly units: Map<string, string>;
  readonly removed: Removals;
}

/** Reads a scenario with its extends chain; throws InputError with every problem found. */
export async function loadScenario(
  reference: string,
  sources: ScenarioSources,
  settings: readonly Setting[] = [],
): Promise<LoadedScenario> {
  const { problems, file, chain, root, origins } = await mergedTree(reference, sources, settings);
  const scenario = decodeScenario(root, defaultName(file.display), problems, origins);
  if (scenario === undefined || !problems.empty) throw new InputError(problems.sorted(chain.map((f) => f.display)));
  return { scenario, file: file.display, chain, root, origins };
}

/**
 * A scenario's title, from its file and those it extends, without reading its
 * inputs (list: a title costs a tree, a scenario also its series); throws
 * InputError when the files or the title cannot be read.
 */
export async function loadScenarioTitle(reference: string, sources: ScenarioSources): Promise<string> {
  const { problems, file, chain, root } = await mergedTree(reference, sources, []);
  const title = scenarioTitle(root, defaultName(file.display), problems);
  if (!problems.empty) throw new InputError(problems.sorted(chain.map((f) => f.display)));
  return title;
}

/** The file named, the files it extends merged into one tree, and --set applied; problems so far. */
async function mergedTree(reference: string, sources: ScenarioSources, settings: readonly Setting[]) {
  const problems = new Problems();
  const file = sources.open(reference, undefined, undefined);
  const origins: Collected = { units: new Map(), removed: new Map() };
  const resolved = await resolveChain(file, sources, problems, [], origins);
  if (!resolved) throw new InputError(problems.sorted());
  const root = await applySettings(resolved.root, settings, problems, origins.units, origins.removed);
  return { problems, file, chain: resolved.chain, root, origins };
}

/** Parses scenario text that extends nothing (tests, and text that is not a file). */
export async function parseScenario(text: string, display: string): Promise<Scenario> {
  const file: ScenarioFile = { display, id: display, text };
  const sources: ScenarioSources = {
    open(reference, from, at) {
      if (from === undefined) return file;
      throw new InputError([
        {
          pos: at ?? { file: display, line: 0, col: 0 },
          path: 'extends',
          message: `cannot extend '${reference}': this text is not a file`,
        },
      ]);
    },
  };
  return (await loadScenario(display, sources)).scenario;
}

async function resolveChain(
  file: ScenarioFile,
  sources: ScenarioSources,
  problems: Problems,
  seen: readonly ScenarioFile[],
  origins: Collected,
): Promise<{ root: RawMap; chain: ScenarioFile[] } | undefined> {
  const root = await parseFile(file, problems);
  if (root === undefined) return undefined;
  const unit = fileUnit(root, problems);
  if (unit !== undefined) origins.units.set(file.display, unit);
  const extendsEntry = root.entries.find((entry) => entry.key === 'extends');
  if (!extendsEntry) return { root, chain: [file] };
  const { value } = extendsEntry;
  if (value.kind !== 'scalar' || value.type === 'null' || value.text === '') {
    problems.add(
      value.pos,
      'extends',
      'expected the path of a scenario file, or the name of a bundled scenario such as baseline',
    );
    return undefined;
  }
  const chain = [...seen, file];
  if (chain.length > MAX_EXTENDS_DEPTH) {
    problems.add(
      value.pos,
      'extends',
      `chain deeper than ${MAX_EXTENDS_DEPTH}: ${chain.map((f) => f.display).join(' → ')} → …`,
    );
    return undefined;
  }
  let parent: ScenarioFile;
  try {
    parent = sources.open(value.text, file, value.pos);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.list.push(...error.problems);
    return undefined;
  }
  if (chain.some((f) => f.id === parent.id)) {
    problems.add(value.pos, 'extends', `cycle: ${[...chain, parent].map((f) => f.display).join(' → ')}`);
    return undefined;
  }
  const inherited = await resolveChain(parent, sources, problems, chain, origins);
  if (!inherited) return undefined;
  return { root: mergeScenario(inherited.root, root, origins.removed), chain: [file, ...inherited.chain] };
}

/** The file's tree: precompiled, or parsed now (the YAML parser is loaded only then). */
async function parseFile(file: ScenarioFile, problems: Problems): Promise<RawMap | undefined> {
  const { display } = file;
  let root = file.parsed;
  if (root === undefined) {
    const { parseYaml } = await import('./raw.js');
    root = parseYaml(file.text, display, problems);
    if (root === undefined) return undefined;
  }
  if (root.kind === 'scalar' && root.type === 'null') {
    problems.add(
      { file: display, line: 1, col: 1 },
      '',
      'the file is empty; expected a scenario (version: 1, supplyChain: ...)',
    );
    return undefined;
  }
  if (root.kind !== 'map') {
    problems.add(root.pos, '', 'expected a scenario: a map of keys (version, name, supplyChain, ...)');
    return undefined;
  }
  return root;
}

/** A scenario's name when it gives none: its file name without the extension. */
function defaultName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.ya?ml$/i, '');
}
