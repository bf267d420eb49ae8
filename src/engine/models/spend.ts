// techSpend model (SPEC §3, output key `spend`), with institution tiers: a
// segment may be firms × perFirm, and segments may form groups with subtotals.
import type { Decimal } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { get, yearly } from '../calc/yearly.js';
import { CASES, type Case, type Item, type Label, type Series, type Year, type Yearly } from '../values.js';
import { label, years, type CheckedAt, type LineSpec, type Model } from './descriptor.js';

export interface TechSpendInputs {
  readonly years: readonly Year[];
  readonly segments: readonly SegmentInputs[];
  /** Declared groups (institution types with tiers), in order. */
  readonly groups: readonly Item[];
}

export type SegmentInputs = Item & { readonly group?: string } & Volume & Frontier;

/** The segment's spend, or a number of firms times the spend per firm. */
type Volume =
  | { readonly spend: Series; readonly firms?: undefined; readonly perFirm?: undefined }
  | { readonly spend?: undefined; readonly firms: Series; readonly perFirm: Series };

/** Of which frontier technology: an amount, or a share of spend, or none. */
type Frontier =
  | { readonly frontier?: Series; readonly frontierShare?: undefined }
  | { readonly frontier?: undefined; readonly frontierShare?: Series };

export interface SpendForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly segments: readonly SegmentForecast<N>[];
  readonly groups: readonly GroupForecast<N>[];
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
  /** null where the CAGR is undefined: a first value of 0, or a single year. */
  readonly cagr: { readonly total: N | null; readonly frontier: N | null };
}

export interface SegmentForecast<N = Decimal> extends Item {
  readonly group?: string;
  /** For a segment given as firms × perFirm. */
  readonly firms?: Yearly<N>;
  readonly perFirm?: Yearly<N>;
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
}

export interface GroupForecast<N = Decimal> extends Item {
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
}

export function forecastSpend<N>(calc: Calc<N>, inputs: TechSpendInputs, input: InputReader<N>): SpendForecast<N> {
  const { years } = inputs;
  const product = (a: Yearly<N>, b: Yearly<N>) => yearly(years, (t) => calc.mul(get(a, t), get(b, t)));
  /** part / whole per year, 0 where the whole is 0. */
  const shareOf = (part: Yearly<N>, whole: Yearly<N>) =>
    yearly(years, (t) => calc.shareOf(get(part, t), get(whole, t)));

  const segments: SegmentForecast<N>[] = inputs.segments.map((segment) => {
    // total_{s,t} = spend, or firms × perFirm
    const firms = segment.firms && input(segment.firms, years);
    const perFirm = segment.perFirm && input(segment.perFirm, years);
    const total = segment.spend ? input(segment.spend, years) : product(firms!, perFirm!);
    // frontier_{s,t} = frontier, or spend × frontierShare, or 0 where neither is given
    const frontier = segment.frontier
      ? input(segment.frontier, years)
      : segment.frontierShare
        ? product(total, input(segment.frontierShare, years))
        : yearly(years, () => calc.zero);
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
  const groups: GroupForecast<N>[] = inputs.groups.map((group) => ({
    id: group.id,
    label: group.label,
    ...totals(segments.filter((segment) => segment.group === group.id)),
  }));
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

/** SPEC §2.4: frontier spend is part of spend, so at most it, in every year and case. */
function frontierWithinSpend(segment: SegmentInputs, { path, years }: CheckedAt) {
  const { frontier } = segment;
  if (!frontier) return [];
  const spendAt = (year: Year, c: Case) =>
    segment.spend ? segment.spend.get(year)![c] : segment.firms.get(year)![c].times(segment.perFirm.get(year)![c]);
  for (const year of years) {
    const over = CASES.find((c) => frontier.get(year)![c].greaterThan(spendAt(year, c)));
    if (over) {
      const message = `frontier spend exceeds the segment's spend in ${year} (${over} case); frontier is part of spend`;
      return [{ path: `${path}.frontier`, message }];
    }
  }
  return [];
}

const SPEND: Label = { en: 'spend', zh: '投入' };
const FRONTIER: Label = { en: 'frontier tech', zh: '前沿科技' };
const FRONTIER_SHARE: Label = { en: 'frontier share', zh: '前沿科技占比' };
const TOTAL: Label = { en: 'Total', zh: '合计' };
const FIRMS: Label = { en: 'firms', zh: '企业数' };
const PER_FIRM: Label = { en: 'spend per firm', zh: '单家投入' };
const SUBTOTALS: readonly LineSpec[] = [
  { metric: 'total', kind: 'amount', label: SPEND },
  { metric: 'frontier', kind: 'amount', label: FRONTIER },
  { metric: 'frontierShare', kind: 'ratio', label: FRONTIER_SHARE },
];

export const spend: Model<'spend', 'techSpend'> = {
  table: 'spend',
  section: 'techSpend',
  label: { en: 'Technology spend of financial institutions', zh: '金融机构技术资金投入' },
  inputs: {
    kind: 'section',
    doc: 'Technology spend of financial institutions (output table spend).',
    expect: 'techSpend as a map (years, segments, groups)',
    fields: {
      years,
      segments: {
        kind: 'named',
        what: 'segment',
        doc: 'The segments, by name.',
        required: true,
        item: {
          kind: 'section',
          doc: 'One segment of financial institutions (an institution type, or a tier of one).',
          expect: 'a segment: {spend or firms and perFirm, frontier or frontierShare, group, label}',
          alternatives: [
            {
              forms: [['spend'], ['firms', 'perFirm']],
              required: true,
              conflict: 'give spend, or firms and perFirm, not both',
            },
            {
              forms: [['frontier'], ['frontierShare']],
              required: false,
              conflict: 'give frontier or frontierShare, not both',
            },
          ],
          check: frontierWithinSpend,
          fields: {
            label,
            group: {
              kind: 'text',
              names: 'groups',
              doc:
                'The group (declared under techSpend.groups) this segment belongs to; ' +
                'the spend table shows group subtotals.',
            },
            spend: {
              kind: 'input',
              value: 'amount',
              label: SPEND,
              doc: 'Technology spend (required, unless firms and perFirm are given).',
            },
            firms: {
              kind: 'input',
              value: 'count',
              label: FIRMS,
              doc: 'Number of firms (whole, ≥ 0); with perFirm instead of spend: total = firms × perFirm.',
            },
            perFirm: {
              kind: 'input',
              value: 'amount',
              label: PER_FIRM,
              doc: 'Technology spend per firm; with firms instead of spend.',
            },
            frontier: {
              kind: 'input',
              value: 'amount',
              label: FRONTIER,
              doc: 'Of which frontier technology (AI, big data, cloud, blockchain, IoT); at most spend.',
            },
            frontierShare: {
              kind: 'input',
              value: 'ratio',
              label: FRONTIER_SHARE,
              doc: 'Frontier share of spend, instead of frontier.',
            },
          },
        },
      },
      groups: {
        kind: 'named',
        what: 'group',
        doc: 'Groups of segments (e.g. funds with head, mid and tail tiers), by name.',
        required: false,
        item: { kind: 'section', doc: 'A group of segments.', expect: 'a group: {label}', fields: { label } },
      },
    },
  },
  outputs: [
    {
      items: 'segments',
      json: { label: true, attributes: ['group'] },
      lines: [
        { metric: 'firms', kind: 'count', label: FIRMS, optional: true },
        { metric: 'perFirm', kind: 'amount', label: PER_FIRM, optional: true },
        ...SUBTOTALS,
      ],
    },
    { items: 'groups', subtotal: true, json: { label: true, omitEmpty: true }, lines: SUBTOTALS },
    { metric: 'total', kind: 'amount', label: TOTAL },
    { metric: 'frontier', kind: 'amount', label: { en: 'Total: frontier tech', zh: '合计：前沿科技' } },
    { metric: 'frontierShare', kind: 'ratio', label: { en: 'Total: frontier share', zh: '合计：前沿科技占比' } },
    { metric: 'cagr', key: 'total', span: true, kind: 'ratio', label: TOTAL },
    { metric: 'cagr', key: 'frontier', span: true, kind: 'ratio', label: FRONTIER },
  ],
  forecast: forecastSpend,
};
