// Unit names, apart from their sizes (units.ts) so that `--help` and `schema`
// can name them without loading decimal.js.

/** Every unit a scenario may write (SPEC §2.1). */
export const AMOUNT_UNIT_NAMES = [
  '元',
  '万',
  '万元',
  '百万',
  '百万元',
  '千万',
  '千万元',
  '亿',
  '亿元',
  '万亿',
  '万亿元',
  'k',
  'm',
  'mn',
  'bn',
  'tn',
] as const;
export type AmountUnit = (typeof AMOUNT_UNIT_NAMES)[number];

/** The units the output may be given in (`-u`), SPEC §4. */
export const OUTPUT_UNITS = ['亿元', '万亿元', '元', 'bn', 'tn'] as const;

/** Every spelling accepted: the names, and the latin ones in upper case too (bn, BN). */
export function unitSpellings(): string[] {
  return [
    ...AMOUNT_UNIT_NAMES,
    ...AMOUNT_UNIT_NAMES.filter((name) => /^[a-z]+$/.test(name)).map((name) => name.toUpperCase()),
  ];
}
