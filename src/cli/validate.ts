// `fintech-calc validate <file ...>`: check scenario files (with their extends chains).
// A valid file may still draw warnings (an anchor year far outside its module's
// years): on stderr, the exit code unchanged.
import { inFileOrder, type Warning } from '../engine/analysis/hygiene.js';
import { farAnchors } from '../engine/analysis/plausibility.js';
import { visible } from '../render/escape.js';
import { loadScenario } from '../scenario/load.js';
import { formatProblem, InputError, type Problem } from '../scenario/problems.js';
import { firstReports, formatWarning } from './check.js';
import { EXIT, UsageError } from './exit.js';
import { fileSources, type Io } from './io.js';
import { withSuggestion } from './shared.js';

export const VALIDATE_FORMAT = 'fintech-calc/validate@1';

export async function runValidate(files: readonly string[], format: string, io: Io): Promise<number> {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: '${format}' is not one of text, json`);
  const sources = fileSources(io);
  const results: { file: string; problems: readonly Problem[]; warnings: readonly Warning[] }[] = [];
  for (const file of files) {
    try {
      const loaded = await loadScenario(file, sources);
      results.push({ file: loaded.file, problems: [], warnings: inFileOrder(farAnchors(loaded.scenario), loaded.chain.map((link) => link.display)) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      results.push({ file, problems: withSuggestion(error.problems, file, io), warnings: [] });
    }
  }
  const valid = results.every((result) => result.problems.length === 0);
  if (format === 'json') {
    const located = ({ file, line, col }: { file: string; line: number; col: number }, path: string, message: string) => ({ file, line, col, path, message });
    const files = results.map(({ file, problems, warnings }) => ({
      file,
      valid: problems.length === 0,
      problems: problems.map(({ pos, path, message }) => located(pos, path, message)),
      warnings: warnings.map(({ where, path, message }) => located(where, path, message.en)),
    }));
    io.stdout(`${JSON.stringify({ format: VALIDATE_FORMAT, valid, files })}\n`);
  } else {
    // A file extended by several of those validated is warned of once.
    const unreported = firstReports();
    for (const { file, problems, warnings } of results) {
      if (problems.length === 0) io.stdout(`${visible(file)}: ok\n`);
      else io.stderr(problems.map((problem) => `${visible(formatProblem(problem))}\n`).join(''));
      for (const warning of warnings.filter(unreported)) io.stderr(`${formatWarning(warning, 'warning', 'en')}\n`);
    }
  }
  return valid ? EXIT.ok : EXIT.badInput;
}
