// explain: the calculation tree of one forecast value — the SPEC §3 formula of
// the metric, its operands recursively, down to the inputs with their
// provenance. Every number in the tree is the engine's own (taken from the
// forecast); this file only says which values a formula combines.
import type { Decimal } from '../../shared/decimal.js';
import { valuesOf, type ValueKind } from './lines.js';
import { inputsOf } from './inputs.js';
import type { Case, CaseForecast, MarketForecast, Provenance, Scenario, Year, Yearly } from '../types.js';
import { isMix } from '../models/index.js';
import { get } from '../calc/yearly.js';

export interface ExplainNode {
  /** A metric address (`profit.increment.2023`) or an input path and year. */
  readonly name: string;
  readonly kind: ValueKind;
  readonly value: Decimal;
  /** The formula over the operands, `{0} − {1}`; absent for an input. */
  readonly formula?: string;
  readonly operands: readonly ExplainNode[];
  /** For an input: how its value in `year` was obtained. */
  readonly input?: { readonly path: string; readonly year: Year; readonly provenance: Provenance | undefined };
}

/** Every metric address of a forecast, for "did you mean". */
export function metricAddresses(forecast: CaseForecast): string[] {
  return valuesOf(forecast).map((value) => value.address);
}

/** The tree of `metric` (an address as in the JSON output), or undefined for an unknown address. */
export function explainMetric(scenario: Scenario, forecast: CaseForecast, c: Case, metric: string): ExplainNode | undefined {
  const parts = metric.split('.');
  const year = Number(parts[parts.length - 1]);
  const { market, profit, spend } = forecast;
  const inputs = inputsOf(scenario);
  const input = (path: string, t: Year, kind: ValueKind): ExplainNode => {
    const range = inputs.get(path)?.get(t);
    if (range === undefined) throw new Error(`internal: no input ${path} in ${t}`);
    return { name: `${path}.${t}`, kind, value: range[c], operands: [], input: { path, year: t, provenance: scenario.provenance.get(path) } };
  };
  const node = (name: string, kind: ValueKind, value: Decimal, formula: string, operands: ExplainNode[]): ExplainNode => ({ name, kind, value, formula, operands });
  // cagr = (last / first)^(1/(years − 1)) − 1
  const cagrNode = (name: string, value: Decimal, years: readonly Year[], of: (t: Year) => ExplainNode) =>
    node(name, 'ratio', value, `({1} / {0})^(1/${years.length - 1}) − 1`, [of(years[0]!), of(years[years.length - 1]!)]);
  const joined = (count: number, separator: string, offset = 0) => Array.from({ length: count }, (_, i) => `{${i + offset}}`).join(separator) || '0';

  const marketNodes = (m: MarketForecast) => {
    const space = (t: Year) => input('supplyChain.marketSpace', t, 'amount');
    const traditionalPenetration = (t: Year) => input('supplyChain.traditionalPenetration', t, 'ratio');
    const share = (id: string, t: Year) => input(`supplyChain.modes.${id}.share`, t, 'ratio');
    const penetration = (id: string, t: Year) => input(`supplyChain.modes.${id}.penetration`, t, 'ratio');
    const modeOf = (id: string) => m.modes.find((mode) => mode.id === id);
    const size = (id: string, t: Year) =>
      node(`market.modes.${id}.size.${t}`, 'amount', get(modeOf(id)!.size, t), '{0} × {1} × {2}', [space(t), share(id, t), penetration(id, t)]);
    const traditionalSize = (t: Year) => node(`market.traditionalSize.${t}`, 'amount', get(m.traditionalSize, t), '{0} × {1}', [space(t), traditionalPenetration(t)]);
    const otherSize = (t: Year) =>
      node(`market.otherSize.${t}`, 'amount', get(m.otherSize, t), `{0} × (1 − (${joined(m.modes.length, ' + ', 1)})) × {${m.modes.length + 1}}`, [
        space(t),
        ...m.modes.map((mode) => share(mode.id, t)),
        traditionalPenetration(t),
      ]);
    const marketSize = (t: Year) =>
      node(`market.marketSize.${t}`, 'amount', get(m.marketSize, t), joined(m.modes.length + 1, ' + '), [...m.modes.map((mode) => size(mode.id, t)), otherSize(t)]);
    return { space, traditionalPenetration, share, penetration, size, traditionalSize, otherSize, marketSize, modeOf };
  };

  if (parts[0] === 'market' && market) {
    const n = marketNodes(market);
    if (parts.length === 5 && parts[1] === 'modes' && n.modeOf(parts[2]!) && market.years.includes(year)) {
      const id = parts[2]!;
      if (parts[3] === 'share') return n.share(id, year);
      if (parts[3] === 'penetration') return n.penetration(id, year);
      if (parts[3] === 'size') return n.size(id, year);
    }
    if (parts.length !== 3 || !market.years.includes(year)) return undefined;
    switch (parts[1]) {
      case 'marketSpace':
        return n.space(year);
      case 'traditionalPenetration':
        return n.traditionalPenetration(year);
      case 'traditionalSize':
        return n.traditionalSize(year);
      case 'otherSize':
        return n.otherSize(year);
      case 'marketSize':
        return n.marketSize(year);
      case 'increment':
        return node(metric, 'amount', get(market.increment, year), '{0} − {1}', [n.marketSize(year), n.traditionalSize(year)]);
      case 'penetration':
        return node(metric, 'ratio', get(market.penetration, year), '{0} / {1}', [n.marketSize(year), n.space(year)]);
    }
    return undefined;
  }

  if (parts[0] === 'profit' && profit && market && scenario.bankProfit && scenario.supplyChain && parts.length === 3 && profit.years.includes(year)) {
    const n = marketNodes(market);
    const { profitShare: shareInputs } = scenario.bankProfit;
    const profitShare = (t: Year): ExplainNode =>
      !isMix(shareInputs)
        ? input('bankProfit.profitShare', t, 'ratio')
        : node(
            `profit.profitShare.${t}`,
            'ratio',
            get(profit.profitShare, t),
            shareInputs.mix.map((_, i) => `{${2 * i}} × {${2 * i + 1}}`).join(' + '),
            shareInputs.mix.flatMap((channel) => [
              input(`bankProfit.profitShare.mix.${channel.id}.weight`, t, 'ratio'),
              input(`bankProfit.profitShare.mix.${channel.id}.rate`, t, 'ratio'),
            ]),
          );
    const savingModes = scenario.supplyChain.modes.filter((mode) => mode.costSavings);
    const traditionalProfit = (t: Year) => node(`profit.traditionalProfit.${t}`, 'amount', get(profit.traditionalProfit, t), '{0} × {1}', [n.traditionalSize(t), profitShare(t)]);
    const shareProfit = (t: Year) => node(`profit.shareProfit.${t}`, 'amount', get(profit.shareProfit, t), '{0} × {1}', [n.marketSize(t), profitShare(t)]);
    const costSavings = (t: Year) =>
      node(`profit.costSavings.${t}`, 'amount', get(profit.costSavings, t), `({0} − {1}) × (${joined(savingModes.length, ' + ', 2)})`, [
        input('bankProfit.baselineOperatingCost', t, 'ratio'),
        input('bankProfit.operatingCost', t, 'ratio'),
        ...savingModes.map((mode) => n.size(mode.id, t)),
      ]);
    const profitTotal = (t: Year) => node(`profit.profit.${t}`, 'amount', get(profit.profit, t), '{0} + {1}', [shareProfit(t), costSavings(t)]);
    switch (parts[1]) {
      case 'profitShare':
        return profitShare(year);
      case 'baselineOperatingCost':
        return input('bankProfit.baselineOperatingCost', year, 'ratio');
      case 'operatingCost':
        return input('bankProfit.operatingCost', year, 'ratio');
      case 'traditionalProfit':
        return traditionalProfit(year);
      case 'shareProfit':
        return shareProfit(year);
      case 'costSavings':
        return costSavings(year);
      case 'profit':
        return profitTotal(year);
      case 'increment':
        return node(metric, 'amount', get(profit.increment, year), '{0} − {1}', [profitTotal(year), traditionalProfit(year)]);
    }
    return undefined;
  }

  if (parts[0] === 'spend' && spend && scenario.techSpend) {
    const segments = scenario.techSpend.segments;
    const forecastOf = (id: string) => spend.segments.find((segment) => segment.id === id)!;
    const segmentTotal = (id: string, t: Year): ExplainNode => {
      if (segments.find((segment) => segment.id === id)!.spend) return input(`techSpend.segments.${id}.spend`, t, 'amount');
      return node(`spend.segments.${id}.total.${t}`, 'amount', get(forecastOf(id).total, t), '{0} × {1}', [
        input(`techSpend.segments.${id}.firms`, t, 'count'),
        input(`techSpend.segments.${id}.perFirm`, t, 'amount'),
      ]);
    };
    const segmentFrontier = (id: string, t: Year): ExplainNode => {
      const inputs = segments.find((segment) => segment.id === id)!;
      const value = get(forecastOf(id).frontier, t);
      if (inputs.frontier) return input(`techSpend.segments.${id}.frontier`, t, 'amount');
      if (inputs.frontierShare) {
        return node(`spend.segments.${id}.frontier.${t}`, 'amount', value, '{0} × {1}', [segmentTotal(id, t), input(`techSpend.segments.${id}.frontierShare`, t, 'ratio')]);
      }
      return node(`spend.segments.${id}.frontier.${t}`, 'amount', value, '0', []);
    };
    /** Σ over segments (all of them, or one group's) of their totals or frontiers. */
    const summed = (name: string, value: Yearly, members: readonly { id: string }[], of: (id: string, t: Year) => ExplainNode, t: Year) =>
      node(`${name}.${t}`, 'amount', get(value, t), joined(members.length, ' + '), members.map((member) => of(member.id, t)));
    const total = (t: Year) => summed('spend.total', spend.total, segments, segmentTotal, t);
    const frontier = (t: Year) => summed('spend.frontier', spend.frontier, segments, segmentFrontier, t);
    if (parts.length === 3 && parts[1] === 'cagr' && (parts[2] === 'total' || parts[2] === 'frontier')) {
      const value = spend.cagr[parts[2]];
      const of = parts[2] === 'total' ? total : frontier;
      return value === null ? undefined : cagrNode(metric, value, spend.years, of);
    }
    if (!spend.years.includes(year)) return undefined;
    const id = parts[2]!;
    if (parts.length === 5 && parts[1] === 'segments' && segments.some((segment) => segment.id === id)) {
      if (parts[3] === 'total') return segmentTotal(id, year);
      if (parts[3] === 'frontier') return segmentFrontier(id, year);
      if (parts[3] === 'frontierShare') return node(metric, 'ratio', get(forecastOf(id).frontierShare, year), '{0} / {1}', [segmentFrontier(id, year), segmentTotal(id, year)]);
      if (parts[3] === 'firms' || parts[3] === 'perFirm') return input(`techSpend.segments.${id}.${parts[3]}`, year, parts[3] === 'firms' ? 'count' : 'amount');
    }
    const group = spend.groups.find((g) => g.id === id);
    if (parts.length === 5 && parts[1] === 'groups' && group) {
      const members = segments.filter((segment) => segment.group === id);
      const groupTotal = summed(`spend.groups.${id}.total`, group.total, members, segmentTotal, year);
      const groupFrontier = summed(`spend.groups.${id}.frontier`, group.frontier, members, segmentFrontier, year);
      if (parts[3] === 'total') return groupTotal;
      if (parts[3] === 'frontier') return groupFrontier;
      if (parts[3] === 'frontierShare') return node(metric, 'ratio', get(group.frontierShare, year), '{0} / {1}', [groupFrontier, groupTotal]);
    }
    if (parts.length !== 3) return undefined;
    if (parts[1] === 'total') return total(year);
    if (parts[1] === 'frontier') return frontier(year);
    if (parts[1] === 'frontierShare') return node(metric, 'ratio', get(spend.frontierShare, year), '{0} / {1}', [frontier(year), total(year)]);
  }

  const { labour, tech } = forecast;
  if (parts[0] === 'labour' && labour && scenario.labourSavings) {
    const institutions = labour.institutions;
    const at = (id: string, name: string) => `labourSavings.institutions.${id}.${name}`;
    const of = (id: string) => institutions.find((institution) => institution.id === id)!;
    // humanCost_t = humanServiceCost_t × (1 − replacementRate_t), also for the year before the first
    const humanCost = (id: string, t: Year) =>
      node(`labour.institutions.${id}.humanCost.${t}`, 'amount', t < labour.years[0]! ? of(id).humanCostBefore : get(of(id).humanCost, t), '{0} × (1 − {1})', [
        input(at(id, 'humanServiceCost'), t, 'amount'),
        input(at(id, 'replacementRate'), t, 'ratio'),
      ]);
    // saving_t = humanCost_{t−1} − humanCost_t
    const saving = (id: string, t: Year) => node(`labour.institutions.${id}.saving.${t}`, 'amount', get(of(id).saving, t), '{0} − {1}', [humanCost(id, t - 1), humanCost(id, t)]);
    const cumulative = (id: string, t: Year) => {
      const upTo = labour.years.filter((y) => y <= t);
      return node(`labour.institutions.${id}.cumulativeSaving.${t}`, 'amount', get(of(id).cumulativeSaving, t), joined(upTo.length, ' + '), upTo.map((y) => saving(id, y)));
    };
    // netSaving_t = saving_t − (smartServiceCost_t − smartServiceCost_{t−1})
    const net = (id: string, t: Year): ExplainNode => {
      const institution = of(id);
      if (!institution.netSaving) return saving(id, t);
      return node(`labour.institutions.${id}.netSaving.${t}`, 'amount', get(institution.netSaving, t), '{0} − ({1} − {2})', [
        saving(id, t),
        input(at(id, 'smartServiceCost'), t, 'amount'),
        input(at(id, 'smartServiceCost'), t - 1, 'amount'),
      ]);
    };
    const total = (name: 'humanCost' | 'saving' | 'cumulativeSaving' | 'netSaving', each: (id: string, t: Year) => ExplainNode, t: Year) =>
      node(`labour.${name}.${t}`, 'amount', get(labour[name], t), joined(institutions.length, ' + '), institutions.map((institution) => each(institution.id, t)));
    if (!labour.years.includes(year)) return undefined;
    const id = parts[2]!;
    if (parts.length === 5 && parts[1] === 'institutions' && institutions.some((institution) => institution.id === id)) {
      switch (parts[3]) {
        case 'humanServiceCost':
        case 'smartServiceCost':
          return of(id)[parts[3]] ? input(at(id, parts[3]), year, 'amount') : undefined;
        case 'replacementRate':
          return input(at(id, parts[3]), year, 'ratio');
        case 'humanCost':
          return humanCost(id, year);
        case 'saving':
          return saving(id, year);
        case 'cumulativeSaving':
          return cumulative(id, year);
        case 'netSaving':
          return of(id).netSaving ? net(id, year) : undefined;
      }
      return undefined;
    }
    if (parts.length !== 3) return undefined;
    if (parts[1] === 'humanCost') return total('humanCost', humanCost, year);
    if (parts[1] === 'saving') return total('saving', saving, year);
    if (parts[1] === 'cumulativeSaving') return total('cumulativeSaving', cumulative, year);
    if (parts[1] === 'netSaving') return total('netSaving', net, year);
    return undefined;
  }

  if (parts[0] === 'tech' && tech && scenario.technologies) {
    const items = tech.items;
    const spendOf = (id: string, t: Year) => input(`technologies.items.${id}.spend`, t, 'amount');
    const total = (t: Year) => node(`tech.total.${t}`, 'amount', get(tech.total, t), joined(items.length, ' + '), items.map((item) => spendOf(item.id, t)));
    // growth_t = spend_t / spend_{t−1} − 1
    const growth = (name: string, value: Yearly, of: (t: Year) => ExplainNode, t: Year) =>
      value.has(t) ? node(`${name}.${t}`, 'ratio', get(value, t), '{0} / {1} − 1', [of(t), of(t - 1)]) : undefined;
    const item = items.find((i) => i.id === parts[2]);
    if (parts[1] === 'items' && item) {
      if (parts.length === 4 && parts[3] === 'cagr') return item.cagr === null ? undefined : cagrNode(metric, item.cagr, tech.years, (t) => spendOf(item.id, t));
      if (parts.length !== 5 || !tech.years.includes(year)) return undefined;
      if (parts[3] === 'spend') return spendOf(item.id, year);
      if (parts[3] === 'growth') return growth(`tech.items.${item.id}.growth`, item.growth, (t) => spendOf(item.id, t), year);
      return undefined;
    }
    if (parts.length === 2 && parts[1] === 'cagr') return tech.cagr === null ? undefined : cagrNode(metric, tech.cagr, tech.years, total);
    if (parts.length !== 3 || !tech.years.includes(year)) return undefined;
    if (parts[1] === 'total') return total(year);
    if (parts[1] === 'growth') return growth('tech.growth', tech.growth, total, year);
  }
  return undefined;
}
