// The width of a label in SVG, estimated without a browser (there is no canvas
// in Node). Estimates err wide, so that a label never runs outside its chart:
// a wide (CJK) character takes 1 em, as in every CJK font; Latin letters and
// digits take at most what they take in the broad sans-serif fonts (DejaVu
// Sans, Noto Sans) the font stack may fall back to.
import { displayWidth } from '../width.js';

const NARROW = /[ .,:;'|!il()[\]]/;
const CAPITAL = /[A-Z%&@#mwMW\u2013\u2014]/;

/** The width of `text` in px at `size` px. */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const char of text) {
    if (displayWidth(char) === 2) ems += 1;
    else if (NARROW.test(char)) ems += 0.34;
    else if (CAPITAL.test(char)) ems += 0.86;
    else ems += 0.64;
  }
  return ems * size;
}

/** `text` cut to fit `width` px, with an ellipsis where it was cut. */
export function fitText(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}
