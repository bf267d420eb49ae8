// Row and table labels in English and Chinese.
import type { Line } from '../engine/lines.js';
import type { Case, Label, TableName } from '../engine/types.js';

export type Lang = 'en' | 'zh';

const TEXT = {
  market: { en: 'Supply-chain finance market', zh: '供应链金融市场规模' },
  profit: { en: 'Bank SCF profit', zh: '银行供应链金融利润' },
  spend: { en: 'Technology spend of financial institutions', zh: '金融机构技术资金投入' },
  marketSpace: { en: 'Market space', zh: '市场空间' },
  traditionalPenetration: { en: 'Traditional penetration', zh: '传统模式渗透率' },
  traditionalSize: { en: 'Traditional-model size', zh: '传统模式市场规模' },
  share: { en: 'share of space', zh: '空间占比' },
  penetration: { en: 'Overall penetration', zh: '整体渗透率' },
  modePenetration: { en: 'penetration', zh: '渗透率' },
  size: { en: 'size', zh: '市场规模' },
  otherSize: { en: 'Other financing', zh: '其他融资规模' },
  marketSize: { en: 'Market size with fintech', zh: '市场规模（含金融科技）' },
  increment: { en: 'Increment over traditional', zh: '较传统模式增量' },
  profitShare: { en: 'Profit share', zh: '分润比例' },
  baselineOperatingCost: { en: 'Operating cost, traditional', zh: '传统模式运营成本率' },
  operatingCost: { en: 'Operating cost', zh: '运营成本率' },
  traditionalProfit: { en: 'Traditional-model profit', zh: '传统模式利润' },
  shareProfit: { en: 'Profit from the share', zh: '分润利润' },
  costSavings: { en: 'Operating cost saved', zh: '节约的运营成本' },
  profitTotal: { en: 'Profit with fintech', zh: '利润规模（含金融科技）' },
  total: { en: 'Total', zh: '合计' },
  segmentTotal: { en: 'spend', zh: '投入' },
  frontier: { en: 'frontier tech', zh: '前沿科技' },
  frontierShare: { en: 'frontier share', zh: '前沿科技占比' },
  cagr: { en: 'CAGR', zh: '年复合增长率' },
  low: { en: 'low case', zh: '低情景' },
  base: { en: 'base case', zh: '基准情景' },
  high: { en: 'high case', zh: '高情景' },
} satisfies Record<string, Label>;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

export function tableTitle(table: TableName, lang: Lang): string {
  return TEXT[table][lang];
}

export function caseName(c: Case, lang: Lang): string {
  return TEXT[c][lang];
}

/** A row about one mode or segment: "Payment: frontier tech", "支付：前沿科技". */
export function itemRow(label: Label, key: TextKey, lang: Lang): string {
  return lang === 'zh' ? `${label.zh}：${TEXT[key].zh}` : `${label.en}: ${TEXT[key].en}`;
}

/** The label of a metric in a table. */
const METRIC_LABELS: Readonly<Record<string, TextKey>> = {
  'market.marketSpace': 'marketSpace',
  'market.traditionalPenetration': 'traditionalPenetration',
  'market.traditionalSize': 'traditionalSize',
  'market.modes.share': 'share',
  'market.modes.penetration': 'modePenetration',
  'market.modes.size': 'size',
  'market.otherSize': 'otherSize',
  'market.marketSize': 'marketSize',
  'market.increment': 'increment',
  'market.penetration': 'penetration',
  'profit.profitShare': 'profitShare',
  'profit.baselineOperatingCost': 'baselineOperatingCost',
  'profit.operatingCost': 'operatingCost',
  'profit.traditionalProfit': 'traditionalProfit',
  'profit.shareProfit': 'shareProfit',
  'profit.costSavings': 'costSavings',
  'profit.profit': 'profitTotal',
  'profit.increment': 'increment',
  'spend.segments.total': 'segmentTotal',
  'spend.segments.frontier': 'frontier',
  'spend.segments.frontierShare': 'frontierShare',
  'spend.total': 'total',
  'spend.frontier': 'frontier',
  'spend.frontierShare': 'frontierShare',
};

/** A line's label: "Market space", "Payment: frontier tech", "支付：前沿科技", "CAGR 2018-2022, Total". */
export function lineLabel(line: Line, lang: Lang): string {
  if (line.metric === 'cagr') {
    const span = [...line.values.keys()][0] ?? '';
    const what = text(line.key === 'total' ? 'total' : 'frontier', lang);
    return lang === 'zh' ? `${text('cagr', lang)}（${span}）：${what}` : `${text('cagr', lang)} ${span}, ${what}`;
  }
  const key = METRIC_LABELS[[line.table, line.group, line.metric].filter(Boolean).join('.')] ?? 'total';
  if (line.itemLabel) return itemRow(line.itemLabel, key, lang);
  // The spend totals' frontier lines read "Total: frontier tech".
  if (line.table === 'spend' && line.metric !== 'total') return itemRow({ en: text('total', 'en'), zh: text('total', 'zh') }, key, lang);
  return text(key, lang);
}
