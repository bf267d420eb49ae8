// Kept apart from units.ts so that `--help` can name them without loading decimal.js.

/** The units the output may be given in (`-u`), SPEC §4. */
export const OUTPUT_UNITS = ['亿元', '万亿元', '元', 'bn', 'tn'] as const;
