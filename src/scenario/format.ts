// The shape of a scenario file (SPEC §2.3) as data: which keys each map takes
// and what each holds. The loader checks keys against it, `--set` walks it, and
// the JSON Schema is generated from it, so the three cannot drift apart.
import type { ValueKind } from './values.js';

export type Shape =
  | { readonly kind: 'section'; readonly fields: Readonly<Record<string, Shape>>; readonly doc: string }
  | { readonly kind: 'named'; readonly item: Shape; readonly what: string; readonly doc: string }
  | { readonly kind: 'input'; readonly value: ValueKind; readonly doc: string }
  | { readonly kind: 'profitShare'; readonly channel: Shape; readonly doc: string }
  | { readonly kind: 'text' | 'years' | 'boolean' | 'label' | 'unit' | 'version' | 'simulation'; readonly doc: string };

const label: Shape = { kind: 'label', doc: 'Row label: a text, or {en, zh}.' };
const years: Shape = { kind: 'years', doc: 'Years of this model: 2019..2023 or {from, to}; defaults to the top-level years.' };

export const MODE: Shape = {
  kind: 'section',
  doc: 'One SCF mode (a fintech business model) and its part of the market space.',
  fields: {
    label,
    share: { kind: 'input', value: 'ratio', doc: 'share_{m,t}: part of the market space this mode serves (required).' },
    penetration: { kind: 'input', value: 'ratio', doc: 'penetration_{m,t}: part of its space financed with fintech (required).' },
    costSavings: { kind: 'boolean', doc: 'Whether its size counts in the operating cost saved (default true).' },
  },
};

export const CHANNEL: Shape = {
  kind: 'section',
  doc: 'One channel of a profit-share mix.',
  fields: {
    label,
    weight: { kind: 'input', value: 'ratio', doc: 'Part of financing through this channel; the weights sum to 100%.' },
    rate: { kind: 'input', value: 'ratio', doc: "Bank's profit share of financing in this channel." },
  },
};

export const SEGMENT: Shape = {
  kind: 'section',
  doc: 'One segment of financial institutions (an institution type, or a tier of one).',
  fields: {
    label,
    group: { kind: 'text', doc: 'The group (declared under techSpend.groups) this segment belongs to; the spend table shows group subtotals.' },
    spend: { kind: 'input', value: 'amount', doc: 'Technology spend (required, unless firms and perFirm are given).' },
    firms: { kind: 'input', value: 'count', doc: 'Number of firms (whole, ≥ 0); with perFirm instead of spend: total = firms × perFirm.' },
    perFirm: { kind: 'input', value: 'amount', doc: 'Technology spend per firm; with firms instead of spend.' },
    frontier: { kind: 'input', value: 'amount', doc: 'Of which frontier technology (AI, big data, cloud, blockchain, IoT); at most spend.' },
    frontierShare: { kind: 'input', value: 'ratio', doc: 'Frontier share of spend, instead of frontier.' },
  },
};

export const INSTITUTION: Shape = {
  kind: 'section',
  doc: 'One institution type whose human customer service smart service replaces.',
  fields: {
    label,
    humanServiceCost: { kind: 'input', value: 'amount', doc: 'What human customer service would cost without replacement (required; from the year before the first).' },
    replacementRate: { kind: 'input', value: 'ratio', doc: 'Part of human service labour replaced by smart service (required; report l.12: 73～80% by 2022).' },
    smartServiceCost: { kind: 'input', value: 'amount', doc: 'Cost of running the smart service; gives netSaving.' },
  },
};

export const TECHNOLOGY: Shape = {
  kind: 'section',
  doc: 'One technology financial institutions spend on.',
  fields: {
    label,
    spend: { kind: 'input', value: 'amount', doc: 'Spend on this technology (required).' },
  },
};

export const SCENARIO: Shape = {
  kind: 'section',
  doc: 'A fintech-calc scenario (format 1).',
  fields: {
    version: { kind: 'version', doc: 'Format version: 1.' },
    name: { kind: 'text', doc: 'Short name, shown in output (default: the file name).' },
    title: { kind: 'text', doc: 'Title, shown in output (default: the name).' },
    description: { kind: 'text', doc: 'What the scenario assumes.' },
    unit: { kind: 'unit', doc: 'Unit of bare numbers that are amounts (default 亿元).' },
    years: { kind: 'years', doc: 'Default years of every model: 2019..2023 or {from, to} (default 2019..2023).' },
    extends: { kind: 'text', doc: 'A scenario to start from: a path relative to this file, or a bundled name such as baseline.' },
    supplyChain: {
      kind: 'section',
      doc: 'Supply-chain-finance market model (output table market).',
      fields: {
        years,
        marketSpace: { kind: 'input', value: 'amount', doc: 'marketSpace_t: the SCF market space (required).' },
        traditionalPenetration: { kind: 'input', value: 'ratio', doc: 'Penetration of the traditional model (default 20%, report l.177).' },
        modes: { kind: 'named', item: MODE, what: 'mode', doc: 'The fintech modes, by name.' },
      },
    },
    bankProfit: {
      kind: 'section',
      doc: "Banks' SCF profit model (output table profit); needs supplyChain.",
      fields: {
        years: { ...years, doc: "Years of this model; within supplyChain's (default: supplyChain's)." },
        profitShare: { kind: 'profitShare', channel: CHANNEL, doc: "Bank's profit share of financing: a ratio, or {mix: {<channel>: {weight, rate}}} (default 3%, l.183)." },
        baselineOperatingCost: { kind: 'input', value: 'ratio', doc: 'Operating cost as a share of financing without fintech (default 1.5%, l.182).' },
        operatingCost: { kind: 'input', value: 'ratio', doc: 'Operating cost as a share of financing with fintech (required).' },
      },
    },
    techSpend: {
      kind: 'section',
      doc: 'Technology spend of financial institutions (output table spend).',
      fields: {
        years,
        segments: { kind: 'named', item: SEGMENT, what: 'segment', doc: 'The segments, by name.' },
        groups: { kind: 'named', item: { kind: 'section', doc: 'A group of segments.', fields: { label } }, what: 'group', doc: 'Groups of segments (e.g. funds with head, mid and tail tiers), by name.' },
      },
    },
    labourSavings: {
      kind: 'section',
      doc: 'Labour saved by smart customer service (output table labour; report l.12, l.428-431).',
      fields: {
        years,
        institutions: { kind: 'named', item: INSTITUTION, what: 'institution', doc: 'Institution types (banks, insurance, ...), by name.' },
      },
    },
    technologies: {
      kind: 'section',
      doc: 'Spend by technology (output table tech).',
      fields: {
        years,
        items: { kind: 'named', item: TECHNOLOGY, what: 'technology', doc: 'The technologies, by name.' },
      },
    },
    simulation: { kind: 'simulation', doc: 'How simulate samples the inputs: correlations between them.' },
  },
};

/** The keys of a section. */
export function keysOf(shape: Shape): string[] {
  return shape.kind === 'section' ? Object.keys(shape.fields) : [];
}

/** A section's field, by a path of keys from the top (e.g. ['supplyChain']). */
export function sectionAt(...path: string[]): Shape {
  let shape: Shape = SCENARIO;
  for (const key of path) {
    if (shape.kind !== 'section' || !(key in shape.fields)) throw new Error(`internal: no section ${path.join('.')}`);
    shape = shape.fields[key]!;
  }
  return shape;
}
