// What a report shows, as the CLI gathers it from the engine: renderers lay it
// out and format it, and compute none of its numbers.
import type { AttributionResult } from '../../engine/analysis/attribution.js';
import type { Comparison } from '../../engine/analysis/diff.js';
import type { Line, ValueKind } from '../../engine/analysis/lines.js';
import type { SensitivityResult } from '../../engine/analysis/sensitivity.js';
import type { SampleStats } from '../../engine/simulate/stats.js';
import type { Traced } from '../../engine/simulate/tracing.js';
import type { Case, Distribution, Forecast } from '../../engine/types.js';
import type { Lang } from '../labels.js';

export interface ReportData {
  readonly title: string;
  readonly scenarios: readonly ScenarioReport[];
  /** The first scenario against each other one (two or more scenarios). */
  readonly comparisons: readonly ScenarioComparison[];
  /** The reproducibility stamp (version, files and SHA-256, --set, seed). */
  readonly stamp: ReportStamp;
}

export interface ScenarioReport {
  readonly file: string;
  /** Every case: the charts show `chosen`, with bands from low to high. */
  readonly forecast: Forecast;
  readonly chosen: Case;
  readonly tornadoes: readonly Tornado[];
  readonly simulation?: SimulationReport;
}

export interface Tornado {
  readonly metric: string;
  readonly kind: ValueKind;
  readonly result: SensitivityResult;
}

/** The percentiles the fan charts and histogram tables show: SampleStats.percentiles holds them in this order. */
export const FAN_PERCENTILES: readonly number[] = [5, 25, 50, 75, 95];
/** The columns of a histogram (SampleStats.histogram). */
export const HISTOGRAM_COLUMNS = 40;

/**
 * One output of the simulation: a line's value in one year, over the samples
 * (FAN_PERCENTILES; a histogram for a --metric).
 */
export interface SampledValue {
  readonly line: Line<Traced>;
  readonly year: string;
  readonly stats: SampleStats;
}

export interface SimulationReport {
  readonly samples: number;
  readonly seed: number;
  readonly dist: Distribution;
  /** Each year of the fan charts' lines (market size, profit). */
  readonly fans: readonly (readonly SampledValue[])[];
  readonly histograms: readonly SampledValue[];
}

export interface ScenarioComparison {
  readonly a: number;
  readonly b: number;
  readonly comparison: Comparison;
  readonly attribution: AttributionResult;
}

export interface ReportStamp {
  readonly tool: string;
  readonly version: string;
  readonly scenarios: readonly {
    readonly file: string;
    readonly chain: readonly { readonly file: string; readonly sha256: string }[];
  }[];
  readonly set: readonly string[];
  readonly setUnit?: string;
  /** The Monte Carlo settings, with -n. */
  readonly simulate?: { readonly samples: number; readonly seed: number; readonly dist: Distribution };
}

export interface ReportOptions {
  readonly unit: string;
  readonly lang: Lang;
}
