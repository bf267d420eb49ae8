// labourSavings model (output key `labour`): smart customer service replacing
// human service labour (report l.12, l.428-431).
import type { Decimal } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { get, yearly } from '../calc/yearly.js';
import type { Item, Label, Series, Year, Yearly } from '../values.js';
import { label, years, type Model } from './descriptor.js';

export interface LabourInputs {
  readonly years: readonly Year[];
  readonly institutions: readonly InstitutionInputs[];
}

/** The series of an institution cover the year before the first, for the first saving. */
export interface InstitutionInputs extends Item {
  readonly humanServiceCost: Series;
  readonly replacementRate: Series;
  readonly smartServiceCost?: Series;
}

export interface LabourForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly institutions: readonly InstitutionForecast<N>[];
  readonly humanCost: Yearly<N>;
  readonly saving: Yearly<N>;
  readonly cumulativeSaving: Yearly<N>;
  /** Σ of each institution's netSaving, or its saving where it has no smartServiceCost. */
  readonly netSaving: Yearly<N>;
}

export interface InstitutionForecast<N = Decimal> extends Item {
  readonly humanServiceCost: Yearly<N>;
  readonly replacementRate: Yearly<N>;
  readonly humanCost: Yearly<N>;
  /** humanCost in the year before the first, which the first saving needs. */
  readonly humanCostBefore: N;
  readonly saving: Yearly<N>;
  readonly cumulativeSaving: Yearly<N>;
  readonly smartServiceCost?: Yearly<N>;
  readonly netSaving?: Yearly<N>;
}

/** The first saving needs the year before the first. */
function withPrevious(years: readonly Year[]): readonly Year[] {
  return [years[0]! - 1, ...years];
}

export function forecastLabour<N>(calc: Calc<N>, inputs: LabourInputs, input: InputReader<N>): LabourForecast<N> {
  const { years } = inputs;
  const inputYears = withPrevious(years);
  const only = (series: Yearly<N>) => yearly(years, (t) => get(series, t));

  const institutions: InstitutionForecast<N>[] = inputs.institutions.map((institution) => {
    const humanServiceCost = input(institution.humanServiceCost, inputYears);
    const replacementRate = input(institution.replacementRate, inputYears);
    // humanCost_t = humanServiceCost_t × (1 − replacementRate_t)
    const humanCostAll = yearly(inputYears, (t) =>
      calc.mul(get(humanServiceCost, t), calc.sub(calc.one, get(replacementRate, t))),
    );
    // saving_t = humanCost_{t−1} − humanCost_t (l.431: 该年的降本价值 = 上一年人工客服成本 − 本年人工客服成本)
    const saving = yearly(years, (t) => calc.sub(get(humanCostAll, t - 1), get(humanCostAll, t)));
    const cumulativeSaving = runningTotal(calc, years, saving);
    const smart = institution.smartServiceCost && input(institution.smartServiceCost, inputYears);
    // netSaving_t = saving_t − (smartServiceCost_t − smartServiceCost_{t−1})
    const netSaving =
      smart && yearly(years, (t) => calc.sub(get(saving, t), calc.sub(get(smart, t), get(smart, t - 1))));
    return {
      id: institution.id,
      label: institution.label,
      humanServiceCost: only(humanServiceCost),
      replacementRate: only(replacementRate),
      humanCost: only(humanCostAll),
      humanCostBefore: get(humanCostAll, inputYears[0]!),
      saving,
      cumulativeSaving,
      ...(smart && netSaving && { smartServiceCost: only(smart), netSaving }),
    };
  });

  const total = (pick: (institution: InstitutionForecast<N>) => Yearly<N>) =>
    yearly(years, (t) => calc.sum(institutions.map((institution) => get(pick(institution), t))));
  return {
    years,
    institutions,
    humanCost: total((institution) => institution.humanCost),
    saving: total((institution) => institution.saving),
    cumulativeSaving: total((institution) => institution.cumulativeSaving),
    netSaving: total((institution) => institution.netSaving ?? institution.saving),
  };
}

/** cumulative_t = Σ_{s ≤ t} series_s */
function runningTotal<N>(calc: Calc<N>, years: readonly Year[], series: Yearly<N>): Yearly<N> {
  let running = calc.zero;
  return yearly(years, (t) => (running = calc.add(running, get(series, t))));
}

const HUMAN_SERVICE_COST: Label = { en: 'human service cost, no replacement', zh: '人工客服成本（未替代）' };
const REPLACEMENT_RATE: Label = { en: 'replacement rate', zh: '人力替代率' };
const SMART_SERVICE_COST: Label = { en: 'smart service cost', zh: '智能客服成本' };

export const labour: Model<'labour', 'labourSavings'> = {
  table: 'labour',
  section: 'labourSavings',
  label: { en: 'Labour saved by smart customer service', zh: '智能客服人工降本' },
  inputYears: withPrevious,
  inputs: {
    kind: 'section',
    doc: 'Labour saved by smart customer service (output table labour; report l.12, l.428-431).',
    expect: 'labourSavings as a map (years, institutions)',
    fields: {
      years,
      institutions: {
        kind: 'named',
        what: 'institution',
        doc: 'Institution types (banks, insurance, ...), by name.',
        required: true,
        item: {
          kind: 'section',
          doc: 'One institution type whose human customer service smart service replaces.',
          expect: 'an institution type: {humanServiceCost, replacementRate, smartServiceCost, label}',
          fields: {
            label,
            humanServiceCost: {
              kind: 'input',
              value: 'amount',
              label: HUMAN_SERVICE_COST,
              doc:
                'What human customer service would cost without replacement ' +
                '(required; from the year before the first).',
            },
            replacementRate: {
              kind: 'input',
              value: 'ratio',
              label: REPLACEMENT_RATE,
              doc: 'Part of human service labour replaced by smart service (required; report l.12: 73～80% by 2022).',
            },
            smartServiceCost: {
              kind: 'input',
              value: 'amount',
              label: SMART_SERVICE_COST,
              optional: true,
              doc: 'Cost of running the smart service; gives netSaving.',
            },
          },
        },
      },
    },
  },
  outputs: [
    {
      items: 'institutions',
      json: { label: true },
      lines: [
        { metric: 'humanServiceCost', kind: 'amount', label: HUMAN_SERVICE_COST },
        { metric: 'replacementRate', kind: 'ratio', label: REPLACEMENT_RATE },
        { metric: 'humanCost', kind: 'amount', label: { en: 'human service cost', zh: '人工客服成本' } },
        { metric: 'saving', kind: 'amount', label: { en: 'saving', zh: '降本价值' } },
        { metric: 'cumulativeSaving', kind: 'amount', label: { en: 'cumulative saving', zh: '累计降本价值' } },
        { metric: 'smartServiceCost', kind: 'amount', label: SMART_SERVICE_COST, optional: true },
        { metric: 'netSaving', kind: 'amount', label: { en: 'net saving', zh: '净降本价值' }, optional: true },
      ],
    },
    { metric: 'humanCost', kind: 'amount', label: { en: 'Total: human service cost', zh: '合计：人工客服成本' } },
    { metric: 'saving', kind: 'amount', label: { en: 'Total: saving', zh: '合计：降本价值' } },
    { metric: 'cumulativeSaving', kind: 'amount', label: { en: 'Total: cumulative saving', zh: '合计：累计降本价值' } },
    { metric: 'netSaving', kind: 'amount', label: { en: 'Total: net saving', zh: '合计：净降本价值' } },
  ],
  forecast: forecastLabour,
};
