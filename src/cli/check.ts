// `fintech-calc check [file ...]`: assumption hygiene warnings; --strict makes them errors.
import { DEFAULT_MAX_GROWTH, hygiene, type Warning } from '../engine/analysis/hygiene.js';
import { visible } from '../render/escape.js';
import type { Lang } from '../render/labels.js';
import { EXIT } from './exit.js';
import { defaultLang, parseLang, parsePercentOption } from './options.js';
import { loadScenarios } from './shared.js';
import { bundledNames, type Io } from './io.js';

/** --max-growth: up to 10,000 times from one year to the next. */
const MAX_GROWTH_OPTION = 10_000;

export async function runCheck(files: readonly string[], options: { strict?: boolean; maxGrowth?: string; lang?: string }, io: Io): Promise<number> {
  const lang = options.lang === undefined ? defaultLang(io.env) : parseLang(options.lang);
  const maxGrowth = options.maxGrowth === undefined ? DEFAULT_MAX_GROWTH : parsePercentOption('--max-growth', options.maxGrowth, '50%', MAX_GROWTH_OPTION);
  const targets = files.length > 0 ? files : bundledNames(io);
  const loaded = await loadScenarios(targets, [], io);
  const level = options.strict ? 'error' : 'warning';
  let count = 0;
  const unreported = firstReports();
  for (const { scenario, file, chain } of loaded) {
    const all = hygiene(scenario, maxGrowth, chain.map((link) => link.display));
    const warnings = all.filter(unreported);
    count += warnings.length;
    if (all.length === 0) io.stdout(`${visible(file)}: ok\n`);
    for (const warning of warnings) io.stderr(`${formatWarning(warning, level, lang)}\n`);
  }
  return options.strict && count > 0 ? EXIT.badInput : EXIT.ok;
}

/** `file:line:col: warning: path: message` (or `error` for check --strict), as problems are printed. */
export function formatWarning({ where, path, message }: Warning, level: 'warning' | 'error', lang: Lang): string {
  const at = where.line > 0 ? `${where.file}:${where.line}:${where.col}` : where.file;
  return visible(`${at}: ${level}: ${path}: ${message[lang]}`);
}

/** A filter that passes each warning the first time only: a file extended by several of those checked is reported once. */
export function firstReports(): (warning: Warning) => boolean {
  const reported = new Set<string>();
  return (warning) => {
    const key = `${warning.where.file}:${warning.where.line}:${warning.where.col}:${warning.path}:${warning.message.en}`;
    return !reported.has(key) && reported.add(key) !== undefined;
  };
}
