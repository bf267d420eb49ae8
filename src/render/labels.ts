// The words of the outputs in English and Chinese; the labels of tables and
// lines are the models' (engine/models), put together here.
import type { Line, LineName } from '../engine/analysis/lines.js';
import { modelOf } from '../engine/models/index.js';
import { METRICS_LABEL } from '../engine/metrics.js';
import type { Case, Label, TableName } from '../engine/types.js';

export type Lang = 'en' | 'zh';

const TEXT = {
  subtotal: { en: 'subtotal', zh: '小计' },
  cagr: { en: 'CAGR', zh: '年复合增长率' },
  low: { en: 'low case', zh: '低情景' },
  base: { en: 'base case', zh: '基准情景' },
  high: { en: 'high case', zh: '高情景' },
  // Headers and words of the other outputs.
  metricHeader: { en: 'Metric', zh: '指标' },
  yearHeader: { en: 'Year', zh: '年份' },
  trendHeader: { en: 'Trend', zh: '趋势' },
  caseHeader: { en: 'Case', zh: '情景' },
  attributionHeader: { en: 'Attribution', zh: '归因' },
  inputHeader: { en: 'Input', zh: '输入' },
  variedHeader: { en: 'Varied', zh: '变动方式' },
  swingHeader: { en: 'Swing', zh: '波动幅度' },
  itsRange: { en: 'its range', zh: '其区间' },
  plusMinusSwing: { en: '± swing', zh: '± 摆幅' },
  mean: { en: 'mean', zh: '均值' },
  min: { en: 'min', zh: '最小值' },
  max: { en: 'max', zh: '最大值' },
  sampleCount: { en: 'samples', zh: '样本数' },
  meanError: { en: 'se(mean)', zh: '均值标准误' },
  input: { en: 'Input', zh: '输入' },
  varianceShare: { en: 'Share of variance', zh: '方差占比' },
  medianError: { en: 'se(p50)', zh: 'p50 标准误' },
  added: { en: 'added', zh: '新增' },
  removed: { en: 'removed', zh: '删除' },
  residual: { en: 'residual', zh: '残差' },
  seeAbove: { en: '(see above)', zh: '（见上）' },
  source: { en: 'source: ', zh: '来源：' },
  note: { en: 'note: ', zh: '备注：' },
  reportDefault: { en: 'the report’s default (not in the scenario)', zh: '报告的默认值（场景中未写）' },
  topChanges: { en: '**Top changes** (largest Δ% first)', zh: '**主要变化**（按 Δ% 从大到小）' },
  inputsChanged: { en: '**Inputs that changed**', zh: '**变化了的输入**' },
  triangular: { en: 'triangular', zh: '三角分布' },
  uniform: { en: 'uniform', zh: '均匀分布' },
  pert: { en: 'pert', zh: 'PERT 分布' },
  normal: { en: 'normal', zh: '正态分布' },
  lognormal: { en: 'lognormal', zh: '对数正态分布' },
  discrete: { en: 'discrete', zh: '离散分布' },
  // Spreadsheets (xlsx and the Excel CSV).
  inputsSheet: { en: 'Inputs', zh: '输入' },
  stampSheet: { en: 'Stamp', zh: '版本信息' },
  marketSheet: { en: 'Market', zh: '市场' },
  profitSheet: { en: 'Profit', zh: '利润' },
  spendSheet: { en: 'Tech spend', zh: '技术投入' },
  labourSheet: { en: 'Labour', zh: '人工降本' },
  techSheet: { en: 'Technologies', zh: '各类技术' },
  metricsSheet: { en: 'Metrics', zh: '自定义指标' },
  lowShort: { en: 'low', zh: '低' },
  baseShort: { en: 'base', zh: '基准' },
  highShort: { en: 'high', zh: '高' },
  everyCase: { en: 'every case', zh: '所有情景' },
  unitHeader: { en: 'Unit', zh: '单位' },
  scenarioHeader: { en: 'Scenario', zh: '场景' },
  tableHeader: { en: 'Table', zh: '表' },
  methodHeader: { en: 'Between anchors', zh: '锚点之间' },
  growthHeader: { en: 'Growth', zh: '增长率' },
  sourceHeader: { en: 'Source', zh: '来源' },
  ratioUnit: { en: 'ratio', zh: '比例' },
  countUnit: { en: 'count', zh: '数量' },
  linear: { en: 'linear', zh: '线性插值' },
  cagrMethod: { en: 'cagr', zh: '复合增长插值' },
  step: { en: 'step', zh: '阶梯' },
  growthMethod: { en: 'growth', zh: '按增长率' },
  constant: { en: 'constant', zh: '常数' },
  reportDefaultShort: { en: 'report default', zh: '报告默认值' },
  inputsNote: {
    en:
      'Blue cells are the scenario’s values (anchors): edit them and every formula recomputes; ' +
      'the years between anchors are formulas.',
    zh: '蓝色单元格是场景的取值（锚点）：修改后所有公式都会重算；锚点之间的年份是公式。',
  },
  formulasNote: { en: 'computed cells that are live formulas', zh: '为实时公式的计算单元格' },
} satisfies Record<string, Label>;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, lang: Lang): string {
  return TEXT[key][lang];
}

/** ', ' or '，': between the parts of a title or a list. */
export function comma(lang: Lang): string {
  return lang === 'zh' ? '，' : ', ';
}

/** ': ' or '：', after a label. */
export function colon(lang: Lang): string {
  return lang === 'zh' ? '：' : ': ';
}

/** `(text)` or `（text）`. */
export function parenthesised(text: string, lang: Lang): string {
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

/** A scenario in a title: its name, and its title when it has one of its own. */
export function scenarioHeading(scenario: { readonly name: string; readonly title: string }, lang: Lang): string {
  const ownTitle = scenario.title !== scenario.name && scenario.title !== '';
  return ownTitle ? `${scenario.name}${parenthesised(scenario.title, lang)}` : scenario.name;
}

export function tableTitle(table: TableName, lang: Lang): string {
  return (table === 'metrics' ? METRICS_LABEL : modelOf(table).label)[lang];
}

/** A table's title: "Bank SCF profit (亿元) — <context>", "银行供应链金融利润（亿元）— <context>". */
export function tableHeading(table: TableName, unit: string, context: string, lang: Lang): string {
  return `${tableTitle(table, lang)}${parenthesised(unit, lang)}${lang === 'zh' ? '' : ' '}— ${context}`;
}

export function caseName(c: Case, lang: Lang): string {
  return TEXT[c][lang];
}

/** A row about one item: "Payment: frontier tech", "支付：前沿科技". */
function itemRow(item: Label, what: Label, lang: Lang): string {
  return lang === 'zh' ? `${item.zh}：${what.zh}` : `${item.en}: ${what.en}`;
}

/** A line's label: "Market space", "Payment: frontier tech", "支付：前沿科技", "CAGR 2018-2022, Total". */
export function lineLabel(line: Line<unknown>, lang: Lang): string {
  return metricLabel(line, [...line.values.keys()][0] ?? '', lang);
}

/** The label of a line (the model's label of its metric, with its item's), `span` the years of a CAGR. */
export function metricLabel(
  line: Pick<LineName, 'label' | 'itemLabel' | 'subtotal' | 'span'>,
  span: string,
  lang: Lang,
): string {
  if (line.span) {
    const what = (line.itemLabel ?? line.label)[lang];
    return lang === 'zh' ? `${text('cagr', lang)}（${span}）：${what}` : `${text('cagr', lang)} ${span}, ${what}`;
  }
  if (!line.itemLabel) return line.label[lang];
  const subtotal = (lang: Lang) =>
    lang === 'zh'
      ? `${line.itemLabel!.zh}（${text('subtotal', lang)}）`
      : `${line.itemLabel!.en} (${text('subtotal', lang)})`;
  return itemRow(line.subtotal ? { en: subtotal('en'), zh: subtotal('zh') } : line.itemLabel, line.label, lang);
}

/** The sentences of the outputs, with their values, in both languages. */
export const say = {
  // diff
  /** `tolerance`: the tolerance as written back, when one was given. */
  differences: (lang: Lang, count: number, compared: number, tolerance?: string): string =>
    lang === 'zh'
      ? `${count === 0 ? '没有' : `${count} 处`}${tolerance === undefined ? '' : `超出容差 ${tolerance} 的`}` +
        `差异（共比较 ${compared} 个值）`
      : `${count === 0 ? 'no differences' : `${count} difference${count === 1 ? '' : 's'}`}` +
        `${tolerance === undefined ? '' : ` beyond the tolerance ${tolerance}`} (${compared} values compared)`,
  ruleChecked: (lang: Lang, rule: string, checked: number): string =>
    lang === 'zh' ? `${rule} 检查了 ${checked} 个值` : `${rule} checked ${checked} value${checked === 1 ? '' : 's'}`,
  noRuleFired: (lang: Lang, checked: string): string =>
    lang === 'zh' ? `没有失败规则触发：${checked}` : `no fail rule fired: ${checked}`,
  ruleFired: (lang: Lang, rule: string, address: string, c: Case, moved: string): string =>
    lang === 'zh'
      ? `规则 ${rule} 触发：${address}（${caseName(c, lang)}）${moved}`
      : `rule ${rule} fired: ${address} (${c}) ${moved}`,
  firedOn: (lang: Lang, checked: string, fired: number): string =>
    lang === 'zh' ? `${checked}，触发 ${fired} 次` : `${checked}, fired on ${fired}`,
  rulesSummary: (lang: Lang, rules: readonly string[]): string =>
    lang === 'zh' ? `失败规则：${rules.join('；')}` : `fail rules: ${rules.join('; ')}`,
  notAttributed: (lang: Lang, reason: string): string =>
    lang === 'zh' ? `未归因：${reason}` : `not attributed: ${reason}`,
  shapley: (lang: Lang, grouped: boolean): string =>
    lang === 'zh'
      ? '归因：对变化了的输入计算 Shapley 值（每个输入在从 a 换到 b 的各种顺序下的平均影响）' +
        (grouped ? '；变化的输入超过 10 个，按模型分组' : '')
      : 'attribution: Shapley values over the changed inputs ' +
        '(each input’s average effect over every order of switching a to b)' +
        (grouped ? '; more than 10 inputs changed, so they are grouped by model' : ''),
  verdictFails: (lang: Lang, fired: number, rules: number, values: number, summary: string): string =>
    lang === 'zh'
      ? `**未通过**：${rules} 条失败规则中有 ${fired} 条在 ${values} 个值上触发；${summary}。`
      : `**Fails**: ${fired} of ${rules} fail rule(s) fired on ${values} value(s); ${summary}.`,
  verdictPasses: (lang: Lang, checked: string, summary: string): string =>
    lang === 'zh'
      ? `**通过**：没有失败规则触发（${checked}）；${summary}。`
      : `**Passes**: no fail rule fired (${checked}); ${summary}.`,
  verdictMoved: (lang: Lang, summary: string): string =>
    lang === 'zh' ? `**预测有变化**：${summary}。` : `**Forecast moved**: ${summary}.`,
  verdictNoChange: (lang: Lang, summary: string): string =>
    lang === 'zh' ? `**没有变化**：${summary}。` : `**No change**: ${summary}.`,
  moreBelow: (lang: Lang, count: number): string =>
    lang === 'zh' ? `… 另有 ${count} 处见下方详情。` : `… and ${count} more in the details below.`,
  allChanges: (lang: Lang, count: number): string => (lang === 'zh' ? `全部 ${count} 处变化` : `All ${count} changes`),
  notShown: (lang: Lang, count: number): string =>
    lang === 'zh'
      ? `… 另有 ${count} 处未显示；\`--format csv\` 列出全部。`
      : `… ${count} more not shown; \`--format csv\` lists them all.`,
  // sensitivity
  sensitivityTitle: (lang: Lang, metric: string, unit: string | undefined, scenario: string, base: string): string =>
    lang === 'zh'
      ? `${metric}${unit === undefined ? '' : `（${unit}）`}的敏感性 — ${scenario}，基准值 ${base}`
      : `Sensitivity of ${metric}${unit === undefined ? '' : ` (${unit})`} — ${scenario}, base ${base}`,
  atLow: (lang: Lang, metric: string): string => (lang === 'zh' ? `输入取低值时的 ${metric}` : `${metric} at low`),
  atHigh: (lang: Lang): string => (lang === 'zh' ? '取高值时' : 'at high'),
  noRange: (lang: Lang): string =>
    lang === 'zh' ? '没有带区间的输入；用 --swing 10% 变动单值输入' : 'no input has a range; use --swing 10% to vary the plain inputs',
  // solve
  solved: (
    lang: Lang,
    metric: string,
    achieved: string,
    target: string,
    scenario: string,
    c: Case,
    iterations: number,
  ): string =>
    lang === 'zh'
      ? `得到 ${metric} = ${achieved}（目标 ${target}），${scenario}，${caseName(c, lang)}，迭代 ${iterations} 次`
      : `gives ${metric} = ${achieved} (target ${target}), ${scenario}, ${caseName(c, lang)}, ` +
        `${iterations} iteration${iterations === 1 ? '' : 's'}`,
  /** After the value --vary found for an input that is one value every year. */
  everyYear: (lang: Lang): string => (lang === 'zh' ? '，每年相同' : ', the same every year'),
  // check
  /** After a warning about a value beyond a limit: the option and its value (`--max-growth 100%`). */
  beyondLimit: (lang: Lang, limit: string): string => (lang === 'zh' ? `，超过 ${limit}` : `, more than ${limit}`),
  // simulate
  samples: (lang: Lang, samples: number): string => (lang === 'zh' ? `${samples} 次抽样` : `${samples} samples`),
  seed: (lang: Lang, seed: number): string => (lang === 'zh' ? `种子 ${seed}` : `seed ${seed}`),
  noValueSampled: (lang: Lang): string => (lang === 'zh' ? '（所有样本均无值）' : '(no value in any sample)'),
  exceedance: (lang: Lang, metric: string, threshold: string, probability: string, low: string, high: string): string =>
    lang === 'zh'
      ? `P(${metric} > ${threshold}) = ${probability}（95% 置信区间 ${low}～${high}）`
      : `P(${metric} > ${threshold}) = ${probability} (95% CI ${low} to ${high})`,
  contributionTitle: (lang: Lang, metric: string): string =>
    lang === 'zh'
      ? `${metric} 的方差贡献（一阶 Sobol 指数：各输入单独解释的方差占比）`
      : `Contribution to the variance of ${metric} (first-order Sobol index: the share each input explains alone)`,
  contributionRest: (lang: Lang, count: number, share: string): string =>
    lang === 'zh' ? `……另有 ${count} 个输入，合计 ${share}` : `… ${count} more inputs, together ${share}`,
  contributionSum: (lang: Lang, share: string): string =>
    lang === 'zh'
      ? `合计 ${share}（小于 100% 为交互作用，大于 100% 为相关输入共有）`
      : `sum ${share} (below 100%: interactions; above: shared by correlated inputs)`,
  precisionReached: (lang: Lang, precision: string, samples: number, reached: boolean): string =>
    lang === 'zh'
      ? reached
        ? `每个均值的 95% 区间在其 ${precision} 以内，用了 ${samples} 次抽样`
        : `抽样 ${samples} 次（-n 上限）后仍未达到 ${precision} 的精度`
      : reached
        ? `every mean known to ${precision} of itself (95%) after ${samples} samples`
        : `precision ${precision} not reached within ${samples} samples (the -n cap)`,
  // explain
  sameEveryYear: (lang: Lang, where: string): string =>
    lang === 'zh' ? `每年相同，${where}` : `the same every year, ${where}`,
  anchor: (lang: Lang, year: number, where: string): string =>
    lang === 'zh' ? `${year} 年的锚点，${where}` : `anchor ${year}, ${where}`,
  grown: (lang: Lang, from: number, fromWhere: string, rate: string, rateWhere: string): string =>
    lang === 'zh'
      ? `自 ${from} 年（${fromWhere}）起每年增长 ${rate}（${rateWhere}）`
      : `grown from ${from} (${fromWhere}) by ${rate} a year (${rateWhere})`,
  interpolated: (lang: Lang, method: 'linear' | 'cagr' | 'step', from: number, to: number, where: string): string => {
    if (lang === 'zh') {
      const between = `${from} 年与 ${to} 年之间${method === 'linear' ? '线性插值' : '按复合增长率插值'}`;
      return `${method === 'step' ? `沿用 ${from} 年的值` : between}（${where}）`;
    }
    return `${method === 'step' ? `step from ${from}` : `${method} between ${from} and ${to}`} (${where})`;
  },
  setBy: (lang: Lang, option: string): string => (lang === 'zh' ? `由 ${option} 设定` : `set by ${option}`),
  viaExtends: (lang: Lang, at: string): string => (lang === 'zh' ? `${at}，经 extends 继承` : `${at}, via extends`),
  // forecast --watch, diff --watch
  watching: (lang: Lang, files: readonly string[]): string =>
    lang === 'zh'
      ? `fintech-calc：正在监视 ${files.join('、')}，文件变化时重新运行（Ctrl-C 退出）`
      : `fintech-calc: watching ${files.join(', ')}; runs again when one changes (Ctrl-C to stop)`,
};
