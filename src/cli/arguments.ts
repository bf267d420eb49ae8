// Values of options read without commander, so that the library reads its
// options with the same code and messages: diff's thresholds (a tolerance
// `0.5`, `5亿`, `0.1%`; a --fail-on rule `profit.*.2023>1%`) and metric addresses.
import type { Tolerance } from '../engine/analysis/diff.js';
import { findMetric, metricAddresses } from '../engine/analysis/lines.js';
import { NO_METRIC_VALUE } from '../engine/metrics.js';
import type { FailRule } from '../engine/analysis/rules.js';
import type { SensitivityResult } from '../engine/analysis/sensitivity.js';
import type { CaseForecast } from '../engine/types.js';
import { PERCENT_SIGNS } from '../scenario/syntax.js';
import { quoted, readOptionValue } from '../scenario/values.js';
import { isOutOfRange, RANGE_TEXT } from '../shared/limits.js';
import { didYouMean } from '../shared/suggest.js';
import { AMOUNT_UNITS, unitSize } from '../shared/units.js';
import { UsageError } from './exit.js';

const TOLERANCE = 'expected an amount in the output unit (0.5), an amount with a unit (5亿) or a percentage (0.1%)';

/**
 * `0.5` (an amount in the output unit), `5亿` (an amount with a unit) or `0.1%`
 * (relative), in the value syntax (1e3, 1,000, ５).
 */
export function parseTolerance(text: string, outputUnit: string, option: string): Tolerance {
  const value = readOptionValue(text);
  if (typeof value === 'string') throw new UsageError(`${option}: ${value}; ${TOLERANCE}`);
  const { number, unit } = value;
  if (number.isNegative() && !number.isZero()) {
    throw new UsageError(`${option}: a tolerance is not negative; ${TOLERANCE}, got ${quoted(text)}`);
  }
  if (unit !== undefined && PERCENT_SIGNS.includes(unit)) {
    return { kind: 'relative', fraction: number.abs().dividedBy(100) };
  }
  const size = unitSize(unit ?? outputUnit);
  if (size === undefined) {
    const suggestion = didYouMean(unit!, AMOUNT_UNITS.keys());
    throw new UsageError(`${option}: unknown unit ${quoted(unit!)}${suggestion}; ${TOLERANCE}, got ${quoted(text)}`);
  }
  const amount = number.abs().times(size);
  if (isOutOfRange('amount', amount)) {
    throw new UsageError(`${option}: ${quoted(text)} is out of range: ${RANGE_TEXT.amount}`);
  }
  return { kind: 'absolute', amount };
}

const MAX_GLOB = 200;

/** `profit.*.2023>1%`, `market.marketSize.*>500亿`: a glob over metric addresses, `>`, a threshold. */
export function parseRule(text: string, outputUnit: string): FailRule {
  const match = /^([A-Za-z0-9_.*-]+)\s*>\s*(.+)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(
      "--fail-on: expected <metric glob>><threshold>, e.g. 'profit.*.2023>1%' or 'market.marketSize.*>500亿', " +
        `got '${text}'`,
    );
  }
  // Addresses are far shorter: a longer glob matches nothing, and would make an oversized pattern.
  if (match[1]!.length > MAX_GLOB) {
    throw new UsageError(
      `--fail-on: a glob has at most ${MAX_GLOB} characters (metric addresses are shorter); ` +
        `got one of ${match[1]!.length}`,
    );
  }
  const threshold = parseTolerance(match[2]!, outputUnit, `--fail-on '${text}'`);
  return { text: text.trim(), glob: match[1]!, threshold };
}

/**
 * Sensitivity's answer when the metric has no value at some input's low or
 * high (a user's formula dividing by 0 there): it needs a value at every end.
 */
export function sensitivityNoValueError(metric: string, result: SensitivityResult): UsageError | undefined {
  const [none] = result.noValue ?? [];
  if (none === undefined) return undefined;
  return new UsageError(
    `--metric: ${metric} has no value when ${none.input} is at its ${none.end} ` +
      '(a division by 0 in its formula); ' +
      "sensitivity needs the metric's value at every input's low and high",
  );
}

/**
 * An error for a metric the forecast has no value at: an address it has without
 * a value (a CAGR or a growth rate from 0) says why; any other, the closest one.
 */
export function metricError(metric: string, forecast: CaseForecast): UsageError {
  if (findMetric(forecast, metric)?.value === null) {
    return new UsageError(`${metric} has no value in this scenario: ${whyNoValue(metric)}`);
  }
  return new UsageError(
    `unknown metric '${metric}'${didYouMean(metric, metricAddresses(forecast))}; ` +
      'metrics are addressed as in the JSON ' +
      'output, e.g. market.marketSize.2023, market.modes.receivables.size.2023, spend.cagr.total',
  );
}

/**
 * The models leave a value out only where it would divide by 0: a CAGR from a
 * first value of 0, a growth from a year of 0.
 */
function whyNoValue(metric: string): string {
  if (metric.startsWith('metrics.')) return NO_METRIC_VALUE;
  return /(^|\.)cagr(\.|$)/.test(metric)
    ? 'the CAGR is undefined because its first value is 0'
    : 'the growth rate is undefined because the year before is 0';
}
