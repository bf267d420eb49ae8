// extends (SPEC §2.3): merge rules, bundled names, cycles and depth, error positions.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fileSources, type Io } from '../../src/cli/io.js';
import { loadScenario } from '../../src/scenario/load.js';
import { mergeOver } from '../../src/scenario/merge.js';
import type { RawNode } from '../../src/scenario/raw.js';
import { problemsFrom, valuesOf } from '../helpers.js';

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
const problems = (file: string) => problemsFrom(load(file));

describe('extends: merge rules', () => {
  it('merges maps key by key and year maps year by year', async () => {
    const { scenario, chain } = await load('child.yaml');
    expect(chain.map((file) => file.display)).toEqual([`${DIR}/child.yaml`, `${DIR}/parent.yaml`]);
    const space = scenario.supplyChain!.marketSpace;
    // 2019 is inherited, 2023 overridden, interpolate: linear inherited.
    expect([...space.values()].map((range) => range.base.toString())).toEqual(['100000', '102500', '105000', '107500', '110000']);
    expect(scenario.supplyChain!.modes.map((mode) => mode.id)).toEqual(['a', 'b']);
    const segment = scenario.techSpend!.segments[0]!;
    expect(segment.label).toEqual({ en: 'Replaced label', zh: 'Replaced label' });
    expect(segment.volume.kind === 'spend' && segment.volume.spend.get(2019)!.base.toString()).toBe('100');
  });

  it('does not inherit name, title and description', async () => {
    const { scenario } = await load('child.yaml');
    expect([scenario.name, scenario.title]).toEqual(['child', 'child']);
  });

  it('replaces scalars, lists and value maps whole', () => {
    const pos = { file: 'f', line: 1, col: 1 };
    const scalar = (text: string): RawNode => ({ kind: 'scalar', pos, text, type: 'string' });
    const map = (entries: Record<string, RawNode>): RawNode => ({ kind: 'map', pos, entries: Object.entries(entries).map(([key, value]) => ({ key, keyPos: pos, value })) });
    const seq: RawNode = { kind: 'seq', pos, items: [scalar('x')] };
    expect(mergeOver(scalar('a'), scalar('b'))).toEqual(scalar('b'));
    expect(mergeOver(seq, scalar('b'))).toEqual(scalar('b'));
    expect(mergeOver(map({ k: scalar('a') }), seq)).toEqual(seq);
    const annotated = map({ value: scalar('1'), source: scalar('s') });
    const range = map({ low: scalar('1'), high: scalar('2') });
    expect(mergeOver(annotated, range)).toEqual(range);
    expect(mergeOver(map({ 2019: annotated, 2023: scalar('3') }), map({ 2023: range }))).toEqual(map({ 2019: annotated, 2023: range }));
  });

  it('takes an absolute path as it is, not relative to the file', async () => {
    const parent = resolve(DIR, 'parent.yaml');
    const child = join(mkdtempSync(join(tmpdir(), 'fintech-calc-')), 'child.yaml');
    writeFileSync(child, readFileSync(`${DIR}/child.yaml`, 'utf8').replace('extends: ./parent.yaml', `extends: ${JSON.stringify(parent)}`));
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
      `${DIR}/cycle-b.yaml:1:10: error: extends: cycle: ${DIR}/cycle-a.yaml → ${DIR}/cycle-b.yaml → ${DIR}/cycle-a.yaml`,
    ]);
  });

  it('refuses chains deeper than 16', async () => {
    const [problem, ...rest] = await problems('deep-0.yaml');
    expect(rest).toEqual([]);
    expect(problem).toMatch(new RegExp(`^${DIR}/deep-16\\.yaml:1:10: error: extends: chain deeper than 16: ${DIR}/deep-0\\.yaml → .* → ${DIR}/deep-16\\.yaml → …$`));
  });

  it('points errors at the line and column of the file they are in', async () => {
    expect(await problems('bad-parent.yaml')).toEqual([
      `${DIR}/bad-parent.yaml:3:27: error: supplyChain.traditionalPenetration: '120%' is outside 0%..100%; a ratio lies in [0, 1]`,
      `${DIR}/bad-base.yaml:2:16: error: supplyChain.marketSpace: negative amount '-1'; amounts are ≥ 0`,
    ]);
  });

  it('reports a missing file or bundled name at the extends', async () => {
    expect(await problems('missing-parent.yaml')).toEqual([`${DIR}/missing-parent.yaml:1:10: error: extends: ${DIR}/no-such.yaml: no such file`]);
    expect(await problems('missing-bundled.yaml')).toEqual([
      `${DIR}/missing-bundled.yaml:1:10: error: extends: no bundled scenario 'baseline2' (did you mean 'baseline'?); bundled: bank-led, baseline (a file path needs a / or .yaml)`,
    ]);
  });
});
