// YAML text → a small tree of plain nodes that remember where they came from.
// This is the only file that knows the yaml library. Keeping positions on the
// nodes (rather than looking them up later) lets `extends` merge trees from
// several files and `--set` add nodes, with every node still pointing at its
// own file:line:col.
//
// Every step is linear in the text, whatever it holds: the parser is fed token
// by token and stopped at a limit (tokens, nesting), an alias reuses the node
// its anchor made (never re-walking the document), and keys are checked for
// duplicates with one Map per map.
import {
  Composer,
  CST,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  type Document,
  type Node as YamlNode,
} from 'yaml';
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
  /**
   * Of a scalar on one line: how many columns after `pos` its text starts (1 past a quote), so a column inside it can
   * be given (metric formulas).
   */
  readonly textCol?: number;
}

/**
 * The deepest nesting of maps and lists a scenario needs is far below this; deeper input is refused, not recursed into.
 */
export const MAX_DEPTH = 64;
/**
 * Bounds alias expansion ("billion laughs"): the bundled baseline has about 300
 * values, and aliases may not make a scenario larger than one written out could be.
 */
export const MAX_NODES = 50_000;
/**
 * Bounds the parser's work, which is several microseconds a token: the bundled
 * baseline has 2,000 tokens; a scenario fifty times its size still passes.
 */
export const MAX_TOKENS = 100_000;
/** A broken file can have thousands of syntax errors; the first ones are what helps. */
const MAX_SYNTAX_ERRORS = 20;

const TOO_DEEP =
  `nesting too deep for a scenario, which needs only a few levels (at most ${MAX_DEPTH} levels of maps and lists)`;

/** A problem of the YAML itself, at an offset in the text. */
interface Issue {
  readonly offset: number;
  readonly message: string;
}

/** Parses one YAML document; problems are added and the result is undefined if there are any. */
export function parseYaml(text: string, file: string, problems: Problems): RawNode | undefined {
  const lineCounter = new LineCounter();
  const posAt = (offset: number): Pos => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const read = readDocument(text, lineCounter);
  const issues = read.issues.sort((a, b) => a.offset - b.offset);
  for (const { offset, message } of issues.slice(0, MAX_SYNTAX_ERRORS)) problems.add(posAt(offset), '', message);
  if (issues.length > MAX_SYNTAX_ERRORS) {
    problems.add(
      posAt(issues[MAX_SYNTAX_ERRORS]!.offset),
      '',
      `… and ${issues.length - MAX_SYNTAX_ERRORS} more YAML errors`,
    );
  }
  if (issues.length > 0 || read.document === undefined) return undefined;
  return toRaw(read.document, posAt, problems);
}

/**
 * Lexes, parses and composes the text's document, stopping early at a limit
 * (too many tokens, too deep: the parser's cost grows with both) or at a
 * second document. Tags are found in the token stream, where their position is.
 */
function readDocument(text: string, lineCounter: LineCounter): { document?: Document.Parsed; issues: Issue[] } {
  const issues: Issue[] = [];
  let limit: Issue | undefined;
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  function* tokens(): Generator<CST.Token> {
    let count = 0;
    let scalarNext = false; // the lexer announces a plain or block scalar's text with a marker token
    for (const lexeme of new Lexer().lex(text)) {
      const offset = parser.offset;
      if (++count > MAX_TOKENS) {
        limit = {
          offset,
          message:
            `the file has more than ${MAX_TOKENS} YAML tokens (keys, values, indicators, spaces, line breaks); ` +
            'a scenario needs far fewer',
        };
        return;
      }
      if (!scalarNext && lexeme.startsWith('!')) {
        const message = `YAML tags (${lexeme}) are not part of a scenario: write the value without it`;
        issues.push({ offset, message });
      }
      scalarNext = lexeme === CST.SCALAR;
      yield* parser.next(lexeme);
      const deep = parser.stack.length > MAX_DEPTH ? tooDeepAt(parser.stack) : undefined;
      if (deep !== undefined) {
        limit = { offset: deep, message: TOO_DEEP };
        return;
      }
    }
    yield* parser.end();
  }
  // The parser makes an Error object per problem; without a stack trace each costs a fifth.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let document: Document.Parsed | undefined;
  try {
    for (const composed of new Composer({ strict: true, uniqueKeys: false }).compose(tokens(), true, text.length)) {
      if (document !== undefined) {
        issues.push({
          offset: composed.range[0],
          message: 'a second YAML document (after ---); a scenario file holds one document',
        });
        break;
      }
      document = composed;
    }
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (limit !== undefined) return { issues: [limit] };
  for (const error of document?.errors ?? [])
    issues.push({ offset: error.pos[0], message: `invalid YAML: ${firstLine(error.message)}` });
  return { document, issues };
}

/** The offset of the map or list that opens level MAX_DEPTH + 1 on the parser's stack, if any. */
function tooDeepAt(stack: readonly CST.Token[]): number | undefined {
  let depth = 0;
  for (const token of stack) {
    if (CST.isCollection(token) && ++depth > MAX_DEPTH) return token.offset;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

const IN_PROGRESS = Symbol('in progress');

/** A converted node, with what an alias to it adds: its values when expanded, and its depth. */
interface Converted {
  readonly raw: RawNode;
  readonly size: number;
  readonly height: number;
}

/**
 * The document as raw nodes, walked once in document order. An anchor is
 * recorded when its node is entered and its conversion kept when done, so an
 * alias is the node its anchor made (shared, not copied); an alias to a node
 * still being converted is a cycle.
 */
function toRaw(document: Document.Parsed, posAt: (offset: number) => Pos, problems: Problems): RawNode | undefined {
  const anchors = new Map<string, YamlNode>();
  const anchored = new Map<YamlNode, Converted | typeof IN_PROGRESS | undefined>();
  let nodes = 0; // values so far, aliases expanded
  let failed = false;
  const fail = (offset: number, path: string, message: string): undefined => {
    problems.add(posAt(offset), path, message);
    failed = true;
    return undefined;
  };

  /** The node an alias names, converted; undefined for an unknown anchor, a cycle, or an anchored node that failed. */
  const aliased = (alias: YamlNode & { source: string }, offset: number, path: string): Converted | undefined => {
    const target = anchors.get(alias.source);
    if (target === undefined)
      return fail(offset, path, `alias *${alias.source} has no anchor &${alias.source} before it`);
    const converted = anchored.get(target);
    if (converted === IN_PROGRESS)
      return fail(offset, path, `alias *${alias.source} is inside the value it names: a value cannot contain itself`);
    return converted; // undefined when the anchored node failed: its problem is already reported
  };

  const convert = (node: unknown, fallback: number, depth: number, path: string): Converted | undefined => {
    const offset = (node as YamlNode | null)?.range?.[0] ?? fallback;
    if (isAlias(node)) {
      const converted = aliased(node, offset, path);
      if (converted === undefined) return undefined;
      if (depth + converted.height - 1 > MAX_DEPTH) return fail(offset, path, TOO_DEEP);
      nodes += converted.size;
      if (nodes > MAX_NODES) {
        return fail(offset, path, `alias *${node.source} expands the document to more than ${MAX_NODES} values ` +
          '(too many aliases?)');
      }
      return converted;
    }
    if (++nodes > MAX_NODES)
      return fail(offset, path, `the document expands to more than ${MAX_NODES} values (too many aliases?)`);
    const anchor = (node as YamlNode | null)?.anchor;
    if (anchor !== undefined) {
      anchors.set(anchor, node as YamlNode);
      anchored.set(node as YamlNode, IN_PROGRESS);
    }
    const before = nodes;
    const converted = convertNode(node, offset, depth, path);
    const result = converted && { raw: converted.raw, size: nodes - before + 1, height: converted.height };
    if (anchor !== undefined) anchored.set(node as YamlNode, result);
    return result;
  };

  const convertNode = (
    node: unknown,
    offset: number,
    depth: number,
    path: string,
  ): { raw: RawNode; height: number } | undefined => {
    const pos = posAt(offset);
    if (isMap(node)) {
      const entries: RawEntry[] = [];
      const seen = new Map<string, Pos>();
      let height = 1;
      for (const pair of node.items) {
        const keyOffset = (pair.key as YamlNode | null)?.range?.[0] ?? offset;
        const key = keyText(pair.key, keyOffset, path);
        if (key === undefined) continue;
        const keyPos = posAt(keyOffset);
        const entryPath = path === '' ? key : `${path}.${key}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, keyPos);
        else
          fail(
            keyOffset,
            entryPath,
            `duplicate key (first at line ${first.line}, column ${first.col}); a key may appear once in a map`,
          );
        const value = convert(pair.value, keyOffset, depth + 1, entryPath);
        if (value === undefined) {
          if (nodes > MAX_NODES) return undefined;
          continue;
        }
        height = Math.max(height, value.height + 1);
        entries.push({ key, keyPos, value: value.raw });
      }
      return { raw: { kind: 'map', pos, entries }, height };
    }
    if (isSeq(node)) {
      const items: RawNode[] = [];
      let height = 1;
      for (const item of node.items) {
        const value = convert(item, offset, depth + 1, path);
        if (value === undefined) {
          if (nodes > MAX_NODES) return undefined;
          continue;
        }
        height = Math.max(height, value.height + 1);
        items.push(value.raw);
      }
      return { raw: { kind: 'seq', pos, items }, height };
    }
    if (isScalar(node)) {
      const value = node.value;
      const type =
        value === null
          ? 'null'
          : typeof value === 'number'
            ? 'number'
            : typeof value === 'boolean'
              ? 'boolean'
              : 'string';
      const text = String(node.source ?? value);
      const textCol = text.includes('\n')
        ? undefined
        : node.type === 'PLAIN'
          ? 0
          : node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'
            ? 1
            : undefined;
      return { raw: { kind: 'scalar', pos, text, type, ...(textCol !== undefined && { textCol }) }, height: 0 };
    }
    // An empty value (`key:` with nothing after it) is a null scalar.
    return { raw: { kind: 'scalar', pos, text: '', type: 'null' }, height: 0 };
  };

  /** A key as written: a scalar, or an alias to one (a key can be anchored too); a list or a map is a problem. */
  const keyText = (key: unknown, offset: number, path: string): string | undefined => {
    let converted: Converted | undefined;
    if (isAlias(key)) {
      converted = aliased(key, offset, path);
      if (converted === undefined) return undefined;
    } else if (isScalar(key) || key === null) {
      converted = { raw: convertNode(key, offset, 0, path)!.raw, size: 1, height: 0 };
      if (key?.anchor !== undefined) {
        anchors.set(key.anchor, key);
        anchored.set(key, converted);
      }
    }
    if (converted?.raw.kind === 'scalar') return converted.raw.text;
    return fail(offset, path, 'a key must be a name or a year, not a list or a map');
  };

  const root = convert(document.contents, 0, 1, '');
  return failed ? undefined : root?.raw;
}
