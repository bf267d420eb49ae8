// The reports of validate and check: per file, `<file>: ok` (for stdout) or its
// problems and warnings as located lines (for stderr); validate's JSON report.
// A warning in a file that several of the files extend is reported once.
import type { HygieneWarning } from '../engine/analysis/hygiene.js';
import { locatedLine, type Place } from '../shared/located.js';
import { visible } from './escape.js';
import { say, type Lang } from './labels.js';

export const VALIDATE_FORMAT = 'fintech-calc/validate@1';

/** A problem that makes a file invalid: where, which scenario path ('' for the file itself), what is wrong. */
export interface FileProblem {
  readonly pos: Place;
  readonly path: string;
  readonly message: string;
}

/** One file's findings: its problems (none when it is valid) and warnings. */
export interface FileFindings {
  readonly file: string;
  readonly problems: readonly FileProblem[];
  readonly warnings: readonly HygieneWarning[];
}

/** What to print for one file, in order: first on stdout, then on stderr. */
export interface FileReport {
  readonly stdout: string;
  readonly stderr: string;
}

/** The option that sets each limit a warning can go beyond, as it is typed. */
const LIMIT_OPTIONS = { maxGrowth: '--max-growth' } as const;

/** A warning's message, with the limit it goes beyond (`…, more than --max-growth 100%`). */
export function warningMessage({ message, beyond }: HygieneWarning, lang: Lang): string {
  if (beyond === undefined) return message[lang];
  const limit = `${LIMIT_OPTIONS[beyond.limit]} ${beyond.value.times(100).toFixed()}%`;
  return `${message[lang]}${say.beyondLimit(lang, limit)}`;
}

/** validate: `<file>: ok`, or the file's problems; then its warnings, in English. */
export function renderValidation(files: readonly FileFindings[]): FileReport[] {
  return report(files, 'warning', 'en', (file) => file.problems.length === 0);
}

/** check: `<file>: ok` for a file without warnings; warnings at `level` (error with --strict). */
export function renderHygiene(files: readonly FileFindings[], level: 'warning' | 'error', lang: Lang): FileReport[] {
  return report(files, level, lang, (file) => file.warnings.length === 0);
}

function report(
  files: readonly FileFindings[],
  level: 'warning' | 'error',
  lang: Lang,
  isOk: (file: FileFindings) => boolean,
): FileReport[] {
  const reported = new Set<string>();
  const line = (text: string) => `${visible(text)}\n`;
  return files.map((file) => {
    const problems = file.problems.map(({ pos, path, message }) => line(locatedLine(pos, 'error', path, message)));
    const warnings = file.warnings
      .map((warning) => locatedLine(warning.where, level, warning.path, warningMessage(warning, lang)))
      .filter((text) => !reported.has(text) && reported.add(text) !== undefined)
      .map(line);
    return { stdout: isOk(file) ? line(`${file.file}: ok`) : '', stderr: [...problems, ...warnings].join('') };
  });
}

/** validate -f json: `{"format", "valid", "files": [{"file", "valid", "problems": [...], "warnings": [...]}]}`. */
export function renderValidationJson(files: readonly FileFindings[]): string {
  const located = ({ file, line, col }: Place, path: string, message: string) => ({ file, line, col, path, message });
  return `${JSON.stringify({
    format: VALIDATE_FORMAT,
    valid: files.every((file) => file.problems.length === 0),
    files: files.map(({ file, problems, warnings }) => ({
      file,
      valid: problems.length === 0,
      problems: problems.map(({ pos, path, message }) => located(pos, path, message)),
      warnings: warnings.map((warning) => located(warning.where, warning.path, warningMessage(warning, 'en'))),
    })),
  })}\n`;
}
