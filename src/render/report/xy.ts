// Charts over the years: stacked areas, bands (low–high, percentile fans, the
// gap between two lines) and lines, on one value axis.
import {
  axisTitles,
  BAND_OPACITY,
  colour,
  FONT,
  gridLines,
  legend,
  svgRoot,
  WIDTH,
  type Caption,
  type LegendItem,
} from './frame.js';
import { el, esc, px } from './markup.js';
import { niceScale, tickLabel } from './scale.js';
import { textWidth } from './text-width.js';

/** One value per year (null: no value that year); in the output unit, or percent. */
export type Values = readonly (number | null)[];

export interface XYChart extends Caption {
  readonly years: readonly string[];
  readonly xTitle: string;
  /** The unit of the value axis (亿元, %), written above it. */
  readonly yTitle: string;
  readonly percent: boolean;
  /** Stacked from the bottom up. */
  readonly stacked?: readonly { readonly name: string; readonly values: Values }[];
  readonly bands?: readonly {
    readonly name: string;
    readonly low: Values;
    readonly high: Values;
    readonly colour?: string;
    readonly opacity?: number;
  }[];
  readonly lines?: readonly {
    readonly name: string;
    readonly values: Values;
    readonly dashed?: boolean;
    readonly colour?: string;
  }[];
  readonly width?: number;
  readonly plotHeight?: number;
  /** The value axis starts at zero (areas need it); lines alone may start nearer their values. */
  readonly zero?: boolean;
  /** Written across the plot when it has no value to draw (a metric that never has one). */
  readonly empty?: string;
}

const PAD = 18;

export function xyChart(chart: XYChart): string {
  const width = chart.width ?? WIDTH;
  const plotHeight = chart.plotHeight ?? 220;
  const stacked = chart.stacked ?? [];
  const bands = chart.bands ?? [];
  const lines = chart.lines ?? [];
  const n = chart.years.length;
  // Each stacked series drawn between the running totals below and above it.
  const tops: number[][] = [];
  let below = chart.years.map(() => 0);
  for (const series of stacked) {
    const top = below.map((value, i) => value + (series.values[i] ?? 0));
    tops.push(top);
    below = top;
  }
  const all = [
    ...tops.flat(),
    ...bands.flatMap((band) => [...band.low, ...band.high]),
    ...lines.flatMap((line) => line.values),
  ].filter((v): v is number => v !== null);
  const scale = niceScale(all, chart.zero ?? true);
  const labels = scale.ticks.map((tick) => tickLabel(tick, scale.decimals, chart.percent));
  const left = 10 + Math.max(...labels.map((label) => textWidth(label, FONT))) + 8;
  const [top, right] = [30, width - 12];
  const bottom = top + plotHeight;
  const x = (i: number) => (n === 1 ? (left + right) / 2 : left + PAD + (i * (right - left - 2 * PAD)) / (n - 1));
  const y = (value: number) => scale.at(value, bottom, top);

  const grid = gridLines(scale.ticks, labels, left, right, y);
  // Year labels thinned so they never touch.
  const yearWidth = Math.max(...chart.years.map((year) => textWidth(year, FONT))) + 8;
  const every = n <= 1 ? 1 : Math.ceil(yearWidth / ((right - left - 2 * PAD) / (n - 1)));
  const years = chart.years.map((year, i) =>
    i % every === 0 ? el('text', { x: x(i), y: bottom + 16, class: 'tick', 'text-anchor': 'middle' }, esc(year)) : '',
  );

  const areas = stacked.map((_, s) =>
    el('path', {
      d: areaPath(tops[s]!, s === 0 ? chart.years.map(() => 0) : tops[s - 1]!, x, y),
      fill: colour(s),
      class: 'area',
    }),
  );
  // A band is filled behind the stacked areas (it shows where it rises above them), its edges drawn over them.
  const bandFills = bands.map((band) =>
    el('path', {
      d: areaPath(band.high, band.low, x, y),
      fill: band.colour ?? '#555',
      'fill-opacity': band.opacity ?? BAND_OPACITY,
    }),
  );
  const bandEdges = bands.flatMap((band) =>
    band.opacity === undefined
      ? [band.low, band.high].map((edge) =>
          el('path', { d: linePath(edge, x, y), class: 'edge', stroke: band.colour ?? '#555' }),
        )
      : [],
  );
  const lineColour = (i: number) => lines[i]!.colour ?? colour(stacked.length + i);
  const lineMarks = lines.map((line, i) =>
    el(
      'g',
      {},
      el('path', {
        d: linePath(line.values, x, y),
        class: 'line',
        stroke: lineColour(i),
        'stroke-dasharray': line.dashed ? '6 4' : undefined,
      }),
      ...line.values.map((value, k) =>
        value === null ? '' : el('circle', { cx: x(k), cy: y(value), r: 2.5, fill: lineColour(i) }),
      ),
    ),
  );
  const items: LegendItem[] = [
    ...stacked.map((series, s) => ({ label: series.name, colour: colour(s), mark: 'fill' as const })),
    ...bands.map((band) => ({
      label: band.name,
      colour: band.colour ?? '#555',
      mark: 'band' as const,
      ...(band.opacity !== undefined && { opacity: band.opacity }),
    })),
    ...lines.map((line, i) => ({
      label: line.name,
      colour: lineColour(i),
      mark: line.dashed ? ('dashed' as const) : ('line' as const),
    })),
  ];
  // A chart of one line is named by its title: no legend.
  const key =
    items.length === 1 && items[0]!.label === chart.title ? { svg: '', height: 0 } : legend(items, width, bottom + 44);
  const height = bottom + 44 + key.height + 6;
  const titles = axisTitles(chart.yTitle, chart.xTitle, (left + right) / 2, bottom + 34);
  const drawn = all.length > 0 || chart.empty === undefined;
  const empty = drawn
    ? ''
    : el(
        'text',
        { x: (left + right) / 2, y: (top + bottom) / 2, class: 'tick', 'text-anchor': 'middle' },
        esc(chart.empty!),
      );
  return svgRoot(chart, width, height, [
    empty,
    ...grid,
    ...bandFills,
    ...areas,
    ...bandEdges,
    ...lineMarks,
    ...years,
    ...titles,
    key.svg,
  ]);
}

/** The outline of the region between `upper` and `lower` (null counts as no region there). */
function areaPath(upper: Values, lower: Values, x: (i: number) => number, y: (value: number) => number): string {
  const points = upper
    .map((value, i) => (value === null || lower[i] === null ? undefined : i))
    .filter((i): i is number => i !== undefined);
  if (points.length === 0) return '';
  const forth = points.map((i, k) => `${k === 0 ? 'M' : 'L'}${px(x(i))} ${px(y(upper[i]!))}`);
  const back = [...points].reverse().map((i) => `L${px(x(i))} ${px(y(lower[i]!))}`);
  return `${forth.join('')}${back.join('')}Z`;
}

/** A line through the values, broken where one is null. */
function linePath(values: Values, x: (i: number) => number, y: (value: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((value, i) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${px(x(i))} ${px(y(value))}`;
    drawing = true;
  });
  return path;
}
