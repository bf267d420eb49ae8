// Fail rules for CI (`diff --fail-on 'profit.*.2023>1%'`): a glob over metric
// addresses and a threshold on the change, relative or absolute. A rule that can
// check no value (its glob matches nothing, or only tables left out, only ratios
// under an amount threshold, only undefined values) is a mistake, never a pass.
import type { Decimal } from '../../shared/decimal.js';
import { closest } from '../../shared/suggest.js';
import type { Change, Tolerance } from './diff.js';
import { linesOf, valueAddress, type ValueKind } from './lines.js';
import { TABLES, type Forecast, type TableName } from '../types.js';

export interface FailRule {
  /** As written on the command line. */
  readonly text: string;
  readonly glob: string;
  readonly threshold: Tolerance;
}

export interface Firing {
  readonly rule: FailRule;
  readonly change: Change;
}

/** `*` matches within one part of an address, `**` across parts. */
export function globPattern(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.split('*').map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^.]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** A value's address, with its year (a CAGR's address has none). */
export function changeAddress(change: Pick<Change, 'table' | 'group' | 'metric' | 'key' | 'span' | 'year'>): string {
  return valueAddress(change, change.year);
}

/** A value a rule could check: one case's value at an address, in either forecast. */
export interface Candidate {
  readonly address: string;
  readonly table: TableName;
  readonly kind: ValueKind;
  /** Whether either forecast has a number there (a CAGR from 0 has none). */
  readonly defined: boolean;
}

/** Every value of the two forecasts, in every table and case (whatever -t selects). */
export function candidatesOf(a: Forecast, b: Forecast): Candidate[] {
  const byId = new Map<string, Candidate>();
  for (const forecast of [a, b]) {
    for (const [c, caseForecast] of forecast.cases) {
      for (const line of linesOf(caseForecast, TABLES)) {
        for (const [year, value] of line.values) {
          const at = changeAddress({ ...line, year });
          const id = `${c}\u0000${at}`;
          const defined = value !== null || byId.get(id)?.defined === true;
          byId.set(id, { address: at, table: line.table, kind: line.kind, defined });
        }
      }
    }
  }
  return [...byId.values()];
}

/** What a rule checks, or why it checks nothing. */
export type Coverage =
  | { readonly kind: 'checks'; readonly values: number }
  | { readonly kind: 'no-metric'; readonly suggestion?: string }
  | { readonly kind: 'tables-left-out'; readonly tables: readonly TableName[] }
  | { readonly kind: 'not-amounts'; readonly kinds: readonly ValueKind[] }
  | { readonly kind: 'undefined' };

/** How many values the rule checks in the selected tables, or why none. */
export function coverage(rule: FailRule, candidates: readonly Candidate[], selected: readonly TableName[]): Coverage {
  const pattern = globPattern(rule.glob);
  const matched = candidates.filter((candidate) => pattern.test(candidate.address));
  if (matched.length === 0) {
    const suggestion = suggestGlob(rule.glob, [...new Set(candidates.map((candidate) => candidate.address))]);
    return { kind: 'no-metric', ...(suggestion !== undefined && { suggestion }) };
  }
  const inTables = matched.filter((candidate) => selected.includes(candidate.table));
  if (inTables.length === 0) {
    const tables = TABLES.filter((table) => matched.some((candidate) => candidate.table === table));
    return { kind: 'tables-left-out', tables };
  }
  const bounded = inTables.filter((candidate) => applies(rule.threshold, candidate.kind));
  if (bounded.length === 0)
    return { kind: 'not-amounts', kinds: [...new Set(inTables.map((candidate) => candidate.kind))] };
  const values = bounded.filter((candidate) => candidate.defined).length;
  return values === 0 ? { kind: 'undefined' } : { kind: 'checks', values };
}

/** An absolute threshold bounds amounts only; a relative one any value. */
function applies(threshold: Tolerance, kind: ValueKind): boolean {
  return threshold.kind === 'relative' || kind === 'amount';
}

/**
 * A glob near `glob` that matches an address: the glob continued (`profit.profit`
 * → `profit.profit.*`), or each part no address has there replaced by the
 * nearest part that one has (`marekt.**` → `market.**`).
 */
export function suggestGlob(glob: string, addresses: readonly string[]): string | undefined {
  const matches = (candidate: string) => {
    const pattern = globPattern(candidate);
    return addresses.some((at) => pattern.test(at));
  };
  const longer = [`${glob}.*`, `${glob}.**`].find(matches);
  if (longer !== undefined) return longer;
  const parts = glob.split('.');
  const split = addresses.map((at) => at.split('.'));
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === '**') break; // parts after ** have no fixed position
    const before = parts.slice(0, i).map(globPattern);
    const here = new Set(
      split
        .filter((at) => before.every((pattern, j) => pattern.test(at[j] ?? '')))
        .flatMap((at) => (at[i] === undefined ? [] : [at[i]!])),
    );
    if ([...here].some((part) => globPattern(parts[i]!).test(part))) continue;
    const nearest = closest(parts[i]!, here);
    if (nearest === undefined) return undefined;
    parts[i] = nearest;
  }
  const fixed = parts.join('.');
  return fixed !== glob && matches(fixed) ? fixed : undefined;
}

/**
 * The rules that fire, one firing per rule and change. A relative threshold
 * bounds |Δ| / |a| (any change from 0, and an added or removed value, fires); an
 * absolute one bounds |Δ| of amounts only (an added or removed amount fires).
 */
export function firings(changes: readonly Change[], rules: readonly FailRule[]): Firing[] {
  const fired: Firing[] = [];
  for (const rule of rules) {
    const pattern = globPattern(rule.glob);
    for (const change of changes) {
      if (
        pattern.test(changeAddress(change)) &&
        applies(rule.threshold, change.kind) &&
        exceeds(change, rule.threshold)
      )
        fired.push({ rule, change });
    }
  }
  return fired;
}

function exceeds(change: Change, threshold: Tolerance): boolean {
  const { a, delta } = change;
  if (delta === null || a === null) return true;
  const size: Decimal = delta.abs();
  if (threshold.kind === 'absolute') return size.greaterThan(threshold.amount);
  return a.isZero() ? !size.isZero() : size.dividedBy(a.abs()).greaterThan(threshold.fraction);
}
