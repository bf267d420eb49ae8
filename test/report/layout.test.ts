// The charts' layout without a browser: whatever the values (tiny, huge,
// negative, flat) and labels (long, Chinese), every text stays inside its
// chart by the estimated widths — which the browser test checks are not
// narrower than the real ones (npm run test:browser).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barsChart, histogramChart } from '../../src/render/report/bars.js';
import { FONT } from '../../src/render/report/frame.js';
import { textWidth } from '../../src/render/report/text-width.js';
import { xyChart } from '../../src/render/report/xy.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Texts outside the viewBox, or over one another, by their estimated boxes. */
function outside(svg: string): string[] {
  const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!.map(Number) as [number, number, number];
  const found: string[] = [];
  const boxes: { text: string; left: number; right: number; y: number }[] = [];
  for (const [, attributes, raw] of svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)) {
    const text = raw!.replace(/&[a-z#0-9]+;/g, (entity) => ENTITIES[entity] ?? entity);
    const x = Number(/\bx="([-\d.]+)"/.exec(attributes!)![1]);
    const y = Number(/\by="([-\d.]+)"/.exec(attributes!)![1]);
    const anchor = /text-anchor="(\w+)"/.exec(attributes!)?.[1] ?? 'start';
    const w = textWidth(text, FONT);
    const left = anchor === 'end' ? x - w : anchor === 'middle' ? x - w / 2 : x;
    if (left < 0 || left + w > width + 0.05 || y - FONT < 0 || y + 4 > height)
      found.push(`"${text}" at ${left.toFixed(1)}..${(left + w).toFixed(1)} of ${width}, y ${y} of ${height}`);
    // A text's box: from a font size above its baseline to a third of one below.
    const over = boxes.find(
      (box) => Math.min(box.right, left + w) > Math.max(box.left, left) && Math.abs(box.y - y) < FONT * 1.2,
    );
    if (over && text !== '' && over.text !== '') found.push(`"${text}" over "${over.text}"`);
    boxes.push({ text, left, right: left + w, y });
  }
  return found;
}

const magnitude = fc.integer({ min: -6, max: 15 }).map((power) => 10 ** power);
const value = (scale: number) => fc.double({ min: -1, max: 1, noNaN: true }).map((v) => v * scale);
const label = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '应收账款（区块链）：渗透率',
    'supplyChain.modes.receivables.penetration',
    'W'.repeat(80),
    '市'.repeat(70),
  ),
);
const years = fc.integer({ min: 1, max: 30 }).map((n) => Array.from({ length: n }, (_, i) => String(2000 + i)));

describe('chart layout', () => {
  it('keeps every text of an XY chart inside it', () => {
    fc.assert(
      fc.property(
        years,
        magnitude,
        fc.array(label, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 280, max: 640 }),
        fc.integer({ min: 100, max: 220 }),
        (ys, scale, names, percent, zero, width, plotHeight) => {
          const series = (name: string, k: number) => ({
            name,
            values: ys.map((_, i) => (i === k ? null : Math.abs(scale * Math.sin(i + k)))),
          });
          const svg = xyChart({
            id: 'c',
            title: 't',
            desc: 'd',
            years: ys,
            xTitle: 'Year',
            yTitle: '亿元',
            percent,
            zero,
            width,
            plotHeight,
            stacked: names.slice(0, 3).map(series),
            bands: [{ name: names[0]!, low: ys.map(() => -scale), high: ys.map(() => scale) }],
            lines: names.slice(3).map(series),
          });
          expect(outside(svg)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps every text of a tornado or waterfall inside it', () => {
    fc.assert(
      fc.property(
        magnitude.chain((scale) =>
          fc.array(fc.record({ label, from: value(scale), to: value(scale) }), { minLength: 1, maxLength: 14 }),
        ),
        fc.boolean(),
        (rows, zero) => {
          const svg = barsChart({
            id: 'b',
            title: 't',
            desc: 'd',
            axisTitle: 'market.marketSize.2023（亿元）',
            percent: false,
            zero,
            reference: rows[0]!.from,
            rows: rows.map((row, i) => ({
              label: row.label,
              bars: [{ from: i === 0 ? ('axis' as const) : row.from, to: row.to, colour: '#000' }],
            })),
            legend: [
              { label: 'input at its low', colour: '#000', mark: 'fill' },
              { label: '输入取高值', colour: '#000', mark: 'fill' },
            ],
          });
          expect(outside(svg)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps every text of a histogram inside it', () => {
    fc.assert(
      fc.property(
        magnitude,
        value(1),
        fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (scale, low, counts, percent) => {
          const [min, max] = [low * scale, low * scale + Math.abs(scale)];
          const svg = histogramChart({
            id: 'h',
            title: 't',
            desc: 'd',
            counts,
            min,
            max,
            axisTitle: 'profit.profit.2023（亿元）',
            countTitle: 'samples',
            percent,
            colour: '#000',
          });
          expect(outside(svg)).toEqual([]);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
