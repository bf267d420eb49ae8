// diff, simulate and forecast --year as workbooks: every formula computes its
// cached value, the cached values are the engine's (and the other formats'),
// the bytes are the same on every run, text that looks like a formula stays
// text, and the xlsx bundle is loaded only for -f xlsx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareForecasts } from '../../src/engine/analysis/diff.js';
import { forecast } from '../../src/engine/forecast.js';
import { CASES, TABLES, type TableName } from '../../src/engine/types.js';
import { caseName, metricLabel } from '../../src/render/labels.js';
import { machineValue } from '../../src/render/numbers.js';
import { MAX_SHEET_SAMPLES, sampleCollector } from '../../src/render/xlsx/simulate.js';
import { chunksRead } from '../cli/chunks.js';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';
import { everyScenario } from '../engine/every-scenario.js';
import { close, wrongFormulas } from './evaluate.js';
import { position, readXlsx, SHEETS, type ReadSheet, type ReadWorkbook } from './read-xlsx.js';

const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-workbooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


let written = 0;
/** Runs the CLI with `-f xlsx -o FILE` and reads the workbook; the exit code must be `code`. */
async function workbookOf(args: readonly string[], code = 0): Promise<{ book: ReadWorkbook; bytes: Buffer }> {
  const out = join(dir, `w${written++}.xlsx`);
  const result = await runCli([...args, '-f', 'xlsx', '-o', out]);
  expect(result).toMatchObject({ code, stdout: '', stderr: '' });
  const bytes = readFileSync(out);
  return { book: readXlsx(bytes), bytes };
}

function sheet(book: ReadWorkbook, name: string): ReadSheet {
  const found = book.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${book.sheets.map((s) => s.name).join(', ')}`);
  return found;
}

/** A sheet's rows of cells, by 0-based row and column. */
function grid(of: ReadSheet): (string | number | undefined)[][] {
  const rows: (string | number | undefined)[][] = [];
  for (const [ref, cell] of of.cells) {
    const { row, column } = position(ref);
    (rows[row] ??= [])[column] = cell.value;
  }
  return rows;
}

const near = (got: unknown, expected: string) => typeof got === 'number' && close(got, Number(expected));

describe('diff -f xlsx', async () => {
  const scenarios = await everyScenario();
  const scenarioOf = (name: string) => scenarios.find(({ file }) => file === `scenarios/${name}.yaml`)!.scenario;
  const [baseline, bankLed] = [scenarioOf('baseline'), scenarioOf('bank-led')];
  const { book, bytes } = await workbookOf(['diff', 'baseline', 'bank-led', '-c', 'all', '--attribute'], 1);

  it('every formula computes its cached value; a and b refer to the forecasts’ sheets', () => {
    expect(wrongFormulas(book)).toEqual([]);
    const market = sheet(book, 'Δ Market');
    const references = [...market.cells.values()].flatMap((cell) =>
      cell.formula?.startsWith("'") ? [cell.formula] : [],
    );
    expect(references.some((formula) => formula.startsWith("'1 Market (base)'!"))).toBe(true);
    expect(references.some((formula) => formula.startsWith("'2 Market (high)'!"))).toBe(true);
    const names = book.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Attribution', '1 Inputs', '2 Inputs', 'Stamp']));
  });

  it('a, b, Δ and Δ% of every change are the engine’s exact values', () => {
    const a = forecast(baseline, CASES);
    const b = forecast(bankLed, CASES);
    const { changes } = compareForecasts(a, b, TABLES, undefined);
    expect(changes.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const change of changes) {
      const rows = grid(sheet(book, `Δ ${SHEETS[change.table]}`));
      const label = metricLabel(change, change.year, 'en');
      const found = rows.some((row) => {
        if (row[0] !== caseName(change.case, 'en') || row[1] !== label || row[2] !== change.year) return false;
        const machine = (value: typeof change.a) =>
          value === null ? undefined : machineValue(value, change.kind, '亿元');
        const [va, vb, vd] = [machine(change.a), machine(change.b), machine(change.delta)];
        if (va === undefined || vb === undefined || vd === undefined) {
          return va === undefined ? row[5] === 'added' : row[5] === 'removed';
        }
        const relative =
          change.relative === null ? row[6] === '#N/A' : near(row[6], machineValue(change.relative, 'ratio', ''));
        return near(row[3], va) && near(row[4], vb) && near(row[5], vd) && relative;
      });
      if (!found) missing.push(`${change.case} ${label} ${change.year}`);
    }
    expect(missing).toEqual([]);
  });

  it('the attribution sheet has each change’s parts, and its residual is Δ − their sum', async () => {
    const run = await runCli(['diff', 'baseline', 'bank-led', '-c', 'all', '--attribute', '-f', 'json']);
    const json = JSON.parse(run.stdout) as {
      changes: {
        case: string;
        year: string;
        delta: string | null;
        contributions?: { input: string; delta: string }[];
        residual?: string;
      }[];
    };
    const rows = grid(sheet(book, 'Attribution'));
    const header = rows[1]!;
    const attributed = json.changes.filter((change) => change.contributions);
    expect(rows.length - 2).toBe(attributed.length);
    attributed.forEach((change, i) => {
      const row = rows[i + 2]!;
      expect(row[0]).toBe(caseName(change.case as 'base', 'en'));
      expect(near(row[3], change.delta!)).toBe(true);
      for (const part of change.contributions!) expect(near(row[header.indexOf(part.input)], part.delta)).toBe(true);
      expect(near(row[header.length - 1], change.residual!)).toBe(true);
    });
  });

  it('gives the same bytes on every run, and exit 0 without differences', async () => {
    const again = await workbookOf(['diff', 'baseline', 'bank-led', '-c', 'all', '--attribute'], 1);
    expect(Buffer.compare(bytes, again.bytes)).toBe(0);
    const same = await workbookOf(['diff', 'baseline', 'baseline']);
    expect(wrongFormulas(same.book)).toEqual([]);
  });

  it('writes a scenario name that looks like a formula as text', async () => {
    const file = join(dir, '=HYPERLINK("x").yaml');
    const yaml = readFileSync(join(PACKAGE_ROOT, 'scenarios/bank-led.yaml'), 'utf8');
    writeFileSync(file, yaml.replace(/^name: .*$/m, 'name: "@SUM(1)"'));
    const { book: named } = await workbookOf(['diff', 'baseline', file], 1);
    const header = [...sheet(named, 'Δ Market').cells.values()].filter((cell) => cell.value === '@SUM(1)');
    expect(header.length).toBe(1);
    expect(header[0]).toMatchObject({ type: 's', style: 9 }); // quoted text (ooxml.ts)
  });

  it('refuses a terminal and an output that is an input (exit 2, nothing on stdout)', async () => {
    const terminal = await runCli(['diff', 'baseline', 'bank-led', '-f', 'xlsx'], { stdoutIsTerminal: true });
    expect(terminal).toMatchObject({ code: 2, stdout: '' });
    expect(terminal.stderr).toMatch(/^fintech-calc: error: --format xlsx: a workbook is binary/);
    const file = join(dir, 'a.yaml');
    const yaml = readFileSync(join(PACKAGE_ROOT, 'scenarios/baseline.yaml'), 'utf8');
    writeFileSync(file, yaml);
    const same = await runCli(['diff', file, 'bank-led', '-f', 'xlsx', '-o', file]);
    expect(same).toMatchObject({ code: 2, stdout: '' });
    expect(readFileSync(file, 'utf8')).toBe(yaml);
  });
});

describe('forecast --year -f xlsx', () => {
  it('the side-by-side sheets refer to the forecasts’ cells and hold the values of --year -f json', async () => {
    const args = ['forecast', 'baseline', 'bank-led', '-c', 'all', '--year', '2022,2023'];
    const { book, bytes } = await workbookOf(args);
    expect(wrongFormulas(book)).toEqual([]);
    const json = JSON.parse((await runCli([...args, '-f', 'json'])).stdout) as {
      tables: Record<string, { rows: { label: string; values: (string | null)[] }[] }>;
    };
    for (const [table, { rows }] of Object.entries(json.tables)) {
      const view = sheet(book, `${SHEETS[table as TableName]} 2022,2023`);
      const cells = grid(view);
      expect(cells[1]).toHaveLength(1 + 12); // label, 2 scenarios × 3 cases × 2 years
      rows.forEach((row, r) => {
        expect(cells[r + 2]![0]).toBe(row.label);
        row.values.forEach((value, c) => {
          if (value !== null) expect(near(cells[r + 2]![c + 1], value)).toBe(true);
        });
      });
      const formulas = [...view.cells.values()].filter((cell) => cell.formula !== undefined);
      expect(formulas.length).toBeGreaterThan(0);
      for (const cell of formulas) expect(cell.formula).toMatch(/^'[12] [^']+'!\$?[A-Z]+\$?\d+$/);
    }
    expect(Buffer.compare(bytes, (await workbookOf(args)).bytes)).toBe(0);
  });
});

describe('simulate -f xlsx', async () => {
  const metric = 'market.marketSize.2023';
  const args = ['simulate', '-n', '3000', '--seed', '7', '-t', 'market,profit', '--se'];
  args.push('--metric', metric, '--exceed', `${metric}=6万亿`, '--contrib', metric);
  const samplesFile = join(dir, 'samples.csv');
  const { book, bytes } = await workbookOf([...args, '--samples-file', samplesFile]);
  const json = JSON.parse((await runCli([...args, '-f', 'json'])).stdout) as {
    metrics: Record<string, string | null>[];
    exceed: Record<string, string | null>[];
    contributions: { inputs: { input: string; index: string }[] }[];
  };

  it('the statistics are those of -f json, metric by metric, with sd and the standard errors', () => {
    const rows = grid(sheet(book, 'Statistics'));
    const header = rows[1]!;
    const stats = ['samples', 'mean', 'sd', 'min', 'max', 'p5', 'p50', 'p95', 'se(mean)', 'se(p50)'];
    expect(header).toEqual(['Metric', 'Label', 'Year', ...stats]);
    expect(rows.length - 2).toBe(json.metrics.length);
    json.metrics.forEach((metric, i) => {
      const row = rows[i + 2]!;
      expect(row[2]).toBe(metric.year);
      const columns = [['mean', 4], ['p5', 8], ['p50', 9], ['p95', 10], ['mean_se', 11], ['p50_se', 12]] as const;
      for (const [stat, column] of columns) {
        if (metric[stat] === null) expect(row[column]).toBeUndefined();
        else expect(near(row[column], metric[stat]!)).toBe(true);
      }
      // sd = se(mean)·√n
      if (typeof row[5] === 'number') {
        expect(close(row[5], (row[11] as number) * Math.sqrt(row[3] as number))).toBe(true);
      }
    });
  });

  it('each metric’s histogram counts every sample with a value, in bins from min to max', () => {
    const statistics = grid(sheet(book, 'Statistics')).slice(2);
    const bins = grid(sheet(book, 'Histograms')).slice(2);
    for (const row of statistics) {
      const own = bins.filter((bin) => bin[0] === row[0]);
      if (row[3] === 0) continue;
      expect(own.length).toBe(40);
      expect(own.reduce((sum, bin) => sum + (bin[5] as number), 0)).toBe(row[3]);
      expect(close(own[0]![3] as number, row[6] as number)).toBe(true);
      expect(close(own[39]![4] as number, row[7] as number)).toBe(true);
    }
  });

  it('--exceed and --contrib are those of -f json', () => {
    const exceed = grid(sheet(book, 'Exceedance'))[2]!;
    expect(exceed.slice(0, 3)).toEqual(['market.marketSize.2023', 'Market size with fintech', '2023']);
    for (const [key, column] of [['threshold', 3], ['probability', 4], ['low', 5], ['high', 6]] as const) {
      expect(near(exceed[column], json.exceed[0]![key]!)).toBe(true);
    }
    const shares = grid(sheet(book, 'Contributions')).slice(2);
    expect(shares.map((row) => row[3])).toEqual(json.contributions[0]!.inputs.map((input) => input.input));
    shares.forEach((row, i) => expect(near(row[4], json.contributions[0]!.inputs[i]!.index)).toBe(true));
  });

  it('the Samples sheet holds the rows of --samples-file', () => {
    const rows = grid(sheet(book, 'Samples'));
    const csv = readFileSync(samplesFile, 'utf8').trimEnd().split('\n').map((line) => line.split(','));
    expect(rows[1]).toEqual(csv[0]);
    expect(rows.length - 2).toBe(3000);
    csv.slice(1).forEach((line, i) =>
      line.forEach((value, c) => expect(rows[i + 2]![c]).toBe(value === '' ? undefined : Number(value))),
    );
  });

  it('gives the same bytes on every run', async () => {
    expect(Buffer.compare(bytes, (await workbookOf(args)).bytes)).toBe(0);
  });

  it(`keeps no samples above ${MAX_SHEET_SAMPLES}, and says where they go`, async () => {
    const collector = sampleCollector({ inputs: ['x'], metrics: [] }, MAX_SHEET_SAMPLES + 1);
    collector.collect({ start: 0, length: 1, valueOf: () => 0, draws: new Map([['x', new Float64Array([0.5])]]) });
    expect(collector.columns()).toEqual({ header: ['sample', 'q:x'], rows: undefined });
    const { book: big } = await workbookOf(['simulate', '-n', String(MAX_SHEET_SAMPLES + 1), '-t', 'market']);
    const samples = sheet(big, 'Samples');
    expect(grid(samples).length).toBe(2);
    expect(samples.cells.get('A1')?.value).toMatch(
      /more than the 100,000 rows this sheet holds: write them all with --samples-file/,
    );
  });
});

describe('the xlsx bundle', () => {
  it('is loaded for -f xlsx only: diff and simulate in other formats do not load it', () => {
    expect(chunksRead(['diff', 'baseline', 'bank-led', '-f', 'json'])).not.toContain('xlsx');
    expect(chunksRead(['simulate', '-n', '100', '-f', 'csv'])).not.toContain('xlsx');
    expect(chunksRead(['diff', 'baseline', 'bank-led', '-f', 'xlsx'])).toContain('xlsx');
    expect(chunksRead(['simulate', '-n', '100', '-f', 'xlsx'])).toContain('xlsx');
  });
});
