// forecast -f csv --excel: a BOM, CRLF, one row per metric with years as
// columns, labels in --lang, formula-looking text neutralised; the same values
// as the tidy CSV.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'fintech-calc-excel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** RFC 4180 rows (the fields here have no line breaks). */
const rowsOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const fields: string[] = [];
      for (let at = 0; at <= line.length; ) {
        const quoted = /^"((?:[^"]|"")*)"(?:,|$)/.exec(line.slice(at));
        const plain = quoted ? undefined : /^([^,]*)(?:,|$)/.exec(line.slice(at))!;
        fields.push(quoted ? quoted[1]!.replaceAll('""', '"') : plain![1]!);
        at += (quoted ?? plain)![0].length;
        if (!(quoted ?? plain)![0].endsWith(',')) break;
      }
      return fields;
    });

describe('forecast -f csv --excel', () => {
  it('starts with a BOM, ends every line with CRLF, and has the tidy CSV’s values, one row per metric', async () => {
    const excel = await runCli(['forecast', '-c', 'all', '-f', 'csv', '--excel']);
    const tidy = await runCli(['forecast', '-c', 'all', '-f', 'csv']);
    expect(excel.code).toBe(0);
    expect(
      excel.stdout.startsWith('\uFEFFScenario,Case,Table,Metric,Unit,2018,2019,2020,2021,2022,2023,CAGR\r\n'),
    ).toBe(true);
    expect(excel.stdout.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const wide = rowsOf(excel.stdout);
    const values = new Set(wide.slice(1).flatMap((row) => row.slice(5).filter((value) => value !== '')));
    const tidyRows = tidy.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(','));
    for (const row of tidyRows) if (row[6] !== '') expect(values).toContain(row[6]);
    // One row per line and case: as many rows as the tidy CSV has lines.
    expect(wide.length - 1).toBe(new Set(tidyRows.map((row) => row.slice(0, 5).join(','))).size);
    expect(wide.every((row) => row.length === wide[0]!.length)).toBe(true);
  });

  it('labels in --lang zh', async () => {
    const { stdout } = await runCli(['forecast', '-t', 'market', '-f', 'csv', '--excel', '--lang', 'zh']);
    const rows = rowsOf(stdout);
    expect(rows[0]!.slice(0, 5)).toEqual(['场景', '情景', '表', '指标', '单位']);
    expect(rows[1]).toEqual(expect.arrayContaining(['baseline', '基准', '市场空间', '亿元']));
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const file = join(dir, 'formula.yaml');
    writeFileSync(
      file,
      [
        'name: "=1+1"',
        'years: 2019..2020',
        'supplyChain:',
        '  marketSpace: 100',
        '  modes:',
        '    m:',
        '      label: {en: "@SUM(A1)", zh: "+x"}',
        '      share: 50%',
        '      penetration: 30%',
        '',
      ].join('\n'),
    );
    const { stdout, code } = await runCli(['forecast', file, '-f', 'csv', '--excel']);
    expect(code).toBe(0);
    const rows = rowsOf(stdout).slice(1);
    expect(rows.every((row) => row[0] === "'=1+1")).toBe(true);
    expect(rows.map((row) => row[3])).toContain("'@SUM(A1): share of space");
    expect(stdout).not.toMatch(/(^|,|\r\n)[=+\-@]/);
  });

  it('is a flavour of -f csv only', async () => {
    expect(await runCli(['forecast', '--excel', '-f', 'json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'fintech-calc: error: --excel: is a flavour of CSV; add -f csv (got -f json)\n',
    });
  });
});
