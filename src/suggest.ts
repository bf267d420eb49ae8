// "Did you mean …?" for misspelt keys, units and option values.
//
// Bounded work: a word longer than any name anyone types is not compared, only
// candidates whose length is near the word's are, and the edit distance is
// computed in a band, stopping as soon as it exceeds what would count as a typo.
// A suggester used for many words shares one budget of steps (a candidate looked
// at, a cell of the distance computed), so that thousands of misspelt names
// among thousands of candidates cost no more than a fixed amount.

/** Longer words are not typos of a name (and comparing them would cost their length squared). */
export const MAX_SUGGESTED_LENGTH = 64;
/** Steps one suggester may take in all (tens of milliseconds); after that it suggests nothing. */
export const SUGGESTION_BUDGET = 20_000_000;
/** Names listed in a message; more are counted. */
export const MAX_LISTED_NAMES = 20;

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return suggester(candidates).closest(word);
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  return suggester(candidates).didYouMean(word);
}

export interface Suggester {
  closest(word: string): string | undefined;
  /** ` (did you mean 'x'?)`, or '' when nothing is close. */
  didYouMean(word: string): string;
}

/** Suggestions among one set of candidates, for any number of words, within a budget of steps. */
export function suggester(candidates: Iterable<string>, budget = SUGGESTION_BUDGET): Suggester {
  const names = [...candidates];
  let lowered: string[] | undefined;
  const meter = { left: budget };
  const closestTo = (word: string): string | undefined => {
    if (word.length > MAX_SUGGESTED_LENGTH || meter.left < names.length) return undefined;
    meter.left -= names.length;
    lowered ??= names.map((name) => name.toLowerCase());
    const lower = word.toLowerCase();
    const limit = Math.max(1, Math.floor(word.length / 3));
    let best: string | undefined;
    let bestDistance = limit;
    for (let i = 0; i < names.length; i++) {
      const candidate = lowered[i]!;
      // The distance is at least the difference in length.
      if (Math.abs(candidate.length - lower.length) > bestDistance) continue;
      const distance = editDistance(lower, candidate, bestDistance, meter);
      if (meter.left < 0) return undefined;
      if (distance > bestDistance) continue;
      const name = names[i]!;
      // On a tie, a candidate as long as the word is the likelier typo (bm → bn, not m).
      const closerLength = best !== undefined && Math.abs(name.length - word.length) < Math.abs(best.length - word.length);
      if (best === undefined || distance < bestDistance || closerLength) {
        best = name;
        bestDistance = distance;
      }
    }
    return best;
  };
  return {
    closest: closestTo,
    didYouMean(word) {
      const guess = closestTo(word);
      return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
    },
  };
}

/** `a, b, c`, or the first MAX_LISTED_NAMES of them and how many there are in all. */
export function listNames(names: readonly string[]): string {
  if (names.length <= MAX_LISTED_NAMES) return names.join(', ');
  return `${names.slice(0, MAX_LISTED_NAMES).join(', ')}, … (${names.length} in all)`;
}

/**
 * Levenshtein distance, with a transposition counting as one edit, if it is at
 * most `bound`; otherwise bound + 1. Only cells within `bound` of the diagonal
 * can stay within it, and a row whose every cell exceeds it ends the search.
 * Each row's cells are taken from the meter.
 */
function editDistance(a: string, b: string, bound: number, meter: { left: number }): number {
  const over = bound + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => Math.min(j, over));
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(over);
    row[0] = Math.min(i, over);
    let rowMin = row[0];
    const from = Math.max(1, i - bound);
    const to = Math.min(b.length, i + bound);
    meter.left -= to - from + 1;
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row[j] = Math.min(d, over);
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin > bound) return over;
    [before, previous] = [previous, row];
  }
  return previous[b.length]!;
}
