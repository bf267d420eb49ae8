// The JSON Schema and the loader read the same corpus: every good file passes
// both; every bad file marked `# schema: reject` fails the schema too, and those
// marked `accept` are the checks only the loader can make (sums, order, files).
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scenarioSchema } from '../../src/scenario/schema.js';
import { PACKAGE_ROOT, runCli } from '../cli/in-process.js';

process.chdir(PACKAGE_ROOT);
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(scenarioSchema());
const readYaml = (file: string): unknown => parse(readFileSync(file, 'utf8'), { uniqueKeys: false });

const GOOD = [
  ...readdirSync('scenarios').map((name) => `scenarios/${name}`),
  'test/fixtures/small.yaml',
  'test/fixtures/market-only.yaml',
  ...['variant', 'child', 'parent', 'other-years', 'unit-parent', 'unit-child'].map(
    (name) => `test/fixtures/extends/${name}.yaml`,
  ),
];
const BAD = readdirSync('test/errors')
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => `test/errors/${name}`);
const verdictOf = (file: string) => /^# schema: (\w+)/.exec(readFileSync(file, 'latin1'))?.[1];

describe('JSON Schema (draft 2020-12) of the scenario format', () => {
  it('is a valid schema with descriptions, examples and the units as an enum', () => {
    const schema = scenarioSchema() as {
      $schema: string;
      properties: Record<string, { enum?: string[]; description?: string }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.unit!.enum).toEqual(expect.arrayContaining(['亿元', '万亿元', 'bn', 'BN']));
    expect(schema.properties.supplyChain!.description).toContain('market');
    expect(JSON.stringify(schema)).toContain('"examples"');
  });

  it.each(GOOD)('accepts the good file %s, as the loader does', async (file) => {
    expect(validate(readYaml(file)), JSON.stringify(validate.errors)).toBe(true);
    expect((await runCli(['validate', file])).code).toBe(0);
  });

  it.each(BAD.filter((file) => verdictOf(file) === 'reject'))('rejects %s, as the loader does', async (file) => {
    expect(validate(readYaml(file))).toBe(false);
    expect((await runCli(['validate', file])).code).toBe(2);
  });

  it.each(BAD.filter((file) => verdictOf(file) === 'accept'))('leaves %s to the loader, ' +
    'which rejects it', async (file) => {
    expect(validate(readYaml(file))).toBe(true);
    expect((await runCli(['validate', file])).code).toBe(2);
  });

  it('has a verdict for every bad file', () => {
    const files = BAD.filter((file) => !file.endsWith('/empty.yaml'));
    for (const file of files) expect(['reject', 'accept', 'skip'], file).toContain(verdictOf(file));
  });

  it('takes null where a file may remove an inherited entry, and only there', () => {
    const removals = [
      { supplyChain: { modes: { arif: null } } },
      { supplyChain: { marketSpace: { 2023: null }, traditionalPenetration: null } },
      { techSpend: { segments: { payment: { frontier: null, label: { zh: null } } } } },
      { bankProfit: { profitShare: { mix: { bankLed: null } } } },
      { bankProfit: null, years: null },
    ];
    for (const file of removals) expect(validate(file), JSON.stringify(file)).toBe(true);
    for (const own of ['name', 'title', 'description', 'extends', 'unit'])
      expect(validate({ [own]: null }), own).toBe(false);
    expect(validate({ supplyChain: { marketSpace: { value: null } } })).toBe(false);
  });

  it('matches every value syntax the loader reads', () => {
    const amounts = [
      '1500',
      '6.1万亿',
      '6.1万亿元',
      '12bn',
      '12 BN',
      '5千万元',
      '1e3',
      '60～70亿',
      '9000亿 to 1.1万亿',
      '1..2万亿',
      '125,000亿',
      '１２５，０００亿',
      '60-70亿',
      '+5',
      '.5',
      '5.',
    ];
    const ratios = ['66%', '0.66', '60～70%', '60%..70%', '60 to 70%', '27.5 %', '50-58%', '50%-58%', '５０－５８％', '1e-3'];
    for (const amount of amounts) expect(validate({ supplyChain: { marketSpace: amount } }), amount).toBe(true);
    for (const ratio of ratios) expect(validate({ supplyChain: { traditionalPenetration: ratio } }), ratio).toBe(true);
    for (const bad of ['5亿圆', 'abc', '1～2～3', '0x10', '1_000', '50,60'])
      expect(validate({ supplyChain: { marketSpace: bad } }), bad).toBe(false);
    for (const count of ['40', '1,000', '30～40', '30-40'])
      expect(validate({ techSpend: { segments: { a: { firms: count, perFirm: 1 } } } }), count).toBe(true);
  });
});
