// Runs every model of a scenario for the requested cases.
import { forecastMarket } from './market.js';
import { forecastProfit } from './profit.js';
import { forecastSpend } from './spend.js';
import { forecastLabour } from './labour.js';
import { forecastTechnologies } from './technologies.js';
import type { Case, CaseForecast, Forecast, Scenario } from './types.js';

export function forecast(scenario: Scenario, cases: readonly Case[]): Forecast {
  return {
    scenario: { name: scenario.name, title: scenario.title },
    cases: new Map(cases.map((c) => [c, forecastCase(scenario, c)])),
  };
}

export function forecastCase(scenario: Scenario, c: Case): CaseForecast {
  const { supplyChain, bankProfit, techSpend } = scenario;
  const market = supplyChain && forecastMarket(supplyChain, c);
  const profit = bankProfit && supplyChain && market && forecastProfit(bankProfit, supplyChain, market, c);
  const spend = techSpend && forecastSpend(techSpend, c);
  const labour = scenario.labourSavings && forecastLabour(scenario.labourSavings, c);
  const tech = scenario.technologies && forecastTechnologies(scenario.technologies, c);
  return { market, profit, spend, labour, tech };
}
