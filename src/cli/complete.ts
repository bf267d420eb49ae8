// Shell completion: what to offer for the word being typed, given the words
// before it. The scripts of every shell (completion.ts) ask
// `fintech-calc __complete <word> ... <current word>` and show what it prints,
// so bash, zsh and fish share this one implementation, and the commands,
// options and arguments offered are the program's own definitions.
import { Help, type CommandUnknownOpts as Command, type Option } from '@commander-js/extra-typings';
import { CASES, DISTRIBUTIONS, TABLES } from '../engine/types.js';
import { OUTPUT_UNITS } from '../shared/unit-names.js';
import { looksLikeMetric } from './shared.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface Candidate {
  readonly value: string;
  readonly description?: string;
}

/** What the shell adds itself: nothing, any file name, or scenario files (.yaml, .yml) and folders. */
export type Files = 'none' | 'any' | 'yaml';

export interface Completion {
  readonly candidates: readonly Candidate[];
  readonly files: Files;
}

/** The values that depend on the bundled scenarios and on files, given by the caller. */
export interface Values {
  readonly bundledScenarios: () => readonly string[];
  /** The metric addresses of a scenario (a file or bundled name); none when it cannot be read. */
  readonly metrics: (scenario: string) => Promise<readonly string[]>;
  /** The input paths of a scenario as --set and --vary take them, each alone and with each of its years. */
  readonly inputs: (scenario: string) => Promise<readonly string[]>;
}

/** The words an option's value may be, offered where its description names them (-f of validate: text, json). */
const OPTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  '--format': ['table', 'json', 'csv', 'md', 'text'],
  '--case': [...CASES, 'all'],
  '--unit': OUTPUT_UNITS,
  '--lang': ['en', 'zh'],
  '--dist': DISTRIBUTIONS,
};

type ArgumentKind = 'scenario' | 'scenario-or-metric' | 'metric' | 'shell' | 'command' | 'file';

/** What each argument is, by `<command>.<argument>` or else by the argument's name. */
const ARGUMENT_KINDS: Readonly<Record<string, ArgumentKind>> = {
  'init.file': 'file',
  scenario: 'scenario',
  a: 'scenario',
  b: 'scenario',
  file: 'scenario',
  'scenario-or-metric': 'scenario-or-metric',
  metric: 'metric',
  shell: 'shell',
  command: 'command',
};

const NOTHING: Completion = { candidates: [], files: 'none' };

/** The completion of the last word of `words` (the words after `fintech-calc`; the last may be ''). */
export async function complete(program: Command, words: readonly string[], values: Values): Promise<Completion> {
  const current = words[words.length - 1] ?? '';
  const help = new Help();
  let command: Command | undefined;
  let pending: Option | undefined;
  let optionsEnded = false;
  const positionals: string[] = [];
  for (const word of words.slice(0, -1)) {
    if (pending) {
      pending = undefined;
    } else if (!optionsEnded && word === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && word.startsWith('-') && word !== '-') {
      const option = optionNamed(help, command ?? program, word);
      // A value of its own follows, unless it came with the option (--unit=bn, -ubn).
      if (option && (option.required || option.optional) && (word === option.long || word === option.short))
        pending = option;
    } else if (command === undefined) {
      command = help.visibleCommands(program).find((candidate) => candidate.name() === word);
      if (command === undefined) return NOTHING;
    } else {
      positionals.push(word);
    }
  }
  const scenario = positionals.find((word) => !looksLikeMetric(word)) ?? 'baseline';
  if (pending) return optionValues(pending, current, scenario, values);
  if (!optionsEnded && current.startsWith('--') && current.includes('='))
    return valueAfterEquals(optionNamed(help, command ?? program, current), current, scenario, values);
  if (!optionsEnded && current.startsWith('-')) {
    const options = help.visibleOptions(command ?? program).filter((option) => option.long !== undefined);
    return offer(options.map((option) => ({ value: option.long!, description: option.description })), current);
  }
  if (command === undefined) return offer(commandsOf(program), current);
  return argumentValues(program, command, positionals, current, values);
}

/** `--table=market,s`: the option's values, after what precedes them. */
async function valueAfterEquals(
  option: Option | undefined,
  current: string,
  scenario: string,
  values: Values,
): Promise<Completion> {
  if (!option?.required) return NOTHING;
  const given = current.slice(0, current.indexOf('=') + 1);
  const { candidates, files } = await optionValues(option, current.slice(given.length), scenario, values);
  return { candidates: candidates.map((candidate) => ({ ...candidate, value: `${given}${candidate.value}` })), files };
}

function commandsOf(program: Command): Candidate[] {
  return new Help()
    .visibleCommands(program)
    .map((command) => ({ value: command.name(), description: command.description() }));
}

function optionNamed(help: Help, command: Command, word: string): Option | undefined {
  const name = word.startsWith('--') ? word.split('=')[0] : word.slice(0, 2);
  return help.visibleOptions(command).find((option) => option.long === name || option.short === name);
}

async function optionValues(option: Option, current: string, scenario: string, values: Values): Promise<Completion> {
  switch (option.long) {
    case '--table':
      return tableList(current);
    case '--metric':
    case '--fail-on':
      return offer(narrowed(await values.metrics(scenario), current), current);
    case '--target':
      return offer(narrowed((await values.metrics(scenario)).map((metric) => `${metric}=`), current), current);
    case '--vary':
      return offer(narrowed(await values.inputs(scenario), current), current);
    case '--set':
    case '--set-a':
    case '--set-b':
      return offer(narrowed((await values.inputs(scenario)).map((input) => `${input}=`), current), current);
    case '--out':
    case '--samples-file':
      return { candidates: [], files: 'any' };
  }
  const words = OPTION_WORDS[option.long ?? ''] ?? [];
  return offer(words.filter((word) => namedIn(option.description, word)).map((value) => ({ value })), current);
}

/** Whether a description names a word: `output format: table or json` names json, not csv. */
function namedIn(description: string, word: string): boolean {
  return ` ${description} `.split(/[\s,:;()]+/).includes(word);
}

/** -t takes a comma-separated list: the tables not yet in it, after those that are. */
function tableList(current: string): Completion {
  const comma = current.lastIndexOf(',');
  const listed = current.slice(0, comma + 1);
  const chosen = listed.split(',');
  return offer(
    TABLES.filter((table) => !chosen.includes(table)).map((table) => ({ value: `${listed}${table}` })),
    current,
  );
}

async function argumentValues(
  program: Command,
  command: Command,
  positionals: readonly string[],
  current: string,
  values: Values,
): Promise<Completion> {
  const args = command.registeredArguments;
  const argument = args[Math.min(positionals.length, args.length - 1)];
  if (argument === undefined || (positionals.length >= args.length && !argument.variadic)) return NOTHING;
  const kind = ARGUMENT_KINDS[`${command.name()}.${argument.name()}`] ?? ARGUMENT_KINDS[argument.name()];
  const scenarios = () => values.bundledScenarios().map((value) => ({ value, description: 'bundled scenario' }));
  switch (kind) {
    case 'scenario':
      return { ...offer(scenarios(), current), files: 'yaml' };
    case 'scenario-or-metric':
      return {
        ...offer([...scenarios(), ...narrowed(await values.metrics('baseline'), current)], current),
        files: 'yaml',
      };
    case 'metric':
      return offer(narrowed(await values.metrics(positionals[0] ?? 'baseline'), current), current);
    case 'shell':
      return offer(SHELLS.map((value) => ({ value })), current);
    case 'command':
      return offer(commandsOf(program), current);
    case 'file':
      return { candidates: [], files: 'any' };
    default:
      return NOTHING;
  }
}

/**
 * Dotted names narrowed to the next part after what is typed: `market.mo`
 * offers `market.modes.`, not every metric of every mode; a name that ends
 * there is offered whole.
 */
function narrowed(names: readonly string[], current: string): Candidate[] {
  const offered = new Set<string>();
  for (const name of names) {
    if (!name.startsWith(current)) continue;
    const dot = name.indexOf('.', current.length);
    offered.add(dot < 0 ? name : name.slice(0, dot + 1));
  }
  return [...offered].map((value) => ({ value }));
}

function offer(candidates: readonly Candidate[], current: string): Completion {
  return { candidates: candidates.filter((candidate) => candidate.value.startsWith(current)), files: 'none' };
}
