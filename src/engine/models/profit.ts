// bankProfit model (SPEC §3, output key `profit`). It builds on the market
// forecast of the same case (or sample).
import type { Calc, InputReader } from '../calc/calc.js';
import type { BankProfitInputs, MarketForecast, ProfitForecast, SupplyChainInputs, Yearly } from '../types.js';
import { get, yearly } from '../calc/yearly.js';

export function forecastProfit<N>(
  calc: Calc<N>,
  inputs: BankProfitInputs,
  supplyChain: SupplyChainInputs,
  market: MarketForecast<N>,
  input: InputReader<N>,
): ProfitForecast<N> {
  const { years } = inputs;
  const profitShare = effectiveProfitShare(calc, inputs, input);
  const baselineOperatingCost = input(inputs.baselineOperatingCost, years);
  const operatingCost = input(inputs.operatingCost, years);

  // traditionalProfit_t = traditionalSize_t × profitShare_t
  const traditionalProfit = yearly(years, (t) => calc.mul(get(market.traditionalSize, t), get(profitShare, t)));

  // shareProfit_t = marketSize_t × profitShare_t
  const shareProfit = yearly(years, (t) => calc.mul(get(market.marketSize, t), get(profitShare, t)));

  // costSavings_t = (baselineOperatingCost_t − operatingCost_t) × Σ_{m: costSavings} size_{m,t}
  const savingIds = new Set(supplyChain.modes.filter((mode) => mode.costSavings).map((mode) => mode.id));
  const savingModes = market.modes.filter((mode) => savingIds.has(mode.id));
  const costSavings = yearly(years, (t) =>
    calc.mul(calc.sub(get(baselineOperatingCost, t), get(operatingCost, t)), calc.sum(savingModes.map((mode) => get(mode.size, t)))),
  );

  // profit_t = shareProfit_t + costSavings_t
  const profit = yearly(years, (t) => calc.add(get(shareProfit, t), get(costSavings, t)));

  // increment_t = profit_t − traditionalProfit_t
  const increment = yearly(years, (t) => calc.sub(get(profit, t), get(traditionalProfit, t)));

  return { years, profitShare, baselineOperatingCost, operatingCost, traditionalProfit, shareProfit, costSavings, profit, increment };
}

/** profitShare_t, or for a mix Σ weight × rate over its channels. */
function effectiveProfitShare<N>(calc: Calc<N>, inputs: BankProfitInputs, input: InputReader<N>): Yearly<N> {
  const { years, profitShare } = inputs;
  if (profitShare.kind === 'rate') return input(profitShare.rate, years);
  const channels = profitShare.channels.map((channel) => ({ weight: input(channel.weight, years), rate: input(channel.rate, years) }));
  return yearly(years, (t) => calc.sum(channels.map((channel) => calc.mul(get(channel.weight, t), get(channel.rate, t)))));
}
