// The standard normal distribution in float64, for the normal and lognormal
// ranges and for correlated draws (a Gaussian copula): its distribution
// function Φ (W. J. Cody's rational Chebyshev approximations, ACM TOMS 715,
// as R's pnorm) and its quantile function Φ⁻¹ (Wichura's AS 241, PPND16). Both
// are accurate to about 1e-16 and use only +, −, ×, ÷, sqrt, log and exp: the
// same numbers on every machine that runs the same Node.
// The coefficients are written as published (20 digits); each stands for the double nearest to it.
/* eslint-disable no-loss-of-precision */

const A = [
  2.2352520354606839287,
  161.02823106855587881,
  1067.6894854603709582,
  18154.981253343561249,
  0.065682337918207449113,
];
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979,
  597.27027639480026226, 2494.5375852903726711, 6848.1904505362823326,
  11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
];
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805,
  6485.558298266760755, 18615.571640885098091, 34900.952721145977266,
  38912.003286093271411, 19685.429676859990727,
];
const P = [
  0.21589853405795699,
  0.1274011611602473639,
  0.022235277870649807,
  0.001421619193227893466,
  2.9112874951168792e-5,
  0.02307344176494017303,
];
const Q = [
  1.28426009614491121,
  0.468238212480865118,
  0.0659881378689285515,
  0.00378239633202758244,
  7.29751555083966205e-5,
];
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;

/** exp(−y²/2) without the error of squaring y: y² is split at a multiple of 1/16, whose square is exact. */
function gaussianTail(y: number): number {
  const whole = Math.trunc(y * 16) / 16;
  return Math.exp(-whole * whole * 0.5) * Math.exp(-(y - whole) * (y + whole) * 0.5);
}

/** Φ(x) = P(Z ≤ x) for a standard normal Z. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  // Beyond 40, Φ is 0 or 1 in float64 (and ±∞ would make the tail NaN).
  if (y > 40) return x > 0 ? 1 : 0;
  if (y <= 0.67448975) {
    const square = x * x;
    let [num, den] = [A[4]! * square, square];
    for (let i = 0; i < 3; i++) [num, den] = [(num + A[i]!) * square, (den + B[i]!) * square];
    return 0.5 + (x * (num + A[3]!)) / (den + B[3]!);
  }
  let upper: number;
  if (y <= SQRT_32) {
    let [num, den] = [C[8]! * y, y];
    for (let i = 0; i < 7; i++) [num, den] = [(num + C[i]!) * y, (den + D[i]!) * y];
    upper = gaussianTail(y) * ((num + C[7]!) / (den + D[7]!));
  } else {
    const inverse = 1 / (x * x);
    let [num, den] = [P[5]! * inverse, inverse];
    for (let i = 0; i < 4; i++) [num, den] = [(num + P[i]!) * inverse, (den + Q[i]!) * inverse];
    upper = (gaussianTail(y) * (ONE_OVER_SQRT_2PI - (inverse * (num + P[4]!)) / (den + Q[4]!))) / y;
  }
  return x > 0 ? 1 - upper : upper;
}

const horner = (coefficients: readonly number[], x: number) => coefficients.reduceRight((sum, c) => sum * x + c, 0);
// AS 241's coefficients, lowest power first.
const CENTRAL_NUM = [
  3.387132872796366608,
  133.14166789178437745,
  1971.5909503065514427,
  13731.693765509461125,
  45921.953931549871457,
  67265.770927008700853,
  33430.575583588128105,
  2509.0809287301226727,
];
const CENTRAL_DEN = [
  1,
  42.313330701600911252,
  687.1870074920579083,
  5394.1960214247511077,
  21213.794301586595867,
  39307.89580009271061,
  28729.085735721942674,
  5226.495278852854561,
];
const NEAR_NUM = [
  1.42343711074968357734,
  4.6303378461565452959,
  5.7694972214606914055,
  3.64784832476320460504,
  1.27045825245236838258,
  0.24178072517745061177,
  0.0227238449892691845833,
  7.7454501427834140764e-4,
];
const NEAR_DEN = [
  1,
  2.05319162663775882187,
  1.6763848301838038494,
  0.68976733498510000455,
  0.14810397642748007459,
  0.0151986665636164571966,
  5.475938084995344946e-4,
  1.05075007164441684324e-9,
];
const FAR_NUM = [
  6.6579046435011037772,
  5.4637849111641143699,
  1.7848265399172913358,
  0.29656057182850489123,
  0.026532189526576123093,
  0.0012426609473880784386,
  2.71155556874348757815e-5,
  2.01033439929228813265e-7,
];
const FAR_DEN = [
  1,
  0.59983220655588793769,
  0.13692988092273580531,
  0.0148753612908506148525,
  7.868691311456132591e-4,
  1.8463183175100546818e-5,
  1.4215117583164458887e-7,
  2.04426310338993978564e-15,
];

/** Φ⁻¹(p): the x with Φ(x) = p, for p in (0, 1); −∞ at 0 and +∞ at 1. */
export function normalQuantile(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(CENTRAL_NUM, r)) / horner(CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const x =
    r <= 5 ? horner(NEAR_NUM, r - 1.6) / horner(NEAR_DEN, r - 1.6) : horner(FAR_NUM, r - 5) / horner(FAR_DEN, r - 5);
  return q < 0 ? -x : x;
}
