// What a value map says of how simulate samples it (docs/simulate.md): `dist`,
// and for normal and lognormal the `coverage` of low..high, for discrete its
// `values` and `weights` (which then make its range: low and high are the least
// and greatest value, base the most likely unless written).
import { Decimal, ONE, ZERO } from '../shared/decimal.js';
import { DISTRIBUTIONS, type Distribution, type DistributionShape, type Outcome, type Range } from '../engine/types.js';
import type { NumberKind } from '../shared/limits.js';
import type { Pos, Problems } from './problems.js';
import type { RawMap, RawNode } from './raw.js';

/** How values.ts reads the numbers of a value map (passed in: values.ts reads the map and calls this module). */
export interface NumberReaders {
  readonly problems: Problems;
  /** One value of a kind (not a range), or undefined after reporting a problem. */
  single(node: RawNode, kind: NumberKind, path: string): Decimal | undefined;
  /** A bare number, a message, or undefined when it is not one. */
  plain(text: string): Decimal | string | undefined;
}

/** The keys of a value map that belong to its distribution. */
export const DISTRIBUTION_KEYS = ['dist', 'coverage', 'values', 'weights'];

export interface Sampling {
  readonly dist?: Distribution;
  readonly shape?: DistributionShape;
  /** A discrete value's range, made from its values. */
  readonly range?: Range;
}

/** The distribution a value map gives, its shape and (discrete) range; undefined after reporting a problem. */
export function readSampling(node: RawMap, kind: NumberKind, path: string, ctx: NumberReaders): Sampling | undefined {
  const { problems } = ctx;
  const get = (key: string) => node.entries.find((entry) => entry.key === key)?.value;
  const distNode = get('dist');
  if (!distNode) {
    const stray = DISTRIBUTION_KEYS.find((key) => get(key) !== undefined);
    if (stray === undefined) return {};
    problems.add(
      get(stray)!.pos,
      `${path}.${stray}`,
      `${stray} needs a dist: ${stray === 'coverage' ? 'normal or lognormal' : 'discrete'}`,
    );
    return undefined;
  }
  const text = distNode.kind === 'scalar' ? distNode.text : '';
  const dist = DISTRIBUTIONS.find((name) => name === text);
  if (!dist) {
    problems.add(
      distNode.pos,
      `${path}.dist`,
      `unknown distribution '${text}'${problems.didYouMean(text, DISTRIBUTIONS)}; expected ${DISTRIBUTIONS.join(', ')}`,
    );
    return undefined;
  }
  const foreign = DISTRIBUTION_KEYS.filter((key) => key !== 'dist' && get(key) !== undefined && !takes(dist, key));
  for (const key of foreign) {
    const takenBy = key === 'coverage' ? 'coverage is for normal and lognormal' : `${key} are for discrete`;
    problems.add(get(key)!.pos, `${path}.${key}`, `dist: ${dist} takes no ${key}; ${takenBy}`);
  }
  if (foreign.length > 0) return undefined;

  if (dist === 'discrete') return readDiscrete(node, kind, path, ctx);
  const coverageNode = get('coverage');
  if (coverageNode === undefined) return { dist };
  const coverage = ctx.single(coverageNode, 'ratio', `${path}.coverage`);
  if (coverage === undefined) return undefined;
  if (!(coverage.greaterThan(ZERO) && coverage.lessThan(ONE))) {
    problems.add(
      coverageNode.pos,
      `${path}.coverage`,
      'the probability between low and high lies strictly between 0% and 100%, e.g. 90% (p5 to p95)',
    );
    return undefined;
  }
  return { dist, shape: { coverage } };
}

function takes(dist: Distribution, key: string): boolean {
  return key === 'coverage' ? dist === 'normal' || dist === 'lognormal' : dist === 'discrete';
}

/** `values` (of the value's kind) and `weights` (numbers ≥ 0, one per value, not all 0; default all equal). */
function readDiscrete(node: RawMap, kind: NumberKind, path: string, ctx: NumberReaders): Sampling | undefined {
  const { problems } = ctx;
  const get = (key: string) => node.entries.find((entry) => entry.key === key)?.value;
  const conflicting = ['value', 'low', 'high'].filter((key) => get(key) !== undefined);
  if (conflicting.length > 0) {
    problems.add(
      node.pos,
      path,
      `dist: discrete takes its low and high from its values; give values (and weights, base), not ` +
        `${conflicting.join(', ')}`,
    );
    return undefined;
  }
  const valuesNode = get('values');
  if (valuesNode?.kind !== 'seq' || valuesNode.items.length === 0) {
    problems.add(
      valuesNode?.pos ?? node.pos,
      `${path}.values`,
      'dist: discrete needs values: a list of the values it takes, e.g. [60%, 66%, 70%]',
    );
    return undefined;
  }
  const values = valuesNode.items.map((item, i) => ctx.single(item, kind, `${path}.values[${i}]`));
  const weights = readWeights(get('weights'), valuesNode.items.length, `${path}.weights`, ctx);
  if (weights === undefined || values.some((value) => value === undefined)) return undefined;
  const outcomes: Outcome[] = values.map((value, i) => ({ value: value!, weight: weights[i]! }));
  const low = Decimal.min(...values.map((value) => value!));
  const high = Decimal.max(...values.map((value) => value!));
  const baseNode = get('base');
  const base = baseNode ? ctx.single(baseNode, kind, `${path}.base`) : mostLikely(outcomes);
  if (base === undefined) return undefined;
  if (base.lessThan(low) || base.greaterThan(high)) {
    problems.add(
      baseNode!.pos,
      `${path}.base`,
      `base ${base} lies outside the values (${low} to ${high}); expected a base between them`,
    );
    return undefined;
  }
  return { dist: 'discrete', shape: { outcomes }, range: { low, base, high } };
}

/** The first of the heaviest values: the base case of a discrete value without a base. */
function mostLikely(outcomes: readonly Outcome[]): Decimal {
  return outcomes.reduce((best, outcome) => (outcome.weight.greaterThan(best.weight) ? outcome : best)).value;
}

function readWeights(
  node: RawNode | undefined,
  count: number,
  path: string,
  ctx: NumberReaders,
): Decimal[] | undefined {
  if (node === undefined) return new Array<Decimal>(count).fill(ONE);
  const expectation = `weights: a list of ${count} numbers ≥ 0, one per value, not all 0, e.g. [1, 2, 1]`;
  if (node.kind !== 'seq' || node.items.length !== count) {
    ctx.problems.add(node.pos, path, `expected ${expectation}`);
    return undefined;
  }
  const weights = node.items.map((item) => {
    const number = item.kind === 'scalar' ? ctx.plain(item.text) : undefined;
    if (number instanceof Decimal && !number.isNegative()) return number;
    ctx.problems.add(
      item.pos,
      path,
      `expected ${expectation}; got ${item.kind === 'scalar' ? `'${item.text}'` : 'a collection'}`,
    );
    return undefined;
  });
  if (weights.some((weight) => weight === undefined)) return undefined;
  if (weights.every((weight) => weight!.isZero())) {
    ctx.problems.add(node.pos, path, `expected ${expectation}`);
    return undefined;
  }
  return weights as Decimal[];
}

/** Whether a value's range suits its distribution: a lognormal range needs a low above 0 (its log). */
export function fitsDistribution(
  dist: Distribution | undefined,
  range: Range,
  pos: Pos,
  path: string,
  problems: Problems,
): boolean {
  if (dist !== 'lognormal' || range.low.greaterThan(ZERO) || range.low.equals(range.high)) return true;
  problems.add(
    pos,
    path,
    `dist: lognormal needs a low above 0 (it is fitted to the logs of low and high); give a low > 0 or ` +
      `use dist: normal`,
  );
  return false;
}
