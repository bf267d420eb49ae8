// Scenario review: attribution (Shapley), fail rules, the stamp, assumption hygiene.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, sum } from '../../src/shared/decimal.js';
import { attribute } from '../../src/engine/analysis/attribution.js';
import { compareForecasts } from '../../src/engine/analysis/diff.js';
import { forecast } from '../../src/engine/forecast.js';
import { DEFAULT_MAX_GROWTH, hygiene } from '../../src/engine/analysis/hygiene.js';
import { firings, globPattern } from '../../src/engine/analysis/rules.js';
import { CASES, TABLES } from '../../src/engine/types.js';
import { renderDiffMarkdown, renderDiffTable, type DiffReport } from '../../src/render/diff.js';
import { PLAIN } from '../../src/render/style.js';
import { runCli } from '../cli/in-process.js';
import { load } from '../helpers.js';

const scenario = (p: string, share: string, cost: string, space: string) => `years: 2020..2021
supplyChain:
  marketSpace: ${space}
  modes:
    r: {share: ${share}, penetration: ${p}}
bankProfit:
  operatingCost: ${cost}
`;

describe('attribution', () => {
  const ratio = fc.integer({ min: 1, max: 60 }).map((n) => `${n}%`);
  const pair = fc.record({
    a: fc.tuple(ratio, ratio, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 999 })),
    b: fc.tuple(ratio, ratio, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 999 })),
  });
  const toYaml = ([p, share, cost, space]: [string, string, number, number]) =>
    scenario(p, share, `${cost / 10}%`, `{2020: ${space}, 2021: ${space + 100}}`);

  it('parts plus the residual add up exactly to each change, and the residual is ~0 for ' +
    'input-only changes', async () => {
    await fc.assert(
      fc.asyncProperty(pair, async ({ a, b }) => {
        const [sa, sb] = [await load(toYaml(a)), await load(toYaml(b))];
        const { changes } = compareForecasts(forecast(sa, CASES), forecast(sb, CASES), TABLES, undefined);
        const result = attribute(sa, sb, CASES, TABLES, changes);
        for (const change of changes) {
          const attribution = result.byChange.get(
            [change.case, change.table, change.group ?? '', change.key, change.metric, change.year].join('\u0000'),
          )!;
          const total = sum(attribution.contributions.map((part) => part.delta)).plus(attribution.residual);
          expect(total.equals(change.delta!)).toBe(true);
          expect(attribution.residual.abs().lessThan('1e-30')).toBe(true);
        }
      }),
      { numRuns: 40, seed: 3 },
    );
  });

  it('does not depend on the order the changed inputs are given in', async () => {
    const run = (...sets: string[]) =>
      runCli([
        'diff',
        'baseline',
        'baseline',
        '--attribute',
        '-f',
        'json',
        '-t',
        'profit',
        ...sets.flatMap((s) => ['--set', s]),
      ]);
    // The same two changes, made to b in the two orders, via a variant that extends the baseline.
    const one = await runCli([
      'diff',
      'baseline',
      'test/fixtures/extends/variant.yaml',
      '--attribute',
      '-f',
      'json',
      '-t',
      'profit',
    ]);
    const reordered = await runCli([
      'diff',
      'baseline',
      'test/fixtures/extends/variant-reordered.yaml',
      '--attribute',
      '-f',
      'json',
      '-t',
      'profit',
    ]);
    expect(one.code).toBe(1);
    const strip = (text: string) => JSON.stringify(JSON.parse(text).changes);
    expect(strip(reordered.stdout)).toBe(strip(one.stdout));
    expect((await run()).code).toBe(0);
  });

  it('gives the exact Shapley split on the report figures: 2023 profit −252 = −157.5 (penetration) −94.5 ' +
    '(operating cost)', async () => {
    const result = await runCli([
      'diff',
      'baseline',
      'test/fixtures/extends/variant.yaml',
      '--attribute',
      '-f',
      'json',
      '-t',
      'profit',
    ]);
    const change = JSON.parse(result.stdout).changes.find(
      (c: { metric: string; year: string }) => c.metric === 'profit' && c.year === '2023',
    );
    expect(change.delta).toBe('-252');
    expect(change.contributions).toEqual([
      { input: 'bankProfit.operatingCost', a: '0.009', b: '0.011', delta: '-94.5' },
      { input: 'supplyChain.modes.receivables.penetration', a: '0.66', b: '0.6', delta: '-157.5' },
    ]);
    expect(change.residual).toBe('0');
  });

  it('attributes a changed costSavings flag to the flag', async () => {
    const [sa, sb] = [
      await load(scenario('50%', '40%', '1%', '100')),
      await load(
        scenario('50%', '40%', '1%', '100').replace('penetration: 50%}', 'penetration: 50%, costSavings: false}'),
      ),
    ];
    const { changes } = compareForecasts(forecast(sa, ['base']), forecast(sb, ['base']), TABLES, undefined);
    const result = attribute(sa, sb, ['base'], TABLES, changes);
    expect(result.players.map((player) => player.name)).toEqual(['supplyChain.modes.r.costSavings']);
    const costSavings = changes.find((change) => change.metric === 'costSavings')!;
    const attribution = [...result.byChange.values()][changes.indexOf(costSavings)]!;
    expect(attribution.contributions[0]!.delta.equals(costSavings.delta!)).toBe(true);
    expect(attribution.residual.isZero()).toBe(true);
  });

  // Scenarios whose inputs differ in form, not only in value: a rate or a mix, modes only one side has, flags.
  const shaped = ({
    mix,
    extra,
    flag,
    p,
  }: {
    mix: boolean;
    extra: boolean;
    flag: boolean;
    p: number;
  }) => `years: 2020..2021
supplyChain:
  marketSpace: {2020: 100, 2021: 140}
  modes:
    r: {share: 40%, penetration: ${p}%, costSavings: ${flag}}${extra ? '\n    s: {share: 10%, penetration: 35%}' : ''}
bankProfit:
  profitShare: ${mix ? '{mix: {led: {weight: 30%, rate: 2.5%}, other: {weight: 70%, rate: 3.5%}}}' : '3%'}
  operatingCost: {2020: 1.5%, 2021: 1%}
`;
  const shape = fc.record({
    mix: fc.boolean(),
    extra: fc.boolean(),
    flag: fc.boolean(),
    p: fc.integer({ min: 1, max: 90 }),
  });

  it('attributes changes of form too (rate ↔ mix, a mode added or removed, a flag): parts and residual add up, ' +
    'the residual ~0', async () => {
    await fc.assert(
      fc.asyncProperty(shape, shape, async (a, b) => {
        const [sa, sb] = [await load(shaped(a)), await load(shaped(b))];
        const { changes } = compareForecasts(forecast(sa, ['base']), forecast(sb, ['base']), TABLES, undefined);
        const result = attribute(sa, sb, ['base'], TABLES, changes);
        expect(result.unattributable).toBeUndefined();
        if (a.mix !== b.mix) expect(result.players.map((player) => player.name)).toContain('bankProfit.profitShare');
        if (a.extra !== b.extra) expect(result.players.map((player) => player.name)).toContain('supplyChain.modes.s');
        for (const change of changes.filter((c) => c.delta !== null)) {
          const attribution = result.byChange.get(
            [change.case, change.table, change.group ?? '', change.key, change.metric, change.year].join('\u0000'),
          )!;
          expect(
            sum(attribution.contributions.map((part) => part.delta))
              .plus(attribution.residual)
              .equals(change.delta!),
          ).toBe(true);
          expect(attribution.residual.abs().lessThan('1e-30')).toBe(true);
        }
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  it('attributes a profit share changed from a rate to a mix to that one input (it used to blame the ' +
    'scenarios’ shape)', async () => {
    const mix = 'bankProfit.profitShare={mix: {bankLed: {weight: 40%, rate: 2.5%}, other: {weight: 60%, rate: 3%}}}';
    const result = await runCli([
      'diff',
      'baseline',
      'baseline',
      '--set-b',
      mix,
      '--attribute',
      '-f',
      'json',
      '-t',
      'profit',
    ]);
    const document = JSON.parse(result.stdout);
    expect(document.attribution).toEqual({ method: 'shapley', inputs: ['bankProfit.profitShare'], grouped: false });
    for (const change of document.changes) {
      expect(change.contributions).toEqual([
        { input: 'bankProfit.profitShare', a: null, b: null, delta: change.delta },
      ]);
      expect(change.residual).toBe('0');
    }
  });

  it('names the real reason when it cannot attribute: the years of a model differ, and only for ' +
    'the tables shown', async () => {
    const result = await runCli([
      'diff',
      'baseline',
      'test/fixtures/extends/other-years.yaml',
      '--attribute',
      '-f',
      'json',
    ]);
    expect(JSON.parse(result.stdout).attribution.unattributable).toBe(
      'the years differ: supplyChain 2019..2023 → 2019..2022, bankProfit 2019..2023 → 2019..2022; an input cannot be ' +
        'switched alone between different years',
    );
    const spendOnly = await runCli([
      'diff',
      'baseline',
      'test/fixtures/extends/other-years.yaml',
      '--attribute',
      '-f',
      'json',
      '-t',
      'spend',
      '--set-b',
      'techSpend.segments.payment.spend.2022=1800亿',
    ]);
    const attribution = JSON.parse(spendOnly.stdout).attribution;
    expect(attribution.unattributable).toBeUndefined();
    expect(attribution.inputs).toEqual(['techSpend.segments.payment.spend']);
  });
});

describe('attribution display', () => {
  // One change of +10 (亿元) whose parts are 10 − 1e-35 (x) and 1e-35 (y), with a residual of 1e-35; and a change of
  // 1e-30.
  const tiny = new Decimal('1e-35');
  const change = (metric: string, a: string, b: string) => ({
    case: 'base' as const,
    table: 'market' as const,
    metric,
    key: '',
    year: '2023',
    kind: 'amount' as const,
    label: { en: metric, zh: metric },
    a: new Decimal(a),
    b: new Decimal(b),
    delta: new Decimal(b).minus(a),
    relative: new Decimal(b).minus(a).dividedBy(a),
  });
  const changes = [
    change('marketSize', '100', '110'),
    change('otherSize', '100', '100.000000000000000000000000000001'),
  ];
  const players = [
    { name: 'x', paths: ['x'] },
    { name: 'y', paths: ['y'] },
  ];
  const byChange = new Map(
    changes.map((c) => [
      [c.case, c.table, '', c.key, c.metric, c.year].join('\u0000'),
      {
        contributions: [
          { player: players[0]!, delta: c.delta.minus(tiny.times(2)) },
          { player: players[1]!, delta: tiny },
        ],
        residual: tiny,
      },
    ]),
  );
  const report: DiffReport = {
    comparison: { changes, compared: 2 },
    attribution: { players, grouped: false, byChange },
    rules: [],
    fired: [],
  };
  const options = { unit: '亿元', lang: 'en' as const, style: PLAIN, a: 'a', b: 'b' };

  it('leaves out a residual or a part that is 0 to the digits shown, and never signs a 0', () => {
    for (const text of [
      renderDiffTable(report.comparison, report, options),
      renderDiffMarkdown(report.comparison, report, options),
    ]) {
      expect(text).toContain('+10.0 x');
      expect(text).not.toMatch(/residual|[+-]0\.0\b|0\.0 y/);
    }
  });
});

describe('fail rules', () => {
  it('globs: * within a part, ** across parts', () => {
    expect(globPattern('profit.*.2023').test('profit.profit.2023')).toBe(true);
    expect(globPattern('profit.*.2023').test('profit.modes.x.size.2023')).toBe(false);
    expect(globPattern('market.**').test('market.modes.receivables.size.2023')).toBe(true);
  });

  it('fire on relative or absolute moves; absolute thresholds only on amounts', async () => {
    const [sa, sb] = [await load(scenario('50%', '40%', '1%', '100')), await load(scenario('60%', '40%', '1%', '100'))];
    const { changes } = compareForecasts(forecast(sa, ['base']), forecast(sb, ['base']), TABLES, undefined);
    const rule = (
      glob: string,
      threshold: { kind: 'relative'; fraction: Decimal } | { kind: 'absolute'; amount: Decimal },
    ) => ({ text: glob, glob, threshold });
    const fired = (r: ReturnType<typeof rule>) =>
      firings(changes, [r]).map((f) => `${f.change.metric}[${f.change.key}].${f.change.year}`);
    // marketSize 100·(0.4·0.5 + 0.6·0.2) = 32 → 100·(0.4·0.6 + 0.12) = 36: +12.5%, +4
    expect(fired(rule('market.marketSize.*', { kind: 'relative', fraction: new Decimal('0.12') }))).toEqual([
      'marketSize[].2020',
      'marketSize[].2021',
    ]);
    expect(fired(rule('market.marketSize.*', { kind: 'relative', fraction: new Decimal('0.13') }))).toEqual([]);
    expect(fired(rule('market.marketSize.2021', { kind: 'absolute', amount: new Decimal(3) }))).toEqual([
      'marketSize[].2021',
    ]);
    expect(fired(rule('market.**', { kind: 'absolute', amount: new Decimal(0) }))).not.toContain('penetration[r].2020');
  });

  it('decide the exit code, and bad rules are usage errors', async () => {
    const diff = (...rules: string[]) =>
      runCli(['diff', 'baseline', 'bank-led', ...rules.flatMap((r) => ['--fail-on', r])]);
    expect((await diff('profit.profit.2023>20%')).code).toBe(0);
    const fired = await diff('profit.profit.2023>10%', 'market.**>1亿');
    expect(fired.code).toBe(1);
    expect(fired.stdout).toContain("rule 'profit.profit.2023>10%' fired: profit.profit.2023 (base) -14.34%");
    const bad = await diff('profit.profit.2023');
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "fintech-calc: error: --fail-on: expected <metric glob>><threshold>, e.g. 'profit.*.2023>1%' or " +
          "'market.marketSize.*>500亿', got 'profit.profit.2023'\n",
    });
    expect((await diff('profit.*>5yi')).stderr).toContain("--fail-on 'profit.*>5yi': unknown unit 'yi'");
    // A glob longer than any address is refused before it is turned into a pattern.
    for (const glob of ['*e'.repeat(50000), `profit.${'x'.repeat(120000)}`]) {
      const long = await diff(`${glob}>1%`);
      expect(long.code).toBe(2);
      expect(long.stderr).toMatch(/^fintech-calc: error: --fail-on: a glob has at most 200 characters/);
    }
  });
});

describe('fail rules that check nothing', () => {
  const diff = (...args: string[]) => runCli(['diff', 'baseline', 'bank-led', ...args]);
  const usage = (stderr: string) => stderr.trimEnd().split('\n');

  it('are usage errors with a "did you mean" when the glob matches no metric', async () => {
    for (const [rule, guess] of [
      ['profit.increment.2203>1%', 'profit.increment.2023'],
      ['profit.incremnet.2023>1%', 'profit.increment.2023'],
      ['marekt.**>1%', 'market.**'],
      ['profit.profit>1%', 'profit.profit.*'],
      ['spend.segments.paymnet.total.*>1%', 'spend.segments.payment.total.*'],
    ] as const) {
      const result = await diff('--fail-on', rule);
      expect(result.code, rule).toBe(2);
      expect(result.stdout).toBe('');
      expect(usage(result.stderr)).toEqual([
        expect.stringMatching(
          new RegExp(
            `^fintech-calc: error: --fail-on '${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': .*matches no ` +
              `metric.*did you mean '${guess.replace(/[.*]/g, '\\$&')}'`,
          ),
        ),
      ]);
    }
  });

  it('are usage errors when the glob matches only tables that -t leaves out', async () => {
    const result = await diff('-t', 'profit', '--fail-on', 'market.**>1%');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/--fail-on 'market\.\*\*>1%': .*only .*market table.*-t profit/);
  });

  it('are usage errors when an amount threshold meets only ratios', async () => {
    const result = await diff('--fail-on', 'profit.profitShare.*>1亿');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--fail-on 'profit\.profitShare\.\*>1亿': .*only ratios.*relative threshold/);
    // The same glob with a relative threshold checks them.
    expect((await diff('--fail-on', 'profit.profitShare.*>1%')).code).toBe(1);
  });

  it('are usage errors when the glob matches only values neither scenario has (an undefined CAGR)', async () => {
    const result = await runCli([
      'diff',
      'test/fixtures/zero-start.yaml',
      'test/fixtures/zero-start.yaml',
      '--fail-on',
      'spend.cagr.*>1%',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--fail-on 'spend\.cagr\.\*>1%': .*undefined in both/);
  });

  it('never let Markdown say Passes for a rule that checked nothing: each rule checks the values an independent walk ' +
    'of the JSON finds', async () => {
    // Every address of the selected tables, from the forecast's JSON (addresses are its paths).
    const memo = new Map<string, Promise<[string, boolean][]>>();
    const addresses = (tables: string) => memo.get(tables) ?? memo.set(tables, walkForecast(tables)).get(tables)!;
    const walkForecast = async (tables: string) => {
      const document = JSON.parse((await runCli(['forecast', '-f', 'json', '-t', tables])).stdout).cases.base;
      const found: [string, boolean][] = [];
      const walk = (node: unknown, path: string[]) => {
        if (node === null || typeof node === 'string') {
          if (path.at(-1) !== 'label') found.push([path.join('.'), node !== null]);
        } else if (typeof node === 'object' && !Array.isArray(node))
          for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
      };
      walk(document, []);
      return found;
    };
    const toRegExp = (glob: string) =>
      new RegExp(
        `^${glob
          .split('**')
          .map((part) =>
            part
              .split('*')
              .map((text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
              .join('[^.]*'),
          )
          .join('.*')}$`,
      );
    const part = fc.constantFrom(
      'market',
      'profit',
      'spend',
      'tech',
      '*',
      '**',
      'marketSize',
      'modes',
      'receivables',
      'size',
      'profitShare',
      'total',
      'cagr',
      'segments',
      'payment',
      '2019',
      '2023',
      'nope',
    );
    const tables = fc.constantFrom('market', 'profit', 'spend', 'market,profit', 'profit,tech');
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 5 }), tables, async (parts, selected) => {
        const glob = parts.join('.');
        const checked = (await addresses(selected)).filter(
          ([address, present]) => present && toRegExp(glob).test(address),
        ).length;
        const result = await diff('-t', selected, '-f', 'md', '--fail-on', `${glob}>1%`);
        if (checked === 0) {
          expect(result.code, glob).toBe(2);
          expect(result.stdout).toBe('');
          expect(result.stderr).toMatch(/^fintech-calc: error: --fail-on '/);
        } else {
          expect(result.code, `${glob} ${result.stderr}`).not.toBe(2);
          const verdict = result.stdout.split('\n')[2]!;
          expect(verdict).toMatch(result.code === 0 ? /^\*\*Passes\*\*/ : /^\*\*Fails\*\*/);
          expect(result.stdout).toContain(`checked ${checked} value${checked === 1 ? '' : 's'}`);
        }
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});

describe('diff with one-sided overrides (--set-a, --set-b)', () => {
  const changes = async (...args: string[]) => {
    const result = await runCli(['diff', 'baseline', 'baseline', '-f', 'json', '-t', 'profit', ...args]);
    return {
      code: result.code,
      stderr: result.stderr,
      changes:
        result.code === 2
          ? []
          : (JSON.parse(result.stdout).changes as { metric: string; year: string; a: string; b: string }[]),
    };
  };
  const cost2023 = (list: { metric: string; year: string; a: string; b: string }[]) =>
    list.find((c) => c.metric === 'operatingCost' && c.year === '2023');

  it('--set-b changes b only, --set-a a only, --set both', async () => {
    const b = await changes('--set-b', 'bankProfit.operatingCost.2023=1%');
    expect(b.code).toBe(1);
    expect(cost2023(b.changes)).toMatchObject({ a: '0.009', b: '0.01' });
    const a = await changes('--set-a', 'bankProfit.operatingCost.2023=1%');
    expect(cost2023(a.changes)).toMatchObject({ a: '0.01', b: '0.009' });
    expect(await changes('--set', 'bankProfit.operatingCost.2023=1%')).toEqual({ code: 0, stderr: '', changes: [] });
  });

  it('applies --set first, then each side its own', async () => {
    const both = await changes(
      '--set',
      'bankProfit.profitShare=2%',
      '--set-b',
      'bankProfit.profitShare=2.5%',
      '--set-a',
      'bankProfit.operatingCost.2023=1%',
    );
    const share = both.changes.find((c) => c.metric === 'profitShare' && c.year === '2023');
    expect(share).toMatchObject({ a: '0.02', b: '0.025' });
    expect(cost2023(both.changes)).toMatchObject({ a: '0.01', b: '0.009' });
  });

  it('names a bad one-sided override by its option and number', async () => {
    const bad = await runCli([
      'diff',
      'baseline',
      'baseline',
      '--set-a',
      'bankProfit.profitShare=2%',
      '--set-b',
      'bankProfit.operatingCots.2023=1%',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(
      /^--set-b #1: error: bankProfit\.operatingCots: no such input \(did you mean 'operatingCost'\?\)/,
    );
  });

  it('records each side’s overrides in the stamp', async () => {
    const { stamp } = JSON.parse(
      (
        await runCli([
          'diff',
          'baseline',
          'baseline',
          '-f',
          'json',
          '--set',
          'bankProfit.profitShare=2%',
          '--set-b',
          'bankProfit.operatingCost.2023=1%',
        ])
      ).stdout,
    );
    expect(stamp.set).toEqual(['bankProfit.profitShare=2%']);
    expect(stamp.scenarios.map((scenario: { set?: string[] }) => scenario.set)).toEqual([
      undefined,
      ['bankProfit.operatingCost.2023=1%'],
    ]);
  });

  it('has help examples that show a change when they compare a scenario with itself', async () => {
    const help = (await runCli(['diff', '--help'])).stdout;
    const examples = help.split('\n').filter((line) => /^\s+fintech-calc diff baseline baseline /.test(line));
    expect(examples.length).toBeGreaterThan(0);
    for (const line of examples) {
      const args = line.trim().split(/\s+/).slice(1);
      expect((await runCli(args)).code, line).toBe(1);
    }
  });
});

describe('bare amounts on the command line', () => {
  it('are in the output unit for --tolerance and --fail-on, like an explicit unit, and are ' +
    'echoed with the unit', async () => {
    const variant = (...args: string[]) =>
      runCli(['diff', 'baseline', 'test/fixtures/extends/variant.yaml', '-t', 'market', ...args]);
    const strip = (text: string) =>
      text
        .replaceAll('0.4 万亿元', 'X')
        .replaceAll("'market.marketSize.*>0.4'", 'R')
        .replaceAll("'market.marketSize.*>4000亿'", 'R');
    const bare = await variant('-u', '万亿元', '--tolerance', '0.4', '--fail-on', 'market.marketSize.*>0.4');
    const explicit = await variant('-u', '万亿元', '--tolerance', '4000亿', '--fail-on', 'market.marketSize.*>4000亿');
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('beyond the tolerance 0.4 万亿元');
    expect(bare.stdout).toContain(
      "rule 'market.marketSize.*>0.4' (|Δ| > 0.4 万亿元) fired: market.marketSize.2023 (base) -0.450 万亿元 (-7.38%)",
    );
    expect(strip(bare.stdout)).toBe(strip(explicit.stdout));
    // In 亿元 the same bare numbers are 10,000 times smaller.
    expect((await variant('--tolerance', '0.4')).stdout).toContain('beyond the tolerance 0.4 亿元');
  });
});

describe('reproducibility stamp', () => {
  it('names the version, the extends chain with SHA-256s and the --set list, the same on every run', async () => {
    const args = ['forecast', 'test/fixtures/extends/variant.yaml', '-f', 'json', '--set', 'bankProfit.profitShare=2%'];
    const [first, second] = [await runCli(args), await runCli(args)];
    expect(first.stdout).toBe(second.stdout);
    const { stamp } = JSON.parse(first.stdout);
    expect(stamp.tool).toBe('fintech-calc');
    expect(stamp.set).toEqual(['bankProfit.profitShare=2%']);
    expect(stamp.setUnit).toBe('亿元');
    expect(stamp.scenarios[0].chain.map((file: { file: string }) => file.file)).toEqual([
      'test/fixtures/extends/variant.yaml',
      'scenarios/baseline.yaml',
    ]);
    // Computed here for the fixture, at build for the bundled baseline: both are the files' digests.
    for (const file of stamp.scenarios[0].chain)
      expect(file.sha256).toBe(createHash('sha256').update(readFileSync(file.file)).digest('hex'));
    expect(JSON.parse((await runCli([...args, '--no-stamp'])).stdout).stamp).toBeUndefined();
    expect((await runCli(['forecast', '-f', 'csv', '--stamp'])).stdout).toMatch(
      /^# fintech-calc-stamp \{"tool":"fintech-calc"/,
    );
  });

  it('records the unit the --set amounts were read in (the output unit), when there is a --set', async () => {
    const stampOf = async (...args: string[]) =>
      JSON.parse((await runCli(['forecast', '-t', 'market', '-f', 'json', ...args])).stdout).stamp;
    expect((await stampOf('-u', 'bn', '--set', 'supplyChain.marketSpace.2023=13000')).setUnit).toBe('bn');
    expect(Object.keys(await stampOf('-u', 'bn'))).toEqual(['tool', 'version', 'scenarios', 'set']);
  });
});

describe('check (assumption hygiene)', () => {
  it('passes the bundled scenarios with --strict', async () => {
    expect(await runCli(['check', '--strict'])).toEqual({
      code: 0,
      stdout: 'scenarios/bank-led.yaml: ok\nscenarios/baseline.yaml: ok\nscenarios/kpis.yaml: ok\n',
      stderr: '',
    });
  });

  it('warns (exit 0), or with --strict fails (exit 2), on every kind of finding', async () => {
    const warned = await runCli(['check', 'test/fixtures/hygiene.yaml']);
    expect(warned.code).toBe(0);
    for (const finding of [
      'no source',
      'an assumption without a reason',
      'a range whose low equals its high',
      "far from the range's midpoint",
      'more than --max-growth',
      'the same source as',
    ]) {
      expect(warned.stderr).toContain(finding);
    }
    expect((await runCli(['check', '--strict', 'test/fixtures/hygiene.yaml'])).code).toBe(2);
    expect((await runCli(['check', '--max-growth', '400%', 'test/fixtures/hygiene.yaml'])).stderr).not.toContain(
      'more than --max-growth',
    );
  });

  it('takes any reason after assumption, however short, and flags only none or a placeholder', async () => {
    const sourced = (source: string) => `years: 2020..2021
supplyChain:
  marketSpace: {value: 100, source: ${JSON.stringify(source)}}
  modes:
    r: {share: {value: 40%, source: "l.1"}, penetration: {value: 50%, source: "l.2"}}
`;
    const about = async (source: string) =>
      hygiene(await load(sourced(source)), DEFAULT_MAX_GROWTH).filter((warning) =>
        warning.message.en.includes('assumption'),
      );
    for (const reason of [
      'assumption: survey',
      'assumption：调研',
      'Assumption - expert view',
      'assumption, survey 2019',
    ])
      expect(await about(reason), reason).toEqual([]);
    for (const none of ['assumption', 'assumption:', 'assumption - ']) {
      const messages = (await about(none)).map((warning) => warning.message.en);
      expect(messages, none).toEqual([`an assumption without a reason ('${none}'); say why this number`]);
    }
    for (const placeholder of [
      'assumption: tbd',
      'assumption: TODO',
      'assumption: ?',
      'assumption: n/a',
      'assumption: 待定',
      'assumption: xxx.',
    ]) {
      expect(
        (await about(placeholder)).map((warning) => warning.message.en),
        placeholder,
      ).toEqual([`an assumption whose reason is a placeholder ('${placeholder}'); say why this number`]);
    }
  });

  it('flags a value implausible for its input, and the jump it makes, at the line of the file that wrote it, ' +
    "not the baseline's", async () => {
    const file = 'test/fixtures/plausibility/operating-cost.yaml';
    const warned = await runCli(['check', file]);
    expect(warned).toEqual({
      code: 0,
      stdout: '',
      stderr:
        `${file}:6:11: warning: bankProfit.operatingCost.2023: 90% is implausible for an operating cost as a share ` +
          `of financing (the report's falls from 1.5% to 0.9%, l.182); expected at most 10% (did you mean 0.9%?)\n` +
        `${file}:6:11: warning: bankProfit.operatingCost: changes by 1475% from 2019 to 2020 (base case), more than ` +
          `--max-growth 100%\n`,
    });
    const strict = await runCli(['check', '--strict', file]);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain(`${file}:6:11: error: bankProfit.operatingCost.2023: 90% is implausible`);
  });

  it("lists a child's findings first, then its parent's, each file top to bottom; a jump at the nearest file " +
    'that wrote its ends', async () => {
    const [child, parent] = ['test/fixtures/plausibility/child-of-hygiene.yaml', 'test/fixtures/hygiene.yaml'];
    const lines = (await runCli(['check', child])).stderr.trimEnd().split('\n');
    const at = lines.map((line) => /^(.+?):(\d+):(\d+): /.exec(line)!.slice(1, 4).join(':'));
    expect(at).toEqual([
      `${child}:6:11`,
      `${child}:6:11`,
      `${child}:9:27`,
      ...['5:11', '6:27', '9:14', '10:20', '12:14', '13:27', '13:49'].map((pos) => `${parent}:${pos}`),
    ]);
    // The market space jumps from the child's 2019 (10亿元) towards the parent's 2023: reported in the child.
    expect(lines[1]).toContain(`${child}:6:11: warning: supplyChain.marketSpace: changes by 1216.1% from 2019 to 2020`);
    expect(lines[2]).toContain(
      `${child}:9:27: warning: supplyChain.modes.b.penetration: changes by 350% from 2019 to 2020`,
    );
  });

  it('flags an anchor year far outside its module, and fails on it with --strict', async () => {
    const file = 'test/fixtures/plausibility/far-anchor.yaml';
    const message =
      `${file}:8:15: warning: supplyChain.modes.receivables.penetration.2203: ` +
      "anchor year 2203 is 180 years after supplyChain's years 2019..2023; " +
      'an anchor more than 10 years outside them is likely a typo (the years between are interpolated towards it)\n';
    expect(await runCli(['check', file])).toEqual({ code: 0, stdout: '', stderr: message });
    expect(await runCli(['check', '--strict', file])).toEqual({
      code: 2,
      stdout: '',
      stderr: message.replace(': warning: ', ': error: '),
    });
  });
});

describe('validate warnings', () => {
  const far = 'test/fixtures/plausibility/far-anchor.yaml';

  it('warns of an anchor year far outside its module on stderr, the file still valid (exit 0)', async () => {
    const result = await runCli(['validate', far, 'baseline']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${far}: ok\nscenarios/baseline.yaml: ok\n`);
    expect(result.stderr).toBe(
      `${far}:8:15: warning: supplyChain.modes.receivables.penetration.2203: anchor year 2203 is 180 years after ` +
        `supplyChain's years 2019..2023; an anchor more than 10 years outside them is likely a typo (the years ` +
          `between are interpolated towards it)\n`,
    );
  });

  it("warns of a file's own anchors first, then of those of the files it extends", async () => {
    const result = await runCli(['validate', 'test/fixtures/plausibility/far-child.yaml']);
    expect(result.code).toBe(0);
    expect(result.stderr.trimEnd().split('\n').map((line) => line.slice(0, line.indexOf(': warning: ')))).toEqual([
      'test/fixtures/plausibility/far-child.yaml:8:15',
      'test/fixtures/plausibility/far-parent.yaml:6:11',
    ]);
  });

  it('lists the warnings in its JSON', async () => {
    const result = await runCli(['validate', '-f', 'json', far, 'baseline']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const [file, baseline] = JSON.parse(result.stdout).files;
    expect(file.warnings).toEqual([
      {
        file: far,
        line: 8,
        col: 15,
        path: 'supplyChain.modes.receivables.penetration.2203',
        message: expect.stringContaining('anchor year 2203 is 180 years after'),
      },
    ]);
    expect(baseline.warnings).toEqual([]);
  });

  it('does not warn of what only check asks about (sources, implausible values)', async () => {
    expect(
      await runCli(['validate', 'test/fixtures/plausibility/operating-cost.yaml', 'test/fixtures/hygiene.yaml']),
    ).toEqual({
      code: 0,
      stdout: 'test/fixtures/plausibility/operating-cost.yaml: ok\ntest/fixtures/hygiene.yaml: ok\n',
      stderr: '',
    });
  });
});
