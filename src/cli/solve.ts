// `fintech-calc solve [scenario] --target <metric>=<value> --vary <input>`: goal seek.
import { Decimal } from '../decimal.js';
import { forecastCase } from '../engine/forecast.js';
import { findMetric } from '../engine/lines.js';
import { solve } from '../engine/solve.js';
import type { Case, CaseForecast, Provenance, Scenario } from '../engine/types.js';
import { displayValue, machineValue } from '../render/numbers.js';
import { decodeScenario } from '../scenario/decode.js';
import { formatProblem, InputError, Problems } from '../scenario/problems.js';
import type { RawMap } from '../scenario/raw.js';
import { checkSettingPath, setAt } from '../scenario/set.js';
import { readRangeText, type ValueKind } from '../scenario/values.js';
import { unitSize } from '../units.js';
import { UsageError } from './exit.js';
import { unknownMetric } from './explain.js';
import { emit, loadScenarios, readSettings } from './shared.js';
import type { Io } from './io.js';
import { checkOutputOptions, type RawOutputOptions } from './options.js';

export const SOLVE_FORMAT = 'fintech-calc/solve@1';

export interface RawSolveOptions extends RawOutputOptions {
  readonly target: string;
  readonly vary: string;
}

const VARY_POS = { file: '--vary', line: 0, col: 0 };
/** How far an amount may grow while looking for the target: a million times its value. */
const AMOUNT_REACH = new Decimal('1e6');

export async function runSolve(scenarioArg: string | undefined, raw: RawSolveOptions, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  if (options.cases.length !== 1) throw new UsageError('--case: solve works on one case: low, base or high');
  const c: Case = options.cases[0]!;
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  const { scenario, root, file, origins } = loaded!;
  const forecast = forecastCase(scenario, c);

  const equals = raw.target.indexOf('=');
  const metric = raw.target.slice(0, Math.max(equals, 0)).trim();
  if (equals < 0) throw new UsageError(`--target: expected <metric>=<value>, e.g. market.marketSize.2023=6.5万亿, got '${raw.target}'`);
  const found = findMetric(forecast, metric);
  if (found?.value == null) throw unknownMetric(metric, forecast);
  const target = parseTarget(raw.target.slice(equals + 1), found.kind, options.unit);

  const path = raw.vary.split('.');
  const problems = new Problems();
  if (!checkSettingPath(root, path, { kind: 'scalar', pos: VARY_POS, text: '0', type: 'number' }, VARY_POS, problems)) throw new InputError(problems.list);
  const kind = varyKind(raw.vary, scenario.provenance);
  if (kind === 'count') throw new UsageError(`--vary: ${raw.vary} is a count of firms; solve varies amounts, ratios and growth rates`);
  const largest = largestWritten(raw.vary, scenario.provenance);
  let [lower, upper] = kind === 'ratio' ? [new Decimal(0), new Decimal(1)] : kind === 'growth' ? [new Decimal('-0.99'), new Decimal(10)] : [new Decimal(0), AMOUNT_REACH.times(largest)];

  const evaluate = (x: Decimal): CaseForecast => {
    const text = kind === 'amount' ? `${x.toFixed()}亿` : x.toFixed();
    const varied = setAt(root, path, { kind: 'scalar', pos: VARY_POS, text, type: 'string' }, VARY_POS) as RawMap;
    const attempt = new Problems();
    const variedScenario = decodeScenario(varied, scenario.name, attempt, origins);
    if (variedScenario === undefined || !attempt.empty) {
      throw new UsageError(`at ${raw.vary} = ${text} the scenario is invalid: ${attempt.list.map(formatProblem).join('; ')}`);
    }
    return forecastCase(variedScenario, c);
  };
  if (kind === 'amount' && !isValid(() => evaluate(lower))) lower = largest.times('1e-12'); // cagr needs anchors above 0
  // Checks can bound an input (frontier ≤ spend): the domain ends where the scenario stops being valid.
  if (!isValid(() => evaluate(upper)) && isValid(() => evaluate(lower))) upper = validityBoundary(lower, upper, (x) => isValid(() => evaluate(x)));
  const valueAt = (x: Decimal) => findMetric(evaluate(x), metric)!.value ?? new Decimal(0);
  const result = await solve({ f: async (x) => valueAt(x).minus(target), lower, upper });
  const show = (value: Decimal) => displayValue(value, found.kind, options.unit);
  if (result.kind === 'unreachable') {
    const [from, to] = [result.atLower.plus(target), result.atUpper.plus(target)];
    throw new UsageError(
      `${metric} cannot reach ${show(target)} by varying ${raw.vary} within [${lower.toFixed()}, ${kind === 'amount' ? `${upper.toFixed()}亿` : upper.toFixed()}]: it reaches ${show(Decimal.min(from, to))} … ${show(Decimal.max(from, to))}`,
    );
  }
  const solved = evaluate(result.x);
  const achieved = findMetric(solved, metric)!.value!;
  const lineOf = metric.split('.').slice(0, -1).join('.');
  const line = [...(forecastLine(solved, lineOf) ?? [])];
  const inputText = kind === 'amount' ? `${machineValue(result.x, 'amount', options.unit)} ${options.unit}` : `${result.x.times(100).toSignificantDigits(15).toFixed()}%`;
  if (options.format === 'json') {
    emit(
      `${JSON.stringify({
        format: SOLVE_FORMAT,
        scenario: scenario.name,
        file,
        case: c,
        unit: options.unit,
        vary: raw.vary,
        value: machineValue(result.x, kind === 'amount' ? 'amount' : 'ratio', options.unit),
        metric,
        target: machineValue(target, found.kind, options.unit),
        result: machineValue(achieved, found.kind, options.unit),
        iterations: result.iterations,
        line: Object.fromEntries(line.map(([year, value]) => [year, machineValue(value, found.kind, options.unit)])),
      })}\n`,
      options.out,
      io,
    );
    return 0;
  }
  if (options.format !== 'table') throw new UsageError(`--format: solve prints table or json, not ${options.format}`);
  const text = [
    `${raw.vary} = ${inputText}${kind === 'amount' ? '' : ` (${result.x.toSignificantDigits(20).toFixed()})`}`,
    `gives ${metric} = ${show(achieved)}${found.kind === 'amount' ? ` ${options.unit}` : ''} (target ${show(target)}), ${scenario.name}, ${c} case, ${result.iterations} iteration${result.iterations === 1 ? '' : 's'}`,
    `${lineOf}: ${line.map(([year, value]) => `${year} ${show(value)}`).join(' | ')}`,
  ];
  emit(`${text.join('\n')}\n`, options.out, io);
  return 0;
}

/** The largest x in [valid, invalid) at which the scenario is valid, by bisection. */
function validityBoundary(valid: Decimal, invalid: Decimal, isValidAt: (x: Decimal) => boolean): Decimal {
  let [good, bad] = [valid, invalid];
  for (let i = 0; i < 80 && bad.minus(good).greaterThan(bad.abs().times('1e-24')); i++) {
    const middle = good.plus(bad).dividedBy(2);
    if (isValidAt(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

function isValid(attempt: () => unknown): boolean {
  try {
    attempt();
    return true;
  } catch (error) {
    if (error instanceof UsageError) return false;
    throw error;
  }
}

function parseTarget(text: string, kind: ValueKind, outputUnit: string): Decimal {
  const problems = new Problems();
  const pos = { file: '--target', line: 0, col: 0 };
  const range = readRangeText(text, kind, pos, '', { problems, provenance: new Map(), unitSize: unitSize(outputUnit)!, unitName: outputUnit });
  if (range === undefined) throw new InputError(problems.list);
  if (!range.low.equals(range.high)) throw new UsageError(`--target: expected one value, not a range: '${text}'`);
  return range.base;
}

/** The provenance of the input a --vary path is in (the path, or a year or part of it). */
function inputOf(vary: string, provenance: Scenario['provenance']): Provenance | undefined {
  return [...provenance.values()].find((input) => vary === input.path || vary.startsWith(`${input.path}.`));
}

/** ratio, amount, or growth (for a path into `growth`). */
function varyKind(vary: string, provenance: Scenario['provenance']): ValueKind {
  if (vary.split('.').includes('growth')) return 'growth';
  return inputOf(vary, provenance)?.kind ?? 'ratio';
}

/** The largest written value of the input, in 亿元, to scale the search for an amount. */
function largestWritten(vary: string, provenance: Scenario['provenance']): Decimal {
  const anchors = [...(inputOf(vary, provenance)?.anchors.values() ?? [])];
  return anchors.reduce((max, anchor) => Decimal.max(max, anchor.range.high), new Decimal(1));
}

function forecastLine(forecast: CaseForecast, prefix: string): [string, Decimal][] | undefined {
  const years = forecast.market?.years ?? [];
  const out: [string, Decimal][] = [];
  for (const year of [...years, ...(forecast.spend?.years ?? [])]) {
    const value = findMetric(forecast, `${prefix}.${year}`)?.value;
    if (value != null && !out.some(([y]) => y === String(year))) out.push([String(year), value]);
  }
  return out.sort(([a], [b]) => a.localeCompare(b));
}
