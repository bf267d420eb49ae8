// Fail rules for CI (`diff --fail-on 'profit.*.2023>1%'`): a glob over metric
// addresses and a threshold on the change, relative or absolute.
import type { Decimal } from '../decimal.js';
import type { Change, Tolerance } from './diff.js';
import { address } from './lines.js';

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
export function changeAddress(change: Pick<Change, 'table' | 'group' | 'metric' | 'key' | 'year'>): string {
  return change.metric === 'cagr' ? address(change) : address(change, change.year);
}

/**
 * The rules that fire, one firing per rule and change. A relative threshold
 * bounds |Δ| / |a| (any change from 0, and an added or removed value, fires); an
 * absolute one bounds |Δ| of amounts only.
 */
export function firings(changes: readonly Change[], rules: readonly FailRule[]): Firing[] {
  const fired: Firing[] = [];
  for (const rule of rules) {
    const pattern = globPattern(rule.glob);
    for (const change of changes) {
      if (pattern.test(changeAddress(change)) && exceeds(change, rule.threshold)) fired.push({ rule, change });
    }
  }
  return fired;
}

function exceeds(change: Change, threshold: Tolerance): boolean {
  const { a, delta } = change;
  if (delta === null || a === null) return threshold.kind === 'relative';
  const size: Decimal = delta.abs();
  if (threshold.kind === 'absolute') return change.kind === 'amount' && size.greaterThan(threshold.amount);
  return a.isZero() ? !size.isZero() : size.dividedBy(a.abs()).greaterThan(threshold.fraction);
}
