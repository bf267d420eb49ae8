// HTML and SVG markup: escaped text and attributes, and coordinates written
// the same way on every machine.
import { visible } from '../escape.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text from a scenario or an argument, as HTML or SVG text or an attribute
 * value: its controls made visible (as in every other output), then escaped.
 */
export function esc(text: string): string {
  return visible(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

export type Attributes = Readonly<Record<string, string | number | undefined>>;

/** `<tag a="1" b="x">children</tag>`; undefined attributes are left out, values escaped. */
export function el(tag: string, attributes: Attributes, ...children: readonly string[]): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${typeof value === 'number' ? px(value) : esc(value)}"`)
    .join('');
  return `<${tag}${attrs}>${children.join('')}</${tag}>`;
}

/** An element whose children stand on lines of their own, so that a change to a report shows as a readable diff. */
export function block(tag: string, attributes: Attributes, ...children: readonly string[]): string {
  return el(tag, attributes, '\n', ...children.filter((child) => child !== '').map((child) => `${child}\n`));
}

/** A coordinate: at most one decimal, no `-0`, so the same layout gives the same bytes. */
export function px(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
