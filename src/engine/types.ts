// The data shapes at the heart of fintech-calc: the checked Scenario the engine
// takes (produced by src/scenario/) and the Forecast it returns (consumed by
// src/render/). Both hold Decimal values only. Each model's inputs and forecast
// are declared in its file (models/); the values they are made of in values.ts.
import type { Case, Provenance } from './values.js';
import type { CaseForecast, ScenarioInputs } from './models/index.js';
import type { MetricDefinition } from './metrics.js';

export * from './values.js';
export {
  MODEL_TABLES,
  TABLES,
  type CaseForecast,
  type ModelTable,
  type ScenarioInputs,
  type SectionName,
  type TableName,
} from './models/index.js';
export type {
  BankProfitInputs,
  ChannelInputs,
  GroupForecast,
  InstitutionForecast,
  InstitutionInputs,
  LabourForecast,
  LabourInputs,
  MarketForecast,
  ModeForecast,
  ModeInputs,
  ProfitForecast,
  ProfitShareMix,
  SegmentForecast,
  SegmentInputs,
  SpendForecast,
  SupplyChainInputs,
  TechnologiesForecast,
  TechnologiesInputs,
  TechnologyForecast,
  TechnologyInputs,
} from './models/index.js';

/** Two inputs whose draws move together: their rank (Spearman) correlation, in [−1, 1]. */
export interface Correlation {
  /** The inputs' paths (every year of each). */
  readonly between: readonly [string, string];
  readonly rank: number;
}

/** What a scenario says of how simulate samples it (not a model: no forecast section). */
export interface SimulationInputs {
  readonly correlations: readonly Correlation[];
}

export interface Scenario extends ScenarioInputs {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /** Every input's provenance, by path. */
  readonly provenance: ReadonlyMap<string, Provenance>;
  /** The scenario's own metrics, checked (docs/metrics.md), in the order written. */
  readonly metrics?: readonly MetricDefinition[];
  readonly simulation?: SimulationInputs;
}

export interface Forecast {
  readonly scenario: { readonly name: string; readonly title: string };
  readonly cases: ReadonlyMap<Case, CaseForecast>;
}
