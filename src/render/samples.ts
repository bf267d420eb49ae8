// simulate --samples-file: the raw samples as CSV, one row per sample (the drawn
// quantile of each ranged input, then the value of each --metric), rendered a
// chunk of samples at a time so that memory does not grow with the samples.
import type { Traced } from '../engine/simulate/tracing.js';
import type { Chunk } from '../engine/simulate/simulate.js';

/**
 * The columns after `sample`: the ranged inputs' paths, then the metrics (each with its traced value, null when it has
 * none).
 */
export interface SamplesColumns {
  readonly inputs: readonly string[];
  readonly metrics: readonly { readonly address: string; readonly value: Traced | null }[];
}

/** The header: `sample`, `q:<path>` for each ranged input, then each metric's address. */
export function samplesHeader({ inputs, metrics }: SamplesColumns): string {
  return `${['sample', ...inputs.map((path) => `q:${path}`), ...metrics.map((metric) => metric.address)].join(',')}\n`;
}

/** The rows of one chunk of samples; a metric without a value leaves its cells empty. */
export function samplesRows(chunk: Chunk, { inputs, metrics }: SamplesColumns): string {
  const values = metrics.map(({ value }) => (value === null ? undefined : chunk.valueOf(value)));
  const rows: string[] = [];
  for (let i = 0; i < chunk.length; i++) {
    const draws = inputs.map((path) => chunk.draws.get(path)![i]);
    const traced = values.map((v) => (typeof v === 'number' ? v : v?.[i]));
    rows.push(`${[chunk.start + i, ...draws, ...traced].join(',')}\n`);
  }
  return rows.join('');
}
