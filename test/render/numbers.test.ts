import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/shared/decimal.js';
import { displayValue, machineNumber } from '../../src/render/numbers.js';

describe('output numbers', () => {
  it('never print Infinity or NaN, nor spend minutes on a billion digits: such a value is a bug, said at once', () => {
    for (const value of [
      new Decimal(Infinity),
      new Decimal(-Infinity),
      new Decimal(NaN),
      new Decimal('1e999999999'),
      new Decimal('1e-999999999'),
    ]) {
      expect(() => machineNumber(value)).toThrow(/cannot be printed/);
      expect(() => displayValue(value, 'amount', '亿元')).toThrow(/cannot be printed/);
      expect(() => displayValue(value, 'ratio', '亿元')).toThrow(/cannot be printed/);
    }
  });

  it('print the largest and smallest values the limits allow, in plain notation', () => {
    expect(machineNumber(new Decimal('1e21'))).toBe('1000000000000000000000');
    expect(machineNumber(new Decimal('1e-48'))).toBe(`0.${'0'.repeat(47)}1`);
    expect(displayValue(new Decimal('1e12'), 'amount', '元')).toBe('100,000,000,000,000,000,000');
  });
});
