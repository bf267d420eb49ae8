// A value made of plain objects, arrays, Maps, Decimals and primitives, as JSON
// and back: the build stores each bundled scenario decoded (precompile.ts), so a
// run on one restores it instead of reading its values again (a quarter of a
// cold forecast). What the value shares stays shared (a constant series holds
// one range for every year), and anything else (a class, a function) is refused
// at build rather than restored as something it was not.
import { Decimal } from '../shared/decimal.js';

/**
 * Each object once, in `nodes`; `root` is the value. In a node a value is a
 * string, boolean, null or finite number as it is, [i] for nodes[i], and []
 * for undefined.
 */
export interface Snapshot {
  readonly root: Encoded;
  readonly nodes: readonly Node[];
}

type Encoded = string | number | boolean | null | readonly [] | readonly [number];
type Node =
  | readonly ['decimal', string]
  | readonly ['number', string]
  | readonly ['array', readonly Encoded[]]
  | readonly ['map', readonly Encoded[]]
  | readonly ['object', readonly (string | Encoded)[]];

export function takeSnapshot(value: unknown): Snapshot {
  const nodes: Node[] = [];
  const indices = new Map<unknown, number>();
  const encode = (x: unknown, path: string): Encoded => {
    if (x === undefined) return [];
    if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
    if (typeof x === 'number') {
      if (Number.isFinite(x) && !Object.is(x, -0)) return x;
      return [add(['number', Object.is(x, -0) ? '-0' : String(x)])]; // JSON has no -0, Infinity or NaN
    }
    if (typeof x !== 'object') throw new TypeError(`takeSnapshot: ${path} is a ${typeof x}`);
    const known = indices.get(x);
    if (known !== undefined) return [known];
    if (x instanceof Decimal) return [add(['decimal', x.toString()], x)];
    const index = add(['array', []], x); // a place for the node, taken before its parts
    if (x instanceof Map) {
      const entries = [...x].map(([k, v], i) => [encode(k, `${path}<key ${i}>`), encode(v, `${path}.${k}`)]);
      nodes[index] = ['map', entries.flat()];
    } else if (Array.isArray(x)) {
      nodes[index] = ['array', x.map((item, i) => encode(item, `${path}[${i}]`))];
    } else if (Object.getPrototypeOf(x) === Object.prototype) {
      nodes[index] = ['object', Object.entries(x).flatMap(([k, v]) => [k, encode(v, `${path}.${k}`)])];
    } else {
      throw new TypeError(`takeSnapshot: ${path} is a ${(x as object).constructor?.name ?? 'object'}, not plain data`);
    }
    return [index];
  };
  const add = (node: Node, x?: unknown) => {
    nodes.push(node);
    if (x !== undefined) indices.set(x, nodes.length - 1);
    return nodes.length - 1;
  };
  const root = encode(value, 'value');
  return { root, nodes };
}

export function restoreSnapshot(snapshot: Snapshot): unknown {
  const { nodes } = snapshot;
  // Every node is made first, empty, then filled: a node may refer to any other.
  const made = nodes.map(([kind, body]) => {
    switch (kind) {
      case 'decimal':
        return new Decimal(body);
      case 'number':
        return Number(body);
      case 'array':
        return [];
      case 'map':
        return new Map();
      case 'object':
        return {};
    }
  });
  const decode = (x: Encoded): unknown => (Array.isArray(x) ? (x.length === 0 ? undefined : made[x[0]!]) : x);
  nodes.forEach(([kind, body], i) => {
    const target = made[i];
    if (kind === 'array') for (const item of body) (target as unknown[]).push(decode(item));
    for (let j = 0; kind === 'map' && j < body.length; j += 2) {
      (target as Map<unknown, unknown>).set(decode(body[j]!), decode(body[j + 1]!));
    }
    for (let j = 0; kind === 'object' && j < body.length; j += 2) {
      (target as Record<string, unknown>)[body[j] as string] = decode(body[j + 1]!);
    }
  });
  return decode(snapshot.root);
}
