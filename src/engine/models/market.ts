// supplyChain model (SPEC §3, output key `market`): the supply-chain-finance
// market with fintech, by mode.
import { Decimal, ONE } from '../../shared/decimal.js';
import type { Calc, InputReader } from '../calc/calc.js';
import { get, yearly } from '../calc/yearly.js';
import type { Item, Label, Series, Year, Yearly } from '../values.js';
import { firstFailingSum, label, percent, years, type CheckedAt, type Model } from './descriptor.js';

export interface SupplyChainInputs {
  readonly years: readonly Year[];
  readonly marketSpace: Series;
  readonly traditionalPenetration: Series;
  readonly modes: readonly ModeInputs[];
}

export interface ModeInputs extends Item {
  readonly share: Series;
  readonly penetration: Series;
  readonly costSavings: boolean;
}

export interface MarketForecast<N = Decimal> {
  readonly years: readonly Year[];
  readonly marketSpace: Yearly<N>;
  readonly traditionalPenetration: Yearly<N>;
  readonly traditionalSize: Yearly<N>;
  readonly modes: readonly ModeForecast<N>[];
  readonly otherSize: Yearly<N>;
  readonly marketSize: Yearly<N>;
  readonly increment: Yearly<N>;
  readonly penetration: Yearly<N>;
}

export interface ModeForecast<N = Decimal> extends Item {
  readonly share: Yearly<N>;
  readonly penetration: Yearly<N>;
  readonly size: Yearly<N>;
}

export function forecastMarket<N>(calc: Calc<N>, inputs: SupplyChainInputs, input: InputReader<N>): MarketForecast<N> {
  const { years } = inputs;
  const marketSpace = input(inputs.marketSpace, years);
  const traditionalPenetration = input(inputs.traditionalPenetration, years);

  // traditionalSize_t = marketSpace_t × traditionalPenetration_t
  const traditionalSize = yearly(years, (t) => calc.mul(get(marketSpace, t), get(traditionalPenetration, t)));

  // size_{m,t} = marketSpace_t × share_{m,t} × penetration_{m,t}
  const modes: ModeForecast<N>[] = inputs.modes.map((mode) => {
    const share = input(mode.share, years);
    const penetration = input(mode.penetration, years);
    const size = yearly(years, (t) => calc.mul(calc.mul(get(marketSpace, t), get(share, t)), get(penetration, t)));
    return { id: mode.id, label: mode.label, share, penetration, size };
  });

  // otherSize_t = marketSpace_t × (1 − Σ_m share_{m,t}) × traditionalPenetration_t
  const otherSize = yearly(years, (t) => {
    const modeShares = calc.sum(modes.map((mode) => get(mode.share, t)));
    return calc.mul(calc.mul(get(marketSpace, t), calc.sub(calc.one, modeShares)), get(traditionalPenetration, t));
  });

  // marketSize_t = Σ_m size_{m,t} + otherSize_t
  const marketSize = yearly(years, (t) =>
    calc.add(calc.sum(modes.map((mode) => get(mode.size, t))), get(otherSize, t)),
  );

  // increment_t = marketSize_t − traditionalSize_t
  const increment = yearly(years, (t) => calc.sub(get(marketSize, t), get(traditionalSize, t)));

  // penetration_t = marketSize_t / marketSpace_t (0 for an empty market space)
  const penetration = yearly(years, (t) => calc.shareOf(get(marketSize, t), get(marketSpace, t)));

  return {
    years,
    marketSpace,
    traditionalPenetration,
    traditionalSize,
    modes,
    otherSize,
    marketSize,
    increment,
    penetration,
  };
}

/** SPEC §2.4: in each year and case the mode shares sum to at most 100%. */
function sharesAtMostWhole(modes: readonly ModeInputs[], { path, years }: CheckedAt) {
  const over = firstFailingSum(modes.map((mode) => mode.share), years, (total) => total.greaterThan(ONE));
  return over
    ? [
        {
          path,
          message:
            `the mode shares sum to ${percent(over.total)} in ${over.year} (${over.c} case); ` +
            'they may sum to at most 100%',
        },
      ]
    : [];
}

const MARKET_SPACE: Label = { en: 'Market space', zh: '市场空间' };
const TRADITIONAL_PENETRATION: Label = { en: 'Traditional penetration', zh: '传统模式渗透率' };
const SHARE: Label = { en: 'share of space', zh: '空间占比' };
const PENETRATION: Label = { en: 'penetration', zh: '渗透率' };

export const market: Model<'market', 'supplyChain'> = {
  table: 'market',
  section: 'supplyChain',
  label: { en: 'Supply-chain finance market', zh: '供应链金融市场规模' },
  inputs: {
    kind: 'section',
    doc: 'Supply-chain-finance market model (output table market).',
    expect: 'supplyChain as a map (marketSpace, modes, ...)',
    fields: {
      years,
      marketSpace: {
        kind: 'input',
        value: 'amount',
        label: MARKET_SPACE,
        doc: 'marketSpace_t: the SCF market space (required).',
        plausible: {
          what: { en: 'the SCF market space', zh: '供应链金融市场空间' },
          report: { en: "the report's is about 10万亿 to 12.5万亿, l.172-177", zh: '报告约为 10万亿 至 12.5万亿，l.172-177' },
          min: new Decimal('1e4'),
          max: new Decimal('1e6'),
          expected: { en: '1万亿 to 100万亿', zh: '1万亿 至 100万亿' },
        },
      },
      traditionalPenetration: {
        kind: 'input',
        value: 'ratio',
        label: TRADITIONAL_PENETRATION,
        doc: 'Penetration of the traditional model (default 20%, report l.177).',
        default: { value: '20%', source: 'default, report l.177: 传统业务模式下供应链金融市场渗透率以20%作为计算标准' },
      },
      modes: {
        kind: 'named',
        what: 'mode',
        doc: 'The fintech modes, by name.',
        required: false,
        check: sharesAtMostWhole,
        item: {
          kind: 'section',
          doc: 'One SCF mode (a fintech business model) and its part of the market space.',
          expect: 'a mode: {share, penetration, costSavings, label}',
          fields: {
            label,
            share: {
              kind: 'input',
              value: 'ratio',
              label: SHARE,
              doc: 'share_{m,t}: part of the market space this mode serves (required).',
            },
            penetration: {
              kind: 'input',
              value: 'ratio',
              label: PENETRATION,
              doc: 'penetration_{m,t}: part of its space financed with fintech (required).',
            },
            costSavings: {
              kind: 'boolean',
              default: true,
              doc: 'Whether its size counts in the operating cost saved (default true).',
            },
          },
        },
      },
    },
  },
  outputs: [
    { metric: 'marketSpace', kind: 'amount', label: MARKET_SPACE },
    { metric: 'traditionalPenetration', kind: 'ratio', label: TRADITIONAL_PENETRATION },
    { metric: 'traditionalSize', kind: 'amount', label: { en: 'Traditional-model size', zh: '传统模式市场规模' } },
    {
      items: 'modes',
      json: { label: false },
      lines: [
        { metric: 'share', kind: 'ratio', label: SHARE },
        { metric: 'penetration', kind: 'ratio', label: PENETRATION },
        { metric: 'size', kind: 'amount', label: { en: 'size', zh: '市场规模' } },
      ],
    },
    { metric: 'otherSize', kind: 'amount', label: { en: 'Other financing', zh: '其他融资规模' } },
    { metric: 'marketSize', kind: 'amount', label: { en: 'Market size with fintech', zh: '市场规模（含金融科技）' } },
    { metric: 'increment', kind: 'amount', label: { en: 'Increment over traditional', zh: '较传统模式增量' } },
    { metric: 'penetration', kind: 'ratio', label: { en: 'Overall penetration', zh: '整体渗透率' } },
  ],
  forecast: forecastMarket,
};
