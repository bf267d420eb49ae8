// The YAML layer (src/scenario/raw.ts): aliases, duplicate keys, tags, documents,
// nesting and size limits. Each is refused with its position, never a crash; and
// what only looks like structure (in comments, quotes, block scalars) is not.
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { formatProblem, Problems } from '../../src/scenario/problems.js';
import { MAX_DEPTH, MAX_NODES, MAX_TOKENS, parseYaml, type RawNode } from '../../src/scenario/raw.js';
import { parseSettings } from '../../src/scenario/set.js';
import { load, problemsFrom, problemsOf, valuesOf } from '../helpers.js';

const MARKET = 'supplyChain:\n  marketSpace: 100\n  modes:\n    a: {share: 60%, penetration: 50%}\n';
const TOO_DEEP = 'nesting too deep for a scenario, which needs only a few levels (at most 64 levels of maps and lists)';

/** The raw tree of YAML text, and the problems as printed. */
function parse(text: string): { root: RawNode | undefined; problems: string[] } {
  const problems = new Problems();
  const root = parseYaml(text, 'test.yaml', problems);
  return { root, problems: problems.sorted().map(formatProblem) };
}

function problemsWithSet(text: string): Promise<string[]> {
  const sources: ScenarioSources = { open: () => ({ display: 'base.yaml', id: 'base.yaml', text: MARKET }) };
  return problemsFrom(loadScenario('base.yaml', sources, parseSettings([text], '亿元', new Problems())));
}

describe('aliases', () => {
  it('a value that contains itself is refused at the alias', async () => {
    const cycle = 'alias *x is inside the value it names: a value cannot contain itself';
    expect(await problemsOf('a: &x [*x]\n')).toEqual([`test.yaml:1:8: error: a: ${cycle}`]);
    expect(await problemsOf('supplyChain: &x\n  modes:\n    a: {share: *x}\n')).toEqual([
      `test.yaml:3:16: error: supplyChain.modes.a.share: ${cycle}`,
    ]);
    expect(await problemsOf('a: &x {b: {c: [1, *x]}}\n')).toEqual([`test.yaml:1:19: error: a.b.c: ${cycle}`]);
    expect(await problemsWithSet('description=&x [*x]')).toEqual([`--set #1: error: description: ${cycle}`]);
    expect(await problemsWithSet('supplyChain.modes.a.share=&x {value: *x}')).toEqual([
      `--set #1: error: supplyChain.modes.a.share: ${cycle}`,
    ]);
  });

  it('an alias needs an anchor before it', async () => {
    expect(await problemsOf('name: *y\ntitle: &y t\n')).toEqual([
      'test.yaml:1:7: error: name: alias *y has no anchor &y before it',
    ]);
  });

  it('an alias is the anchored value, with its positions', async () => {
    const aliased = await load(
      `supplyChain:\n  marketSpace: &m {2019: 100, 2023: 200}\n  modes:\n    a: {share: 10%, penetration: &p ` +
        `50%}\n    b: {share: 20%, penetration: *p}\ntechSpend:\n  years: 2019..2023\n  segments:\n    ` +
          `s: {spend: *m}\n`,
    );
    const written = await load(
      `supplyChain:\n  marketSpace: {2019: 100, 2023: 200}\n  modes:\n    a: {share: 10%, penetration: 50%}\n    b: ` +
        `{share: 20%, penetration: 50%}\ntechSpend:\n  years: 2019..2023\n  segments:\n    s: {spend: {2019: ` +
          `100, 2023: 200}}\n`,
    );
    // The same values; an aliased value keeps the position of its anchor.
    expect(valuesOf(aliased)).toBe(valuesOf(written));
    const { root } = parse('a: &x {b: 1}\nc: *x\nd: [*x]\n');
    const [a, c, d] = root!.kind === 'map' ? root!.entries.map((entry) => entry.value) : [];
    expect(c).toEqual(a);
    expect(d).toEqual({ kind: 'seq', pos: { file: 'test.yaml', line: 3, col: 4 }, items: [a] });
  });

  it('the latest anchor of a name is the one an alias names', () => {
    const { root } = parse('a: &x 1\nb: &x 2\nc: *x\n');
    expect(root!.kind === 'map' && root!.entries[2]!.value).toMatchObject({ text: '2' });
  });

  it('a key can be anchored and aliased, as a key or a value', () => {
    const { root, problems } = parse('&k a: 1\nb: *k\nc: {*k : 2}\n');
    expect(problems).toEqual([]);
    const [, b, c] = root!.kind === 'map' ? root!.entries : [];
    expect(b!.value).toMatchObject({ kind: 'scalar', text: 'a' });
    expect(c!.value.kind === 'map' && c!.value.entries.map((entry) => entry.key)).toEqual(['a']);
    expect(parse('&k a: 1\n*k : 2\n').problems).toEqual([
      'test.yaml:2:1: error: a: duplicate key (first at line 1, column 4); a key may appear once in a map',
    ]);
  });

  it('expansion is bounded, and refused at the alias that crosses the bound', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    // a_i expands to 11, 111, 1111... values: after the top map, a0..a3 and a4's list, 12,346; each *a3 adds 11,111.
    const crossing = Math.floor((MAX_NODES - 12_346) / 11_111) + 1;
    expect(await problemsOf(lines.join('\n'))).toEqual([
      `test.yaml:5:${10 + 5 * (crossing - 1)}: error: a4: alias *a3 expands the document to more than ${MAX_NODES} ` +
        `values (too many aliases?)`,
    ]);
  });

  it('nesting through aliases counts as nesting', async () => {
    const lines = ['a0: &a0 [[[1]]]'];
    for (let i = 1; i <= 21; i++) lines.push(`a${i}: &a${i} [[[*a${i - 1}]]]`);
    // a_i holds 3(i+1) levels under the top map: level 65 is reached by a21.
    expect(await problemsOf(lines.join('\n'))).toEqual([`test.yaml:22:14: error: a21: ${TOO_DEEP}`]);
  });

  it('an anchored value that failed is reported once, not at every alias', async () => {
    expect(await problemsOf('a: &x {b: 1, b: 2}\nc: *x\nd: *x\n')).toEqual([
      'test.yaml:1:14: error: a.b: duplicate key (first at line 1, column 8); a key may appear once in a map',
    ]);
  });
});

describe('duplicate keys', () => {
  it('are refused as written, whatever YAML makes of them: 2019 and "2019" are one year', async () => {
    expect(await problemsOf('supplyChain:\n  marketSpace: {2019: 1000, "2019": 2000}\n')).toEqual([
      'test.yaml:2:29: error: supplyChain.marketSpace.2019: duplicate key (first at line 2, column 17); a key may ' +
        'appear once in a map',
    ]);
    expect(await problemsOf("name: a\n'name': b\n")).toEqual([
      'test.yaml:2:1: error: name: duplicate key (first at line 1, column 1); a key may appear once in a map',
    ]);
  });

  it('are refused in every map, each once', async () => {
    expect(await problemsOf(`${MARKET}    a: {share: 1%, share: 2%}\nname: x\nname: y\nname: z\n`)).toEqual([
      'test.yaml:5:5: error: supplyChain.modes.a: duplicate key (first at line 4, column 5); a key may ' +
        'appear once in a map',
      'test.yaml:5:20: error: supplyChain.modes.a.share: duplicate key (first at line 5, column 9); a key may ' +
        'appear once in a map',
      'test.yaml:7:1: error: name: duplicate key (first at line 6, column 1); a key may appear once in a map',
      'test.yaml:8:1: error: name: duplicate key (first at line 6, column 1); a key may appear once in a map',
    ]);
  });

  it('differ in case or spelling: those are different keys', () => {
    expect(parse('a: 1\nA: 2\n2019: 1\n2019.0: 2\n').problems).toEqual([]);
  });
});

describe('keys', () => {
  it('are names or years, not lists or maps', () => {
    expect(parse('? [a]\n: 1\n{b: 1}: 2\n').problems).toEqual([
      'test.yaml:1:3: error: a key must be a name or a year, not a list or a map',
      'test.yaml:3:1: error: a key must be a name or a year, not a list or a map',
    ]);
  });
});

describe('tags', () => {
  it('are refused where they are written, whatever they name', async () => {
    const refused = (tag: string) => `YAML tags (${tag}) are not part of a scenario: write the value without it`;
    const tagged =
      'name: !!js/function "f"\ntitle: !!binary aGVsbG8=\ndescription: !custom text\nunit: !!str 亿元\n' +
      'supplyChain: !!map\n  marketSpace: ! 1\n';
    expect(await problemsOf(tagged)).toEqual([
      `test.yaml:1:7: error: ${refused('!!js/function')}`,
      `test.yaml:2:8: error: ${refused('!!binary')}`,
      `test.yaml:3:14: error: ${refused('!custom')}`,
      `test.yaml:4:7: error: ${refused('!!str')}`,
      `test.yaml:5:14: error: ${refused('!!map')}`,
      `test.yaml:6:16: error: ${refused('!')}`,
    ]);
    expect(await problemsWithSet('description=!!binary aGVsbG8=')).toEqual([
      `--set #1: error: description: ${refused('!!binary')}`,
    ]);
  });

  it('are not in quotes, comments or block scalars', async () => {
    const scenario = await load(
      `name: "!!binary x"\ntitle: '!custom' # !!js/function\ndescription: |\n  !!binary\n  !x y\n${MARKET}`,
    );
    expect([scenario.name, scenario.title, scenario.description]).toEqual([
      '!!binary x',
      '!custom',
      '!!binary\n!x y\n',
    ]);
  });
});

describe('documents', () => {
  it('a file holds one: a second is refused where it starts', async () => {
    const second = 'a second YAML document (after ---); a scenario file holds one document';
    expect(await problemsOf(`${MARKET}---\nname: b\n`)).toEqual([`test.yaml:5:1: error: ${second}`]);
    expect(await problemsOf(`${MARKET}---\n`)).toEqual([`test.yaml:5:1: error: ${second}`]);
    expect(await problemsOf(`${MARKET}...\n---\n${MARKET}`)).toEqual([`test.yaml:6:1: error: ${second}`]);
  });

  it('may open with --- and end with ...', async () => {
    expect((await load(`%YAML 1.2\n---\n${MARKET}...\n`)).supplyChain!.modes.map((mode) => mode.id)).toEqual(['a']);
  });
});

describe('nesting', () => {
  it('counts maps and lists, not brackets or dashes in comments, quotes and block scalars', async () => {
    const deepLooking = [
      `name: x # ${'['.repeat(100)}`,
      `# ${'{'.repeat(100)}`,
      `title: "${'['.repeat(100)}"`,
      'description: |',
      ...Array.from({ length: 3 }, () => `  ${'- '.repeat(100)}[[[[`),
      `  ${'['.repeat(100)}`,
    ].join('\n');
    const scenario = await load(`${deepLooking}\n${MARKET}`);
    expect(scenario.title).toBe('['.repeat(100));
    expect(scenario.description).toContain('- - - -');
  });

  it('refuses level 65 at the map or list that opens it, however it is written', async () => {
    const at = (position: string) => [`test.yaml:${position}: error: ${TOO_DEEP}`];
    // The top-level map is level 1: the 64th bracket opens level 65.
    expect(await problemsOf(`name: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)).toEqual(at('1:70'));
    expect(await problemsOf(`name: ${'{a: '.repeat(100)}1${'}'.repeat(100)}\n`)).toEqual(at('1:259'));
    expect(await problemsOf(`name:\n  ${'- '.repeat(60)}[[[[[1]]]]]\n`)).toEqual(at('2:126'));
    expect(await problemsOf(`${'- '.repeat(65)}1\n`)).toEqual(at('1:129'));
    expect(await problemsOf(`${'? '.repeat(65)}1\n`)).toEqual(at('1:129'));
    const deepBlock = ['x:', ...Array.from({ length: 1300 }, (_, i) => `${' '.repeat(i + 1)}k:`)].join('\n');
    expect(await problemsOf(deepBlock)).toEqual(at('65:65'));
  });

  it(`accepts ${MAX_DEPTH} levels`, async () => {
    expect(await problemsOf(`${'- '.repeat(MAX_DEPTH)}1\n`)).toEqual([
      'test.yaml:1:1: error: expected a scenario: a map of keys (version, name, supplyChain, ...)',
    ]);
    expect(parse(`a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}\n`).problems).toEqual([]);
  });
});

describe('size', () => {
  it(`a file of more than ${MAX_TOKENS} tokens is refused where the limit is crossed`, () => {
    const { problems } = parse(`name: [${'1,'.repeat(MAX_TOKENS)}]\n`);
    expect(problems).toHaveLength(1);
    const [, col] =
      new RegExp(
        String.raw`^test\.yaml:1:(\d+): error: the file has more than (?:\d+) YAML tokens ` +
          String.raw`\(keys, values, indicators, spaces, line breaks\); a scenario needs far fewer$`,
      ).exec(problems[0]!) ?? [];
    // Three tokens for each two characters of `1,`.
    expect(Number(col)).toBeGreaterThan((MAX_TOKENS * 2) / 3 - 10);
    expect(Number(col)).toBeLessThan((MAX_TOKENS * 2) / 3 + 10);
    expect(problems[0]).toContain(`more than ${MAX_TOKENS} YAML tokens`);
  });

  it('a document that expands to more than the node limit is refused at the value that crosses it', () => {
    const aliases = Math.floor((MAX_NODES - 3000) / 1001);
    const list = (count: number, item: string) => Array(count).fill(item).join(', ');
    const text = `a: &a [${list(1000, 'x')}]\nb: [${list(aliases, '*a')}]\nc: [${list(3000, 'x')}]\n`;
    // The top map, a (its list and 1000 items), b's list and its aliases, c's list: then c's items, until one crosses.
    const before = 1 + 1001 + 1 + aliases * 1001 + 1;
    const crossing = MAX_NODES + 1 - before;
    expect(parse(text).problems).toEqual([
      `test.yaml:3:${5 + (crossing - 1) * 3}: error: c: the document expands to more than ${MAX_NODES} values ` +
        `(too many aliases?)`,
    ]);
  });

  it('YAML errors: the first 20 and a count of the rest', () => {
    const many = parse(Array.from({ length: 50 }, (_, i) => `k${i}: !t${i} x`).join('\n')).problems;
    expect(many).toHaveLength(21);
    expect(many[20]).toBe('test.yaml:21:6: error: … and 30 more YAML errors');
  });
});
