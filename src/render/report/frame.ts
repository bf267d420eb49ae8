// What every chart has: the <svg> root with its accessible name and description,
// a legend laid out in rows, and the palette.
import { block, el, esc, px } from './markup.js';
import { fitText, textWidth } from './text-width.js';

/** Chart text size, in px of the viewBox. */
export const FONT = 12;
/** The default chart width, in px of the viewBox; the page scales it. */
export const WIDTH = 640;
const LEGEND_ROW = 18;
/** A band's opacity unless it says otherwise. */
export const BAND_OPACITY = 0.25;
const SWATCH = 12;

/** Colour-blind-safe categorical colours (Tableau 10), by series index. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}

/** A chart's name and description, for screen readers and as the SVG's tooltip. */
export interface Caption {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
}

/** The <svg> of a chart: `role="img"`, named by its <title> and described by its <desc>. */
export function svgRoot(caption: Caption, width: number, height: number, marks: readonly string[]): string {
  return block(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      class: 'chart',
      viewBox: `0 0 ${px(width)} ${px(height)}`,
      role: 'img',
      'aria-labelledby': `${caption.id}-title ${caption.id}-desc`,
    },
    el('title', { id: `${caption.id}-title` }, esc(caption.title)),
    el('desc', { id: `${caption.id}-desc` }, esc(caption.desc)),
    ...marks,
  );
}

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
  /** How the series is drawn: a filled swatch, a line, or a dashed line. */
  readonly mark: 'fill' | 'line' | 'dashed' | 'band';
  /** A band's opacity, as drawn. */
  readonly opacity?: number;
}

/** A vertical axis's ticks: grid lines across from `left` to `right` (the zero line darker), labelled left of it. */
export function gridLines(
  ticks: readonly number[],
  labels: readonly string[],
  left: number,
  right: number,
  y: (value: number) => number,
): string[] {
  return ticks.map((tick, k) =>
    el(
      'g',
      {},
      el('line', { x1: left, x2: right, y1: y(tick), y2: y(tick), class: tick === 0 ? 'axis' : 'grid' }),
      el('text', { x: left - 6, y: y(tick) + 4, class: 'tick', 'text-anchor': 'end' }, esc(labels[k]!)),
    ),
  );
}

/** The vertical axis's title at the top left (its unit), the horizontal axis's centred at `centre`, `y`. */
export function axisTitles(vertical: string, horizontal: string, centre: number, y: number): string[] {
  return [
    el('text', { x: 8, y: 16, class: 'axis-title' }, esc(vertical)),
    el('text', { x: centre, y, class: 'axis-title', 'text-anchor': 'middle' }, esc(horizontal)),
  ];
}

/** The legend from `top`, in rows that fit `width`; its markup and height. */
export function legend(items: readonly LegendItem[], width: number, top: number): { svg: string; height: number } {
  const parts: string[] = [];
  let [x, row] = [8, 0];
  const room = width - 16 - SWATCH - 6;
  for (const item of items) {
    const label = fitText(item.label, FONT, room);
    const itemWidth = SWATCH + 6 + textWidth(label, FONT) + 18;
    if (x > 8 && x + itemWidth - 18 > width - 8) [x, row] = [8, row + 1];
    const y = top + row * LEGEND_ROW;
    parts.push(swatch(item, x, y), el('text', { x: x + SWATCH + 6, y: y + 10, class: 'legend' }, esc(label)));
    x += itemWidth;
  }
  return { svg: el('g', { class: 'legend' }, ...parts), height: items.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}

function swatch(item: LegendItem, x: number, y: number): string {
  if (item.mark === 'fill' || item.mark === 'band') {
    return el('rect', {
      x,
      y: y + 1,
      width: SWATCH,
      height: SWATCH - 2,
      fill: item.colour,
      'fill-opacity': item.mark === 'band' ? (item.opacity ?? BAND_OPACITY) : undefined,
    });
  }
  return el('line', {
    x1: x,
    y1: y + 6,
    x2: x + SWATCH,
    y2: y + 6,
    stroke: item.colour,
    'stroke-width': 2,
    'stroke-dasharray': item.mark === 'dashed' ? '4 3' : undefined,
  });
}
