// Amount units: parsed in one place (here) and formatted in one place (render/numbers.ts).
// Amounts are held in 亿元 inside fintech-calc; a unit is its size in 亿元.
import { Decimal } from './decimal.js';
import type { AmountUnit } from './unit-names.js';

export { OUTPUT_UNITS } from './unit-names.js';

const SIZES: Record<AmountUnit, string> = {
  元: '1e-8',
  万: '1e-4',
  万元: '1e-4',
  百万: '1e-2',
  百万元: '1e-2',
  千万: '1e-1',
  千万元: '1e-1',
  亿: '1',
  亿元: '1',
  万亿: '1e4',
  万亿元: '1e4',
  k: '1e-5',
  m: '1e-2',
  mn: '1e-2',
  bn: '10',
  tn: '1e4',
};

/** Every unit a scenario may write, with its size in 亿元 (SPEC §2.1). */
export const AMOUNT_UNITS: ReadonlyMap<string, Decimal> = new Map(
  Object.entries(SIZES).map(([name, size]) => [name, new Decimal(size)]),
);

/** The size in 亿元 of a unit as written (latin units in lower or upper case: bn, BN). */
export function unitSize(unit: string): Decimal | undefined {
  return AMOUNT_UNITS.get(unit) ?? (unit === unit.toUpperCase() ? AMOUNT_UNITS.get(unit.toLowerCase()) : undefined);
}
