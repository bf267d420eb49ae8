// `fintech-calc solve [scenario] --target <metric>=<value> --vary <input>`: goal seek.
import { Decimal } from '../../shared/decimal.js';
import { forecastCase } from '../../engine/forecast.js';
import { findMetric } from '../../engine/analysis/lines.js';
import { solveFor, type Varied } from '../../engine/analysis/solve.js';
import type { Case, CaseForecast, InputProblem, Scenario } from '../../engine/types.js';
import { inputText, metricText, renderSolveJson, renderSolveText, type Solution } from '../../render/solve.js';
import { InputError, Problems } from '../../scenario/problems.js';
import type { RawMap } from '../../scenario/raw.js';
import { checkSettingPath } from '../../scenario/set.js';
import type { ValueKind } from '../../scenario/values.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import { emit, loadScenarios, metricError, readSettings, refuseInputsAsOutputs } from '../shared.js';
import { parseMetricValue, splitMetricValue } from '../metric-value.js';
import type { Io } from '../io.js';
import { caseOption, checkOutputOptions, outputOptions, type Format } from '../options.js';

const VARY_POS = { file: '--vary', line: 0, col: 0 };
const YEAR = /^\d{4}$/;
const ENDS = ['low', 'base', 'high'];

/** What --vary names, for the engine (which value to vary) and for people (its kind; whether it is every year's). */
interface VariedInput {
  readonly varied: Varied;
  readonly kind: ValueKind;
  /** The whole input (one value every year), not one year of it. */
  readonly everyYear: boolean;
}

const OFFERED_FORMATS: readonly Format[] = ['table', 'json'];

/** solve's arguments, options and help. */
function command(program: Program) {
  const solveCommand = program
    .command('solve')
    .description('goal seek: the value of one input that makes a metric meet a target')
    .argument('[scenario]', 'a scenario file or bundled name (default baseline)')
    .addOption(caseOption('one'));
  return helpAfter(
    outputOptions(solveCommand, OFFERED_FORMATS)
      .requiredOption('--target <metric=value>', 'the metric and its target value in any value syntax, e.g. market.marketSize.2023=6.5万亿')
      .requiredOption('--vary <input>', 'the input to vary, as --set names it, e.g. supplyChain.modes.receivables.penetration.2023'),
    `
The input is searched within its domain (ratios in [0, 1], amounts ≥ 0, and no further than the scenario's checks allow, e.g. frontier ≤ spend) in exact decimal, to well beyond 12 significant digits. A target the domain cannot reach is an error (exit 2) that gives the domain and the metric at its ends. The target may be negative (a CAGR of -5%); a bare target number is in the output unit (-u).
--vary takes one year of an input (….2023); an input that is one value every year may be varied whole; one that changes from year to year needs a year.

Examples:
  fintech-calc solve --target market.marketSize.2023=6.5万亿 --vary supplyChain.modes.receivables.penetration.2023
  fintech-calc solve --target profit.increment.2023=1500 --vary bankProfit.operatingCost.2023 -f json
`,
  );
}

export function define(program: Program, { io, setCode }: CommandContext): void {
  command(program).action(async (scenario, options) => setCode(await run(scenario, options, io)));
}

async function run(scenarioArg: string | undefined, raw: OptionsOf<typeof command>, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io, OFFERED_FORMATS);
  if (options.cases.length !== 1) throw new UsageError('--case: solve works on one case: low, base or high');
  const c: Case = options.cases[0]!;
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  refuseInputsAsOutputs([['-o', options.out]], [loaded!]);
  const { scenario, root, file } = loaded!;
  const forecast = forecastCase(scenario, c);

  const { metric, value } = splitMetricValue('--target', raw.target);
  const found = findMetric(forecast, metric);
  if (found?.value == null) throw metricError(metric, forecast);
  const target = parseMetricValue('--target', value, found.kind, options.unit);
  const { varied, kind, everyYear } = variedInput(raw.vary, root, scenario);
  const inputKind = kind === 'amount' ? 'amount' : 'ratio';
  const outcome = await solveFor(scenario, varied, metric, target, c);
  if (outcome.kind === 'invalid') {
    throw new UsageError(`--vary: at every value tried the scenario is invalid, e.g. at ${raw.vary} = ${inputText(outcome.at, inputKind, options.unit)}: ${problemText(outcome.problem)}`);
  }
  const { domain, result } = outcome;
  const show = (value: Decimal) => metricText(value, found.kind, options.unit);
  const within = `[${inputText(domain.lower, inputKind, options.unit)}, ${inputText(domain.upper, inputKind, options.unit)}]`;
  const why = [
    outcome.belowLower && `below it, ${problemText(outcome.belowLower)}`,
    outcome.aboveUpper && `above it, ${problemText(outcome.aboveUpper)}`,
  ].filter((text) => text !== undefined);
  const bounds = `${within}${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
  if (result.kind === 'flat') throw new UsageError(`${metric} does not depend on ${raw.vary}: it stays ${show(result.at.plus(target))} over ${bounds}`);
  if (result.kind === 'unreachable' && !result.monotone) {
    const [least, most] = [result.least.plus(target), result.most.plus(target)];
    throw new UsageError(`${metric} is not monotone in ${raw.vary}: within ${bounds} it covers ${show(least)} to ${show(most)}, which does not reach ${show(target)}`);
  }
  if (result.kind === 'unreachable') {
    const [from, to] = [result.atLower.plus(target), result.atUpper.plus(target)];
    throw new UsageError(`${metric} cannot reach ${show(target)} by varying ${raw.vary} within ${bounds}: at the ends of that interval it is ${show(from)} and ${show(to)}`);
  }
  const solved = outcome.forecast!;
  const lineName = metric.split('.').slice(0, -1).join('.');
  const solution: Solution = {
    scenario: scenario.name,
    file,
    case: c,
    vary: raw.vary,
    inputKind,
    value: result.x,
    everyYear,
    metric,
    metricKind: found.kind,
    target,
    result: findMetric(solved, metric)!.value!,
    iterations: result.iterations,
    line: { name: lineName, years: YEAR.test(metric.split('.').at(-1)!) ? forecastLine(solved, lineName) : [] },
  };
  emit((options.format === 'json' ? renderSolveJson : renderSolveText)(solution, options), options.out, io);
  return 0;
}

function problemText(problem: InputProblem): string {
  return `${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;
}

/**
 * The input --vary names, with its value now. A year-less path varies the whole
 * input, one value every year: allowed only for an input that is one value every
 * year already, so that nothing is flattened behind the user's back.
 */
function variedInput(vary: string, root: RawMap, scenario: Scenario): VariedInput {
  const path = vary.split('.');
  const problems = new Problems();
  if (!checkSettingPath(root, path, { kind: 'scalar', pos: VARY_POS, text: '0', type: 'number' }, VARY_POS, problems)) throw new InputError(problems.list);
  const input = [...scenario.provenance.values()].find((candidate) => vary === candidate.path || vary.startsWith(`${candidate.path}.`));
  if (input === undefined) {
    const inside = [...scenario.provenance.keys()].filter((candidate) => candidate.startsWith(`${vary}.`));
    throw new UsageError(`--vary: ${vary} is not an input${inside.length > 0 ? `; vary one of its inputs: ${inside.join(', ')}` : ''}`);
  }
  if (input.kind === 'count') throw new UsageError(`--vary: ${vary} is a count of firms; solve varies amounts, ratios and growth rates`);
  const [first, second] = vary.slice(input.path.length + 1).split('.');
  const years = [...input.anchors.keys()].filter((year) => year !== 0);
  const oneValue = input.method === 'constant' || input.method === 'default';
  const at = (part: Varied['part']): Varied => ({ input: input.path, part });
  if (first === '') {
    if (!oneValue) {
      const grown = input.growth ? ` or its growth (${input.path}.growth)` : '';
      throw new UsageError(
        `--vary: ${vary} changes from year to year (anchors ${years.join(', ')}${input.growth ? ', then growth' : ''}); name the year to vary, e.g. ${input.path}.${years.at(-1)}${grown}: varying it whole would make it one value every year`,
      );
    }
    return { varied: at({ kind: 'every year' }), kind: input.kind, everyYear: true };
  }
  if (first === 'growth' && second === undefined) {
    if (!input.growth) throw new UsageError(`--vary: ${input.path} has no growth rate (it runs through anchors ${years.join(', ')}); vary one of its years, e.g. ${input.path}.${years.at(-1) ?? 2023}`);
    return { varied: at({ kind: 'growth' }), kind: 'growth', everyYear: false };
  }
  if (YEAR.test(first!) && (second === undefined || ENDS.includes(second))) {
    if (oneValue) throw new UsageError(`--vary: ${input.path} is one value every year, not a series of years; vary ${input.path} itself (it then changes every year)`);
    const year = Number(first);
    return { varied: at({ kind: 'anchor', year, ...(second !== undefined && { end: second as Case }) }), kind: input.kind, everyYear: false };
  }
  throw new UsageError(`--vary: ${vary}: expected the input (${input.path}), one of its years (${input.path}.${years.at(-1) ?? 2023}, optionally .low, .base or .high) or its growth`);
}

/** The metric's line over the years of its table. */
function forecastLine(forecast: CaseForecast, prefix: string): [string, Decimal][] {
  const years = [forecast.market, forecast.profit, forecast.spend, forecast.labour, forecast.tech].flatMap((table) => table?.years ?? []);
  const out: [string, Decimal][] = [];
  for (const year of years) {
    const value = findMetric(forecast, `${prefix}.${year}`)?.value;
    if (value != null && !out.some(([y]) => y === String(year))) out.push([String(year), value]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}
