// docs/api.md's JavaScript example and the output the page says it prints: run
// by test/lib against the build and against the installed package.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../cli/in-process.js';

/** The JavaScript example of docs/api.md and the output it shows. */
export function docsExample(): { code: string; output: string } {
  const page = readFileSync(join(PACKAGE_ROOT, 'docs', 'api.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(page)?.[1];
  const output = /prints\n\n```text\n([\s\S]*?)```/.exec(page)?.[1];
  if (code === undefined || output === undefined) {
    throw new Error('docs/api.md: no ```js example followed by "prints" and its ```text output');
  }
  return { code, output };
}
