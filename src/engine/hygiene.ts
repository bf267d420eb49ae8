// Assumption hygiene (`fintech-calc check`): what a reviewer of a scenario would
// ask about its numbers. Read from the inputs' provenance and series; pure.
import { Decimal } from '../decimal.js';
import { inputsOf } from './inputs.js';
import type { Scenario, Where } from './types.js';

export interface Warning {
  readonly where: Where;
  readonly path: string;
  readonly message: string;
}

// \uFF1A is the full-width colon ：(escaped: regular-expression literals reach the bundle as written, and it must be ASCII).
const ASSUMPTION = /^assumption\b[\s:\uFF1A,-]*(.*)$/is;
/**
 * Words that stand for a reason not yet written ("assumption: tbd"); any other
 * text is a reason, however short ("assumption: survey"). 待定 "to be decided",
 * 待补充 "to be added", 未知 "unknown".
 */
const PLACEHOLDERS = new Set(['tbd', 'tbc', 'tba', 'todo', 'fixme', 'xxx', 'n/a', 'na', 'none', 'unknown', '?', '\u5F85\u5B9A', '\u5F85\u8865\u5145', '\u672A\u77E5']);

/** Why an `assumption` source says nothing, if it does not: no reason, or a placeholder for one. */
function unexplained(source: string): string | undefined {
  const reason = ASSUMPTION.exec(source.trim())?.[1];
  if (reason === undefined) return undefined;
  const words = reason.trim().replace(/[\s.!\u3002]+$/, '').toLowerCase();
  if (words === '') return `an assumption without a reason ('${source}'); say why this number`;
  return PLACEHOLDERS.has(words) || /^[?.\-_]+$/.test(words) ? `an assumption whose reason is a placeholder ('${source}'); say why this number` : undefined;
}

/**
 * Inputs without a source; `assumption` without a reason; ranges whose ends are
 * equal; a base far from the range's midpoint (more than a quarter of the range
 * off, so likely a typo); a year-on-year change larger than `maxGrowth`; one
 * source text on several inputs (copied without being adapted).
 */
export function hygiene(scenario: Scenario, maxGrowth: Decimal): Warning[] {
  const warnings: Warning[] = [];
  const bySource = new Map<string, { path: string; where: Where }[]>();
  const inputs = inputsOf(scenario);
  for (const [path, provenance] of scenario.provenance) {
    if (provenance.method === 'default') continue;
    const written = [...provenance.anchors.entries()].map(([year, value]) => ({ label: year === 0 ? path : `${path}.${year}`, value }));
    if (provenance.growth) written.push({ label: `${path}.growth`, value: provenance.growth });
    for (const { label, value } of written) {
      const { range, where, source } = value;
      if (source === undefined || source.trim() === '') warnings.push({ where, path: label, message: 'no source: say where the number comes from (a report line, or assumption: <reason>)' });
      else {
        const why = unexplained(source);
        if (why !== undefined) warnings.push({ where, path: label, message: why });
        const seen = bySource.get(source) ?? [];
        if (!seen.some((entry) => entry.path === path)) seen.push({ path, where });
        bySource.set(source, seen);
      }
      if (value.isRange && range.low.equals(range.high)) warnings.push({ where, path: label, message: 'a range whose low equals its high; write one value, or the real range' });
      const width = range.high.minus(range.low);
      const offCentre = range.base.minus(range.low.plus(range.high).dividedBy(2)).abs();
      if (value.isRange && !width.isZero() && offCentre.greaterThan(width.dividedBy(4))) {
        warnings.push({ where, path: label, message: `the base is far from the range's midpoint (more than a quarter of the range); check it is meant` });
      }
    }
    const series = inputs.get(path);
    if (series && provenance.kind !== 'count') {
      for (const [year, range] of series) {
        const before = series.get(year - 1);
        if (!before) continue;
        const jump = (['base', 'low', 'high'] as const).find((c) => !before[c].isZero() && range[c].dividedBy(before[c]).minus(1).abs().greaterThan(maxGrowth));
        if (jump) {
          const change = range[jump].dividedBy(before[jump]).minus(1).times(100).toDecimalPlaces(1).toFixed();
          warnings.push({ where: [...provenance.anchors.values()][0]!.where, path, message: `changes by ${change}% from ${year - 1} to ${year} (${jump} case), more than --max-growth ${maxGrowth.times(100).toFixed()}%` });
          break;
        }
      }
    }
  }
  for (const [source, uses] of bySource) {
    if (uses.length < 2) continue;
    for (const { path, where } of uses.slice(1)) {
      warnings.push({ where, path, message: `the same source as ${uses[0]!.path} ('${source.length > 60 ? `${source.slice(0, 57)}...` : source}'); say what this number rests on` });
    }
  }
  return warnings.sort((x, y) => (x.where.file === y.where.file ? x.where.line - y.where.line || x.where.col - y.where.col : 0));
}

export const DEFAULT_MAX_GROWTH = new Decimal(1);
