// "Did you mean": the same suggestions as a full edit-distance matrix, at a
// bounded cost (src/suggest.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { Problems } from '../../src/scenario/problems.js';
import { parseSettings } from '../../src/scenario/set.js';
import {
  closest,
  didYouMean,
  listNames,
  MAX_LISTED_NAMES,
  MAX_SUGGESTED_LENGTH,
  suggestionBudget,
} from '../../src/shared/suggest.js';
import { problemsFrom, problemsOf } from '../helpers.js';

/** The plain algorithm: every candidate's full Levenshtein matrix (a transposition is one edit). */
function referenceClosest(word: string, candidates: readonly string[]): string | undefined {
  const distance = (a: string, b: string): number => {
    const rows: number[][] = [];
    for (let i = 0; i <= a.length; i++) {
      rows.push([i]);
      for (let j = 1; j <= b.length; j++) {
        if (i === 0) {
          rows[i]![j] = j;
          continue;
        }
        let d = Math.min(
          rows[i - 1]![j]! + 1,
          rows[i]![j - 1]! + 1,
          rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        );
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
        rows[i]![j] = d;
      }
    }
    return rows[a.length]![b.length]!;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    const closerLength =
      best !== undefined && Math.abs(candidate.length - word.length) < Math.abs(best.length - word.length);
    if (d < bestDistance || (d === bestDistance && closerLength)) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

describe('did you mean', () => {
  it('suggests what the full matrix suggests', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', 'é', 'İ', '2', '.'), maxLength: 14 });
    fc.assert(
      fc.property(letters, fc.array(letters, { maxLength: 12 }), (word, candidates) => {
        expect(closest(word, candidates)).toBe(referenceClosest(word, candidates));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps the suggestions the messages show', () => {
    expect(didYouMean('recievables', ['receivables', 'arif'])).toBe(" (did you mean 'receivables'?)");
    expect(closest('bm', ['m', 'bn'])).toBe('bn');
    expect(closest('SHARE', ['share'])).toBe('share');
    expect(didYouMean('xyz', ['share'])).toBe('');
  });

  it(`does not compare words longer than ${MAX_SUGGESTED_LENGTH} characters, which no one types`, () => {
    const long = 'k'.repeat(MAX_SUGGESTED_LENGTH + 1);
    expect(closest(long, [long, `${long}x`])).toBeUndefined();
    expect(closest('k'.repeat(MAX_SUGGESTED_LENGTH), [`${'k'.repeat(MAX_SUGGESTED_LENGTH - 1)}x`])).toBe(
      `${'k'.repeat(MAX_SUGGESTED_LENGTH - 1)}x`,
    );
  });

  /** The fewest steps with which `word` still gets `expected` among `names`. */
  const stepsFor = (names: readonly string[], word: string, expected: string): number => {
    let steps = 0;
    while (closest(word, names, suggestionBudget(steps)) !== expected) steps++;
    return steps;
  };

  it('takes a step per candidate and per cell of a distance, within the band of a typo', () => {
    const names = ['alpha', 'beta', 'gamma'];
    // Three candidates looked at; 'alpah' allows one edit: at most 3 cells in each of its 5 rows per candidate.
    expect(stepsFor(names, 'alpah', 'alpha')).toBeLessThanOrEqual(3 + 3 * 5 * 3);
    // A 60-character word allows 20 edits: 41 cells a row, not the 60 of a full matrix.
    const word = 'ab'.repeat(30);
    expect(stepsFor([`${word.slice(0, 59)}x`], word, `${word.slice(0, 59)}x`)).toBeLessThanOrEqual(1 + 60 * 41);
  });

  it('suggestions sharing a budget stop when it is spent', () => {
    const names = ['alpha', 'beta', 'gamma'];
    const budget = suggestionBudget(stepsFor(names, 'alpah', 'alpha'));
    expect(didYouMean('alpah', names, budget)).toBe(" (did you mean 'alpha'?)");
    expect(didYouMean('alpah', names, budget)).toBe('');
  });

  it('a word too long to be a typo costs no steps', () => {
    const budget = suggestionBudget(stepsFor(['alpha'], 'alpah', 'alpha'));
    expect(closest('a'.repeat(1_000_000), ['alpha'], budget)).toBeUndefined();
    expect(closest('alpah', ['alpha'], budget)).toBe('alpha');
  });

  it('the problems of one input share a budget', () => {
    const names = ['alpha', 'beta', 'gamma'];
    const problems = new Problems(suggestionBudget(2 * stepsFor(names, 'alpah', 'alpha')));
    expect([1, 2, 3].map(() => problems.didYouMean('alpah', names))).toEqual([
      " (did you mean 'alpha'?)",
      " (did you mean 'alpha'?)",
      '',
    ]);
  });
});

describe('lists of names in messages', () => {
  it(`shows up to ${MAX_LISTED_NAMES} names, then how many there are`, () => {
    const names = Array.from({ length: 25 }, (_, i) => `g${i}`);
    expect(listNames(names.slice(0, MAX_LISTED_NAMES))).toBe(names.slice(0, MAX_LISTED_NAMES).join(', '));
    expect(listNames(names)).toBe(`${names.slice(0, MAX_LISTED_NAMES).join(', ')}, … (25 in all)`);
  });
});

describe('messages about names the scenario declares', () => {
  const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const first20 = (names: string[]) => `${names.slice(0, MAX_LISTED_NAMES).join(', ')}, … (${names.length} in all)`;

  it('list the first names, not thousands of them per problem', async () => {
    const groups = ids('g', 30);
    const segments = groups.map((id) => `    s${id}: {spend: 1, group: ${id}}`).join('\n');
    const text =
      `techSpend:\n  groups: {${groups.map((id) => `${id}: {}`).join(', ')}}\n` +
      `  segments:\n${segments}\n    x: {spend: 1, group: g7x}\n`;
    expect(await problemsOf(text)).toEqual([
      `test.yaml:34:26: error: techSpend.segments.x.group: no group 'g7x' (did you mean 'g7'?); declare it under ` +
        `techSpend.groups (groups: ${first20(groups)})`,
    ]);

    const modes = ids('m', 30);
    const sources: ScenarioSources = {
      open: () => ({
        display: 'base.yaml',
        id: 'base.yaml',
        text:
          'supplyChain:\n  marketSpace: 1\n  modes:\n' +
          `${modes.map((id) => `    ${id}: {share: 1%, penetration: 1%}`).join('\n')}\n`,
      }),
    };
    const setting = parseSettings(['supplyChain.modes.m7x.share=2%'], '亿元', new Problems())[0]!;
    expect(await problemsFrom(loadScenario('base.yaml', sources, [setting]))).toEqual([
      "--set #1: error: supplyChain.modes.m7x: no mode 'm7x' in the scenario (did you mean 'm7'?); " +
        `it has ${first20(modes)}`,
    ]);
  });
});
