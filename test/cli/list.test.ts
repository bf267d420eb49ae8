// `fintech-calc list` reads each bundled scenario's title, not its inputs.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './in-process.js';

const root = mkdtempSync(join(tmpdir(), 'fintech-calc-list-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A package whose scenarios/ holds these files (and no build products: their YAML is parsed). */
function packageWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(root, 'package-'));
  mkdirSync(join(folder, 'scenarios'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, 'scenarios', name), text);
  return folder;
}

describe('list', () => {
  it('lists a scenario whose inputs are wrong: only its title is read', async () => {
    const packageRoot = packageWith({
      'mine.yaml': 'version: 1\ntitle: Mine\nsupplyChain:\n  marketSpace: lots\n',
      'other.yaml': 'version: 1\n',
    });
    const { code, stdout, stderr } = await runCli(['list', '-f', 'json'], { packageRoot });
    expect([code, stderr]).toEqual([0, '']);
    expect(JSON.parse(stdout)).toEqual([
      { name: 'mine', title: 'Mine', file: 'scenarios/mine.yaml' },
      { name: 'other', title: 'other', file: 'scenarios/other.yaml' },
    ]);
  });

  it('reports every scenario whose title cannot be read, then exits 2 with nothing on stdout', async () => {
    const packageRoot = packageWith({
      'a.yaml': 'version: 1\ntitle: {en: A}\n',
      'b.yaml': 'version: 1\ntitle: [B]\n',
      'c.yaml': 'version: 1\ntitle: C\n',
    });
    const { code, stdout, stderr } = await runCli(['list'], { packageRoot });
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trimEnd().split('\n')).toEqual([
      'scenarios/a.yaml:2:8: error: title: expected a text',
      'scenarios/b.yaml:2:8: error: title: expected a text',
    ]);
  });
});
