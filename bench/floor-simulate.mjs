// The floor for `npm run bench`: a hand-written Float64Array loop of the baseline's
// market and profit formulas, with a triangular inverse CDF for the two ranged
// inputs and a sort for the percentiles of the 2023 market and profit.
const n = Number(process.argv[2] ?? 10000);
let state = 0x9e3779b9;
const next = () => {
  // xorshift32: a deterministic stream, as fast as any
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
};
const triangular = (q, a, c, b) =>
  q < (c - a) / (b - a) ? a + Math.sqrt(q * (b - a) * (c - a)) : b - Math.sqrt((1 - q) * (b - a) * (b - c));
const years = [2019, 2020, 2021, 2022, 2023];
const space = years.map((_, i) => 99000 * Math.pow(125000 / 99000, i / 4));
const market = new Float64Array(n);
const profit = new Float64Array(n);
for (let s = 0; s < n; s++) {
  const qr = next();
  const qa = next();
  for (let i = 0; i < years.length; i++) {
    const f = i / 4;
    const pr = 0.2 + (triangular(qr, 0.6, 0.66, 0.7) - 0.2) * f;
    const pa = 0.2 + (triangular(qa, 0.25, 0.275, 0.3) - 0.2) * f;
    const receivables = space[i] * 0.6 * pr;
    const size = receivables + space[i] * 0.16 * pa + space[i] * 0.24 * 0.2;
    const cost = 0.015 + (0.009 - 0.015) * f;
    const p = size * 0.03 + (0.015 - cost) * receivables;
    if (i === 4) {
      market[s] = size;
      profit[s] = p;
    }
  }
}
market.sort();
profit.sort();
const pct = (a, p) => a[Math.min(n - 1, Math.floor((p / 100) * n))];
const percentiles = (values) => [5, 50, 95].map((p) => pct(values, p));
console.log(JSON.stringify({ market: percentiles(market), profit: percentiles(profit) }));
