// `fintech-calc forecast [scenario ...]`: read, forecast, render.
import { forecast } from '../../engine/forecast.js';
import type { TableName } from '../../engine/types.js';
import type { RenderOptions, ScenarioResult } from '../../render/options.js';
import type { SparkStyle } from '../../render/spark.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import type { Io } from '../io.js';
import {
  checkOutputOptions,
  checkYears,
  forecastOptions,
  parseYearsOption,
  wantsStamp,
  WITH_XLSX,
  type Format,
} from '../options.js';
import { emit, loadScenarios, readSettings, refuseInputsAsOutputs, styleFor, tablesOf } from '../shared.js';

type Renderer = (results: readonly ScenarioResult[], options: RenderOptions) => string;

/** Each format's renderer, loaded only when that format is asked for (a run renders one). */
const RENDERERS: Record<Format, () => Promise<Renderer>> = {
  table: async () => (await import('../../render/table.js')).renderTable,
  json: async () => (await import('../../render/json.js')).renderJson,
  csv: async () => (await import('../../render/csv.js')).renderCsv,
  md: async () => (await import('../../render/md.js')).renderMarkdown,
};

/** forecast's arguments, options and help. */
function command(program: Program) {
  const forecastCommand = program
    .command('forecast')
    .description('forecast each scenario (default: the bundled baseline) and print year-by-year tables')
    .argument('[scenario...]', 'scenario files (.yaml), or the name of a bundled scenario such as baseline');
  return helpAfter(
    forecastOptions(forecastCommand, WITH_XLSX)
      .option(
        '--year <list>',
        'side by side: one table per model, one column per scenario × case × year, for these years ' +
          '(comma-separated), e.g. --year 2023',
      )
      .option(
        '--excel',
        'with -f csv: CSV for Excel: a UTF-8 BOM, one row per metric with years as columns, labels in --lang, CRLF',
      )
      .option('--watch', 'run again whenever a scenario file, or a file it extends, changes; Ctrl-C stops')
      .option(
        '--spark',
        'add a trend column of sparklines (table and md; ASCII where the locale is not UTF-8 or TERM=dumb)',
      ),
    `
Cases: low, base and high take the low (base, high) end of every input range. ` +
      'They are cases of the inputs, not bounds on the outputs: an output can be lower in the high case ' +
      `when an input lowers it.

Examples:
  fintech-calc forecast                           the bundled baseline
  fintech-calc forecast --spark                   with a trend column
  fintech-calc forecast -c all --lang zh          low, base and high, in Chinese
  fintech-calc forecast my.yaml -t market,profit -u 万亿元
  fintech-calc forecast baseline my.yaml -f json  one JSON document per line
  fintech-calc forecast -f csv -o forecast.csv    tidy CSV rows into a file
  fintech-calc forecast -f csv --excel -o f.csv   CSV that Excel opens right
  fintech-calc forecast -f xlsx -o baseline.xlsx  a workbook of live formulas
  fintech-calc forecast baseline bank-led -c all --year 2023
  fintech-calc forecast --set supplyChain.modes.receivables.penetration.2023=55～65%
  fintech-calc forecast my.yaml --watch           again on every save of my.yaml

Exit codes: 0 success, 2 bad input or usage, 3 internal error (a bug).
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenarios, options) => setCode(await run(scenarios, options, io)));
}

async function run(scenarioArgs: readonly string[], raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const { watch, ...once } = raw;
  if (watch) {
    return (await import('../watch.js')).watchRuns((watched) => run(scenarioArgs, once, watched), io, raw.lang);
  }
  const options = checkOutputOptions(raw, io, WITH_XLSX);
  const years = raw.year === undefined ? undefined : parseYearsOption(raw.year);
  if (raw.excel && options.format !== 'csv') {
    throw new UsageError(`--excel: is a flavour of CSV; add -f csv (got -f ${options.format})`);
  }
  if (raw.spark && options.format !== 'table' && options.format !== 'md') {
    throw new UsageError(
      `--spark: sparklines are drawn in table and md output, not in ${options.format} (which give every value)`,
    );
  }
  if (raw.spark && years) {
    throw new UsageError(
      '--spark: the side-by-side view (--year) has a column per year and scenario, not a trend per line; ' +
        'leave out --spark or --year',
    );
  }
  const settings = readSettings(raw.set, options.unit);
  const loaded = await loadScenarios(scenarioArgs.length > 0 ? scenarioArgs : ['baseline'], settings, io);
  refuseInputsAsOutputs([['-o', options.out]], loaded);
  const tables = tablesOf(loaded, options.tables);
  // One stamp per scenario (JSON Lines); the stamp module is loaded only when stamping.
  const stampOf = wantsStamp(raw.stamp, options.format) ? (await import('../stamp.js')).stampOf : undefined;
  const stamps = stampOf && (await Promise.all(loaded.map((entry) => stampOf([entry], raw.set, options.unit))));
  const results = loaded.map((entry, i) => ({
    forecast: forecast(entry.scenario, options.cases),
    file: entry.file,
    ...(stamps && { stamp: stamps[i] }),
  }));
  if (options.format === 'xlsx') {
    // A bundle of its own (dist/xlsx.cjs), loaded only here.
    const { renderForecastXlsx, renderSideBySideXlsx } = await import('../../render/xlsx/index.js');
    const scenarios = results.map((result, i) => ({ ...result, scenario: loaded[i]!.scenario }));
    const workbook = { unit: options.unit, lang: options.lang, tables };
    const written = years
      ? renderSideBySideXlsx(scenarios, await shownYears(years, results, tables), workbook)
      : renderForecastXlsx(scenarios, workbook);
    emit(written.bytes, options.out, io);
    return 0;
  }
  const style = await styleFor(options.color);
  if (years) {
    const { renderSideBySide } = await import('../../render/side-by-side.js');
    const shown = await shownYears(years, results, tables);
    const view = { unit: options.unit, lang: options.lang, tables, style };
    const text = renderSideBySide(options.format, results, shown, view, raw.excel);
    emit(text, options.out, io);
    return 0;
  }
  // Markdown pages are UTF-8; a terminal may not be.
  const spark = raw.spark ? (options.format === 'md' ? 'unicode' : sparkStyleFor(io.env)) : undefined;
  const render = raw.excel ? (await import('../../render/csv.js')).renderExcelCsv : await RENDERERS[options.format]();
  const text = render(results, { unit: options.unit, lang: options.lang, tables, style, ...(spark && { spark }) });
  emit(text, options.out, io);
  return 0;
}

/** The years --year asks for, checked against the forecast's (side-by-side.ts is loaded only for --year). */
async function shownYears(
  asked: readonly string[],
  results: readonly ScenarioResult[],
  tables: readonly TableName[],
): Promise<readonly string[]> {
  const { yearsOf } = await import('../../render/side-by-side.js');
  return checkYears(asked, yearsOf(results, tables));
}

/** ASCII where the locale (LC_ALL, LC_CTYPE, LANG) does not say UTF-8, or the terminal is dumb; else Unicode blocks. */
export function sparkStyleFor(env: Io['env']): SparkStyle {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || '';
  return /utf-?8/i.test(locale) && env.TERM !== 'dumb' ? 'unicode' : 'ascii';
}
