// `fintech-calc solve [scenario] --target <metric>=<value> --vary <input>`: goal seek.
import { Decimal } from '../../shared/decimal.js';
import { forecastCase } from '../../engine/forecast.js';
import { inputsOf } from '../../engine/analysis/inputs.js';
import { findMetric } from '../../engine/analysis/lines.js';
import { solve, validInterval, type ValidInterval } from '../../engine/analysis/solve.js';
import type { Case, CaseForecast, Provenance, Scenario } from '../../engine/types.js';
import { inputText, metricText, renderSolveJson, renderSolveText, type Solution } from '../../render/solve.js';
import { decodeScenario } from '../../scenario/decode.js';
import { InputError, Problems, type Problem } from '../../scenario/problems.js';
import type { RawMap } from '../../scenario/raw.js';
import { checkSettingPath, setAt } from '../../scenario/set.js';
import type { ValueKind } from '../../scenario/values.js';
import { helpAfter, type CommandContext, type OptionsOf, type Program } from '../command.js';
import { UsageError } from '../exit.js';
import { emit, loadScenarios, metricError, readSettings, refuseInputsAsOutputs } from '../shared.js';
import { parseMetricValue, splitMetricValue } from '../metric-value.js';
import type { Io } from '../io.js';
import { caseOption, checkOutputOptions, outputOptions, type Format } from '../options.js';

const VARY_POS = { file: '--vary', line: 0, col: 0 };
/** How far an amount may grow while looking for the target: a million times its value. */
const AMOUNT_REACH = new Decimal('1e6');
const YEAR = /^\d{4}$/;
const ENDS = ['low', 'base', 'high'];

/** What --vary names: an input, or one year, one end of a year's range, or the growth of one. */
interface Varied {
  readonly path: readonly string[];
  readonly kind: ValueKind;
  readonly input: Provenance;
  /** Its value in the scenario, in the case solved, where it has one. */
  readonly current: Decimal | undefined;
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
  const { scenario, root, file, origins } = loaded!;
  const forecast = forecastCase(scenario, c);

  const { metric, value } = splitMetricValue('--target', raw.target);
  const found = findMetric(forecast, metric);
  if (found?.value == null) throw metricError(metric, forecast);
  const target = parseMetricValue('--target', value, found.kind, options.unit);
  const varied = variedInput(raw.vary, root, scenario, c);
  const { kind } = varied;
  const inputKind = kind === 'amount' ? 'amount' : 'ratio';

  /** The scenario with the input at x, or the first problem that makes it invalid there. */
  const scenarioAt = (x: Decimal): Scenario | Problem => {
    // A percentage for ratios and growth rates: a bare number is bounded to [-1, 1] there.
    const text = kind === 'amount' ? `${x.toFixed()}亿` : `${x.times(100).toFixed()}%`;
    const variedRoot = setAt(root, varied.path, { kind: 'scalar', pos: VARY_POS, text, type: 'string' }, VARY_POS) as RawMap;
    const problems = new Problems();
    const variedScenario = decodeScenario(variedRoot, scenario.name, problems, origins);
    return variedScenario === undefined || !problems.empty ? problems.list[0]! : variedScenario;
  };
  const isValid = (x: Decimal) => !('message' in scenarioAt(x));
  const problemAt = (x: Decimal) => problemText(scenarioAt(x) as Problem);
  const forecastAt = (x: Decimal) => forecastCase(scenarioAt(x) as Scenario, c);
  const nominal = nominalDomain(varied, scenario);
  const inside = [varied.current, nominal.lower, nominal.upper].find((x) => x !== undefined && isValid(x));
  if (inside === undefined) {
    throw new UsageError(`--vary: at every value tried the scenario is invalid, e.g. at ${raw.vary} = ${inputText(nominal.lower, inputKind, options.unit)}: ${problemAt(nominal.lower)}`);
  }
  // Checks can bound an input (frontier ≤ spend): the domain ends where the scenario stops being valid.
  // Its ends are found roughly first; only a target not met within them needs them exactly.
  const valueAt = (x: Decimal) => findMetric(forecastAt(x), metric)!.value ?? new Decimal(0);
  const search = async (precision: string, coarse?: ValidInterval) => {
    const domain = validInterval(isValid, inside, nominal.lower, nominal.upper, new Decimal(precision), coarse);
    return { domain, result: await solve({ f: async (x) => valueAt(x).minus(target), lower: domain.lower, upper: domain.upper, inside }) };
  };
  let { domain, result } = await search('1e-6');
  if (result.kind !== 'solved' && (domain.belowLower || domain.aboveUpper)) ({ domain, result } = await search('1e-24', domain));
  const show = (value: Decimal) => metricText(value, found.kind, options.unit);
  const within = `[${inputText(domain.lower, inputKind, options.unit)}, ${inputText(domain.upper, inputKind, options.unit)}]`;
  const why = [
    domain.belowLower && `below it, ${problemAt(domain.belowLower)}`,
    domain.aboveUpper && `above it, ${problemAt(domain.aboveUpper)}`,
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
  const solved = forecastAt(result.x);
  const lineName = metric.split('.').slice(0, -1).join('.');
  const solution: Solution = {
    scenario: scenario.name,
    file,
    case: c,
    vary: raw.vary,
    inputKind,
    value: result.x,
    everyYear: varied.everyYear,
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

function problemText(problem: Problem): string {
  return `${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;
}

/** Where the search may go before the scenario's checks: ratios in [0, 1], growth in [-99%, 1000%], amounts up to 10⁶ × the largest written. */
function nominalDomain(varied: Varied, scenario: Scenario): { lower: Decimal; upper: Decimal } {
  const atLeastCurrent = (upper: Decimal) => (varied.current === undefined ? upper : Decimal.max(upper, varied.current));
  switch (varied.kind) {
    case 'ratio':
      return { lower: new Decimal(0), upper: new Decimal(1) };
    case 'growth':
      return { lower: new Decimal('-0.99'), upper: atLeastCurrent(new Decimal(10)) };
    default:
      return { lower: new Decimal(0), upper: AMOUNT_REACH.times(largestWritten(varied.input, scenario)) };
  }
}

/**
 * The input --vary names, with its value now. A year-less path varies the whole
 * input, one value every year: allowed only for an input that is one value every
 * year already, so that nothing is flattened behind the user's back.
 */
function variedInput(vary: string, root: RawMap, scenario: Scenario, c: Case): Varied {
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
  const series = (year: number) => inputsOf(scenario).get(input.path)?.get(year)?.[c] ?? input.anchors.get(year)?.range[c];
  if (first === '') {
    if (!oneValue) {
      const grown = input.growth ? ` or its growth (${input.path}.growth)` : '';
      throw new UsageError(
        `--vary: ${vary} changes from year to year (anchors ${years.join(', ')}${input.growth ? ', then growth' : ''}); name the year to vary, e.g. ${input.path}.${years.at(-1)}${grown}: varying it whole would make it one value every year`,
      );
    }
    return { path, kind: input.kind, input, current: input.anchors.get(0)!.range[c], everyYear: true };
  }
  if (first === 'growth' && second === undefined) {
    if (!input.growth) throw new UsageError(`--vary: ${input.path} has no growth rate (it runs through anchors ${years.join(', ')}); vary one of its years, e.g. ${input.path}.${years.at(-1) ?? 2023}`);
    return { path, kind: 'growth', input, current: input.growth.range[c], everyYear: false };
  }
  if (YEAR.test(first!) && (second === undefined || ENDS.includes(second))) {
    if (oneValue) throw new UsageError(`--vary: ${input.path} is one value every year, not a series of years; vary ${input.path} itself (it then changes every year)`);
    const year = Number(first);
    const current = second === undefined ? series(year) : input.anchors.get(year)?.range[second as Case];
    return { path, kind: input.kind, input, current, everyYear: false };
  }
  throw new UsageError(`--vary: ${vary}: expected the input (${input.path}), one of its years (${input.path}.${years.at(-1) ?? 2023}, optionally .low, .base or .high) or its growth`);
}

/** The largest written value of the input, in 亿元, to scale the search for an amount. */
function largestWritten(input: Provenance, scenario: Scenario): Decimal {
  const written = [...input.anchors.values()].map((anchor) => anchor.range.high);
  const series = [...(inputsOf(scenario).get(input.path)?.values() ?? [])].map((range) => range.high);
  return [...written, ...series].reduce((max, value) => Decimal.max(max, value), new Decimal(1));
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
