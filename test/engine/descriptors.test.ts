// The model descriptors (engine/models/*.ts) are what decoding, the inputs by
// path, the lines and the JSON output are derived from: they must agree with
// what the models compute and with what decoding reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inputProblems, inputShapeAt, inputsOf, mapInputs } from '../../src/engine/analysis/inputs.js';
import { linesOf } from '../../src/engine/analysis/lines.js';
import { forecastCase } from '../../src/engine/forecast.js';
import { isItems, MODELS, TABLES } from '../../src/engine/models/index.js';
import { forecastDocument } from '../../src/render/json.js';
import { PLAIN } from '../../src/render/style.js';
import type { Range, Series } from '../../src/engine/types.js';
import { load, problemsOf } from '../helpers.js';

/**
 * Every model, every form of input (firms × perFirm, frontier and frontierShare, a mix, an optional input) and groups.
 */
const EVERYTHING = `
years: 2019..2021
supplyChain:
  marketSpace: {2019: 1000, 2021: 1210}
  modes:
    a: {share: 50%, penetration: {2019: 20%, 2021: 40%}}
    b: {share: {low: 10%, high: 20%}, penetration: 30%, costSavings: false}
bankProfit:
  profitShare: {mix: {bank: {weight: 60%, rate: 2.5%}, other: {weight: 40%, rate: 3%}}}
  operatingCost: {2019: 1.5%, 2021: 1%}
techSpend:
  groups: {funds: {label: Funds}}
  segments:
    head: {group: funds, firms: 20, perFirm: 1.5亿, frontierShare: 10%}
    other: {spend: {2019: 100, growth: 10%}, frontier: 10}
    plain: {spend: 50}
${readFileSync(new URL('../fixtures/labour.yaml', import.meta.url), 'utf8')
  .replace(/^years:.*$/m, '')
  .replace('labourSavings:\n', 'labourSavings:\n  years: 2020..2022\n')}`;

const scenario = await load(EVERYTHING);
const base = forecastCase(scenario, 'base');

describe('model descriptors', () => {
  it('are in table order, one per table', () => {
    expect(MODELS.map((model) => model.table)).toEqual(['market', 'profit', 'spend', 'labour', 'tech']);
    expect(TABLES).toEqual([...MODELS.map((model) => model.table), 'metrics']);
  });

  it('walk every input decoding read: the inputs by path are those with a provenance', () => {
    expect([...inputsOf(scenario).keys()].sort()).toEqual([...scenario.provenance.keys()].sort());
    expect(inputsOf(scenario).get('bankProfit.profitShare.mix.other.rate')).toBeDefined();
    expect(inputsOf(scenario).get('techSpend.segments.head.perFirm')).toBeDefined();
  });

  it('give every line they declare, in their order, from what the models compute', () => {
    for (const model of MODELS) {
      const metrics = linesOf(base, [model.table]).map((line) => [line.group ?? '', line.metric, line.key]);
      const declared = model.outputs.flatMap((output) =>
        isItems(output) ? output.lines.map((line) => [output.items, line.metric]) : [['', output.metric]],
      );
      // Each declared line is there (an item's once per item), and nothing else.
      for (const [group, metric] of declared) {
        expect(metrics.some(([g, m]) => g === group && m === metric), `${model.table}.${group}.${metric}`).toBe(true);
      }
      for (const [group, metric] of metrics) expect(declared.some(([g, m]) => g === group && m === metric)).toBe(true);
      for (const line of linesOf(base, [model.table]))
        expect(line.values.size, `${model.table} ${line.metric}`).toBeGreaterThan(0);
    }
  });

  it('shape the JSON: the years, then each line and collection in their order', () => {
    const document = forecastDocument(
      { forecast: { scenario, cases: new Map([['base', base]]) }, file: '' },
      { unit: '亿元', lang: 'en', tables: TABLES, style: PLAIN },
    ) as {
      cases: { base: Record<string, Record<string, unknown>> };
    };
    for (const model of MODELS) {
      const keys = [...new Set(model.outputs.map((output) => (isItems(output) ? output.items : output.metric)))];
      expect(Object.keys(document.cases.base[model.table]!)).toEqual(['years', ...keys]);
    }
    const segments = document.cases.base.spend!.segments as Record<string, Record<string, unknown>>;
    expect(Object.keys(segments.head!)).toEqual([
      'label',
      'group',
      'firms',
      'perFirm',
      'total',
      'frontier',
      'frontierShare',
    ]);
    expect(Object.keys(segments.plain!)).toEqual(['label', 'total', 'frontier', 'frontierShare']);
  });

  it('hold the checks that tie inputs together: the engine finds what decoding reports, at the same path', async () => {
    expect(inputProblems(scenario)).toEqual([]);
    const raise = (path: string, by: string) =>
      mapInputs(scenario, (at, series) => (at === path ? scaled(series, by) : series));
    expect(inputProblems(raise('supplyChain.modes.a.share', '1.8'))).toEqual([
      {
        path: 'supplyChain.modes',
        message: 'the mode shares sum to 105% in 2019 (base case); they may sum to at most 100%',
      },
    ]);
    expect(inputProblems(raise('techSpend.segments.other.frontier', '20'))).toEqual([
      {
        path: 'techSpend.segments.other.frontier',
        message: "frontier spend exceeds the segment's spend in 2019 (low case); frontier is part of spend",
      },
    ]);
    expect(inputProblems(raise('bankProfit.profitShare.mix.bank.weight', '0.5'))[0]!.path).toBe(
      'bankProfit.profitShare.mix',
    );
    // Decoding reports the same problems, at the written values.
    const over = await problemsOf(EVERYTHING.replace('a: {share: 50%', 'a: {share: 90%'));
    expect(over).toEqual([
      'test.yaml:6:5: error: supplyChain.modes: the mode shares sum to 105% in 2019 (base case); they may sum ' +
        'to at most 100%',
    ]);
  });

  it('describe each input by its path: kind, label, default, plausible values', () => {
    expect(inputShapeAt('bankProfit.profitShare')).toMatchObject({ value: 'ratio', default: { value: '3%' } });
    expect(inputShapeAt('bankProfit.profitShare.mix.bank.rate')?.plausible).toBe(
      inputShapeAt('bankProfit.profitShare')?.plausible,
    );
    expect(inputShapeAt('techSpend.segments.head.firms')).toMatchObject({ value: 'count', label: { en: 'firms' } });
    for (const path of inputsOf(scenario).keys())
      expect(inputShapeAt(path)?.value, path).toBe(scenario.provenance.get(path)!.kind);
    for (const path of [
      'supplyChain.modes',
      'supplyChain.modes.a',
      'supplyChain.modes.a.constructor',
      'bankProfit.profitShare.rate',
      'nowhere.x',
    ]) {
      expect(inputShapeAt(path), path).toBeUndefined();
    }
  });

  it('map inputs without changing what is not changed', () => {
    const same = mapInputs(scenario, (_, series) => series);
    expect(linesOf(forecastCase(same, 'base'), TABLES)).toEqual(linesOf(base, TABLES));
  });
});

function scaled(series: Series, by: string): Series {
  return new Map(
    [...series].map(([year, range]): [number, Range] => [
      year,
      { low: range.low.times(by), base: range.base.times(by), high: range.high.times(by) },
    ]),
  );
}
