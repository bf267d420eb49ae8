// The data shapes at the heart of fintech-calc: the checked Scenario the engine
// takes (produced by src/scenario/) and the Forecast it returns (consumed by
// src/render/). Both hold Decimal values only.
import type { Decimal } from '../shared/decimal.js';

export type Case = 'low' | 'base' | 'high';
export const CASES: readonly Case[] = ['low', 'base', 'high'];

export type Year = number;

/** One input value in the three cases; a plain value has low = base = high. */
export interface Range {
  readonly low: Decimal;
  readonly base: Decimal;
  readonly high: Decimal;
}

/** A yearly input, already interpolated: a Range for every year of its module. */
export type Series = ReadonlyMap<Year, Range>;

export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** Where a value is written: a file and line, or `--set #n` (line 0). */
export interface Where {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** What a reviewer of a scenario would ask about one of its values (check, validate's warnings). */
export interface Warning {
  readonly where: Where;
  readonly path: string;
  /** In English and Chinese (check --lang). */
  readonly message: Label;
}

/**
 * How simulate samples a range: between its low and high with its base as the
 * mode (triangular, uniform, pert); fitted to its low and high as two
 * percentiles (normal, lognormal); or among written values (discrete).
 */
export type Distribution = 'triangular' | 'uniform' | 'pert' | 'normal' | 'lognormal' | 'discrete';
export const DISTRIBUTIONS: readonly Distribution[] = ['triangular', 'uniform', 'pert', 'normal', 'lognormal', 'discrete'];
/** The distributions simulate's --dist may give every range (discrete needs its values written). */
export const RANGE_DISTRIBUTIONS: readonly Distribution[] = ['triangular', 'uniform', 'pert', 'normal', 'lognormal'];

/** One of the values a discrete distribution takes, with its weight (the weights need not sum to 1). */
export interface Outcome {
  readonly value: Decimal;
  readonly weight: Decimal;
}

/** What a value says of its distribution beyond its name. */
export interface DistributionShape {
  /** normal, lognormal: the probability between low and high (0.9: they are p5 and p95). */
  readonly coverage?: Decimal;
  /** discrete: its values and weights. */
  readonly outcomes?: readonly Outcome[];
}

/** Two inputs whose draws move together: their rank (Spearman) correlation, in [−1, 1]. */
export interface Correlation {
  /** The inputs' paths (every year of each). */
  readonly between: readonly [string, string];
  readonly rank: number;
}

/** What a scenario says of how simulate samples it. */
export interface SimulationInputs {
  readonly correlations: readonly Correlation[];
}

/** One written value of an input, with what its author said of it. */
export interface Written {
  readonly where: Where;
  readonly range: Range;
  readonly dist?: Distribution;
  readonly shape?: DistributionShape;
  /** Written as a range (60～70%, {low, high}), even if its ends are equal. */
  readonly isRange: boolean;
  readonly source?: string;
  readonly note?: string;
}

/** How an input's yearly values were obtained, for explain. */
export interface Provenance {
  /** The input's path, as --set takes it: supplyChain.modes.receivables.penetration. */
  readonly path: string;
  readonly kind: 'amount' | 'ratio' | 'count';
  /** constant: one value every year; default: the report's value, not written. */
  readonly method: 'constant' | 'default' | 'linear' | 'cagr' | 'step' | 'growth';
  /** The anchors by year (for constant and default, under the year 0). */
  readonly anchors: ReadonlyMap<Year, Written>;
  readonly growth?: Written;
}

export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  /** Every input's provenance, by path. */
  readonly provenance: ReadonlyMap<string, Provenance>;
  readonly supplyChain?: SupplyChainInputs;
  readonly bankProfit?: BankProfitInputs;
  readonly techSpend?: TechSpendInputs;
  readonly labourSavings?: LabourInputs;
  readonly technologies?: TechnologiesInputs;
  readonly simulation?: SimulationInputs;
}

export interface SupplyChainInputs {
  readonly years: readonly Year[];
  readonly marketSpace: Series;
  readonly traditionalPenetration: Series;
  readonly modes: readonly ModeInputs[];
}

export interface ModeInputs {
  readonly id: string;
  readonly label: Label;
  readonly share: Series;
  readonly penetration: Series;
  readonly costSavings: boolean;
}

export interface BankProfitInputs {
  readonly years: readonly Year[];
  readonly profitShare: ProfitShareInputs;
  readonly baselineOperatingCost: Series;
  readonly operatingCost: Series;
}

export type ProfitShareInputs =
  | { readonly kind: 'rate'; readonly rate: Series }
  | { readonly kind: 'mix'; readonly channels: readonly ChannelInputs[] };

export interface ChannelInputs {
  readonly id: string;
  readonly weight: Series;
  readonly rate: Series;
}

export interface TechSpendInputs {
  readonly years: readonly Year[];
  readonly segments: readonly SegmentInputs[];
  /** Declared groups (institution types with tiers), in order. */
  readonly groups: readonly { readonly id: string; readonly label: Label }[];
}

export interface SegmentInputs {
  readonly id: string;
  readonly label: Label;
  readonly group?: string;
  /** The segment's spend, or a number of firms times the spend per firm. */
  readonly volume: { readonly kind: 'spend'; readonly spend: Series } | { readonly kind: 'firms'; readonly firms: Series; readonly perFirm: Series };
  readonly frontier?:
    | { readonly kind: 'amount'; readonly amount: Series }
    | { readonly kind: 'share'; readonly share: Series };
}

export interface LabourInputs {
  readonly years: readonly Year[];
  readonly institutions: readonly InstitutionInputs[];
}

/** The series of an institution cover the year before the first, for the first saving. */
export interface InstitutionInputs {
  readonly id: string;
  readonly label: Label;
  readonly humanServiceCost: Series;
  readonly replacementRate: Series;
  readonly smartServiceCost?: Series;
}

export interface TechnologiesInputs {
  readonly years: readonly Year[];
  readonly items: readonly { readonly id: string; readonly label: Label; readonly spend: Series }[];
}

/**
 * A computed series: one number per year of the module. The forecast types are
 * generic in the number: Decimal for forecasts (the default), a vector of
 * float64 samples for simulate; the models are written once for both (calc.ts).
 */
export type Yearly<N = Decimal> = ReadonlyMap<Year, N>;

export interface MarketForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly marketSpace: Yearly<N>;
  readonly traditionalPenetration: Yearly<N>;
  readonly traditionalSize: Yearly<N>;
  readonly modes: readonly ModeForecast<N>[];
  readonly otherSize: Yearly<N>;
  readonly marketSize: Yearly<N>;
  readonly increment: Yearly<N>;
  readonly penetration: Yearly<N>;
}

export interface ModeForecast<N = Decimal> {
  readonly id: string;
  readonly label: Label;
  readonly share: Yearly<N>;
  readonly penetration: Yearly<N>;
  readonly size: Yearly<N>;
}

export interface ProfitForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly profitShare: Yearly<N>;
  readonly baselineOperatingCost: Yearly<N>;
  readonly operatingCost: Yearly<N>;
  readonly traditionalProfit: Yearly<N>;
  readonly shareProfit: Yearly<N>;
  readonly costSavings: Yearly<N>;
  readonly profit: Yearly<N>;
  readonly increment: Yearly<N>;
}

export interface SpendForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly segments: readonly SegmentForecast<N>[];
  readonly groups: readonly GroupForecast<N>[];
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
  /** null where the CAGR is undefined: a first value of 0, or a single year. */
  readonly cagr: { readonly total: N | null; readonly frontier: N | null };
}

export interface SegmentForecast<N = Decimal> {
  readonly id: string;
  readonly label: Label;
  readonly group?: string;
  /** For a segment given as firms × perFirm. */
  readonly firms?: Yearly<N>;
  readonly perFirm?: Yearly<N>;
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
}

export interface GroupForecast<N = Decimal> {
  readonly id: string;
  readonly label: Label;
  readonly total: Yearly<N>;
  readonly frontier: Yearly<N>;
  readonly frontierShare: Yearly<N>;
}

export interface LabourForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly institutions: readonly InstitutionForecast<N>[];
  readonly humanCost: Yearly<N>;
  readonly saving: Yearly<N>;
  readonly cumulativeSaving: Yearly<N>;
  /** Σ of each institution's netSaving, or its saving where it has no smartServiceCost. */
  readonly netSaving: Yearly<N>;
}

export interface InstitutionForecast<N = Decimal> {
  readonly id: string;
  readonly label: Label;
  readonly humanServiceCost: Yearly<N>;
  readonly replacementRate: Yearly<N>;
  readonly humanCost: Yearly<N>;
  /** humanCost in the year before the first, which the first saving needs. */
  readonly humanCostBefore: N;
  readonly saving: Yearly<N>;
  readonly cumulativeSaving: Yearly<N>;
  readonly smartServiceCost?: Yearly<N>;
  readonly netSaving?: Yearly<N>;
}

export interface TechnologiesForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly items: readonly TechnologyForecast<N>[];
  readonly total: Yearly<N>;
  /** Yearly growth, from the second year on. */
  readonly growth: Yearly<N>;
  readonly cagr: N | null;
}

export interface TechnologyForecast<N = Decimal> {
  readonly id: string;
  readonly label: Label;
  readonly spend: Yearly<N>;
  readonly growth: Yearly<N>;
  readonly cagr: N | null;
}

export interface CaseForecast<N = Decimal> {
  readonly market?: MarketForecast<N>;
  readonly profit?: ProfitForecast<N>;
  readonly spend?: SpendForecast<N>;
  readonly labour?: LabourForecast<N>;
  readonly tech?: TechnologiesForecast<N>;
}

export type TableName = 'market' | 'profit' | 'spend' | 'labour' | 'tech';
export const TABLES: readonly TableName[] = ['market', 'profit', 'spend', 'labour', 'tech'];

export interface Forecast {
  readonly scenario: { readonly name: string; readonly title: string };
  readonly cases: ReadonlyMap<Case, CaseForecast>;
}
