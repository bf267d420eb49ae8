// "Did you mean" for scenario arguments, and arguments given in the wrong order.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runCli } from './in-process.js';

process.chdir(PACKAGE_ROOT);
const BUNDLED = readdirSync('scenarios')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.slice(0, -'.yaml'.length));

/** Typos of a word: a letter dropped, doubled, replaced or two swapped. */
function typos(word: string): string[] {
  const at = Math.floor(word.length / 2);
  return [
    word.slice(0, -1),
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, at) + word[at] + word.slice(at),
    `${word.slice(0, at)}x${word.slice(at + 1)}`,
    word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1),
  ].filter((typo) => typo !== word);
}

describe('a scenario argument that names nothing', () => {
  it.each(BUNDLED)('suggests the bundled scenario %s for its typos, in every command that ' +
    'takes scenarios', async (name) => {
    for (const typo of typos(name)) {
      for (const args of [
        ['forecast', typo],
        ['diff', 'baseline', typo],
        ['explain', typo, 'market.marketSize.2023'],
        ['validate', typo],
        ['check', typo],
        ['simulate', typo, '-n', '10'],
      ]) {
        const result = await runCli(args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toBe(`${typo}: error: no such file (did you mean '${name}'?)\n`);
      }
    }
  });

  it('suggests a scenario file in the folder it names', async () => {
    for (const typo of [
      'test/fixtures/smal.yaml',
      'test/fixtures/smalll.yaml',
      'test/fixtures/samll.yaml',
      'test/fixtures/small.yml',
      'test/fixtures/labor.yaml',
    ]) {
      const result = await runCli(['forecast', typo]);
      expect(result.stderr).toMatch(
        new RegExp(
          `^${typo.replace(/\./g, '\\.')}: error: no such file \\(did you mean ` +
            `'test/fixtures/(small|labour)\\.yaml'\\?\\)\\n$`,
        ),
      );
    }
    // A bundled scenario named as a file.
    expect((await runCli(['forecast', 'baseline.yaml'])).stderr).toBe(
      "baseline.yaml: error: no such file (did you mean 'baseline'?)\n",
    );
  });

  it('suggests nothing far-fetched', async () => {
    for (const arg of ['test/fixtures/x.yaml', 'nothing-like-it', 'test/nowhere/small.yaml']) {
      expect((await runCli(['forecast', arg])).stderr).toBe(`${arg}: error: no such file\n`);
    }
  });

  it('says a metric given where a scenario goes belongs to explain', async () => {
    expect((await runCli(['forecast', 'market.marketSize.2023'])).stderr).toBe(
      'market.marketSize.2023: error: no such file (a metric? fintech-calc explain market.marketSize.2023 shows how ' +
        'it is computed)\n',
    );
  });
});

describe('explain', () => {
  it('says so when the metric comes before the scenario', async () => {
    for (const scenario of ['test/fixtures/small.yaml', 'baseline', 'my.yaml']) {
      const result = await runCli(['explain', 'market.marketSize.2023', scenario]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `fintech-calc: error: the scenario comes first, then the metric: fintech-calc explain ${scenario} ` +
          `market.marketSize.2023\n`,
      );
    }
  });

  it('says the metric is missing when only a scenario is given', async () => {
    for (const scenario of ['test/fixtures/small.yaml', 'baseline']) {
      const result = await runCli(['explain', scenario]);
      expect(result.stderr).toBe(
        `fintech-calc: error: explain needs a metric after the scenario, e.g. fintech-calc explain ${scenario} ` +
          `market.marketSize.2023\n`,
      );
    }
  });
});
