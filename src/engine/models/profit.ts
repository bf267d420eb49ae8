// bankProfit model (SPEC §3, output key `profit`). It builds on the market
// forecast of the same case (or sample).
import { Decimal, ONE, ZERO } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { get, yearly } from '../calc/yearly.js';
import type { Item, Label, Series, Year, Yearly } from '../values.js';
import {
  firstFailingSum,
  label,
  percent,
  type Base,
  type CheckedAt,
  type Model,
  type Plausible,
} from './descriptor.js';
import type { MarketForecast, SupplyChainInputs } from './market.js';

export interface BankProfitInputs {
  readonly years: readonly Year[];
  /** A rate every year, or a mix of channels whose weights sum to 100%. */
  readonly profitShare: Series | ProfitShareMix;
  readonly baselineOperatingCost: Series;
  readonly operatingCost: Series;
}

export interface ProfitShareMix {
  readonly mix: readonly ChannelInputs[];
}

export interface ChannelInputs extends Item {
  readonly weight: Series;
  readonly rate: Series;
}

export interface ProfitForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly profitShare: Yearly<N>;
  readonly baselineOperatingCost: Yearly<N>;
  readonly operatingCost: Yearly<N>;
  readonly traditionalProfit: Yearly<N>;
  readonly shareProfit: Yearly<N>;
  readonly costSavings: Yearly<N>;
  readonly profit: Yearly<N>;
  readonly increment: Yearly<N>;
}

export function forecastProfit<N>(
  calc: Calc<N>,
  inputs: BankProfitInputs,
  input: InputReader<N>,
  { forecast: market, inputs: supplyChain }: Base<MarketForecast<N>, SupplyChainInputs>,
): ProfitForecast<N> {
  const { years } = inputs;
  const profitShare = effectiveProfitShare(calc, inputs, input);
  const baselineOperatingCost = input(inputs.baselineOperatingCost, years);
  const operatingCost = input(inputs.operatingCost, years);

  // traditionalProfit_t = traditionalSize_t × profitShare_t
  const traditionalProfit = yearly(years, (t) => calc.mul(get(market.traditionalSize, t), get(profitShare, t)));

  // shareProfit_t = marketSize_t × profitShare_t
  const shareProfit = yearly(years, (t) => calc.mul(get(market.marketSize, t), get(profitShare, t)));

  // costSavings_t = (baselineOperatingCost_t − operatingCost_t) × Σ_{m: costSavings} size_{m,t}
  const savingIds = new Set(supplyChain.modes.filter((mode) => mode.costSavings).map((mode) => mode.id));
  const savingModes = market.modes.filter((mode) => savingIds.has(mode.id));
  const costSavings = yearly(years, (t) =>
    calc.mul(
      calc.sub(get(baselineOperatingCost, t), get(operatingCost, t)),
      calc.sum(savingModes.map((mode) => get(mode.size, t))),
    ),
  );

  // profit_t = shareProfit_t + costSavings_t
  const profit = yearly(years, (t) => calc.add(get(shareProfit, t), get(costSavings, t)));

  // increment_t = profit_t − traditionalProfit_t
  const increment = yearly(years, (t) => calc.sub(get(profit, t), get(traditionalProfit, t)));

  return {
    years,
    profitShare,
    baselineOperatingCost,
    operatingCost,
    traditionalProfit,
    shareProfit,
    costSavings,
    profit,
    increment,
  };
}

export function isMix(profitShare: BankProfitInputs['profitShare']): profitShare is ProfitShareMix {
  return !(profitShare instanceof Map);
}

/** profitShare_t, or for a mix Σ weight × rate over its channels. */
function effectiveProfitShare<N>(
  calc: Calc<N>,
  { years, profitShare }: BankProfitInputs,
  input: InputReader<N>,
): Yearly<N> {
  if (!isMix(profitShare)) return input(profitShare, years);
  const channels = profitShare.mix.map((channel) => ({
    weight: input(channel.weight, years),
    rate: input(channel.rate, years),
  }));
  return yearly(years, (t) =>
    calc.sum(channels.map((channel) => calc.mul(get(channel.weight, t), get(channel.rate, t)))),
  );
}

/** SPEC §3: the weights of a mix sum to 100% in each year and case. */
function weightsWhole(channels: readonly ChannelInputs[], { path, years }: CheckedAt) {
  const off = firstFailingSum(channels.map((channel) => channel.weight), years, (total) => !total.equals(ONE));
  return off
    ? [
        {
          path,
          message: `the weights sum to ${percent(off.total)} in ${off.year} (${off.c} case); they must sum to 100%`,
        },
      ]
    : [];
}

const PROFIT_SHARE: Label = { en: 'Profit share', zh: '分润比例' };
const AT_MOST_10_PERCENT = { min: ZERO, max: new Decimal('0.1'), expected: { en: 'at most 10%', zh: '至多 10%' } };
const PLAUSIBLE_SHARE: Plausible = {
  what: { en: "a bank's profit share of financing", zh: '银行的分润比例' },
  report: { en: "the report's is 2.5% (bank-led) to 3%, l.182-183", zh: '报告为 2.5%（银行主导）至 3%，l.182-183' },
  ...AT_MOST_10_PERCENT,
};
const PLAUSIBLE_OPERATING_COST: Plausible = {
  what: { en: 'an operating cost as a share of financing', zh: '运营成本占融资额的比例' },
  report: { en: "the report's falls from 1.5% to 0.9%, l.182", zh: '报告中从 1.5% 降至 0.9%，l.182' },
  ...AT_MOST_10_PERCENT,
};
const BASELINE_OPERATING_COST: Label = { en: 'Operating cost, traditional', zh: '传统模式运营成本率' };
const OPERATING_COST: Label = { en: 'Operating cost', zh: '运营成本率' };

export const profit: Model<'profit', 'bankProfit'> = {
  table: 'profit',
  section: 'bankProfit',
  label: { en: 'Bank SCF profit', zh: '银行供应链金融利润' },
  buildsOn: { table: 'market', section: 'supplyChain', why: 'bank profit is computed from the SCF market' },
  inputs: {
    kind: 'section',
    doc: "Banks' SCF profit model (output table profit); needs supplyChain.",
    expect: 'bankProfit as a map (profitShare, operatingCost, ...)',
    fields: {
      years: { kind: 'years', doc: "Years of this model; within supplyChain's (default: supplyChain's)." },
      profitShare: {
        kind: 'inputOrMix',
        doc: "Bank's profit share of financing: a ratio, or {mix: {<channel>: {weight, rate}}} (default 3%, l.183).",
        input: {
          kind: 'input',
          value: 'ratio',
          label: PROFIT_SHARE,
          doc: "Bank's profit share of financing.",
          plausible: PLAUSIBLE_SHARE,
          default: { value: '3%', source: 'default, report l.183: 银行分润以3%为标准纳入计算' },
        },
        mix: {
          kind: 'named',
          what: 'channel',
          doc: '',
          required: true,
          check: weightsWhole,
          item: {
            kind: 'section',
            doc: 'One channel of a profit-share mix.',
            expect: 'a channel: {weight, rate}',
            fields: {
              label,
              weight: {
                kind: 'input',
                value: 'ratio',
                label: { en: 'weight', zh: '权重' },
                doc: 'Part of financing through this channel; the weights sum to 100%.',
              },
              rate: {
                kind: 'input',
                value: 'ratio',
                label: PROFIT_SHARE,
                plausible: PLAUSIBLE_SHARE,
                doc: "Bank's profit share of financing in this channel.",
              },
            },
          },
        },
      },
      baselineOperatingCost: {
        kind: 'input',
        value: 'ratio',
        label: BASELINE_OPERATING_COST,
        plausible: PLAUSIBLE_OPERATING_COST,
        doc: 'Operating cost as a share of financing without fintech (default 1.5%, l.182).',
        default: { value: '1.5%', source: 'default, report l.182: 运营成本占融资额1.5%' },
      },
      operatingCost: {
        kind: 'input',
        value: 'ratio',
        label: OPERATING_COST,
        plausible: PLAUSIBLE_OPERATING_COST,
        doc: 'Operating cost as a share of financing with fintech (required).',
      },
    },
  },
  outputs: [
    { metric: 'profitShare', kind: 'ratio', label: PROFIT_SHARE },
    { metric: 'baselineOperatingCost', kind: 'ratio', label: BASELINE_OPERATING_COST },
    { metric: 'operatingCost', kind: 'ratio', label: OPERATING_COST },
    { metric: 'traditionalProfit', kind: 'amount', label: { en: 'Traditional-model profit', zh: '传统模式利润' } },
    { metric: 'shareProfit', kind: 'amount', label: { en: 'Profit from the share', zh: '分润利润' } },
    { metric: 'costSavings', kind: 'amount', label: { en: 'Operating cost saved', zh: '节约的运营成本' } },
    { metric: 'profit', kind: 'amount', label: { en: 'Profit with fintech', zh: '利润规模（含金融科技）' } },
    { metric: 'increment', kind: 'amount', label: { en: 'Increment over traditional', zh: '较传统模式增量' } },
  ],
  forecast: forecastProfit,
};
