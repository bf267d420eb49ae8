// Runs every model of a scenario: in decimal for the requested cases, or in any
// back-end with its own input reader (simulate).
import type { Decimal } from '../decimal.js';
import { decimalCalc, type Calc, type InputReader } from './calc.js';
import { forecastLabour } from './labour.js';
import { forecastMarket } from './market.js';
import { forecastProfit } from './profit.js';
import { forecastSpend } from './spend.js';
import { forecastTechnologies } from './technologies.js';
import type { Case, CaseForecast, Forecast, Scenario } from './types.js';
import { atCase } from './yearly.js';

export function forecast(scenario: Scenario, cases: readonly Case[]): Forecast {
  return {
    scenario: { name: scenario.name, title: scenario.title },
    cases: new Map(cases.map((c) => [c, forecastCase(scenario, c)])),
  };
}

/** Every model in one case: the low, base or high end of every input range, in decimal. */
export function forecastCase(scenario: Scenario, c: Case): CaseForecast<Decimal> {
  return forecastWith(decimalCalc, scenario, (series, years) => atCase(series, years, c));
}

export function forecastWith<N>(calc: Calc<N>, scenario: Scenario, input: InputReader<N>): CaseForecast<N> {
  const { supplyChain, bankProfit, techSpend, labourSavings, technologies } = scenario;
  const market = supplyChain && forecastMarket(calc, supplyChain, input);
  const profit = bankProfit && supplyChain && market && forecastProfit(calc, bankProfit, supplyChain, market, input);
  const spend = techSpend && forecastSpend(calc, techSpend, input);
  const labour = labourSavings && forecastLabour(calc, labourSavings, input);
  const tech = technologies && forecastTechnologies(calc, technologies, input);
  return { market, profit, spend, labour, tech };
}
