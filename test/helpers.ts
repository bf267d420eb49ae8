import { parseScenario } from '../src/scenario/load.js';
import { formatProblem, InputError } from '../src/scenario/problems.js';
import type { Scenario } from '../src/engine/types.js';

export const FILE = 'test.yaml';

/** Parses scenario text that must be valid. */
export function load(text: string): Promise<Scenario> {
  return parseScenario(text, FILE);
}

/** The formatted problems of scenario text that must be invalid. */
export function problemsOf(text: string): Promise<string[]> {
  return problemsFrom(parseScenario(text, FILE));
}

/** The formatted problems of a load that must fail with an InputError. */
export async function problemsFrom(loading: Promise<unknown>): Promise<string[]> {
  try {
    await loading;
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error('expected the scenario to be invalid');
}

/** A minimal valid scenario whose supplyChain.marketSpace is `value` (indented YAML allowed). */
export function withMarketSpace(value: string): string {
  return `version: 1\nyears: 2019..2021\nsupplyChain:\n  marketSpace: ${value}\n`;
}

/** A minimal valid scenario whose first mode's share is `value`. */
export function withShare(value: string): string {
  return (
    'version: 1\nyears: 2019..2021\nsupplyChain:\n  marketSpace: 100\n' +
    `  modes:\n    a:\n      share: ${value}\n      penetration: 50%\n`
  );
}

/** A scenario's values as JSON, without the positions they were read from (to compare files written differently). */
export function valuesOf(scenario: Scenario): string {
  return JSON.stringify(scenario, (key, value: unknown) =>
    key === 'where' ? undefined : value instanceof Map ? [...value] : value,
  );
}
