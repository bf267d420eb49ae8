import type { Forecast, TableName } from '../engine/types.js';
import type { Lang } from './labels.js';

/** One scenario's forecast with the file it came from, as the user named it. */
export interface ScenarioResult {
  readonly forecast: Forecast;
  readonly file: string;
}

export interface RenderOptions {
  /** Output unit of amounts (亿元, 万亿元, 元, bn, tn). */
  readonly unit: string;
  readonly lang: Lang;
  readonly tables: readonly TableName[];
  /** Colour escapes allowed (a terminal, and neither NO_COLOR nor --no-color). */
  readonly color: boolean;
}
