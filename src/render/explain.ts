// explain output: the calculation tree as indented text, or as JSON.
import type { ExplainNode } from '../engine/analysis/explain.js';
import type { Case, Provenance, Where, Written, Year } from '../engine/types.js';
import { visible } from './escape.js';
import { caseName, comma, say, text, type Lang } from './labels.js';
import { displayValue, machineValue } from './numbers.js';
import { OUTPUT_WIDTH, wrapWords } from './width.js';

export const EXPLAIN_FORMAT = 'fintech-calc/explain@1';

export interface ExplainRenderOptions {
  readonly unit: string;
  readonly lang: Lang;
  /** The scenario file as the user named it: values from other files came through extends. */
  readonly file: string;
  readonly scenario: string;
}

/** `size[receivables]`, `marketSpace`, `penetration[receivables]`: an operand's name in a formula. */
export function shortName(name: string): string {
  const parts = name.split('.');
  if (/^\d{4}$/.test(parts[parts.length - 1]!)) parts.pop();
  const group = parts.findIndex((part) => part === 'modes' || part === 'segments' || part === 'mix');
  if (group >= 0 && parts.length > group + 2) return `${parts[parts.length - 1]}[${parts[group + 1]}]`;
  return parts[parts.length - 1]!;
}

/** Operand names for a formula; the same metric in two years is told apart by year. */
function operandNames(node: ExplainNode): string[] {
  const names = node.operands.map((operand) => shortName(operand.name));
  return names.map((name, i) =>
    names.indexOf(name) !== names.lastIndexOf(name) ? `${name}[${node.operands[i]!.name.split('.').pop()}]` : name,
  );
}

function fill(formula: string, operands: readonly string[]): string {
  return formula.replace(/\{(\d+)\}/g, (_, i: string) => operands[Number(i)] ?? '?');
}

/** Where a value was written; for an amount set on the command line, also the amount, with its unit. */
function where(written: Written, kind: Provenance['kind'], options: ExplainRenderOptions): string {
  const { file, line }: Where = written.where;
  if (file.startsWith('--set'))
    return `${say.setBy(options.lang, file)}${kind === 'amount' ? `: ${amountText(written, options.unit)}` : ''}`;
  const at = line > 0 ? `${file}:${line}` : file;
  return file === options.file ? at : say.viaExtends(options.lang, at);
}

/** `13 万亿元`, or `12～14 万亿元` for a range: a bare amount on the command line is in the output unit. */
function amountText({ range, isRange }: Written, unit: string): string {
  const [low, high] = [range.low, range.high].map((end) => machineValue(end, 'amount', unit));
  return `${isRange ? `${low}～${high}` : machineValue(range.base, 'amount', unit)} ${unit}`;
}

/** How an input's value in `year` was obtained, and what its author said of it. */
export function provenanceLines(
  provenance: Provenance | undefined,
  year: Year,
  c: Case,
  options: ExplainRenderOptions,
): string[] {
  if (provenance === undefined) return [];
  const { lang } = options;
  const anchor = provenance.anchors.get(year);
  const anchorYears = [...provenance.anchors.keys()].sort((a, b) => a - b);
  const notes = (written: Written | undefined) =>
    written === undefined
      ? []
      : [
          ...(written.source ? [`${text('source', lang)}${written.source}`] : []),
          ...(written.note ? [`${text('note', lang)}${written.note}`] : []),
        ];
  const constant = provenance.anchors.get(0);
  switch (provenance.method) {
    case 'default':
      return [text('reportDefault', lang), ...notes(constant)];
    case 'constant':
      return [say.sameEveryYear(lang, where(constant!, provenance.kind, options)), ...notes(constant)];
    default:
      break;
  }
  if (anchor) return [say.anchor(lang, year, where(anchor, provenance.kind, options)), ...notes(anchor)];
  const before = anchorYears.filter((a) => a < year).pop()!;
  const from = provenance.anchors.get(before)!;
  if (provenance.method === 'growth') {
    const growth = provenance.growth!;
    return [
      say.grown(
        lang,
        before,
        where(from, provenance.kind, options),
        displayValue(growth.range[c], 'ratio', options.unit),
        where(growth, 'ratio', options),
      ),
      ...notes(from),
      ...notes(growth),
    ];
  }
  const after = anchorYears.find((b) => b > year)!;
  const to = provenance.anchors.get(after)!;
  const separator = lang === 'zh' ? '；' : '; ';
  const both = `${where(from, provenance.kind, options)}${separator}${where(to, provenance.kind, options)}`;
  return [
    say.interpolated(lang, provenance.method, before, after, both),
    ...notes(from),
    ...(provenance.method === 'step' ? [] : notes(to)),
  ];
}

/**
 * The tree as text: each value, its formula with names and with numbers, how
 * each input was obtained. A line longer than OUTPUT_WIDTH wraps at spaces and
 * goes on under its own branch of the tree.
 */
export function renderExplainText(tree: ExplainNode, c: Case, options: ExplainRenderOptions): string {
  const value = (node: ExplainNode) => displayValue(node.value, node.kind, options.unit);
  const seen = new Set<string>();
  const out: string[] = [];
  // `lead` starts the line (the tree's drawing), `more` its continuations.
  const line = (lead: string, text: string, more: string) =>
    out.push(wrapWords(lead, visible(text), more, OUTPUT_WIDTH));
  line(
    '',
    `${tree.name} = ${value(tree)}${tree.kind === 'amount' ? ` ${options.unit}` : ''} — ` +
      `${options.scenario}${comma(options.lang)}${caseName(c, options.lang)}`,
    '  ',
  );
  const describe = (node: ExplainNode, indent: string) => {
    if (node.formula !== undefined) {
      const names = operandNames(node);
      const numbers = node.operands.map(value);
      line(indent, `= ${fill(node.formula, names)}`, `${indent}  `);
      line(indent, `= ${fill(node.formula, numbers)}`, `${indent}  `);
    }
    if (node.input) {
      const { provenance, year } = node.input;
      for (const text of provenanceLines(provenance, year, c, options)) line(indent, text, `${indent}  `);
    }
  };
  const walk = (node: ExplainNode, prefix: string) => {
    node.operands.forEach((operand, i) => {
      const last = i === node.operands.length - 1;
      const repeated = seen.has(operand.name);
      const inner = `${prefix}${last ? '   ' : '│  '}`;
      const below = `${inner}${operand.operands.length > 0 && !repeated ? '│ ' : '  '}`;
      line(
        `${prefix}${last ? '└─ ' : '├─ '}`,
        `${operand.name} = ${value(operand)}${repeated ? ` ${text('seeAbove', options.lang)}` : ''}`,
        `${below}  `,
      );
      if (repeated) return;
      seen.add(operand.name);
      describe(operand, below);
      walk(operand, inner);
    });
  };
  describe(tree, tree.operands.length > 0 ? '│ ' : '  ');
  walk(tree, '');
  return `${out.join('\n')}\n`;
}

interface JsonNode {
  name: string;
  value: string;
  kind: string;
  formula?: string;
  operands?: JsonNode[];
  input?: object;
}

export function renderExplainJson(tree: ExplainNode, c: Case, options: ExplainRenderOptions): string {
  const toJson = (node: ExplainNode): JsonNode => ({
    name: node.name,
    value: machineValue(node.value, node.kind, options.unit),
    kind: node.kind,
    ...(node.formula !== undefined && { formula: fill(node.formula, operandNames(node)) }),
    ...(node.operands.length > 0 && { operands: node.operands.map(toJson) }),
    ...(node.input && {
      input: {
        path: node.input.path,
        year: node.input.year,
        how: provenanceLines(node.input.provenance, node.input.year, c, options),
      },
    }),
  });
  const { scenario, file, unit } = options;
  return `${JSON.stringify({ format: EXPLAIN_FORMAT, scenario, file, case: c, unit, tree: toJson(tree) })}\n`;
}
