// YAML text → a small tree of plain nodes that remember where they came from.
// This is the only file that knows the yaml library. Keeping positions on the
// nodes (rather than looking them up later) lets `extends` merge trees from
// several files and `--set` add nodes, with every node still pointing at its
// own file:line:col.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Pos, Problems } from './problems.js';

export type RawNode = RawMap | RawSeq | RawScalar;

export interface RawMap {
  readonly kind: 'map';
  readonly pos: Pos;
  readonly entries: readonly RawEntry[];
}

export interface RawEntry {
  readonly key: string;
  readonly keyPos: Pos;
  readonly value: RawNode;
}

export interface RawSeq {
  readonly kind: 'seq';
  readonly pos: Pos;
  readonly items: readonly RawNode[];
}

export interface RawScalar {
  readonly kind: 'scalar';
  readonly pos: Pos;
  /** The scalar as written (for numbers: the exact digits, never a float). */
  readonly text: string;
  /** What YAML made of it: a number, a string, a boolean or null. */
  readonly type: 'number' | 'string' | 'boolean' | 'null';
}

/** The deepest nesting a scenario needs is far below this; deeper input is refused, not recursed into. */
const MAX_DEPTH = 64;
/** Bounds alias expansion ("billion laughs"): no real scenario has this many nodes. */
const MAX_NODES = 100_000;
/** A broken file can have thousands of syntax errors; the first ones are what helps. */
const MAX_SYNTAX_ERRORS = 20;

const TOO_DEEP = `nesting too deep for a scenario, which needs only a few levels (at most ${MAX_DEPTH})`;

/** Parses one YAML document; syntax errors become problems and the result is undefined. */
export function parseYaml(text: string, file: string, problems: Problems): RawNode | undefined {
  const lineCounter = new LineCounter();
  const posAt = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    // Not posAt: the line counter is filled by parsing, which has not happened.
    const before = text.slice(0, deep);
    problems.add({ file, line: before.split('\n').length, col: deep - before.lastIndexOf('\n') }, '', TOO_DEEP);
    return undefined;
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.add({ file, line: 1, col: 1 }, '', TOO_DEEP);
    return undefined;
  }
  const errors = doc.errors;
  // The parser turns its own stack overflow (deeply indented input) into errors.
  // Where it overflowed depends on the stack, not the text: the file is named at 1:1.
  if (errors.some((error) => /call stack/i.test(error.message))) {
    problems.add({ file, line: 1, col: 1 }, '', TOO_DEEP);
    return undefined;
  }
  for (const error of errors.slice(0, MAX_SYNTAX_ERRORS)) problems.add(posAt(error.pos[0]), '', `invalid YAML: ${firstLine(error.message)}`);
  if (errors.length > MAX_SYNTAX_ERRORS) {
    problems.add(posAt(errors[MAX_SYNTAX_ERRORS]!.pos[0]), '', `… and ${errors.length - MAX_SYNTAX_ERRORS} more YAML errors`);
  }
  if (errors.length > 0) return undefined;

  let nodes = 0;
  const convert = (node: unknown, fallback: number): RawNode | undefined => {
    if (++nodes > MAX_NODES) return undefined;
    if (isAlias(node)) return convert(node.resolve(doc), node.range?.[0] ?? fallback);
    const offset = (node as YamlNode | null)?.range?.[0] ?? fallback;
    const pos = posAt(offset);
    if (isMap(node)) {
      const entries: RawEntry[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const keyOffset = (keyNode as YamlNode | null)?.range?.[0] ?? offset;
        const key = isScalar(keyNode) ? String(keyNode.source ?? keyNode.value) : String(keyNode);
        const value = convert(pair.value, keyOffset);
        if (value === undefined) return undefined;
        entries.push({ key, keyPos: posAt(keyOffset), value });
      }
      return { kind: 'map', pos, entries };
    }
    if (isSeq(node)) {
      const items: RawNode[] = [];
      for (const item of node.items) {
        const value = convert(item, offset);
        if (value === undefined) return undefined;
        items.push(value);
      }
      return { kind: 'seq', pos, items };
    }
    if (isScalar(node)) {
      const value = node.value;
      const type =
        value === null ? 'null' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
      return { kind: 'scalar', pos, text: String(node.source ?? value), type };
    }
    // An empty value (`key:` with nothing after it) is a null scalar.
    return { kind: 'scalar', pos, text: '', type: 'null' };
  };

  const root = convert(doc.contents, 0);
  if (root === undefined) {
    problems.add(posAt(0), '', `the document expands to more than ${MAX_NODES} nodes (too many aliases?)`);
  }
  return root;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The offset where nesting first goes deeper than MAX_DEPTH, judged from the
 * text before parsing (the YAML parser recurses): open brackets and braces, plus
 * the `- ` sequence markers that open the current line (each nests a level).
 */
function tooDeepAt(text: string): number | undefined {
  let brackets = 0;
  let markers = 0;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      [lineStart, markers] = [true, 0];
    } else if (lineStart && (ch === 0x20 || ch === 0x09)) {
      // indentation, or the space after a marker
    } else if (lineStart && ch === 0x2d && isBlankOrEnd(text.charCodeAt(i + 1))) {
      if (brackets + ++markers > MAX_DEPTH) return i;
    } else {
      lineStart = false;
      if (ch === 0x5b || ch === 0x7b) {
        if (++brackets + markers > MAX_DEPTH) return i;
      } else if ((ch === 0x5d || ch === 0x7d) && brackets > 0) brackets--;
    }
  }
  return undefined;
}

function isBlankOrEnd(ch: number): boolean {
  return Number.isNaN(ch) || ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}
