// The report's own words, in English and Chinese: only those no other output
// has. Tables' and lines' labels come from the models (labels.ts), and so do
// the charts' titles where a chart shows a table.
import type { Label } from '../../engine/types.js';
import type { Lang } from '../labels.js';

const WORDS = {
  contents: { en: 'Contents', zh: '目录' },
  data: { en: 'The numbers', zh: '数据' },
  marketBand: { en: 'Market size, low–high case', zh: '市场规模（低—高情景）' },
  penetrationChart: { en: 'Penetration by mode', zh: '各模式渗透率' },
  comparison: { en: 'Scenarios compared', zh: '场景对比' },
  differences: { en: 'What changed, and why', zh: '变化及其原因' },
  sensitivity: { en: 'Sensitivity', zh: '敏感性' },
  tornadoLow: { en: 'input at its low', zh: '输入取低值' },
  tornadoHigh: { en: 'input at its high', zh: '输入取高值' },
  montecarlo: { en: 'Monte Carlo', zh: '蒙特卡洛模拟' },
  fan: { en: 'median, p25–p75 and p5–p95', zh: '中位数、p25–p75 与 p5–p95' },
  median: { en: 'median', zh: '中位数' },
  histogram: { en: 'Distribution', zh: '分布' },
  increase: { en: 'increase', zh: '增加' },
  decrease: { en: 'decrease', zh: '减少' },
  total: { en: 'total', zh: '合计' },
  stamp: { en: 'Made by', zh: '生成工具' },
  files: { en: 'Files', zh: '文件' },
  noneSet: { en: 'none', zh: '无' },
  noValue: { en: 'no value', zh: '无值' },
  noChange: { en: 'No value differs.', zh: '没有值不同。' },
  noHeadlineChange: {
    en: 'No headline metric differs; the values that do are listed below.',
    zh: '主要指标均无差异；有差异的值见下文。',
  },
} satisfies Record<string, Label>;

export type WordKey = keyof typeof WORDS;

export function word(key: WordKey, lang: Lang): string {
  return WORDS[key][lang];
}

/** After a chart's description: the years it has no value in (none: nothing). */
export function noValueIn(years: readonly string[], lang: Lang): string {
  if (years.length === 0) return '';
  return lang === 'zh' ? `；${years.join('、')} 年无值` : `; no value in ${years.join(', ')}`;
}
