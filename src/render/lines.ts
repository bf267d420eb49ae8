// A forecast as an ordered list of lines (one metric of one table, over the
// years), the common shape of the table, Markdown and CSV renderers and of diff.
// Order and names follow the JSON output of SPEC §5.
import type { Decimal } from '../decimal.js';
import type { CaseForecast, Label, TableName, Yearly } from '../engine/types.js';
import { itemRow, text, type Lang, type TextKey } from './labels.js';
import type { ValueKind } from './numbers.js';

export interface Line {
  readonly table: TableName;
  /** 'modes' or 'segments' for a line about one mode or segment. */
  readonly group?: 'modes' | 'segments';
  /** The JSON key of the metric: marketSize, share, frontier, cagr, ... */
  readonly metric: string;
  /** The mode or segment id; for cagr, 'total' or 'frontier'; else ''. */
  readonly key: string;
  readonly kind: ValueKind;
  readonly label: (lang: Lang) => string;
  /** Year (or 'first-last' for a CAGR) → value; null where a CAGR is undefined. */
  readonly values: ReadonlyMap<string, Decimal | null>;
}

/** `market.modes.receivables.size.2023`, `profit.increment.2023`, `spend.cagr.total`. */
export function address(line: Line, year?: string): string {
  const parts = line.group ? [line.table, line.group, line.key, line.metric] : [line.table, line.metric, line.key];
  return [...parts, year].filter((part) => part !== undefined && part !== '').join('.');
}

function byYear(series: Yearly): ReadonlyMap<string, Decimal> {
  return new Map([...series].map(([year, value]) => [String(year), value]));
}

function line(table: TableName, metric: string, kind: ValueKind, labelKey: TextKey, series: Yearly): Line {
  return { table, metric, key: '', kind, label: (lang) => text(labelKey, lang), values: byYear(series) };
}

function itemLine(table: TableName, group: 'modes' | 'segments', id: string, itemLabel: Label, metric: string, kind: ValueKind, labelKey: TextKey, series: Yearly): Line {
  return { table, group, metric, key: id, kind, label: (lang) => itemRow(itemLabel, labelKey, lang), values: byYear(series) };
}

export function linesOf(forecast: CaseForecast, tables: readonly TableName[]): Line[] {
  const lines: Line[] = [];
  const { market, profit, spend } = forecast;
  if (market && tables.includes('market')) {
    lines.push(
      line('market', 'marketSpace', 'amount', 'marketSpace', market.marketSpace),
      line('market', 'traditionalPenetration', 'ratio', 'traditionalPenetration', market.traditionalPenetration),
      line('market', 'traditionalSize', 'amount', 'traditionalSize', market.traditionalSize),
    );
    for (const mode of market.modes) {
      lines.push(
        itemLine('market', 'modes', mode.id, mode.label, 'share', 'ratio', 'share', mode.share),
        itemLine('market', 'modes', mode.id, mode.label, 'penetration', 'ratio', 'modePenetration', mode.penetration),
        itemLine('market', 'modes', mode.id, mode.label, 'size', 'amount', 'size', mode.size),
      );
    }
    lines.push(
      line('market', 'otherSize', 'amount', 'otherSize', market.otherSize),
      line('market', 'marketSize', 'amount', 'marketSize', market.marketSize),
      line('market', 'increment', 'amount', 'increment', market.increment),
      line('market', 'penetration', 'ratio', 'penetration', market.penetration),
    );
  }
  if (profit && tables.includes('profit')) {
    lines.push(
      line('profit', 'profitShare', 'ratio', 'profitShare', profit.profitShare),
      line('profit', 'baselineOperatingCost', 'ratio', 'baselineOperatingCost', profit.baselineOperatingCost),
      line('profit', 'operatingCost', 'ratio', 'operatingCost', profit.operatingCost),
      line('profit', 'traditionalProfit', 'amount', 'traditionalProfit', profit.traditionalProfit),
      line('profit', 'shareProfit', 'amount', 'shareProfit', profit.shareProfit),
      line('profit', 'costSavings', 'amount', 'costSavings', profit.costSavings),
      line('profit', 'profit', 'amount', 'profitTotal', profit.profit),
      line('profit', 'increment', 'amount', 'increment', profit.increment),
    );
  }
  if (spend && tables.includes('spend')) {
    for (const segment of spend.segments) {
      lines.push(
        itemLine('spend', 'segments', segment.id, segment.label, 'total', 'amount', 'segmentTotal', segment.total),
        itemLine('spend', 'segments', segment.id, segment.label, 'frontier', 'amount', 'frontier', segment.frontier),
        itemLine('spend', 'segments', segment.id, segment.label, 'frontierShare', 'ratio', 'frontierShare', segment.frontierShare),
      );
    }
    lines.push(
      line('spend', 'total', 'amount', 'total', spend.total),
      { ...line('spend', 'frontier', 'amount', 'total', spend.frontier), label: (lang) => itemRow({ en: text('total', 'en'), zh: text('total', 'zh') }, 'frontier', lang) },
      { ...line('spend', 'frontierShare', 'ratio', 'total', spend.frontierShare), label: (lang) => itemRow({ en: text('total', 'en'), zh: text('total', 'zh') }, 'frontierShare', lang) },
    );
    const span = `${spend.years[0]}-${spend.years[spend.years.length - 1]}`;
    for (const key of ['total', 'frontier'] as const) {
      lines.push({
        table: 'spend',
        metric: 'cagr',
        key,
        kind: 'ratio',
        label: (lang) => (lang === 'zh' ? `${text('cagr', lang)}（${span}）：${text(key === 'total' ? 'total' : 'frontier', lang)}` : `${text('cagr', lang)} ${span}, ${text(key === 'total' ? 'total' : 'frontier', lang)}`),
        values: new Map([[span, spend.cagr[key]]]),
      });
    }
  }
  return lines;
}
