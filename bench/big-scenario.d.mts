/** The big-scenario generator's YAML text (big-scenario.mjs). */
export function bigScenario(segments?: number, years?: number, ranged?: boolean): string;
