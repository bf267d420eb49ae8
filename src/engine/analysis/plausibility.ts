// Numbers a scenario may hold but its author likely did not mean: an anchor year
// far outside its module's years (2203 for 2023), and a value far from what the
// report gives for its input (0.9, i.e. 90%, for an operating cost of 0.9%).
// Read from the inputs' provenance, so each is flagged where it is written
// (in the file that wrote it, when it comes through `extends`); pure.
import { Decimal } from '../../shared/decimal.js';
import type { Label, Scenario, Warning, Written, Year } from '../types.js';

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
          en: `anchor year ${year} is ${off} years ${side} ${module}'s years ${first}..${last}; an anchor more than ${FAR_YEARS} years outside them is likely a typo (the years between are interpolated towards it)`,
          zh: `锚点年份 ${year} 在 ${module} 的年份 ${first}..${last} ${side === 'before' ? '之前' : '之后'} ${off} 年；超出 ${FAR_YEARS} 年以上的锚点多半是笔误（其间的年份按它插值）`,
        },
      });
    }
  }
  return warnings;
}

function moduleYears({ supplyChain, bankProfit, techSpend, labourSavings, technologies }: Scenario): Map<string, readonly Year[] | undefined> {
  return new Map(Object.entries({ supplyChain, bankProfit, techSpend, labourSavings, technologies }).map(([module, inputs]) => [module, inputs?.years]));
}

/** What the report says an input is, and the values that are plausible for it. */
interface Plausible {
  /** The inputs it covers: matched against the path, `<path>.growth` for a growth rate. */
  readonly inputs: RegExp;
  readonly what: Label;
  readonly report: Label;
  readonly min: Decimal;
  readonly max: Decimal;
  readonly expected: Label;
  readonly kind: 'ratio' | 'amount';
}

const percent = (text: string) => new Decimal(text).dividedBy(100);

/**
 * Plausible values where the report fixes an input's scale. A value outside is
 * most often a percentage written as a fraction (0.9 for 0.9%) or an amount in
 * the wrong unit (12.5 in a file in 亿元, for 12.5万亿).
 */
const PLAUSIBLE: readonly Plausible[] = [
  {
    inputs: /^bankProfit\.(profitShare|profitShare\.mix\.[^.]+\.rate)$/,
    what: { en: "a bank's profit share of financing", zh: '银行的分润比例' },
    report: { en: "the report's is 2.5% (bank-led) to 3%, l.182-183", zh: '报告为 2.5%（银行主导）至 3%，l.182-183' },
    min: percent('0'),
    max: percent('10'),
    expected: { en: 'at most 10%', zh: '至多 10%' },
    kind: 'ratio',
  },
  {
    inputs: /^bankProfit\.(baselineOperatingCost|operatingCost)$/,
    what: { en: 'an operating cost as a share of financing', zh: '运营成本占融资额的比例' },
    report: { en: "the report's falls from 1.5% to 0.9%, l.182", zh: '报告中从 1.5% 降至 0.9%，l.182' },
    min: percent('0'),
    max: percent('10'),
    expected: { en: 'at most 10%', zh: '至多 10%' },
    kind: 'ratio',
  },
  {
    inputs: /\.growth$/,
    what: { en: 'a yearly growth rate', zh: '年增长率' },
    report: { en: "the report's are 13～14% (l.167), and about 15% for all tech spend (l.44)", zh: '报告为 13～14%（l.167），技术投入总体约 15%（l.44）' },
    min: percent('-50'),
    max: percent('50'),
    expected: { en: '-50% to 50% a year', zh: '每年 -50% 至 50%' },
    kind: 'ratio',
  },
  {
    inputs: /^supplyChain\.marketSpace$/,
    what: { en: 'the SCF market space', zh: '供应链金融市场空间' },
    report: { en: "the report's is about 10万亿 to 12.5万亿, l.172-177", zh: '报告约为 10万亿 至 12.5万亿，l.172-177' },
    min: new Decimal('1e4'),
    max: new Decimal('1e6'),
    expected: { en: '1万亿 to 100万亿', zh: '1万亿 至 100万亿' },
    kind: 'amount',
  },
];

/** Written values (anchors, constants, growth rates) outside the plausible values of their input. */
export function implausibleValues(scenario: Scenario): Warning[] {
  const warnings: Warning[] = [];
  for (const [path, provenance] of scenario.provenance) {
    // The report's own values (defaults) are plausible by definition.
    if (provenance.method === 'default') continue;
    const written: { label: string; input: string; value: Written }[] = [...provenance.anchors].map(([year, value]) => ({
      label: provenance.method === 'constant' ? path : `${path}.${year}`,
      input: path,
      value,
    }));
    if (provenance.growth) written.push({ label: `${path}.growth`, input: `${path}.growth`, value: provenance.growth });
    for (const { label, input, value } of written) {
      const rule = PLAUSIBLE.find((plausible) => plausible.inputs.test(input));
      if (!rule) continue;
      // The base lies between the ends: an end is the value to name.
      const outside = [value.range.low, value.range.high].find((end) => end.lessThan(rule.min) || end.greaterThan(rule.max));
      if (outside) warnings.push({ where: value.where, path: label, message: implausible(rule, outside) });
    }
  }
  return warnings;
}

function implausible(rule: Plausible, value: Decimal): Label {
  const { what, report, expected } = rule;
  if (rule.kind === 'amount') {
    return {
      en: `${shown(value)}亿元 is implausible for ${what.en} (${report.en}); expected ${expected.en}: check its unit (a bare number is in the file's unit)`,
      zh: `${shown(value)}亿元 不像是${what.zh}（${report.zh}）；应为 ${expected.zh}：请检查单位（不带单位的数按文件的 unit 计）`,
    };
  }
  // A percentage written as a fraction: 0.9 for 0.9%.
  const meant = value.dividedBy(100);
  const plausible = meant.greaterThanOrEqualTo(rule.min) && meant.lessThanOrEqualTo(rule.max);
  return {
    en: `${shown(value.times(100))}% is implausible for ${what.en} (${report.en}); expected ${expected.en}${plausible ? ` (did you mean ${shown(value)}%?)` : ''}`,
    zh: `${shown(value.times(100))}% 不像是${what.zh}（${report.zh}）；应为 ${expected.zh}${plausible ? `（是否应为 ${shown(value)}%？）` : ''}`,
  };
}

/** A value in a message: 6 significant digits, and an exponent where it is very large or small (1e+30). */
function shown(value: Decimal): string {
  return value.toSignificantDigits(6).toString();
}
