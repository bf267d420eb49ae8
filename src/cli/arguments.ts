// Values of options read without commander, so that the library reads its
// options with the same code and messages: diff's thresholds (a tolerance
// `0.5`, `5亿`, `0.1%`; a --fail-on rule `profit.*.2023>1%`) and metric addresses.
import { Decimal } from '../shared/decimal.js';
import type { Tolerance } from '../engine/analysis/diff.js';
import { metricAddresses } from '../engine/analysis/explain.js';
import type { FailRule } from '../engine/analysis/rules.js';
import type { CaseForecast } from '../engine/types.js';
import { didYouMean } from '../shared/suggest.js';
import { AMOUNT_UNITS, unitSize } from '../shared/units.js';
import { UsageError } from './exit.js';

/** `0.5` (an amount in the output unit), `5亿` (an amount with a unit) or `0.1%` (relative). */
export function parseTolerance(text: string, outputUnit: string, option: string): Tolerance {
  const match = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(\S*)\s*$/.exec(text);
  const unit = match?.[2] ?? '';
  if (match && (unit === '%' || unit === '％')) return { kind: 'relative', fraction: new Decimal(match[1]!).dividedBy(100) };
  const size = unit === '' ? unitSize(outputUnit) : unitSize(unit);
  if (!match || size === undefined) {
    const hint = match && unit !== '' ? `unknown unit '${unit}'${didYouMean(unit, AMOUNT_UNITS.keys())}; ` : '';
    throw new UsageError(`${option}: ${hint}expected an amount in the output unit (0.5), an amount with a unit (5亿) or a percentage (0.1%), got '${text}'`);
  }
  return { kind: 'absolute', amount: new Decimal(match[1]!).times(size) };
}

const MAX_GLOB = 200;

/** `profit.*.2023>1%`, `market.marketSize.*>500亿`: a glob over metric addresses, `>`, a threshold. */
export function parseRule(text: string, outputUnit: string): FailRule {
  const match = /^([A-Za-z0-9_.*-]+)\s*>\s*(.+)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(`--fail-on: expected <metric glob>><threshold>, e.g. 'profit.*.2023>1%' or 'market.marketSize.*>500亿', got '${text}'`);
  }
  // Addresses are far shorter: a longer glob matches nothing, and would make an oversized pattern.
  if (match[1]!.length > MAX_GLOB) throw new UsageError(`--fail-on: a glob has at most ${MAX_GLOB} characters (metric addresses are shorter); got one of ${match[1]!.length}`);
  return { text: text.trim(), glob: match[1]!, threshold: parseTolerance(match[2]!, outputUnit, `--fail-on '${text}'`) };
}

/** An error for an address the forecast does not have, with the closest one. */
export function unknownMetric(metric: string, forecast: CaseForecast): UsageError {
  return new UsageError(`unknown metric '${metric}'${didYouMean(metric, metricAddresses(forecast))}; metrics are addressed as in the JSON output, e.g. market.marketSize.2023, market.modes.receivables.size.2023, spend.cagr.total`);
}
