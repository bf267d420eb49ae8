// The big-scenario generator (issue #21 §4): a techSpend scenario of `segments`
// segments over `years` years, each with a spend given by cagr anchors at both
// ends and a frontier share given by a linear series. The numbers differ from
// segment to segment (so no two share a root) and are deterministic. With
// `ranged`, every anchor is a range (low～high), as sensitivity varies them.
// bench/big.mjs times it; test/cli/large-inputs.ts reuses it.
//   node bench/big-scenario.mjs [segments=1000] [years=50] [ranged] > big.yaml

/** The scenario's YAML text. */
export function bigScenario(segments = 1000, years = 50, ranged = false) {
  const [first, last] = [2000, 2000 + years - 1];
  const lines = [`name: big-${segments}x${years}`, 'techSpend:', `  years: ${first}..${last}`, '  segments:'];
  for (let i = 0; i < segments; i++) {
    const start = 10 + ((i * 7919) % 9000) / 10;
    const end = start * (2 + (i % 17) / 4);
    const share = [1 + (i % 13), 20 + ((i * 31) % 60)];
    // A range's high end a tenth above its low (a share two points above).
    const amount = (v) => (ranged ? `${v}～${(Number(v) * 1.1).toFixed(2)}亿` : `${v}亿`);
    const percent = (v) => (ranged ? `${v}～${Number(v) + 2}%` : `${v}%`);
    lines.push(
      `    s${i}:`,
      `      spend: {${first}: ${amount(start.toFixed(1))}, ${last}: ${amount(end.toFixed(2))}}`,
      `      frontierShare: {${first}: ${percent(share[0])}, ${last}: ${percent(`${share[1]}.5`)}}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) {
  const [segments = 1000, years = 50, ranged] = process.argv.slice(2);
  process.stdout.write(bigScenario(Number(segments), Number(years), ranged === 'ranged'));
}
