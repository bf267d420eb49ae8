import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/render/width.js';

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
    '\u0301',
    '\u0308',
    '\u20dd',
    '\u093e',
    '\u0915',
    '\u200b',
    '\u200c',
    '\u200d',
    '\u00ad',
    '\u202e',
    '\u2060',
    '\t',
    '\u001b[31m',
    '\u001b[0m',
    '\ufe0f',
    '\ufe0e',
    '\u20e3',
    '🏽',
    '🏻',
    '😀',
    '👍',
    '☝',
    '❤',
    '🔥',
    '👨',
    '👩',
    '🐻',
    '❄',
    '🚀',
    '🏳',
    '🌈',
    '©',
    '↔',
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
          if ((codePoint < 0xd800 || codePoint > 0xdfff) && codePoint !== 0x9b)
            chars.push(String.fromCodePoint(codePoint));
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

describe('wrapText', () => {
  it('leaves lines that fit alone', () => {
    expect(wrapText('a short line\n\n  indented', 40)).toBe('a short line\n\n  indented');
  });

  it('wraps a paragraph at spaces; an indented line (a command) continues with a hanging indent', () => {
    expect(wrapText('one two three four five six', 14)).toBe('one two three\nfour five six');
    expect(wrapText('  one two three four five', 16)).toBe('  one two three\n      four five');
  });

  it('wraps a two-column line within its second column, or puts the second below when it is narrow', () => {
    const line = '  fintech-calc forecast -c all     low, base and high, with Chinese labels and more';
    expect(wrapText(line, 72)).toBe(
      '  fintech-calc forecast -c all     low, base and high, with Chinese\n                                   ' +
        'labels and more',
    );
    expect(wrapText(line, 50)).toBe(
      '  fintech-calc forecast -c all\n      low, base and high, with Chinese labels and\n      more',
    );
    expect(wrapText('  a   the scenario to compare from (a file, or a bundled name)', 40)).toBe(
      '  a   the scenario to compare from (a\n      file, or a bundled name)',
    );
  });

  it('gives a long command a hanging indent', () => {
    const line =
      '  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary ' +
        'supplyChain.modes.receivables.penetration.2023';
    expect(wrapText(line, 60)).toBe(
      '  fintech-calc solve --target market.marketSize.2023=6.5万亿\n      --vary ' +
        'supplyChain.modes.receivables.penetration.2023',
    );
  });

  it('counts Chinese characters as two columns and never breaks a word', () => {
    expect(wrapText('支付 支付 支付', 10)).toBe('支付 支付\n支付');
    expect(wrapText('a supplyChain.modes.receivables.penetration b', 10)).toBe(
      'a\nsupplyChain.modes.receivables.penetration\nb',
    );
  });

  it('fits every line in the width unless a word alone is wider', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(
        fc.constantFrom(' ', '  ', '支付', 'x'),
        fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', '.', '亿') }),
      ), { maxLength: 40 }), fc.integer({ min: 20, max: 120 }), (parts, width) => {
        const text = parts.join('');
        for (const line of wrapText(text, width).split('\n')) {
          if (displayWidth(line) > width) expect(line.trim()).not.toContain(' ');
        }
        // Nothing is lost but spaces.
        expect(wrapText(text, width).replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});
