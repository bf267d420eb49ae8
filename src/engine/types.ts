// The data shapes at the heart of fintech-calc: the checked Scenario the engine
// takes (produced by src/scenario/) and the Forecast it returns (consumed by
// src/render/). Both hold Decimal values only.
import type { Decimal } from '../decimal.js';

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

/** One written value of an input, with what its author said of it. */
export interface Written {
  readonly where: Where;
  readonly range: Range;
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

/** A computed series: one Decimal per year of the module. */
export type Yearly = ReadonlyMap<Year, Decimal>;

export interface MarketForecast {
  readonly years: readonly Year[];
  readonly marketSpace: Yearly;
  readonly traditionalPenetration: Yearly;
  readonly traditionalSize: Yearly;
  readonly modes: readonly ModeForecast[];
  readonly otherSize: Yearly;
  readonly marketSize: Yearly;
  readonly increment: Yearly;
  readonly penetration: Yearly;
}

export interface ModeForecast {
  readonly id: string;
  readonly label: Label;
  readonly share: Yearly;
  readonly penetration: Yearly;
  readonly size: Yearly;
}

export interface ProfitForecast {
  readonly years: readonly Year[];
  readonly profitShare: Yearly;
  readonly baselineOperatingCost: Yearly;
  readonly operatingCost: Yearly;
  readonly traditionalProfit: Yearly;
  readonly shareProfit: Yearly;
  readonly costSavings: Yearly;
  readonly profit: Yearly;
  readonly increment: Yearly;
}

export interface SpendForecast {
  readonly years: readonly Year[];
  readonly segments: readonly SegmentForecast[];
  readonly groups: readonly GroupForecast[];
  readonly total: Yearly;
  readonly frontier: Yearly;
  readonly frontierShare: Yearly;
  /** null where the CAGR is undefined: a first value of 0, or a single year. */
  readonly cagr: { readonly total: Decimal | null; readonly frontier: Decimal | null };
}

export interface SegmentForecast {
  readonly id: string;
  readonly label: Label;
  readonly group?: string;
  /** For a segment given as firms × perFirm. */
  readonly firms?: Yearly;
  readonly perFirm?: Yearly;
  readonly total: Yearly;
  readonly frontier: Yearly;
  readonly frontierShare: Yearly;
}

export interface GroupForecast {
  readonly id: string;
  readonly label: Label;
  readonly total: Yearly;
  readonly frontier: Yearly;
  readonly frontierShare: Yearly;
}

export interface LabourForecast {
  readonly years: readonly Year[];
  readonly institutions: readonly InstitutionForecast[];
  readonly humanCost: Yearly;
  readonly saving: Yearly;
  readonly cumulativeSaving: Yearly;
  /** Σ of each institution's netSaving, or its saving where it has no smartServiceCost. */
  readonly netSaving: Yearly;
}

export interface InstitutionForecast {
  readonly id: string;
  readonly label: Label;
  readonly humanServiceCost: Yearly;
  readonly replacementRate: Yearly;
  readonly humanCost: Yearly;
  /** humanCost in the year before the first, which the first saving needs. */
  readonly humanCostBefore: Decimal;
  readonly saving: Yearly;
  readonly cumulativeSaving: Yearly;
  readonly smartServiceCost?: Yearly;
  readonly netSaving?: Yearly;
}

export interface TechnologiesForecast {
  readonly years: readonly Year[];
  readonly items: readonly TechnologyForecast[];
  readonly total: Yearly;
  /** Yearly growth, from the second year on. */
  readonly growth: Yearly;
  readonly cagr: Decimal | null;
}

export interface TechnologyForecast {
  readonly id: string;
  readonly label: Label;
  readonly spend: Yearly;
  readonly growth: Yearly;
  readonly cagr: Decimal | null;
}

export interface CaseForecast {
  readonly market?: MarketForecast;
  readonly profit?: ProfitForecast;
  readonly spend?: SpendForecast;
  readonly labour?: LabourForecast;
  readonly tech?: TechnologiesForecast;
}

export type TableName = 'market' | 'profit' | 'spend' | 'labour' | 'tech';
export const TABLES: readonly TableName[] = ['market', 'profit', 'spend', 'labour', 'tech'];

export interface Forecast {
  readonly scenario: { readonly name: string; readonly title: string };
  readonly cases: ReadonlyMap<Case, CaseForecast>;
}
