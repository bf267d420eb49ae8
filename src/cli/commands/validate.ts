// `fintech-calc validate <file ...>`: check scenario files (with their extends chains).
// A valid file may still draw warnings (an anchor year far outside its module's
// years): on stderr, the exit code unchanged.
import { Option } from '@commander-js/extra-typings';
import { inFileOrder } from '../../engine/analysis/hygiene.js';
import { farAnchors } from '../../engine/analysis/plausibility.js';
import { renderValidation, renderValidationJson, type FileFindings } from '../../render/validate.js';
import { loadScenario } from '../../scenario/load.js';
import { InputError } from '../../scenario/problems.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { EXIT, UsageError } from '../exit.js';
import { fileSources, type Io } from '../io.js';
import { printReports, withSuggestion } from '../shared.js';

/** validate's arguments, options and help. */
function command(program: Program) {
  return helpAfter(
    program
      .command('validate')
      .description('check scenario files (and the files they extend); print <file>: ok or every problem')
      .argument('<file...>', 'scenario files, or bundled names')
      .addOption(
        new Option('-f, --format <format>', 'text, or json for a machine-readable list of problems').default('text'),
      ),
    `
Problems are printed on stderr as <file>:<line>:<col>: error: <path>: <message>. Exit codes: 0 every file is valid, 2 \
a file has a problem (or bad usage).

Examples:
  fintech-calc validate scenarios/*.yaml
  fintech-calc validate my.yaml -f json
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (files, options) => setCode(await run(files, options, io)));
}

async function run(files: readonly string[], { format }: OptionsOf<typeof command>, io: Io): Promise<number> {
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format: '${format}' is not one of text, json`);
  const sources = fileSources(io);
  const results: FileFindings[] = [];
  for (const file of files) {
    try {
      const loaded = await loadScenario(file, sources);
      results.push({
        file: loaded.file,
        problems: [],
        warnings: inFileOrder(
          farAnchors(loaded.scenario),
          loaded.chain.map((link) => link.display),
        ),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      results.push({ file, problems: withSuggestion(error.problems, file, io), warnings: [] });
    }
  }
  if (format === 'json') io.stdout(renderValidationJson(results));
  else printReports(renderValidation(results), io);
  return results.every((result) => result.problems.length === 0) ? EXIT.ok : EXIT.badInput;
}
