// `fintech-calc validate <file ...>`: check scenario files (with their extends chains).
import { visible } from '../render/escape.js';
import { loadScenario } from '../scenario/load.js';
import { formatProblem, InputError, type Problem } from '../scenario/problems.js';
import { EXIT, UsageError } from './exit.js';
import { fileSources, type Io } from './io.js';
import { withSuggestion } from './shared.js';

export const VALIDATE_FORMAT = 'fintech-calc/validate@1';

export async function runValidate(files: readonly string[], format: string, io: Io): Promise<number> {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: '${format}' is not one of text, json`);
  const sources = fileSources(io);
  const results: { file: string; problems: readonly Problem[] }[] = [];
  for (const file of files) {
    try {
      const loaded = await loadScenario(file, sources);
      results.push({ file: loaded.file, problems: [] });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      results.push({ file, problems: withSuggestion(error.problems, file, io) });
    }
  }
  const valid = results.every((result) => result.problems.length === 0);
  if (format === 'json') {
    const files = results.map(({ file, problems }) => ({
      file,
      valid: problems.length === 0,
      problems: problems.map(({ pos, path, message }) => ({ file: pos.file, line: pos.line, col: pos.col, path, message })),
    }));
    io.stdout(`${JSON.stringify({ format: VALIDATE_FORMAT, valid, files })}\n`);
  } else {
    for (const { file, problems } of results) {
      if (problems.length === 0) io.stdout(`${visible(file)}: ok\n`);
      else io.stderr(problems.map((problem) => `${visible(formatProblem(problem))}\n`).join(''));
    }
  }
  return valid ? EXIT.ok : EXIT.badInput;
}
