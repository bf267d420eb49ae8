// The written forms of values, as regular-expression sources: the loader parses
// with them and the JSON Schema's patterns are built from them.

/** A number as written in a value. */
export const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?`;
/**
 * The five written range forms: a～b, a~b, a–b, a..b, a to b (and the wave dash 〜),
 * the separator alone: the spaces around it belong to the terms, which allow them.
 * Splitting by it is linear; a separator that began with \s* rescanned a run of
 * spaces from each of its spaces (2,000 spaces in a value took 3 s).
 * Not String.raw: the bundle must be ASCII, and esbuild escapes only cooked strings.
 */
export const RANGE_SPLIT = `～|~|–|〜|\\.\\.|\\sto\\s`;
/** The separator with its spaces, for the JSON Schema's anchored patterns (\s+to\s+ as before). */
export const RANGE_SEPARATOR = `\\s*(?:${RANGE_SPLIT})\\s*`;
export const PERCENT_SIGNS = ['%', '％'];
