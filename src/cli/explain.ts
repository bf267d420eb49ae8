// `fintech-calc explain [scenario] <metric>`: where a forecast value comes from.
import { existsSync } from 'node:fs';
import { explainMetric, metricAddresses } from '../engine/analysis/explain.js';
import { forecastCase } from '../engine/forecast.js';
import type { CaseForecast } from '../engine/types.js';
import { renderExplainJson, renderExplainText } from '../render/explain.js';
import { didYouMean } from '../shared/suggest.js';
import { UsageError } from './exit.js';
import { emit, loadScenarios, looksLikeMetric, readSettings } from './shared.js';
import { bundledNames, type Io } from './io.js';
import { checkOutputOptions, type RawOutputOptions } from './options.js';

/**
 * `explain <metric>` or `explain <scenario> <metric>`; a metric before its
 * scenario, or a scenario alone, is a usage error that says so.
 */
export function scenarioAndMetric(first: string, second: string | undefined, isScenario: (arg: string) => boolean): [string, string] {
  if (second === undefined) {
    if (isScenario(first)) throw new UsageError(`explain needs a metric after the scenario, e.g. fintech-calc explain ${first} market.marketSize.2023`);
    return ['baseline', first];
  }
  if (looksLikeMetric(first) && !looksLikeMetric(second)) throw new UsageError(`the scenario comes first, then the metric: fintech-calc explain ${second} ${first}`);
  return [first, second];
}

/** An error for an address the forecast does not have, with the closest one. */
export function unknownMetric(metric: string, forecast: CaseForecast): UsageError {
  return new UsageError(`unknown metric '${metric}'${didYouMean(metric, metricAddresses(forecast))}; metrics are addressed as in the JSON output, e.g. market.marketSize.2023, market.modes.receivables.size.2023, spend.cagr.total`);
}

export async function runExplain(first: string, second: string | undefined, raw: RawOutputOptions, io: Io): Promise<number> {
  const isScenario = (arg: string) => /\.ya?ml$/i.test(arg) || bundledNames(io).includes(arg) || existsSync(arg);
  const [scenarioArg, metric] = scenarioAndMetric(first, second, isScenario);
  const options = checkOutputOptions(raw, io, ['table', 'json']);
  const [loaded] = await loadScenarios([scenarioArg], readSettings(raw.set, options.unit), io);
  const { scenario, file } = loaded!;
  const texts = options.cases.map((c) => {
    const tree = explainMetric(scenario, c, metric);
    if (tree === undefined) throw unknownMetric(metric, forecastCase(scenario, c));
    const renderOptions = { unit: options.unit, lang: options.lang, file, scenario: scenario.name };
    return options.format === 'json' ? renderExplainJson(tree, c, renderOptions) : renderExplainText(tree, c, renderOptions);
  });
  emit(texts.join(options.format === 'json' ? '' : '\n'), options.out, io);
  return 0;
}
