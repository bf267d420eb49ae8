// supplyChain model (SPEC §3, output key `market`).
import type { Calc, InputReader } from '../calc/calc.js';
import type { MarketForecast, ModeForecast, SupplyChainInputs } from '../types.js';
import { get, yearly } from '../calc/yearly.js';

export function forecastMarket<N>(calc: Calc<N>, inputs: SupplyChainInputs, input: InputReader<N>): MarketForecast<N> {
  const { years } = inputs;
  const marketSpace = input(inputs.marketSpace, years);
  const traditionalPenetration = input(inputs.traditionalPenetration, years);

  // traditionalSize_t = marketSpace_t × traditionalPenetration_t
  const traditionalSize = yearly(years, (t) => calc.mul(get(marketSpace, t), get(traditionalPenetration, t)));

  // size_{m,t} = marketSpace_t × share_{m,t} × penetration_{m,t}
  const modes: ModeForecast<N>[] = inputs.modes.map((mode) => {
    const share = input(mode.share, years);
    const penetration = input(mode.penetration, years);
    const size = yearly(years, (t) => calc.mul(calc.mul(get(marketSpace, t), get(share, t)), get(penetration, t)));
    return { id: mode.id, label: mode.label, share, penetration, size };
  });

  // otherSize_t = marketSpace_t × (1 − Σ_m share_{m,t}) × traditionalPenetration_t
  const otherSize = yearly(years, (t) => {
    const modeShares = calc.sum(modes.map((mode) => get(mode.share, t)));
    return calc.mul(calc.mul(get(marketSpace, t), calc.sub(calc.one, modeShares)), get(traditionalPenetration, t));
  });

  // marketSize_t = Σ_m size_{m,t} + otherSize_t
  const marketSize = yearly(years, (t) => calc.add(calc.sum(modes.map((mode) => get(mode.size, t))), get(otherSize, t)));

  // increment_t = marketSize_t − traditionalSize_t
  const increment = yearly(years, (t) => calc.sub(get(marketSize, t), get(traditionalSize, t)));

  // penetration_t = marketSize_t / marketSpace_t (0 for an empty market space)
  const penetration = yearly(years, (t) => calc.shareOf(get(marketSize, t), get(marketSpace, t)));

  return { years, marketSpace, traditionalPenetration, traditionalSize, modes, otherSize, marketSize, increment, penetration };
}
