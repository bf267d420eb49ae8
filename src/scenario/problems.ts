// A problem in the user's input: where it is, which scenario path, what is wrong.
// Problems are collected (every problem is reported, not just the first) and
// travel as values until the CLI prints them.
import { locatedLine } from '../shared/located.js';
import { didYouMean, suggestionBudget } from '../shared/suggest.js';

export interface Pos {
  /** The file as the user named it, or `--set #<n>`. */
  readonly file: string;
  /** 1-based; 0 when the problem has no line (an unreadable file, a --set). */
  readonly line: number;
  readonly col: number;
}

export interface Problem {
  readonly pos: Pos;
  /** Dotted path in the scenario, e.g. `supplyChain.modes.arif.share`; '' for the file itself. */
  readonly path: string;
  readonly message: string;
}

/** `file:line:col: error: path: message` (SPEC §6); line and column left out when unknown. */
export function formatProblem({ pos, path, message }: Problem): string {
  return locatedLine(pos, 'error', path, message);
}

/** Thrown with every problem found in the input; the CLI prints them and exits 2. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

/** Collects problems while a scenario is read. */
export class Problems {
  readonly list: Problem[] = [];

  constructor(private readonly suggestions = suggestionBudget()) {}

  /** ` (did you mean 'x'?)` for a problem; the problems of one input share one budget (src/suggest.ts). */
  didYouMean(word: string, candidates: Iterable<string>): string {
    return didYouMean(word, candidates, this.suggestions);
  }

  add(pos: Pos, path: string, message: string): void {
    this.list.push({ pos, path, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Problems file by file (`fileOrder` first, then as met), top to bottom in each. */
  sorted(fileOrder: readonly string[] = []): Problem[] {
    const ranks = new Map<string, number>();
    for (const file of [...fileOrder, ...this.list.map((problem) => problem.pos.file)])
      if (!ranks.has(file)) ranks.set(file, ranks.size);
    const rank = (problem: Problem) => ranks.get(problem.pos.file)!;
    return [...this.list].sort((a, b) => rank(a) - rank(b) || a.pos.line - b.pos.line || a.pos.col - b.pos.col);
  }
}
