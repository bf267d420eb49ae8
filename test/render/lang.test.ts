// --lang zh translates everything a user reads (issue #14 item 13): every
// command's people-facing output on a scenario written in Chinese holds no
// English words but identifiers (addresses, paths, formulas' operands, option
// names), units and a few names.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-zh-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const parent = join(folder, 'parent.yaml');
writeFileSync(
  parent,
  `version: 1
name: 母场景
years: 2019..2023
supplyChain:
  marketSpace: {2019: 9.9万亿, 2023: {value: 12.5万亿, source: 报告第172行}}
  modes:
    receivables:
      label: {en: Receivables, zh: 应收账款}
      share: {value: 60%, source: 假设：文中未给出}
      penetration: {2019: 20%, 2021: {value: 40%, note: 中间值}, 2023: 60～70%, interpolate: step}
    arif:
      label: {en: ARIF, zh: 预付款融资}
      share: 16%
      penetration: {2019: 20%, 2023: 25～30%}
bankProfit:
  profitShare: {mix: {bankLed: {weight: 40%, rate: 2.5%}, other: {weight: 60%, rate: 3%}}}
  operatingCost: {2019: 1.5%, 2023: 0.9%}
techSpend:
  years: 2018..2022
  segments:
    payment:
      label: {en: Payment, zh: 支付}
      spend: {2018: 1033.6亿, growth: 10%～12%}
      frontier: {2018: 152.6亿, 2022: 337.2亿}
`,
);
const a = join(folder, 'a.yaml');
writeFileSync(
  a,
  `extends: ./parent.yaml\nname: 甲\ntitle: 中文场景\nsupplyChain:\n  traditionalPenetration: {value: 20%, ` +
    `source: 报告第177行}\n`,
);
const b = join(folder, 'b.yaml');
writeFileSync(
  b,
  `extends: ./parent.yaml\nname: 乙\nbankProfit:\n  profitShare: {mix: {bankLed: {weight: 80%, rate: 2.5%}, other: ` +
    `{weight: 20%, rate: 3%}}}\n`,
);
const bare = join(folder, 'bare.yaml');
writeFileSync(
  bare,
  `name: 无区间\nsupplyChain:\n  marketSpace: 10万亿\n  modes:\n    receivables: {share: 50%, penetration: 30%}\n`,
);

/** Words that may stay: units, names of methods and formats, scenario and item ids, option values. */
const ALLOWED = new Set([
  'bn',
  'tn',
  'pp',
  'ok',
  'PERT',
  'pert',
  'Shapley',
  'extends',
  'ARIF',
  'Receivables',
  'mean',
  'p5',
  'p50',
  'p95',
  'triangular',
  'receivables',
  'arif',
  'payment',
  'md',
  'csv',
  'json',
]);

/** The English words of a line once identifiers are taken out. */
function englishWords(line: string): string[] {
  const text = line
    .replace(/^[│├└─ ]*/, '') // explain's tree
    .replace(/(来源|备注)：.*$/, '') // a source or a note: the scenario's own words
    .replace(/^=.*$/, '') // a formula: its operands are identifiers
    .replace(/`[^`]*`/g, '') // code in Markdown
    .replace(/--[\w-]+/g, '') // options
    .replace(/[\w#]*[./:\\[\]@][\w.#/:\\[\]@*-]*/g, '') // addresses, paths, file:line, year spans
    .replace(/\b[a-z]+[A-Z]\w*/g, '') // camelCase identifiers
    .replace(/<[^>]*>/g, ''); // HTML in Markdown
  return (text.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []).filter((word) => !ALLOWED.has(word));
}

const COMMANDS: string[][] = [
  ['forecast', a, '-c', 'all'],
  ['forecast', a, '-f', 'md'],
  ['explain', a, 'profit.increment.2023'],
  ['explain', a, 'market.modes.receivables.size.2022', '--set', 'supplyChain.marketSpace.2022=11万亿'],
  ['explain', a, 'spend.cagr.total'],
  ['sensitivity', a, '--metric', 'market.marketSize.2023'],
  ['sensitivity', a, '--metric', 'market.marketSize.2023', '-f', 'md', '--swing', '10%'],
  ['sensitivity', bare, '--metric', 'market.marketSize.2023'],
  ['solve', a, '--target', 'market.marketSize.2023=6.5万亿', '--vary', 'supplyChain.modes.receivables.penetration.2023'],
  ['simulate', a, '-n', '50', '--metric', 'market.marketSize.2023'],
  ['simulate', a, '-n', '50', '-f', 'md'],
  ['diff', a, b],
  ['diff', a, b, '-c', 'all', '--attribute'],
  ['diff', a, b, '-f', 'md', '--attribute', '--fail-on', 'profit.*.2023>1%'],
  ['diff', a, b, '-f', 'md', '--fail-on', 'profit.profit.2019>50%'],
  ['diff', a, a, '-f', 'md'],
  ['diff', a, a],
  ['check', a, parent, bare],
  ['check', a, '--strict'],
  ['validate', a],
];

describe('--lang zh', () => {
  const named = COMMANDS.map((args) => [args.join(' ').replaceAll(folder, '…'), args] as const);
  it.each(named)('%s: no English but identifiers', async (_, args) => {
    const result = await runCli([...args, ...(args[0] === 'validate' ? [] : ['--lang', 'zh'])]);
    expect(result.code, result.stderr).toBeLessThan(3);
    const output = `${result.stdout}${result.code === 2 && args[0] !== 'check' ? '' : result.stderr}`;
    expect(output.trim()).not.toBe('');
    const english = output.split('\n').flatMap((line) => englishWords(line).map((word) => `${word} in: ${line}`));
    expect(english).toEqual([]);
  });

  it('is chosen by LANG=zh_CN for check too', async () => {
    const result = await runCli(['check', bare], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(result.stderr).toContain('warning: supplyChain.marketSpace: 没有来源');
  });
});
