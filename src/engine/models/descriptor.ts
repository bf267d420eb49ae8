// What a model file describes, once: the inputs a scenario gives it (their
// shape in the file, kinds, defaults, labels, and the checks that tie them
// together), its output lines (keys, kinds, labels, order) and its formulas.
// Decoding, --set paths, the JSON Schema, the inputs by path, the lines, the
// JSON and CSV shape and the table labels are all derived from these.
import { sum, type Decimal } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { CASES, type Case, type InputProblem, type Label, type Series, type ValueKind, type Year } from '../values.js';

/** The report's value of an input a scenario leaves out, as a file would write it, and where the report says so. */
export interface Default {
  readonly value: string;
  readonly source: string;
}

/** An input: a value, or a series of values by year (SPEC §2.1, §2.2). */
export interface InputShape {
  readonly kind: 'input';
  readonly value: ValueKind;
  readonly label: Label;
  /** For the JSON Schema: what it is, and whether it is required. */
  readonly doc: string;
  /** The report's value where a scenario leaves it out; without one, it is required, unless `optional`. */
  readonly default?: Default;
  readonly optional?: true;
  /** The values the report makes plausible for it (check warns of others). */
  readonly plausible?: Plausible;
}

/**
 * Plausible values where the report fixes an input's scale. A value outside is
 * most often a percentage written as a fraction (0.9 for 0.9%) or an amount in
 * the wrong unit (12.5 in a file in 亿元, for 12.5万亿).
 */
export interface Plausible {
  /** What the input is, and what the report says of it. */
  readonly what: Label;
  readonly report: Label;
  readonly min: Decimal;
  readonly max: Decimal;
  readonly expected: Label;
}

/**
 * A map of known keys: a model's section, or one named item of a collection.
 * Its decoded value is the map with each field decoded: an input → a Series
 * (absent if optional and not given), a collection → its items in order
 * ({id, label, ...fields}), a flag → a boolean, a text → a string.
 */
export interface SectionShape {
  readonly kind: 'section';
  readonly doc: string;
  /** What a value that is not a map should have been: 'a mode: {share, penetration, costSavings, label}'. */
  readonly expect: string;
  readonly fields: Readonly<Record<string, Shape>>;
  /** Inputs it takes in one of several forms (spend, or firms and perFirm). */
  readonly alternatives?: readonly Alternatives[];
  /** What ties its inputs together, checked once they are all read. */
  readonly check?: Check<never>;
}

/** The forms of some inputs of a section: one form may be given, not two. */
export interface Alternatives {
  readonly forms: readonly (readonly string[])[];
  /** Whether a form must be given: when none is, the first is asked for. */
  readonly required: boolean;
  /** The message when two are given, at the first key of the second. */
  readonly conflict: string;
}

/** A map of named items (modes, segments, ...), each a section. */
export interface NamedShape {
  readonly kind: 'named';
  /** One item, in messages: 'mode'. */
  readonly what: string;
  readonly doc: string;
  readonly item: SectionShape;
  readonly required: boolean;
  /** What ties the items together (their shares sum to at most 100%). */
  readonly check?: Check<never>;
}

/**
 * An input that may instead be a mix of named channels: {mix: {<channel>: {...}}}. Decoded: a Series, or {mix: items}.
 */
export interface InputOrMixShape {
  readonly kind: 'inputOrMix';
  readonly doc: string;
  readonly input: InputShape;
  readonly mix: NamedShape;
}

/**
 * A text; with `names`, the id of an item of the section's collection of that key, each of which must be named by one.
 */
export interface TextShape {
  readonly kind: 'text';
  readonly doc: string;
  readonly names?: string;
}

export interface FlagShape {
  readonly kind: 'boolean';
  readonly doc: string;
  readonly default: boolean;
}

export type Shape =
  | SectionShape
  | NamedShape
  | InputShape
  | InputOrMixShape
  | TextShape
  | FlagShape
  | { readonly kind: 'years' | 'label' | 'unit' | 'version' | 'simulation'; readonly doc: string };

/** Where a check looks: the path of what it checks, and the years of its model's inputs. */
export interface CheckedAt {
  readonly path: string;
  readonly years: readonly Year[];
}

/** A check of decoded inputs: the problems found, each at a path (decoding turns paths into file positions). */
export type Check<T> = (value: T, at: CheckedAt) => InputProblem[];

export const label: Shape = { kind: 'label', doc: 'Row label: a text, or {en, zh}.' };
export const years: Shape = {
  kind: 'years',
  doc: 'Years of this model: 2019..2023 or {from, to}; defaults to the top-level years.',
};

/** The keys of a section. */
export function keysOf(shape: Shape): string[] {
  return shape.kind === 'section' ? Object.keys(shape.fields) : [];
}

/** A fraction as a percentage in a message: 105%, 99.5%. */
export function percent(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(4).toFixed()}%`;
}

/** The first year and case (in order) in which the parts sum to a total that `fails`, with that total. */
export function firstFailingSum(
  parts: readonly Series[],
  years: readonly Year[],
  fails: (total: Decimal) => boolean,
): { year: Year; c: Case; total: Decimal } | undefined {
  for (const year of years) {
    for (const c of CASES) {
      const total = sum(parts.map((part) => part.get(year)![c]));
      if (fails(total)) return { year, c, total };
    }
  }
  return undefined;
}

/** One output line: a metric of the model's forecast (or of each of its items) over the years. */
export interface LineSpec {
  /** Its key in the forecast and in the JSON output. */
  readonly metric: string;
  readonly kind: ValueKind;
  /** Its row in the tables: 'Market space'; for a span (a CAGR), what it is of: 'Total'. */
  readonly label: Label;
  /** Only some items (or forecasts) have it: a segment's firms, an institution's netSaving. */
  readonly optional?: true;
  /** One value over all the years (a CAGR from the first to the last), not one a year. */
  readonly span?: true;
  /** Of a span: its key under `metric` (cagr.total, cagr.frontier); without one, the metric is the value. */
  readonly key?: string;
}

/** The lines of each item of a collection of the forecast (modes, segments, ...). */
export interface ItemsSpec {
  /** The collection's key in the forecast and the JSON output. */
  readonly items: string;
  readonly lines: readonly LineSpec[];
  /** Its rows are subtotals of other items: "Funds (subtotal): spend". */
  readonly subtotal?: true;
  readonly json: {
    /** Whether an item's JSON holds its label (in the output's language). */
    readonly label: boolean;
    /** The item's texts its JSON holds where it has them, before its lines: a segment's group. */
    readonly attributes?: readonly string[];
    /** Left out of the JSON when there are no items. */
    readonly omitEmpty?: true;
  };
}

export type OutputSpec = LineSpec | ItemsSpec;

export function isItems(output: OutputSpec): output is ItemsSpec {
  return 'items' in output;
}

/**
 * A line's value in a forecast or item (a Yearly; for a span a number or null); undefined where an optional line is
 * not.
 */
export function lineValue(spec: LineSpec, holder: Readonly<Record<string, unknown>>): unknown {
  return spec.key === undefined
    ? holder[spec.metric]
    : (holder[spec.metric] as Readonly<Record<string, unknown>>)[spec.key];
}

/** A model another builds on: profit on the market of the same case (or sample). */
export interface BuildsOn {
  readonly table: string;
  readonly section: string;
  /** Why, for the message when a scenario has the one without the other. */
  readonly why: string;
}

/**
 * A model: its table (output key) and section (scenario key), its inputs,
 * outputs and formulas. `forecast` is written over Calc<N>, so it runs in
 * every back-end; `base` is the forecast and inputs of the model it builds on.
 */
export interface Model<Table extends string = string, Section extends string = string> {
  readonly table: Table;
  readonly section: Section;
  /** The title of its table. */
  readonly label: Label;
  readonly inputs: SectionShape;
  /** The years its inputs cover, when more than its own (the year before the first, for a change over it). */
  readonly inputYears?: (years: readonly Year[]) => readonly Year[];
  readonly buildsOn?: BuildsOn;
  readonly outputs: readonly OutputSpec[];
  readonly forecast: <N>(calc: Calc<N>, inputs: never, input: InputReader<N>, base: never) => object;
}

/** The forecast and inputs of the model another builds on. */
export interface Base<F, I> {
  readonly forecast: F;
  readonly inputs: I;
}
