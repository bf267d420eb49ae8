// techSpend model (SPEC §3, output key `spend`).
import { nthRoot, ONE, ZERO, sum, type Decimal } from '../decimal.js';
import type { Case, SegmentForecast, SpendForecast, TechSpendInputs, Year, Yearly } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastSpend(inputs: TechSpendInputs, c: Case): SpendForecast {
  const { years } = inputs;

  const segments: SegmentForecast[] = inputs.segments.map((segment) => {
    // total_{s,t} = spend
    const total = atCase(segment.spend, years, c);
    // frontier_{s,t} = frontier, or spend × frontierShare, or 0 where neither is given
    const frontier =
      segment.frontier === undefined
        ? yearly(years, () => ZERO)
        : segment.frontier.kind === 'amount'
          ? atCase(segment.frontier.amount, years, c)
          : yearlyProduct(years, total, atCase(segment.frontier.share, years, c));
    return { id: segment.id, label: segment.label, total, frontier, frontierShare: shareOf(years, frontier, total) };
  });

  // total_t = Σ_s total, frontier_t = Σ_s frontier, frontierShare_t = frontier_t / total_t
  const total = yearly(years, (t) => sum(segments.map((segment) => get(segment.total, t))));
  const frontier = yearly(years, (t) => sum(segments.map((segment) => get(segment.frontier, t))));

  return {
    years,
    segments,
    total,
    frontier,
    frontierShare: shareOf(years, frontier, total),
    cagr: { total: cagr(years, total), frontier: cagr(years, frontier) },
  };
}

function yearlyProduct(years: readonly Year[], a: Yearly, b: Yearly): Yearly {
  return yearly(years, (t) => get(a, t).times(get(b, t)));
}

/** part / whole per year, 0 where the whole is 0. */
function shareOf(years: readonly Year[], part: Yearly, whole: Yearly): Yearly {
  return yearly(years, (t) => {
    const w = get(whole, t);
    return w.isZero() ? ZERO : get(part, t).dividedBy(w);
  });
}

/** (last / first)^(1 / (years − 1)) − 1; null for a single year or a first value of 0. */
export function cagr(years: readonly Year[], series: Yearly): Decimal | null {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined || years.length < 2) return null;
  const start = get(series, first);
  if (start.isZero()) return null;
  return nthRoot(get(series, last).dividedBy(start), years.length - 1).minus(ONE);
}
