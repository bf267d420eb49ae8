// Regenerates test/golden/ from the built CLI (npm run golden). Review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { goldenPath, runCase, transcript } from './golden.mjs';

const cases = JSON.parse(readFileSync(new URL('./cases.json', import.meta.url), 'utf8'));
for (const testCase of cases) {
  writeFileSync(goldenPath(testCase.name), transcript(testCase, runCase(testCase)));
}
console.error(`wrote ${cases.length} golden files`);
