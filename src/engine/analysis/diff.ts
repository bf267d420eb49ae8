// Comparing two forecasts (SPEC §4 diff): every metric, key and year whose value
// differs beyond the tolerance, and the lines only one side has.
import type { Decimal } from '../../shared/decimal.js';
import { linesOf, nameOf, type Line, type LineName, type ValueKind } from './lines.js';
import type { Case, Forecast, TableName } from '../types.js';

/** An absolute bound (in 亿元, for amounts) or a relative one (a fraction of a). */
export type Tolerance =
  { readonly kind: 'absolute'; readonly amount: Decimal } | { readonly kind: 'relative'; readonly fraction: Decimal };

/** One value that differs, named as its line is. */
export interface Change extends LineName {
  readonly case: Case;
  readonly year: string;
  /** null where only b has the line (added) */
  readonly a: Decimal | null;
  /** null where only a has the line (removed) */
  readonly b: Decimal | null;
  /** b − a, null where either is missing */
  readonly delta: Decimal | null;
  /** (b − a)/|a|, null where either is missing or a is 0 */
  readonly relative: Decimal | null;
}

export interface Comparison {
  readonly changes: readonly Change[];
  /** How many values were compared in all. */
  readonly compared: number;
  /** The tolerance smaller changes were ignored under, if any. */
  readonly tolerance?: Tolerance;
}

type Keyed = Pick<LineName, 'table' | 'group' | 'metric' | 'key'>;
const identity = (line: Keyed, year: string) =>
  [line.table, line.group ?? '', line.key, line.metric, year].join('\u0000');

/** One value's identity across forecasts: case, table, item, metric and year. */
export function identityOf(value: Keyed & { readonly case: Case; readonly year: string }): string {
  return `${value.case}\u0000${identity(value, value.year)}`;
}

export function compareForecasts(
  a: Forecast,
  b: Forecast,
  tables: readonly TableName[],
  tolerance: Tolerance | undefined,
): Comparison {
  const changes: Change[] = [];
  let compared = 0;
  for (const [c, caseA] of a.cases) {
    const caseB = b.cases.get(c);
    if (!caseB) continue;
    const valuesB = new Map<string, { line: Line; year: string; value: Decimal | null }>();
    for (const line of linesOf(caseB, tables))
      for (const [year, value] of line.values) valuesB.set(identity(line, year), { line, year, value });
    for (const line of linesOf(caseA, tables)) {
      for (const [year, valueA] of line.values) {
        compared++;
        const id = identity(line, year);
        const other = valuesB.get(id);
        valuesB.delete(id);
        const valueB = other === undefined ? null : other.value;
        if (!differs(valueA, valueB, line.kind, tolerance)) continue;
        changes.push(change(c, line, year, valueA, valueB));
      }
    }
    // What is left of b: lines a does not have (added modes, segments, years);
    // a year without a value in either is no difference.
    for (const { line, year, value } of valuesB.values()) {
      compared++;
      if (value !== null) changes.push(change(c, line, year, null, value));
    }
  }
  return { changes, compared, ...(tolerance && { tolerance }) };
}

function change(c: Case, line: Line, year: string, a: Decimal | null, b: Decimal | null): Change {
  const delta = a !== null && b !== null ? b.minus(a) : null;
  const relative = delta !== null && a !== null && !a.isZero() ? delta.dividedBy(a.abs()) : null;
  return { case: c, ...nameOf(line), year, a, b, delta, relative };
}

/**
 * Whether two values differ beyond the tolerance. An absolute tolerance bounds
 * amounts only; ratios then count when they differ at all. A relative one
 * bounds |b − a| / |a| for both (any change from 0 counts).
 */
export function differs(
  a: Decimal | null,
  b: Decimal | null,
  kind: ValueKind,
  tolerance: Tolerance | undefined,
): boolean {
  if (a === null || b === null) return a !== b;
  const delta = b.minus(a).abs();
  if (delta.isZero()) return false;
  if (tolerance === undefined) return true;
  if (tolerance.kind === 'absolute') return kind === 'ratio' || delta.greaterThan(tolerance.amount);
  return a.isZero() || delta.dividedBy(a.abs()).greaterThan(tolerance.fraction);
}
