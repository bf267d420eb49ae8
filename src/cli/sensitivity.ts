// `fintech-calc sensitivity [scenario] --metric <metric>`: which input moves a metric most.
import { Decimal } from '../shared/decimal.js';
import { findMetric } from '../engine/analysis/lines.js';
import { forecastCase } from '../engine/forecast.js';
import { sensitivity } from '../engine/analysis/sensitivity.js';
import {
  renderSensitivityCsv,
  renderSensitivityJson,
  renderSensitivityMarkdown,
  renderSensitivityTable,
  type SensitivityRenderOptions,
} from '../render/sensitivity.js';
import { unknownMetric } from './explain.js';
import { emit, loadScenarios, readSettings, styleFor } from './shared.js';
import type { Io } from './io.js';
import { checkOutputOptions, parsePercentOption, type Format, type RawOutputOptions } from './options.js';
import type { SensitivityResult } from '../engine/analysis/sensitivity.js';

const RENDERERS: Record<Format, (result: SensitivityResult, options: SensitivityRenderOptions) => string> = {
  table: renderSensitivityTable,
  json: renderSensitivityJson,
  csv: renderSensitivityCsv,
  md: renderSensitivityMarkdown,
};

export interface RawSensitivityOptions extends RawOutputOptions {
  readonly metric: string;
  readonly swing?: string;
}

export async function runSensitivity(scenarioArg: string | undefined, raw: RawSensitivityOptions, io: Io): Promise<number> {
  const options = checkOutputOptions(raw, io);
  const swing = raw.swing === undefined ? undefined : parsePercentOption('--swing', raw.swing, '10%', 1);
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  const { scenario } = loaded!;
  const forecast = forecastCase(scenario, 'base');
  const found = findMetric(forecast, raw.metric);
  if (found?.value == null) throw unknownMetric(raw.metric, forecast);
  const result = sensitivity(scenario, (f) => findMetric(f, raw.metric)?.value ?? new Decimal(0), swing);
  const style = await styleFor(options.color);
  emit(RENDERERS[options.format](result, { unit: options.unit, metric: raw.metric, kind: found.kind, scenario: scenario.name, lang: options.lang, style }), options.out, io);
  return 0;
}
