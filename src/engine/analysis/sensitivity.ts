// sensitivity: one input at a time at its low and high (or ± a swing), every
// other input at base; the metric for each, sorted by how far it swings. The
// forecast is the engine's, run on a scenario with the inputs set so.
import { Decimal, ONE, ZERO } from '../../shared/decimal.js';
import { forecastCase } from '../forecast.js';
import { atEnd, hasRange, inputsOf, mapInputs } from './inputs.js';
import type { CaseForecast, Range, Scenario, Series } from '../types.js';

export interface Sensitivity {
  readonly input: string;
  /** 'range': the input's own low and high; 'swing': base × (1 ∓ swing). */
  readonly how: 'range' | 'swing';
  readonly low: Decimal;
  readonly high: Decimal;
  /** high − low */
  readonly swing: Decimal;
}

export interface SensitivityResult {
  readonly base: Decimal;
  readonly inputs: readonly Sensitivity[];
  /** Inputs at whose low or high the metric has no value (a user's metric dividing by 0): left out of `inputs`. */
  readonly noValue?: readonly { readonly input: string; readonly end: 'low' | 'high' }[];
}

/**
 * `value` reads the metric from a case forecast. Inputs the metric does not
 * depend on are left out. With `swing`, inputs without a
 * range are varied by ± swing (ratios kept within [0, 1]).
 */
export function sensitivity(
  scenario: Scenario,
  value: (forecast: CaseForecast) => Decimal | null,
  swing?: Decimal,
): SensitivityResult {
  const inputs = inputsOf(scenario);
  const atBase = mapInputs(scenario, (_, series) => atEnd(series, 'base'));
  const base = value(forecastCase(atBase, 'base'));
  if (base === null) throw new Error('internal: sensitivity of a metric without a value');
  const results: Sensitivity[] = [];
  const noValue: { input: string; end: 'low' | 'high' }[] = [];
  for (const [path, series] of inputs) {
    const ranged = hasRange(series);
    if (!ranged && swing === undefined) continue;
    const isRatio = scenario.provenance.get(path)?.kind === 'ratio';
    const end = (which: 'low' | 'high'): Series => (ranged ? atEnd(series, which) : swung(series, which === 'low' ? ONE.minus(swing!) : ONE.plus(swing!), isRatio));
    const at = (which: 'low' | 'high') => value(forecastCase(mapInputs(atBase, (p, s) => (p === path ? end(which) : s)), 'base'));
    const [low, high] = [at('low'), at('high')];
    if (low === null || high === null) {
      noValue.push({ input: path, end: low === null ? 'low' : 'high' });
      continue;
    }
    if (low.equals(base) && high.equals(base)) continue; // the metric does not depend on it
    results.push({ input: path, how: ranged ? 'range' : 'swing', low, high, swing: high.minus(low) });
  }
  results.sort((a, b) => b.swing.abs().comparedTo(a.swing.abs()) || a.input.localeCompare(b.input));
  return { base, inputs: results, ...(noValue.length > 0 && { noValue }) };
}

/** Every year's base value times `factor`; a ratio stays within [0, 1]. */
function swung(series: Series, factor: Decimal, isRatio: boolean): Series {
  return new Map(
    [...series].map(([year, range]): [number, Range] => {
      let value = range.base.times(factor);
      if (isRatio) value = Decimal.min(ONE, Decimal.max(ZERO, value));
      return [year, { low: value, base: value, high: value }];
    }),
  );
}
