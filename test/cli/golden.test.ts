// Golden tests: the real CLI on fixtures, compared with reviewed transcripts in test/golden/.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { goldenPath, runCase, transcript } from './golden.mjs';

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
}
const cases = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8')) as Case[];

describe('golden CLI transcripts (regenerate with npm run golden)', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, testCase) => {
    const result = runCase(testCase);
    expect(transcript(testCase, result)).toBe(readFileSync(goldenPath(testCase.name), 'utf8'));
    // SPEC §6: bad input writes nothing to stdout. The one exception is the report
    // that `validate -f json` was asked for, which lists the problems.
    const isValidateReport = testCase.args[0] === 'validate' && testCase.args.includes('json');
    if (result.code === 2 && !isValidateReport) expect(result.stdout).toBe('');
  });
});
