// Runs every model of a scenario: in decimal for the requested cases, or in any
// back-end with its own input reader (simulate).
import type { Decimal } from '../shared/decimal.js';
import { decimalCalc, type Calc, type InputReader } from './calc/calc.js';
import { forecastLabour } from './models/labour.js';
import { forecastMarket } from './models/market.js';
import { forecastProfit } from './models/profit.js';
import { forecastSpend } from './models/spend.js';
import { forecastTechnologies } from './models/technologies.js';
import { TABLES, type Case, type CaseForecast, type Forecast, type Scenario, type TableName } from './types.js';
import { atCase } from './calc/yearly.js';

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

/** The models of the scenario (those of `tables` only, and what they need) in any back-end. */
export function forecastWith<N>(calc: Calc<N>, scenario: Scenario, input: InputReader<N>, tables: readonly TableName[] = TABLES): CaseForecast<N> {
  const { supplyChain, bankProfit, techSpend, labourSavings, technologies } = scenario;
  const wanted = (table: TableName) => tables.includes(table);
  const market = supplyChain && (wanted('market') || wanted('profit')) ? forecastMarket(calc, supplyChain, input) : undefined;
  const profit = bankProfit && supplyChain && market && wanted('profit') ? forecastProfit(calc, bankProfit, supplyChain, market, input) : undefined;
  const spend = techSpend && wanted('spend') ? forecastSpend(calc, techSpend, input) : undefined;
  const labour = labourSavings && wanted('labour') ? forecastLabour(calc, labourSavings, input) : undefined;
  const tech = technologies && wanted('tech') ? forecastTechnologies(calc, technologies, input) : undefined;
  return { market, profit, spend, labour, tech };
}
