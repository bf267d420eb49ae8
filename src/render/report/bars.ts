// Bar charts: rows of floating horizontal bars (a tornado, a waterfall), and
// a histogram's columns.
import { axisTitles, FONT, gridLines, legend, svgRoot, WIDTH, type Caption, type LegendItem } from './frame.js';
import { el, esc } from './markup.js';
import { niceScale, tickLabel, type Scale } from './scale.js';
import { fitText, textWidth } from './text-width.js';

export interface Bar {
  /** Where the bar starts: a value, or the start of the axis (a waterfall's totals). */
  readonly from: number | 'axis';
  readonly to: number;
  readonly colour: string;
}

export interface BarsChart extends Caption {
  /** Each row: its label (cut to fit, whole in the table) and its bars. */
  readonly rows: readonly { readonly label: string; readonly bars: readonly Bar[] }[];
  readonly axisTitle: string;
  readonly percent: boolean;
  /** A value marked across every row (a tornado's base). */
  readonly reference?: number;
  readonly legend: readonly LegendItem[];
  /** The value axis starts at zero (default: it spans the values only). */
  readonly zero?: boolean;
}

const ROW = 24;
const BAR = 14;

export function barsChart(chart: BarsChart): string {
  const width = WIDTH;
  // Unless asked, the axis spans the values, not from zero: a swing of a few percent stays visible.
  const ends = chart.rows.flatMap((row) =>
    row.bars.flatMap((bar) => (bar.from === 'axis' ? [bar.to] : [bar.from, bar.to])),
  );
  const scale = niceScale([...ends, ...(chart.reference === undefined ? [] : [chart.reference])], chart.zero ?? false);
  const labelRoom = width * 0.5;
  const labels = chart.rows.map((row) => fitText(row.label, FONT, labelRoom));
  const left = Math.max(
    8 + Math.max(0, ...labels.map((label) => textWidth(label, FONT))) + 10,
    8 + halfWidest(scale, chart.percent),
  );
  const [top, right] = [8, width - 8 - halfWidest(scale, chart.percent)];
  const bottom = top + chart.rows.length * ROW;
  const x = (value: number) => scale.at(value, left, right);
  const rows = chart.rows.map((row, r) => {
    const middle = top + r * ROW + ROW / 2;
    const bars = row.bars.map((bar) => {
      const from = x(bar.from === 'axis' ? scale.min : bar.from);
      return el('rect', {
        x: Math.min(from, x(bar.to)),
        y: middle - BAR / 2,
        width: Math.max(1, Math.abs(x(bar.to) - from)),
        height: BAR,
        fill: bar.colour,
      });
    });
    return el(
      'g',
      {},
      el('text', { x: left - 8, y: middle + 4, class: 'tick', 'text-anchor': 'end' }, esc(labels[r]!)),
      ...bars,
    );
  });
  const reference =
    chart.reference === undefined
      ? ''
      : el('line', { x1: x(chart.reference), x2: x(chart.reference), y1: top - 4, y2: bottom + 4, class: 'reference' });
  const axis = valueAxis(scale, chart.percent, x, { top, bottom, lines: true, labelY: bottom + 16 });
  const title = el(
    'text',
    { x: (left + right) / 2, y: bottom + 34, class: 'axis-title', 'text-anchor': 'middle' },
    esc(chart.axisTitle),
  );
  const key = legend(chart.legend, width, bottom + 44);
  return svgRoot(chart, width, bottom + 44 + key.height + 6, [axis, ...rows, reference, title, key.svg]);
}

/** Room for the last tick's label, centred on the axis's end. */
function halfWidest(scale: Scale, percent: boolean): number {
  return Math.max(...scale.ticks.map((tick) => textWidth(tickLabel(tick, scale.decimals, percent), FONT))) / 2;
}

/**
 * The ticks of a horizontal value axis, labelled at `labelY` (with grid lines from `top` to `bottom`);
 * labels thinned so they never touch.
 */
function valueAxis(
  scale: Scale,
  percent: boolean,
  x: (value: number) => number,
  { top, bottom, lines, labelY }: { top: number; bottom: number; lines: boolean; labelY: number },
): string {
  const labels = scale.ticks.map((tick) => tickLabel(tick, scale.decimals, percent));
  const room = scale.ticks.length < 2 ? Infinity : Math.abs(x(scale.ticks[1]!) - x(scale.ticks[0]!));
  const every = Math.max(1, Math.ceil((Math.max(...labels.map((label) => textWidth(label, FONT))) + 8) / room));
  return scale.ticks
    .map((tick, k) =>
      el(
        'g',
        {},
        lines ? el('line', { x1: x(tick), x2: x(tick), y1: top, y2: bottom, class: tick === 0 ? 'axis' : 'grid' }) : '',
        k % every === 0
          ? el('text', { x: x(tick), y: labelY, class: 'tick', 'text-anchor': 'middle' }, esc(labels[k]!))
          : '',
      ),
    )
    .join('\n');
}

export interface HistogramChart extends Caption {
  /** Samples in equal bins from `min` to `max`. */
  readonly counts: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly axisTitle: string;
  readonly countTitle: string;
  readonly percent: boolean;
  readonly colour: string;
}

export function histogramChart(chart: HistogramChart): string {
  const width = WIDTH;
  const counts = niceScale(chart.counts);
  const values = niceScale([chart.min, chart.max], false);
  const countLabels = counts.ticks.map((tick) => tickLabel(tick, counts.decimals, false));
  const left = Math.max(
    10 + Math.max(...countLabels.map((label) => textWidth(label, FONT))) + 8,
    8 + halfWidest(values, chart.percent),
  );
  const [top, right, bottom] = [30, width - 8 - halfWidest(values, chart.percent), 30 + 200];
  const x = (value: number) => values.at(value, left, right);
  const y = (count: number) => counts.at(count, bottom, top);
  const grid = gridLines(counts.ticks, countLabels, left, right, y);
  const step = (chart.max - chart.min) / chart.counts.length;
  const columns = chart.counts.map((count, i) => {
    const [from, to] = [x(chart.min + i * step), x(chart.min + (i + 1) * step)];
    return count === 0
      ? ''
      : el('rect', {
          x: from,
          y: y(count),
          width: Math.max(1, to - from - 1),
          height: bottom - y(count),
          fill: chart.colour,
        });
  });
  // Below the count axis's 0, clear of it.
  const ticks = valueAxis(values, chart.percent, x, { top, bottom, lines: false, labelY: bottom + 20 });
  const titles = axisTitles(chart.countTitle, chart.axisTitle, (left + right) / 2, bottom + 38);
  return svgRoot(chart, width, bottom + 48, [...grid, ...columns, ticks, ...titles]);
}
