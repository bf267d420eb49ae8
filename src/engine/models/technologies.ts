// technologies model (output key `tech`): spend by technology, its yearly growth and CAGR.
import type { Calc, InputReader } from '../calc/calc.js';
import { cagr } from './spend.js';
import type { TechnologiesForecast, TechnologiesInputs, Year, Yearly } from '../types.js';
import { get, yearly } from '../calc/yearly.js';

export function forecastTechnologies<N>(calc: Calc<N>, inputs: TechnologiesInputs, input: InputReader<N>): TechnologiesForecast<N> {
  const { years } = inputs;
  const items = inputs.items.map((item) => {
    const spend = input(item.spend, years);
    return { id: item.id, label: item.label, spend, growth: growthOf(calc, years, spend), cagr: cagr(calc, years, spend) };
  });
  const total = yearly(years, (t) => calc.sum(items.map((item) => get(item.spend, t))));
  return { years, items, total, growth: growthOf(calc, years, total), cagr: cagr(calc, years, total) };
}

/** growth_t = spend_t / spend_{t−1} − 1, from the second year on (where spend_{t−1} is not 0). */
function growthOf<N>(calc: Calc<N>, years: readonly Year[], spend: Yearly<N>): Yearly<N> {
  const growth = new Map<Year, N>();
  for (const t of years.slice(1)) {
    const value = calc.growth(get(spend, t), get(spend, t - 1));
    if (value !== undefined) growth.set(t, value);
  }
  return growth;
}
