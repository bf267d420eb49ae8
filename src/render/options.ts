import type { Forecast, TableName } from '../engine/types.js';
import type { Lang } from './labels.js';
import type { SparkStyle } from './spark.js';
import type { Style } from './style.js';

/** One scenario's forecast with the file it came from, as the user named it. */
export interface ScenarioResult {
  readonly forecast: Forecast;
  readonly file: string;
  /** The reproducibility stamp to print with it, if any (plain data). */
  readonly stamp?: object;
}

export interface RenderOptions {
  /** Output unit of amounts (亿元, 万亿元, 元, bn, tn). */
  readonly unit: string;
  readonly lang: Lang;
  readonly tables: readonly TableName[];
  /** Emphasis: colour on a terminal (unless NO_COLOR or --no-color), else plain. */
  readonly style: Style;
  /** A trend column of sparklines (tables and Markdown), in this style. */
  readonly spark?: SparkStyle;
}
