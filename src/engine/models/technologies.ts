// technologies model (output key `tech`): spend by technology, its yearly growth and CAGR.
import type { Decimal } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { get, yearly } from '../calc/yearly.js';
import type { Item, Label, Series, Year, Yearly } from '../values.js';
import { label, years, type Model } from './descriptor.js';
import { cagr } from './spend.js';

export interface TechnologiesInputs {
  readonly years: readonly Year[];
  readonly items: readonly TechnologyInputs[];
}

export interface TechnologyInputs extends Item {
  readonly spend: Series;
}

export interface TechnologiesForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly items: readonly TechnologyForecast<N>[];
  readonly total: Yearly<N>;
  /** Yearly growth, from the second year on. */
  readonly growth: Yearly<N>;
  readonly cagr: N | null;
}

export interface TechnologyForecast<N = Decimal> extends Item {
  readonly spend: Yearly<N>;
  readonly growth: Yearly<N>;
  readonly cagr: N | null;
}

export function forecastTechnologies<N>(
  calc: Calc<N>,
  inputs: TechnologiesInputs,
  input: InputReader<N>,
): TechnologiesForecast<N> {
  const { years } = inputs;
  const items = inputs.items.map((item) => {
    const spend = input(item.spend, years);
    return {
      id: item.id,
      label: item.label,
      spend,
      growth: growthOf(calc, years, spend),
      cagr: cagr(calc, years, spend),
    };
  });
  // total_t = Σ_i spend_{i,t}
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

const SPEND: Label = { en: 'spend', zh: '投入' };
const TOTAL: Label = { en: 'Total', zh: '合计' };

export const technologies: Model<'tech', 'technologies'> = {
  table: 'tech',
  section: 'technologies',
  label: { en: 'Spend by technology', zh: '各类技术资金投入' },
  inputs: {
    kind: 'section',
    doc: 'Spend by technology (output table tech).',
    expect: 'technologies as a map (years, items)',
    fields: {
      years,
      items: {
        kind: 'named',
        what: 'technology',
        doc: 'The technologies, by name.',
        required: true,
        item: {
          kind: 'section',
          doc: 'One technology financial institutions spend on.',
          expect: 'a technology: {spend, label}',
          fields: {
            label,
            spend: { kind: 'input', value: 'amount', label: SPEND, doc: 'Spend on this technology (required).' },
          },
        },
      },
    },
  },
  outputs: [
    {
      items: 'items',
      json: { label: true },
      lines: [
        { metric: 'spend', kind: 'amount', label: SPEND },
        { metric: 'growth', kind: 'ratio', label: { en: 'growth', zh: '增速' } },
        { metric: 'cagr', span: true, kind: 'ratio', label: SPEND },
      ],
    },
    { metric: 'total', kind: 'amount', label: TOTAL },
    { metric: 'growth', kind: 'ratio', label: { en: 'Total: growth', zh: '合计：增速' } },
    { metric: 'cagr', span: true, kind: 'ratio', label: TOTAL },
  ],
  forecast: forecastTechnologies,
};
