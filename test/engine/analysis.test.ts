// explain, sensitivity and solve reuse the engine: their numbers must be the
// forecast's own (SPEC §3 through the same code), checked here through the CLI.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { solve, validInterval } from '../../src/engine/analysis/solve.js';
import { runCli } from '../cli/in-process.js';

const json = async (...args: string[]) => {
  const result = await runCli(args);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const forecastValue = async (metric: string[], ...args: string[]) => {
  const document = await json('forecast', '-f', 'json', ...args);
  return metric.reduce((node, key) => node[key], document.cases.base) as string;
};

describe('explain', () => {
  it('reproduces the report’s profit formula (l.183) with the figures', async () => {
    const { tree } = await json('explain', 'profit.increment.2023', '-f', 'json');
    expect(tree.value).toBe('1377');
    expect(tree.formula).toBe('profit − traditionalProfit');
    const [profit, traditional] = tree.operands;
    expect([profit.value, profit.formula]).toEqual(['2127', 'shareProfit + costSavings']);
    expect(traditional.formula).toBe('traditionalSize × profitShare');
    const [share, savings] = profit.operands;
    expect(share.operands.map((o: { value: string }) => o.value)).toEqual(['61000', '0.03']);
    expect(savings.operands.slice(0, 2).map((o: { value: string }) => o.value)).toEqual(['0.015', '0.009']);
  });

  it('gives every node the value forecast prints', async () => {
    const { tree } = await json('explain', 'market.marketSize.2021', '-f', 'json', '-c', 'high');
    const document = await json('forecast', '-f', 'json', '-c', 'high');
    const market = document.cases.high.market;
    expect(tree.value).toBe(market.marketSize['2021']);
    expect(tree.operands.map((o: { value: string }) => o.value)).toEqual([
      market.modes.receivables.size['2021'],
      market.modes.arif.size['2021'],
      market.otherSize['2021'],
    ]);
  });
});

describe('explain: a --set amount', () => {
  it('is read in the output unit and echoed with it', async () => {
    const bare = await json(
      'explain',
      'market.marketSpace.2023',
      '-f',
      'json',
      '-u',
      '万亿元',
      '--set',
      'supplyChain.marketSpace.2023=13',
    );
    expect([bare.tree.value, bare.tree.input.how]).toEqual(['13', ['anchor 2023, set by --set #1: 13 万亿元']]);
    const explicit = await json(
      'explain',
      'market.marketSpace.2022',
      '-f',
      'json',
      '-u',
      'bn',
      '--set',
      'supplyChain.marketSpace.2023=12～14万亿',
    );
    expect(explicit.tree.input.how[0]).toBe(
      'cagr between 2019 and 2023 (scenarios/baseline.yaml:19; set by --set #1: 12000～14000 bn)',
    );
    const ratio = await json(
      'explain',
      'profit.profitShare.2023',
      '-f',
      'json',
      '--set',
      'bankProfit.profitShare=2.5%',
    );
    expect(ratio.tree.input.how).toEqual(['the same every year, set by --set #1']);
  });
});

describe('sensitivity', () => {
  it('ranks the receivables penetration first for the 2023 market', async () => {
    const result = await json('sensitivity', '--metric', 'market.marketSize.2023', '-f', 'json');
    expect(result.inputs[0].input).toBe('supplyChain.modes.receivables.penetration');
    expect(result.base).toBe('61000');
  });

  it('has the low and high that forecast --set gives for the input at its low and high', async () => {
    const result = await json('sensitivity', '--metric', 'market.marketSize.2023', '-f', 'json');
    const ends = {
      'supplyChain.modes.receivables.penetration': ['60%', '70%'],
      'supplyChain.modes.arif.penetration': ['25%', '30%'],
    } as Record<string, [string, string]>;
    for (const entry of result.inputs) {
      const [low, high] = ends[entry.input]!;
      expect(entry.low).toBe(
        await forecastValue(['market', 'marketSize', '2023'], '--set', `${entry.input}.2023=${low}`),
      );
      expect(entry.high).toBe(
        await forecastValue(['market', 'marketSize', '2023'], '--set', `${entry.input}.2023=${high}`),
      );
    }
  });
});

describe('solve', () => {
  it('answers the 6.5万亿 question, and feeding the answer back gives 6.5万亿', async () => {
    const answer = await json(
      'solve',
      '--target',
      'market.marketSize.2023=6.5万亿',
      '--vary',
      'supplyChain.modes.receivables.penetration.2023',
      '-f',
      'json',
    );
    expect(answer.value).toBe('0.71333333333333333333');
    expect(
      await forecastValue(
        ['market', 'marketSize', '2023'],
        '--set',
        `supplyChain.modes.receivables.penetration.2023=${answer.value}`,
      ),
    ).toBe('65000');
  });

  it('inverts the forecast: solve(target = forecast(x)) ≈ x, for monotone metrics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom('market.marketSize.2023', 'profit.profit.2023', 'profit.increment.2023'), async (n, metric) => {
        const x = new Decimal(n).dividedBy(10000);
        const [table, name, year] = metric.split('.');
        const target = await forecastValue(
          [table!, name!, year!],
          '--set',
          `supplyChain.modes.receivables.penetration.2023=${x.toFixed()}`,
        );
        const answer = await json(
          'solve',
          '--target',
          `${metric}=${target}`,
          '--vary',
          'supplyChain.modes.receivables.penetration.2023',
          '-f',
          'json',
        );
        expect(new Decimal(answer.value).minus(x).abs().lessThan('1e-12')).toBe(true);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('finds roots of non-linear functions and reports unreachable targets', async () => {
    const cube = await solve({ f: async (x) => x.pow(3).minus(2), lower: new Decimal(0), upper: new Decimal(2) });
    expect(cube.kind === 'solved' && cube.x.minus(new Decimal(2).cbrt()).abs().lessThan('1e-18')).toBe(true);
    const out = await solve({ f: async (x) => x.plus(5), lower: new Decimal(0), upper: new Decimal(1) });
    expect(out).toMatchObject({
      kind: 'unreachable',
      atLower: new Decimal(5),
      atUpper: new Decimal(6),
      least: new Decimal(5),
      most: new Decimal(6),
      monotone: true,
    });
  });

  it('finds a root a non-monotone metric crosses inside, and tells a metric that does not move', async () => {
    const dip = await solve({
      f: async (x) => x.minus('0.5').pow(2).minus('0.01'),
      lower: new Decimal(0),
      upper: new Decimal(1),
    });
    expect(dip.kind === 'solved' && dip.x.minus('0.4').abs().lessThan('1e-18')).toBe(true);
    expect(await solve({ f: async () => new Decimal(3), lower: new Decimal(0), upper: new Decimal(1) })).toEqual({
      kind: 'flat',
      at: new Decimal(3),
    });
    // Below 0 at both ends and in the middle, above it only near 0.15 (the input's current value, say).
    const hump = async (x: Decimal) => x.minus('0.1').times(x.minus('0.2')).negated();
    const scanned = await solve({ f: hump, lower: new Decimal(0), upper: new Decimal(1) });
    expect(
      scanned.kind === 'solved' &&
        Decimal.min(scanned.x.minus('0.1').abs(), scanned.x.minus('0.2').abs()).lessThan('1e-18'),
    ).toBe(true);
    const found = await solve({ f: hump, lower: new Decimal(0), upper: new Decimal(1), inside: new Decimal('0.15') });
    expect(found.kind === 'solved' && found.x.minus('0.1').abs().lessThan('1e-18')).toBe(true);
  });

  it('scans the domain of a metric that is not monotone, down to a peak narrower than the scan', async () => {
    // Above 0 only within 0.001 of 0.3337, far from the ends, the middle and the point given.
    const peak = async (x: Decimal) => new Decimal('1e-6').minus(x.minus('0.3337').pow(2));
    const found = await solve({ f: peak, lower: new Decimal(0), upper: new Decimal(1), inside: new Decimal('0.9') });
    expect(
      found.kind === 'solved' &&
        Decimal.min(found.x.minus('0.3327').abs(), found.x.minus('0.3347').abs()).lessThan('1e-18'),
    ).toBe(true);
    // Never 0, highest in the middle: not monotone, and the range it covers is told.
    const below = await solve({
      f: async (x) => x.minus('0.5').pow(2).negated().minus(1),
      lower: new Decimal(0),
      upper: new Decimal(1),
    });
    expect(
      below.kind === 'unreachable' &&
        !below.monotone &&
        below.most.minus(-1).abs().lessThan('1e-12') &&
        below.least.equals('-1.25'),
    ).toBe(true);
  });

  it('solves labour.saving.2022 near its peak (growth of the human service cost), and says it is not ' +
    'monotone beyond', async () => {
    const vary = ['--vary', 'labourSavings.institutions.banks.humanServiceCost.growth'];
    const answer = await json(
      'solve',
      'test/fixtures/labour.yaml',
      '--target',
      'labour.saving.2022=28.075',
      ...vary,
      '-f',
      'json',
    );
    expect(new Decimal(answer.result).minus('28.075').abs().lessThan('1e-12')).toBe(true);
    expect(await fails('test/fixtures/labour.yaml', '--target', 'labour.saving.2022=47', ...vary)).toMatch(
      new RegExp(
        String.raw`^fintech-calc: error: labour\.saving\.2022 is not monotone in ` +
          String.raw`labourSavings\.institutions\.banks\.humanServiceCost\.growth: within \[-99\.00%, 1,000\.00%\] ` +
          String.raw`it covers -33,872\.5 亿元 to 28\.1 亿元, which does not reach 47\.0 亿元\n$`,
      ),
    );
  });

  it('solves a metric that rises then falls with its input, from the input’s current value', async () => {
    // The 2022 saving is 45.0 at 5% growth of the human service cost, and falls both ways far from it.
    const answer = await json(
      'solve',
      '--target',
      'labour.saving.2022=40',
      '--vary',
      'labourSavings.institutions.financialInstitutions.humanServiceCost.growth',
      '-f',
      'json',
    );
    expect(new Decimal(answer.result).minus(40).abs().lessThan('1e-12')).toBe(true);
  });

  it('finds where the scenario stops being valid, roughly then exactly, and what lies beyond', () => {
    const isValid = (x: Decimal) => x.greaterThanOrEqualTo('0.3') && x.lessThanOrEqualTo(2);
    const coarse = validInterval(isValid, new Decimal(1), new Decimal(0), new Decimal(10), new Decimal('1e-6'));
    expect(coarse.lower.minus('0.3').abs().lessThan('1e-5') && coarse.upper.minus(2).abs().lessThan('1e-4')).toBe(true);
    const exact = validInterval(isValid, new Decimal(1), new Decimal(0), new Decimal(10), new Decimal('1e-24'), coarse);
    expect(exact.lower.minus('0.3').abs().lessThan('1e-23') && exact.upper.minus(2).abs().lessThan('1e-22')).toBe(true);
    expect(exact.belowLower!.lessThan('0.3') && exact.aboveUpper!.greaterThan(2)).toBe(true);
    expect(validInterval(() => true, new Decimal(1), new Decimal(0), new Decimal(10), new Decimal('1e-6'))).toEqual({
      lower: new Decimal(0),
      upper: new Decimal(10),
    });
  });

  const fails = async (...args: string[]) => {
    const result = await runCli(['solve', ...args]);
    expect(result.code, result.stdout).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    return result.stderr;
  };

  it('takes any signed target: a CAGR of -5%, a negative increment', async () => {
    const cagr = await json(
      'solve',
      '--target',
      'tech.cagr=-5%',
      '--vary',
      'technologies.items.rpa.spend.2022',
      '-f',
      'json',
    );
    const back = await json(
      'forecast',
      '-f',
      'json',
      '-t',
      'tech',
      '--set',
      `technologies.items.rpa.spend.2022=${cagr.value}亿`,
    );
    expect(new Decimal(back.cases.base.tech.cagr).minus('-0.05').abs().lessThan('1e-15')).toBe(true);
    const increment = await json(
      'solve',
      '--target',
      'profit.increment.2023=-100',
      '--vary',
      'bankProfit.operatingCost.2023',
      '-f',
      'json',
    );
    expect(increment.target).toBe('-100');
    expect(
      new Decimal(
        await forecastValue(
          ['profit', 'increment', '2023'],
          '--set',
          `bankProfit.operatingCost.2023=${increment.value}`,
        ),
      )
        .minus(-100)
        .abs()
        .lessThan('1e-12'),
    ).toBe(true);
    // The sign belongs to one value: a range from -5% to 5% is still a range.
    expect(
      await fails(
        '--target',
        'market.penetration.2023=-5～5%',
        '--vary',
        'supplyChain.modes.receivables.penetration.2023',
      ),
    ).toContain('expected one value, not a range');
    // A ratio target is a percentage or a fraction, and says so.
    const vary = ['--vary', 'supplyChain.modes.receivables.penetration.2023'];
    expect(await fails('--target', 'market.penetration.2023=6.5万亿', ...vary)).toBe(
      "fintech-calc: error: --target: '6.5万亿' is not a value: expected a percentage (40%, -5%) or a fraction (0.4)\n",
    );
  });

  it('searches only where the scenario is valid: lowering a spend stops where frontier would exceed it', async () => {
    const answer = await json(
      'solve',
      '--target',
      'spend.frontierShare.2022=40%',
      '--vary',
      'techSpend.segments.payment.spend.2022',
      '-f',
      'json',
    );
    expect(
      new Decimal(
        await forecastValue(
          ['spend', 'frontierShare', '2022'],
          '--set',
          `techSpend.segments.payment.spend.2022=${answer.value}亿`,
        ),
      )
        .minus('0.4')
        .abs()
        .lessThan('1e-12'),
    ).toBe(true);
    // 90% would need frontier above spend: unreachable, with the domain and why it ends there.
    const stderr = await fails(
      '--target',
      'spend.frontierShare.2022=90%',
      '--vary',
      'techSpend.segments.payment.spend.2022',
    );
    expect(stderr).toMatch(
      new RegExp(
        String.raw`^fintech-calc: error: spend\.frontierShare\.2022 cannot reach 90\.00% by varying ` +
          String.raw`techSpend\.segments\.payment\.spend\.2022 within \[[\d,.]+ 亿元, [\d,.]+ 亿元\] ` +
          String.raw`\(below it, .*frontier spend exceeds the segment's spend.*\)`,
      ),
    );
    expect(stderr).not.toContain('the scenario is invalid');
  });

  it('says what an unreachable target would need, in the output unit, and when the metric does ' +
    'not move at all', async () => {
    const far = await fails(
      '--target',
      'market.marketSize.2023=100万亿',
      '--vary',
      'supplyChain.modes.receivables.penetration.2023',
    );
    expect(far).toContain(
      'cannot reach 1,000,000.0 亿元 by varying supplyChain.modes.receivables.penetration.2023 within [0.00%, ' +
        '100.00%]: at the ends of that interval it is 11,500.0 亿元 and 86,500.0 亿元',
    );
    const flat = await fails('--target', 'profit.costSavings.2019=5', '--vary', 'bankProfit.operatingCost.2023');
    expect(flat).toContain(
      'profit.costSavings.2019 does not depend on bankProfit.operatingCost.2023: it stays 0.0 亿元 over [0.00%, 100.00%]',
    );
    expect(flat).not.toMatch(/0\.0 … 0\.0/);
  });

  it('prints its answer with separators and the unit, and echoes the target with its unit', async () => {
    const result = await runCli([
      'solve',
      '--target',
      'market.marketSize.2023=65000.5',
      '--vary',
      'supplyChain.marketSpace.2023',
    ]);
    const [answer, gives] = result.stdout.split('\n');
    expect(answer).toMatch(/^supplyChain\.marketSpace\.2023 = 133,197\.7459\d+ 亿元$/);
    expect(gives).toContain('market.marketSize.2023 = 65,000.5 亿元 (target 65,000.5 亿元)');
    const wan = await runCli([
      'solve',
      '--target',
      'market.marketSize.2023=6.5',
      '--vary',
      'supplyChain.marketSpace.2023',
      '-u',
      '万亿元',
    ]);
    expect(wan.stdout.split('\n')[1]).toContain('(target 6.500 万亿元)');
    expect(wan.stdout.split('\n')[0]).toMatch(/^supplyChain\.marketSpace\.2023 = 13\.3\d+ 万亿元$/);
  });

  it('needs a year to vary a yearly series, and says so; a one-value input is varied every ' +
    'year, and says so', async () => {
    const stderr = await fails(
      '--target',
      'market.marketSize.2023=6.5万亿',
      '--vary',
      'supplyChain.modes.receivables.penetration',
    );
    expect(stderr).toMatch(
      new RegExp(
        String.raw`--vary: supplyChain\.modes\.receivables\.penetration changes from year to year ` +
          String.raw`\(anchors 2019, 2023\); name the year to vary, ` +
          String.raw`e\.g\. supplyChain\.modes\.receivables\.penetration\.2023`,
      ),
    );
    const whole = await runCli(['solve', '--target', 'profit.profit.2023=2000', '--vary', 'bankProfit.profitShare']);
    expect(whole.code).toBe(0);
    expect(whole.stdout.split('\n')[0]).toMatch(
      /^bankProfit\.profitShare = 2\.79\d+% \(0\.0279\d+\), the same every year$/,
    );
    expect(
      await fails('--target', 'market.marketSize.2023=6.5万亿', '--vary', 'supplyChain.modes.receivables'),
    ).toMatch(/--vary: supplyChain\.modes\.receivables is not an input/);
  });

  it('has no line of yearly values for a metric without years (a CAGR)', async () => {
    const result = await runCli(['solve', '--target', 'tech.cagr=5%', '--vary', 'technologies.items.rpa.spend.2022']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('simulate --samples-file', () => {
  it('says which file cannot be written, and names no option that does not exist', async () => {
    const result = await runCli(['simulate', '-n', '10', '--samples-file', '/nonexistent-dir/samples.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'fintech-calc: error: cannot write /nonexistent-dir/samples.csv: the directory /nonexistent-dir does not exist\n',
    );
  });
});
