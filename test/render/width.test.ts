import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/width.js';

describe('displayWidth', () => {
  it('counts CJK and fullwidth characters as two columns, colour escapes as none', () => {
    expect(displayWidth('Payment: spend')).toBe(14);
    expect(displayWidth('支付：投入')).toBe(10);
    expect(displayWidth('证券（头部）')).toBe(12);
    expect(displayWidth('\u001b[1mTotal\u001b[22m')).toBe(5);
    expect(displayWidth('RPA 42.5亿')).toBe(10);
  });
});
