// Text a hostile or careless file may hold, for the property tests of what
// reaches a terminal or a Markdown page.
import fc from 'fast-check';

/** C0, DEL, C1, the bidirectional controls, invisible format characters and the line separators. */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

const unsafeChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202d, 0x202e, 0x2066, 0x2069, 0xfeff),
  )
  .map((code) => String.fromCharCode(code));

/** Letters, CJK, pipes, formulas, escape sequences and single control characters, mixed. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constantFrom('支付', '\u001b[31m', '\u001b]0;x\u0007', '\r\n', '|', '=1+1'),
      unsafeChar,
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
