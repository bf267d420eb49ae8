// `init`: the text of a scenario to start from. It extends the bundled baseline
// and sets the inputs people change most, each line explained, in English or
// Chinese. The values are the baseline's own, so the new scenario forecasts
// exactly as the baseline until it is edited. The template's words live here,
// whole, rather than in labels.ts: they are one document, read top to bottom.
import type { Provenance, Scenario, Written } from '../engine/types.js';
import type { Decimal } from '../shared/decimal.js';
import { visible } from './escape.js';
import type { Lang } from './labels.js';
import { displayWidth } from './width.js';

/** The line `init` prints once it has written the file. */
export function renderInitWritten(lang: Lang, file: string): string {
  return `${WRITTEN[lang](visible(file), shellWord(file))}\n`;
}

const WRITTEN: Record<Lang, (file: string, word: string) => string> = {
  en: (file, word) => `${file}: written; see it forecast with: fintech-calc forecast ${word}`,
  zh: (file, word) => `已写入 ${file}；运行 fintech-calc forecast ${word} 查看预测`,
};

/** One line of the template: a key at a depth, its value (written, or the baseline's input), and what it means. */
interface Line {
  readonly depth: number;
  readonly key: string;
  /** A value that is the same in both languages, or one for each. */
  readonly value?: string | Readonly<Record<Lang, string>>;
  /** The baseline's value of this input (a path as --set takes it), in this year (0: the same every year). */
  readonly input?: readonly [path: string, year: number];
  readonly note?: Readonly<Record<Lang, string>>;
}

/** The header: what the file is, how to run it, and the value syntax in brief. */
interface Header {
  readonly intro: string;
  readonly commands: readonly string[];
  readonly syntax: string;
}

const HEADER: Record<Lang, Header> = {
  en: {
    intro: `A fintech-calc scenario, written by \`fintech-calc init\`.

It extends the report's baseline: every input this file does not set keeps
the baseline's value. Below are the inputs people change most, at the
baseline's values: change them, and delete the ones you keep.`,
    commands: ['the forecast', 'what your changes move', 'how a value is computed', 'check the file'],
    syntax: `Amounts take a unit (12.5万亿, 1700亿, 250bn); ratios are percentages (66%).
A range (60%～70%, or \`{low: 60%, base: 66%, high: 70%}\`) gives the low, base
and high cases. A map of years sets anchors; the years between are
interpolated. Say where a number comes from: \`{value: 66%, source: "why"}\`
(\`fintech-calc check\` lists the numbers that do not say).
The whole format: docs/scenario-format.md in the fintech-calc package.`,
  },
  zh: {
    intro: `fintech-calc 场景文件，由 \`fintech-calc init\` 生成。

本文件继承报告的基准场景（\`baseline\`）：本文件未设定的输入都沿用基准值。
下面是最常修改的输入，取值与基准相同：按你的假设修改，不改的可以删去。`,
    commands: ['预测结果', '你的修改带来的变化', '某个数值的计算过程', '检查本文件'],
    syntax: `金额带单位（12.5万亿、1700亿、250bn）；比例写作百分数（66%）。
区间（60%～70%，或 \`{low: 60%, base: 66%, high: 70%}\`）给出低、基准、高三种情景。
按年份写的映射设定锚点，其间各年插值。注明数字的来源：\`{value: 66%, source: "理由"}\`
（\`fintech-calc check\` 列出未注明来源的数字）。
完整的格式说明见 fintech-calc 软件包中的 docs/scenario-format.md。`,
  },
};

/**
 * The header as comments, its commands naming the file and their purposes
 * aligned (or on the next line after a long one).
 */
function header(lang: Lang, file: string): string {
  const { intro, commands, syntax } = HEADER[lang];
  const lines = [
    `fintech-calc forecast ${file}`,
    `fintech-calc diff baseline ${file}`,
    `fintech-calc explain ${file} profit.increment.2023`,
    `fintech-calc validate ${file}`,
  ];
  const column = Math.min(Math.max(...lines.map((line) => displayWidth(line))), 44) + 2;
  const usage = lines.flatMap((line, i) => {
    const pad = column - displayWidth(line);
    if (pad >= 2) return [`  ${line}${' '.repeat(pad)}${commands[i]}`];
    return [`  ${line}`, `  ${' '.repeat(column)}${commands[i]}`];
  });
  const header = [...intro.split('\n'), '', ...usage, '', ...syntax.split('\n')];
  return header.map((line) => (line === '' ? '#' : `# ${line}`)).join('\n') + '\n';
}

const LINES: readonly (Line | 'blank')[] = [
  { depth: 0, key: 'version', value: '1', note: { en: "the scenario format's version", zh: '场景格式的版本' } },
  {
    depth: 0,
    key: 'title',
    value: { en: 'My assumptions', zh: '我的假设' },
    note: {
      en: "one line, shown in each table's title (`name` defaults to the file name)",
      zh: '一行说明，显示在每张表的标题中（`name` 默认为文件名）',
    },
  },
  {
    depth: 0,
    key: 'extends',
    value: 'baseline',
    note: {
      en: 'start from the bundled baseline (`fintech-calc list` shows the bundled scenarios)',
      zh: '以内置的基准场景为起点（`fintech-calc list` 列出内置场景）',
    },
  },
  'blank',
  { depth: 0, key: 'supplyChain', note: { en: 'the supply-chain-finance (SCF) market', zh: '供应链金融市场' } },
  {
    depth: 1,
    key: 'marketSpace',
    note: { en: 'the market space: the financing SCF could serve', zh: '市场空间：供应链金融可服务的融资需求' },
  },
  {
    depth: 2,
    key: '2023',
    input: ['supplyChain.marketSpace', 2023],
    note: {
      en: "in 2023; the years after the baseline's 2019 grow at a constant rate",
      zh: '2023 年；基准的 2019 年之后各年按固定增速插值',
    },
  },
  {
    depth: 1,
    key: 'traditionalPenetration',
    input: ['supplyChain.traditionalPenetration', 0],
    note: {
      en: 'the part of the space financed without fintech, every year (report l.177)',
      zh: '传统模式下融资覆盖的空间占比，每年相同（报告第 177 行）',
    },
  },
  { depth: 1, key: 'modes', note: { en: 'the fintech business models, by name', zh: '各种金融科技业务模式，按名称' } },
  { depth: 2, key: 'receivables', note: { en: 'receivables financing on a blockchain', zh: '基于区块链的应收账款融资' } },
  { depth: 3, key: 'penetration', note: { en: 'the part of its space financed with fintech', zh: '其空间中以金融科技融资的占比' } },
  {
    depth: 4,
    key: '2023',
    input: ['supplyChain.modes.receivables.penetration', 2023],
    note: { en: 'in 2023 (report l.173: 60～70%)', zh: '2023 年（报告第 173 行：60～70%）' },
  },
  { depth: 2, key: 'arif', note: { en: 'inventory financing (ARIF) with blockchain and IoT', zh: '基于区块链和物联网的存货融资' } },
  { depth: 3, key: 'penetration', note: { en: 'the same, for ARIF', zh: '同上，存货融资的占比' } },
  {
    depth: 4,
    key: '2023',
    input: ['supplyChain.modes.arif.penetration', 2023],
    note: { en: 'in 2023 (report l.173); the base case takes the midpoint', zh: '2023 年（报告第 173 行）；基准情景取中点' },
  },
  'blank',
  { depth: 0, key: 'bankProfit', note: { en: "banks' profit from SCF", zh: '银行供应链金融利润' } },
  {
    depth: 1,
    key: 'profitShare',
    input: ['bankProfit.profitShare', 0],
    note: {
      en: "banks' profit as a part of financing, every year (report l.182-183: 2.5% where banks lead, else 3%)",
      zh: '银行分润占融资额的比例，每年相同（报告第 182-183 行：银行主导约 2.5%，否则 3%）',
    },
  },
  { depth: 1, key: 'operatingCost', note: { en: 'operating cost as a part of financing', zh: '运营成本占融资额的比例' } },
  {
    depth: 2,
    key: '2023',
    input: ['bankProfit.operatingCost', 2023],
    note: { en: 'in 2023 (report l.182)', zh: '2023 年（报告第 182 行）' },
  },
  'blank',
  { depth: 0, key: 'techSpend', note: { en: 'technology spend of financial institutions', zh: '金融机构技术资金投入' } },
  { depth: 1, key: 'segments', note: { en: 'by kind of institution', zh: '按机构类型' } },
  { depth: 2, key: 'payment', note: { en: 'payment institutions', zh: '支付机构' } },
  { depth: 3, key: 'spend', note: { en: 'their technology spend', zh: '其技术资金投入' } },
  {
    depth: 4,
    key: '2022',
    input: ['techSpend.segments.payment.spend', 2022],
    note: { en: 'in 2022 (an assumption: the report only charts it)', zh: '2022 年（假设：报告只在图表中给出）' },
  },
];

/** Notes start in this column, or two spaces after a longer line. */
const NOTE_COLUMN = 30;

/** The scenario file: the header, then each line with the baseline's value and its note. */
export function renderInitScenario(baseline: Scenario, lang: Lang, file: string): string {
  const lines = LINES.map((line) => {
    if (line === 'blank') return '';
    const given = typeof line.value === 'object' ? line.value[lang] : line.value;
    const value = line.input ? writtenValue(baseline, ...line.input) : given;
    const code = `${'  '.repeat(line.depth)}${line.key}:${value === undefined ? '' : ` ${value}`}`;
    if (!line.note) return code;
    return `${code}${' '.repeat(Math.max(2, NOTE_COLUMN - displayWidth(code)))}# ${line.note[lang]}`;
  });
  return `${header(lang, shellWord(file))}${lines.join('\n')}\n`;
}

/**
 * A file name as a shell word in a comment: plain, or quoted; control characters
 * written as escapes (a newline would end the comment).
 */
function shellWord(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${visible(file).replace(/'/g, "'\\''")}'`;
}

/** The baseline's value of an input in a year, as a scenario writes it. */
function writtenValue(baseline: Scenario, path: string, year: number): string {
  const input: Provenance | undefined = baseline.provenance.get(path);
  const written: Written | undefined = input?.anchors.get(year);
  if (!input || !written) throw new Error(`init: the baseline has no value of ${path} in ${year || 'every year'}`);
  const one = (value: Decimal) => valueText(value, input.kind);
  const { low, base, high } = written.range;
  if (!written.isRange) return one(base);
  // A range whose base is its midpoint is written short (60%～70%); another base must be said.
  if (low.plus(high).dividedBy(2).equals(base)) return `${one(low)}～${one(high)}`;
  return `{low: ${one(low)}, base: ${one(base)}, high: ${one(high)}}`;
}

/** A ratio as a percentage; an amount (held in 亿元) in 万亿 from 1万亿 on, else in 亿. */
function valueText(value: Decimal, kind: Provenance['kind']): string {
  if (kind === 'ratio') return `${value.times(100).toFixed()}%`;
  if (kind === 'count') return value.toFixed();
  return value.greaterThanOrEqualTo(10_000) ? `${value.dividedBy(10_000).toFixed()}万亿` : `${value.toFixed()}亿`;
}
