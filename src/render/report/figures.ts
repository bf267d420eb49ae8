// Which lines of a forecast go into which chart, and the same numbers as a
// table beside each chart. Every number comes from the engine; here it is only
// converted to the output unit (or percent) for drawing, and formatted for the tables.
import type { Decimal } from '../../shared/decimal.js';
import { address, linesOf, type Line, type ValueKind } from '../../engine/analysis/lines.js';
import type { Change } from '../../engine/analysis/diff.js';
import { identityOf } from '../../engine/analysis/diff.js';
import { TABLES, type CaseForecast, type Case, type TableName } from '../../engine/types.js';
import { byRelativeMove, cells as changeCells, header as changeHeader, metricName } from '../diff.js';
import {
  caseName,
  colon,
  comma,
  lineLabel,
  parenthesised,
  say,
  scenarioHeading,
  tableTitle,
  text,
  type Lang,
} from '../labels.js';
import { displayValue, inUnit } from '../numbers.js';
import { header as sensitivityHeader, rows as sensitivityRows } from '../sensitivity.js';
import { decimal } from '../simulate.js';
import { barsChart, histogramChart, type Bar } from './bars.js';
import {
  FAN_PERCENTILES,
  type ReportOptions,
  type SampledValue,
  type ScenarioComparison,
  type ScenarioReport,
  type Tornado,
} from './data.js';
import { colour } from './frame.js';
import { noValueIn, word } from './words.js';
import { xyChart, type Values, type XYChart } from './xy.js';

/** A chart with its caption and its numbers. */
export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  readonly table: {
    readonly header: readonly string[];
    readonly rows: readonly (readonly string[])[];
    readonly leftColumns?: number;
  };
  /** Drawn small, several in a row. */
  readonly small?: boolean;
}

/** A titled group of figures: one per scenario part, and the comparisons. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly figures: readonly Figure[];
  /** Text above the figures. */
  readonly lead?: string;
}

/** A line's value as drawn: amounts in the output unit, ratios in percent. */
function plotValue(value: Decimal | null | undefined, kind: ValueKind, unit: string): number | null {
  if (value == null) return null;
  if (kind === 'amount') return inUnit(value, unit).toNumber();
  return kind === 'ratio' ? value.times(100).toNumber() : value.toNumber();
}

/** A value in a table, as forecast's tables show it; a dash where there is none. */
function shown(value: Decimal | null | undefined, kind: ValueKind, unit: string): string {
  return value == null ? '–' : displayValue(value, kind, unit);
}

/** The lines of one case, found by address without the year. */
class CaseLines {
  readonly lines: readonly Line[];
  constructor(forecast: CaseForecast) {
    // A CAGR is one value over the years (a span): no chart draws it.
    this.lines = linesOf(forecast, TABLES).filter((line) => !line.span);
  }
  one(at: string): Line | undefined {
    return this.lines.find((line) => address(line) === at);
  }
  table(table: TableName): Line[] {
    return this.lines.filter((line) => line.table === table);
  }
  items(table: string, group: string, metric: string): Line[] {
    return this.lines.filter((line) => line.table === table && line.group === group && line.metric === metric);
  }
}

/** A series to draw and list: its name, the line and the years to show. */
interface Plotted {
  readonly name: string;
  readonly line: Line;
}

class FigureMaker {
  constructor(
    private readonly options: ReportOptions,
    private readonly prefix: string,
  ) {}

  prefixed(id: string): string {
    return `${this.prefix}${id}`;
  }

  get lang(): Lang {
    return this.options.lang;
  }

  values(line: Line, years: readonly string[]): Values {
    return years.map((year) => plotValue(line.values.get(year), line.kind, this.options.unit));
  }

  name(line: Line): string {
    return line.itemLabel ? line.itemLabel[this.lang] : lineLabel(line, this.lang);
  }

  /** The table of plotted series: a row each, years as columns. */
  table(series: readonly Plotted[], years: readonly string[]): Figure['table'] {
    return {
      header: [text('metricHeader', this.lang), ...years],
      rows: series.map(({ name, line }) => [
        name,
        ...years.map((year) => shown(line.values.get(year), line.kind, this.options.unit)),
      ]),
    };
  }

  unitOf(kind: ValueKind): string {
    return kind === 'ratio' ? '%' : kind === 'amount' ? this.options.unit : '';
  }

  /** A chart's description: its title, its series, its years, and the years it has no value in (`missing`). */
  desc(title: string, names: readonly string[], years: readonly string[], missing: readonly string[] = []): string {
    const span = years.length === 0 ? [] : [`${years[0]}–${years[years.length - 1]}`];
    // A series named as its chart (a small multiple) is said once.
    const parts = [...names.filter((name) => name !== title), ...span];
    return `${title}${colon(this.lang)}${parts.join(comma(this.lang))}${noValueIn(missing, this.lang)}`;
  }

  /** An XY figure from lines: `stacked` areas, `bands` (two lines each) and `lines`. */
  xy(
    id: string,
    title: string,
    parts: {
      stacked?: readonly Plotted[];
      bands?: readonly { name: string; low: Plotted; high: Plotted; colour?: string; opacity?: number }[];
      lines?: readonly (Plotted & { dashed?: boolean; colour?: string })[];
    },
    chart: Partial<XYChart> = {},
  ): Figure {
    const stacked = parts.stacked ?? [];
    const bands = parts.bands ?? [];
    const lines = parts.lines ?? [];
    const first = stacked[0] ?? bands[0]?.low ?? lines[0]!;
    const years = [...first.line.values.keys()];
    const listed = [...stacked, ...bands.flatMap((band) => [band.low, band.high]), ...lines];
    const fullId = this.prefixed(id);
    const svg = xyChart({
      id: fullId,
      title,
      desc: this.desc(
        title,
        [...stacked, ...bands, ...lines].map((part) => part.name),
        years,
        years.filter((year) => listed.every((part) => part.line.values.get(year) == null)),
      ),
      years,
      xTitle: text('yearHeader', this.lang),
      yTitle: this.unitOf(first.line.kind),
      percent: first.line.kind === 'ratio',
      stacked: stacked.map((part) => ({ name: part.name, values: this.values(part.line, years) })),
      bands: bands.map((band) => ({
        name: band.name,
        low: this.values(band.low.line, years),
        high: this.values(band.high.line, years),
        ...(band.colour && { colour: band.colour }),
        ...(band.opacity !== undefined && { opacity: band.opacity }),
      })),
      lines: lines.map((line) => ({
        name: line.name,
        values: this.values(line.line, years),
        ...(line.dashed && { dashed: true }),
        ...(line.colour && { colour: line.colour }),
      })),
      empty: word('noValue', this.lang),
      ...chart,
    });
    return {
      id: fullId,
      title,
      svg,
      table: this.table(listed, years),
      ...(chart.width !== undefined && { small: true }),
    };
  }

  plotted(line: Line | undefined, name?: string): Plotted | undefined {
    return line && { name: name ?? this.name(line), line };
  }
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

/** The charts of one scenario's forecast. */
export function forecastSections(
  report: ScenarioReport,
  index: number,
  options: ReportOptions,
  several: boolean,
): Section[] {
  const { lang } = options;
  // With several scenarios, each section says whose it is.
  const of = (title: string) => (several ? `${title} — ${report.forecast.scenario.name}` : title);
  const make = new FigureMaker(options, `s${index + 1}-`);
  const at = (c: Case) => new CaseLines(report.forecast.cases.get(c)!);
  const chosen = at(report.chosen);
  const [low, high] =
    report.forecast.cases.has('low') && report.forecast.cases.has('high')
      ? [at('low'), at('high')]
      : [undefined, undefined];
  const inCase = (c: Case, line: Line) => ({
    name: `${make.name(line)}${parenthesised(caseName(c, lang), lang)}`,
    line,
  });
  const figures: Figure[] = [];

  const marketSize = chosen.one('market.marketSize');
  if (marketSize) {
    const lowSize = low?.one('market.marketSize');
    const highSize = high?.one('market.marketSize');
    figures.push(
      make.xy('market', tableTitle('market', lang), {
        stacked: [...chosen.items('market', 'modes', 'size'), chosen.one('market.otherSize')]
          .filter(present)
          .map((line) => make.plotted(line)!),
        bands:
          lowSize && highSize
            ? [{ name: word('marketBand', lang), low: inCase('low', lowSize), high: inCase('high', highSize) }]
            : [],
        lines: [
          { ...make.plotted(chosen.one('market.traditionalSize'))!, dashed: true, colour: '#1f2328' },
          { ...make.plotted(marketSize)!, colour: '#1f2328' },
        ],
      }),
    );
  }
  const profit = chosen.one('profit.profit');
  const traditionalProfit = chosen.one('profit.traditionalProfit');
  const increment = chosen.one('profit.increment');
  if (profit && traditionalProfit && increment) {
    const figure = make.xy('profit', tableTitle('profit', lang), {
      bands: [
        {
          name: make.name(increment),
          low: make.plotted(traditionalProfit)!,
          high: make.plotted(profit)!,
          colour: colour(2),
          opacity: 0.3,
        },
      ],
      lines: [make.plotted(profit)!, { ...make.plotted(traditionalProfit)!, dashed: true }],
    });
    // The band is the increment: listed once, as the engine computes it.
    figures.push({
      ...figure,
      table: make.table(
        [make.plotted(profit)!, make.plotted(traditionalProfit)!, make.plotted(increment)!],
        [...profit.values.keys()],
      ),
    });
  }
  const spendTotal = chosen.one('spend.total');
  if (spendTotal) {
    const items = spendItems(report.forecast.cases.get(report.chosen)!, chosen);
    figures.push(
      make.xy('spend', tableTitle('spend', lang), {
        stacked: items.map(({ total }) => make.plotted(total)!),
        lines: [{ ...make.plotted(spendTotal)!, colour: '#1f2328' }],
      }),
    );
    // "Technology spend of financial institutions: frontier share", from the model's labels.
    const shareLabel = (items[0]?.share ?? spendTotal).label[lang];
    figures.push(
      make.xy('frontier', `${tableTitle('spend', lang)}${colon(lang)}${shareLabel}`, {
        lines: [
          ...items.map(({ share }) => make.plotted(share)!),
          { ...make.plotted(chosen.one('spend.frontierShare'))!, colour: '#1f2328', dashed: true },
        ],
      }),
    );
  }
  const labour = chosen.items('labour', 'institutions', 'saving');
  if (labour.length > 0) {
    figures.push(
      make.xy('labour', tableTitle('labour', lang), {
        stacked: labour.map((line) => make.plotted(line)!),
        lines: [chosen.one('labour.netSaving')]
          .filter(present)
          .map((line) => ({ ...make.plotted(line)!, colour: '#1f2328', dashed: true })),
      }),
    );
  }
  const technologies = chosen.items('tech', 'items', 'spend');
  if (technologies.length > 0)
    figures.push(
      make.xy('tech', tableTitle('tech', lang), { stacked: technologies.map((line) => make.plotted(line)!) }),
    );

  const sections: Section[] = [
    {
      id: `s${index + 1}`,
      title: scenarioHeading(report.forecast.scenario, lang),
      figures,
      lead: caseName(report.chosen, lang),
    },
  ];
  const multiples = smallMultiples(make, 'multiple', chosen.items('market', 'modes', 'penetration'));
  if (multiples.length > 0)
    sections.push({ id: `s${index + 1}-multiples`, title: of(word('penetrationChart', lang)), figures: multiples });
  const metrics = smallMultiples(make, 'metric', chosen.table('metrics'));
  if (metrics.length > 0)
    sections.push({ id: `s${index + 1}-metrics`, title: of(tableTitle('metrics', lang)), figures: metrics });
  if (report.tornadoes.length > 0) {
    sections.push({
      id: `s${index + 1}-sensitivity`,
      title: of(word('sensitivity', lang)),
      figures: report.tornadoes.map((tornado, t) => tornadoFigure(make, tornado, report, t, options)),
    });
  }
  if (report.simulation) {
    const { simulation } = report;
    const fans = simulation.fans.map((fan, f) => fanFigure(make, fan, f, options));
    const histograms = simulation.histograms.map((value, h) => histogramFigure(make, value, h, options));
    const settings = [
      say.samples(lang, simulation.samples),
      say.seed(lang, simulation.seed),
      text(simulation.dist, lang),
    ];
    const lead = settings.join(comma(lang));
    sections.push({
      id: `s${index + 1}-montecarlo`,
      title: of(word('montecarlo', lang)),
      figures: [...fans, ...histograms],
      lead,
    });
  }
  return sections;
}

/** The spend chart's items, as the table groups them: a group's subtotal in place of its segments. */
function spendItems(forecast: CaseForecast, lines: CaseLines): { total: Line; share: Line }[] {
  const segments = forecast.spend?.segments ?? [];
  const seen = new Set<string>();
  const items: { total: Line; share: Line }[] = [];
  for (const segment of segments) {
    const [group, id] = segment.group ? ['groups', segment.group] : ['segments', segment.id];
    if (seen.has(`${group}.${id}`)) continue;
    seen.add(`${group}.${id}`);
    const find = (metric: string) => lines.one(`spend.${group}.${id}.${metric}`);
    const [total, share] = [find('total'), find('frontierShare')];
    if (total && share) items.push({ total, share });
  }
  return items;
}

/**
 * One small chart per line: the modes' penetration, the user metrics. Its axis
 * is the line's kind's (%, the output unit, none for a number); a year without
 * a value is a gap in the line.
 */
function smallMultiples(make: FigureMaker, kind: 'multiple' | 'metric', lines: readonly Line[]): Figure[] {
  return lines.map((line) => {
    const name = lineLabel(line, make.lang);
    // A metric's id is letters, digits and _; an address has dots.
    const id = kind === 'metric' ? line.metric : address(line).replace(/[^A-Za-z0-9-]/g, '-');
    return make.xy(
      `${kind}-${id}`,
      name,
      { lines: [{ name, line, colour: colour(0) }] },
      { width: 300, plotHeight: 110 },
    );
  });
}

function tornadoFigure(
  make: FigureMaker,
  { metric, kind, result }: Tornado,
  report: ScenarioReport,
  t: number,
  options: ReportOptions,
): Figure {
  const { lang, unit } = options;
  const id = make.prefixed(`tornado-${t + 1}`);
  const title = say.sensitivityTitle(
    lang,
    metric,
    kind === 'amount' ? unit : undefined,
    report.forecast.scenario.name,
    displayValue(result.base, kind, unit),
  );
  const value = (v: Decimal) => plotValue(v, kind, unit)!;
  const base = value(result.base);
  const [lowColour, highColour] = [colour(1), colour(0)];
  const shown = result.inputs.slice(0, TORNADO_ROWS);
  const svg = barsChart({
    id,
    title,
    desc: make.desc(
      title,
      shown.map((entry) => entry.input),
      [],
    ),
    rows: shown.map((entry) => ({
      label: entry.input,
      bars: [
        { from: base, to: value(entry.low), colour: lowColour },
        { from: base, to: value(entry.high), colour: highColour },
      ],
    })),
    axisTitle: `${metric}${kind === 'amount' ? parenthesised(unit, lang) : ''}`,
    percent: kind === 'ratio',
    reference: base,
    legend: [
      { label: word('tornadoLow', lang), colour: lowColour, mark: 'fill' },
      { label: word('tornadoHigh', lang), colour: highColour, mark: 'fill' },
      {
        label: `${text('baseShort', lang)} ${displayValue(result.base, kind, unit)}`,
        colour: '#1f2328',
        mark: 'dashed',
      },
    ],
  });
  return {
    id,
    title,
    svg,
    table: {
      header: sensitivityHeader({ lang, metric }),
      rows: sensitivityRows(result, { unit, kind, lang }),
      leftColumns: 2,
    },
  };
}

/** Inputs shown in a tornado: the largest swings (the table lists them all). */
const TORNADO_ROWS = 12;

function fanFigure(make: FigureMaker, fan: readonly SampledValue[], f: number, { lang, unit }: ReportOptions): Figure {
  const line = fan[0]!.line;
  const title = `${lineLabel(line, lang)}${parenthesised(word('fan', lang), lang)}`;
  const years = fan.map((value) => value.year);
  const percentiles = FAN_PERCENTILES.map((_, k) => fan.map((value) => decimal(value.stats.percentiles[k]!)));
  const plot = (values: readonly (Decimal | null)[]) => values.map((value) => plotValue(value, line.kind, unit));
  const [p5, p25, p50, p75, p95] = percentiles.map(plot) as unknown as [Values, Values, Values, Values, Values];
  const id = make.prefixed(`fan-${f + 1}`);
  const svg = xyChart({
    id,
    title,
    desc: make.desc(title, ['p5–p95', 'p25–p75', word('median', lang)], years),
    years,
    xTitle: text('yearHeader', lang),
    yTitle: make.unitOf(line.kind),
    percent: line.kind === 'ratio',
    bands: [
      { name: 'p5–p95', low: p5, high: p95, colour: colour(0), opacity: 0.18 },
      { name: 'p25–p75', low: p25, high: p75, colour: colour(0), opacity: 0.38 },
    ],
    lines: [{ name: word('median', lang), values: p50, colour: '#1f2328' }],
    zero: false,
  });
  const cell = (value: Decimal | null) => shown(value, line.kind, unit);
  return {
    id,
    title,
    svg,
    table: {
      header: [text('metricHeader', lang), ...years],
      rows: FAN_PERCENTILES.map((p, k) => [`p${p}`, ...percentiles[k]!.map(cell)]),
    },
  };
}

function histogramFigure(make: FigureMaker, value: SampledValue, h: number, { lang, unit }: ReportOptions): Figure {
  const { line, year, stats } = value;
  const metric = address(line, year);
  const title = `${word('histogram', lang)}${colon(lang)}${metric}`;
  const counts = stats.histogram ?? [];
  const [min, max] = [decimal(stats.min), decimal(stats.max)];
  const id = make.prefixed(`histogram-${h + 1}`);
  const plot = (v: Decimal | null) => plotValue(v, line.kind, unit) ?? 0;
  const svg = histogramChart({
    id,
    title,
    desc: make.desc(title, [say.samples(lang, stats.count)], []),
    counts,
    min: plot(min),
    max: plot(max),
    axisTitle: `${metric}${line.kind === 'amount' ? parenthesised(unit, lang) : ''}`,
    countTitle: text('sampleCount', lang),
    percent: line.kind === 'ratio',
    colour: colour(0),
  });
  const cell = (v: Decimal | null) => shown(v, line.kind, unit);
  const rows = [
    [text('mean', lang), cell(decimal(stats.mean))],
    ...FAN_PERCENTILES.map((p, k) => [`p${p}`, cell(decimal(stats.percentiles[k]!))]),
    [text('min', lang), cell(min)],
    [text('max', lang), cell(max)],
  ];
  return { id, title, svg, table: { header: [text('metricHeader', lang), metric], rows } };
}

/** Metrics worth a waterfall, in the last year of their line: the headline amount of each model. */
const HEADLINES = ['market.marketSize', 'profit.profit', 'spend.total', 'labour.netSaving', 'tech.total'];
const WATERFALLS = 3;
/** A waterfall's axis starts at zero when its steps span at least this share of its totals. */
const WATERFALL_ZERO = 0.1;
const TOP_CHANGES = 10;

/** Lines per scenario for the headline metrics, and the diff of the first against each other one. */
export function comparisonSections(
  reports: readonly ScenarioReport[],
  comparisons: readonly ScenarioComparison[],
  options: ReportOptions,
): Section[] {
  const { lang } = options;
  const make = new FigureMaker(options, 'compare-');
  const names = reports.map((report) => report.forecast.scenario.name);
  // The headline metrics that differ between the scenarios, one line per scenario.
  const moved = new Set(comparisons.flatMap((entry) => entry.comparison.changes.map((change) => address(change))));
  const overlays = HEADLINES.flatMap((at, h) => {
    const lines = reports.map((report) => new CaseLines(report.forecast.cases.get(report.chosen)!).one(at));
    if (!moved.has(at) || lines.some((line) => line === undefined)) return [];
    const title = `${tableTitle(lines[0]!.table, lang)}${colon(lang)}${lineLabel(lines[0]!, lang)}`;
    // One year axis for all: the union of the scenarios' years.
    const years = [...new Set(lines.flatMap((line) => [...line!.values.keys()]))].sort();
    const widened = lines.map((line) => ({
      ...line!,
      values: new Map(years.map((year) => [year, line!.values.get(year) ?? null])),
    }));
    return [
      make.xy(`overlay-${h + 1}`, title, {
        lines: widened.map((line, s) => ({
          name: names[s]!,
          line,
          colour: colour(s),
          ...(s > 0 && { dashed: s % 2 === 1 }),
        })),
      }),
    ];
  });
  const sections: Section[] = [
    {
      id: 'compare',
      title: word('comparison', lang),
      figures: overlays,
      // Without a headline chart, the page says whether anything else differs (a metric, a share).
      ...(overlays.length === 0 && { lead: word(moved.size === 0 ? 'noChange' : 'noHeadlineChange', lang) }),
    },
  ];
  for (const [k, entry] of comparisons.entries()) {
    const a = reports[entry.a]!;
    const chosen = entry.comparison.changes.filter((change) => change.case === a.chosen);
    const columns = { a: names[entry.a]!, b: names[entry.b]! };
    const ranked = byRelativeMove(chosen);
    const waterfalls = waterfallChanges(chosen).map((change, w) =>
      waterfallFigure(make, change, entry, columns, `${k + 1}-${w + 1}`, options),
    );
    const top: Figure | undefined =
      ranked.length === 0
        ? undefined
        : {
            id: `compare-${k + 1}-top`,
            // diff -f md's words, without its Markdown.
            title: text('topChanges', lang).replaceAll('**', ''),
            svg: '',
            table: {
              header: changeHeader(false, lang, columns),
              rows: ranked.slice(0, TOP_CHANGES).map((change) => changeCells(change, options.unit, false, lang)),
              leftColumns: 2,
            },
          };
    sections.push({
      id: `compare-${k + 1}`,
      title: `${word('differences', lang)}${colon(lang)}${columns.a} → ${columns.b}`,
      figures: [...waterfalls, ...(top ? [top] : [])],
      lead:
        ranked.length === 0
          ? word('noChange', lang)
          : `${caseName(a.chosen, lang)}${comma(lang)}${say.shapley(lang, entry.attribution.grouped)}`,
    });
  }
  return sections;
}

/** The changes to explain: the headline metrics' last years that moved, largest move first; else the largest moves. */
function waterfallChanges(changes: readonly Change[]): Change[] {
  const moved = changes.filter((change) => change.kind === 'amount' && change.delta !== null);
  const lastYear = (change: Change) =>
    !moved.some(
      (other) =>
        other.table === change.table &&
        other.metric === change.metric &&
        other.key === change.key &&
        other.group === change.group &&
        other.year > change.year,
    );
  const headline = moved.filter((change) => HEADLINES.includes(address(change)) && lastYear(change));
  return byRelativeMove(headline.length > 0 ? headline : moved).slice(0, WATERFALLS);
}

function waterfallFigure(
  make: FigureMaker,
  change: Change,
  entry: ScenarioComparison,
  columns: { a: string; b: string },
  id: string,
  { lang, unit }: ReportOptions,
): Figure {
  const attribution = entry.attribution.byChange.get(identityOf(change));
  const contributions = [...(attribution?.contributions ?? [])].sort((x, y) => y.delta.abs().comparedTo(x.delta.abs()));
  const title = `${metricName(change, lang)} ${change.year}${parenthesised(unit, lang)}`;
  const value = (v: Decimal) => plotValue(v, change.kind, unit)!;
  const [up, down, total] = [colour(2), colour(3), colour(0)];
  const rows: { label: string; bars: Bar[] }[] = [
    { label: columns.a, bars: [{ from: 'axis', to: value(change.a!), colour: total }] },
  ];
  const parts = [
    ...contributions.map((c) => ({ label: c.player.name, delta: c.delta })),
    ...(attribution && !attribution.residual.isZero()
      ? [{ label: text('residual', lang), delta: attribution.residual }]
      : []),
  ];
  // Each step starts where the one before it ended: a drawing position, not a reported number.
  let running = value(change.a!);
  for (const part of parts) {
    const next = running + value(part.delta);
    rows.push({ label: part.label, bars: [{ from: running, to: next, colour: part.delta.isNegative() ? down : up }] });
    running = next;
  }
  rows.push({ label: columns.b, bars: [{ from: 'axis', to: value(change.b!), colour: total }] });
  // From zero, unless the steps would be too thin to see beside the totals.
  const steps = rows.slice(1, -1).flatMap((row) => row.bars.flatMap((bar) => [bar.from as number, bar.to]));
  const zero =
    Math.max(...steps) - Math.min(...steps) >=
    WATERFALL_ZERO * Math.max(Math.abs(value(change.a!)), Math.abs(value(change.b!)));
  const fullId = make.prefixed(`waterfall-${id}`);
  const svg = barsChart({
    id: fullId,
    title,
    desc: make.desc(
      title,
      rows.map((row) => row.label),
      [],
    ),
    rows,
    axisTitle: unit,
    percent: false,
    zero,
    // Only the kinds of step this waterfall has.
    legend: [
      { label: word('total', lang), colour: total, mark: 'fill' as const },
      { label: word('increase', lang), colour: up, mark: 'fill' as const },
      { label: word('decrease', lang), colour: down, mark: 'fill' as const },
    ].filter((item) => rows.some((row) => row.bars.some((bar) => bar.colour === item.colour))),
  });
  const cell = (v: Decimal) => displayValue(v, change.kind, unit);
  const tableRows = [
    [columns.a, cell(change.a!)],
    ...parts.map((part) => [part.label, cell(part.delta)]),
    [columns.b, cell(change.b!)],
  ];
  return {
    id: fullId,
    title,
    svg,
    table: { header: [text('inputHeader', lang), text('attributionHeader', lang)], rows: tableRows },
  };
}
