// explain: the calculation tree of one forecast value — the SPEC §3 formula of
// the metric, its operands recursively, down to the inputs with their
// provenance. Every number in the tree is the engine's own (taken from the
// forecast); this file only says which values a formula combines.
import type { Decimal } from '../decimal.js';
import { address, linesOf, type ValueKind } from './lines.js';
import { inputsOf } from './inputs.js';
import type { Case, CaseForecast, MarketForecast, Provenance, Scenario, Year } from './types.js';
import { TABLES } from './types.js';
import { get } from './yearly.js';

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
  return linesOf(forecast, TABLES).flatMap((line) => [...line.values.keys()].map((year) => (line.metric === 'cagr' ? address(line) : address(line, year))));
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
      shareInputs.kind === 'rate'
        ? input('bankProfit.profitShare', t, 'ratio')
        : node(
            `profit.profitShare.${t}`,
            'ratio',
            get(profit.profitShare, t),
            shareInputs.channels.map((_, i) => `{${2 * i}} × {${2 * i + 1}}`).join(' + '),
            shareInputs.channels.flatMap((channel) => [
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
    const segmentTotal = (id: string, t: Year) => input(`techSpend.segments.${id}.spend`, t, 'amount');
    const segmentFrontier = (id: string, t: Year): ExplainNode => {
      const inputs = segments.find((segment) => segment.id === id)!;
      const value = get(spend.segments.find((segment) => segment.id === id)!.frontier, t);
      if (inputs.frontier?.kind === 'amount') return input(`techSpend.segments.${id}.frontier`, t, 'amount');
      if (inputs.frontier?.kind === 'share') {
        return node(`spend.segments.${id}.frontier.${t}`, 'amount', value, '{0} × {1}', [segmentTotal(id, t), input(`techSpend.segments.${id}.frontierShare`, t, 'ratio')]);
      }
      return node(`spend.segments.${id}.frontier.${t}`, 'amount', value, '0', []);
    };
    const total = (t: Year) => node(`spend.total.${t}`, 'amount', get(spend.total, t), joined(segments.length, ' + '), segments.map((s) => segmentTotal(s.id, t)));
    const frontier = (t: Year) => node(`spend.frontier.${t}`, 'amount', get(spend.frontier, t), joined(segments.length, ' + '), segments.map((s) => segmentFrontier(s.id, t)));
    if (parts.length === 3 && parts[1] === 'cagr' && (parts[2] === 'total' || parts[2] === 'frontier')) {
      const value = spend.cagr[parts[2]];
      const [first, last] = [spend.years[0]!, spend.years[spend.years.length - 1]!];
      const of = parts[2] === 'total' ? total : frontier;
      return value === null ? undefined : node(metric, 'ratio', value, `({1} / {0})^(1/${spend.years.length - 1}) − 1`, [of(first), of(last)]);
    }
    if (!spend.years.includes(year)) return undefined;
    if (parts.length === 5 && parts[1] === 'segments' && segments.some((segment) => segment.id === parts[2])) {
      const id = parts[2]!;
      const forecastSegment = spend.segments.find((segment) => segment.id === id)!;
      if (parts[3] === 'total') return segmentTotal(id, year);
      if (parts[3] === 'frontier') return segmentFrontier(id, year);
      if (parts[3] === 'frontierShare') return node(metric, 'ratio', get(forecastSegment.frontierShare, year), '{0} / {1}', [segmentFrontier(id, year), segmentTotal(id, year)]);
    }
    if (parts.length !== 3) return undefined;
    if (parts[1] === 'total') return total(year);
    if (parts[1] === 'frontier') return frontier(year);
    if (parts[1] === 'frontierShare') return node(metric, 'ratio', get(spend.frontierShare, year), '{0} / {1}', [frontier(year), total(year)]);
  }
  return undefined;
}
