// bankProfit model (SPEC §3, output key `profit`). It builds on the market
// forecast of the same case.
import { sum } from '../decimal.js';
import type { BankProfitInputs, Case, MarketForecast, ProfitForecast, SupplyChainInputs, Yearly } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastProfit(
  inputs: BankProfitInputs,
  supplyChain: SupplyChainInputs,
  market: MarketForecast,
  c: Case,
): ProfitForecast {
  const { years } = inputs;
  const profitShare = effectiveProfitShare(inputs, c);
  const baselineOperatingCost = atCase(inputs.baselineOperatingCost, years, c);
  const operatingCost = atCase(inputs.operatingCost, years, c);

  // traditionalProfit_t = traditionalSize_t × profitShare_t
  const traditionalProfit = yearly(years, (t) => get(market.traditionalSize, t).times(get(profitShare, t)));

  // shareProfit_t = marketSize_t × profitShare_t
  const shareProfit = yearly(years, (t) => get(market.marketSize, t).times(get(profitShare, t)));

  // costSavings_t = (baselineOperatingCost_t − operatingCost_t) × Σ_{m: costSavings} size_{m,t}
  const savingIds = new Set(supplyChain.modes.filter((mode) => mode.costSavings).map((mode) => mode.id));
  const savingModes = market.modes.filter((mode) => savingIds.has(mode.id));
  const costSavings = yearly(years, (t) =>
    get(baselineOperatingCost, t)
      .minus(get(operatingCost, t))
      .times(sum(savingModes.map((mode) => get(mode.size, t)))),
  );

  // profit_t = shareProfit_t + costSavings_t
  const profit = yearly(years, (t) => get(shareProfit, t).plus(get(costSavings, t)));

  // increment_t = profit_t − traditionalProfit_t
  const increment = yearly(years, (t) => get(profit, t).minus(get(traditionalProfit, t)));

  return {
    years,
    profitShare,
    baselineOperatingCost,
    operatingCost,
    traditionalProfit,
    shareProfit,
    costSavings,
    profit,
    increment,
  };
}

/** profitShare_t, or for a mix Σ weight × rate over its channels. */
function effectiveProfitShare(inputs: BankProfitInputs, c: Case): Yearly {
  const { years, profitShare } = inputs;
  if (profitShare.kind === 'rate') return atCase(profitShare.rate, years, c);
  const channels = profitShare.channels.map((channel) => ({
    weight: atCase(channel.weight, years, c),
    rate: atCase(channel.rate, years, c),
  }));
  return yearly(years, (t) => sum(channels.map((channel) => get(channel.weight, t).times(get(channel.rate, t)))));
}
