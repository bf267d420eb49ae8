// Reading a scenario: its file and those it extends → one raw tree → a checked
// Scenario. Files come in through a ScenarioSources value, so the CLI owns I/O
// and tests can serve text from memory.
import type { Scenario } from '../engine/types.js';
import { decodeScenario, fileUnit, scenarioTitle } from './decode.js';
import { mergeScenario, type Removals } from './merge.js';
import { InputError, Problems, type Pos } from './problems.js';
import { applySettings, type Setting } from './set.js';
import type { RawMap, RawNode } from './raw.js';
import { restoreSnapshot, type Snapshot } from './snapshot.js';

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_EXTENDS_DEPTH = 16;

export interface ScenarioFile {
  /** How messages and output name the file: as the user wrote it, or scenarios/<name>.yaml. */
  readonly display: string;
  /** Identifies the file for cycle detection (an absolute path). */
  readonly id: string;
  readonly text: string;
  /** The text's SHA-256, when computed earlier (precompiled). */
  readonly sha256?: string;
  /** What the build made of exactly this text: a bundled scenario's file as built (precompile.ts). */
  readonly built?: BuiltScenario;
}

export interface BuiltScenario {
  /** Its tree, parsed at build: read when first asked for (a run on the decoded scenario needs none), if it can be. */
  tree(): RawNode | undefined;
  /** The bundled scenarios it extends, by name, nearest first. */
  readonly extends: readonly string[];
  /** The Scenario that loadScenario made of it and those it extends, without --set. */
  readonly decoded: Snapshot;
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
  /** The merged raw tree, after --set, before decoding (for solve's --vary path). */
  tree(): Promise<RawMap>;
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
  const file = sources.open(reference, undefined, undefined);
  const builtChain = settings.length === 0 ? chainAsBuilt(file, sources) : undefined;
  if (builtChain !== undefined) {
    const scenario = restoreSnapshot(file.built!.decoded) as Scenario;
    const tree = async () => (await mergedTree(file, sources, settings)).root;
    return { scenario, file: file.display, chain: builtChain, tree };
  }
  const { problems, chain, root, origins } = await mergedTree(file, sources, settings);
  const scenario = decodeScenario(root, defaultName(file.display), problems, origins);
  if (scenario === undefined || !problems.empty) throw new InputError(problems.sorted(chain.map((f) => f.display)));
  return { scenario, file: file.display, chain, tree: async () => root };
}

/** The extends chain of a bundled scenario when it and every file it extends are as built; else undefined. */
function chainAsBuilt(file: ScenarioFile, sources: ScenarioSources): ScenarioFile[] | undefined {
  if (file.built === undefined) return undefined;
  const chain = [file];
  for (const name of file.built.extends) {
    let parent: ScenarioFile;
    try {
      parent = sources.open(name, chain[chain.length - 1], undefined);
    } catch (error) {
      // Gone or unreadable: reading the chain again reports it at the extends that names it.
      if (error instanceof InputError) return undefined;
      throw error;
    }
    if (parent.built === undefined) return undefined;
    chain.push(parent);
  }
  return chain;
}

/**
 * A scenario's title, from its file and those it extends, without reading its
 * inputs (list: a title costs a tree, a scenario also its series); throws
 * InputError when the files or the title cannot be read.
 */
export async function loadScenarioTitle(reference: string, sources: ScenarioSources): Promise<string> {
  const file = sources.open(reference, undefined, undefined);
  const { problems, chain, root } = await mergedTree(file, sources, []);
  const title = scenarioTitle(root, defaultName(file.display), problems);
  if (!problems.empty) throw new InputError(problems.sorted(chain.map((f) => f.display)));
  return title;
}

/** The file and the files it extends merged into one tree, and --set applied; problems so far. */
async function mergedTree(file: ScenarioFile, sources: ScenarioSources, settings: readonly Setting[]) {
  const problems = new Problems();
  const origins: Collected = { units: new Map(), removed: new Map() };
  const resolved = await resolveChain(file, sources, problems, [], origins);
  if (!resolved) throw new InputError(problems.sorted());
  const root = await applySettings(resolved.root, settings, problems, origins.units, origins.removed);
  return { problems, chain: resolved.chain, root, origins };
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
  let root = file.built?.tree();
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
