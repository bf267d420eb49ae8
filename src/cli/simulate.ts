// `fintech-calc simulate [scenario]`: Monte Carlo over the input ranges.
import type { Traced } from '../engine/calc.js';
import { linesOf } from '../engine/lines.js';
import { sampledInputs, simulate, type Chunk, type SimulationSettings } from '../engine/simulate.js';
import { DISTRIBUTIONS, type Distribution } from '../engine/types.js';
import { changeAddress } from '../engine/rules.js';
import {
  renderSimulateCsv,
  renderSimulateJson,
  renderSimulateMarkdown,
  renderSimulateTable,
  type SimulatedOutput,
  type SimulateRenderOptions,
} from '../render/simulate.js';
import { didYouMean } from '../suggest.js';
import { UsageError } from './exit.js';
import { emit, loadScenarios, readSettings, styleFor, tablesOf } from './shared.js';
import { writeFileAtomic, type Io } from './io.js';
import { checkOutputOptions, wantsStamp, type Format, type RawOutputOptions } from './options.js';

const RENDERERS: Record<Format, (outputs: readonly SimulatedOutput[], options: SimulateRenderOptions) => string> = {
  table: renderSimulateTable,
  json: renderSimulateJson,
  csv: renderSimulateCsv,
  md: renderSimulateMarkdown,
};

export interface RawSimulateOptions extends RawOutputOptions {
  readonly samples: string;
  readonly seed: string;
  readonly dist: string;
  readonly percentiles: string;
  readonly metric: readonly string[];
  readonly samplesFile?: string;
}

const MAX_SAMPLES = 10_000_000;

/** A value of the traced forecast: one metric, key and year. */
type Output = Omit<SimulatedOutput, 'stats'> & { readonly value: Traced | null };

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`${option}: expected a whole number from ${min} to ${max}, got '${text}'`);
  return value;
}

export async function runSimulate(scenarioArg: string | undefined, raw: RawSimulateOptions, io: Io): Promise<number> {
  const options = checkOutputOptions({ ...raw, case: 'base' }, io);
  const samples = wholeNumber('-n, --samples', raw.samples, 1, MAX_SAMPLES);
  const seed = wholeNumber('--seed', raw.seed, 0, 2 ** 31 - 1);
  const dist = DISTRIBUTIONS.find((name) => name === raw.dist);
  if (!dist) throw new UsageError(`--dist: '${raw.dist}' is not one of ${DISTRIBUTIONS.join(', ')}${didYouMean(raw.dist, DISTRIBUTIONS)}`);
  const percentiles = raw.percentiles.split(',').map((p) => {
    const value = Number(p.trim());
    if (p.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--percentiles: expected numbers from 0 to 100, e.g. 5,50,95, got '${raw.percentiles}'`);
    return value;
  });
  const [loaded] = await loadScenarios([scenarioArg ?? 'baseline'], readSettings(raw.set, options.unit), io);
  const { scenario } = loaded!;
  const tables = tablesOf([loaded!], options.tables);
  const settings: SimulationSettings = { samples, seed, dist: dist as Distribution, tables };

  const simulation = simulate(scenario, settings);
  const outputs: Output[] = linesOf(simulation.forecast, tables).flatMap((line) => [...line.values].map(([year, value]) => ({ line, year, value })));
  const address = (output: Output) => changeAddress({ ...output.line, year: output.year });
  const metrics = raw.metric.map((metric) => {
    const index = outputs.findIndex((o) => address(o) === metric);
    if (index < 0) throw new UsageError(`--metric: unknown metric '${metric}'${didYouMean(metric, outputs.map(address))}`);
    return index;
  });
  const progress = io.stderrIsTerminal && samples >= 100_000 ? progressLine(samples, io) : undefined;
  // One pass over the samples: the statistics, and the rows of --samples-file when asked.
  const run = (write?: (text: string) => void) => {
    const rows = write && samplesTable(sampledInputs(scenario, settings.dist).map((input) => input.path), metrics.map((index) => outputs[index]!), write);
    return simulation.run(
      outputs.map((output) => output.value),
      {
        values: metrics.map((index) => outputs[index]!.value),
        chunk: (chunk) => {
          rows?.(chunk);
          progress?.(chunk.start + chunk.length);
        },
      },
    );
  };
  const stats = raw.samplesFile === undefined ? run() : writeSamples(raw.samplesFile, run);
  if (progress) io.stderr('\r\u001b[K');
  const simulated: SimulatedOutput[] = outputs.map((output, i) => ({ ...output, stats: stats[i]! }));
  const histograms = metrics.map((index) => simulated[index]!);

  const stamp = wantsStamp(raw.stamp, options.format) ? { ...(await (await import('./stamp.js')).stampOf([loaded!], raw.set, options.unit)), simulate: { samples, seed, dist } } : undefined;
  const style = await styleFor(options.color);
  const text = RENDERERS[options.format](simulated, { unit: options.unit, lang: options.lang, style, scenario: scenario.name, samples, seed, dist, percentiles, histograms, ...(stamp && { stamp }) });
  emit(text, options.out, io);
  return 0;
}

/** The progress line on stderr, redrawn when its percentage changes. */
function progressLine(samples: number, io: Io): (done: number) => void {
  let shown = -1;
  return (done) => {
    const percent = Math.floor((done / samples) * 100);
    if (percent !== shown) io.stderr(`\rsimulating ${(shown = percent)}%`);
  };
}

/** --samples: the file, written atomically as the chunks come; returns what `produce` returns. */
function writeSamples<T>(file: string, produce: (write: (text: string) => void) => T): T {
  let result: T | undefined;
  try {
    writeFileAtomic(file, (write) => {
      result = produce(write);
    });
    return result!;
  } catch (error) {
    throw new UsageError(`--samples: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Writes the header of the samples file, and returns what writes a chunk's rows:
 * one row per sample, the drawn quantile of each ranged input and the --metric
 * values (a chunk at a time: memory does not grow with the samples).
 */
function samplesTable(inputs: readonly string[], metrics: readonly Output[], write: (text: string) => void): (chunk: Chunk) => void {
  const name = (output: Output) => changeAddress({ ...output.line, year: output.year });
  write(`${['sample', ...inputs.map((path) => `q:${path}`), ...metrics.map(name)].join(',')}\n`);
  return (chunk) => {
    const values = metrics.map(({ value }) => (value === null ? undefined : chunk.valueOf(value)));
    const rows: string[] = [];
    for (let i = 0; i < chunk.length; i++) {
      rows.push(`${[chunk.start + i, ...inputs.map((path) => chunk.draws.get(path)![i]), ...values.map((v) => (typeof v === 'number' ? v : v?.[i]))].join(',')}\n`);
    }
    write(rows.join(''));
  };
}
