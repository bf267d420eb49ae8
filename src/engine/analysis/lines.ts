// A forecast as an ordered list of lines (one metric of one table over the
// years): the common shape of the table, Markdown and CSV output and of diff.
// Order and names follow the JSON output of SPEC §5.
import type { Decimal } from '../../shared/decimal.js';
import { TABLES, type CaseForecast, type Label, type TableName, type Yearly } from '../types.js';

export type ValueKind = 'amount' | 'ratio' | 'count';
export type ItemGroup = 'modes' | 'segments' | 'groups' | 'institutions' | 'items';

export interface Line<N = Decimal> {
  readonly table: TableName;
  /** The collection of the item a line is about (a mode, segment, group, institution or technology). */
  readonly group?: ItemGroup;
  /** The JSON key of the metric: marketSize, share, frontier, cagr, ... */
  readonly metric: string;
  /** The mode or segment id; for cagr, 'total' or 'frontier'; else ''. */
  readonly key: string;
  readonly kind: ValueKind;
  /** The mode's or segment's label, for lines about one. */
  readonly itemLabel?: Label;
  /** Year (or 'first-last' for a CAGR) → value; null where a CAGR is undefined. */
  readonly values: ReadonlyMap<string, N | null>;
}

/** `market.modes.receivables.size.2023`, `profit.increment.2023`, `spend.cagr.total`. */
export function address(line: Pick<Line, 'table' | 'group' | 'metric' | 'key'>, year?: string): string {
  const parts = line.group ? [line.table, line.group, line.key, line.metric] : [line.table, line.metric, line.key];
  return [...parts, year].filter((part) => part !== undefined && part !== '').join('.');
}

function byYear<N>(series: Yearly<N>): ReadonlyMap<string, N> {
  const values = new Map<string, N>();
  series.forEach((value, year) => values.set(String(year), value));
  return values;
}

/** `2018-2022`: the span of a CAGR, its "year" in lines, CSV and diff. */
function spanOf(years: readonly number[]): string {
  return `${years[0]}-${years[years.length - 1]}`;
}

/** Makes the lines of one mode or segment. */
function itemLine<N>(table: TableName, group: ItemGroup, item: { id: string; label: Label }) {
  return (metric: string, kind: ValueKind, series: Yearly<N>): Line<N> => ({ table, group, metric, key: item.id, kind, itemLabel: item.label, values: byYear(series) });
}

export function linesOf<N = Decimal>(forecast: CaseForecast<N>, tables: readonly TableName[]): Line<N>[] {
  const lines: Line<N>[] = [];
  const { market, profit, spend } = forecast;
  const line = (table: TableName, metric: string, kind: ValueKind, series: Yearly<N>): Line<N> => ({ table, metric, key: '', kind, values: byYear(series) });
  if (market && tables.includes('market')) {
    lines.push(
      line('market', 'marketSpace', 'amount', market.marketSpace),
      line('market', 'traditionalPenetration', 'ratio', market.traditionalPenetration),
      line('market', 'traditionalSize', 'amount', market.traditionalSize),
    );
    for (const mode of market.modes) {
      const item = itemLine<N>('market', 'modes', mode);
      lines.push(item('share', 'ratio', mode.share), item('penetration', 'ratio', mode.penetration), item('size', 'amount', mode.size));
    }
    lines.push(
      line('market', 'otherSize', 'amount', market.otherSize),
      line('market', 'marketSize', 'amount', market.marketSize),
      line('market', 'increment', 'amount', market.increment),
      line('market', 'penetration', 'ratio', market.penetration),
    );
  }
  if (profit && tables.includes('profit')) {
    lines.push(
      line('profit', 'profitShare', 'ratio', profit.profitShare),
      line('profit', 'baselineOperatingCost', 'ratio', profit.baselineOperatingCost),
      line('profit', 'operatingCost', 'ratio', profit.operatingCost),
      line('profit', 'traditionalProfit', 'amount', profit.traditionalProfit),
      line('profit', 'shareProfit', 'amount', profit.shareProfit),
      line('profit', 'costSavings', 'amount', profit.costSavings),
      line('profit', 'profit', 'amount', profit.profit),
      line('profit', 'increment', 'amount', profit.increment),
    );
  }
  if (spend && tables.includes('spend')) {
    for (const segment of spend.segments) {
      const item = itemLine<N>('spend', 'segments', segment);
      if (segment.firms && segment.perFirm) lines.push(item('firms', 'count', segment.firms), item('perFirm', 'amount', segment.perFirm));
      lines.push(item('total', 'amount', segment.total), item('frontier', 'amount', segment.frontier), item('frontierShare', 'ratio', segment.frontierShare));
    }
    for (const group of spend.groups) {
      const item = itemLine<N>('spend', 'groups', group);
      lines.push(item('total', 'amount', group.total), item('frontier', 'amount', group.frontier), item('frontierShare', 'ratio', group.frontierShare));
    }
    lines.push(line('spend', 'total', 'amount', spend.total), line('spend', 'frontier', 'amount', spend.frontier), line('spend', 'frontierShare', 'ratio', spend.frontierShare));
    const span = spanOf(spend.years);
    for (const key of ['total', 'frontier'] as const) {
      lines.push({ table: 'spend', metric: 'cagr', key, kind: 'ratio', values: new Map([[span, spend.cagr[key]]]) });
    }
  }
  const { labour, tech } = forecast;
  if (labour && tables.includes('labour')) {
    for (const institution of labour.institutions) {
      const item = itemLine<N>('labour', 'institutions', institution);
      lines.push(
        item('humanServiceCost', 'amount', institution.humanServiceCost),
        item('replacementRate', 'ratio', institution.replacementRate),
        item('humanCost', 'amount', institution.humanCost),
        item('saving', 'amount', institution.saving),
        item('cumulativeSaving', 'amount', institution.cumulativeSaving),
      );
      if (institution.smartServiceCost && institution.netSaving) {
        lines.push(item('smartServiceCost', 'amount', institution.smartServiceCost), item('netSaving', 'amount', institution.netSaving));
      }
    }
    lines.push(
      line('labour', 'humanCost', 'amount', labour.humanCost),
      line('labour', 'saving', 'amount', labour.saving),
      line('labour', 'cumulativeSaving', 'amount', labour.cumulativeSaving),
      line('labour', 'netSaving', 'amount', labour.netSaving),
    );
  }
  if (tech && tables.includes('tech')) {
    const span = spanOf(tech.years);
    for (const technology of tech.items) {
      const item = itemLine<N>('tech', 'items', technology);
      lines.push(item('spend', 'amount', technology.spend), item('growth', 'ratio', technology.growth), {
        table: 'tech',
        group: 'items',
        metric: 'cagr',
        key: technology.id,
        kind: 'ratio',
        itemLabel: technology.label,
        values: new Map([[span, technology.cagr]]),
      });
    }
    lines.push(line('tech', 'total', 'amount', tech.total), line('tech', 'growth', 'ratio', tech.growth), {
      table: 'tech',
      metric: 'cagr',
      key: '',
      kind: 'ratio',
      values: new Map([[span, tech.cagr]]),
    });
  }
  return lines;
}

/** A metric by its address (`market.marketSize.2023`, `spend.cagr.total`): its value and kind. */
export function findMetric(forecast: CaseForecast, metric: string): { value: Decimal | null; kind: ValueKind } | undefined {
  for (const line of linesOf(forecast, TABLES)) {
    for (const [year, value] of line.values) {
      if ((line.metric === 'cagr' ? address(line) : address(line, year)) === metric) return { value, kind: line.kind };
    }
  }
  return undefined;
}
