// Generators of the NUMBER class (issue #15: "npm run fuzz grows generators for the
// number and size classes"): numbers as people and programs write them — every
// notation we read, the ones we refuse (other bases, _, misplaced commas, Infinity),
// magnitudes from far below to far above the limits, and the limits themselves —
// alone (command-line options) or as scenario values with units and ranges.
import fc from 'fast-check';

const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));

/** Full-width digits, signs, points and commas, as a Chinese input method types them. */
const fullWidth = (text: string) => text.replace(/[0-9+\-.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

/** Decimal notation: sign, digits (possibly grouped by thousands), fraction, exponent of any size. */
const decimalNotation = fc
  .tuple(
    fc.constantFrom('', '', '+', '-'),
    fc.oneof(digits(1, 4), digits(5, 45), fc.constant('')),
    fc.option(digits(0, 12), { nil: undefined }),
    fc.option(
      fc.oneof(
        fc.integer({ min: -30, max: 30 }).map(String),
        digits(1, 22),
        digits(1, 22).map((d) => `-${d}`),
      ),
      { nil: undefined },
    ),
    fc.boolean(),
  )
  .map(([sign, whole, fraction, exponent, grouped]) => {
    const integer = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
    const [point, power] = [fraction === undefined ? '' : `.${fraction}`, exponent === undefined ? '' : `e${exponent}`];
    return `${sign}${integer}${point}${power}`;
  });

/** Forms we refuse, each with its own message. */
const otherNotations = fc.oneof(
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.nat().map((n) => `0o${n.toString(8)}`),
  fc.nat().map((n) => `-0b${n.toString(2)}`),
  fc.tuple(digits(1, 3), digits(1, 3)).map(([a, b]) => `${a}_${b}`),
  fc.tuple(digits(1, 3), digits(1, 2)).map(([a, b]) => `${a},${b}`),
  fc.constantFrom(
    'Infinity',
    '-Infinity',
    'NaN',
    '.inf',
    '-.inf',
    '.nan',
    '',
    ' ',
    '-',
    '+',
    '.',
    'e5',
    '1e',
    '1e+',
    '--5',
    '5-',
    '1..2',
    '1e1e1',
    '٣',
    '1 000',
  ),
);

/** The limits of every kind, and just beyond them. */
const boundaries = fc.constantFrom(
  '0',
  '-0',
  '1e12',
  '1.000000000001e12',
  '1e-12',
  '9.99e-13',
  '1e9',
  '1000000001',
  '100',
  '100.0000001',
  '1',
  '1.0000000001',
  '1000',
  '1001',
  '10000000',
  '10000001',
  '2147483647',
  '2147483648',
  '1e-99999999999999999',
  '1e99999999999999999',
  '0e99999999999999999',
);

/** A number alone, as an option or a bare value writes it. */
export function numberTexts(): fc.Arbitrary<string> {
  return fc.oneof(decimalNotation, decimalNotation.map(fullWidth), otherNotations, boundaries);
}

/** A scenario value: a number with a unit or a percent sign, or a range of two, in any of the written forms. */
export function valueTexts(): fc.Arbitrary<string> {
  const unit = fc.constantFrom('', '', '%', '％', '亿', '万亿元', '元', 'bn', 'k', 'xx');
  const term = fc.tuple(numberTexts(), unit).map(([number, u]) => `${number}${u}`);
  const separator = fc.constantFrom('～', '~', '–', '〜', '..', ' to ', '-', ' - ', '－');
  // Everyday values too, most of them valid: 12.5%, 3,500亿, 20～30%, 1e3.
  const everyday = fc
    .tuple(
      fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 100_000 })),
      fc.nat(99),
      fc.constantFrom('%', '亿', '', '%', 'bn'),
      fc.boolean(),
    )
    .map(([whole, cents, u, grouped]) => `${grouped ? whole.toLocaleString('en-US') : whole}.${cents}${u}`);
  const plausible = fc.oneof(everyday, fc.tuple(everyday, separator, everyday).map(([a, sep, b]) => `${a}${sep}${b}`));
  return fc.oneof(
    { arbitrary: plausible, weight: 3 },
    { arbitrary: term, weight: 2 },
    { arbitrary: fc.tuple(term, separator, term).map(([a, sep, b]) => `${a}${sep}${b}`), weight: 1 },
  );
}
