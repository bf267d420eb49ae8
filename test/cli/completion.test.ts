// Shell completion: `__complete` offers what each place on the command line
// takes, from the program's own definitions and the scenario on the line; the
// bash script turns that into COMPREPLY (zsh's and fish's read the same lines).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metricAddresses } from '../../src/engine/analysis/lines.js';
import { inputsOf } from '../../src/engine/analysis/inputs.js';
import { forecastCase } from '../../src/engine/forecast.js';
import { CASES, DISTRIBUTIONS, TABLES } from '../../src/engine/types.js';
import { parseScenario } from '../../src/scenario/load.js';
import { OUTPUT_UNITS } from '../../src/shared/unit-names.js';
// @ts-expect-error -- plain ESM helper shared with the regenerate script
import { BIN, ROOT } from './golden.mjs';
import { runCli } from './in-process.js';

const folder = mkdtempSync(join(tmpdir(), 'fintech-calc-complete-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The candidates offered for the last word, and what the shell should add. */
async function complete(...words: string[]): Promise<{ values: string[]; files: string; lines: string[] }> {
  const result = await runCli(['__complete', '--', ...words]);
  expect(result.code).toBe(0);
  expect(result.stderr).toBe('');
  const lines = result.stdout.trimEnd().split('\n');
  const directive = lines.pop()!;
  expect(directive).toMatch(/^:(none|any|yaml)$/);
  return { values: lines.map((line) => line.split('\t')[0]!), files: directive.slice(1), lines };
}

/** Every full name reachable by completing dotted parts, as a user pressing Tab would. */
async function reachable(before: readonly string[], start = ''): Promise<string[]> {
  const found: string[] = [];
  for (const value of (await complete(...before, start)).values) {
    if (value.endsWith('.')) found.push(...(await reachable(before, value)));
    else found.push(value);
  }
  return found;
}

async function help(command: string): Promise<string> {
  return (await runCli([command, '--help'], { env: { COLUMNS: '300' } })).stdout;
}

const baseline = await parseScenario(readFileSync(join(ROOT, 'scenarios/baseline.yaml'), 'utf8'), 'baseline.yaml');

describe('__complete', () => {
  it('offers every command that --help lists, with its description', async () => {
    const listed = [
      ...(await help('--help'))
        .split('Commands:')[1]!
        .split('\n\n')[0]!
        .matchAll(/^ {2}(\w[\w-]*)/gm),
    ].map((match) => match[1]);
    const { values, lines } = await complete('');
    expect(values).toEqual(listed);
    expect(values).toEqual(expect.arrayContaining(['forecast', 'diff', 'explain', 'init', 'completion', 'help']));
    expect(lines.find((line) => line.startsWith('forecast\t'))).toMatch(/^forecast\tforecast each scenario/);
    expect((await complete('si')).values).toEqual(['simulate']);
  });

  const commands = [
    'forecast', 'diff', 'explain', 'sensitivity', 'solve', 'simulate',
    'check', 'validate', 'list', 'init', 'completion',
  ];
  it.each(commands)('offers the options %s --help lists', async (command) => {
    const listed = [...(await help(command)).matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]);
    expect((await complete(command, '--')).values.sort()).toEqual(listed.sort());
  });

  it('offers the values each option names in its description', async () => {
    expect((await complete('forecast', '-t', '')).values).toEqual([...TABLES]);
    expect((await complete('forecast', '--table', 'market,')).values).toEqual(
      TABLES.filter((t) => t !== 'market').map((t) => `market,${t}`),
    );
    expect((await complete('forecast', '-c', '')).values).toEqual([...CASES, 'all']);
    expect((await complete('solve', '-c', '')).values).toEqual([...CASES]);
    expect((await complete('forecast', '-f', '')).values).toEqual(['table', 'json', 'csv', 'md']);
    expect((await complete('explain', '-f', '')).values).toEqual(['table', 'json']);
    expect((await complete('validate', '-f', '')).values).toEqual(['json', 'text']);
    expect((await complete('forecast', '-u', '')).values).toEqual([...OUTPUT_UNITS]);
    expect((await complete('init', '--lang', '')).values).toEqual(['en', 'zh']);
    expect((await complete('simulate', '--dist', 'p')).values).toEqual(DISTRIBUTIONS.filter((d) => d.startsWith('p')));
    expect((await complete('completion', '')).values).toEqual(['bash', 'zsh', 'fish']);
    expect((await complete('help', 'ex')).values).toEqual(['explain']);
  });

  it('offers bundled scenarios and asks the shell for scenario files where a scenario goes', async () => {
    for (const words of [
      ['forecast', ''],
      ['forecast', 'baseline', ''],
      ['diff', 'baseline', ''],
      ['simulate', ''],
      ['validate', ''],
    ]) {
      const { values, files } = await complete(...words);
      expect(values, words.join(' ')).toEqual(['bank-led', 'baseline', 'kpis']);
      expect(files).toBe('yaml');
    }
    expect(await complete('forecast', 'bank')).toMatchObject({ values: ['bank-led'], files: 'yaml' });
    // Files of any kind where a file is written.
    for (const words of [
      ['forecast', '-o', ''],
      ['simulate', '--samples-file', ''],
      ['init', ''],
    ])
      expect((await complete(...words)).files, words.join(' ')).toBe('any');
    // After `--` every word is an argument, and a value of its own follows an option that takes one.
    expect((await complete('forecast', '--', '-')).files).toBe('yaml');
    expect((await complete('forecast', '--unit=bn', '')).files).toBe('yaml');
    expect((await complete('forecast', '-ubn', '')).files).toBe('yaml');
    expect((await complete('forecast', '--no-color', '')).files).toBe('yaml');
    // A value given with = is completed after it.
    expect((await complete('forecast', '--table=market,s')).values).toEqual(['--table=market,spend']);
  });

  it('reaches every metric address of the baseline, part by part, for explain and --metric', async () => {
    const addresses = metricAddresses(forecastCase(baseline, 'base'));
    expect((await complete('explain', 'market.mo')).values).toEqual(['market.modes.']);
    expect((await complete('explain', 'market.modes.')).values).toEqual([
      'market.modes.receivables.',
      'market.modes.arif.',
    ]);
    expect((await reachable(['explain'])).filter((value) => value.includes('.')).sort()).toEqual([...addresses].sort());
    // The same addresses wherever a metric goes (walked through one branch: a whole walk takes a while).
    for (const before of [
      ['sensitivity', '--metric'],
      ['simulate', '--metric'],
      ['diff', 'baseline', 'bank-led', '--fail-on'],
      ['explain', 'baseline'],
    ]) {
      expect((await complete(...before, '')).values, before.join(' ')).toEqual([
        'market.',
        'profit.',
        'spend.',
        'labour.',
        'tech.',
      ]);
      expect((await reachable(before, 'profit.')).sort(), before.join(' ')).toEqual(
        addresses.filter((address) => address.startsWith('profit.')).sort(),
      );
    }
    expect((await reachable(['solve', '--target'], 'profit.')).sort()).toEqual(
      addresses
        .filter((address) => address.startsWith('profit.'))
        .map((address) => `${address}=`)
        .sort(),
    );
  });

  it('reaches every input of the baseline, with and without a year, for --set and --vary', async () => {
    const inputs = [...inputsOf(baseline)].flatMap(([path, series]) => [
      path,
      ...[...series.keys()].map((year) => `${path}.${year}`),
    ]);
    expect(inputs.length).toBeGreaterThan(50);
    expect((await reachable(['solve', '--vary'])).sort()).toEqual([...inputs].sort());
    expect((await reachable(['forecast', '--set'], 'bankProfit.')).sort()).toEqual(
      inputs
        .filter((input) => input.startsWith('bankProfit.'))
        .map((input) => `${input}=`)
        .sort(),
    );
    expect((await complete('diff', 'baseline', 'bank-led', '--set-b', 'bankProfit.profitSh')).values).toEqual([
      'bankProfit.profitShare=',
      'bankProfit.profitShare.',
    ]);
  });

  it('takes metrics and inputs from the scenario on the command line', async () => {
    const file = join(folder, 'trade.yaml');
    writeFileSync(file, 'extends: baseline\nsupplyChain:\n  modes:\n    trade: {share: 5%, penetration: 30%}\n');
    expect((await complete('explain', file, 'market.modes.')).values).toEqual([
      'market.modes.receivables.',
      'market.modes.arif.',
      'market.modes.trade.',
    ]);
    expect((await complete('simulate', file, '--metric', 'market.modes.t')).values).toEqual(['market.modes.trade.']);
    expect((await complete('forecast', file, '--set', 'supplyChain.modes.t')).values).toEqual([
      'supplyChain.modes.trade.',
    ]);
    // The baseline's when the scenario cannot be read; never an error while typing.
    expect((await complete('explain', join(folder, 'missing.yaml'), 'market.modes.')).values).toEqual([]);
    writeFileSync(join(folder, 'bad.yaml'), 'supplyChain: [');
    expect((await complete('sensitivity', join(folder, 'bad.yaml'), '--metric', '')).values).toEqual([]);
  });

  it('offers nothing after a word that is no command, or where nothing more goes', async () => {
    expect(await complete('frobnicate', '')).toMatchObject({ values: [], files: 'none' });
    expect(await complete('schema', '')).toMatchObject({ values: [], files: 'none' });
    expect(await complete('completion', 'bash', '')).toMatchObject({ values: [], files: 'none' });
    expect(await complete('diff', 'baseline', 'bank-led', '--tolerance', '')).toMatchObject({
      values: [],
      files: 'none',
    });
  });
});

describe('completion <shell>', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: prints a script that asks fintech-calc __complete', async (shell) => {
    const result = await runCli(['completion', shell]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('__complete --');
    expect(result.stdout).toContain(`fintech-calc completion ${shell}`); // how to install it
  });

  it('works in bash: the script fills COMPREPLY from the built CLI', () => {
    const bin = join(folder, 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'fintech-calc'));
    const work = join(folder, 'work');
    mkdirSync(join(work, 'sub'), { recursive: true });
    for (const name of ['my.yaml', 'other.yml', 'notes.txt']) writeFileSync(join(work, name), '');
    const script = spawnSync(process.execPath, [BIN, 'completion', 'bash'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(folder, 'completion.bash'), script);
    // As bash calls it on Tab: the line and the cursor, the words split at blanks and at = (COMP_WORDBREAKS).
    const driver = `source ${JSON.stringify(join(folder, 'completion.bash'))}
tab() {
  COMP_LINE=$1; COMP_POINT=\${#1}
  local split=\${1//=/ = }
  read -r -a COMP_WORDS <<< "$split"
  [[ $1 == *[[:space:]] ]] && COMP_WORDS+=('')
  COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
  _fintech_calc 2>/dev/null
  printf '%s\\n' "$1" "\${COMPREPLY[@]}" ''
}
tab 'fintech-calc fore'
tab 'fintech-calc forecast -t pro'
tab 'fintech-calc forecast '
tab 'fintech-calc forecast -o no'
tab 'fintech-calc explain market.modes.rec'
tab 'fintech-calc solve --target profit.increment.2023'
tab 'fintech-calc solve --target=profit.increment.20'
`;
    const result = spawnSync('bash', ['--norc', '-c', driver], {
      cwd: work,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, LANG: 'C' },
    });
    expect(result.stderr).toBe('');
    const replies = Object.fromEntries(result.stdout.split('\n\n').filter(Boolean).map((block) => {
      const [line, ...candidates] = block.split('\n');
      return [line, candidates.sort()];
    }));
    expect(replies).toEqual({
      'fintech-calc fore': ['forecast'],
      'fintech-calc forecast -t pro': ['profit'],
      'fintech-calc forecast ': ['bank-led', 'baseline', 'kpis', 'my.yaml', 'other.yml', 'sub'],
      'fintech-calc forecast -o no': ['notes.txt'],
      'fintech-calc explain market.modes.rec': ['market.modes.receivables.'],
      'fintech-calc solve --target profit.increment.2023': ['profit.increment.2023='],
      // bash replaces only what follows the =: the candidates say only that part.
      'fintech-calc solve --target=profit.increment.20': [2019, 2020, 2021, 2022, 2023].map(
        (year) => `profit.increment.${year}=`,
      ),
    });
  });
});
