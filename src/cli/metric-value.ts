// A metric's value written on the command line (solve --target, simulate
// --exceed): `<metric>=<value>`, the value in any value syntax, signed.
import type { Decimal } from '../shared/decimal.js';
import { InputError, Problems } from '../scenario/problems.js';
import { PERCENT_SIGNS } from '../scenario/syntax.js';
import { quoted, readOptionValue, readRangeText, type ValueKind } from '../scenario/values.js';
import { unitSize } from '../shared/units.js';
import { UsageError } from './exit.js';

/** `<metric>=<value>` split at its `=`; `option` names it in the message when there is none. */
export function splitMetricValue(option: string, text: string): { metric: string; value: string } {
  const equals = text.indexOf('=');
  if (equals < 0)
    throw new UsageError(`${option}: expected <metric>=<value>, e.g. market.marketSize.2023=6.5万亿, got '${text}'`);
  return { metric: text.slice(0, equals).trim(), value: text.slice(equals + 1) };
}

/** A value of a metric of `kind`, a bare amount in the output unit; `option` names it in messages. */
export function parseMetricValue(option: string, text: string, kind: ValueKind, outputUnit: string): Decimal {
  // Any signed value (a CAGR of -5%, a negative increment), read by the
  // options' number reader (readOptionValue: exponents, signs, separators, full-width
  // digits); its unit and range are checked by the value syntax. A ratio is
  // not bounded to [0, 100%] (growth reads any percentage): what the metric can reach decides.
  const expected =
    kind === 'amount'
      ? `an amount (65000 in the output unit ${outputUnit}, or with a unit: 6.5万亿, 1500亿, 12bn)`
      : 'a percentage (40%, -5%) or a fraction (0.4)';
  const value = readOptionValue(text);
  if (typeof value === 'string') throw new UsageError(`${option}: ${value}; expected ${expected}`);
  const { number, unit } = value;
  if (kind !== 'amount' && unit !== undefined && !PERCENT_SIGNS.includes(unit))
    throw new UsageError(`${option}: ${quoted(text)} is not a value: expected ${expected}`);
  const problems = new Problems();
  const magnitude = `${number.abs().toString()}${unit ?? ''}`;
  const pos = { file: option, line: 0, col: 0 };
  const range = readRangeText(magnitude, kind === 'ratio' ? 'growth' : kind, pos, '', {
    problems,
    provenance: new Map(),
    unitSize: unitSize(outputUnit)!,
    unitName: outputUnit,
  });
  if (range === undefined) {
    const asWritten = (message: string) => message.replaceAll(quoted(magnitude), quoted(text));
    throw new InputError(problems.list.map((problem) => ({ ...problem, message: asWritten(problem.message) })));
  }
  return number.isNegative() ? range.base.negated() : range.base;
}
