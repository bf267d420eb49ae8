// `fintech-calc check [file ...]`: assumption hygiene warnings; --strict makes them errors.
import { DEFAULT_MAX_GROWTH, hygiene } from '../engine/hygiene.js';
import { visible } from '../render/escape.js';
import { EXIT } from './exit.js';
import { defaultLang, parseLang, parsePercentOption } from './options.js';
import { loadScenarios } from './shared.js';
import { bundledNames, type Io } from './io.js';

export async function runCheck(files: readonly string[], options: { strict?: boolean; maxGrowth?: string; lang?: string }, io: Io): Promise<number> {
  const lang = options.lang === undefined ? defaultLang(io.env) : parseLang(options.lang);
  const maxGrowth = options.maxGrowth === undefined ? DEFAULT_MAX_GROWTH : parsePercentOption('--max-growth', options.maxGrowth, '50%');
  const targets = files.length > 0 ? files : bundledNames(io);
  const loaded = await loadScenarios(targets, [], io);
  const level = options.strict ? 'error' : 'warning';
  let count = 0;
  const reported = new Set<string>();
  for (const { scenario, file } of loaded) {
    // A file extended by several of those checked is reported once.
    const all = hygiene(scenario, maxGrowth);
    const warnings = all.filter((warning) => {
      const key = `${warning.where.file}:${warning.where.line}:${warning.where.col}:${warning.path}:${warning.message.en}`;
      return !reported.has(key) && reported.add(key) !== undefined;
    });
    count += warnings.length;
    if (all.length === 0) io.stdout(`${visible(file)}: ok\n`);
    for (const { where, path, message } of warnings) {
      const at = where.line > 0 ? `${where.file}:${where.line}:${where.col}` : where.file;
      io.stderr(`${visible(`${at}: ${level}: ${path}: ${message[lang]}`)}\n`);
    }
  }
  return options.strict && count > 0 ? EXIT.badInput : EXIT.ok;
}
