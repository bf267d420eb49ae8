// The bundled scenarios as built: a run restores each one decoded at build
// (snapshot.ts, precompile.ts) instead of reading its values again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledNames, fileSources, type Io } from '../../src/cli/io.js';
import { readSettings } from '../../src/cli/shared.js';
import type { Scenario } from '../../src/engine/types.js';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { formatProblem, InputError } from '../../src/scenario/problems.js';
import { restoreSnapshot, takeSnapshot } from '../../src/scenario/snapshot.js';
import { Decimal } from '../../src/shared/decimal.js';
import { PACKAGE_ROOT } from '../cli/in-process.js';

const io: Io = {
  env: {},
  stdout: () => undefined,
  stderr: () => undefined,
  stdoutIsTerminal: false,
  packageRoot: PACKAGE_ROOT,
};


/** The same files, read as a user's: no build products, so every scenario is parsed and decoded. */
const asUserFiles: ScenarioSources = {
  open: (reference) => {
    const display = `scenarios/${reference}.yaml`;
    return { display, id: reference, text: readFileSync(join(PACKAGE_ROOT, display), 'utf8') };
  },
};

describe('a snapshot', () => {
  it('restores plain data with its Decimals, Maps, undefined and non-finite numbers, keeping what is shared', () => {
    const range = { low: new Decimal('0.1'), base: new Decimal('0.2'), high: new Decimal('1e-30') };
    const value = {
      series: new Map([[2019, range], [2020, range]]),
      list: [1, -0, Infinity, NaN, 'text', true, null, undefined],
      nested: { deeper: { range }, empty: {}, none: undefined },
    };
    const restored = restoreSnapshot(JSON.parse(JSON.stringify(takeSnapshot(value)))) as typeof value;
    expect(restored).toEqual(value);
    expect(restored.series.get(2019)).toBe(restored.series.get(2020));
    expect(restored.nested.deeper.range).toBe(restored.series.get(2019));
    expect(restored.series.get(2019)!.high).toBeInstanceOf(Decimal);
    expect(restored.series.get(2019)!.high.equals(range.high)).toBe(true);
    expect(Object.is(restored.list[1], -0)).toBe(true);
    expect(Object.keys(restored.nested)).toEqual(['deeper', 'empty', 'none']);
  });

  it('refuses what it would not restore as it was: a class, a function', () => {
    class Point {
      x = 1;
    }
    expect(() => takeSnapshot({ at: [new Point()] })).toThrow('takeSnapshot: value.at[0] is a Point, not plain data');
    expect(() => takeSnapshot({ f: () => 1 })).toThrow('takeSnapshot: value.f is a function');
    expect(() => takeSnapshot(new Set([1]))).toThrow('is a Set');
  });
});

describe('the bundled scenarios as built', () => {
  it('are restored equal to the scenario decoded from their files', async () => {
    const names = bundledNames(io);
    expect(names).toContain('baseline');
    for (const name of names) {
      const built = await loadScenario(name, fileSources(io));
      const decoded = await loadScenario(name, asUserFiles);
      expect(built.chain.every((file) => file.built !== undefined), name).toBe(true);
      expect(built.scenario, name).toEqual(decoded.scenario);
      expect(built.chain.map((file) => file.display)).toEqual(decoded.chain.map((file) => file.display));
      expect(await built.tree()).toEqual(await decoded.tree());
    }
  });

  it('are decoded again under a --set, or when a file of the chain is not as built', async () => {
    const sources = fileSources(io);
    const settings = readSettings(['supplyChain.marketSpace.2023=13万亿'], '亿元');
    const built = await loadScenario('bank-led', sources, settings);
    expect(built.scenario).not.toEqual((await loadScenario('bank-led', sources)).scenario);
    // bank-led as built, over a baseline that is not: bank-led is decoded from the files.
    const edited: ScenarioSources = {
      open: (reference, from, at) => {
        const file = sources.open(reference, from, at);
        if (reference !== 'baseline') return file;
        return { display: file.display, id: file.id, text: file.text.replace('value: 9.9万亿', 'value: 9.8万亿') };
      },
    };
    const loaded = await loadScenario('bank-led', edited);
    expect(loaded.chain[0]!.built).toBeDefined();
    expect(loaded.chain[1]!.built).toBeUndefined();
    const space = (scenario: Scenario) => scenario.supplyChain!.marketSpace.get(2019)!.base.toString();
    expect(space(loaded.scenario)).toBe('98000');
    expect(space((await loadScenario('bank-led', sources)).scenario)).toBe('99000');
  });

  it('reports a file of the chain that is gone at the extends that names it', async () => {
    const sources = fileSources(io);
    const gone: ScenarioSources = {
      open: (reference, from, at) => {
        if (reference !== 'baseline') return sources.open(reference, from, at);
        const pos = at ?? { file: 'scenarios/baseline.yaml', line: 0, col: 0 };
        throw new InputError([{ pos, path: 'extends', message: 'no such file' }]);
      },
    };
    const problems = await loadScenario('bank-led', gone).then(
      () => [],
      (error: InputError) => error.problems.map(formatProblem),
    );
    const atExtends = /^scenarios\/bank-led\.yaml:\d+:\d+: error: extends: no such file$/;
    expect(problems).toEqual([expect.stringMatching(atExtends)]);
    expect(problems[0]).not.toMatch(/:0:0:/);
  });
});
