// The values the engine works on: cases, years, ranges and series of the
// inputs, labels, and where a written value comes from. Leaf types (no imports
// from the rest of the engine), so that the models and the calculators can use
// them without importing the Scenario and Forecast types built from the models.
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

/**
 * A computed series: one number per year of the module. The forecast types are
 * generic in the number: Decimal for forecasts (the default), a vector of
 * float64 samples for simulate; the models are written once for both (calc.ts).
 */
export type Yearly<N = Decimal> = ReadonlyMap<Year, N>;

/** What a number is: an amount (in 亿元), a ratio (a fraction) or a count (of firms). */
export type ValueKind = 'amount' | 'ratio' | 'count';

export interface Label {
  readonly en: string;
  readonly zh: string;
}

/** A named item of a model: a mode, segment, group, channel, institution or technology. */
export interface Item {
  readonly id: string;
  readonly label: Label;
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
export const DISTRIBUTIONS: readonly Distribution[] = [
  'triangular',
  'uniform',
  'pert',
  'normal',
  'lognormal',
  'discrete',
];
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

/** One written value of an input, with what its author said of it. */
export interface Written {
  readonly where: Where;
  readonly range: Range;
  readonly dist?: Distribution;
  readonly shape?: DistributionShape;
  /** Written as a range (60～70%, {low, high}), even if its ends are equal. */
  readonly isRange: boolean;
  /** Written without a base, which is then the midpoint of its ends (SPEC §2.1): it moves with them. */
  readonly baseIsMidpoint?: true;
  readonly source?: string;
  readonly note?: string;
}

/** How an input's yearly values are made from what is written (SPEC §2.2). */
export type Interpolation = 'linear' | 'cagr' | 'step';

/** How an input's yearly values were obtained, for explain, and to make them again with one value changed (solve). */
export interface Provenance {
  /** The input's path, as --set takes it: supplyChain.modes.receivables.penetration. */
  readonly path: string;
  readonly kind: ValueKind;
  /** constant: one value every year; default: the report's value, not written. */
  readonly method: 'constant' | 'default' | Interpolation | 'growth';
  /** The anchors by year (for constant and default, under the year 0). */
  readonly anchors: ReadonlyMap<Year, Written>;
  readonly growth?: Written;
}

/**
 * A problem with the inputs found by the engine (a model's checks, a series that leaves its range): where, and what.
 */
export interface InputProblem {
  /** The path it is about: supplyChain.modes, techSpend.segments.payment.frontier. */
  readonly path: string;
  readonly message: string;
  /** The path whose written value a file position should point at, when not `path` itself. */
  readonly at?: string;
}
