// sensitivity recomputes, for each input moved, only the formulas that input
// reaches (the recorded graph below the metric): its numbers must be those of a
// whole forecast with the input set so, on the scenarios we ship and test with,
// for metrics of every table, with ranges and with a swing.
import { describe, expect, it } from 'vitest';
import { atEnd, hasRange, inputsOf, mapInputs } from '../../src/engine/analysis/inputs.js';
import { addressedValues, findMetric } from '../../src/engine/analysis/lines.js';
import { sensitivity, swung } from '../../src/engine/analysis/sensitivity.js';
import { forecastCase } from '../../src/engine/forecast.js';
import type { Scenario } from '../../src/engine/types.js';
import { Decimal } from '../../src/shared/decimal.js';
import { everyScenario } from './every-scenario.js';

const ENDS = ['low', 'high'] as const;

/** The metric with one input at an end (or swung), every other at base: a whole forecast. */
function byForecast(scenario: Scenario, metric: string, path: string, which: 'low' | 'high', swing?: Decimal): string {
  const atBase = mapInputs(scenario, (_, series) => atEnd(series, 'base'));
  const original = inputsOf(scenario).get(path)!;
  const isRatio = scenario.provenance.get(path)?.kind === 'ratio';
  const moved = mapInputs(atBase, (p, series) => {
    if (p !== path) return series;
    if (hasRange(original)) return atEnd(original, which);
    return swung(original, which === 'low' ? new Decimal(1).minus(swing!) : new Decimal(1).plus(swing!), isRatio);
  });
  return String(findMetric(forecastCase(moved, 'base'), metric)?.value ?? 0);
}

/** A few metrics of each table: the last year of each line, and every span (CAGR). */
function someMetrics(scenario: Scenario): string[] {
  const lines = new Map<string, string>();
  for (const { address, line, value } of addressedValues(forecastCase(scenario, 'base'))) {
    if (value !== null) lines.set(line, address);
  }
  return [...lines.values()].filter((_, i) => i % 5 === 0);
}

describe('sensitivity: each input moved alone, recomputed where it reaches', () => {
  it('gives the numbers of a whole forecast, for every scenario and a metric of each kind', async () => {
    let checked = 0;
    // The bundled scenarios and every third fixture: each case is two whole forecasts per input.
    const scenarios = (await everyScenario()).filter(({ file }, i) => file.startsWith('scenarios/') || i % 3 === 0);
    for (const { file, scenario } of scenarios) {
      const swing = new Decimal('0.1');
      for (const metric of someMetrics(scenario)) {
        const result = sensitivity(scenario, metric, swing);
        const base = findMetric(forecastCase(scenario, 'base'), metric)!.value;
        expect(String(result.base), `${file} ${metric}`).toBe(String(base));
        for (const entry of result.inputs) {
          const expected = ENDS.map((end) => byForecast(scenario, metric, entry.input, end, swing));
          expect([String(entry.low), String(entry.high)], `${file} ${metric} ${entry.input}`).toEqual(expected);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);

  it('leaves out exactly the inputs that do not move the metric', async () => {
    for (const { file, scenario } of (await everyScenario()).slice(0, 2)) {
      for (const metric of someMetrics(scenario)) {
        const listed = new Set(sensitivity(scenario, metric, new Decimal('0.1')).inputs.map((entry) => entry.input));
        const base = String(findMetric(forecastCase(scenario, 'base'), metric)!.value);
        for (const path of inputsOf(scenario).keys()) {
          const ends = ENDS.map((end) => byForecast(scenario, metric, path, end, new Decimal('0.1')));
          const moves = ends.some((value) => value !== base);
          expect(listed.has(path), `${file} ${metric} ${path}`).toBe(moves);
        }
      }
    }
  }, 120_000);
});
