import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';

describe('displayWidth', () => {
  it('counts CJK and fullwidth characters as two columns, colour escapes as none', () => {
    expect(displayWidth('Payment: spend')).toBe(14);
    expect(displayWidth('支付：投入')).toBe(10);
    expect(displayWidth('证券（头部）')).toBe(12);
    expect(displayWidth('\u001b[1mTotal\u001b[22m')).toBe(5);
    expect(displayWidth('RPA 42.5亿')).toBe(10);
    expect(displayWidth('ＡＢＣ ｶﾞ')).toBe(9); // fullwidth letters; a halfwidth kana and its sound mark
    expect(displayWidth('한국')).toBe(4);
  });

  it('counts an emoji as two columns, with its modifier, variation selector and ZWJ-joined emoji', () => {
    expect(displayWidth('😀')).toBe(2);
    expect(displayWidth('👍🏽')).toBe(2); // a skin-tone modifier
    expect(displayWidth('☝🏽')).toBe(2); // a base one column wide alone
    expect(displayWidth('❤️')).toBe(2); // emoji presentation (VS16)
    expect(displayWidth('❤')).toBe(1); // text presentation
    expect(displayWidth('👨‍👩‍👧')).toBe(2); // a ZWJ sequence
    expect(displayWidth('🏳️‍🌈')).toBe(2);
    expect(displayWidth('🐻‍❄')).toBe(2); // ZWJ sequence without its VS16
    expect(displayWidth('🇨🇳🇺🇸')).toBe(4); // flags: pairs of regional indicators
    expect(displayWidth('1️⃣#⃣')).toBe(4); // keycaps
    expect(displayWidth('🏴󠁧󠁢󠁳󠁣󠁴󠁿')).toBe(2); // a tag sequence
    expect(displayWidth('Fintech 🚀 growth')).toBe(17);
  });

  it('counts combining marks, zero-width and control characters as no column', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('Z\u0324\u0308a\u0300')).toBe(2);
    expect(displayWidth('a\u200bb\u00adc\u2060d')).toBe(4); // zero-width space, soft hyphen, word joiner
    expect(displayWidth('\u202eab\u202c')).toBe(2); // bidi controls
    expect(displayWidth('a\tb\u0007')).toBe(2);
    expect(displayWidth('\u0301')).toBe(0);
    expect(displayWidth('\u1112\u1161\u11ab')).toBe(2); // 한 from its jamo
    expect(displayWidth('\u0915\u093f')).toBe(2); // a spacing mark takes its column
  });

  // The pieces a label may be made of, including every kind of character that
  // joins another; any string of them must measure as string-width measures it.
  const PIECES = [
    'a', 'Z', ' ', '1', '#', '-', '–', '亿', '支', '（', '：', '　', 'Ａ', 'ｶ', 'ﾞ', 'ﾟ', 'カ', '゛', '\u3099', '〽', '‼',
    'é', 'ß', '€', '★', '±', 'Ω', '\u00a0', 'ʰ', 'ก', 'ำ', '\u0d4e', '\u0600',
    '\u0301', '\u0308', '\u20dd', '\u093e', '\u0915', '\u200b', '\u200c', '\u200d', '\u00ad', '\u202e', '\u2060', '\t', '\u001b[31m', '\u001b[0m',
    '\ufe0f', '\ufe0e', '\u20e3', '🏽', '🏻', '😀', '👍', '☝', '❤', '🔥', '👨', '👩', '🐻', '❄', '🚀', '🏳', '🌈', '©', '↔',
    '🇨🇳', '🇺🇸', '🇯🇵', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '한', '가', '각', '\u1100', '\u1112', '\u1161', '\u11ab', '\u11a8',
  ];

  // Every character of the Basic Multilingual Plane, the emoji planes, tags and
  // variation selectors and the start of CJK extension B, 64 at a time: in a row (marks,
  // jamo and emoji meet their neighbours) and each after a letter. Two
  // differences are meant: only colour escapes (ESC [ … m) are escapes here, and
  // string-width strips more after a C1 CSI (U+009B); and any two regional
  // indicators are a flag here, two columns, where string-width knows which
  // pairs are countries' flags (🇦🇧 is none: one column there).
  it('agrees with string-width on every character, in a row and after a letter', () => {
    const differ: string[] = [];
    for (const [from, to] of [[0, 0xffff], [0x1f000, 0x1fbff], [0x20000, 0x20fff], [0xe0000, 0xe01ef]] as const) {
      for (let start: number = from; start <= to; start += 64) {
        const chars: string[] = [];
        for (let codePoint = start; codePoint < start + 64; codePoint++) {
          if ((codePoint < 0xd800 || codePoint > 0xdfff) && codePoint !== 0x9b) chars.push(String.fromCodePoint(codePoint));
        }
        const inRow = start === 0x1f1c0 ? [] : [chars.join('')]; // regional indicators A to Z
        for (const text of [...inRow, chars.map((char) => `a${char}`).join('')]) {
          if (displayWidth(text) !== stringWidth(text)) differ.push(start.toString(16));
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('agrees with string-width on any string of these pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(displayWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000, seed: 16 },
    );
  });
});
