// explain output: the calculation tree as indented text, or as JSON.
import type { ExplainNode } from '../engine/explain.js';
import type { Case, Provenance, Where, Written, Year } from '../engine/types.js';
import { caseName, type Lang } from './labels.js';
import { displayValue, machineValue } from './numbers.js';

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
  return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name}[${node.operands[i]!.name.split('.').pop()}]` : name));
}

function fill(formula: string, operands: readonly string[]): string {
  return formula.replace(/\{(\d+)\}/g, (_, i: string) => operands[Number(i)] ?? '?');
}

/** Where a value was written; for an amount set on the command line, also the amount, with its unit. */
function where(written: Written, kind: Provenance['kind'], options: ExplainRenderOptions): string {
  const { file, line }: Where = written.where;
  if (file.startsWith('--set')) return `set by ${file}${kind === 'amount' ? `: ${amountText(written, options.unit)}` : ''}`;
  const at = line > 0 ? `${file}:${line}` : file;
  return file === options.file ? at : `${at}, via extends`;
}

/** `13 万亿元`, or `12～14 万亿元` for a range: a bare amount on the command line is in the output unit. */
function amountText({ range, isRange }: Written, unit: string): string {
  const [low, high] = [range.low, range.high].map((end) => machineValue(end, 'amount', unit));
  return `${isRange ? `${low}～${high}` : machineValue(range.base, 'amount', unit)} ${unit}`;
}

/** How an input's value in `year` was obtained, and what its author said of it. */
export function provenanceLines(provenance: Provenance | undefined, year: Year, c: Case, options: ExplainRenderOptions): string[] {
  if (provenance === undefined) return [];
  const anchor = provenance.anchors.get(year);
  const anchorYears = [...provenance.anchors.keys()].sort((a, b) => a - b);
  const notes = (written: Written | undefined) =>
    written === undefined ? [] : [...(written.source ? [`source: ${written.source}`] : []), ...(written.note ? [`note: ${written.note}`] : [])];
  const constant = provenance.anchors.get(0);
  switch (provenance.method) {
    case 'default':
      return ['the report’s default (not in the scenario)', ...notes(constant)];
    case 'constant':
      return [`the same every year, ${where(constant!, provenance.kind, options)}`, ...notes(constant)];
    default:
      break;
  }
  if (anchor) return [`anchor ${year}, ${where(anchor, provenance.kind, options)}`, ...notes(anchor)];
  const before = anchorYears.filter((a) => a < year).pop()!;
  const from = provenance.anchors.get(before)!;
  if (provenance.method === 'growth') {
    const growth = provenance.growth!;
    return [
      `grown from ${before} (${where(from, provenance.kind, options)}) by ${displayValue(growth.range[c], 'ratio', options.unit)} a year (${where(growth, 'ratio', options)})`,
      ...notes(from),
      ...notes(growth),
    ];
  }
  const after = anchorYears.find((b) => b > year)!;
  const to = provenance.anchors.get(after)!;
  const method = provenance.method === 'step' ? `step from ${before}` : `${provenance.method} between ${before} and ${after}`;
  return [`${method} (${where(from, provenance.kind, options)}; ${where(to, provenance.kind, options)})`, ...notes(from), ...(provenance.method === 'step' ? [] : notes(to))];
}

export function renderExplainText(tree: ExplainNode, c: Case, options: ExplainRenderOptions): string {
  const value = (node: ExplainNode) => displayValue(node.value, node.kind, options.unit);
  const seen = new Set<string>();
  const out: string[] = [`${tree.name} = ${value(tree)}${tree.kind === 'amount' ? ` ${options.unit}` : ''} — ${options.scenario}, ${caseName(c, options.lang)}`];
  const describe = (node: ExplainNode, indent: string) => {
    if (node.formula !== undefined) {
      const names = operandNames(node);
      const numbers = node.operands.map(value);
      out.push(`${indent}= ${fill(node.formula, names)}`, `${indent}= ${fill(node.formula, numbers)}`);
    }
    if (node.input) for (const line of provenanceLines(node.input.provenance, node.input.year, c, options)) out.push(`${indent}${line}`);
  };
  const walk = (node: ExplainNode, prefix: string) => {
    node.operands.forEach((operand, i) => {
      const last = i === node.operands.length - 1;
      const repeated = seen.has(operand.name);
      out.push(`${prefix}${last ? '└─ ' : '├─ '}${operand.name} = ${value(operand)}${repeated ? ' (see above)' : ''}`);
      const inner = `${prefix}${last ? '   ' : '│  '}`;
      if (repeated) return;
      seen.add(operand.name);
      describe(operand, `${inner}${operand.operands.length > 0 ? '│ ' : '  '}`);
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
  return `${JSON.stringify({ format: EXPLAIN_FORMAT, scenario: options.scenario, file: options.file, case: c, unit: options.unit, tree: toJson(tree) })}\n`;
}
