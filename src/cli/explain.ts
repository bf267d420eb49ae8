// `fintech-calc explain [scenario] <metric>`: where a forecast value comes from.
import { explainMetric, metricAddresses } from '../engine/explain.js';
import { forecastCase } from '../engine/forecast.js';
import type { CaseForecast } from '../engine/types.js';
import { renderExplainJson, renderExplainText } from '../render/explain.js';
import { didYouMean } from '../suggest.js';
import { UsageError } from './exit.js';
import { emit, loadScenarios, readSettings } from './shared.js';
import type { Io } from './io.js';
import { checkOutputOptions, type RawOutputOptions } from './options.js';

/** `explain <metric>` or `explain <scenario> <metric>`. */
export function scenarioAndMetric(first: string, second: string | undefined): [string, string] {
  return second === undefined ? ['baseline', first] : [first, second];
}

/** An error for an address the forecast does not have, with the closest one. */
export function unknownMetric(metric: string, forecast: CaseForecast): UsageError {
  return new UsageError(`unknown metric '${metric}'${didYouMean(metric, metricAddresses(forecast))}; metrics are addressed as in the JSON output, e.g. market.marketSize.2023, market.modes.receivables.size.2023, spend.cagr.total`);
}

export async function runExplain(first: string, second: string | undefined, raw: RawOutputOptions, io: Io): Promise<number> {
  const [scenarioArg, metric] = scenarioAndMetric(first, second);
  const options = checkOutputOptions(raw, io);
  if (options.format !== 'table' && options.format !== 'json') throw new UsageError(`--format: explain prints table (a tree) or json, not ${options.format}`);
  const [loaded] = await loadScenarios([scenarioArg], readSettings(raw.set, options.unit), io);
  const { scenario, file } = loaded!;
  const texts = options.cases.map((c) => {
    const forecast = forecastCase(scenario, c);
    const tree = explainMetric(scenario, forecast, c, metric);
    if (tree === undefined) throw unknownMetric(metric, forecast);
    const renderOptions = { unit: options.unit, lang: options.lang, file, scenario: scenario.name };
    return options.format === 'json' ? renderExplainJson(tree, c, renderOptions) : renderExplainText(tree, c, renderOptions);
  });
  emit(texts.join(options.format === 'json' ? '' : '\n'), options.out, io);
  return 0;
}
