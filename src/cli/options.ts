// The options forecast and diff share (SPEC §4), checked into typed values.
import { Decimal } from '../decimal.js';
import type { Case, TableName } from '../engine/types.js';
import { CASES, TABLES } from '../engine/types.js';
import type { Lang } from '../render/labels.js';
import { didYouMean } from '../suggest.js';
import { AMOUNT_UNITS, OUTPUT_UNITS } from '../units.js';
import { UsageError } from './exit.js';
import type { Io } from './io.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
export const FORMATS: readonly Format[] = ['table', 'json', 'csv', 'md'];

/** As commander hands them over; a command without -c, -t or --no-color has none. */
export interface RawOutputOptions {
  readonly table?: string;
  readonly case?: string;
  readonly format: string;
  readonly unit: string;
  readonly lang?: string;
  readonly color?: boolean;
  readonly out?: string;
  /** --set path=value, in order. */
  readonly set: readonly string[];
  /** --stamp / --no-stamp; by default only JSON is stamped. */
  readonly stamp?: boolean;
}

export interface OutputOptions {
  /** The tables asked for, or undefined for every table a scenario has. */
  readonly tables: readonly TableName[] | undefined;
  readonly cases: readonly Case[];
  readonly format: Format;
  readonly unit: string;
  readonly lang: Lang;
  readonly color: boolean;
  readonly out: string | undefined;
}

/** The options checked; `formats` are those the command prints. */
export function checkOutputOptions(raw: RawOutputOptions, io: Io, formats: readonly Format[] = FORMATS): OutputOptions {
  const oneOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`${option}: '${value}' is not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`);
  };
  const tables =
    raw.table === undefined
      ? undefined
      : raw.table.split(',').map((name) => oneOf('--table', name.trim(), TABLES));
  const c = oneOf('--case', raw.case ?? 'base', [...CASES, 'all']);
  const format = oneOf('--format', raw.format, formats);
  if (!AMOUNT_UNITS.has(raw.unit)) {
    throw new UsageError(`--unit: '${raw.unit}' is not a unit${didYouMean(raw.unit, AMOUNT_UNITS.keys())}; expected one of ${OUTPUT_UNITS.join(', ')}`);
  }
  const lang = raw.lang === undefined ? defaultLang(io.env) : parseLang(raw.lang);
  const noColor = (io.env.NO_COLOR ?? '') !== '';
  return {
    tables,
    cases: c === 'all' ? CASES : [c],
    format,
    unit: raw.unit,
    lang,
    color: raw.color === true && !noColor && raw.out === undefined && io.stdoutIsTerminal,
    out: raw.out,
  };
}

/** --lang: en or zh. */
export function parseLang(text: string): Lang {
  if (text === 'en' || text === 'zh') return text;
  throw new UsageError(`--lang: '${text}' is not one of en, zh${didYouMean(text, ['en', 'zh'])}`);
}

/** zh when the locale (LC_ALL, else LANG) is Chinese, else en. */
export function defaultLang(env: Io['env']): Lang {
  const locale = env.LC_ALL || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A percentage option (`10%`) as a fraction, at most `max`. */
export function parsePercentOption(option: string, text: string, example: string, max?: Decimal): Decimal {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*%\s*$/.exec(text);
  if (!match) throw new UsageError(`${option}: expected a percentage such as ${example}, got '${text}'`);
  const fraction = new Decimal(match[1]!).dividedBy(100);
  if (max !== undefined && fraction.greaterThan(max)) throw new UsageError(`${option}: at most ${max.times(100).toFixed()}%, got '${text}'`);
  return fraction;
}

/** Whether to stamp: --stamp or --no-stamp, else only JSON. */
export function wantsStamp(option: boolean | undefined, format: string): boolean {
  return option ?? format === 'json';
}
