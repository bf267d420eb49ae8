// The proof that a real spreadsheet engine agrees (docs/spreadsheets.md): our
// workbooks, recalculated by LibreOffice, give every computed cell the value of
// the exact forecast to 1e-9 relative — for the bundled scenarios and 20 random
// ones, every case; and a workbook whose 2023 receivables penetration is edited
// to 55% recalculates to what `forecast --set …=55%` computes; also kpis.yaml's
// user metrics, diff and --year workbooks. Needs LibreOffice
// (`npm run recalc`; .ci/run installs it), so it is not part of `npm test`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { zip } from '../../src/render/xlsx/zip.js';
import { anyScenarioParts, anyScenarioYaml } from '../engine/scenario-arbitrary.js';
import { runCli } from '../cli/in-process.js';
import { position, readXlsx, unzip, type ReadWorkbook } from '../xlsx/read-xlsx.js';
import { recalculate } from '../xlsx/libreoffice.js';
import { close } from '../xlsx/evaluate.js';

const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-recalc-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A workbook of `forecast args`, or of another command (`['diff', …]`) and the exit code it gives. */
async function workbook(args: readonly string[], command = 'forecast', code = 0): Promise<Uint8Array> {
  const out = join(dir, `w${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await runCli([command, ...args, '-f', 'xlsx', '-o', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(code);
  return new Uint8Array(readFileSync(out));
}


/** Where the recalculated workbook's formula cells differ from `expected`'s cached values (cells by address). */
function disagreements(recalculated: ReadWorkbook, expected: ReadWorkbook): string[] {
  const wrong: string[] = [];
  let formulas = 0;
  for (const sheet of expected.sheets) {
    const theirs = recalculated.sheets.find((other) => other.name === sheet.name);
    if (!theirs) {
      wrong.push(`${sheet.name}: missing`);
      continue;
    }
    for (const [ref, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      formulas++;
      const got = theirs.cells.get(ref)?.value;
      // A value the forecast does not have (Δ% from 0) is #N/A in both.
      const agrees =
        cell.type === 'e'
          ? got === cell.value
          : typeof got === 'number' && typeof cell.value === 'number' && close(got, cell.value);
      if (!agrees) wrong.push(`${sheet.name}!${ref} =${cell.formula}: ${String(got)}, expected ${String(cell.value)}`);
    }
  }
  if (formulas === 0) wrong.push('no formulas');
  return wrong;
}

const RANDOM = fc.sample(anyScenarioParts, { numRuns: 20, seed: 18 }).map(anyScenarioYaml);

describe('LibreOffice recalculates our workbooks to the exact forecast', async () => {
  const cases: [string, readonly string[]][] = [
    ['baseline', ['baseline']],
    ['baseline-all-zh', ['baseline', '-c', 'all', '--lang', 'zh', '-u', '万亿元']],
    ['bank-led-all', ['bank-led', '-c', 'all']],
    ['both', ['baseline', 'bank-led']],
    // User metrics (a / b, min, max) as formulas.
    ['kpis-all', ['kpis', '-c', 'all']],
    ['side-by-side', ['baseline', 'bank-led', '-c', 'all', '--year', '2022,2023']],
    ...RANDOM.map((yaml, i): [string, readonly string[]] => {
      const file = join(dir, `random-${i}.yaml`);
      writeFileSync(file, yaml);
      return [`random-${i}`, [file, '-c', 'all']];
    }),
  ];
  const ours = new Map<string, Uint8Array>();
  for (const [name, args] of cases) ours.set(`${name}.xlsx`, await workbook(args));
  // diff: a, b, Δ, Δ% over both forecasts' sheets, and the attribution's residuals (exit 1: they differ).
  const diffs: [string, readonly string[]][] = [
    ['diff-all', ['baseline', 'bank-led', '-c', 'all', '--attribute']],
    ['diff-kpis-zh', ['baseline', 'kpis', '--lang', 'zh', '-u', '万亿元']],
  ];
  for (const [name, args] of diffs) ours.set(`${name}.xlsx`, await workbook(args, 'diff', 1));
  cases.push(...diffs);

  // The edit a new user makes: receivables penetration 2023 → 55%, in the file, cached values left stale.
  const edited = editInput(ours.get('baseline.xlsx')!, 'supplyChain_modes_receivables_penetration', 2023, '0.55');
  ours.set('edited.xlsx', edited);
  const withSet = await workbook(['baseline', '--set', 'supplyChain.modes.receivables.penetration.2023=55%']);

  const recalculated = recalculate(ours);

  it.each(cases.map(([name]) => name))('%s: every formula cell as the forecast computes it', (name) => {
    expect(disagreements(readXlsx(recalculated.get(`${name}.xlsx`)!), readXlsx(ours.get(`${name}.xlsx`)!))).toEqual([]);
  });

  it('an edited input cell recomputes every dependent figure to what forecast --set computes', () => {
    const before = readXlsx(ours.get('baseline.xlsx')!);
    const after = readXlsx(recalculated.get('edited.xlsx')!);
    const expected = readXlsx(withSet);
    expect(disagreements(after, expected)).toEqual([]);
    // The edit changed something, the 2023 market size among it.
    const market = (workbook: ReadWorkbook) => workbook.sheets.find((sheet) => sheet.name === 'Market')!;
    const size = [...market(expected).cells].find(([, cell]) => cell.value === 'Market size with fintech')![0];
    const row = position(size).row + 1;
    const lastYear = `F${row}`;
    const was = market(before).cells.get(lastYear)!.value as number;
    expect(market(after).cells.get(lastYear)?.value).not.toBeCloseTo(was, 0);
  });
});

/**
 * The workbook with an input's value in a year replaced in the file: the
 * defined name gives its row, the header row (2) its year's column.
 */
function editInput(bytes: Uint8Array, name: string, year: number, value: string): Uint8Array {
  const book = readXlsx(bytes);
  const [sheetName, range] = book.names.get(name)!.split('!') as [string, string];
  const sheetIndex = book.sheets.findIndex((sheet) => `'${sheet.name}'` === sheetName);
  const row = position(range.split(':')[0]!).row;
  const cells = [...book.sheets[sheetIndex]!.cells];
  const header = cells.find(([ref, cell]) => position(ref).row === 1 && cell.value === year)![0];
  const ref = `${header.replace(/\d+$/, '')}${row + 1}`;
  const part = `xl/worksheets/sheet${sheetIndex + 1}.xml`;
  const files = unzip(bytes);
  const xml = files.get(part)!.toString('utf8');
  const cell = new RegExp(`<c r="${ref}"([^>]*)>(?:<f>[^<]*</f>)?<v>[^<]*</v></c>`);
  expect(cell.test(xml)).toBe(true);
  files.set(part, Buffer.from(xml.replace(cell, `<c r="${ref}"$1><v>${value}</v></c>`)));
  return zip([...files].map(([entry, data]) => ({ name: entry, data })));
}
