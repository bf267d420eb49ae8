// A small reader of .xlsx files for the tests: our own workbooks and those
// LibreOffice writes after recalculating them. It unzips (stored or deflated
// entries, from the central directory) and reads each sheet's cells: formula,
// value (number, text, error) by A1 reference. Enough to check values, not a
// general reader.
import { inflateRawSync } from 'node:zlib';

/** The English sheet names of the tables (forecast.ts). */
export const SHEETS = {
  market: 'Market',
  profit: 'Profit',
  spend: 'Tech spend',
  labour: 'Labour',
  tech: 'Technologies',
  metrics: 'Metrics',
} as const;

export interface ReadCell {
  /** The formula, without its `=`, as written in the file. */
  readonly formula?: string;
  /** A number, a text, or an error such as `#N/A`. */
  readonly value: number | string | undefined;
  readonly type: 'n' | 's' | 'e' | 'b';
  /** The cell format index (`s`), 0 without one. */
  readonly style: number;
}

export interface ReadSheet {
  readonly name: string;
  readonly cells: ReadonlyMap<string, ReadCell>;
  readonly xml: string;
}

export interface ReadWorkbook {
  readonly sheets: readonly ReadSheet[];
  /** Defined names and what they refer to. */
  readonly names: ReadonlyMap<string, string>;
  readonly parts: ReadonlyMap<string, string>;
}

export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const data = Buffer.from(bytes);
  const end = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (data.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory');
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((offset) => data.readUInt16LE(at + offset)) as [
      number,
      number,
      number,
    ];
    const local = data.readUInt32LE(at + 42);
    const name = data.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const raw = data.subarray(start, start + compressed);
    files.set(name, method === 0 ? raw : inflateRawSync(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescape = (text: string) =>
  text
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');

/** The text of every `<t>` in an element (a shared or inline string). */
const textOf = (xml: string) => [...xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)].map((m) => unescape(m[1]!)).join('');

export function readXlsx(bytes: Uint8Array): ReadWorkbook {
  const files = unzip(bytes);
  const part = (name: string) => files.get(name)?.toString('utf8');
  const workbook = part('xl/workbook.xml')!;
  const rels = part('xl/_rels/workbook.xml.rels')!;
  const relationships = [...rels.matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)];
  const targets = new Map(relationships.map((m) => [m[1]!, m[2]!]));
  for (const m of rels.matchAll(/<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) targets.set(m[2]!, m[1]!);
  const shared = [...(part('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!));
  const sheets = [...workbook.matchAll(/<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]+)"/g)].map((m) => {
    const target = targets.get(m[2]!)!.replace(/^\/?(xl\/)?/, '');
    const xml = part(`xl/${target}`)!;
    const cells = new Map<string, ReadCell>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = c[2]!;
      const inner = c[3] ?? '';
      const type = (/ t="(\w+)"/.exec(attributes)?.[1] ?? 'n') as string;
      const style = Number(/ s="(\d+)"/.exec(attributes)?.[1] ?? 0);
      const formula = /<f(?: [^>]*)?>([^<]*)<\/f>/.exec(inner)?.[1];
      const v = /<v>([^<]*)<\/v>/.exec(inner)?.[1];
      let value: number | string | undefined;
      let kind: ReadCell['type'] = 'n';
      if (type === 'inlineStr') [value, kind] = [textOf(inner), 's'];
      else if (type === 's') [value, kind] = [shared[Number(v)], 's'];
      else if (type === 'str') [value, kind] = [v === undefined ? undefined : unescape(v), 's'];
      else if (type === 'e') [value, kind] = [v, 'e'];
      else if (type === 'b') [value, kind] = [Number(v), 'b'];
      else value = v === undefined ? undefined : Number(v);
      cells.set(c[1]!, { ...(formula !== undefined && { formula: unescape(formula) }), value, type: kind, style });
    }
    return { name: unescape(m[1]!), cells, xml };
  });
  const defined = [...workbook.matchAll(/<definedName [^>]*?name="([^"]+)"[^>]*>([^<]*)<\/definedName>/g)];
  const names = new Map(defined.map((m) => [unescape(m[1]!), unescape(m[2]!)]));
  return { sheets, names, parts: new Map([...files].map(([name, data]) => [name, data.toString('utf8')])) };
}

/** A1 reference → 0-based row and column. */
export function position(reference: string): { row: number; column: number } {
  const [, letters, digits] = /^\$?([A-Z]+)\$?(\d+)$/.exec(reference)!;
  const column = [...letters!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, column };
}
