// The shape of a scenario file (SPEC §2.3) as data: the top-level keys, and one
// section per model, as each model describes its inputs (engine/models). The
// loader reads by it, `--set` walks it, and the JSON Schema is generated from
// it, so the three cannot drift apart.
import { keysOf, MODELS, type SectionShape, type Shape } from '../engine/models/index.js';

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
    extends: { kind: 'text', doc: 'A scenario to start from: a path relative to this file, or a bundled name such as baseline.' },
    ...Object.fromEntries(MODELS.map((model) => [model.section, model.inputs])),
    simulation: { kind: 'simulation', doc: 'How simulate samples the inputs: correlations between them.' },
  },
};
