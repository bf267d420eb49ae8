// Assumption hygiene (`fintech-calc check`): what a reviewer of a scenario would
// ask about its numbers. Read from the inputs' provenance and series; pure.
import { Decimal } from '../../shared/decimal.js';
import { inputsOf } from './inputs.js';
import { farAnchors, implausibleValues } from './plausibility.js';
import type { Label, Provenance, Scenario, Warning, Where, Written, Year } from '../types.js';

export type { Warning };

/** A warning; one about a value beyond a limit the caller set says which, and the limit (the CLI names the option). */
export interface HygieneWarning extends Warning {
  readonly beyond?: { readonly limit: 'maxGrowth'; readonly value: Decimal };
}

// \uFF1A is the full-width colon ：(escaped: regular-expression literals reach the bundle as written, and it must be
// ASCII).
const ASSUMPTION = /^assumption\b[\s:\uFF1A,-]*(.*)$/is;
const CASE_ZH = { low: '低情景', base: '基准情景', high: '高情景' } as const;
/**
 * Words that stand for a reason not yet written ("assumption: tbd"); any other
 * text is a reason, however short ("assumption: survey"). 待定 "to be decided",
 * 待补充 "to be added", 未知 "unknown".
 */
const PLACEHOLDERS = new Set([
  'tbd',
  'tbc',
  'tba',
  'todo',
  'fixme',
  'xxx',
  'n/a',
  'na',
  'none',
  'unknown',
  '?',
  '\u5F85\u5B9A',
  '\u5F85\u8865\u5145',
  '\u672A\u77E5',
]);

/**
 * Whether a value changes from `before` by more than `limit` (|value/before − 1| > limit; never from 0),
 * as |value − before| > limit·|before|: a multiplication, where the division costs ten times as much.
 */
export function changesBeyond(before: Decimal, value: Decimal, limit: Decimal): boolean {
  return !before.isZero() && value.minus(before).abs().greaterThan(limit.times(before.abs()));
}

/** Why an `assumption` source says nothing, if it does not: no reason, or a placeholder for one. */
function unexplained(source: string): Label | undefined {
  const reason = ASSUMPTION.exec(source.trim())?.[1];
  if (reason === undefined) return undefined;
  const words = reason.trim().replace(/[\s.!\u3002]+$/, '').toLowerCase();
  if (words === '') {
    return {
      en: `an assumption without a reason ('${source}'); say why this number`,
      zh: `假设没有理由（'${source}'）；请说明为什么是这个数`,
    };
  }
  if (!PLACEHOLDERS.has(words) && !/^[?.\-_]+$/.test(words)) return undefined;
  return {
    en: `an assumption whose reason is a placeholder ('${source}'); say why this number`,
    zh: `假设的理由只是占位符（'${source}'）；请说明为什么是这个数`,
  };
}

/**
 * Inputs without a source; `assumption` without a reason; ranges whose ends are
 * equal; a base far from the range's midpoint (more than a quarter of the range
 * off, so likely a typo); a year-on-year change larger than `maxGrowth`; one
 * source text on several inputs (copied without being adapted); anchor years
 * far outside their module's and implausible values (plausibility.ts).
 * `files` is the scenario's extends chain, its own file first: the warnings
 * come file by file in that order, top to bottom in each.
 */
export function hygiene(scenario: Scenario, maxGrowth: Decimal, files: readonly string[] = []): HygieneWarning[] {
  const nearness = (where: Where) => (files.includes(where.file) ? files.indexOf(where.file) : files.length);
  // What a value is wrong by comes first, then what it makes of the series.
  const warnings: HygieneWarning[] = [...implausibleValues(scenario), ...farAnchors(scenario)];
  const bySource = new Map<string, { path: string; where: Where }[]>();
  const inputs = inputsOf(scenario);
  for (const [path, provenance] of scenario.provenance) {
    if (provenance.method === 'default') continue;
    const written = [...provenance.anchors.entries()].map(([year, value]) => ({
      label: year === 0 ? path : `${path}.${year}`,
      value,
    }));
    if (provenance.growth) written.push({ label: `${path}.growth`, value: provenance.growth });
    for (const { label, value } of written) {
      const { range, where, source } = value;
      if (source === undefined || source.trim() === '') {
        warnings.push({
          where,
          path: label,
          message: {
            en: 'no source: say where the number comes from (a report line, or assumption: <reason>)',
            zh: '没有来源：请说明数字出自哪里（报告的某一行，或 assumption: <理由>）',
          },
        });
      }
      else {
        const why = unexplained(source);
        if (why !== undefined) warnings.push({ where, path: label, message: why });
        const seen = bySource.get(source) ?? [];
        if (!seen.some((entry) => entry.path === path)) seen.push({ path, where });
        bySource.set(source, seen);
      }
      if (value.isRange && range.low.equals(range.high)) {
        warnings.push({
          where,
          path: label,
          message: {
            en: 'a range whose low equals its high; write one value, or the real range',
            zh: '区间的低值等于高值；请写一个值，或写出真实的区间',
          },
        });
      }
      const width = range.high.minus(range.low);
      const offCentre = range.base.minus(range.low.plus(range.high).dividedBy(2)).abs();
      if (value.isRange && !width.isZero() && offCentre.greaterThan(width.dividedBy(4))) {
        warnings.push({
          where,
          path: label,
          message: {
            en: `the base is far from the range's midpoint (more than a quarter of the range); check it is meant`,
            zh: '基准值离区间中点较远（超过区间的四分之一）；请确认是有意为之',
          },
        });
      }
    }
    const series = inputs.get(path);
    if (series && provenance.kind !== 'count') {
      for (const [year, range] of series) {
        const before = series.get(year - 1);
        if (!before) continue;
        const jump = (['base', 'low', 'high'] as const).find((c) => changesBeyond(before[c], range[c], maxGrowth));
        if (jump) {
          const change = range[jump].dividedBy(before[jump]).minus(1).times(100).toDecimalPlaces(1).toFixed();
          const message = {
            en: `changes by ${change}% from ${year - 1} to ${year} (${jump} case)`,
            zh: `从 ${year - 1} 年到 ${year} 年变化 ${change}%（${CASE_ZH[jump]}）`,
          };
          warnings.push({
            where: writerOf(provenance, year, nearness).where,
            path,
            message,
            beyond: { limit: 'maxGrowth', value: maxGrowth },
          });
          break;
        }
      }
    }
  }
  warnings.push(...metricWarnings(scenario));
  for (const [source, uses] of bySource) {
    if (uses.length < 2) continue;
    for (const { path, where } of uses.slice(1)) {
      const quoted = `'${source.length > 60 ? `${source.slice(0, 57)}...` : source}'`;
      warnings.push({
        where,
        path,
        message: {
          en: `the same source as ${uses[0]!.path} (${quoted}); say what this number rests on`,
          zh: `与 ${uses[0]!.path} 的来源相同（${quoted}）；请说明这个数的依据`,
        },
      });
    }
  }
  return inFileOrder(warnings, files);
}

/** A metric of the scenario without a source, or with an unexplained assumption, as an input's. */
function metricWarnings(scenario: Scenario): HygieneWarning[] {
  return (scenario.metrics ?? []).flatMap(({ id, source, where }) => {
    if (where === undefined) return [];
    const path = `metrics.${id}`;
    if (source === undefined || source.trim() === '') {
      const message = {
        en: 'a metric without a source: say what it rests on (source: assumption: <reason>, or a report line)',
        zh: '指标没有来源：请说明它的依据（source: assumption: <理由>，或报告的某一行）',
      };
      return [{ where, path, message }];
    }
    const why = unexplained(source);
    return why === undefined ? [] : [{ where, path, message: why }];
  });
}

/** The warnings file by file (`files` first, then as met), top to bottom in each. */
export function inFileOrder<W extends Warning>(warnings: readonly W[], files: readonly string[]): W[] {
  const order = [...new Set([...files, ...warnings.map((warning) => warning.where.file)])];
  return [...warnings].sort(
    (x, y) =>
      order.indexOf(x.where.file) - order.indexOf(y.where.file) ||
      x.where.line - y.where.line ||
      x.where.col - y.where.col,
  );
}

export const DEFAULT_MAX_GROWTH = new Decimal(1);

/**
 * The written value that makes `year`'s value (so a jump is flagged where it is
 * written): the growth rate, or of the anchors around the year the one in the
 * nearest file of the extends chain (a child's override), else the one at or
 * after the year, the one interpolated towards.
 */
function writerOf(provenance: Provenance, year: Year, nearness: (where: Where) => number): Written {
  if (provenance.growth) return provenance.growth;
  const anchors = [...provenance.anchors].sort(([a], [b]) => a - b);
  const after = anchors.find(([anchor]) => anchor >= year)?.[1];
  const before = anchors.filter(([anchor]) => anchor < year).pop()?.[1];
  const around = [after, before].filter((written) => written !== undefined);
  return around.reduce(
    (nearest, written) => (nearness(written.where) < nearness(nearest.where) ? written : nearest),
    around[0] ?? anchors[0]![1],
  );
}
