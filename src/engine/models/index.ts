// The models, in table order: everything that is per model (decoding, --set
// paths, the JSON Schema, the inputs by path, lines, JSON, CSV, labels) is
// derived from this list. A new model is its file and a line in each list here.
import type { Decimal } from '../../shared/decimal.js';
import type { MetricsForecast } from '../metrics.js';
import type { Model } from './descriptor.js';
import { labour, type LabourForecast, type LabourInputs } from './labour.js';
import { market, type MarketForecast, type SupplyChainInputs } from './market.js';
import { profit, type BankProfitInputs, type ProfitForecast } from './profit.js';
import { spend, type SpendForecast, type TechSpendInputs } from './spend.js';
import { technologies, type TechnologiesForecast, type TechnologiesInputs } from './technologies.js';

/** A scenario's inputs, by model section. */
export interface ScenarioInputs {
  readonly supplyChain?: SupplyChainInputs;
  readonly bankProfit?: BankProfitInputs;
  readonly techSpend?: TechSpendInputs;
  readonly labourSavings?: LabourInputs;
  readonly technologies?: TechnologiesInputs;
}

/** Every model's forecast in one case (or traced for simulate), by table. */
export interface CaseForecast<N = Decimal> {
  readonly market?: MarketForecast<N>;
  readonly profit?: ProfitForecast<N>;
  readonly spend?: SpendForecast<N>;
  readonly labour?: LabourForecast<N>;
  readonly tech?: TechnologiesForecast<N>;
  /** The scenario's own metrics (engine/metrics.ts): not a model, but a table of lines like theirs. */
  readonly metrics?: MetricsForecast<N>;
}

/** A model's table. */
export type ModelTable = Exclude<keyof CaseForecast, 'metrics'>;
/** A table of the output: a model's, or the metrics. */
export type TableName = keyof CaseForecast;
export type SectionName = keyof ScenarioInputs;

export const MODELS: readonly Model<ModelTable, SectionName>[] = [market, profit, spend, labour, technologies];

/** The models' tables. */
export const MODEL_TABLES: readonly ModelTable[] = MODELS.map((model) => model.table);
/** Every table, in output order: the models', then the scenario's metrics. */
export const TABLES: readonly TableName[] = [...MODEL_TABLES, 'metrics'];

/** The model of a table. */
export function modelOf(table: ModelTable): Model<ModelTable, SectionName> {
  return MODELS.find((model) => model.table === table)!;
}

/** The scenario key a table comes from: its model's section, or `metrics`. */
export function sectionOf(table: TableName): SectionName | 'metrics' {
  return table === 'metrics' ? 'metrics' : modelOf(table).section;
}

export type * from './labour.js';
export type * from './market.js';
export type * from './profit.js';
export type * from './spend.js';
export type * from './technologies.js';
export type * from './descriptor.js';
export { isItems, keysOf, lineValue } from './descriptor.js';
export { isMix } from './profit.js';
