// The inputs of a scenario by path (as --set names them), to vary them one at a
// time (sensitivity) without a second copy of the models.
import type { Case, Range, Scenario, Series } from '../types.js';

/** A copy of the scenario with every input series passed through `change`. */
export function mapInputs(scenario: Scenario, change: (path: string, series: Series) => Series): Scenario {
  const { supplyChain, bankProfit, techSpend, labourSavings, technologies } = scenario;
  return {
    ...scenario,
    ...(supplyChain && {
      supplyChain: {
        ...supplyChain,
        marketSpace: change('supplyChain.marketSpace', supplyChain.marketSpace),
        traditionalPenetration: change('supplyChain.traditionalPenetration', supplyChain.traditionalPenetration),
        modes: supplyChain.modes.map((mode) => ({
          ...mode,
          share: change(`supplyChain.modes.${mode.id}.share`, mode.share),
          penetration: change(`supplyChain.modes.${mode.id}.penetration`, mode.penetration),
        })),
      },
    }),
    ...(bankProfit && {
      bankProfit: {
        ...bankProfit,
        profitShare:
          bankProfit.profitShare.kind === 'rate'
            ? { kind: 'rate', rate: change('bankProfit.profitShare', bankProfit.profitShare.rate) }
            : {
                kind: 'mix',
                channels: bankProfit.profitShare.channels.map((channel) => ({
                  ...channel,
                  weight: change(`bankProfit.profitShare.mix.${channel.id}.weight`, channel.weight),
                  rate: change(`bankProfit.profitShare.mix.${channel.id}.rate`, channel.rate),
                })),
              },
        baselineOperatingCost: change('bankProfit.baselineOperatingCost', bankProfit.baselineOperatingCost),
        operatingCost: change('bankProfit.operatingCost', bankProfit.operatingCost),
      },
    }),
    ...(techSpend && {
      techSpend: {
        ...techSpend,
        segments: techSpend.segments.map((segment) => ({
          ...segment,
          volume:
            segment.volume.kind === 'spend'
              ? { kind: 'spend', spend: change(`techSpend.segments.${segment.id}.spend`, segment.volume.spend) }
              : {
                  kind: 'firms',
                  firms: change(`techSpend.segments.${segment.id}.firms`, segment.volume.firms),
                  perFirm: change(`techSpend.segments.${segment.id}.perFirm`, segment.volume.perFirm),
                },
          ...(segment.frontier && {
            frontier:
              segment.frontier.kind === 'amount'
                ? { kind: 'amount', amount: change(`techSpend.segments.${segment.id}.frontier`, segment.frontier.amount) }
                : { kind: 'share', share: change(`techSpend.segments.${segment.id}.frontierShare`, segment.frontier.share) },
          }),
        })),
      },
    }),
    ...(labourSavings && {
      labourSavings: {
        ...labourSavings,
        institutions: labourSavings.institutions.map((institution) => {
          const at = (input: string) => `labourSavings.institutions.${institution.id}.${input}`;
          return {
            ...institution,
            humanServiceCost: change(at('humanServiceCost'), institution.humanServiceCost),
            replacementRate: change(at('replacementRate'), institution.replacementRate),
            ...(institution.smartServiceCost && { smartServiceCost: change(at('smartServiceCost'), institution.smartServiceCost) }),
          };
        }),
      },
    }),
    ...(technologies && {
      technologies: {
        ...technologies,
        items: technologies.items.map((item) => ({ ...item, spend: change(`technologies.items.${item.id}.spend`, item.spend) })),
      },
    }),
  };
}

/** Every input series by path, in the scenario's order. */
export function inputsOf(scenario: Scenario): Map<string, Series> {
  const inputs = new Map<string, Series>();
  mapInputs(scenario, (path, series) => {
    inputs.set(path, series);
    return series;
  });
  return inputs;
}

/** Whether any year of the series is a range (low ≠ high). */
export function hasRange(series: Series): boolean {
  return [...series.values()].some((range) => !range.low.equals(range.high));
}

/** The series with every year at one end of its range. */
export function atEnd(series: Series, end: Case): Series {
  return new Map([...series].map(([year, range]): [number, Range] => [year, { low: range[end], base: range[end], high: range[end] }]));
}
