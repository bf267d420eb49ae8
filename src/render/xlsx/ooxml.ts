// A Workbook (model.ts) as an Office Open XML spreadsheet (ECMA-376, the
// .xlsx format): the XML parts, zipped. Strings are written inline (no shared
// string table), formulas with their cached values, and the workbook asks to
// be recalculated when it is opened (calcPr fullCalcOnLoad). No dates, no
// random ids: the same workbook gives the same bytes.
import {
  cellName,
  type Cell,
  type CellStyle,
  type DefinedName,
  type NumberRows,
  type Sheet,
  type Workbook,
} from './model.js';
import { zip } from './zip.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The .xlsx bytes of a workbook. */
export function xlsxBytes(workbook: Workbook): Uint8Array {
  const utf8 = (text: string) => Buffer.from(HEAD + text, 'utf8');
  return zip([
    { name: '[Content_Types].xml', data: utf8(contentTypes(workbook)) },
    { name: '_rels/.rels', data: utf8(packageRels()) },
    { name: 'docProps/core.xml', data: utf8(coreProperties(workbook)) },
    { name: 'docProps/app.xml', data: utf8(appProperties()) },
    { name: 'xl/workbook.xml', data: utf8(workbookXml(workbook)) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels(workbook)) },
    { name: 'xl/styles.xml', data: utf8(stylesXml(workbook)) },
    ...workbook.sheets.map((sheet, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: Buffer.concat(
        sheetXml(sheet, i === 0).map((part, j) => (j === 0 ? utf8(part) : Buffer.from(part, 'utf8'))),
      ),
    })),
  ]);
}

/** C0 controls but tab and line breaks, U+FFFE/U+FFFF, and lone surrogates. */
const NOT_IN_XML = new RegExp(
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]' +
    '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  'g',
);

/**
 * Text as XML character data in an OOXML string: `&<>"` escaped, and what XML
 * 1.0 cannot hold (C0 controls but tab and line breaks, lone surrogates,
 * U+FFFE/U+FFFF) as OOXML's `_xHHHH_` escapes; a literal `_xHHHH_` is kept by
 * escaping its underscore (`_x005F_`).
 */
export function xmlText(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(NOT_IN_XML, (char) => `_x${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Attribute text: as xmlText, without the `_xHHHH_` escapes (names and formulas do not take them). */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function contentTypes({ sheets }: Workbook): string {
  const sheet = (i: number) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ` +
    `ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ' +
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_, i) => sheet(i)).join('') +
    '<Override PartName="/xl/styles.xml" ' +
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/docProps/core.xml" ' +
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ' +
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>'
  );
}

function packageRels(): string {
  return (
    `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
    '<Relationship Id="rId1" ' +
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
    'Target="xl/workbook.xml"/>' +
    '<Relationship Id="rId2" ' +
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" ' +
    'Target="docProps/core.xml"/>' +
    '<Relationship Id="rId3" ' +
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" ' +
    'Target="docProps/app.xml"/>' +
    '</Relationships>'
  );
}

/** No dates: a workbook's bytes depend on its content only. */
function coreProperties({ title }: Workbook): string {
  return (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>fintech-calc</dc:creator>` +
    '</cp:coreProperties>'
  );
}

function appProperties(): string {
  return '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Application>fintech-calc</Application></Properties>';
}

function workbookXml({ sheets, names }: Workbook): string {
  const sheetList = sheets
    .map((sheet, i) => `<sheet name="${attribute(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const definedName = (name: DefinedName) =>
    `<definedName name="${attribute(name.name)}">${attribute(name.refersTo)}</definedName>`;
  const defined = names.length === 0 ? '' : `<definedNames>${names.map(definedName).join('')}</definedNames>`;
  return (
    `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheetList}</sheets>${defined}` +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' +
    '</workbook>'
  );
}

function workbookRels({ sheets }: Workbook): string {
  const sheet = (i: number) =>
    `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`;
  return `<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets.map((_, i) => sheet(i)).join('')}<Relationship ` +
    `Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`;
}

/**
 * Each style's cell format (cellXfs index): font 0 plain, 1 bold, 2 blue;
 * number formats 164 (amounts), 10 (0.00%), 3 (#,##0).
 */
/** The cell format of an input (blue) in a number format. */
function blueXf(numFmtId: number): string {
  return `<xf numFmtId="${numFmtId}" fontId="2" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>`;
}

const STYLES: Record<CellStyle, { index: number; xf: string }> = {
  plain: { index: 0, xf: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' },
  title: { index: 1, xf: '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1"/>' },
  header: { index: 2, xf: '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' },
  amount: { index: 3, xf: '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' },
  ratio: { index: 4, xf: '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' },
  count: { index: 5, xf: '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' },
  inputAmount: { index: 6, xf: blueXf(164) },
  inputRatio: { index: 7, xf: blueXf(10) },
  inputCount: { index: 8, xf: blueXf(3) },
  quoted: { index: 9, xf: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>' },
};
const IN_ORDER = Object.values(STYLES).sort((a, b) => a.index - b.index);

function stylesXml({ amountFormat }: Workbook): string {
  const font = (inner: string) => `<font>${inner}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`;
  return (
    `<styleSheet xmlns="${MAIN}">` +
    `<numFmts count="1"><numFmt numFmtId="164" formatCode="${attribute(amountFormat)}"/></numFmts>` +
    `<fonts count="4">${font('')}${font('<b/>')}${font('<color rgb="FF0000FF"/>')}<font><b/><sz val="13"/><name ` +
    `val="Calibri"/><family val="2"/></font></fonts>` +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>' +
    '</fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${IN_ORDER.length}">${IN_ORDER.map((style) => style.xf).join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

function cellXml(cell: Cell, row: number, column: number): string {
  const style = STYLES[cell.style ?? 'plain'].index;
  const at = `r="${cellName(row, column)}"${style === 0 ? '' : ` s="${style}"`}`;
  switch (cell.kind) {
    case 'text':
      return `<c ${at} t="inlineStr"><is><t xml:space="preserve">${xmlText(cell.text)}</t></is></c>`;
    case 'number':
      return `<c ${at}><v>${cell.value}</v></c>`;
    case 'formula':
      // A value the forecast does not have (Δ% from 0) is cached as the error the formula gives.
      if (cell.cached === null) return `<c ${at} t="e"><f>${attribute(cell.formula)}</f><v>#N/A</v></c>`;
      return `<c ${at}><f>${attribute(cell.formula)}</f><v>${cell.cached}</v></c>`;
  }
}

/** A sheet's XML in parts (a sheet of samples is too large for one string). */
function sheetXml(sheet: Sheet, selected: boolean): string[] {
  const numbers = sheet.numbers;
  const width = Math.max(1, numbers?.columns ?? 1, ...sheet.rows.map((row) => row.length));
  const height = sheet.rows.length + (numbers ? numbers.values.length / numbers.columns : 0);
  const rows = sheet.rows
    .map((cells, r) => {
      const written = cells.map((cell, c) => (cell === undefined ? '' : cellXml(cell, r, c))).join('');
      return written === '' ? '' : `<row r="${r + 1}">${written}</row>`;
    })
    .join('');
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const view = `<sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>${pane(sheet.frozen)}</sheetView>`;
  return [
    `<worksheet xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
      `<dimension ref="A1:${cellName(Math.max(0, height - 1), width - 1)}"/>` +
      `<sheetViews>${view}</sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols === '' ? '' : `<cols>${cols}</cols>`) +
      `<sheetData>${rows}`,
    ...(numbers ? numberRowsXml(numbers, sheet.rows.length) : []),
    '</sheetData>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '</worksheet>',
  ];
}

/** Rows of numbers from row `first` (0-based), a part per thousand rows. */
function numberRowsXml({ columns, values }: NumberRows, first: number): string[] {
  const parts: string[] = [];
  const rows = values.length / columns;
  for (let start = 0; start < rows; start += 1000) {
    const lines: string[] = [];
    for (let r = start; r < Math.min(rows, start + 1000); r++) {
      let cells = '';
      for (let c = 0; c < columns; c++) {
        const value = values[r * columns + c]!;
        if (Number.isFinite(value)) cells += `<c r="${cellName(first + r, c)}"><v>${value}</v></c>`;
      }
      lines.push(`<row r="${first + r + 1}">${cells}</row>`);
    }
    parts.push(lines.join(''));
  }
  return parts;
}

/** The frozen rows and columns: a pane split at the first cell that scrolls. */
function pane({ rows, columns }: Sheet['frozen']): string {
  if (rows === 0 && columns === 0) return '';
  const topLeft = cellName(rows, columns);
  const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection ` +
    `pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}
