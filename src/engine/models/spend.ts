// techSpend model (SPEC §3, output key `spend`), with institution tiers: a
// segment may be firms × perFirm, and segments may form groups with subtotals.
import type { Calc, InputReader } from '../calc/calc.js';
import type { GroupForecast, SegmentForecast, SpendForecast, TechSpendInputs, Year, Yearly } from '../types.js';
import { get, yearly } from '../calc/yearly.js';

export function forecastSpend<N>(calc: Calc<N>, inputs: TechSpendInputs, input: InputReader<N>): SpendForecast<N> {
  const { years } = inputs;
  const product = (a: Yearly<N>, b: Yearly<N>) => yearly(years, (t) => calc.mul(get(a, t), get(b, t)));
  /** part / whole per year, 0 where the whole is 0. */
  const shareOf = (part: Yearly<N>, whole: Yearly<N>) => yearly(years, (t) => calc.shareOf(get(part, t), get(whole, t)));

  const segments: SegmentForecast<N>[] = inputs.segments.map((segment) => {
    // total_{s,t} = spend, or firms × perFirm
    const { volume } = segment;
    const firms = volume.kind === 'firms' ? input(volume.firms, years) : undefined;
    const perFirm = volume.kind === 'firms' ? input(volume.perFirm, years) : undefined;
    const total = volume.kind === 'spend' ? input(volume.spend, years) : product(firms!, perFirm!);
    // frontier_{s,t} = frontier, or spend × frontierShare, or 0 where neither is given
    const frontier =
      segment.frontier === undefined
        ? yearly(years, () => calc.zero)
        : segment.frontier.kind === 'amount'
          ? input(segment.frontier.amount, years)
          : product(total, input(segment.frontier.share, years));
    return {
      id: segment.id,
      label: segment.label,
      ...(segment.group !== undefined && { group: segment.group }),
      ...(firms && perFirm && { firms, perFirm }),
      total,
      frontier,
      frontierShare: shareOf(frontier, total),
    };
  });

  // total_t = Σ_s total, frontier_t = Σ_s frontier, frontierShare_t = frontier_t / total_t
  const totals = (members: readonly SegmentForecast<N>[]) => {
    const total = yearly(years, (t) => calc.sum(members.map((segment) => get(segment.total, t))));
    const frontier = yearly(years, (t) => calc.sum(members.map((segment) => get(segment.frontier, t))));
    return { total, frontier, frontierShare: shareOf(frontier, total) };
  };
  const groups: GroupForecast<N>[] = inputs.groups.map((group) => ({ ...group, ...totals(segments.filter((segment) => segment.group === group.id)) }));
  const all = totals(segments);

  return {
    years,
    segments,
    groups,
    ...all,
    cagr: { total: cagr(calc, years, all.total), frontier: cagr(calc, years, all.frontier) },
  };
}

/** (last / first)^(1 / (years − 1)) − 1; null for a single year or a first value of 0. */
export function cagr<N>(calc: Calc<N>, years: readonly Year[], series: Yearly<N>): N | null {
  if (years.length < 2) return null;
  return calc.cagr(get(series, years[0]!), get(series, years[years.length - 1]!), years.length - 1) ?? null;
}
