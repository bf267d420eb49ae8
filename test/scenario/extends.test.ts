// extends (SPEC §2.3): merge rules, bundled names, cycles and depth, error positions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileSources, type Io } from '../../src/cli/io.js';
import type { Scenario, SegmentInputs } from '../../src/engine/types.js';
import { loadScenario, loadScenarioTitle, type ScenarioFile, type ScenarioSources } from '../../src/scenario/load.js';
import { mergeOver } from '../../src/scenario/merge.js';
import type { RawNode } from '../../src/scenario/raw.js';
import { formatProblem, InputError } from '../../src/scenario/problems.js';
import { valuesOf } from '../helpers.js';

const io: Io = {
  env: {},
  stdout: () => undefined,
  stderr: () => undefined,
  stdoutIsTerminal: false,
  packageRoot: fileURLToPath(new URL('../..', import.meta.url)),
};
const DIR = 'test/fixtures/extends';
process.chdir(io.packageRoot);

const load = (file: string) => loadScenario(`${DIR}/${file}`, fileSources(io));
async function problems(file: string): Promise<string[]> {
  return problemsWith(`${DIR}/${file}`, fileSources(io));
}
async function problemsWith(file: string, sources: ScenarioSources): Promise<string[]> {
  try {
    await loadScenario(file, sources);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected problems');
}

describe('extends: merge rules', () => {
  it('merges maps key by key and year maps year by year', async () => {
    const { scenario, chain } = await load('child.yaml');
    expect(chain.map((file) => file.display)).toEqual([`${DIR}/child.yaml`, `${DIR}/parent.yaml`]);
    const space = scenario.supplyChain!.marketSpace;
    // 2019 is inherited, 2023 overridden, interpolate: linear inherited.
    expect([...space.values()].map((range) => range.base.toString())).toEqual([
      '100000',
      '102500',
      '105000',
      '107500',
      '110000',
    ]);
    expect(scenario.supplyChain!.modes.map((mode) => mode.id)).toEqual(['a', 'b']);
    const segment = scenario.techSpend!.segments[0]!;
    expect(segment.label).toEqual({ en: 'Replaced label', zh: 'Replaced label' });
    expect(segment.spend?.get(2019)!.base.toString()).toBe('100');
  });

  it('does not inherit name, title and description', async () => {
    const { scenario } = await load('child.yaml');
    expect([scenario.name, scenario.title]).toEqual(['child', 'child']);
  });

  it('replaces scalars, lists and value maps whole', () => {
    const pos = { file: 'f', line: 1, col: 1 };
    const scalar = (text: string): RawNode => ({ kind: 'scalar', pos, text, type: 'string' });
    const map = (entries: Record<string, RawNode>): RawNode => ({
      kind: 'map',
      pos,
      entries: Object.entries(entries).map(([key, value]) => ({ key, keyPos: pos, value })),
    });
    const seq: RawNode = { kind: 'seq', pos, items: [scalar('x')] };
    expect(mergeOver(scalar('a'), scalar('b'))).toEqual(scalar('b'));
    expect(mergeOver(seq, scalar('b'))).toEqual(scalar('b'));
    expect(mergeOver(map({ k: scalar('a') }), seq)).toEqual(seq);
    const annotated = map({ value: scalar('1'), source: scalar('s') });
    const range = map({ low: scalar('1'), high: scalar('2') });
    expect(mergeOver(annotated, range)).toEqual(range);
    expect(mergeOver(map({ 2019: annotated, 2023: scalar('3') }), map({ 2023: range }))).toEqual(
      map({ 2019: annotated, 2023: range }),
    );
  });

  it('takes an absolute path as it is, not relative to the file', async () => {
    const parent = resolve(DIR, 'parent.yaml');
    const child = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'child.yaml');
    writeFileSync(
      child,
      readFileSync(`${DIR}/child.yaml`, 'utf8').replace('extends: ./parent.yaml', `extends: ${JSON.stringify(parent)}`),
    );
    const { scenario, chain } = await loadScenario(child, fileSources(io));
    expect(chain.map((file) => file.display)).toEqual([child, parent]);
    expect(chain.map((file) => file.id)).toEqual([child, parent]);
    expect(valuesOf(scenario)).toBe(valuesOf((await load('child.yaml')).scenario));
  });

  it('takes a bare name as a bundled scenario', async () => {
    const { scenario, chain } = await load('variant.yaml');
    expect(chain.map((file) => file.display)).toEqual([`${DIR}/variant.yaml`, 'scenarios/baseline.yaml']);
    const penetration = scenario.supplyChain!.modes.find((mode) => mode.id === 'receivables')!.penetration.get(2023)!;
    expect([penetration.low, penetration.base, penetration.high].map(String)).toEqual(['0.55', '0.6', '0.65']);
    expect(scenario.bankProfit!.operatingCost.get(2023)!.base.toString()).toBe('0.011');
    expect(scenario.bankProfit!.operatingCost.get(2019)!.base.toString()).toBe('0.015');
  });
});

describe('extends: errors', () => {
  it('names the chain of a cycle', async () => {
    expect(await problems('cycle-a.yaml')).toEqual([
      `${DIR}/cycle-b.yaml:1:10: error: extends: cycle: ${DIR}/cycle-a.yaml → ${DIR}/cycle-b.yaml → ` +
        `${DIR}/cycle-a.yaml`,
    ]);
  });

  it('refuses chains deeper than 16', async () => {
    const [problem, ...rest] = await problems('deep-0.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatch(
      new RegExp(
        `^${DIR}/deep-16\\.yaml:1:10: error: extends: chain deeper than 16: ${DIR}/deep-0\\.yaml → .* → ` +
          `${DIR}/deep-16\\.yaml → …$`,
      ),
    );
  });

  it('points errors at the line and column of the file they are in', async () => {
    expect(await problems('bad-parent.yaml')).toEqual([
      `${DIR}/bad-parent.yaml:3:27: error: supplyChain.traditionalPenetration: '120%' is outside 0%..100%; a ` +
        `ratio lies in [0, 1]`,
      `${DIR}/bad-base.yaml:2:16: error: supplyChain.marketSpace: negative amount '-1'; amounts are ≥ 0`,
    ]);
  });

  it('reports a missing file or bundled name at the extends', async () => {
    expect(await problems('missing-parent.yaml')).toEqual([
      `${DIR}/missing-parent.yaml:1:10: error: extends: ${DIR}/no-such.yaml: no such file`,
    ]);
    expect(await problems('missing-bundled.yaml')).toEqual([
      `${DIR}/missing-bundled.yaml:1:10: error: extends: no bundled scenario 'baseline2' (did you mean 'baseline'?); ` +
        `bundled: bank-led, baseline, kpis (a file path needs a / or .yaml)`,
    ]);
  });
});

/** Scenario files served from memory, named as written in `extends` (without ./). */
function memory(files: Record<string, string>): ScenarioSources {
  const fileOf = (reference: string): ScenarioFile => {
    const display = reference.replace(/^\.\//, '');
    const text = files[display];
    if (text === undefined) throw new Error(`no test file ${display}`);
    return { display, id: display, text };
  };
  return { open: (reference) => fileOf(reference) };
}

const PARENT_BARE = `years: 2019..2023
supplyChain:
  marketSpace: {2019: 95000, 2023: 125000}
  modes:
    a: {share: 50%, penetration: 40%}
techSpend:
  years: 2019..2020
  segments:
    s: {spend: 100, frontier: 10}
`;

const yi = (scenario: Scenario, year: number) => scenario.supplyChain!.marketSpace.get(year)!.base.toString();

describe('extends: a file’s unit applies to its own bare numbers (SPEC §2.1)', () => {
  it('does not rescale the numbers a child inherits', async () => {
    const sources = memory({
      'parent.yaml': PARENT_BARE,
      'child.yaml': 'extends: ./parent.yaml\nunit: 万亿\nsupplyChain:\n  marketSpace:\n    2023: 13\n',
    });
    const { scenario } = await loadScenario('child.yaml', sources);
    expect([yi(scenario, 2019), yi(scenario, 2023)]).toEqual(['95000', '130000']);
    const segment = scenario.techSpend!.segments[0]!;
    expect(segment.spend?.get(2019)!.base.toString()).toBe('100');
  });

  it('reads a child’s bare numbers in its own unit, not its parent’s', async () => {
    const parent = 'unit: 万亿\nyears: 2019..2023\nsupplyChain:\n  marketSpace: {2019: 9.5, 2023: 12.5}\n';
    const sources = memory({
      'parent.yaml': parent,
      'child.yaml': 'extends: ./parent.yaml\nsupplyChain:\n  marketSpace:\n    2023: 130000\n',
    });
    const { scenario } = await loadScenario('child.yaml', sources);
    expect([yi(scenario, 2019), yi(scenario, 2023)]).toEqual(['95000', '130000']);
  });

  it('keeps each file’s unit along a chain, and an explicit unit wins', async () => {
    const sources = memory({
      'a.yaml': 'unit: bn\nyears: 2019..2023\nsupplyChain:\n  marketSpace: {2019: 9500, 2021: 1, 2023: 12500}\n',
      'b.yaml': 'extends: ./a.yaml\nunit: 万亿\nsupplyChain:\n  marketSpace: {2021: 11}\n',
      'c.yaml': 'extends: ./b.yaml\nunit: 元\nsupplyChain:\n  marketSpace: {2023: 1.3万亿}\n',
    });
    const { scenario } = await loadScenario('c.yaml', sources);
    expect([2019, 2021, 2023].map((year) => yi(scenario, year))).toEqual(['95000', '110000', '13000']);
  });

  it('reports an unknown unit in the file that writes it', async () => {
    const sources = memory({
      'parent.yaml': `unit: 亿圆\n${PARENT_BARE}`,
      'child.yaml': 'extends: ./parent.yaml\nunit: 万亿\n',
    });
    expect(await problemsWith('child.yaml', sources)).toEqual([
      "parent.yaml:1:7: error: unit: unknown unit '亿圆' (did you mean '亿元'?); expected one of 元 万 万元 百万 百万元 千万 千万元 亿 亿" +
        '元 万亿 万亿元 k m mn bn tn',
    ]);
  });

  it('does not inherit the unit', async () => {
    const sources = memory({
      'parent.yaml': `unit: 万亿\n${PARENT_BARE.replace('95000', '9.5')}`,
      'child.yaml': 'extends: ./parent.yaml\n',
    });
    const root = await (await loadScenario('child.yaml', sources)).tree();
    expect(root.entries.map((entry) => entry.key)).not.toContain('unit');
  });
});

describe('extends: null removes an inherited entry', () => {
  const child = (text: string) =>
    memory({ 'parent.yaml': PARENT_BARE, 'child.yaml': `extends: ./parent.yaml\n${text}` });

  it('removes a mode, a segment, an anchor year and an optional input', async () => {
    const sources = child(
      'supplyChain:\n  years: 2019..2021\n  marketSpace: {2021: 100000, 2023: null}\n  modes:\n    a: null\n    b: ' +
        '{share: 10%, penetration: 50%}\ntechSpend:\n  segments:\n    s: {frontier: ~, frontierShare: 20%}\n    ' +
          't: {spend: 5}\n',
    );
    const { scenario } = await loadScenario('child.yaml', sources);
    expect(scenario.supplyChain!.modes.map((mode) => mode.id)).toEqual(['b']);
    // Anchors 2019 and 2021 are left (cagr between them), so the model's years stop at 2021.
    expect([2019, 2020, 2021].map((year) => yi(scenario, year))).toEqual([
      '95000',
      expect.stringMatching(/^97467\.9/),
      '100000',
    ]);
    const forms = (segment: SegmentInputs) =>
      [segment.id, segment.frontier !== undefined, segment.frontierShare !== undefined];
    expect(scenario.techSpend!.segments.map(forms)).toEqual([
      ['s', false, true],
      ['t', false, false],
    ]);
  });

  it('removes a whole model, and the years of a model', async () => {
    const { scenario } = await loadScenario('child.yaml', child('techSpend: null\n'));
    expect(scenario.techSpend).toBeUndefined();
    const years = await loadScenario(
      'child.yaml',
      child('techSpend:\n  years: null\n  segments:\n    s: {spend: 1, frontier: null}\n'),
    );
    expect(years.scenario.techSpend!.years).toEqual([2019, 2020, 2021, 2022, 2023]);
  });

  it('refuses to remove a required input, and says how to remove its owner', async () => {
    expect(await problemsWith('child.yaml', child('supplyChain:\n  modes:\n    a:\n      share: null\n'))).toEqual([
      'child.yaml:5:14: error: supplyChain.modes.a.share: share is required, so null cannot remove it; remove ' +
        'supplyChain.modes.a instead (a: null), or give share a value',
    ]);
    expect(await problemsWith('child.yaml', child('supplyChain:\n  marketSpace: null\n'))).toEqual([
      'child.yaml:3:16: error: supplyChain.marketSpace: marketSpace is required, so null cannot remove it; remove ' +
        'supplyChain instead (supplyChain: null), or give marketSpace a value',
    ]);
  });

  it('reports a null that removes nothing, with the names it could remove', async () => {
    expect(await problemsWith('child.yaml', child('supplyChain:\n  modes:\n    aa: null\n'))).toEqual([
      "child.yaml:4:9: error: supplyChain.modes.aa: no mode 'aa' to remove (did you mean 'a'?); null removes an " +
        'inherited mode, and supplyChain.modes has a',
    ]);
  });

  it('takes an empty value as a mistake, not as a removal', async () => {
    expect(await problemsWith('child.yaml', child('supplyChain:\n  modes:\n    a:\n'))).toEqual([
      'child.yaml:4:7: error: supplyChain.modes.a: nothing given; expected a mode (a map of its keys), or null to ' +
        'remove an inherited mode',
    ]);
  });
});

describe('a scenario title, read without the inputs (list)', () => {
  it('is the title loadScenario gives, through extends, for the bundled scenarios and the fixtures', async () => {
    const files = ['baseline', 'bank-led', 'kpis', `${DIR}/child.yaml`, `${DIR}/parent.yaml`];
    for (const file of files) {
      const { scenario } = await loadScenario(file, fileSources(io));
      expect(await loadScenarioTitle(file, fileSources(io)), file).toBe(scenario.title);
    }
  });

  it('does not read the inputs, but a title that is not a text is an error at its position', async () => {
    const served = (text: string): ScenarioSources => ({
      open: (reference) => ({ display: reference, id: reference, text }),
    });
    const badInput = 'version: 1\ntitle: Mine\nsupplyChain:\n  marketSpace: lots\n';
    expect(await loadScenarioTitle('mine.yaml', served(badInput))).toBe('Mine');
    await expect(problemsWith('mine.yaml', served(badInput))).resolves.toHaveLength(1);
    const badTitle = 'version: 1\ntitle: {en: Mine}\n';
    await expect(loadScenarioTitle('mine.yaml', served(badTitle))).rejects.toThrow(InputError);
    await expect(loadScenarioTitle('mine.yaml', served(badTitle)).catch((error: InputError) =>
      error.problems.map(formatProblem))).resolves.toEqual(['mine.yaml:2:8: error: title: expected a text']);
    expect(await loadScenarioTitle('untitled.yaml', served('version: 1\n'))).toBe('untitled');
  });
});
