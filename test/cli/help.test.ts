// --help says what each command accepts, and only that; it wraps to the terminal.
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/engine/types.js';
import { displayWidth } from '../../src/render/width.js';
import { runCli } from './in-process.js';

const FORMATS = ['table', 'json', 'csv', 'md'];
const COMMANDS = [
  'forecast',
  'diff',
  'explain',
  'sensitivity',
  'solve',
  'simulate',
  'check',
  'validate',
  'schema',
  'list',
  'init',
  'completion',
];

/** Each command run plainly, the base the variations are compared with. */
const BASE: Record<string, string[]> = {
  forecast: ['forecast'],
  diff: ['diff', 'baseline', 'bank-led'],
  explain: ['explain', 'profit.increment.2023'],
  sensitivity: ['sensitivity', '--metric', 'market.marketSize.2023'],
  solve: [
    'solve',
    '--target',
    'market.marketSize.2023=6.5万亿',
    '--vary',
    'supplyChain.modes.receivables.penetration.2023',
  ],
  simulate: ['simulate', '-n', '100'],
};

/** Each output option with a value that must change the output of a command that offers it. */
const VARIATIONS: Record<string, string[]> = {
  '--table': ['-t', 'profit'],
  '--case': ['-c', 'high'],
  '--unit': ['-u', '万亿元'],
  '--lang': ['--lang', 'zh'],
  '--set': ['--set', 'supplyChain.marketSpace.2023=13万亿'],
  '--stamp': ['-f', 'md', '--stamp'],
  '--no-stamp': ['-f', 'json', '--no-stamp'],
  '--no-color': ['--no-color'],
};

async function help(command: string, env: Record<string, string> = {}): Promise<string> {
  const result = await runCli([command, '--help'], { env });
  expect(result.code).toBe(0);
  return result.stdout;
}

/** The long names of the options a help text lists. */
function offered(text: string): Set<string> {
  return new Set([...text.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((match) => match[1]!));
}

describe('--help lists what each command accepts', () => {
  it('-t names every table', async () => {
    for (const command of ['forecast', 'diff', 'simulate']) {
      const line = (await help(command, { COLUMNS: '300' })).split('\n').find((text) => text.includes('--table'))!;
      for (const table of TABLES) expect(line, command).toContain(table);
    }
  });

  it.each(Object.keys(BASE))('%s honours every output option it offers and rejects the others', async (command) => {
    const text = await help(command);
    const options = offered(text);
    const base = await runCli(BASE[command]!, { stdoutIsTerminal: true });
    expect(base.code, base.stderr).toBeLessThan(2);
    for (const [option, args] of Object.entries(VARIATIONS)) {
      const result = await runCli([...BASE[command]!, ...args], { stdoutIsTerminal: true });
      if (options.has(option)) {
        expect(result.code, `${command} ${args.join(' ')}: ${result.stderr}`).toBeLessThan(2);
        expect(result.stdout, `${command} ${args.join(' ')} changes nothing`).not.toBe(base.stdout);
      } else {
        expect(result.code, `${command} ${args.join(' ')} is not offered but accepted`).toBe(2);
      }
    }
    // The formats offered are accepted, the others rejected.
    const formatLine = text.split('\n').find((line) => line.includes('--format'))!;
    const formats = FORMATS.filter((format) =>
      new RegExp(`\\b${format}\\b`).test(formatLine.slice(formatLine.indexOf('format:'))),
    );
    expect(formats.length).toBeGreaterThan(1);
    for (const format of FORMATS) {
      const result = await runCli([...BASE[command]!, '-f', format]);
      if (formats.includes(format)) expect(result.code, `${command} -f ${format}: ${result.stderr}`).toBeLessThan(2);
      else
        expect(result.stderr, `${command} -f ${format}`).toBe(
          `fintech-calc: error: --format: '${format}' is not one of ${formats.join(', ')}\n`,
        );
    }
  });
});

describe('--help wraps to the terminal', () => {
  it.each([40, 60, 80, 120])('every line fits in COLUMNS=%i (a word alone may not)', async (columns) => {
    for (const command of [...COMMANDS, '--help']) {
      const text =
        command === '--help'
          ? (await runCli(['--help'], { env: { COLUMNS: String(columns) } })).stdout
          : await help(command, { COLUMNS: String(columns) });
      for (const line of text.split('\n')) {
        if (displayWidth(line) > columns) expect(line.trim(), `${command} at ${columns}: ${line}`).not.toMatch(/ /);
      }
    }
  });

  it('is 80 columns wide when COLUMNS is not set and stdout is not a terminal', async () => {
    expect(await help('forecast')).toBe(await help('forecast', { COLUMNS: '80' }));
    expect(await help('forecast', { COLUMNS: '120' })).not.toBe(await help('forecast', { COLUMNS: '80' }));
  });

  it('wraps the help printed on stderr when no command is given too', async () => {
    const result = await runCli([], { env: { COLUMNS: '60' } });
    expect(result.code).toBe(2);
    for (const line of result.stderr.split('\n')) if (displayWidth(line) > 60) expect(line.trim()).not.toMatch(/ /);
  });
});
