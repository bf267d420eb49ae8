// The output options the commands share (SPEC §4): their definitions, in the
// order help lists them, and their values checked into typed values.
import { Option, type Command, type OptionValues } from '@commander-js/extra-typings';
import { Decimal } from '../shared/decimal.js';
import type { Case, Distribution, TableName } from '../engine/types.js';
import { CASES, RANGE_DISTRIBUTIONS, TABLES } from '../engine/types.js';
import type { Lang } from '../render/labels.js';
import { quoted, readPlainNumber } from '../scenario/values.js';
import { SMALLEST } from '../shared/limits.js';
import { didYouMean, listNames } from '../shared/suggest.js';
import { AMOUNT_UNITS, OUTPUT_UNITS } from '../shared/units.js';
import { collect } from './command.js';
import { UsageError } from './exit.js';
import type { Io } from './io.js';

export type Format = 'table' | 'json' | 'csv' | 'md';
export const FORMATS: readonly Format[] = ['table', 'json', 'csv', 'md'];
/** The text formats and a workbook (forecast, diff and simulate write one). */
export type OutputFormat = Format | 'xlsx';
export const WITH_XLSX: readonly OutputFormat[] = [...FORMATS, 'xlsx'];

/** `a, b or c`. */
function or(words: readonly string[]): string {
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** -t: the tables to show, for the commands that show several. */
export const tableOption = () =>
  new Option(
    '-t, --table <list>',
    `tables to show, comma-separated: ${TABLES.join(',')} (default: every table the scenario has)`,
  );

/** -c: every case and all of them, or one case only. */
export const caseOption = (cases: 'all' | 'one') =>
  new Option('-c, --case <case>', `input case: ${or(cases === 'all' ? [...CASES, 'all'] : CASES)}`).default('base');

/** What every command that prints a forecast's numbers takes: -f (one of `formats`), -u, --lang, -o and --set. */
export function outputOptions<Args extends unknown[], Opts extends OptionValues>(
  command: Command<Args, Opts>,
  formats: readonly OutputFormat[],
) {
  return command
    .addOption(new Option('-f, --format <format>', `output format: ${or(formats)}`).default('table'))
    .addOption(
      new Option('-u, --unit <unit>', `unit of amounts in the output: ${OUTPUT_UNITS.join(', ')}`).default('亿元'),
    )
    .option('--lang <lang>', 'labels and text in en or zh (default: zh when LC_ALL/LANG is zh*, else en)')
    .option('-o, --out <file>', 'write the output to this file (replaced atomically) instead of stdout')
    .option(
      '--set <path=value>',
      'override one input, in any value syntax (repeatable; a bare amount is in the -u unit, null removes), ' +
        'e.g. --set bankProfit.profitShare=2.5%',
      collect,
      [],
    );
}

/** --stamp and --no-stamp; by default only JSON is stamped. */
export const stampOption = () =>
  new Option(
    '--stamp',
    'add the reproducibility stamp (version, extends chain, SHA-256 of each file, --set list) to csv and md output',
  );
export const noStampOption = () => new Option('--no-stamp', 'leave the stamp out of JSON and xlsx output');

export const noColorOption = () => new Option('--no-color', 'no colour, even on a terminal (NO_COLOR=1 does the same)');

/**
 * What forecast and diff take: -t, -c (any case, or all), the output options in `formats`, --stamp, --no-stamp and
 * --no-color.
 */
export function forecastOptions<Args extends unknown[], Opts extends OptionValues>(
  command: Command<Args, Opts>,
  formats: readonly OutputFormat[] = FORMATS,
) {
  const selected = command.addOption(tableOption()).addOption(caseOption('all'));
  return outputOptions(selected, formats)
    .addOption(stampOption())
    .addOption(noStampOption())
    .addOption(noColorOption());
}

/**
 * The values of the output options a command offers, as commander hands them
 * over: those of outputOptions as its definition types them, and -t, -c,
 * --stamp and --no-color where the command offers them (a command's own
 * inferred values must fit these).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- commander's type for 'no options yet'
export type RawOutputOptions = ReturnType<ReturnType<typeof outputOptions<[], {}>>['opts']> & {
  readonly table?: string;
  readonly case?: string;
  readonly stamp?: boolean;
  readonly color?: boolean;
};

export interface OutputOptions<F extends string = Format> {
  /** The tables asked for, or undefined for every table a scenario has. */
  readonly tables: readonly TableName[] | undefined;
  readonly cases: readonly Case[];
  readonly format: F;
  readonly unit: string;
  readonly lang: Lang;
  readonly color: boolean;
  readonly out: string | undefined;
}

/** The options checked; `formats` are those the command prints. */
export function checkOutputOptions<F extends string = Format>(
  raw: RawOutputOptions,
  io: Io,
  formats: readonly F[] = FORMATS as readonly string[] as readonly F[],
): OutputOptions<F> {
  const oneOf = <T extends string>(option: string, value: string, allowed: readonly T[]): T => {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`${option}: '${value}' is not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`);
  };
  // A table named twice is shown once.
  const named = (list: string) => [...new Set(list.split(',').map((name) => oneOf('--table', name.trim(), TABLES)))];
  const tables = raw.table === undefined ? undefined : named(raw.table);
  const c = oneOf('--case', raw.case ?? 'base', [...CASES, 'all']);
  const format = oneOf('--format', raw.format, formats);
  if (!AMOUNT_UNITS.has(raw.unit)) {
    throw new UsageError(
      `--unit: '${raw.unit}' is not a unit${didYouMean(raw.unit, AMOUNT_UNITS.keys())}; ` +
        `expected one of ${OUTPUT_UNITS.join(', ')}`,
    );
  }
  if (format === 'xlsx' && raw.out === undefined && io.stdoutIsTerminal) {
    throw new UsageError(
      '--format xlsx: a workbook is binary and is not written to a terminal; ' +
        'give -o FILE.xlsx, or redirect standard output',
    );
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

/**
 * A number option as written: decimal notation only (1000, 1e3, 1,000, 2.5; not
 * 0x10, 1_000, Infinity or NaN), accepted when `accept` says so; else a usage error
 * that says what is expected.
 */
function parseNumberOption(
  option: string,
  text: string,
  expectation: string,
  accept: (value: Decimal) => boolean,
  written = text,
): Decimal {
  const value = readPlainNumber(text);
  if (typeof value === 'string') throw new UsageError(`${option}: ${value}; ${expectation}`);
  if (value === undefined || !accept(value)) throw new UsageError(`${option}: ${expectation}, got ${quoted(written)}`);
  // As in a scenario (limits.ts): a nonzero number below the smallest size would become 0 as a float.
  if (!value.isZero() && value.abs().lessThan(SMALLEST)) {
    throw new UsageError(
      `${option}: ${quoted(text)} is too small: a number other than 0 is at least ${SMALLEST} here; ${expectation}`,
    );
  }
  return value;
}

/** A whole number option (-n, --seed) from min to max. */
export function parseWholeOption(option: string, text: string, min: number, max: number): number {
  const inRange = (value: Decimal) =>
    value.isInteger() && value.greaterThanOrEqualTo(min) && value.lessThanOrEqualTo(max);
  return parseNumberOption(option, text, `expected a whole number from ${min} to ${max}`, inRange).toNumber();
}

/** --seed: any whole number a double holds exactly (kernels.wat mixes it into the generator's state). */
export function parseSeedOption(text: string): number {
  return parseWholeOption('--seed', text, 0, Number.MAX_SAFE_INTEGER);
}

/** --dist: the distribution of a range that does not name its own. */
export function parseDistOption(text: string): Distribution {
  const dist = RANGE_DISTRIBUTIONS.find((name) => name === text);
  if (!dist) {
    const names = RANGE_DISTRIBUTIONS.join(', ');
    throw new UsageError(`--dist: '${text}' is not one of ${names}${didYouMean(text, RANGE_DISTRIBUTIONS)}`);
  }
  return dist;
}

/**
 * A lognormal is fitted to its range's logs: the inputs whose range starts at 0 in some year (lognormalFromZero) cannot
 * take one.
 */
export function refuseUnfittedLognormal(unfitted: readonly string[]): void {
  if (unfitted.length === 0) return;
  const one = unfitted.length === 1;
  throw new UsageError(
    `lognormal needs a low above 0, and ${listNames(unfitted)} start${one ? 's' : ''} at 0 in some year: give ` +
      `${one ? 'it' : 'them'} another dist, or use --dist normal`,
  );
}

/** --percentiles: numbers from 0 to 100, comma-separated. */
export function parsePercentilesOption(text: string): number[] {
  const inRange = (value: Decimal) => value.greaterThanOrEqualTo(0) && value.lessThanOrEqualTo(100);
  return text
    .split(',')
    .map((p) =>
      parseNumberOption('--percentiles', p.trim(), 'expected numbers from 0 to 100, e.g. 5,50,95', inRange).toNumber(),
    );
}

/** A percentage option (`10%`) as a fraction, from 0% to `max` (a fraction). */
export function parsePercentOption(option: string, text: string, example: string, max: number): Decimal {
  const expectation = `expected a percentage from 0% to ${max * 100}%, such as ${example}`;
  const percent = /^(.*?)\s*[%\uFF05]\s*$/.exec(text.trim());
  if (!percent) throw new UsageError(`${option}: ${expectation}, got ${quoted(text)}`);
  const inRange = (value: Decimal) => value.greaterThanOrEqualTo(0) && value.lessThanOrEqualTo(max * 100);
  return parseNumberOption(option, percent[1]!, expectation, inRange, text).dividedBy(100);
}

/** Whether to stamp: --stamp or --no-stamp, else only JSON and workbooks (their Stamp sheet). */
export function wantsStamp(option: boolean | undefined, format: string): boolean {
  return option ?? (format === 'json' || format === 'xlsx');
}

/** --year: years, comma-separated (2023, or 2022,2023). */
export function parseYearsOption(text: string): string[] {
  const years = text.split(',').map((year) => year.trim());
  const bad = years.find((year) => !/^\d{4}$/.test(year));
  if (bad !== undefined)
    throw new UsageError(`--year: expected years, comma-separated, such as 2023 or 2022,2023, got ${quoted(bad)}`);
  return [...new Set(years)];
}

/** The years asked for, each a year of the forecast (`available`). */
export function checkYears(years: readonly string[], available: readonly string[]): readonly string[] {
  const missing = years.filter((year) => !available.includes(year));
  if (missing.length > 0) {
    const span = `${available[0]}..${available[available.length - 1]}`;
    const are = missing.length > 1 ? 'are' : 'is';
    throw new UsageError(`--year: ${missing.join(', ')} ${are} not a year of the forecast; its years are ${span}`);
  }
  return years;
}
