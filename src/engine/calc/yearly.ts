import type { Decimal } from '../../shared/decimal.js';
import type { Case, Series, Year, Yearly } from '../values.js';

/** Builds a computed series by evaluating `valueOf` for every year. */
export function yearly<N>(years: readonly Year[], valueOf: (year: Year) => N): Yearly<N> {
  // A loop, not new Map(years.map(...)): simulate builds these for every chunk.
  const series = new Map<Year, N>();
  for (const year of years) series.set(year, valueOf(year));
  return series;
}

/** The value a computed series has in a year the model covers. */
export function get<N>(series: Yearly<N>, year: Year): N {
  const value = series.get(year);
  if (value === undefined) throw new Error(`internal: no value for ${year}`);
  return value;
}

/** An input series taken at one case: the low, base or high end of every range. */
export function atCase(series: Series, years: readonly Year[], c: Case): Yearly<Decimal> {
  return yearly(years, (year) => {
    const range = series.get(year);
    if (range === undefined) throw new Error(`internal: input has no value for ${year}`);
    return range[c];
  });
}
