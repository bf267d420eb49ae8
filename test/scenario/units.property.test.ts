// Law (SPEC §2.1, "a number (in the file's unit)"): a bare amount is in the unit
// of the file it is written in — through `extends`, whatever the units of the
// files above or below it — and a bare amount in --set is in the output unit.
// So a parent, a child and a --set, each with its own unit, forecast exactly as
// one merged file in which every amount carries its unit explicitly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/engine/forecast.js';
import { CASES, TABLES, type Scenario } from '../../src/engine/types.js';
import { forecastDocument } from '../../src/render/json.js';
import { PLAIN } from '../../src/render/style.js';
import { loadScenario, type ScenarioSources } from '../../src/scenario/load.js';
import { Problems } from '../../src/scenario/problems.js';
import { parseSettings } from '../../src/scenario/set.js';

/** The amounts the scenarios write: marketSpace anchors, segment spend anchors, spend per firm. */
const SLOTS = [
  'marketSpace.2019',
  'marketSpace.2021',
  'marketSpace.2023',
  'spend.2019',
  'spend.2021',
  'perFirm',
] as const;
type Slot = (typeof SLOTS)[number];
/** The parent writes these; the others only a child may add. */
const PARENT_SLOTS: readonly Slot[] = ['marketSpace.2019', 'marketSpace.2023', 'spend.2019', 'spend.2021', 'perFirm'];
const PATHS: Record<Slot, string> = {
  'marketSpace.2019': 'supplyChain.marketSpace.2019',
  'marketSpace.2021': 'supplyChain.marketSpace.2021',
  'marketSpace.2023': 'supplyChain.marketSpace.2023',
  'spend.2019': 'techSpend.segments.s.spend.2019',
  'spend.2021': 'techSpend.segments.s.spend.2021',
  perFirm: 'techSpend.segments.f.perFirm',
};
const UNITS = ['亿元', '亿', '万亿', '万亿元', '元', '万', '百万元', 'k', 'm', 'bn', 'tn'];
const OUTPUT_UNITS = ['亿元', '万亿元', '元', 'bn', 'tn'];

/** An amount as written: its digits, and a unit of its own or none (bare). */
interface Written {
  readonly digits: string;
  readonly unit: string | undefined;
}

const digits = fc
  .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, places]) => {
    const text = String(n).padStart(places + 1, '0');
    return places === 0 ? text : `${text.slice(0, -places)}.${text.slice(-places)}`;
  });
const written: fc.Arbitrary<Written> = fc.record({
  digits,
  unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
});
const slotValues = (slots: readonly Slot[]) =>
  fc.record(Object.fromEntries(slots.map((slot) => [slot, written])) as Record<Slot, fc.Arbitrary<Written>>, {
    requiredKeys: [],
  });

const text = ({ digits, unit }: Written) => `${digits}${unit ?? ''}`;

/** A scenario file writing `values` (and the rest of what a valid scenario needs, if it is the parent). */
function file(values: Partial<Record<Slot, string>>, head: string): string {
  const map = (entries: [string, string | undefined][]) => {
    const given = entries.filter(([, value]) => value !== undefined);
    return given.length === 0 ? undefined : `{${given.map(([key, value]) => `${key}: ${value}`).join(', ')}}`;
  };
  const marketSpace = map(['2019', '2021', '2023'].map((year) => [year, values[`marketSpace.${year}` as Slot]]));
  const spend = map(['2019', '2021'].map((year) => [year, values[`spend.${year}` as Slot]]));
  const lines = [head];
  if (marketSpace)
    lines.push('supplyChain:', `  marketSpace: ${marketSpace}`, '  modes: {a: {share: 50%, penetration: 40%}}');
  if (spend || values.perFirm) {
    lines.push('techSpend:', '  years: 2019..2021', '  segments:');
    if (spend) lines.push(`    s: {spend: ${spend}}`);
    if (values.perFirm) lines.push(`    f: {firms: 3, perFirm: ${values.perFirm}}`);
  }
  return `${lines.join('\n')}\n`;
}

const unitLine = (unit: string | undefined) => (unit === undefined ? '' : `unit: ${unit}\n`);

async function load(
  files: Record<string, string>,
  name: string,
  set: readonly string[] = [],
  outputUnit = '亿元',
): Promise<Scenario> {
  const sources: ScenarioSources = {
    open: (reference) => ({
      display: reference.replace(/^\.\//, ''),
      id: reference,
      text: files[reference.replace(/^\.\//, '')]!,
    }),
  };
  const problems = new Problems();
  const settings = parseSettings(set, outputUnit, problems);
  expect(problems.list).toEqual([]);
  return (await loadScenario(name, sources, settings)).scenario;
}

/** Every case of every table, in JSON, as the output shows it. */
function outputs(scenario: Scenario): unknown {
  return (
    forecastDocument(
      { forecast: forecast(scenario, CASES), file: '' },
      { unit: '亿元', lang: 'en', tables: TABLES, style: PLAIN },
    ) as { cases: unknown }
  ).cases;
}

/** The inputs exactly, in 亿元. */
function inputs(scenario: Scenario): string[] {
  const series = [
    scenario.supplyChain!.marketSpace,
    ...scenario.techSpend!.segments.map((segment) => segment.spend ?? segment.perFirm!),
  ];
  return series.flatMap((values) =>
    [...values].map(([year, range]) => `${year}: ${range.low} ${range.base} ${range.high}`),
  );
}

describe('bare amounts are in the unit of the file (or --set) that writes them', () => {
  it('a parent, a child and a --set forecast as one file with every unit explicit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
        fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
        fc.constantFrom(...OUTPUT_UNITS),
        fc.record(
          Object.fromEntries(PARENT_SLOTS.map((slot) => [slot, written])) as Record<Slot, fc.Arbitrary<Written>>,
        ),
        slotValues(SLOTS),
        fc.option(fc.tuple(fc.constantFrom(...SLOTS), written), { nil: undefined }),
        async (parentUnit, childUnit, outputUnit, parentValues, childValues, set) => {
          const textsOf = (values: Partial<Record<Slot, Written>>) =>
            Object.fromEntries(Object.entries(values).map(([slot, value]) => [slot, text(value)]));
          const parent = file(textsOf(parentValues), `years: 2019..2023\n${unitLine(parentUnit)}`);
          const child = file(textsOf(childValues), `extends: ./parent.yaml\n${unitLine(childUnit)}`);
          const setTexts = set ? [`${PATHS[set[0]]}=${text(set[1])}`] : [];

          // The merged file: the last value written in each slot, with the unit it was read in.
          const explicit = (value: Written, fileUnit: string | undefined) =>
            `${value.digits}${value.unit ?? fileUnit ?? '亿元'}`;
          const merged: Partial<Record<Slot, string>> = {};
          for (const [slot, value] of Object.entries(parentValues)) merged[slot as Slot] = explicit(value, parentUnit);
          for (const [slot, value] of Object.entries(childValues)) merged[slot as Slot] = explicit(value, childUnit);
          if (set) merged[set[0]] = explicit(set[1], outputUnit);
          // A unit the merged file gives would apply to no number: every one carries its own.
          const one = file(merged, `years: 2019..2023\nunit: tn\n`);

          const viaExtends = await load(
            { 'parent.yaml': parent, 'child.yaml': child },
            'child.yaml',
            setTexts,
            outputUnit,
          );
          const whole = await load({ 'merged.yaml': one }, 'merged.yaml');
          expect(inputs(viaExtends)).toEqual(inputs(whole));
          expect(outputs(viaExtends)).toEqual(outputs(whole));
        },
      ),
      { numRuns: 60 },
    );
  });
});
