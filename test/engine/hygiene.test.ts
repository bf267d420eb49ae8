// The engine's hygiene warnings are data: a jump says which limit it goes
// beyond and by how much; no message names a command-line option (the CLI words
// that, `more than --max-growth 100%`).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { changesBeyond, hygiene } from '../../src/engine/analysis/hygiene.js';
import { load } from '../helpers.js';

describe('hygiene', () => {
  it('returns a jump as data, with the limit it goes beyond; no message names an option', async () => {
    const scenario = await load(readFileSync('test/fixtures/hygiene.yaml', 'utf8'));
    for (const limit of ['1', '0.5']) {
      const warnings = hygiene(scenario, new Decimal(limit));
      const jumps = warnings.filter((warning) => warning.beyond !== undefined);
      expect(jumps.length).toBeGreaterThan(0);
      for (const jump of jumps) {
        expect(jump.beyond!.limit).toBe('maxGrowth');
        expect(jump.beyond!.value.equals(limit)).toBe(true);
        expect(jump.message.en).toMatch(/^changes by \d+(\.\d)?% from \d{4} to \d{4} \((low|base|high) case\)$/);
      }
      for (const { message } of warnings) expect(`${message.en} ${message.zh}`).not.toMatch(/(^|\s)--?[a-z]/);
    }
  });
});

describe('changesBeyond', () => {
  const byDivision = (before: Decimal, value: Decimal, limit: Decimal) =>
    !before.isZero() && value.dividedBy(before).minus(1).abs().greaterThan(limit);
  const decimal = fc
    .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -6, max: 6 }))
    .map(([digits, exponent]) => new Decimal(`${digits}e${exponent}`));

  it('is |value/before − 1| > limit, from random values and at the limit exactly', () => {
    fc.assert(
      fc.property(decimal, decimal, decimal, (before, value, limit) => {
        expect(changesBeyond(before, value, limit.abs())).toBe(byDivision(before, value, limit.abs()));
      }),
      { numRuns: 2000 },
    );
    const [hundred, limit] = [new Decimal(100), new Decimal('0.5')];
    expect(changesBeyond(hundred, new Decimal(150), limit)).toBe(false); // exactly 50%
    expect(changesBeyond(hundred, new Decimal('150.0000001'), limit)).toBe(true);
    expect(changesBeyond(hundred, new Decimal(50), limit)).toBe(false);
    expect(changesBeyond(hundred, new Decimal('49.9999999'), limit)).toBe(true);
    expect(changesBeyond(new Decimal(0), new Decimal(1), limit)).toBe(false);
  });
});
