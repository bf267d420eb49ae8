// The library (src/lib/index.ts) as a caller uses it: its results are the CLI's
// `-f json --no-stamp` documents, bad input throws FintechCalcError with every
// problem located, and nothing touches the process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  diff,
  explain,
  FintechCalcError,
  forecast,
  loadScenario,
  sensitivity,
  simulate,
  solve,
  type Scenario,
} from '../../src/lib/index.js';
import { runCli } from '../cli/in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-lib-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The CLI's JSON document for these arguments. */
async function cliJson(...args: string[]): Promise<unknown> {
  const { code, stdout, stderr } = await runCli(args);
  expect({ code, stderr }).toEqual({ code: args[0] === 'diff' ? expect.any(Number) : 0, stderr: '' });
  return JSON.parse(stdout);
}

/** The error a call throws (or rejects with). */
async function thrown(work: () => unknown): Promise<FintechCalcError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(FintechCalcError);
    return error as FintechCalcError;
  }
  throw new Error('expected a FintechCalcError');
}

describe('results are the CLI documents', () => {
  it('forecast: every case, a unit and a language, as forecast -f json', async () => {
    const scenario = await loadScenario('bank-led');
    expect(scenario).toEqual({
      name: 'bank-led',
      title: expect.any(String),
      file: 'scenarios/bank-led.yaml',
      files: ['scenarios/bank-led.yaml', 'scenarios/baseline.yaml'],
    });
    const document = forecast(scenario, { case: 'all', unit: '万亿元', lang: 'zh', tables: ['market', 'spend'] });
    const cli = ['bank-led', '-c', 'all', '-u', '万亿元', '--lang', 'zh', '-t', 'market,spend'];
    expect(document).toEqual(await cliJson('forecast', ...cli, '-f', 'json', '--no-stamp'));
    expect(document.cases.high?.market?.marketSize['2023']).toMatch(/^\d+(\.\d+)?$/);
  });

  it('forecast of the default baseline, with --set overrides in a unit', async () => {
    const set = ['supplyChain.marketSpace.2023=13', 'bankProfit.profitShare=2.5%'];
    const scenario = await loadScenario(undefined, { set, unit: '万亿元' });
    const options = set.flatMap((text) => ['--set', text]);
    const cli = await cliJson('forecast', ...options, '-u', '万亿元', '-f', 'json', '--no-stamp');
    expect(forecast(scenario, { unit: '万亿元' })).toEqual(cli);
    expect(forecast(scenario).cases.base?.market?.marketSpace['2023']).toBe('130000');
  });

  it('diff with a tolerance and attribution, as diff -f json', async () => {
    const [a, b] = [await loadScenario('baseline'), await loadScenario('bank-led')];
    const document = diff(a, b, { tolerance: '0.1%', attribute: true, case: 'all' });
    const cli = ['baseline', 'bank-led', '--tolerance', '0.1%', '--attribute', '-c', 'all', '-f', 'json', '--no-stamp'];
    expect(document).toEqual(await cliJson('diff', ...cli));
    expect(document.changes.length).toBeGreaterThan(0);
    expect(diff(a, a).changes).toEqual([]);
  });

  it('explain, sensitivity and simulate, as their -f json', async () => {
    const baseline = await loadScenario();
    expect(explain(baseline, 'profit.increment.2023', { case: 'high' })).toEqual(
      await cliJson('explain', 'profit.increment.2023', '-c', 'high', '-f', 'json'),
    );
    expect(sensitivity(baseline, 'market.marketSize.2023', { swing: 0.1 })).toEqual(
      await cliJson('sensitivity', '--metric', 'market.marketSize.2023', '--swing', '10%', '-f', 'json'),
    );
    const simulated = simulate(baseline, {
      samples: 2000,
      seed: 7,
      dist: 'pert',
      percentiles: [10, 90],
      tables: ['market'],
    });
    const cli = ['-n', '2000', '--seed', '7', '--dist', 'pert', '--percentiles', '10,90', '-t', 'market'];
    expect(simulated).toEqual(await cliJson('simulate', ...cli, '-f', 'json', '--no-stamp'));
  });

  it('solve, as solve -f json (no stamp): a target with a unit, a case, a bare target in the output unit', async () => {
    const baseline = await loadScenario();
    const vary = 'supplyChain.modes.receivables.penetration.2023';
    const metric = 'market.marketSize.2023';
    const document = await solve(baseline, { metric, target: '6.5万亿', vary, case: 'high' });
    const target = 'market.marketSize.2023=6.5万亿';
    expect(document).toEqual(await cliJson('solve', '--target', target, '--vary', vary, '-c', 'high', '-f', 'json'));
    expect(document.format).toBe('fintech-calc/solve@1');
    expect(Number(document.value)).toBeGreaterThan(0.7);
    const bare = { metric: 'profit.increment.2023', target: 0.15, vary: 'bankProfit.operatingCost.2023' };
    const cli = ['--target', 'profit.increment.2023=0.15', '--vary', bare.vary, '-u', '万亿元', '-f', 'json'];
    expect(await solve(baseline, { ...bare, unit: '万亿元' })).toEqual(await cliJson('solve', ...cli));
  });

  it('reads scenario text, which may extend a bundled scenario or a file beside it', async () => {
    writeFileSync(join(folder, 'parent.yaml'), 'version: 1\nextends: baseline\nbankProfit:\n  profitShare: 2%\n');
    const child = await loadScenario({
      text: 'version: 1\nname: child\nextends: parent.yaml\n',
      file: join(folder, 'child.yaml'),
    });
    expect(child.files).toEqual([join(folder, 'child.yaml'), join(folder, 'parent.yaml'), 'scenarios/baseline.yaml']);
    expect(forecast(child, { tables: ['profit'] }).cases.base?.profit?.profitShare['2023']).toBe('0.02');
  });
});

describe('bad input throws FintechCalcError with every problem', () => {
  it('carries each problem with its file, line, column and path, as the CLI prints them', async () => {
    const path = join(folder, 'bad.yaml');
    writeFileSync(
      path,
      'version: 1\nsupplyChain:\n  years: 2019..2023\n  marketSpace: -5\n  traditionalPenetration: 120\n',
    );
    const error = await thrown(() => loadScenario(path));
    const cli = await runCli(['forecast', path]);
    expect(error.message).toBe(cli.stderr.trimEnd());
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
    expect(error.problems[0]).toEqual({
      file: path,
      line: 4,
      col: 16,
      path: 'supplyChain.marketSpace',
      message: expect.stringContaining('negative'),
    });
    const lines = error.problems.map((problem) => problem.line);
    expect(lines).toEqual([4, 5, ...lines.slice(2)]);
  });

  it('for text, a missing file, a bad --set, and a bad option', async () => {
    expect((await thrown(() => loadScenario({ text: 'version: 1\nsupplyChain: [' }))).problems[0]).toMatchObject({
      file: '<text>',
      line: 2,
    });
    const nowhere = join(folder, 'nowhere.yaml');
    expect((await thrown(() => loadScenario(nowhere))).message).toBe(`${nowhere}: error: no such file`);
    const set = await thrown(() => loadScenario('baseline', { set: ['bankProfit.profitShare=300%'] }));
    expect(set.problems[0]).toMatchObject({ file: '--set #1', path: 'bankProfit.profitShare' });
    const baseline = await loadScenario();
    const unit = await thrown(() => forecast(baseline, { unit: '亿圆' }));
    expect(unit.problems).toEqual([
      {
        file: 'fintech-calc',
        line: 0,
        col: 0,
        path: '',
        message: expect.stringMatching(/^unit: '亿圆' is not a unit \(did you mean '亿元'\?\)/),
      },
    ]);
    expect(unit.message).toMatch(/^fintech-calc: error: unit: /);
    expect((await thrown(() => explain(baseline, 'profit.incremnt.2023'))).message)
      .toContain("(did you mean 'profit.increment.2023'?)");
    expect((await thrown(() => diff(baseline, baseline, { tolerance: '5 furlongs' }))).message)
      .toContain("unknown unit 'furlongs'");
    expect((await thrown(() => simulate(baseline, { samples: 0.5 }))).message)
      .toContain('samples: expected a whole number');
    expect((await thrown(() => forecast({ name: 'baseline' } as unknown as Scenario))).message)
      .toContain('expected a scenario from loadScenario()');
  });

  it('solve: the problems the CLI prints, its options named as the library takes them', async () => {
    const baseline = await loadScenario();
    const vary = 'supplyChain.modes.receivables.penetration.2023';
    const marketSize = 'market.marketSize.2023';
    const cases: { metric: string; target: string; vary: string }[] = [
      { metric: marketSize, target: '60万亿', vary },
      { metric: 'market.marketSiz.2023', target: '6万亿', vary },
      { metric: marketSize, target: '6 furlongs', vary },
      { metric: marketSize, target: '6万亿', vary: 'supplyChain.modes.receivable.penetration' },
      { metric: marketSize, target: '6万亿', vary: 'supplyChain.marketSpace' },
    ];
    for (const options of cases) {
      const error = await thrown(() => solve(baseline, options));
      const cli = await runCli(['solve', '--target', `${options.metric}=${options.target}`, '--vary', options.vary]);
      expect(cli.code).toBe(2);
      expect(error.message).toBe(cli.stderr.trimEnd().replaceAll('--target', 'target').replaceAll('--vary', 'vary'));
    }
    const missing = await thrown(() => solve(baseline, { metric: marketSize, vary } as Parameters<typeof solve>[1]));
    expect(missing.message).toBe('fintech-calc: error: target: expected a value of the metric (a string or a number)');
    const allCase = await thrown(() => solve(baseline, { metric: marketSize, target: 1, vary, case: 'all' as 'low' }));
    expect(allCase.message).toContain("case: 'all' is not one of low, base, high");
  });
});
