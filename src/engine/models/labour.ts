// labourSavings model (output key `labour`): smart customer service replacing
// human service labour (report l.12, l.428-431).
import type { Calc, InputReader } from '../calc/calc.js';
import type { InstitutionForecast, LabourForecast, LabourInputs, Year, Yearly } from '../types.js';
import { get, yearly } from '../calc/yearly.js';

export function forecastLabour<N>(calc: Calc<N>, inputs: LabourInputs, input: InputReader<N>): LabourForecast<N> {
  const { years } = inputs;
  // The first saving needs the year before the first.
  const withPrevious = [years[0]! - 1, ...years];
  const only = (series: Yearly<N>) => yearly(years, (t) => get(series, t));

  const institutions: InstitutionForecast<N>[] = inputs.institutions.map((institution) => {
    const humanServiceCost = input(institution.humanServiceCost, withPrevious);
    const replacementRate = input(institution.replacementRate, withPrevious);
    // humanCost_t = humanServiceCost_t × (1 − replacementRate_t)
    const humanCostAll = yearly(withPrevious, (t) => calc.mul(get(humanServiceCost, t), calc.sub(calc.one, get(replacementRate, t))));
    // saving_t = humanCost_{t−1} − humanCost_t (l.431: 该年的降本价值 = 上一年人工客服成本 − 本年人工客服成本)
    const saving = yearly(years, (t) => calc.sub(get(humanCostAll, t - 1), get(humanCostAll, t)));
    const cumulativeSaving = runningTotal(calc, years, saving);
    const smart = institution.smartServiceCost && input(institution.smartServiceCost, withPrevious);
    // netSaving_t = saving_t − (smartServiceCost_t − smartServiceCost_{t−1})
    const netSaving = smart && yearly(years, (t) => calc.sub(get(saving, t), calc.sub(get(smart, t), get(smart, t - 1))));
    return {
      id: institution.id,
      label: institution.label,
      humanServiceCost: only(humanServiceCost),
      replacementRate: only(replacementRate),
      humanCost: only(humanCostAll),
      humanCostBefore: get(humanCostAll, withPrevious[0]!),
      saving,
      cumulativeSaving,
      ...(smart && netSaving && { smartServiceCost: only(smart), netSaving }),
    };
  });

  const total = (pick: (institution: InstitutionForecast<N>) => Yearly<N>) => yearly(years, (t) => calc.sum(institutions.map((institution) => get(pick(institution), t))));
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
