// The JSON Schema (draft 2020-12) of the scenario format, generated from the
// format's description (format.ts, from the models' descriptors) and the value syntax (syntax.ts), so editors
// (yaml-language-server) complete and check what the loader accepts.
// It checks each file alone: the cross-field checks of SPEC §2.4 (share sums,
// frontier ≤ spend, …) and the inputs an `extends` provides are the loader's.
// So is whether a `null` has an inherited entry to remove: the schema allows null
// wherever a file may remove one (every key of a map merged key by key).
import { DISTRIBUTIONS } from '../engine/types.js';
import { unitSpellings } from '../shared/unit-names.js';
import { SCENARIO, type Shape } from './format.js';
import { OWN_KEYS } from './merge.js';
import { NUMBER, PERCENT_SIGNS, RANGE_SEPARATOR, WHOLE_NUMBER } from './syntax.js';

type Schema = Record<string, unknown>;

/** `schema`, or null: the removal of the entry inherited through extends. */
function removable(schema: Schema): Schema {
  return {
    ...(schema.description !== undefined && { description: schema.description }),
    anyOf: [schema, { type: 'null', description: 'Removes the entry inherited through extends.' }],
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `N unit?` or a range `N unit? SEP N unit?`, as a pattern. */
function valuePattern(units: readonly string[]): string {
  const unit = `(?:${units.map(escape).join('|')})`;
  const term = String.raw`${NUMBER}\s*${unit}?`;
  return String.raw`^\s*${term}(?:${RANGE_SEPARATOR}${term})?\s*$`;
}

const AMOUNT_PATTERN = valuePattern(unitSpellings().sort((a, b) => b.length - a.length));
const RATIO_PATTERN = valuePattern(PERCENT_SIGNS);

function scalarValue(kind: 'amount' | 'ratio' | 'growth' | 'count'): Schema {
  if (kind === 'count') {
    return {
      anyOf: [
        { type: 'integer', minimum: 0 },
        { type: 'string', pattern: String.raw`^\s*${WHOLE_NUMBER}\s*(?:${RANGE_SEPARATOR}${WHOLE_NUMBER}\s*)?$` },
      ],
      description: 'A whole number ≥ 0, or a range (30～40).',
      examples: [40, '30～40'],
    };
  }
  if (kind === 'amount') {
    return {
      anyOf: [
        { type: 'number', minimum: 0 },
        { type: 'string', pattern: AMOUNT_PATTERN },
      ],
      description:
        'An amount: a number in the file unit, or with a unit (6.1万亿, 1500亿, 12bn), or a range (1000～1200亿).',
      examples: ['1500亿', '6.1万亿', '12bn', '1000～1200亿'],
    };
  }
  return {
    anyOf: [
      kind === 'ratio'
        ? { type: 'number', minimum: 0, maximum: 1 }
        : { type: 'number', exclusiveMinimum: -1, maximum: 1 },
      { type: 'string', pattern: RATIO_PATTERN },
    ],
    description:
      kind === 'ratio'
        ? 'A ratio: a fraction in [0, 1] or a percentage (66%), or a range (60～70%).'
        : 'A yearly growth rate: 5%, -2%, 0.05, or a range (13～14%).',
    examples: kind === 'ratio' ? ['66%', '0.66', '60～70%'] : ['10%', '13～14%'],
  };
}

const ANNOTATION = {
  source: {
    type: 'string',
    description: "Where the number comes from: a report line ('l.172: …') or 'assumption: <reason>'.",
  },
  note: { type: 'string', description: 'A remark shown with the value.' },
  dist: { enum: [...DISTRIBUTIONS], description: 'How simulate samples this range (default: --dist, triangular).' },
  coverage: {
    description: 'normal, lognormal: the probability between low and high (default 90%: p5 to p95).',
    anyOf: [
      { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      { type: 'string', pattern: RATIO_PATTERN },
    ],
  },
  weights: {
    type: 'array',
    items: { type: 'number', minimum: 0 },
    description: 'discrete: the weight of each value (default equal).',
  },
};

/** A value: scalar, or {value, source, note}, or {low, base, high, source, note}. */
function valueDef(kind: 'amount' | 'ratio' | 'growth' | 'count'): Schema {
  const scalar = { $ref: `#/$defs/${kind}Scalar` };
  return {
    anyOf: [
      scalar,
      {
        type: 'object',
        properties: { value: scalar, ...ANNOTATION },
        required: ['value'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: {
          values: { type: 'array', items: scalar, minItems: 1 },
          base: scalar,
          ...ANNOTATION,
          dist: { const: 'discrete' },
        },
        required: ['values', 'dist'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { low: scalar, base: scalar, high: scalar, ...ANNOTATION },
        required: ['low', 'high'],
        additionalProperties: false,
      },
    ],
  };
}

/** An input: a value every year, or a series of anchor years. */
function inputDef(kind: 'amount' | 'ratio' | 'count'): Schema {
  return {
    anyOf: [
      { $ref: `#/$defs/${kind}Value` },
      {
        type: 'object',
        description: 'Anchor years, interpolated between (or one anchor and a growth rate).',
        patternProperties: { '^[0-9]{4}$': removable({ $ref: `#/$defs/${kind}Value` }) },
        properties: {
          interpolate: removable({
            enum: ['linear', 'cagr', 'step'],
            description: `Between anchors (default ${{ amount: 'cagr', ratio: 'linear', count: 'step' }[kind]}).`,
          }),
          growth: removable({ $ref: '#/$defs/growthValue', description: 'With one anchor: v_t = v_a·(1+g)^(t−a).' }),
        },
        additionalProperties: false,
        minProperties: 1,
      },
    ],
  };
}

const NAME = '^[A-Za-z_][A-Za-z0-9_-]*$';

function shapeSchema(shape: Shape): Schema {
  switch (shape.kind) {
    case 'section':
      return {
        type: 'object',
        description: shape.doc,
        properties: Object.fromEntries(
          Object.entries(shape.fields).map(([key, field]) => [
            key,
            shape === SCENARIO && OWN_KEYS.has(key) ? shapeSchema(field) : removable(shapeSchema(field)),
          ]),
        ),
        additionalProperties: false,
      };
    case 'named':
      return {
        type: 'object',
        description: shape.doc,
        patternProperties: { [NAME]: removable(shapeSchema(shape.item)) },
        additionalProperties: false,
      };
    case 'input':
      return { $ref: `#/$defs/${shape.value}Input`, description: shape.doc };
    case 'inputOrMix':
      return {
        description: shape.doc,
        anyOf: [
          { $ref: `#/$defs/${shape.input.value}Input` },
          {
            type: 'object',
            properties: {
              mix: {
                type: 'object',
                patternProperties: { [NAME]: removable(shapeSchema(shape.mix.item)) },
                additionalProperties: false,
              },
            },
            required: ['mix'],
            additionalProperties: false,
          },
        ],
      };
    case 'text':
      return { type: 'string', description: shape.doc };
    case 'version':
      return { const: 1, description: shape.doc };
    case 'boolean':
      return { type: 'boolean', description: shape.doc };
    case 'unit':
      return { enum: unitSpellings(), description: shape.doc };
    case 'label':
      return {
        description: shape.doc,
        anyOf: [
          { type: 'string' },
          {
            type: 'object',
            properties: { en: removable({ type: 'string' }), zh: removable({ type: 'string' }) },
            additionalProperties: false,
          },
        ],
      };
    case 'simulation':
      return {
        type: 'object',
        description: shape.doc,
        properties: {
          correlations: {
            type: 'array',
            description: 'Pairs of inputs whose draws move together, by rank (Spearman) correlation.',
            items: {
              type: 'object',
              properties: {
                between: {
                  type: 'array',
                  items: { type: 'string' },
                  minItems: 2,
                  maxItems: 2,
                  description: 'Two input paths (every year of each).',
                },
                rank: { type: 'number', minimum: -1, maximum: 1 },
              },
              required: ['between', 'rank'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      };
    case 'years':
      return {
        description: shape.doc,
        anyOf: [
          { type: 'string', pattern: String.raw`^\s*[0-9]{4}\s*\.\.\s*[0-9]{4}\s*$`, examples: ['2019..2023'] },
          { type: 'integer', minimum: 1000, maximum: 9999 },
          {
            type: 'object',
            properties: { from: { type: 'integer' }, to: { type: 'integer' } },
            required: ['from', 'to'],
            additionalProperties: false,
          },
        ],
      };
  }
}

export function scenarioSchema(): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://fintech-calc.invalid/scenario-1.schema.json',
    title: 'fintech-calc scenario (format 1)',
    ...shapeSchema(SCENARIO),
    $defs: {
      amountScalar: scalarValue('amount'),
      ratioScalar: scalarValue('ratio'),
      growthScalar: scalarValue('growth'),
      countScalar: scalarValue('count'),
      countValue: valueDef('count'),
      countInput: inputDef('count'),
      amountValue: valueDef('amount'),
      ratioValue: valueDef('ratio'),
      growthValue: valueDef('growth'),
      amountInput: inputDef('amount'),
      ratioInput: inputDef('ratio'),
    },
  };
}
