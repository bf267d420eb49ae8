// forecast -f xlsx without a spreadsheet program: every formula, evaluated
// here (evaluate.ts), gives its cached value; the cached values are the
// forecast's; ≥ 90% of computed cells are formulas; the bytes are the same on
// every run; text that looks like a formula stays text; binary output never
// goes to a terminal. (test/recalc/ has LibreOffice recalculate them, in CI.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf } from '../../src/engine/analysis/lines.js';
import { forecast } from '../../src/engine/forecast.js';
import { TABLES, type Scenario } from '../../src/engine/types.js';
import { lineLabel } from '../../src/render/labels.js';
import { machineValue } from '../../src/render/numbers.js';
import { renderForecastXlsx } from '../../src/render/xlsx/index.js';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';
import { everyScenario } from '../engine/every-scenario.js';
import { anyScenarioParts, anyScenarioYaml } from '../engine/scenario-arbitrary.js';
import { load } from '../helpers.js';
import { wrongFormulas } from './evaluate.js';
import { position, readXlsx, SHEETS, type ReadWorkbook } from './read-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function workbookOf(scenario: Scenario, cases: 'base' | 'all' = 'all', lang: 'en' | 'zh' = 'en') {
  const result = {
    forecast: forecast(scenario, cases === 'all' ? ['low', 'base', 'high'] : ['base']),
    file: 'test.yaml',
    scenario,
  };
  const { bytes, counts } = renderForecastXlsx([result], { unit: '亿元', lang, tables: TABLES });
  return { bytes, counts, book: readXlsx(bytes), result };
}

/** Where a base-case table sheet's cells differ from the forecast's values (row by label, column by year). */
function notTheForecast(book: ReadWorkbook, scenario: Scenario): string[] {
  const wrong: string[] = [];
  const caseForecast = forecast(scenario, ['base']).cases.get('base')!;
  for (const line of linesOf(caseForecast, TABLES)) {
    const sheet = book.sheets.find((s) => s.name === SHEETS[line.table])!;
    const cells = [...sheet.cells];
    const label = cells.find(([, cell]) => cell.value === lineLabel(line, 'en'))?.[0];
    for (const [year, value] of line.values) {
      if (value === null) continue;
      const header = cells.find(([ref, cell]) => {
        if (position(ref).row !== 1) return false;
        return line.metric === 'cagr' ? String(cell.value).startsWith('CAGR') : String(cell.value) === year;
      });
      // A CAGR may sit in the row of its series rather than a row of its own.
      const rows = label === undefined ? [] : [position(label).row];
      if (line.metric === 'cagr') {
        const inColumn = ([ref]: [string, unknown]) =>
          header && position(ref).column === position(header[0]).column && position(ref).row > 1;
        rows.push(...cells.filter(inColumn).map(([ref]) => position(ref).row));
      }
      const column = header && position(header[0]).column;
      const expected = Number(machineValue(value, line.kind, '亿元'));
      const found = rows.some((row) => {
        const cell = cells.find(([ref]) => position(ref).row === row && position(ref).column === column)?.[1];
        const tolerance = 1e-12 * Math.max(1, Math.abs(expected));
        return typeof cell?.value === 'number' && Math.abs(cell.value - expected) <= tolerance;
      });
      if (!found) wrong.push(`${line.table}.${line.metric} ${line.key} ${year}: ${expected} not found`);
    }
  }
  return wrong;
}

describe('forecast -f xlsx', async () => {
  const scenarios = await everyScenario();

  const scenarioOf = (file: string) => scenarios.find((entry) => entry.file === file)!.scenario;

  const files = scenarios.map(({ file }) => file);
  it.each(files)('%s: every formula computes its cached value; a computed value cell is a model’s constant', (file) => {
    const { book } = workbookOf(scenarioOf(file));
    expect(wrongFormulas(book)).toEqual([]);
    const COMPUTED_STYLES = [3, 4, 5]; // amount, ratio, count (ooxml.ts)
    const values = book.sheets
      .filter((sheet) => sheet.name !== 'Inputs' && sheet.name !== 'Stamp')
      .flatMap((sheet) =>
        [...sheet.cells.values()].filter((cell) => COMPUTED_STYLES.includes(cell.style) && cell.formula === undefined),
      );
    for (const cell of values) expect([0, 1]).toContain(cell.value);
  });

  const bundled = ['scenarios/baseline.yaml', 'scenarios/bank-led.yaml'];
  it.each(bundled)('%s: at least 90%% of computed cells are formulas', (file) => {
    const { counts } = workbookOf(scenarioOf(file));
    expect(counts.formulas / counts.computed).toBeGreaterThanOrEqual(0.9);
  });

  it.each(scenarios.map(({ file }) => file))('%s: the cached values are the forecast’s', (file) => {
    expect(notTheForecast(workbookOf(scenarioOf(file), 'base').book, scenarioOf(file))).toEqual([]);
  });

  it('random scenarios of every model: formulas compute their cached values, which are the forecast’s', async () => {
    for (const yaml of fc.sample(anyScenarioParts, { numRuns: 40, seed: 1818 }).map(anyScenarioYaml)) {
      const scenario = await load(yaml);
      expect(wrongFormulas(workbookOf(scenario).book)).toEqual([]);
      expect(notTheForecast(workbookOf(scenario, 'base').book, scenario)).toEqual([]);
    }
  });

  it('user metrics (divide, min, max, abs, a division by 0): formulas compute the forecast’s values', async () => {
    const baseline = readFileSync(join(PACKAGE_ROOT, 'scenarios/baseline.yaml'), 'utf8');
    const metrics = [
      'metrics:',
      '  spread: {formula: "max(profit.profit, market.marketSize) - min(profit.profit, market.marketSize, ' +
      'spend.total)"}',
      '  distance: {formula: "abs(profit.profit - market.marketSize) / market.marketSize"}',
      '  none: {formula: "profit.profit / (market.marketSize - market.marketSize)"}',
    ].join('\n');
    const scenario = await load(`${baseline}\n${metrics}\n`);
    const { book } = workbookOf(scenario, 'base');
    const metricCells = [...book.sheets.find((sheet) => sheet.name === 'Metrics')!.cells.values()];
    const formulas = metricCells.map((cell) => cell.formula ?? '').join(' ');
    expect(formulas).toMatch(/MIN\(/);
    expect(formulas).toMatch(/MAX\(/);
    expect(wrongFormulas(book)).toEqual([]);
    expect(notTheForecast(book, scenario)).toEqual([]);
  });

  it('an interpolated input year is a formula over its anchors, and the input row has a defined name', async () => {
    const { book } = workbookOf(scenarios.find(({ file }) => file === 'scenarios/baseline.yaml')!.scenario, 'base');
    const inputs = book.sheets.find((sheet) => sheet.name === 'Inputs')!;
    const range = book.names.get('supplyChain_modes_receivables_penetration')!;
    expect(range).toMatch(/^'Inputs'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
    const row = position(range.split('!')[1]!.split(':')[0]!).row;
    const cellIn = (year: number) => {
      const header = [...inputs.cells].find(([ref, cell]) => position(ref).row === 1 && cell.value === year)![0];
      return inputs.cells.get(`${header.replace(/\d+$/, '')}${row + 1}`)!;
    };
    expect(cellIn(2019)).toMatchObject({ value: 0.2 });
    expect(cellIn(2019).formula).toBeUndefined();
    expect(cellIn(2023)).toMatchObject({ value: 0.66 });
    expect(cellIn(2021).formula).toMatch(/^[A-Z]+\d+\+\([A-Z]+\d+-[A-Z]+\d+\)\*2\/4$/);
    expect(cellIn(2021).value).toBe(0.43);
  });

  it('the same forecast gives the same bytes, with no date in them', () => {
    const { scenario } = scenarios[0]!;
    const [a, b] = [workbookOf(scenario).bytes, workbookOf(scenario).bytes];
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(readXlsx(a).parts.get('docProps/core.xml')).not.toMatch(/dcterms:(created|modified)|\d{4}-\d\d-\d\dT/);
  });

  it('text from files that begins as a formula would is written as text, never as a formula', async () => {
    const file = join(dir, '=HYPERLINK.yaml');
    writeFileSync(
      file,
      [
        'years: 2019..2021',
        'supplyChain:',
        '  marketSpace: 100',
        '  traditionalPenetration: {value: 20%, source: "@SUM(1+1)"}',
        '  modes:',
        '    m:',
        '      label: {en: "=HYPERLINK(\\"http://x\\")", zh: "-1+2"}',
        '      share: 50%',
        '      penetration: 30%',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'formula-text.xlsx');
    expect(await runCli(['forecast', file, '-f', 'xlsx', '-o', out])).toMatchObject({ code: 0, stderr: '' });
    const book = readXlsx(readFileSync(out));
    const texts = book.sheets.flatMap((sheet) =>
      [...sheet.cells.values()].filter((cell) => typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)),
    );
    expect(texts.length).toBeGreaterThanOrEqual(3); // the source and the mode's labels
    // text, with the quote prefix (ooxml.ts: quoted)
    for (const cell of texts) expect(cell).toMatchObject({ type: 's', style: 9 });
    for (const cell of texts) expect(cell.formula).toBeUndefined();
    const every = book.sheets.flatMap((sheet) => [...sheet.cells.values()]);
    expect(every.filter((cell) => cell.formula?.includes('HYPERLINK'))).toEqual([]);
  });
});

describe('forecast -f xlsx on the command line', () => {
  it('refuses to write a workbook to a terminal (exit 2, nothing on stdout)', async () => {
    const result = await runCli(['forecast', '-f', 'xlsx'], { stdoutIsTerminal: true });
    const stderr =
      'fintech-calc: error: --format xlsx: a workbook is binary and is not written to a terminal; ' +
      'give -o FILE.xlsx, or redirect standard output\n';
    expect(result).toEqual({ code: 2, stdout: '', stderr });
  });

  it('writes the same bytes to a pipe as to -o, from the built CLI; the main bundle holds none of the writer', () => {
    const out = join(dir, 'cli.xlsx');
    const bin = join(PACKAGE_ROOT, 'bin', 'fintech-calc.js');
    const toFile = spawnSync(process.execPath, [bin, 'forecast', '-c', 'all', '-f', 'xlsx', '-o', out]);
    expect(toFile.status).toBe(0);
    const piped = spawnSync(process.execPath, [bin, 'forecast', '-c', 'all', '-f', 'xlsx'], { maxBuffer: 1 << 26 });
    expect(piped.status).toBe(0);
    expect(Buffer.compare(piped.stdout, readFileSync(out))).toBe(0);
    expect(readFileSync(join(PACKAGE_ROOT, 'dist', 'cli.cjs'), 'latin1')).not.toContain('spreadsheetml');
    expect(readFileSync(join(PACKAGE_ROOT, 'dist', 'xlsx.cjs'), 'utf8')).toContain('spreadsheetml');
  });
});
