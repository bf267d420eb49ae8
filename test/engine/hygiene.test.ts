// The engine's hygiene warnings are data: a jump says which limit it goes
// beyond and by how much; no message names a command-line option (the CLI words
// that, `more than --max-growth 100%`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { hygiene } from '../../src/engine/analysis/hygiene.js';
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
