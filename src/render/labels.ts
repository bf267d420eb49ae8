// Row and table labels in English and Chinese.
import type { Line } from '../engine/lines.js';
import type { Case, Label, TableName } from '../engine/types.js';

export type Lang = 'en' | 'zh';

const TEXT = {
  market: { en: 'Supply-chain finance market', zh: '供应链金融市场规模' },
  profit: { en: 'Bank SCF profit', zh: '银行供应链金融利润' },
  spend: { en: 'Technology spend of financial institutions', zh: '金融机构技术资金投入' },
  labour: { en: 'Labour saved by smart customer service', zh: '智能客服人工降本' },
  tech: { en: 'Spend by technology', zh: '各类技术资金投入' },
  firms: { en: 'firms', zh: '企业数' },
  perFirm: { en: 'spend per firm', zh: '单家投入' },
  subtotal: { en: 'subtotal', zh: '小计' },
  humanServiceCost: { en: 'human service cost, no replacement', zh: '人工客服成本（未替代）' },
  replacementRate: { en: 'replacement rate', zh: '人力替代率' },
  humanCost: { en: 'human service cost', zh: '人工客服成本' },
  saving: { en: 'saving', zh: '降本价值' },
  cumulativeSaving: { en: 'cumulative saving', zh: '累计降本价值' },
  smartServiceCost: { en: 'smart service cost', zh: '智能客服成本' },
  netSaving: { en: 'net saving', zh: '净降本价值' },
  growth: { en: 'growth', zh: '增速' },
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
  'spend.segments.firms': 'firms',
  'spend.segments.perFirm': 'perFirm',
  'spend.groups.total': 'segmentTotal',
  'spend.groups.frontier': 'frontier',
  'spend.groups.frontierShare': 'frontierShare',
  'spend.total': 'total',
  'spend.frontier': 'frontier',
  'spend.frontierShare': 'frontierShare',
  'labour.institutions.humanServiceCost': 'humanServiceCost',
  'labour.institutions.replacementRate': 'replacementRate',
  'labour.institutions.humanCost': 'humanCost',
  'labour.institutions.saving': 'saving',
  'labour.institutions.cumulativeSaving': 'cumulativeSaving',
  'labour.institutions.smartServiceCost': 'smartServiceCost',
  'labour.institutions.netSaving': 'netSaving',
  'labour.humanCost': 'humanCost',
  'labour.saving': 'saving',
  'labour.cumulativeSaving': 'cumulativeSaving',
  'labour.netSaving': 'netSaving',
  'tech.items.spend': 'segmentTotal',
  'tech.items.growth': 'growth',
  'tech.total': 'total',
  'tech.growth': 'growth',
};

/** A line's label: "Market space", "Payment: frontier tech", "支付：前沿科技", "CAGR 2018-2022, Total". */
export function lineLabel(line: Line<unknown>, lang: Lang): string {
  const totalLabel = { en: text('total', 'en'), zh: text('total', 'zh') };
  if (line.metric === 'cagr') {
    const span = [...line.values.keys()][0] ?? '';
    const what = line.itemLabel ? line.itemLabel[lang] : line.key === 'frontier' ? text('frontier', lang) : text('total', lang);
    return lang === 'zh' ? `${text('cagr', lang)}（${span}）：${what}` : `${text('cagr', lang)} ${span}, ${what}`;
  }
  const key = METRIC_LABELS[[line.table, line.group, line.metric].filter(Boolean).join('.')] ?? 'total';
  if (line.group === 'groups' && line.itemLabel) {
    const subtotal = { en: `${line.itemLabel.en} (${text('subtotal', 'en')})`, zh: `${line.itemLabel.zh}（${text('subtotal', 'zh')}）` };
    return itemRow(subtotal, key, lang);
  }
  if (line.itemLabel) return itemRow(line.itemLabel, key, lang);
  // The totals' other lines read "Total: frontier tech", "Total: saving".
  if ((line.table === 'spend' && line.metric !== 'total') || line.table === 'labour' || (line.table === 'tech' && line.metric !== 'total')) {
    return itemRow(totalLabel, key, lang);
  }
  return text(key, lang);
}
