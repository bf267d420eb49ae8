// solve's request read and answered, for the command and the library alike (no
// commander here): the target and the input named, checked against the scenario,
// the engine's search run, and its outcome as a Solution or a usage error.
// `options` names the target and the input in messages: `--target`/`--vary`
// on the command line, `target`/`vary` in the library.
import type { Decimal } from '../shared/decimal.js';
import { findMetric } from '../engine/analysis/lines.js';
import { solveFor, type Varied } from '../engine/analysis/solve.js';
import { forecastCase } from '../engine/forecast.js';
import { CASES, type Case, type CaseForecast, type InputProblem, type Scenario } from '../engine/types.js';
import { inputText, metricText, type Solution } from '../render/solve.js';
import { InputError, Problems } from '../scenario/problems.js';
import type { RawMap } from '../scenario/raw.js';
import { checkSettingPath } from '../scenario/set.js';
import type { ValueKind } from '../scenario/values.js';
import { metricError } from './arguments.js';
import { UsageError } from './exit.js';
import { parseMetricValue } from './metric-value.js';

/** A scenario as solve needs it: decoded, its merged tree (for the input's path), the file as named. */
export interface SolvedScenario {
  readonly scenario: Scenario;
  tree(): Promise<RawMap>;
  readonly file: string;
}

export interface SolveRequest {
  /** The metric's address (market.marketSize.2023) and its target, in any value syntax. */
  readonly metric: string;
  readonly target: string;
  /** The input to vary, as --set names it. */
  readonly vary: string;
  readonly case: Case;
  /** The output unit: of a bare target and of the amounts in messages. */
  readonly unit: string;
}

/** How messages name the target and the input. */
export interface SolveOptionNames {
  readonly target: string;
  readonly vary: string;
}

export const CLI_NAMES: SolveOptionNames = { target: '--target', vary: '--vary' };

const YEAR = /^\d{4}$/;

/** The value of `request.vary` at which the metric meets its target; a UsageError or InputError when none does. */
export async function goalSeek(
  loaded: SolvedScenario,
  request: SolveRequest,
  names: SolveOptionNames,
): Promise<Solution> {
  const { scenario, file } = loaded;
  const { metric, vary, unit, case: c } = request;
  const forecast = forecastCase(scenario, c);
  const found = findMetric(forecast, metric);
  if (found?.value == null) throw metricError(metric, forecast);
  const target = parseMetricValue(names.target, request.target, found.kind, unit);
  const { varied, kind, everyYear } = variedInput(vary, await loaded.tree(), scenario, names.vary);
  const inputKind = kind === 'amount' ? 'amount' : 'ratio';
  const outcome = await solveFor(scenario, varied, metric, target, c);
  if (outcome.kind === 'invalid') {
    const at = `${vary} = ${inputText(outcome.at, inputKind, unit)}`;
    const why = problemText(outcome.problem);
    throw new UsageError(`${names.vary}: at every value tried the scenario is invalid, e.g. at ${at}: ${why}`);
  }
  const { domain, result } = outcome;
  const show = (value: Decimal) => metricText(value, found.kind, unit);
  const within = `[${inputText(domain.lower, inputKind, unit)}, ${inputText(domain.upper, inputKind, unit)}]`;
  const why = [
    outcome.belowLower && `below it, ${problemText(outcome.belowLower)}`,
    outcome.aboveUpper && `above it, ${problemText(outcome.aboveUpper)}`,
  ].filter((text) => text !== undefined);
  const bounds = `${within}${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
  if (result.kind === 'flat') {
    const stays = show(result.at.plus(target));
    throw new UsageError(`${metric} does not depend on ${vary}: it stays ${stays} over ${bounds}`);
  }
  if (result.kind === 'unreachable' && !result.monotone) {
    const [least, most] = [result.least.plus(target), result.most.plus(target)];
    const covers = `it covers ${show(least)} to ${show(most)}, which does not reach ${show(target)}`;
    throw new UsageError(`${metric} is not monotone in ${vary}: within ${bounds} ${covers}`);
  }
  if (result.kind === 'unreachable') {
    const [from, to] = [result.atLower.plus(target), result.atUpper.plus(target)];
    const ends = `at the ends of that interval it is ${show(from)} and ${show(to)}`;
    throw new UsageError(`${metric} cannot reach ${show(target)} by varying ${vary} within ${bounds}: ${ends}`);
  }
  const solved = outcome.forecast!;
  const lineName = metric.split('.').slice(0, -1).join('.');
  return {
    scenario: scenario.name,
    file,
    case: c,
    vary,
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
}

function problemText(problem: InputProblem): string {
  return `${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`;
}

/** What --vary names, for the engine (which value to vary) and for people (its kind; whether it is every year's). */
interface VariedInput {
  readonly varied: Varied;
  readonly kind: ValueKind;
  /** The whole input (one value every year), not one year of it. */
  readonly everyYear: boolean;
}

/**
 * The input --vary names, with its value now. A year-less path varies the whole
 * input, one value every year: allowed only for an input that is one value every
 * year already, so that nothing is flattened behind the user's back.
 */
function variedInput(vary: string, root: RawMap, scenario: Scenario, option: string): VariedInput {
  const path = vary.split('.');
  const problems = new Problems();
  const pos = { file: option, line: 0, col: 0 };
  const probe = { kind: 'scalar', pos, text: '0', type: 'number' } as const;
  if (!checkSettingPath(root, path, probe, pos, problems)) throw new InputError(problems.list);
  const fail = (message: string) => new UsageError(`${option}: ${message}`);
  const input = [...scenario.provenance.values()].find(
    (candidate) => vary === candidate.path || vary.startsWith(`${candidate.path}.`),
  );
  if (input === undefined) {
    const inside = [...scenario.provenance.keys()].filter((candidate) => candidate.startsWith(`${vary}.`));
    throw fail(`${vary} is not an input${inside.length > 0 ? `; vary one of its inputs: ${inside.join(', ')}` : ''}`);
  }
  if (input.kind === 'count') throw fail(`${vary} is a count of firms; solve varies amounts, ratios and growth rates`);
  const [first, second] = vary.slice(input.path.length + 1).split('.');
  const years = [...input.anchors.keys()].filter((year) => year !== 0);
  const lastYear = `${input.path}.${years.at(-1) ?? 2023}`;
  const oneValue = input.method === 'constant' || input.method === 'default';
  const at = (part: Varied['part']): Varied => ({ input: input.path, part });
  if (first === '') {
    if (!oneValue) {
      const grown = input.growth ? ` or its growth (${input.path}.growth)` : '';
      const anchors = `anchors ${years.join(', ')}${input.growth ? ', then growth' : ''}`;
      throw fail(
        `${vary} changes from year to year (${anchors}); ` +
          `name the year to vary, e.g. ${input.path}.${years.at(-1)}${grown}: ` +
          'varying it whole would make it one value every year',
      );
    }
    return { varied: at({ kind: 'every year' }), kind: input.kind, everyYear: true };
  }
  if (first === 'growth' && second === undefined) {
    if (!input.growth) {
      const anchors = `it runs through anchors ${years.join(', ')}`;
      throw fail(`${input.path} has no growth rate (${anchors}); vary one of its years, e.g. ${lastYear}`);
    }
    return { varied: at({ kind: 'growth' }), kind: 'growth', everyYear: false };
  }
  if (YEAR.test(first!) && (second === undefined || (CASES as readonly string[]).includes(second))) {
    if (oneValue) {
      const whole = `vary ${input.path} itself (it then changes every year)`;
      throw fail(`${input.path} is one value every year, not a series of years; ${whole}`);
    }
    const year = Number(first);
    const end = second !== undefined && { end: second as Case };
    return { varied: at({ kind: 'anchor', year, ...end }), kind: input.kind, everyYear: false };
  }
  const year = `one of its years (${lastYear}, optionally .low, .base or .high)`;
  throw fail(`${vary}: expected the input (${input.path}), ${year} or its growth`);
}

/** The metric's line over the years of its table. */
function forecastLine(forecast: CaseForecast, prefix: string): [string, Decimal][] {
  const tables = [forecast.market, forecast.profit, forecast.spend, forecast.labour, forecast.tech];
  const years = tables.flatMap((table) => table?.years ?? []);
  const out: [string, Decimal][] = [];
  for (const year of years) {
    const value = findMetric(forecast, `${prefix}.${year}`)?.value;
    if (value != null && !out.some(([y]) => y === String(year))) out.push([String(year), value]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}
