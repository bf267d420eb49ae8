// Values (SPEC §2.1): amounts, ratios and growth rates, written as numbers,
// strings with units, ranges in five forms or {low, base, high}, optionally
// annotated with source and note. Each becomes a Range of Decimal in 亿元 or as
// a fraction; a plain value has low = base = high.
import { Decimal } from '../decimal.js';
import { DISTRIBUTIONS, type Distribution, type Provenance, type Range, type Written } from '../engine/types.js';
import { didYouMean } from '../suggest.js';
import { AMOUNT_UNITS, unitSize } from '../units.js';
import type { Pos, Problems } from './problems.js';
import type { RawMap, RawNode } from './raw.js';
import { NUMBER, PERCENT_SIGNS, RANGE_SPLIT } from './syntax.js';

/** amount: ≥ 0, in a unit; ratio: a fraction in [0, 1]; growth: a yearly rate, > −100%; count: a whole number ≥ 0. */
export type ValueKind = 'amount' | 'ratio' | 'growth' | 'count';

export interface Value {
  readonly range: Range;
  /** How simulate samples the range, if the value says (`dist: pert`). */
  readonly dist?: Distribution;
  /** Written as a range (60～70%, {low, high}), even if its ends are equal. */
  readonly isRange: boolean;
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
}

const ANNOTATION_KEYS = ['value', 'low', 'base', 'high', 'source', 'note', 'dist'];

const TERM = new RegExp(String.raw`^\s*(${NUMBER})\s*([^\s\d.+-][^\s]*)?\s*$`);
const SEPARATOR = new RegExp(RANGE_SPLIT);
const PERCENT = new Set(PERCENT_SIGNS);

export function expected(kind: ValueKind, unitName: string): string {
  switch (kind) {
    case 'amount':
      return `an amount (a number in ${unitName}, or with a unit: 6.1万亿, 1500亿, 12bn), a range (60～70亿) or {low, base, high}`;
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
    ...(value.dist && { dist: value.dist }),
    ...(value.source !== undefined && { source: value.source }),
    ...(value.note !== undefined && { note: value.note }),
  };
}

/** Reads a value node; reports problems and returns undefined when it is not a valid value. */
export function readValue(node: RawNode, kind: ValueKind, path: string, ctx: ReadContext): Value | undefined {
  if (node.kind === 'map') return readAnnotated(node, kind, path, ctx);
  if (node.kind === 'seq' || node.type === 'boolean' || node.type === 'null') {
    const got = node.kind === 'seq' ? 'a list' : node.text === '' ? 'nothing' : `'${node.text}'`;
    ctx.problems.add(node.pos, path, `expected ${expected(kind, ctx.unitName)}, got ${got}`);
    return undefined;
  }
  const range = readRangeText(node.text, kind, node.pos, path, ctx);
  return range && { range, pos: node.pos, isRange: node.text.trim().split(SEPARATOR).length > 1 };
}

function readAnnotated(node: RawMap, kind: ValueKind, path: string, ctx: ReadContext): Value | undefined {
  const { problems } = ctx;
  const get = (key: string) => node.entries.find((entry) => entry.key === key)?.value;
  let ok = true;
  for (const entry of node.entries) {
    if (!ANNOTATION_KEYS.includes(entry.key)) {
      problems.add(entry.keyPos, `${path}.${entry.key}`, `unknown key; a value map takes ${ANNOTATION_KEYS.join(', ')}${didYouMean(entry.key, ANNOTATION_KEYS)}`);
      ok = false;
    }
  }
  const source = readText(get('source'), `${path}.source`, ctx);
  const distNode = get('dist');
  const distText = distNode?.kind === 'scalar' ? distNode.text : '';
  const dist = DISTRIBUTIONS.find((name) => name === distText);
  if (distNode && !dist) {
    problems.add(distNode.pos, `${path}.dist`, `unknown distribution '${distText}'${didYouMean(distText, DISTRIBUTIONS)}; expected ${DISTRIBUTIONS.join(', ')}`);
    ok = false;
  }
  const note = readText(get('note'), `${path}.note`, ctx);
  const value = get('value');
  const [low, base, high] = [get('low'), get('base'), get('high')];
  let range: Range | undefined;
  let isRange = low !== undefined;
  if (value !== undefined) {
    if (low ?? base ?? high) {
      problems.add(node.pos, path, 'give either value or low/base/high, not both');
      return undefined;
    }
    const inner = readValue(value, kind, `${path}.value`, ctx);
    range = inner?.range;
    isRange = inner?.isRange ?? false;
  } else if (low !== undefined && high !== undefined) {
    const ends = [low, base, high].map((end, i) => end && readSingle(end, kind, `${path}.${['low', 'base', 'high'][i]}`, ctx));
    const [l, b, h] = ends;
    if (l && h && (base === undefined || b)) range = ordered({ low: l, base: b ?? midpoint(l, h), high: h }, node.pos, path, ctx);
  } else {
    problems.add(node.pos, path, `expected ${expected(kind, ctx.unitName)}: a value map needs value, or low and high`);
    return undefined;
  }
  if (!ok || range === undefined || (source === null || note === null)) return undefined;
  return { range, pos: node.pos, isRange, ...(source !== undefined && { source }), ...(note !== undefined && { note }), ...(dist && { dist }) };
}

/** A single number (not a range), for the ends of a {low, base, high} map. */
function readSingle(node: RawNode, kind: ValueKind, path: string, ctx: ReadContext): Decimal | undefined {
  if (node.kind !== 'scalar' || node.type === 'boolean' || node.type === 'null') {
    ctx.problems.add(node.pos, path, `expected a single value, e.g. ${{ amount: '1500亿', ratio: '66%', growth: '5%', count: '40' }[kind]}`);
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

/** Parses a scalar as written: a single value with its unit, or a range in one of the five forms. */
export function readRangeText(text: string, kind: ValueKind, pos: Pos, path: string, ctx: ReadContext): Range | undefined {
  const parts = text.trim().split(SEPARATOR);
  if (parts.length > 2) {
    ctx.problems.add(pos, path, `'${text}' is not a value: expected ${expected(kind, ctx.unitName)}`);
    return undefined;
  }
  const terms = parts.map((part) => TERM.exec(part));
  if (terms.some((term) => term === null) || parts.some((part) => part.trim() === '')) {
    ctx.problems.add(pos, path, `'${text}' is not a value: expected ${expected(kind, ctx.unitName)}`);
    return undefined;
  }
  // A unit written on one end only applies to both (60～70%).
  const units = terms.map((term) => term![2]);
  const shared = units.find((unit) => unit !== undefined);
  const values = terms.map((term, i) => toDecimal(term![1]!, units[i] ?? shared, kind, text, pos, path, ctx));
  if (values.some((value) => value === undefined)) return undefined;
  const [low, high] = [values[0]!, values[values.length - 1]!];
  return ordered({ low, base: midpoint(low, high), high }, pos, path, ctx);
}

function toDecimal(
  digits: string,
  unit: string | undefined,
  kind: ValueKind,
  text: string,
  pos: Pos,
  path: string,
  ctx: ReadContext,
): Decimal | undefined {
  const { problems } = ctx;
  const number = new Decimal(digits);
  if (kind === 'amount') {
    if (unit !== undefined && PERCENT.has(unit)) {
      problems.add(pos, path, `'${text}' is a percentage, expected ${expected(kind, ctx.unitName)}`);
      return undefined;
    }
    const size = unit === undefined ? ctx.unitSize : unitSize(unit);
    if (size === undefined) {
      problems.add(pos, path, `unknown unit '${unit}'${didYouMean(unit!, AMOUNT_UNITS.keys())}; expected one of ${[...AMOUNT_UNITS.keys()].join(' ')}`);
      return undefined;
    }
    if (number.isNegative() && !number.isZero()) {
      problems.add(pos, path, `negative amount '${text}'; amounts are ≥ 0`);
      return undefined;
    }
    return number.times(size);
  }
  if (kind === 'count') {
    if (unit !== undefined || number.isNegative() || !number.isInteger()) {
      problems.add(pos, path, `'${text}' is not a count: expected ${expected(kind, ctx.unitName)}`);
      return undefined;
    }
    return number;
  }
  // Ratios and growth rates: a fraction, or a percentage.
  if (unit !== undefined && !PERCENT.has(unit)) {
    problems.add(pos, path, `'${text}' has the unit '${unit}', expected ${expected(kind, ctx.unitName)}`);
    return undefined;
  }
  const fraction = unit === undefined ? number : number.dividedBy(100);
  if (unit === undefined && fraction.abs().greaterThan(1)) {
    problems.add(pos, path, `${digits} is not a ratio (did you mean ${digits}%?); expected a fraction in [0, 1] or a percentage`);
    return undefined;
  }
  if (kind === 'ratio' && (fraction.isNegative() || fraction.greaterThan(1)) && !fraction.isZero()) {
    problems.add(pos, path, `'${text}' is outside 0%..100%; a ratio lies in [0, 1]`);
    return undefined;
  }
  if (kind === 'growth' && fraction.lessThanOrEqualTo(-1)) {
    problems.add(pos, path, `growth '${text}' would leave nothing; expected a rate above -100%`);
    return undefined;
  }
  return fraction;
}

function midpoint(low: Decimal, high: Decimal): Decimal {
  // (x + x) / 2 can round away from x at full precision; a single value is its own midpoint.
  return low.equals(high) ? low : low.plus(high).dividedBy(2);
}

function ordered(range: Range, pos: Pos, path: string, ctx: ReadContext): Range | undefined {
  if (range.low.lessThanOrEqualTo(range.base) && range.base.lessThanOrEqualTo(range.high)) return range;
  ctx.problems.add(pos, path, `range out of order (low ${range.low}, base ${range.base}, high ${range.high}); expected low ≤ base ≤ high`);
  return undefined;
}
