// The written forms of values, as regular-expression sources: the loader parses
// with them and the JSON Schema's patterns are built from them.

/** A number as written in a value. */
export const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/**
 * The five written range forms: a～b, a~b, a–b, a..b, a to b (and the wave dash 〜).
 * Not String.raw: the bundle must be ASCII, and esbuild escapes only cooked strings.
 */
export const RANGE_SEPARATOR = `\\s*(?:～|~|–|〜|\\.\\.|\\s+to\\s+)\\s*`;
export const PERCENT_SIGNS = ['%', '％'];
