// `fintech-calc simulate [scenario]`: Monte Carlo over the input ranges.
import type { Traced } from '../engine/simulate/tracing.js';
import { linesOf } from '../engine/analysis/lines.js';
import { sampledInputs, simulate, type Chunk, type SimulationSettings, type Watch } from '../engine/simulate/simulate.js';
import { DISTRIBUTIONS, type Distribution } from '../engine/types.js';
import { changeAddress } from '../engine/analysis/rules.js';
import {
  HISTOGRAM_COLUMNS,
  renderSimulateCsv,
  renderSimulateJson,
  renderSimulateMarkdown,
  renderSimulateTable,
  type SimulatedOutput,
  type SimulateRenderOptions,
} from '../render/simulate.js';
import { didYouMean } from '../shared/suggest.js';
import { UsageError } from './exit.js';
import { emit, loadScenarios, readSettings, styleFor, tablesOf } from './shared.js';
import type { Io } from './io.js';
import { openOutputFile, replaceTheSameFile, runLettingSignalsIn } from './output-file.js';
import { checkOutputOptions, parsePercentilesOption, parseWholeOption, wantsStamp, type Format, type RawOutputOptions } from './options.js';

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
/** Any whole number a double holds exactly: kernels.wat mixes it into the generator's state. */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

/** A value of the traced forecast: one metric, key and year. */
type Output = Omit<SimulatedOutput, 'stats'> & { readonly value: Traced | null };

export async function runSimulate(scenarioArg: string | undefined, raw: RawSimulateOptions, io: Io): Promise<number> {
  const options = checkOutputOptions({ ...raw, case: 'base' }, io);
  const samples = parseWholeOption('-n, --samples', raw.samples, 1, MAX_SAMPLES);
  const seed = parseWholeOption('--seed', raw.seed, 0, MAX_SEED);
  const dist = DISTRIBUTIONS.find((name) => name === raw.dist);
  if (!dist) throw new UsageError(`--dist: '${raw.dist}' is not one of ${DISTRIBUTIONS.join(', ')}${didYouMean(raw.dist, DISTRIBUTIONS)}`);
  const percentiles = parsePercentilesOption(raw.percentiles);
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
  if (raw.samplesFile !== undefined && options.out !== undefined && replaceTheSameFile(raw.samplesFile, options.out)) {
    throw new UsageError(`--samples-file ${raw.samplesFile} and --out ${options.out} are the same file`);
  }
  const samplesFile = raw.samplesFile === undefined ? undefined : openOutputFile(raw.samplesFile);
  // One pass over the samples: the statistics, and the rows of --samples-file when asked.
  const rows = samplesFile && samplesTable(sampledInputs(scenario, settings.dist).map((input) => input.path), metrics.map((index) => outputs[index]!), (text) => samplesFile.write(text));
  const values = outputs.map((output) => output.value);
  const watch: Watch = {
    values: metrics.map((index) => outputs[index]!.value),
    chunk: (chunk) => {
      rows?.(chunk);
      progress?.(chunk.start + chunk.length);
    },
  };
  const wanted = { percentiles, histograms: { outputs: metrics, columns: HISTOGRAM_COLUMNS } };
  // A samples file has a temporary file, which an interrupt must be able to remove.
  const stats = samplesFile
    ? await runLettingSignalsIn(simulation.steps(values, wanted, watch))
    : simulation.run(values, wanted, watch);
  if (progress) io.stderr('\r\u001b[K');
  const simulated: SimulatedOutput[] = outputs.map((output, i) => ({ ...output, stats: stats[i]! }));
  const histograms = metrics.map((index) => simulated[index]!);

  const stamp = wantsStamp(raw.stamp, options.format) ? { ...(await (await import('./stamp.js')).stampOf([loaded!], raw.set, options.unit)), simulate: { samples, seed, dist } } : undefined;
  const style = await styleFor(options.color);
  const text = RENDERERS[options.format](simulated, { unit: options.unit, lang: options.lang, style, scenario: scenario.name, title: scenario.title, samples, seed, dist, percentiles, histograms, ...(stamp && { stamp }) });
  try {
    emit(text, options.out, io);
    samplesFile?.commit(); // after the main output: when that fails, the samples are not left written
  } finally {
    samplesFile?.discard();
  }
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
