// JSON output (SPEC §5): amounts as decimal strings in the output unit, ratios
// as fractions, keys in the documented order, one document per scenario.
import type { Decimal } from '../shared/decimal.js';
import type { CaseForecast, TableName, Yearly } from '../engine/types.js';
import type { RenderOptions, ScenarioResult } from './options.js';
import { machineValue, type ValueKind } from './numbers.js';

export const FORECAST_FORMAT = 'fintech-calc/forecast@1';

export function renderJson(results: readonly ScenarioResult[], options: RenderOptions): string {
  return results.map((result) => `${JSON.stringify(forecastDocument(result, options))}\n`).join('');
}

export function forecastDocument({ forecast, file, stamp }: ScenarioResult, options: RenderOptions): object {
  return {
    format: FORECAST_FORMAT,
    scenario: { name: forecast.scenario.name, title: forecast.scenario.title, file },
    unit: options.unit,
    cases: Object.fromEntries([...forecast.cases].map(([c, caseForecast]) => [c, caseDocument(caseForecast, options)])),
    ...(stamp && { stamp }),
  };
}

function caseDocument(forecast: CaseForecast, { unit, lang, tables }: RenderOptions): object {
  const amount = (series: Yearly) => yearMap(series, 'amount', unit);
  const ratio = (series: Yearly) => yearMap(series, 'ratio', unit);
  const count = (series: Yearly) => yearMap(series, 'count', unit);
  const cagr = (value: Decimal | null) => (value === null ? null : machineValue(value, 'ratio', unit));
  const wanted = (table: TableName) => tables.includes(table);
  const document: Record<string, object> = {};
  const { market, profit, spend } = forecast;
  if (market && wanted('market')) {
    document.market = {
      years: market.years,
      marketSpace: amount(market.marketSpace),
      traditionalPenetration: ratio(market.traditionalPenetration),
      traditionalSize: amount(market.traditionalSize),
      modes: Object.fromEntries(
        market.modes.map((mode) => [mode.id, { share: ratio(mode.share), penetration: ratio(mode.penetration), size: amount(mode.size) }]),
      ),
      otherSize: amount(market.otherSize),
      marketSize: amount(market.marketSize),
      increment: amount(market.increment),
      penetration: ratio(market.penetration),
    };
  }
  if (profit && wanted('profit')) {
    document.profit = {
      years: profit.years,
      profitShare: ratio(profit.profitShare),
      baselineOperatingCost: ratio(profit.baselineOperatingCost),
      operatingCost: ratio(profit.operatingCost),
      traditionalProfit: amount(profit.traditionalProfit),
      shareProfit: amount(profit.shareProfit),
      costSavings: amount(profit.costSavings),
      profit: amount(profit.profit),
      increment: amount(profit.increment),
    };
  }
  if (spend && wanted('spend')) {
    document.spend = {
      years: spend.years,
      segments: Object.fromEntries(
        spend.segments.map((segment) => [
          segment.id,
          {
            label: segment.label[lang],
            ...(segment.group !== undefined && { group: segment.group }),
            ...(segment.firms && segment.perFirm && { firms: count(segment.firms), perFirm: amount(segment.perFirm) }),
            total: amount(segment.total),
            frontier: amount(segment.frontier),
            frontierShare: ratio(segment.frontierShare),
          },
        ]),
      ),
      ...(spend.groups.length > 0 && {
        groups: Object.fromEntries(
          spend.groups.map((group) => [group.id, { label: group.label[lang], total: amount(group.total), frontier: amount(group.frontier), frontierShare: ratio(group.frontierShare) }]),
        ),
      }),
      total: amount(spend.total),
      frontier: amount(spend.frontier),
      frontierShare: ratio(spend.frontierShare),
      cagr: { total: cagr(spend.cagr.total), frontier: cagr(spend.cagr.frontier) },
    };
  }
  const { labour, tech } = forecast;
  if (labour && wanted('labour')) {
    document.labour = {
      years: labour.years,
      institutions: Object.fromEntries(
        labour.institutions.map((institution) => [
          institution.id,
          {
            label: institution.label[lang],
            humanServiceCost: amount(institution.humanServiceCost),
            replacementRate: ratio(institution.replacementRate),
            humanCost: amount(institution.humanCost),
            saving: amount(institution.saving),
            cumulativeSaving: amount(institution.cumulativeSaving),
            ...(institution.smartServiceCost && institution.netSaving && { smartServiceCost: amount(institution.smartServiceCost), netSaving: amount(institution.netSaving) }),
          },
        ]),
      ),
      humanCost: amount(labour.humanCost),
      saving: amount(labour.saving),
      cumulativeSaving: amount(labour.cumulativeSaving),
      netSaving: amount(labour.netSaving),
    };
  }
  if (tech && wanted('tech')) {
    document.tech = {
      years: tech.years,
      items: Object.fromEntries(
        tech.items.map((item) => [item.id, { label: item.label[lang], spend: amount(item.spend), growth: ratio(item.growth), cagr: cagr(item.cagr) }]),
      ),
      total: amount(tech.total),
      growth: ratio(tech.growth),
      cagr: cagr(tech.cagr),
    };
  }
  return document;
}

function yearMap(series: Yearly, kind: ValueKind, unit: string): Record<string, string> {
  return Object.fromEntries([...series].map(([year, value]) => [String(year), machineValue(value, kind, unit)]));
}
