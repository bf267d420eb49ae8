// The report as one self-contained HTML page: inline SVG and CSS, no script,
// nothing fetched (a Content-Security-Policy forbids it), readable on a phone
// and printed on A4. The same data gives the same bytes.
import { caseName, colon, comma, scenarioHeading, text } from '../labels.js';
import { stampComment } from '../stamp.js';
import type { ReportData, ReportOptions } from './data.js';
import { comparisonSections, forecastSections, type Figure, type Section } from './figures.js';
import { block, el, esc } from './markup.js';
import { word, type WordKey } from './words.js';

const FONTS =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Source Han Sans SC", ' +
  '"PingFang SC", "Microsoft YaHei", sans-serif';

const CSS = `
:root { --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: ${FONTS}; color: var(--ink); background: #fff; margin: 0 auto; max-width: 980px;
  padding: 16px 20px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.2em 0; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.4em; border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; }
h3, figcaption { font-size: 1.05rem; font-weight: 600; margin: 0 0 0.3em; }
.meta, .lead { color: var(--muted); margin: 0.2em 0 0.8em; }
nav ol { columns: 2; margin: 0; padding-left: 1.4em; }
a { color: #0969da; }
figure { margin: 1.2em 0 1.8em; break-inside: avoid; }
.smalls { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 0 20px; }
/* A small chart's caption, plot and table are rows shared across its row: a caption on two lines moves no plot. */
.smalls > figure { display: grid; grid-row: span 3; grid-template-rows: subgrid; align-content: start; }
svg.chart { display: block; width: 100%; height: auto; max-width: 720px; font-family: ${FONTS}; }
.small svg.chart { max-width: 360px; }
svg.chart text { font-size: 12px; fill: var(--ink); }
svg.chart .tick { fill: var(--muted); }
svg.chart .grid { stroke: #e6e9ed; stroke-width: 1; }
svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
svg.chart .area { fill-opacity: 0.85; }
svg.chart .line { fill: none; stroke-width: 2; }
svg.chart .edge { fill: none; stroke-width: 1; stroke-dasharray: 4 3; }
svg.chart .reference { stroke: var(--ink); stroke-width: 1; stroke-dasharray: 4 3; }
details { margin-top: 0.4em; }
summary { cursor: pointer; color: var(--muted); }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; margin: 0.4em 0; }
th, td { padding: 2px 8px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
th.label, td.label { text-align: left; white-space: normal; }
footer { margin-top: 2.4em; border-top: 1px solid var(--rule); padding-top: 0.6em; color: var(--muted);
  font-size: 0.85rem; }
footer code { word-break: break-all; }
@media (max-width: 600px) {
  body { padding: 8px 10px; }
  nav ol { columns: 1; }
  /* A chart wider than the screen scrolls; a shadow at an edge says there is more. */
  .plot { overflow-x: auto;
    background: linear-gradient(to right, #fff 30%, #fff0), linear-gradient(to left, #fff 30%, #fff0) 100% 0,
      radial-gradient(farthest-side at 0 50%, #0003, #0000),
      radial-gradient(farthest-side at 100% 50%, #0003, #0000) 100% 0;
    background-repeat: no-repeat; background-size: 40px 100%, 40px 100%, 14px 100%, 14px 100%;
    background-attachment: local, local, scroll, scroll; }
  .plot svg.chart { min-width: 480px; }
  .small .plot svg.chart { min-width: 0; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  h2 { break-after: avoid; }
  svg.chart { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
  details::details-content { content-visibility: visible; display: contents; }
}
`;

export function renderReport(data: ReportData, options: ReportOptions): string {
  const { lang } = options;
  const sections = [
    ...(data.scenarios.length > 1 ? comparisonSections(data.scenarios, data.comparisons, options) : []),
    ...data.scenarios.flatMap((report, i) => forecastSections(report, i, options, data.scenarios.length > 1)),
  ];
  const scenarios = data.scenarios.map((report) => scenarioHeading(report.forecast.scenario, lang)).join(comma(lang));
  const title = data.title === '' ? scenarios : data.title;
  const meta = [
    ...(data.title === '' ? [] : [scenarios]),
    caseName(data.scenarios[0]!.chosen, lang),
    options.unit,
  ].join(' · ');
  const contents = block(
    'nav',
    {},
    el('h2', {}, esc(word('contents', lang))),
    block(
      'ol',
      {},
      ...sections.map((section) => el('li', {}, el('a', { href: `#${section.id}` }, esc(section.title)))),
    ),
  );
  const body = [
    block('header', {}, el('h1', {}, esc(title)), el('p', { class: 'meta' }, esc(meta))),
    contents,
    block('main', {}, ...sections.map((section) => sectionHtml(section, lang))),
    footer(data, lang),
  ].join('\n');
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing is loaded from anywhere: the page is whole as it is.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="fintech-calc">',
    el('title', {}, esc(title)),
    `<style>${CSS}</style>`,
  ].join('\n');
  const html = `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`;
  const tail = `${stampComment(data.stamp, 'md')}</body>\n</html>\n`;
  return `<!DOCTYPE html>\n${html}\n<head>\n${head}\n</head>\n<body>\n${body}\n${tail}`;
}

function sectionHtml(section: Section, lang: ReportOptions['lang']): string {
  const small = section.figures.filter((figure) => figure.small);
  const large = section.figures.filter((figure) => !figure.small);
  return block(
    'section',
    { id: section.id },
    el('h2', {}, esc(section.title)),
    section.lead ? el('p', { class: 'lead' }, esc(section.lead)) : '',
    ...large.map((figure) => figureHtml(figure, lang)),
    small.length > 0 ? el('div', { class: 'smalls' }, ...small.map((figure) => figureHtml(figure, lang))) : '',
  );
}

function figureHtml(figure: Figure, lang: ReportOptions['lang']): string {
  const { header, rows, leftColumns = 1 } = figure.table;
  const cell = (tag: 'th' | 'td', value: string, column: number) =>
    el(tag, column < leftColumns ? { class: 'label' } : {}, esc(value));
  const table = block(
    'table',
    {},
    el('thead', {}, el('tr', {}, ...header.map((value, column) => cell('th', value, column)))),
    block('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((value, column) => cell('td', value, column))))),
  );
  // A figure without a chart (a table of changes) shows its table open.
  if (figure.svg === '')
    return block(
      'figure',
      { id: figure.id },
      el('figcaption', {}, esc(figure.title)),
      el('div', { class: 'table' }, table),
    );
  return block(
    'figure',
    { id: figure.id, class: figure.small ? 'small' : undefined },
    el('figcaption', {}, esc(figure.title)),
    el('div', { class: 'plot' }, figure.svg),
    el('details', {}, el('summary', {}, esc(word('data', lang))), el('div', { class: 'table' }, table)),
  );
}

/** The provenance stamp: version, every file with its SHA-256, the --set list, the seed. */
function footer(data: ReportData, lang: ReportOptions['lang']): string {
  const { stamp } = data;
  const said = (key: WordKey, value: string) => el('p', {}, esc(word(key, lang)), esc(colon(lang)), value);
  // A file extended by several scenarios is listed once.
  const chain = [
    ...new Map(
      stamp.scenarios.flatMap((scenario) => scenario.chain).map((file) => [`${file.file}\u0000${file.sha256}`, file]),
    ).values(),
  ];
  const files = chain.map((file) =>
    el('li', {}, el('code', {}, esc(file.file)), ' SHA-256 ', el('code', {}, esc(file.sha256))),
  );
  const set =
    stamp.set.length === 0
      ? esc(word('noneSet', lang))
      : stamp.set.map((setting) => el('code', {}, esc(setting))).join(' ');
  const simulated =
    stamp.simulate &&
    el('code', {}, esc(`-n ${stamp.simulate.samples} --seed ${stamp.simulate.seed} --dist ${stamp.simulate.dist}`));
  return block(
    'footer',
    {},
    said('stamp', `${esc(stamp.tool)} ${esc(stamp.version)}`),
    said('files', ''),
    block('ul', {}, ...files),
    el('p', {}, `--set${stamp.setUnit ? ` (${esc(stamp.setUnit)})` : ''}${esc(colon(lang))}${set}`),
    simulated ? said('montecarlo', simulated) : '',
    el('p', {}, esc(text('caseHeader', lang)), esc(colon(lang)), esc(caseName(data.scenarios[0]!.chosen, lang))),
  );
}
