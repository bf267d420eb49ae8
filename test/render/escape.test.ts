// Text from files and arguments on a terminal, in Markdown and in spreadsheets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spreadsheetText } from '../../src/render/csv.js';
import { visible } from '../../src/render/escape.js';
import { displayWidth } from '../../src/render/width.js';
import { hostileText, UNSAFE } from './hostile.js';

describe('visible', () => {
  it('shows control characters as escapes, the way JSON writes them', () => {
    expect(visible('L\u001b[31mRED\r\nfake line')).toBe('L\\u001b[31mRED\\r\\nfake line');
    expect(visible('a\tb\u0000c\u007f')).toBe('a\\tb\\u0000c\\u007f');
    expect(visible('C1 \u0085 \u009b')).toBe('C1 \\u0085 \\u009b');
  });

  it('shows bidirectional overrides and invisible format characters', () => {
    expect(visible('abc\u202egnp.exe')).toBe('abc\\u202egnp.exe');
    expect(visible('\u2066x\u2069 \u200b \ufeff \u2028')).toBe('\\u2066x\\u2069 \\u200b \\ufeff \\u2028');
  });

  it('leaves ordinary text alone, Chinese included', () => {
    for (const text of [
      'Payment: spend',
      '支付：投入',
      'iResearch 2019 fintech report, baseline',
      'a\\nb',
      '60～70%',
      '€ £ é',
    ]) {
      expect(visible(text)).toBe(text);
    }
  });

  it('never leaves an unsafe character, is idempotent, and its width is its length for ASCII', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = visible(text);
        expect(shown).not.toMatch(UNSAFE);
        expect(visible(shown)).toBe(shown);
        if (/^\p{ASCII}*$/u.test(text)) expect(displayWidth(shown)).toBe(shown.length);
      }),
    );
  });
});

describe('spreadsheetText', () => {
  it('makes a text cell that a spreadsheet would read as a formula plain text', () => {
    for (const text of ['=1+1', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1+1'])
      expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it('leaves other text alone', () => {
    for (const text of ['Payment', '支付', '', '1+1', "'quoted", 'a=b']) expect(spreadsheetText(text)).toBe(text);
  });
});
