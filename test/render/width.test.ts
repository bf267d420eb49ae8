import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/render/width.js';

describe('displayWidth', () => {
  it('counts CJK and fullwidth characters as two columns, colour escapes as none', () => {
    expect(displayWidth('Payment: spend')).toBe(14);
    expect(displayWidth('支付：投入')).toBe(10);
    expect(displayWidth('证券（头部）')).toBe(12);
    expect(displayWidth('\u001b[1mTotal\u001b[22m')).toBe(5);
    expect(displayWidth('RPA 42.5亿')).toBe(10);
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
    expect(wrapText(line, 72)).toBe('  fintech-calc forecast -c all     low, base and high, with Chinese\n                                   labels and more');
    expect(wrapText(line, 50)).toBe('  fintech-calc forecast -c all\n      low, base and high, with Chinese labels and\n      more');
    expect(wrapText('  a   the scenario to compare from (a file, or a bundled name)', 40)).toBe('  a   the scenario to compare from (a\n      file, or a bundled name)');
  });

  it('gives a long command a hanging indent', () => {
    const line = '  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023';
    expect(wrapText(line, 60)).toBe('  fintech-calc solve --target market.marketSize.2023=6.5万亿\n      --vary supplyChain.modes.receivables.penetration.2023');
  });

  it('counts Chinese characters as two columns and never breaks a word', () => {
    expect(wrapText('支付 支付 支付', 10)).toBe('支付 支付\n支付');
    expect(wrapText('a supplyChain.modes.receivables.penetration b', 10)).toBe('a\nsupplyChain.modes.receivables.penetration\nb');
  });

  it('fits every line in the width unless a word alone is wider', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(' ', '  ', '支付', 'x'), fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('a', 'b', '.', '亿') })), { maxLength: 40 }), fc.integer({ min: 20, max: 120 }), (parts, width) => {
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
