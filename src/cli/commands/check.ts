// `fintech-calc check [file ...]`: assumption hygiene warnings; --strict makes them errors.
import { hygiene } from '../../engine/analysis/hygiene.js';
import { renderHygiene } from '../../render/validate.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { EXIT } from '../exit.js';
import { bundledNames, type Io } from '../io.js';
import { defaultLang, parseLang, parsePercentOption } from '../options.js';
import { loadScenarios, printReports } from '../shared.js';

/** --max-growth: up to 10,000 times from one year to the next. */
const MAX_GROWTH_OPTION = 10_000;

/** check's arguments, options and help. */
function command(program: Program) {
  return helpAfter(
    program
      .command('check')
      .description(
        'assumption hygiene: inputs without a source, unexplained assumptions, odd ranges, jumps, copied sources',
      )
      .argument('[file...]', 'scenario files or bundled names (default: every bundled scenario)')
      .option('--strict', 'make the warnings errors (exit 2)')
      .option('--max-growth <percent>', 'flag inputs that change by more than this from one year to the next', '100%')
      .option('--lang <lang>', 'messages in en or zh (default: zh when LC_ALL/LANG is zh*, else en)'),
    `
Warnings are printed on stderr as <file>:<line>:<col>: warning: <path>: <message>; a file without any prints <file>: \
ok. Exit codes: 0 (also with warnings, unless --strict), 2 with --strict and a warning, or bad input.

Examples:
  fintech-calc check my.yaml
  fintech-calc check --strict          the bundled scenarios, as CI checks them
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (files, options) => setCode(await run(files, options, io)));
}

async function run(files: readonly string[], options: OptionsOf<typeof command>, io: Io): Promise<number> {
  const lang = options.lang === undefined ? defaultLang(io.env) : parseLang(options.lang);
  const maxGrowth = parsePercentOption('--max-growth', options.maxGrowth, '50%', MAX_GROWTH_OPTION);
  const loaded = await loadScenarios(files.length > 0 ? files : bundledNames(io), [], io);
  const results = loaded.map(({ scenario, file, chain }) => ({
    file,
    problems: [],
    warnings: hygiene(
      scenario,
      maxGrowth,
      chain.map((link) => link.display),
    ),
  }));
  printReports(renderHygiene(results, options.strict ? 'error' : 'warning', lang), io);
  return options.strict && results.some((result) => result.warnings.length > 0) ? EXIT.badInput : EXIT.ok;
}
