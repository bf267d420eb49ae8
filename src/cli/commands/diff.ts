// `fintech-calc diff <a> <b>`: forecast both with the same options, show what
// differs, why (--attribute), and whether it should fail the build (--fail-on).
import { attribute, changedInputs } from '../../engine/analysis/attribution.js';
import { compareForecasts, type Comparison } from '../../engine/analysis/diff.js';
import { forecast } from '../../engine/forecast.js';
import { inputsOf } from '../../engine/analysis/inputs.js';
import { candidatesOf, coverage, firings, type Coverage, type FailRule } from '../../engine/analysis/rules.js';
import type { Forecast, Scenario, TableName } from '../../engine/types.js';
import {
  renderDiffCsv,
  renderDiffJson,
  renderDiffMarkdown,
  renderDiffTable,
  thresholdText,
  type ChangedInput,
  type CheckedRule,
  type DiffRenderOptions,
  type DiffReport,
} from '../../render/diff.js';
import { InputError, Problems, type Problem } from '../../scenario/problems.js';
import { parseSettings } from '../../scenario/set.js';
import { collect, helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { EXIT } from '../exit.js';
import { emit, loadScenarios, refuseInputsAsOutputs, styleFor, tablesOf } from '../shared.js';
import type { Io } from '../io.js';
import { checkOutputOptions, forecastOptions, wantsStamp, WITH_XLSX, type Format } from '../options.js';
import { parseRule, parseTolerance } from '../arguments.js';

const RENDERERS: Record<Format, (comparison: Comparison, report: DiffReport, options: DiffRenderOptions) => string> = {
  table: renderDiffTable,
  json: renderDiffJson,
  csv: renderDiffCsv,
  md: renderDiffMarkdown,
};

/** diff's arguments, options and help. */
function command(program: Program) {
  const diffCommand = program
    .command('diff')
    .description('forecast two scenarios with the same options and show every value that differs')
    .argument('<a>', 'the scenario to compare from (a file, or a bundled name such as baseline)')
    .argument('<b>', 'the scenario to compare with');
  return helpAfter(
    forecastOptions(diffCommand, WITH_XLSX)
      .option(
        '--tolerance <x>',
        'ignore smaller changes: an amount in the output unit (0.5), with a unit (5亿), or relative (0.1%)',
      )
      .option(
        '--attribute',
        'split each change into the contributions of the inputs that differ (Shapley values, exact decimal)',
      )
      .option(
        '--fail-on <rule>',
        'exit 1 only when a rule fires (repeatable): a glob over metric addresses and a threshold, ' +
          "e.g. 'profit.*.2023>1%', 'market.marketSize.*>500亿'",
        collect,
        [],
      )
      .option('--set-a <path=value>', 'override one input of a only, after --set (repeatable)', collect, [])
      .option('--set-b <path=value>', 'override one input of b only, after --set (repeatable)', collect, [])
      .option('--watch', 'run again whenever a or b, or a file they extend, changes; Ctrl-C stops'),
    `
For every case, table, metric, key and year that differs: a, b, Δ = b − a and Δ% = Δ / |a|. An absolute tolerance \
bounds amounts; ratios then count when they differ at all. Lines that only one scenario has (other years, modes or \
segments) are shown as added or removed.
--attribute splits each change among the inputs that differ (Shapley values: each input's average effect over every \
order of switching inputs from a to b); what they cannot explain is the residual.
A --fail-on glob takes * within one part of an address and ** across parts; a relative threshold (1%) bounds \
|Δ|/|a|, an amount (500亿, or a bare number in the output unit) bounds |Δ| of amounts.
--set applies to both scenarios; --set-a and --set-b then to a or b alone.
With -f md the output is a comment ready to post on a pull request; with -f xlsx -o FILE a workbook: a comparison \
sheet per table (a, b, Δ, Δ% as live formulas over both forecasts' sheets).

Examples:
  fintech-calc diff baseline bank-led                     what the bank-led profit share changes
  fintech-calc diff baseline my.yaml --tolerance 0.1%     in CI: exit 1 only for moves above 0.1%
  fintech-calc diff baseline baseline --set-b bankProfit.operatingCost.2023=1%
  fintech-calc diff a.yaml b.yaml -c all -f json
  fintech-calc diff baseline variant.yaml --attribute -f md --fail-on 'profit.*.2023>1%'
  fintech-calc diff baseline my.yaml --watch              again on every save

Exit codes: 0 no differences beyond the tolerance (with --fail-on: no rule fired), 1 differences (a rule fired), 2 \
bad input or usage, 3 internal error.
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (a, b, options) => setCode(await run(a, b, options, io)));
}

async function run(a: string, b: string, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const { watch, ...once } = raw;
  if (watch) return (await import('../watch.js')).watchRuns((watched) => run(a, b, once, watched), io, raw.lang);
  const options = checkOutputOptions(raw, io, WITH_XLSX);
  const tolerance =
    raw.tolerance === undefined ? undefined : parseTolerance(raw.tolerance, options.unit, '--tolerance');
  const rules = raw.failOn.map((text) => parseRule(text, options.unit));
  const settingProblems = new Problems();
  const [set, setA, setB] = [
    parseSettings(raw.set, options.unit, settingProblems),
    parseSettings(raw.setA, options.unit, settingProblems, '--set-a'),
    parseSettings(raw.setB, options.unit, settingProblems, '--set-b'),
  ];
  if (!settingProblems.empty) throw new InputError(settingProblems.list);
  const [first, second] = await loadScenarios([a, b], set, io, [setA, setB]);
  refuseInputsAsOutputs([['-o', options.out]], [first!, second!]);
  const [scenarioA, scenarioB] = [first!.scenario, second!.scenario];
  const tables = tablesOf([first!, second!], options.tables);
  const [forecastA, forecastB] = [forecast(scenarioA, options.cases), forecast(scenarioB, options.cases)];
  const comparison = compareForecasts(forecastA, forecastB, tables, tolerance);
  const checked = checkRules(rules, forecastA, forecastB, tables, options.unit);
  // Rules see every change: the tolerance only trims what is listed.
  const everyChange = () =>
    tolerance === undefined ? comparison.changes : compareForecasts(forecastA, forecastB, tables, undefined).changes;
  const fired = rules.length === 0 ? [] : firings(everyChange(), checked);
  const report: DiffReport = {
    comparison,
    rules: checked,
    fired,
    ...(raw.attribute && {
      attribution: attribute(scenarioA, scenarioB, options.cases, tables, comparison.changes),
      inputAt: (path, side, c, year) => {
        const scenario = side === 'a' ? scenarioA : scenarioB;
        const range = inputsOf(scenario).get(path)?.get(Number(year));
        const kind = scenario.provenance.get(path)?.kind;
        return range && kind ? { value: range[c], kind } : undefined;
      },
    }),
    changedInputs: describeChangedInputs(scenarioA, scenarioB),
    ...(wantsStamp(raw.stamp, options.format) && {
      stamp: await (await import('../stamp.js')).stampOf([first!, second!], raw.set, options.unit, [
        raw.setA,
        raw.setB,
      ]),
    }),
  };
  const [nameA, nameB] = columnNames(scenarioA.name, scenarioB.name, first!.file, second!.file);
  if (options.format === 'xlsx') {
    // A bundle of its own (dist/xlsx.cjs), loaded only here.
    const { renderDiffXlsx } = await import('../../render/xlsx/index.js');
    const results = [
      { forecast: forecastA, file: first!.file, scenario: scenarioA },
      { forecast: forecastB, file: second!.file, scenario: scenarioB },
    ] as const;
    const input = {
      comparison,
      ...(report.attribution && { attribution: report.attribution }),
      ...(report.stamp && { stamp: report.stamp }),
    };
    const workbook = { unit: options.unit, lang: options.lang, tables, a: nameA, b: nameB };
    emit(renderDiffXlsx(results, input, workbook).bytes, options.out, io);
  } else {
    const style = await styleFor(options.color);
    const renderOptions = { unit: options.unit, lang: options.lang, style, a: nameA, b: nameB };
    const rendered = RENDERERS[options.format](comparison, report, renderOptions);
    emit(rendered, options.out, io);
  }
  if (rules.length > 0) return fired.length > 0 ? EXIT.differences : EXIT.ok;
  return comparison.changes.length === 0 ? EXIT.ok : EXIT.differences;
}

/** Each rule with the number of values it checks; a rule that checks none is a usage error, never a pass. */
function checkRules(
  rules: readonly FailRule[],
  a: Forecast,
  b: Forecast,
  tables: readonly TableName[],
  unit: string,
): CheckedRule[] {
  if (rules.length === 0) return [];
  const candidates = candidatesOf(a, b);
  const problems: Problem[] = [];
  const checked = rules.flatMap((rule) => {
    const found = coverage(rule, candidates, tables);
    if (found.kind === 'checks') return [{ ...rule, checked: found.values }];
    problems.push({
      pos: { file: 'fintech-calc', line: 0, col: 0 },
      path: `--fail-on '${rule.text}'`,
      message: uncheckedReason(found, rule, tables, unit),
    });
    return [];
  });
  if (problems.length > 0) throw new InputError(problems);
  return checked;
}

function uncheckedReason(
  found: Exclude<Coverage, { kind: 'checks' }>,
  rule: FailRule,
  tables: readonly TableName[],
  unit: string,
): string {
  switch (found.kind) {
    case 'no-metric':
      return (
        `matches no metric${found.suggestion === undefined ? '' : ` (did you mean '${found.suggestion}'?)`}; ` +
        'metrics are addressed as in the JSON output ' +
        '(profit.profit.2023, market.modes.receivables.size.2023, spend.cagr.total), * within a part, ** across parts'
      );
    case 'tables-left-out': {
      const left = found.tables.join(', ');
      return `matches only metrics of the ${left} table${found.tables.length === 1 ? '' : 's'}, which -t ` +
        `${tables.join(',')} leaves out; add ${left} to -t, or drop the rule`;
    }
    case 'not-amounts':
      return (
        `matches only ${found.kinds.map((kind) => `${kind === 'count' ? 'counts' : 'ratios'}`).join(' and ')} here, ` +
        `and an amount threshold (${thresholdText(rule.threshold, unit)}) bounds amounts only; ` +
        'give a relative threshold such as 1%'
      );
    case 'undefined':
      return 'matches only values undefined in both scenarios (such as a CAGR from a first value of 0); it would ' +
        'check nothing';
  }
}

/** The inputs that differ, with the sources each scenario gives for them. */
function describeChangedInputs(a: Scenario, b: Scenario): ChangedInput[] {
  const sources = (scenario: Scenario, path: string) => {
    const provenance = scenario.provenance.get(path);
    if (!provenance) return [];
    const written = [...provenance.anchors.values(), ...(provenance.growth ? [provenance.growth] : [])];
    return [...new Set(written.flatMap((value) => (value.source ? [value.source] : [])))];
  };
  return changedInputs(a, b).map((path) => ({
    path,
    kind: (a.provenance.get(path) ?? b.provenance.get(path))?.kind ?? 'amount',
    sourcesA: sources(a, path),
    sourcesB: sources(b, path),
  }));
}

/** How the two sides are named in the output: by scenario name, else file, else a and b. */
function columnNames(nameA: string, nameB: string, fileA: string, fileB: string): [string, string] {
  if (nameA !== nameB) return [nameA, nameB];
  if (fileA !== fileB) return [fileA, fileB];
  return ['a', 'b'];
}
