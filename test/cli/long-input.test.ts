// An error line that echoes a very long input (a --set value or path, a metric,
// an option's value, a key in a file, an unknown option) shows it shortened
// with an ellipsis, the rest of the line as it is; short inputs are untouched.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FintechCalcError, loadScenario } from '../../src/lib/index.js';
import { runCli } from './in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-long-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const LONG = 10_000;
/** Longer than any line of ours; the echo of a 10,000-character input must not come near it. */
const MAX_LINE = 1200;

const x = 'x'.repeat(LONG);
const spaced = 'ab '.repeat(LONG / 3);
const cjk = '亿'.repeat(LONG);
/** Characters outside the BMP (two UTF-16 units each): a cut must not split one. */
const emoji = '😀'.repeat(LONG);

/** The stderr lines of a run that must fail with exit 2 and print nothing on stdout. */
async function errorLines(args: string[]): Promise<string[]> {
  const { code, stdout, stderr } = await runCli(args);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  return stderr.trimEnd().split('\n');
}

/** Each line is bounded and well formed, and says what the short form of the same mistake says. */
function expectBounded(lines: readonly string[], ...contains: string[]): void {
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(MAX_LINE);
    expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  }
  const text = lines.join('\n');
  expect(text).toContain('…');
  for (const part of contains) expect(text).toContain(part);
}

describe('a long input echoed in an error is shortened', () => {
  it.each([
    ['a --set without =', ['forecast', '--set', x], ['--set #1: error: expected path=value', "got 'xxx"]],
    ['a --set path', ['forecast', '--set', `supplyChain.${x}=1`], ['--set #1: error: supplyChain.xxx', 'no such']],
    ['a spaced --set value', ['forecast', '--set', `bankProfit.profitShare=${spaced}`], ['is not a value: expected']],
    ['a metric', ['explain', x], ["fintech-calc: error: unknown metric 'xxx", '; metrics are addressed as in']],
    ['a spaced metric', ['explain', spaced], ["fintech-calc: error: unknown metric 'ab ab", 'metrics are addressed']],
    ['a unit', ['forecast', '-u', cjk], ["fintech-calc: error: --unit: '亿亿"]],
    ['a case', ['forecast', '-c', emoji], ["fintech-calc: error: --case: '😀"]],
    ['a --vary', ['solve', '--target', 'market.marketSize.2023=6万亿', '--vary', x], ['--vary: error: xxx', 'no such']],
    ['a --target metric', ['solve', '--target', `${x}=1`, '--vary', 'bankProfit.profitShare'], ['unknown metric']],
    ['an unknown option', ['forecast', `--${x}`], ["fintech-calc: error: unknown option '--xxx"]],
    ['an unknown command', [x], ["fintech-calc: error: unknown command 'xxx"]],
    ['a file name', ['forecast', x], ['xxx', 'error: the file name is too long']],
  ])('%s', async (_, args, contains) => {
    expectBounded(await errorLines(args), ...contains);
  });

  it('a key, a value and a label in a file, each reported at its line', async () => {
    const file = join(folder, 'long.yaml');
    // YAML takes keys of at most 1,024 characters.
    const key = 'x'.repeat(1000);
    const modes = `supplyChain:\n  modes:\n    ${key}: {share: 1%, penetration: ${spaced}}\n`;
    const text = `version: 1\nextends: baseline\n${key}: 1\n${modes}`;
    writeFileSync(file, text);
    const lines = await errorLines(['forecast', file]);
    expectBounded(lines, `${file}:3:1: error: xxx`, 'unknown key; expected one of version', `${file}:6:`);
  });

  it('the library gives the same bounded lines in its error', async () => {
    const error = await loadScenario('baseline', { set: [x] }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FintechCalcError);
    expect((error as FintechCalcError).message).toBe((await runCli(['forecast', '--set', x])).stderr.trimEnd());
    expect((error as FintechCalcError).problems[0]!.message.length).toBeLessThanOrEqual(MAX_LINE);
  });

  it('leaves an input of ordinary length whole', async () => {
    const path = 'supplyChain.modes.receivables.penetration.2023.hihg';
    expect(await errorLines(['forecast', '--set', `${path}=1`])).toEqual([
      `--set #1: error: ${path}: expected one of value, low, base, high, source, note (did you mean 'high'?)`,
    ]);
    const metric = `market.modes.${'a'.repeat(60)}.size.2023`;
    expect((await errorLines(['explain', metric]))[0]).toContain(`'${metric}'`);
  });
});
