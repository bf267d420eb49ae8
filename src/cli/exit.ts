// Exit codes (SPEC §6) and the errors that map to them, in one place.
import { visible } from '../render/escape.js';
import { formatProblem, InputError } from '../scenario/problems.js';

export const EXIT = { ok: 0, differences: 1, badInput: 2, internal: 3 } as const;

/** A mistake in the command line (an option value, a missing argument). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ErrorSink {
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Prints an error the way SPEC §6 asks and returns the exit code for it. */
export function reportError(error: unknown, { stderr, env }: ErrorSink): number {
  if (error instanceof InputError) {
    stderr(error.problems.map((problem) => `${visible(formatProblem(problem))}\n`).join(''));
    return EXIT.badInput;
  }
  if (error instanceof UsageError) {
    stderr(`fintech-calc: error: ${visible(error.message)}\n`);
    return EXIT.badInput;
  }
  const detail = error instanceof Error ? error.message : String(error);
  stderr(
    `fintech-calc: internal error: ${visible(detail)}. This is a bug: please report it with the command you ran` +
      ` (DEBUG=fintech-calc shows the stack trace).\n`,
  );
  if ((env.DEBUG ?? '').split(',').includes('fintech-calc') && error instanceof Error && error.stack)
    stderr(`${error.stack}\n`);
  return EXIT.internal;
}
