// `fintech-calc check [file ...]`: assumption hygiene warnings; --strict makes them errors.
import { DEFAULT_MAX_GROWTH, hygiene } from '../engine/hygiene.js';
import { EXIT } from './exit.js';
import { parsePercentOption } from './options.js';
import { loadScenarios } from './shared.js';
import { bundledNames, type Io } from './io.js';

/** --max-growth: up to 10,000 times from one year to the next. */
const MAX_GROWTH_OPTION = 10_000;

export async function runCheck(files: readonly string[], options: { strict?: boolean; maxGrowth?: string }, io: Io): Promise<number> {
  const maxGrowth = options.maxGrowth === undefined ? DEFAULT_MAX_GROWTH : parsePercentOption('--max-growth', options.maxGrowth, '50%', MAX_GROWTH_OPTION);
  const targets = files.length > 0 ? files : bundledNames(io);
  const loaded = await loadScenarios(targets, [], io);
  const level = options.strict ? 'error' : 'warning';
  let count = 0;
  const reported = new Set<string>();
  for (const { scenario, file } of loaded) {
    // A file extended by several of those checked is reported once.
    const all = hygiene(scenario, maxGrowth);
    const warnings = all.filter((warning) => {
      const key = `${warning.where.file}:${warning.where.line}:${warning.where.col}:${warning.path}:${warning.message}`;
      return !reported.has(key) && reported.add(key) !== undefined;
    });
    count += warnings.length;
    if (all.length === 0) io.stdout(`${file}: ok\n`);
    for (const { where, path, message } of warnings) {
      const at = where.line > 0 ? `${where.file}:${where.line}:${where.col}` : where.file;
      io.stderr(`${at}: ${level}: ${path}: ${message}\n`);
    }
  }
  return options.strict && count > 0 ? EXIT.badInput : EXIT.ok;
}
