// Axes: a linear scale over a domain widened to round ticks (1, 2 or 5 × 10^k),
// and the ticks' labels. Layout only: the numbers charts show come from the engine.

export interface Scale {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  /** Decimals the tick labels need. */
  readonly decimals: number;
  /** The position of `value` between `from` (at min) and `to` (at max). */
  at(value: number, from: number, to: number): number;
}

const TICKS = 5;

/** A scale covering every value (and zero, when `withZero`), ending on ticks. */
export function niceScale(values: readonly number[], withZero = true): Scale {
  const finite = values.filter(Number.isFinite);
  let low = Math.min(...finite, ...(withZero ? [0] : []));
  let high = Math.max(...finite, ...(withZero ? [0] : []));
  if (finite.length === 0) [low, high] = [0, 1];
  // Values too close to tell apart on a chart (or to 0, as far as ticks can go) are drawn flat.
  if (
    high - low <= Math.max(Math.abs(low), Math.abs(high)) * 1e-9 ||
    Math.max(Math.abs(low), Math.abs(high)) < 1e-200
  ) {
    const middle = (low + high) / 2;
    [low, high] = Math.abs(middle) < 1e-200 ? [0, 1] : [Math.min(0, middle * 2), Math.max(0, middle * 2)];
  }
  const step = niceStep((high - low) / TICKS);
  const [min, max] = [Math.floor(low / step) * step, Math.ceil(high / step) * step];
  const count = Math.round((max - min) / step);
  const ticks = Array.from({ length: count + 1 }, (_, i) => roundTo(min + i * step, step));
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return { min, max, ticks, decimals, at: (value, from, to) => from + ((value - min) / (max - min)) * (to - from) };
}

function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Removes the float noise of min + i × step (0.30000000000000004, 1e-17 for 0). */
function roundTo(value: number, step: number): number {
  return Math.abs(value) < step * 1e-6 ? 0 : Number(value.toPrecision(12));
}

/** Beyond these, tick labels are written with an exponent (1.5e+20). */
const MAX_DECIMALS = 9;
const MAX_PLAIN = 1e16;

/** A tick's label: thousands separators, the decimals the step needs, `%` on a percent axis. */
export function tickLabel(value: number, decimals: number, percent: boolean): string {
  if (decimals > MAX_DECIMALS || Math.abs(value) >= MAX_PLAIN) {
    const exponential = value === 0 ? '0' : value.toExponential(3).replace(/\.?0+e/, 'e');
    return `${exponential.replace('-', '−')}${percent ? '%' : ''}`;
  }
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `.${fraction}`}${percent ? '%' : ''}`;
}
