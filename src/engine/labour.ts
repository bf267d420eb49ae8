// labourSavings model (output key `labour`): smart customer service replacing
// human service labour (report l.12, l.428-431).
import { sum } from '../decimal.js';
import { ONE } from '../decimal.js';
import type { Case, InstitutionForecast, LabourForecast, LabourInputs, Yearly } from './types.js';
import { atCase, get, yearly } from './yearly.js';

export function forecastLabour(inputs: LabourInputs, c: Case): LabourForecast {
  const { years } = inputs;
  // The first saving needs the year before the first.
  const withPrevious = [years[0]! - 1, ...years];

  const institutions: InstitutionForecast[] = inputs.institutions.map((institution) => {
    const humanServiceCost = atCase(institution.humanServiceCost, withPrevious, c);
    const replacementRate = atCase(institution.replacementRate, withPrevious, c);
    // humanCost_t = humanServiceCost_t × (1 − replacementRate_t)
    const humanCostAll = yearly(withPrevious, (t) => get(humanServiceCost, t).times(ONE.minus(get(replacementRate, t))));
    // saving_t = humanCost_{t−1} − humanCost_t (l.431: 该年的降本价值 = 上一年人工客服成本 − 本年人工客服成本)
    const saving = yearly(years, (t) => get(humanCostAll, t - 1).minus(get(humanCostAll, t)));
    const cumulativeSaving = runningTotal(years, saving);
    const smart = institution.smartServiceCost && atCase(institution.smartServiceCost, withPrevious, c);
    // netSaving_t = saving_t − (smartServiceCost_t − smartServiceCost_{t−1})
    const netSaving = smart && yearly(years, (t) => get(saving, t).minus(get(smart, t).minus(get(smart, t - 1))));
    return {
      id: institution.id,
      label: institution.label,
      humanServiceCost: only(years, humanServiceCost),
      replacementRate: only(years, replacementRate),
      humanCost: only(years, humanCostAll),
      humanCostBefore: get(humanCostAll, withPrevious[0]!),
      saving,
      cumulativeSaving,
      ...(smart && netSaving && { smartServiceCost: only(years, smart), netSaving }),
    };
  });

  const total = (pick: (institution: InstitutionForecast) => Yearly) => yearly(years, (t) => sum(institutions.map((institution) => get(pick(institution), t))));
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
function runningTotal(years: readonly number[], series: Yearly): Yearly {
  let running = sum([]);
  return yearly(years, (t) => (running = running.plus(get(series, t))));
}

/** The series restricted to the model's years. */
function only(years: readonly number[], series: Yearly): Yearly {
  return yearly(years, (t) => get(series, t));
}
