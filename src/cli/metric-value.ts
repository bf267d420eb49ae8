// A metric's value written on the command line (solve --target, simulate
// --exceed): `<metric>=<value>`, the value in any value syntax, signed.
import type { Decimal } from '../shared/decimal.js';
import { InputError, Problems } from '../scenario/problems.js';
import { NUMBER, PERCENT_SIGNS, RANGE_SEPARATOR } from '../scenario/syntax.js';
import { readRangeText, type ValueKind } from '../scenario/values.js';
import { unitSize } from '../shared/units.js';
import { UsageError } from './exit.js';

/** One number and its unit, if any. */
const TERM = new RegExp(`^\\s*(${NUMBER})\\s*(\\S*)\\s*$`);
const SEPARATOR = new RegExp(RANGE_SEPARATOR);

/** `<metric>=<value>` split at its `=`; `option` names it in the message when there is none. */
export function splitMetricValue(option: string, text: string): { metric: string; value: string } {
  const equals = text.indexOf('=');
  if (equals < 0) throw new UsageError(`${option}: expected <metric>=<value>, e.g. market.marketSize.2023=6.5万亿, got '${text}'`);
  return { metric: text.slice(0, equals).trim(), value: text.slice(equals + 1) };
}

/** A value of a metric of `kind`, a bare amount in the output unit. */
export function parseMetricValue(option: string, text: string, kind: ValueKind, outputUnit: string): Decimal {
  // Any signed value (a CAGR of -5%, a negative increment): the sign is read
  // here, the rest in the value syntax; a ratio is not bounded to [0, 100%]
  // (growth reads any percentage), what the metric can reach decides.
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const magnitude = negative ? trimmed.slice(1) : trimmed;
  if (magnitude.split(SEPARATOR).length > 1) throw new UsageError(`${option}: expected one value, not a range: '${text}'`);
  const problems = new Problems();
  const pos = { file: option, line: 0, col: 0 };
  const unit = TERM.exec(magnitude)?.[2];
  if (unit === undefined || (kind !== 'amount' && unit !== '' && !PERCENT_SIGNS.includes(unit))) {
    const expected = kind === 'amount' ? `an amount (65000 in the output unit ${outputUnit}, or with a unit: 6.5万亿, 1500亿, 12bn)` : 'a percentage (40%, -5%) or a fraction (0.4)';
    problems.add(pos, '', `'${text}' is not a value: expected ${expected}`);
    throw new InputError(problems.list);
  }
  const range = readRangeText(magnitude, kind === 'ratio' ? 'growth' : kind, pos, '', { problems, provenance: new Map(), unitSize: unitSize(outputUnit)!, unitName: outputUnit });
  if (range === undefined) throw new InputError(problems.list);
  if (!range.low.equals(range.high)) throw new UsageError(`${option}: expected one value, not a range: '${text}'`);
  return negative ? range.base.negated() : range.base;
}
