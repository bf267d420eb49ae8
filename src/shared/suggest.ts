// "Did you mean …?" for misspelt keys, units and option values.
//
// Bounded work: a word longer than any name anyone types is not compared, only
// candidates whose length is near the word's are, and the edit distance is
// computed in a band, stopping as soon as it exceeds what would count as a typo.
// Suggestions can share one budget of steps (a candidate looked at, a cell of a
// distance computed): the problems of one input do (Problems.didYouMean), so
// thousands of misspelt names among thousands of candidates cost a fixed amount.

/** Longer words are not typos of a name (and comparing them would cost their length squared). */
export const MAX_SUGGESTED_LENGTH = 64;
/** Steps a budget holds (tens of milliseconds); once they are spent, nothing is suggested. */
export const SUGGESTION_BUDGET = 2_000_000;
/** Names listed in a message; more are counted. */
export const MAX_LISTED_NAMES = 20;

/** What suggestions may still spend, in steps; one budget can be shared by many suggestions. */
export interface SuggestionBudget {
  left: number;
}

export function suggestionBudget(steps = SUGGESTION_BUDGET): SuggestionBudget {
  return { left: steps };
}

/**
 * The candidate closest to `word` by edit distance, if it is close enough to be a likely typo (and the budget allows).
 */
export function closest(word: string, candidates: Iterable<string>, budget = suggestionBudget()): string | undefined {
  if (word.length > MAX_SUGGESTED_LENGTH) return undefined;
  const names = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  if (budget.left < names.length) return undefined;
  budget.left -= names.length;
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit;
  // A candidate longer than word + limit is skipped before its distance is computed.
  const rows: Rows = [0, 1, 2].map(() => new Int32Array(lower.length + limit + 2)) as Rows;
  for (const name of names) {
    // The distance is at least the difference in length (lower case is never shorter: a long name is skipped unread).
    if (name.length > lower.length + bestDistance) continue;
    const candidate = name.toLowerCase();
    if (Math.abs(candidate.length - lower.length) > bestDistance) continue;
    const distance = editDistance(lower, candidate, bestDistance, budget, rows);
    if (budget.left < 0) return undefined;
    if (distance > bestDistance) continue;
    // On a tie, a candidate as long as the word is the likelier typo (bm → bn, not m).
    const closerLength =
      best !== undefined && Math.abs(name.length - word.length) < Math.abs(best.length - word.length);
    if (best === undefined || distance < bestDistance || closerLength) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)`, or '' when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>, budget = suggestionBudget()): string {
  const guess = closest(word, candidates, budget);
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}

/** `a, b, c`, or the first MAX_LISTED_NAMES of them and how many there are in all. */
export function listNames(names: readonly string[]): string {
  if (names.length <= MAX_LISTED_NAMES) return names.join(', ');
  return `${names.slice(0, MAX_LISTED_NAMES).join(', ')}, … (${names.length} in all)`;
}

/** Three rows of the distance matrix, reused for every candidate of a word. */
type Rows = [Int32Array, Int32Array, Int32Array];

/**
 * Levenshtein distance, with a transposition counting as one edit, if it is at
 * most `bound`; otherwise bound + 1. Only cells within `bound` of the diagonal
 * can stay within it (a cell just outside the band is set to bound + 1, so the
 * next row never reads an old value), and a row whose every cell exceeds it ends
 * the search. Each row's cells are taken from the budget.
 */
function editDistance(a: string, b: string, bound: number, budget: SuggestionBudget, rows: Rows): number {
  const over = bound + 1;
  let [before, previous, row] = rows;
  for (let j = 0; j <= Math.min(b.length, over); j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    budget.left -= to - from + 2;
    row[0] = Math.min(i, over);
    if (from > 1) row[from - 1] = over;
    let rowMin = row[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = Math.min(d, over);
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (to < b.length) row[to + 1] = over;
    if (rowMin > bound) return over;
    [before, previous, row] = [previous, row, before];
  }
  return previous[b.length]!;
}
