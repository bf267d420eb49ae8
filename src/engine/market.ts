// supplyChain model (SPEC §3, output key `market`).
import { ONE, ZERO, sum } from '../decimal.js';
import type { Case, MarketForecast, ModeForecast, SupplyChainInputs } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastMarket(inputs: SupplyChainInputs, c: Case): MarketForecast {
  const { years } = inputs;
  const marketSpace = atCase(inputs.marketSpace, years, c);
  const traditionalPenetration = atCase(inputs.traditionalPenetration, years, c);

  // traditionalSize_t = marketSpace_t × traditionalPenetration_t
  const traditionalSize = yearly(years, (t) => get(marketSpace, t).times(get(traditionalPenetration, t)));

  // size_{m,t} = marketSpace_t × share_{m,t} × penetration_{m,t}
  const modes: ModeForecast[] = inputs.modes.map((mode) => {
    const share = atCase(mode.share, years, c);
    const penetration = atCase(mode.penetration, years, c);
    const size = yearly(years, (t) => get(marketSpace, t).times(get(share, t)).times(get(penetration, t)));
    return { id: mode.id, label: mode.label, share, penetration, size };
  });

  // otherSize_t = marketSpace_t × (1 − Σ_m share_{m,t}) × traditionalPenetration_t
  const otherSize = yearly(years, (t) => {
    const modeShares = sum(modes.map((mode) => get(mode.share, t)));
    return get(marketSpace, t).times(ONE.minus(modeShares)).times(get(traditionalPenetration, t));
  });

  // marketSize_t = Σ_m size_{m,t} + otherSize_t
  const marketSize = yearly(years, (t) => sum(modes.map((mode) => get(mode.size, t))).plus(get(otherSize, t)));

  // increment_t = marketSize_t − traditionalSize_t
  const increment = yearly(years, (t) => get(marketSize, t).minus(get(traditionalSize, t)));

  // penetration_t = marketSize_t / marketSpace_t (0 for an empty market space)
  const penetration = yearly(years, (t) => {
    const space = get(marketSpace, t);
    return space.isZero() ? ZERO : get(marketSize, t).dividedBy(space);
  });

  return {
    years,
    marketSpace,
    traditionalPenetration,
    traditionalSize,
    modes,
    otherSize,
    marketSize,
    increment,
    penetration,
  };
}
