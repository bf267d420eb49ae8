// Amount units: parsed in one place (here) and formatted in one place (render/number.ts).
// Amounts are held in 亿元 inside fintech-calc; a unit is its size in 亿元.
import { Decimal } from './decimal.js';

const YI = new Decimal(1);

/** Every unit a scenario may write, with its size in 亿元 (SPEC §2.1). */
export const AMOUNT_UNITS: ReadonlyMap<string, Decimal> = new Map([
  ['元', new Decimal('1e-8')],
  ['万', new Decimal('1e-4')],
  ['万元', new Decimal('1e-4')],
  ['百万', new Decimal('1e-2')],
  ['百万元', new Decimal('1e-2')],
  ['千万', new Decimal('1e-1')],
  ['千万元', new Decimal('1e-1')],
  ['亿', YI],
  ['亿元', YI],
  ['万亿', new Decimal('1e4')],
  ['万亿元', new Decimal('1e4')],
  ['k', new Decimal('1e-5')],
  ['m', new Decimal('1e-2')],
  ['mn', new Decimal('1e-2')],
  ['bn', new Decimal('10')],
  ['tn', new Decimal('1e4')],
]);

export { OUTPUT_UNITS } from './output-units.js';

/** The size in 亿元 of a unit as written (latin units in any letter case). */
export function unitSize(unit: string): Decimal | undefined {
  return AMOUNT_UNITS.get(unit) ?? AMOUNT_UNITS.get(unit.toLowerCase());
}
