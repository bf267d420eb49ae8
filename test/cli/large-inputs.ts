// Inputs that grow: one generator for each class of input whose cost could grow
// faster than its size (aliases, keys, long names, documents, errors, tags,
// options, names to suggest among...). growth.test.ts runs each at n, 2n and 4n;
// fuzz.test.ts mixes the scenario ones into mutated scenarios.
import { bigScenario } from '../../bench/big-scenario.mjs';

export interface SizeClass {
  readonly name: string;
  /** A size at which one run takes long enough to time (tens of milliseconds). */
  readonly base: number;
  /** The scenario file of size n. */
  readonly yaml: (n: number) => string;
  /** The command line for that file (default: forecast it as JSON). */
  readonly args?: (file: string, n: number) => string[];
}

const times = (n: number, line: (i: number) => string, separator = '\n'): string =>
  Array.from({ length: n }, (_, i) => line(i)).join(separator);
const MODES = 'supplyChain:\n  marketSpace: 100\n  modes:\n';
const MARKET = 'supplyChain:\n  marketSpace: 100\n  modes:\n    a: {share: 50%, penetration: 40%}\n';

export const SIZE_CLASSES: readonly SizeClass[] = [
  // yaml's Alias.resolve walked the whole document per alias.
  { name: 'aliases', base: 4000, yaml: (n) => `${MARKET}description: &d text\nx: [${times(n, () => '*d', ', ')}]\n` },
  {
    name: 'merge keys',
    base: 300,
    yaml: (n) => `${MARKET}x: &x {p: 1}\ny:\n${times(n, (i) => `  c${i}: {<<: *x}`)}\n`,
  },
  { name: 'anchors', base: 200, yaml: (n) => `${MARKET}${times(n, (i) => `a${i}: &a${i} [${i}]\nb${i}: *a${i}`)}\n` },
  // Duplicate keys were checked pair by pair; each unknown key gets a "did you mean".
  { name: 'keys', base: 1000, yaml: (n) => `${MARKET}${times(n, (i) => `key${i}: ${i}`)}\n` },
  // The problems of several scenarios were compared each with all before, to report a --set once.
  {
    name: 'problems of two scenarios',
    base: 200,
    yaml: (n) => `${MARKET}${times(n, (i) => `key${i}: ${i}`)}\n`,
    args: (file) => ['diff', file, file],
  },
  {
    name: 'years in a series',
    base: 1000,
    yaml: (n) => `supplyChain:\n  marketSpace: {${times(n, (i) => `${2019 + i}: ${i}`, ', ')}}\n  modes: {}\n`,
  },
  // The edit distance of a long key took its length squared in time and memory.
  { name: 'a long unknown key', base: 50_000, yaml: (n) => `${MARKET}? ${'k'.repeat(n)}\n: 1\n` },
  // Thousands separators were put in by a regular expression that rescanned the rest of the digits at each one.
  {
    name: 'a long number in a table',
    base: 3000,
    yaml: (n) => `supplyChain:\n  marketSpace: ${'9'.repeat(n)}\n  modes: {}\n`,
    args: (file) => ['forecast', file],
  },
  // Trailing zeros were trimmed by a regular expression that rescanned each run of zeros.
  { name: 'a tiny number in JSON', base: 2000, yaml: (n) => `supplyChain:\n  marketSpace: 1.5e-${n}\n  modes: {}\n` },
  // The range separator began with \s*: a run of spaces was rescanned from each of its spaces,
  // for each way to split it.
  {
    name: 'spaces in a value',
    base: 300,
    yaml: (n) => `supplyChain:\n  marketSpace: "1${' '.repeat(n)}x"\n  modes: {}\n`,
  },
  { name: 'a long text', base: 100_000, yaml: (n) => `${MARKET}description: "${'x'.repeat(n)}"\n` },
  { name: 'a long line of words', base: 20_000, yaml: (n) => `${MARKET}description: ${'word '.repeat(n)}\n` },
  { name: 'documents', base: 4000, yaml: (n) => `${MARKET}${times(n, () => '---\nname: x')}\n` },
  { name: 'syntax errors', base: 1500, yaml: (n) => `${MARKET}${times(n, (i) => `k${i}: ]`)}\n` },
  { name: 'tags', base: 800, yaml: (n) => `${MARKET}${times(n, (i) => `k${i}: !t${i} x`)}\n` },
  {
    name: 'nested lists',
    base: 30,
    yaml: (n) => `${MARKET}x:\n${times(n, () => `  - ${'['.repeat(60)}1${']'.repeat(60)}`)}\n`,
  },
  { name: 'comments', base: 4000, yaml: (n) => `${MARKET}${times(n, (i) => `# ${i} [[[[ {{{{ - - - -`)}\n` },
  // Every problem named every declared group, and each was suggested among all of them.
  {
    name: 'unknown groups',
    base: 200,
    yaml: (n) =>
      `techSpend:\n  years: 2019..2020\n  groups:\n${times(n, (i) => `    g${i}: {}`)}\n`
      + `  segments:\n${times(n, (i) => `    s${i}: {spend: 1, group: x${i}}`)}\n`,
  },
  // Every input takes a value for each year of its module: a 200-year cagr took a power per year (minutes for
  // hundreds of segments, aliased or not); the yearly values of a scenario are now bounded (at most 5,000).
  {
    name: 'inputs over 200 years',
    base: 10,
    yaml: (n) => {
      const spend = (i: number) => `{2000: ${i + 1}～${i + 2}, 2199: ${i + 100}～${i + 200}}`;
      return `techSpend:\n  years: 2000..2199\n  segments:\n${times(n, (i) => `    s${i}: {spend: ${spend(i)}}`)}\n`;
    },
  },
  {
    name: 'an aliased series over 200 years',
    base: 10,
    yaml: (n) =>
      'technologies:\n  years: 2000..2199\n  items:\n    t0: {spend: &s {2000: 1～2, 2100: 3～5, 2199: 100～200}}\n'
      + `${times(n, (i) => `    t${i + 1}: {spend: *s}`)}\n`,
  },
  // Issue #21 §4: every year of every segment took a decimal power and a search of the anchors (bench/big.mjs).
  { name: 'segments over 50 years', base: 25, yaml: (n) => bigScenario(n, 50) },
  // sensitivity ran a whole forecast for each input moved: the segments squared.
  {
    name: 'segments in sensitivity',
    base: 60,
    yaml: (n) => bigScenario(n, 5, true),
    args: (file) => ['sensitivity', file, '--metric', 'spend.frontier.2002', '-f', 'json'],
  },
  {
    name: 'modes',
    base: 300,
    yaml: (n) => `${MODES}${times(n, (i) => `    m${i}: {share: 0.01%, penetration: ${i % 100}%}`)}\n`,
  },
  // --set options were collected by copying the list, and each wrong one listed every mode (at most 1,000 are taken).
  {
    name: '--set options',
    base: 200,
    yaml: () => `${MODES}${times(200, (i) => `    m${i}: {share: 0.01%, penetration: 1%}`)}\n`,
    args: (file, n) => {
      const sets = Array.from({ length: n }, (_, i) => ['--set', `supplyChain.modes.n${i}.share=1%`]);
      return ['forecast', file, '-t', 'market', ...sets.flat()];
    },
  },
  // A usage error was put on one line by a regular expression that rescanned each run of spaces.
  {
    name: 'a long unknown option',
    base: 10_000,
    yaml: () => MARKET,
    args: (file, n) => ['forecast', file, `--x${' '.repeat(n)}y`],
  },
  {
    name: 'a long metric in explain',
    base: 20_000,
    yaml: () => MARKET,
    args: (file, n) => ['explain', file, `market.${'m'.repeat(n)}.2019`],
  },
  {
    name: 'a long metric in simulate',
    base: 20_000,
    yaml: () => MARKET,
    args: (file, n) => ['simulate', file, '-n', '10', '--metric', `market.${'m'.repeat(n)}.2019`],
  },
];
