// Numbers a scenario may hold but its author likely did not mean: an anchor year
// far outside its module's years (2203 for 2023), and a value far from what the
// report gives for its input (0.9, i.e. 90%, for an operating cost of 0.9%:
// each input's plausible values are its model's, engine/models).
// Read from the inputs' provenance, so each is flagged where it is written
// (in the file that wrote it, when it comes through `extends`); pure.
import { Decimal } from '../../shared/decimal.js';
import { MODELS, type Plausible } from '../models/index.js';
import type { Label, Scenario, ValueKind, Warning, Written, Year } from '../types.js';
import { inputShapeAt } from './inputs.js';

/** An anchor more than this many years outside its module's years is likely a typo. */
export const FAR_YEARS = 10;

/** Anchors more than FAR_YEARS before the first or after the last year of their module. */
export function farAnchors(scenario: Scenario): Warning[] {
  const warnings: Warning[] = [];
  const yearsOf = moduleYears(scenario);
  for (const [path, provenance] of scenario.provenance) {
    if (provenance.method === 'constant' || provenance.method === 'default') continue;
    const module = path.slice(0, path.indexOf('.'));
    const years = yearsOf.get(module);
    if (!years || years.length === 0) continue;
    const [first, last] = [years[0]!, years[years.length - 1]!];
    for (const [year, { where }] of provenance.anchors) {
      const off = year < first ? first - year : year - last;
      if (off <= FAR_YEARS) continue;
      const side = year < first ? 'before' : 'after';
      warnings.push({
        where,
        path: `${path}.${year}`,
        message: {
          en:
            `anchor year ${year} is ${off} years ${side} ${module}'s years ${first}..${last}; ` +
            `an anchor more than ${FAR_YEARS} years outside them is likely a typo ` +
            '(the years between are interpolated towards it)',
          zh:
            `锚点年份 ${year} 在 ${module} 的年份 ${first}..${last} ${side === 'before' ? '之前' : '之后'} ${off} 年；` +
            `超出 ${FAR_YEARS} 年以上的锚点多半是笔误（其间的年份按它插值）`,
        },
      });
    }
  }
  return warnings;
}

function moduleYears(scenario: Scenario): Map<string, readonly Year[] | undefined> {
  return new Map(MODELS.map((model) => [model.section, scenario[model.section]?.years]));
}

/** Any yearly growth rate (the report's are about 13～15%); each input's own plausible values are its model's. */
const GROWTH: Plausible = {
  what: { en: 'a yearly growth rate', zh: '年增长率' },
  report: {
    en: "the report's are 13～14% (l.167), and about 15% for all tech spend (l.44)",
    zh: '报告为 13～14%（l.167），技术投入总体约 15%（l.44）',
  },
  min: new Decimal('-0.5'),
  max: new Decimal('0.5'),
  expected: { en: '-50% to 50% a year', zh: '每年 -50% 至 50%' },
};

/** Written values (anchors, constants, growth rates) outside the plausible values of their input. */
export function implausibleValues(scenario: Scenario): Warning[] {
  const warnings: Warning[] = [];
  for (const [path, provenance] of scenario.provenance) {
    // The report's own values (defaults) are plausible by definition.
    if (provenance.method === 'default') continue;
    const own = inputShapeAt(path)?.plausible;
    const written: { label: string; rule: Plausible | undefined; kind: ValueKind; value: Written }[] = [
      ...provenance.anchors,
    ].map(([year, value]) => ({
      label: provenance.method === 'constant' ? path : `${path}.${year}`,
      rule: own,
      kind: provenance.kind,
      value,
    }));
    if (provenance.growth)
      written.push({ label: `${path}.growth`, rule: GROWTH, kind: 'ratio', value: provenance.growth });
    for (const { label, rule, kind, value } of written) {
      if (!rule) continue;
      // The base lies between the ends: an end is the value to name.
      const outside = [value.range.low, value.range.high].find(
        (end) => end.lessThan(rule.min) || end.greaterThan(rule.max),
      );
      if (outside) warnings.push({ where: value.where, path: label, message: implausible(rule, kind, outside) });
    }
  }
  return warnings;
}

function implausible(rule: Plausible, kind: ValueKind, value: Decimal): Label {
  const { what, report, expected } = rule;
  if (kind === 'amount') {
    return {
      en:
        `${shown(value)}亿元 is implausible for ${what.en} (${report.en}); expected ${expected.en}: ` +
        `check its unit (a bare number is in the file's unit)`,
      zh: `${shown(value)}亿元 不像是${what.zh}（${report.zh}）；应为 ${expected.zh}：请检查单位（不带单位的数按文件的 unit 计）`,
    };
  }
  // A percentage written as a fraction: 0.9 for 0.9%.
  const meant = value.dividedBy(100);
  const plausible = meant.greaterThanOrEqualTo(rule.min) && meant.lessThanOrEqualTo(rule.max);
  return {
    en:
      `${shown(value.times(100))}% is implausible for ${what.en} (${report.en}); expected ${expected.en}` +
      (plausible ? ` (did you mean ${shown(value)}%?)` : ''),
    zh:
      `${shown(value.times(100))}% 不像是${what.zh}（${report.zh}）；应为 ${expected.zh}` +
      (plausible ? `（是否应为 ${shown(value)}%？）` : ''),
  };
}

/** A value in a message: 6 significant digits, and an exponent where it is very large or small (1e+30). */
function shown(value: Decimal): string {
  return value.toSignificantDigits(6).toString();
}
