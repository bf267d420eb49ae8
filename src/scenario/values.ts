// Values (SPEC §2.1): amounts, ratios and growth rates, written as numbers,
// strings with units, ranges in five forms or {low, base, high}, optionally
// annotated with source and note. Each becomes a Range of Decimal in 亿元 or as
// a fraction; a plain value has low = base = high.
import { Decimal, midpoint, parseDecimal } from '../shared/decimal.js';
import type { Distribution, DistributionShape, Provenance, Range, Written } from '../engine/types.js';
import { isOutOfRange, RANGE_TEXT, type NumberKind } from '../shared/limits.js';
import { didYouMean } from '../shared/suggest.js';
import { AMOUNT_UNITS, unitSize } from '../shared/units.js';
import type { Pos, Problems } from './problems.js';
import type { RawMap, RawNode } from './raw.js';
import { asciiNumerals, NUMBER, PERCENT_SIGNS, RANGE_SPLIT } from './syntax.js';
import { DISTRIBUTION_KEYS, fitsDistribution, readSampling } from './distribution.js';

/**
 * amount: ≥ 0, in a unit; ratio: a fraction in [0, 1]; growth: a yearly rate, > −100%;
 * count: a whole number ≥ 0. Each within its limits (limits.ts).
 */
export type ValueKind = NumberKind;

export interface Value {
  readonly range: Range;
  /** How simulate samples the range, if the value says (`dist: pert`). */
  readonly dist?: Distribution;
  readonly shape?: DistributionShape;
  /** Written as a range (60～70%, {low, high}), even if its ends are equal. */
  readonly isRange: boolean;
  /** Written without a base, which is then the midpoint of its ends. */
  readonly baseIsMidpoint: boolean;
  readonly source?: string;
  readonly note?: string;
  readonly pos: Pos;
}

export interface ReadContext {
  readonly problems: Problems;
  /** Where each input's values came from, filled in as inputs are read. */
  readonly provenance: Map<string, Provenance>;
  /** The size in 亿元 of a bare number that is an amount (the file's `unit`). */
  readonly unitSize: Decimal;
  readonly unitName: string;
  /**
   * When values come from several files (extends, --set): the unit of the bare
   * amounts written at a position, which replaces unitSize and unitName there.
   */
  readonly unitAt?: (pos: Pos) => { readonly unitSize: Decimal; readonly unitName: string };
  /** The yearly values the scenario's series have taken so far (series.ts, MAX_SERIES_YEARS). */
  readonly seriesYears?: { count: number };
}

/** The context for a value written at `pos`: bare amounts in the unit of the file it is in. */
function contextAt(pos: Pos, ctx: ReadContext): ReadContext {
  return ctx.unitAt ? { ...ctx, ...ctx.unitAt(pos) } : ctx;
}

const ANNOTATION_KEYS = ['value', 'low', 'base', 'high', 'source', 'note', ...DISTRIBUTION_KEYS];
const CASE_KEYS = ['low', 'base', 'high'];

const TERM = new RegExp(String.raw`^\s*(${NUMBER})\s*([^\s\d.+-][^\s]*)?\s*$`);
const PLAIN_NUMBER = new RegExp(`^${NUMBER}$`);
const SPLIT = new RegExp(RANGE_SPLIT);
const PERCENT = new Set(PERCENT_SIGNS);
/** Numbers in other bases (YAML 1.2 reads 0x10 and 0o17 as numbers), with what follows them. */
const OTHER_BASE = /^([+-]?)(0x[0-9a-f]+|0o[0-7]+|0b[01]+)(\S*)$/i;
const BASE_NAMES: Record<string, string> = { x: 'a hexadecimal', o: 'an octal', b: 'a binary' };
/** Digits grouped with _ (YAML 1.1's 1_000), or by commas other than in thousands. */
const UNDERSCORED = /^[+-]?[\d.]*\d_\d/;
const MISGROUPED = /^[+-]?[\d.]*\d,/;
/** Texts longer than this are quoted shortened in messages. */
const QUOTE_LIMIT = 60;

export function expected(kind: ValueKind, unitName: string): string {
  switch (kind) {
    case 'amount':
      return `an amount (a number in ${unitName}, or with a unit: 6.1万亿, 1500亿, 12bn), `
        + 'a range (60～70亿) or {low, base, high}';
    case 'ratio':
      return 'a ratio (0.66 or 66%), a range (60～70%) or {low, base, high}';
    case 'growth':
      return 'a yearly growth rate (5% or 0.05), a range (13～14%) or {low, base, high}';
    case 'count':
      return 'a whole number ≥ 0 (40), a range (30～40) or {low, base, high}';
  }
}

/** A value as the provenance of an input records it. */
export function written(value: Value): Written {
  return {
    where: { file: value.pos.file, line: value.pos.line, col: value.pos.col },
    range: value.range,
    isRange: value.isRange,
    ...(value.baseIsMidpoint && { baseIsMidpoint: true }),
    ...(value.dist && { dist: value.dist }),
    ...(value.shape && { shape: value.shape }),
    ...(value.source !== undefined && { source: value.source }),
    ...(value.note !== undefined && { note: value.note }),
  };
}

/** Reads a value node; reports problems and returns undefined when it is not a valid value. */
export function readValue(node: RawNode, kind: ValueKind, path: string, context: ReadContext): Value | undefined {
  const ctx = contextAt(node.pos, context);
  if (node.kind === 'map') return readAnnotated(node, kind, path, ctx);
  if (node.kind === 'seq' || node.type === 'boolean' || node.type === 'null') {
    const got = node.kind === 'seq' ? 'a list' : node.text === '' ? 'nothing' : `'${node.text}'`;
    ctx.problems.add(node.pos, path, `expected ${expected(kind, ctx.unitName)}, got ${got}`);
    return undefined;
  }
  const range = readRangeText(node.text, kind, node.pos, path, ctx);
  return range && { range, pos: node.pos, isRange: rangeEnds(node.text).length > 1, baseIsMidpoint: true };
}

function readAnnotated(node: RawMap, kind: ValueKind, path: string, ctx: ReadContext): Value | undefined {
  const { problems } = ctx;
  const get = (key: string) => node.entries.find((entry) => entry.key === key)?.value;
  let ok = true;
  for (const entry of node.entries) {
    if (!ANNOTATION_KEYS.includes(entry.key)) {
      const suggestion = didYouMean(entry.key, ANNOTATION_KEYS);
      const message = `unknown key; a value map takes ${ANNOTATION_KEYS.join(', ')}${suggestion}`;
      problems.add(entry.keyPos, `${path}.${entry.key}`, message);
      ok = false;
    }
  }
  const source = readText(get('source'), `${path}.source`, ctx);
  const sampling = readSampling(node, kind, path, {
    problems,
    single: (item, itemKind, itemPath) => readSingle(item, itemKind, itemPath, ctx),
    plain: readPlainNumber,
  });
  if (sampling === undefined) ok = false;
  const { dist, shape } = sampling ?? {};
  const note = readText(get('note'), `${path}.note`, ctx);
  const value = get('value');
  const [low, base, high] = [get('low'), get('base'), get('high')];
  let range: Range | undefined = sampling?.range;
  let isRange = low !== undefined || range !== undefined;
  // A discrete value's base is its most likely value (or written), not a midpoint.
  let baseIsMidpoint = base === undefined && range === undefined;
  if (range !== undefined || sampling === undefined) {
    // a discrete value's range is read from its values
  } else if (value !== undefined) {
    if (low ?? base ?? high) {
      problems.add(node.pos, path, 'give either value or low/base/high, not both');
      return undefined;
    }
    const inner = readValue(value, kind, `${path}.value`, ctx);
    range = inner?.range;
    isRange = inner?.isRange ?? false;
    baseIsMidpoint = inner?.baseIsMidpoint ?? true;
  } else if (low !== undefined && high !== undefined) {
    const ends = [low, base, high].map((end, i) => end && readSingle(end, kind, `${path}.${CASE_KEYS[i]}`, ctx));
    const [l, b, h] = ends;
    if (l && h && (base === undefined || b)) {
      range = ordered({ low: l, base: b ?? midpoint(l, h), high: h }, kind, node.pos, path, ctx);
    }
  } else {
    problems.add(node.pos, path, `expected ${expected(kind, ctx.unitName)}: a value map needs value, or low and high`);
    return undefined;
  }
  if (!ok || range === undefined || source === null || note === null) return undefined;
  if (!fitsDistribution(dist, range, node.pos, path, problems)) return undefined;
  return {
    range,
    pos: node.pos,
    isRange,
    baseIsMidpoint,
    ...(source !== undefined && { source }),
    ...(note !== undefined && { note }),
    ...(dist && { dist }),
    ...(shape && { shape }),
  };
}

/** A single number (not a range), for the ends of a {low, base, high} map. */
function readSingle(node: RawNode, kind: ValueKind, path: string, ctx: ReadContext): Decimal | undefined {
  if (node.kind !== 'scalar' || node.type === 'boolean' || node.type === 'null') {
    const example = { amount: '1500亿', ratio: '66%', growth: '5%', count: '40' }[kind];
    ctx.problems.add(node.pos, path, `expected a single value, e.g. ${example}`);
    return undefined;
  }
  const range = readRangeText(node.text, kind, node.pos, path, ctx);
  if (range && !range.low.equals(range.high)) {
    ctx.problems.add(node.pos, path, 'expected a single value here, not a range');
    return undefined;
  }
  return range?.base;
}

function readText(node: RawNode | undefined, path: string, ctx: ReadContext): string | undefined | null {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar' && node.type !== 'null') return node.text;
  ctx.problems.add(node.pos, path, 'expected a text');
  return null;
}

/** The ends of a value as written (one, or two for a range), in ASCII numerals. */
function rangeEnds(text: string): string[] {
  return asciiNumerals(text).trim().split(SPLIT);
}

/** A text as messages quote it: a long one cut short, with its length. */
export function quoted(text: string): string {
  return text.length <= QUOTE_LIMIT ? `'${text}'` : `'${text.slice(0, 40)}…' (${text.length} characters)`;
}

/** Parses a scalar as written: a single value with its unit, or a range in one of the written forms. */
export function readRangeText(
  text: string,
  kind: ValueKind,
  pos: Pos,
  path: string,
  context: ReadContext,
): Range | undefined {
  const ctx = contextAt(pos, context);
  const fail = (message: string) => {
    ctx.problems.add(pos, path, message);
    return undefined;
  };
  const ends = rangeEnds(text);
  const notAValue = `${quoted(text)} is not a value: expected ${expected(kind, ctx.unitName)}`;
  if (ends.length > 2) return fail(notAValue);
  const notation = ends.map((end) => notationProblem(end, text)).find((problem) => problem !== undefined);
  if (notation) return fail(notation);
  const terms = ends.map((end) => TERM.exec(end));
  if (terms.some((term) => term === null)) return fail(notAValue);
  const numbers = terms.map((term) => parseDecimal(term![1]!.replace(/,/g, '')));
  const unreadable = numbers.find((number) => typeof number === 'string');
  if (unreadable === 'too many digits') return fail(tooManyDigits(text));
  if (unreadable) return fail(`${quoted(text)} ${outOfRange(kind)}`);
  const decimals = numbers as Decimal[];
  // A unit written on one end only applies to both (60～70%).
  const units = terms.map((term) => term![2]);
  const shared = units.find((unit) => unit !== undefined);
  const fractional = kind === 'ratio' || kind === 'growth';
  if (shared === undefined && fractional && decimals.some((number) => number.abs().greaterThan(1))) {
    const written = text.trim();
    const suggestion = written.length <= QUOTE_LIMIT
      ? `${written} is not a ratio (did you mean ${written}%?)`
      : `${quoted(written)} is not a ratio`;
    return fail(`${suggestion}; expected a fraction in [0, 1] or a percentage`);
  }
  const values = decimals.map((number, i) => toDecimal(number, units[i] ?? shared, kind, text, pos, path, ctx));
  if (values.some((value) => value === undefined)) return undefined;
  if (values.some((value) => isOutOfRange(kind, value!))) return fail(`${quoted(text)} ${outOfRange(kind)}`);
  const [low, high] = [values[0]!, values[values.length - 1]!];
  return ordered({ low, base: midpoint(low, high), high }, kind, pos, path, ctx);
}

/**
 * A number alone, without a unit (as a command-line option writes one): its
 * value; a message when it is written in a notation we do not read (0x10, 1_000,
 * more digits than are held); undefined when it is not a number at all, or
 * beyond any range (1e99999999999999999).
 */
export function readPlainNumber(text: string): Decimal | string | undefined {
  const end = asciiNumerals(text).trim();
  const notation = notationProblem(end, text);
  if (notation) return notation;
  if (!PLAIN_NUMBER.test(end)) return undefined;
  const number = parseDecimal(end.replace(/,/g, ''));
  if (number === 'too many digits') return tooManyDigits(text);
  return typeof number === 'string' ? undefined : number;
}

/** One number and what follows it (a unit, a percent sign, or nothing), as an option writes it. */
export interface OptionValue {
  readonly number: Decimal;
  readonly unit: string | undefined;
}

/**
 * One value as a command-line option writes it (--target, --tolerance, --fail-on):
 * one number in the value syntax (signs, exponents, thousands separators,
 * full-width digits) and its unit or percent sign, if any; or what is wrong with
 * it (a range, another notation, not a number, more digits than are held). The
 * caller gives the unit its meaning and checks the range of its kind.
 */
export function readOptionValue(text: string): OptionValue | string {
  const ends = rangeEnds(text);
  if (ends.length > 1) return `expected one value, not a range: ${quoted(text)}`;
  const notation = notationProblem(ends[0]!, text);
  if (notation) return notation;
  const term = TERM.exec(ends[0]!);
  if (term === null) return `${quoted(text)} is not a number`;
  const number = parseDecimal(term[1]!.replace(/,/g, ''));
  if (number === 'too many digits') return tooManyDigits(text);
  if (typeof number === 'string') {
    return `${quoted(text)} is ${number === 'too large' ? 'far too large' : 'far too small'} a number`;
  }
  return { number, unit: term[2] };
}

function tooManyDigits(text: string): string {
  return `${quoted(text)} has more than ${Decimal.precision} significant digits, more than are held exactly`;
}

/** `is out of range: <the kind's range>`. */
function outOfRange(kind: ValueKind): string {
  return `is out of range: ${RANGE_TEXT[kind]}`;
}

/** What is wrong with an end written in a notation we do not read: another base, _ or misplaced commas. */
function notationProblem(end: string, text: string): string | undefined {
  const otherBase = OTHER_BASE.exec(end);
  if (otherBase) {
    const [, sign, digits, rest] = otherBase as unknown as [string, string, string, string];
    const inDecimal = digits.length <= 24 ? ` (${sign}${BigInt(digits.toLowerCase())}${rest})` : '';
    return `${quoted(text)} is ${BASE_NAMES[digits[1]!.toLowerCase()]} number; write numbers in decimal${inDecimal}`;
  }
  if (UNDERSCORED.test(end)) return `${quoted(text)} groups digits with _; write 1000 or 1,000`;
  const term = TERM.exec(end);
  if (MISGROUPED.test(end) && (term === null || term[2]?.startsWith(','))) {
    return `${quoted(text)} is not a number: a comma may only group thousands, as in 125,000`;
  }
  return undefined;
}

/** A number as a value of its kind, in 亿元 or as a fraction; problems reported. */
function toDecimal(
  number: Decimal,
  unit: string | undefined,
  kind: ValueKind,
  text: string,
  pos: Pos,
  path: string,
  ctx: ReadContext,
): Decimal | undefined {
  const { problems } = ctx;
  if (kind === 'amount') {
    if (unit !== undefined && PERCENT.has(unit)) {
      problems.add(pos, path, `${quoted(text)} is a percentage, expected ${expected(kind, ctx.unitName)}`);
      return undefined;
    }
    const size = unit === undefined ? ctx.unitSize : unitSize(unit);
    if (size === undefined) {
      const units = [...AMOUNT_UNITS.keys()];
      const message = `unknown unit ${quoted(unit!)}${didYouMean(unit!, units)}; expected one of ${units.join(' ')}`;
      problems.add(pos, path, message);
      return undefined;
    }
    if (number.isNegative() && !number.isZero()) {
      problems.add(pos, path, `negative amount ${quoted(text)}; amounts are ≥ 0`);
      return undefined;
    }
    return number.times(size);
  }
  if (kind === 'count') {
    if (unit !== undefined || number.isNegative() || !number.isInteger()) {
      problems.add(pos, path, `${quoted(text)} is not a count: expected ${expected(kind, ctx.unitName)}`);
      return undefined;
    }
    return number;
  }
  // Ratios and growth rates: a fraction, or a percentage.
  if (unit !== undefined && !PERCENT.has(unit)) {
    problems.add(pos, path, `${quoted(text)} has the unit ${quoted(unit)}, expected ${expected(kind, ctx.unitName)}`);
    return undefined;
  }
  const fraction = unit === undefined ? number : number.dividedBy(100);
  if (kind === 'ratio' && (fraction.isNegative() || fraction.greaterThan(1)) && !fraction.isZero()) {
    problems.add(pos, path, `${quoted(text)} is outside 0%..100%; a ratio lies in [0, 1]`);
    return undefined;
  }
  if (kind === 'growth' && fraction.lessThanOrEqualTo(-1)) {
    problems.add(pos, path, `growth ${quoted(text)} would leave nothing; expected a rate above -100%`);
    return undefined;
  }
  return fraction;
}

/** The range if low ≤ base ≤ high and its base within the limits (its ends have been checked as read). */
function ordered(range: Range, kind: ValueKind, pos: Pos, path: string, ctx: ReadContext): Range | undefined {
  if (!range.low.lessThanOrEqualTo(range.base) || !range.base.lessThanOrEqualTo(range.high)) {
    const order = `low ${range.low}, base ${range.base}, high ${range.high}`;
    ctx.problems.add(pos, path, `range out of order (${order}); expected low ≤ base ≤ high`);
    return undefined;
  }
  if (isOutOfRange(kind, range.base)) {
    // A base written as a value has been checked: this one is a midpoint (0～1e-12).
    ctx.problems.add(pos, path, `its midpoint ${range.base}${kind === 'amount' ? ' 亿元' : ''} ${outOfRange(kind)}`);
    return undefined;
  }
  return range;
}
