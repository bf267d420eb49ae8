// techSpend model (SPEC §3, output key `spend`), with institution tiers: a
// segment may be firms × perFirm, and segments may form groups with subtotals.
import { nthRoot, ONE, ZERO, sum, type Decimal } from '../decimal.js';
import type { Case, GroupForecast, SegmentForecast, SpendForecast, TechSpendInputs, Year, Yearly } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastSpend(inputs: TechSpendInputs, c: Case): SpendForecast {
  const { years } = inputs;

  const segments: SegmentForecast[] = inputs.segments.map((segment) => {
    // total_{s,t} = spend, or firms × perFirm
    const { volume } = segment;
    const firms = volume.kind === 'firms' ? atCase(volume.firms, years, c) : undefined;
    const perFirm = volume.kind === 'firms' ? atCase(volume.perFirm, years, c) : undefined;
    const total = volume.kind === 'spend' ? atCase(volume.spend, years, c) : yearlyProduct(years, firms!, perFirm!);
    // frontier_{s,t} = frontier, or spend × frontierShare, or 0 where neither is given
    const frontier =
      segment.frontier === undefined
        ? yearly(years, () => ZERO)
        : segment.frontier.kind === 'amount'
          ? atCase(segment.frontier.amount, years, c)
          : yearlyProduct(years, total, atCase(segment.frontier.share, years, c));
    return {
      id: segment.id,
      label: segment.label,
      ...(segment.group !== undefined && { group: segment.group }),
      ...(firms && perFirm && { firms, perFirm }),
      total,
      frontier,
      frontierShare: shareOf(years, frontier, total),
    };
  });

  // total_t = Σ_s total, frontier_t = Σ_s frontier, frontierShare_t = frontier_t / total_t
  const totals = (members: readonly SegmentForecast[]) => {
    const total = yearly(years, (t) => sum(members.map((segment) => get(segment.total, t))));
    const frontier = yearly(years, (t) => sum(members.map((segment) => get(segment.frontier, t))));
    return { total, frontier, frontierShare: shareOf(years, frontier, total) };
  };
  const groups: GroupForecast[] = inputs.groups.map((group) => ({ ...group, ...totals(segments.filter((segment) => segment.group === group.id)) }));
  const all = totals(segments);

  return {
    years,
    segments,
    groups,
    ...all,
    cagr: { total: cagr(years, all.total), frontier: cagr(years, all.frontier) },
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
