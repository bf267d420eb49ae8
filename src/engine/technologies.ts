// technologies model (output key `tech`): spend by technology, its yearly growth and CAGR.
import { ONE, sum } from '../decimal.js';
import { cagr } from './spend.js';
import type { Case, TechnologiesForecast, TechnologiesInputs, Year, Yearly } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastTechnologies(inputs: TechnologiesInputs, c: Case): TechnologiesForecast {
  const { years } = inputs;
  const items = inputs.items.map((item) => {
    const spend = atCase(item.spend, years, c);
    return { id: item.id, label: item.label, spend, growth: growthOf(years, spend), cagr: cagr(years, spend) };
  });
  const total = yearly(years, (t) => sum(items.map((item) => get(item.spend, t))));
  return { years, items, total, growth: growthOf(years, total), cagr: cagr(years, total) };
}

/** growth_t = spend_t / spend_{t−1} − 1, from the second year on (and where spend_{t−1} is not 0). */
function growthOf(years: readonly Year[], spend: Yearly): Yearly {
  const later = years.slice(1).filter((t) => !get(spend, t - 1).isZero());
  return yearly(later, (t) => get(spend, t).dividedBy(get(spend, t - 1)).minus(ONE));
}
