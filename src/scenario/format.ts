// The shape of a scenario file (SPEC §2.3) as data: the top-level keys, and one
// section per model, as each model describes its inputs (engine/models). The
// loader reads by it, `--set` walks it, and the JSON Schema is generated from
// it, so the three cannot drift apart.
import { keysOf, MODELS, type NamedShape, type SectionShape, type Shape } from '../engine/models/index.js';

/** The scenario's own metrics (docs/metrics.md): named formulas, checked by scenario/metrics.ts. */
export const METRICS: NamedShape = {
  kind: 'named',
  what: 'metric',
  doc:
    'Your own metrics: formulas over the lines, inputs and other metrics, ' +
    'shown as the table metrics (docs/metrics.md).',
  required: false,
  item: {
    kind: 'section',
    doc: 'A metric.',
    expect: 'a metric: {formula, label, kind, source}',
    fields: {
      label: { kind: 'label', doc: 'Row label: a text, or {en, zh}.' },
      formula: {
        kind: 'text',
        doc: 'The formula: profit.profit / market.marketSize, growth(spend.total), x[2023], ...',
      },
      kind: { kind: 'text', doc: 'amount, ratio or number; inferred from the formula, and checked when given.' },
      source: { kind: 'text', doc: 'Where the metric comes from (check flags a metric without one).' },
    },
  },
};

export type { Shape, SectionShape };
export { keysOf };

export const SCENARIO: SectionShape = {
  kind: 'section',
  doc: 'A fintech-calc scenario (format 1).',
  expect: 'a scenario: a map of keys (version, name, supplyChain, ...)',
  fields: {
    version: { kind: 'version', doc: 'Format version: 1.' },
    name: { kind: 'text', doc: 'Short name, shown in output (default: the file name).' },
    title: { kind: 'text', doc: 'Title, shown in output (default: the name).' },
    description: { kind: 'text', doc: 'What the scenario assumes.' },
    unit: { kind: 'unit', doc: 'Unit of bare numbers that are amounts (default 亿元).' },
    years: { kind: 'years', doc: 'Default years of every model: 2019..2023 or {from, to} (default 2019..2023).' },
    extends: {
      kind: 'text',
      doc: 'A scenario to start from: a path relative to this file, or a bundled name such as baseline.',
    },
    ...Object.fromEntries(MODELS.map((model) => [model.section, model.inputs])),
    metrics: METRICS,
    simulation: { kind: 'simulation', doc: 'How simulate samples the inputs: correlations between them.' },
  },
};
