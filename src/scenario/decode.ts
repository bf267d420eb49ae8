// The scenario format (SPEC §2.3, §2.4): a raw YAML tree → a checked Scenario.
// Every problem is collected with its position; nothing after this re-checks inputs.
import { Decimal, ONE, sum } from '../shared/decimal.js';
import type {
  BankProfitInputs,
  Case,
  ChannelInputs,
  InstitutionInputs,
  LabourInputs,
  Label,
  ModeInputs,
  ProfitShareInputs,
  Provenance,
  Scenario,
  SegmentInputs,
  Series,
  SupplyChainInputs,
  TechnologiesInputs,
  TechSpendInputs,
  Year,
} from '../engine/types.js';
import { CASES } from '../engine/types.js';
import { isYearInWindow, YEAR_WINDOW } from '../shared/limits.js';
import { didYouMean, listNames } from '../shared/suggest.js';
import { AMOUNT_UNITS, unitSize } from '../shared/units.js';
import { CHANNEL, INSTITUTION, keysOf, MODE, SCENARIO, SEGMENT, sectionAt, TECHNOLOGY } from './format.js';
import { isRemoval } from './merge.js';
import { Problems, type Pos } from './problems.js';
import type { RawMap, RawNode } from './raw.js';
import { readSeries } from './series.js';
import { checkDiscreteInputs, readSimulation } from './simulation.js';
import type { ReadContext, ValueKind } from './values.js';

/** What decoding a merged tree needs to know of where its parts were written. */
export interface Origins {
  /** The unit of the bare amounts of each file and each --set, by the name positions give it (亿元 where none is listed). */
  readonly units: ReadonlyMap<string, string>;
  /** Inherited entries that a null removed, by path, with the position of the null. */
  readonly removed: ReadonlyMap<string, Pos>;
}

interface DecodeContext extends ReadContext {
  readonly removed: ReadonlyMap<string, Pos>;
}

/** The unit of a file's bare amounts when it gives none (SPEC §2.1). */
const DEFAULT_UNIT = '亿元';

const TOP_LEVEL_KEYS = keysOf(SCENARIO);
const SUPPLY_CHAIN_KEYS = keysOf(sectionAt('supplyChain'));
const MODE_KEYS = keysOf(MODE);
const BANK_PROFIT_KEYS = keysOf(sectionAt('bankProfit'));
const CHANNEL_KEYS = keysOf(CHANNEL);
const TECH_SPEND_KEYS = keysOf(sectionAt('techSpend'));
const SEGMENT_KEYS = keysOf(SEGMENT);
const GROUP_KEYS = ['label'];
const LABOUR_KEYS = keysOf(sectionAt('labourSavings'));
const INSTITUTION_KEYS = keysOf(INSTITUTION);
const TECHNOLOGIES_KEYS = keysOf(sectionAt('technologies'));
const TECHNOLOGY_KEYS = keysOf(TECHNOLOGY);
const LABEL_KEYS = ['en', 'zh'];

/** In a message about a null in a map of names: the names listed, and the nulls given a "did you mean". */
const MAX_LISTED = 10;
const MAX_SUGGESTED = 20;

const DEFAULT_YEARS: readonly Year[] = [2019, 2020, 2021, 2022, 2023];
const MAX_YEARS = 200;
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The report's values for inputs a scenario leaves out (SPEC §2.3). */
const DEFAULTS = {
  traditionalPenetration: { value: '20%', source: 'default, report l.177: 传统业务模式下供应链金融市场渗透率以20%作为计算标准' },
  profitShare: { value: '3%', source: 'default, report l.183: 银行分润以3%为标准纳入计算' },
  baselineOperatingCost: { value: '1.5%', source: 'default, report l.182: 运营成本占融资额1.5%' },
};
type Default = (typeof DEFAULTS)[keyof typeof DEFAULTS];

/** A map's entries by key, after checking it is a map with no unknown keys. */
class Fields {
  constructor(
    readonly node: RawMap,
    readonly path: string,
  ) {}

  get(key: string): RawNode | undefined {
    return this.node.entries.find((entry) => entry.key === key)?.value;
  }

  child(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }
}

export function decodeScenario(root: RawNode, defaultName: string, problems: Problems, origins: Origins): Scenario | undefined {
  const top = fields(root, '', TOP_LEVEL_KEYS, problems, 'a scenario: a map of keys (version, name, supplyChain, ...)');
  if (!top) return undefined;

  const version = top.get('version');
  if (version && !(version.kind === 'scalar' && version.text === '1')) {
    problems.add(version.pos, 'version', 'unsupported format version; expected 1');
  }
  const name = text(top, 'name', problems) ?? defaultName;
  const title = text(top, 'title', problems) ?? name;
  const description = text(top, 'description', problems);
  text(top, 'extends', problems);
  // `unit` was read with its file (fileUnit): it applies to that file's bare amounts only.

  const provenance = new Map<string, Provenance>();
  const unitAt = (pos: Pos) => {
    const unitName = origins.units.get(pos.file) ?? DEFAULT_UNIT;
    return { unitName, unitSize: unitSize(unitName)! };
  };
  const ctx: DecodeContext = { problems, provenance, unitName: DEFAULT_UNIT, unitSize: unitSize(DEFAULT_UNIT)!, unitAt, removed: origins.removed, seriesYears: { count: 0 } };
  const years = readYears(top.get('years'), 'years', ctx) ?? DEFAULT_YEARS;

  const supplyChain = optional(top, 'supplyChain', (node, path) => readSupplyChain(node, path, years, ctx));
  const bankProfitNode = top.get('bankProfit');
  let bankProfit: BankProfitInputs | undefined;
  if (bankProfitNode) {
    const supplyChainNode = top.get('supplyChain');
    if (!supplyChainNode) {
      problems.add(bankProfitNode.pos, 'bankProfit', 'needs supplyChain: bank profit is computed from the SCF market');
    }
    const supplyChainYears = supplyChainNode && supplyChainNode.kind === 'map' ? (moduleYears(supplyChainNode, years, ctx) ?? years) : years;
    bankProfit = readBankProfit(bankProfitNode, 'bankProfit', supplyChainYears, ctx);
  }
  const techSpend = optional(top, 'techSpend', (node, path) => readTechSpend(node, path, years, ctx));
  const labourSavings = optional(top, 'labourSavings', (node, path) => readLabourSavings(node, path, years, ctx));
  const technologies = optional(top, 'technologies', (node, path) => readTechnologies(node, path, years, ctx));
  const simulation = optional(top, 'simulation', (node) => readSimulation(node, provenance, problems));
  checkDiscreteInputs(provenance, problems);

  if (!problems.empty) return undefined;
  return {
    name,
    title,
    ...(description !== undefined && { description }),
    provenance,
    ...(supplyChain && { supplyChain }),
    ...(bankProfit && { bankProfit }),
    ...(techSpend && { techSpend }),
    ...(labourSavings && { labourSavings }),
    ...(technologies && { technologies }),
    ...(simulation && { simulation }),
  };
}

/** The unit of the bare amounts of one file (SPEC §2.1): its own `unit`, if it gives a valid one. */
export function fileUnit(root: RawMap, problems: Problems): string | undefined {
  const node = root.entries.find((entry) => entry.key === 'unit')?.value;
  if (node === undefined) return undefined;
  const written = node.kind === 'scalar' ? node.text : '';
  if (unitSize(written) !== undefined) return written;
  problems.add(node.pos, 'unit', `unknown unit '${written}'${didYouMean(written, AMOUNT_UNITS.keys())}; expected one of ${[...AMOUNT_UNITS.keys()].join(' ')}`);
  return undefined;
}

function optional<T>(parent: Fields, key: string, read: (node: RawNode, path: string) => T | undefined): T | undefined {
  const node = parent.get(key);
  return node && read(node, parent.child(key));
}

function fields(node: RawNode | undefined, path: string, known: readonly string[], problems: Problems, expectation: string): Fields | undefined {
  if (node === undefined) return undefined;
  if (node.kind !== 'map') {
    problems.add(node.pos, path, `expected ${expectation}`);
    return undefined;
  }
  for (const { key, keyPos } of node.entries) {
    if (!known.includes(key)) {
      problems.add(keyPos, path === '' ? key : `${path}.${key}`, `unknown key${didYouMean(key, known)}; expected one of ${known.join(', ')}`);
    }
  }
  return new Fields(node, path);
}

function text(parent: Fields, key: string, problems: Problems): string | undefined {
  const node = parent.get(key);
  if (node === undefined) return undefined;
  if (node.kind === 'scalar' && node.type !== 'null') return node.text;
  problems.add(node.pos, parent.child(key), 'expected a text');
  return undefined;
}

/** `2019..2023`, `{from, to}` or a single year. */
function readYears(node: RawNode | undefined, path: string, ctx: ReadContext): Year[] | undefined {
  if (node === undefined) return undefined;
  let from: string | undefined;
  let to: string | undefined;
  if (node.kind === 'scalar') [from, to] = node.text.includes('..') ? node.text.split('..').map((s) => s.trim()) : [node.text, node.text];
  else if (node.kind === 'map') {
    const map = fields(node, path, ['from', 'to'], ctx.problems, '');
    const scalar = (key: string) => {
      const value = map?.get(key);
      return value?.kind === 'scalar' ? value.text : undefined;
    };
    [from, to] = [scalar('from'), scalar('to')];
  }
  const isYear = (s: string | undefined) => s !== undefined && /^\d{4}$/.test(s);
  if (!isYear(from) || !isYear(to)) {
    ctx.problems.add(node.pos, path, 'expected years as 2019..2023 or {from: 2019, to: 2023}');
    return undefined;
  }
  const [first, last] = [Number(from), Number(to)];
  if (!isYearInWindow(first) || !isYearInWindow(last)) {
    ctx.problems.add(node.pos, path, `expected years within ${YEAR_WINDOW.first}..${YEAR_WINDOW.last}; got ${first}..${last}`);
    return undefined;
  }
  if (first > last || last - first >= MAX_YEARS) {
    ctx.problems.add(node.pos, path, `expected a first year ≤ the last, at most ${MAX_YEARS} years; got ${first}..${last}`);
    return undefined;
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

function moduleYears(node: RawMap, inherited: readonly Year[], ctx: ReadContext): readonly Year[] | undefined {
  const yearsNode = node.entries.find((entry) => entry.key === 'years')?.value;
  // Problems with these years are reported when the module itself is read.
  return yearsNode ? readYears(yearsNode, '', { ...ctx, problems: new Problems() }) : inherited;
}

function series(parent: Fields, key: string, kind: ValueKind, years: readonly Year[], ctx: DecodeContext, fallback?: Default): Series | undefined {
  const node = parent.get(key);
  const path = parent.child(key);
  if (node === undefined) {
    if (fallback === undefined) {
      missing(parent, key, ctx);
      return undefined;
    }
    const result = readSeries({ kind: 'scalar', pos: parent.node.pos, text: fallback.value, type: 'string' }, kind, years, path, ctx);
    const anchor = ctx.provenance.get(path)?.anchors.get(0);
    if (anchor) ctx.provenance.set(path, { path, kind: kind === 'growth' ? 'ratio' : kind, method: 'default', anchors: new Map([[0, { ...anchor, source: fallback.source }]]) });
    return result;
  }
  return readSeries(node, kind, years, path, ctx);
}

/** A required key that is not there: never given, or removed by a null, which may not remove it. */
function missing(parent: Fields, key: string, ctx: DecodeContext): void {
  const path = parent.child(key);
  const nullAt = ctx.removed.get(path);
  if (nullAt === undefined) {
    ctx.problems.add(parent.node.pos, path, `missing; ${key} is required`);
    return;
  }
  const owner = parent.path.split('.').pop()!;
  ctx.problems.add(nullAt, path, `${key} is required, so null cannot remove it; remove ${parent.path} instead (${owner}: null), or give ${key} a value`);
}

function readLabel(parent: Fields, id: string, ctx: ReadContext): Label {
  const node = parent.get('label');
  if (node === undefined) return { en: id, zh: id };
  if (node.kind === 'scalar' && node.type !== 'null') return { en: node.text, zh: node.text };
  const map = fields(node, parent.child('label'), LABEL_KEYS, ctx.problems, 'a label: a text or {en, zh}');
  if (!map) return { en: id, zh: id };
  const en = text(map, 'en', ctx.problems);
  const zh = text(map, 'zh', ctx.problems);
  return { en: en ?? zh ?? id, zh: zh ?? en ?? id };
}

/** The entries of a map of named items (modes, segments, channels), each read by `read`; `what` names one. */
function namedItems<T>(
  parent: Fields,
  key: string,
  what: string,
  required: boolean,
  ctx: DecodeContext,
  read: (node: RawNode, path: string, id: string) => T | undefined,
): T[] | undefined {
  const node = parent.get(key);
  const path = parent.child(key);
  if (node === undefined) {
    if (required) missing(parent, key, ctx);
    return required ? undefined : [];
  }
  if (node.kind !== 'map') {
    ctx.problems.add(node.pos, path, `expected a map of named ${key}, e.g. {receivables: {...}}`);
    return undefined;
  }
  const items: T[] = [];
  // The names a null could have removed, for its message (computed once: there may be thousands).
  let names: string[] | undefined;
  let nulls = 0;
  for (const entry of node.entries) {
    const itemPath = `${path}.${entry.key}`;
    if (!ID.test(entry.key)) {
      ctx.problems.add(entry.keyPos, itemPath, 'a name must start with a letter and hold only letters, digits, _ and -');
      continue;
    }
    if (entry.value.kind === 'scalar' && entry.value.type === 'null') {
      names ??= node.entries.filter((other) => !isRemoval(other.value)).map((other) => other.key);
      // A "did you mean" costs a comparison with every name: the first ones are what helps.
      const suggestion = nulls++ < MAX_SUGGESTED ? didYouMean(entry.key, names) : '';
      ctx.problems.add(entry.value.pos, itemPath, nullItem(entry.value, entry.key, names, suggestion, path, what));
      continue;
    }
    const item = read(entry.value, itemPath, entry.key);
    if (item !== undefined) items.push(item);
  }
  return items;
}

/** What is wrong with a named item given as null: a removal with nothing to remove, or nothing at all. */
function nullItem(value: RawNode, id: string, names: readonly string[], suggestion: string, path: string, what: string): string {
  if (!isRemoval(value)) {
    return `nothing given; expected a ${what} (a map of its keys), or null to remove an inherited ${what}`;
  }
  const listed = names.length === 0 ? 'none' : names.length <= MAX_LISTED ? names.join(', ') : `${names.slice(0, MAX_LISTED).join(', ')}, … (${names.length} in all)`;
  return `no ${what} '${id}' to remove${suggestion}; null removes an inherited ${what}, and ${path} has ${listed}`;
}

function readSupplyChain(node: RawNode, path: string, inheritedYears: readonly Year[], ctx: DecodeContext): SupplyChainInputs | undefined {
  const map = fields(node, path, SUPPLY_CHAIN_KEYS, ctx.problems, 'supplyChain as a map (marketSpace, modes, ...)');
  if (!map) return undefined;
  const years = readYears(map.get('years'), map.child('years'), ctx) ?? inheritedYears;
  const marketSpace = series(map, 'marketSpace', 'amount', years, ctx);
  const traditionalPenetration = series(map, 'traditionalPenetration', 'ratio', years, ctx, DEFAULTS.traditionalPenetration);
  const modes = namedItems(map, 'modes', 'mode', false, ctx, (node, itemPath, id): ModeInputs | undefined => {
    const mode = fields(node, itemPath, MODE_KEYS, ctx.problems, 'a mode: {share, penetration, costSavings, label}');
    if (!mode) return undefined;
    const label = readLabel(mode, id, ctx);
    const share = series(mode, 'share', 'ratio', years, ctx);
    const penetration = series(mode, 'penetration', 'ratio', years, ctx);
    const costSavings = readBoolean(mode, 'costSavings', true, ctx);
    return share && penetration && { id, label, share, penetration, costSavings };
  });
  if (modes && modes.length > 0) {
    const modesNode = map.get('modes')!;
    checkSumAtMost(modes.map((mode) => mode.share), years, modesNode.pos, map.child('modes'), 'the mode shares', ctx);
  }
  if (!marketSpace || !traditionalPenetration || !modes) return undefined;
  return { years, marketSpace, traditionalPenetration, modes };
}

function readBoolean(parent: Fields, key: string, fallback: boolean, ctx: ReadContext): boolean {
  const node = parent.get(key);
  if (node === undefined) return fallback;
  if (node.kind === 'scalar' && node.type === 'boolean') return node.text === 'true';
  ctx.problems.add(node.pos, parent.child(key), 'expected true or false');
  return fallback;
}

/** SPEC §2.4: in each year and case the parts sum to at most 100%. */
function checkSumAtMost(parts: readonly Series[], years: readonly Year[], pos: RawNode['pos'], path: string, what: string, ctx: ReadContext): void {
  for (const year of years) {
    for (const c of CASES) {
      const total = sum(parts.map((part) => part.get(year)![c]));
      if (total.greaterThan(ONE)) {
        ctx.problems.add(pos, path, `${what} sum to ${percent(total)} in ${year} (${c} case); they may sum to at most 100%`);
        return;
      }
    }
  }
}

function percent(fraction: Decimal): string {
  return `${fraction.times(100).toDecimalPlaces(4).toFixed()}%`;
}

function readBankProfit(node: RawNode, path: string, supplyChainYears: readonly Year[], ctx: DecodeContext): BankProfitInputs | undefined {
  const map = fields(node, path, BANK_PROFIT_KEYS, ctx.problems, 'bankProfit as a map (profitShare, operatingCost, ...)');
  if (!map) return undefined;
  let years = supplyChainYears;
  const yearsNode = map.get('years');
  if (yearsNode) {
    const own = readYears(yearsNode, map.child('years'), ctx);
    if (own && own.some((year) => !supplyChainYears.includes(year))) {
      ctx.problems.add(yearsNode.pos, map.child('years'), `must lie within supplyChain's years ${supplyChainYears[0]}..${supplyChainYears[supplyChainYears.length - 1]}`);
    } else if (own) years = own;
  }
  const profitShare = readProfitShare(map, years, ctx);
  const baselineOperatingCost = series(map, 'baselineOperatingCost', 'ratio', years, ctx, DEFAULTS.baselineOperatingCost);
  const operatingCost = series(map, 'operatingCost', 'ratio', years, ctx);
  if (!profitShare || !baselineOperatingCost || !operatingCost) return undefined;
  return { years, profitShare, baselineOperatingCost, operatingCost };
}

function readProfitShare(parent: Fields, years: readonly Year[], ctx: DecodeContext): ProfitShareInputs | undefined {
  const node = parent.get('profitShare');
  const path = parent.child('profitShare');
  const mixNode = node?.kind === 'map' ? node.entries.find((entry) => entry.key === 'mix') : undefined;
  if (!node || !mixNode) {
    const rate = series(parent, 'profitShare', 'ratio', years, ctx, DEFAULTS.profitShare);
    return rate && { kind: 'rate', rate };
  }
  const mix = fields(node, path, ['mix'], ctx.problems, '');
  if (!mix) return undefined;
  const channels = namedItems(mix, 'mix', 'channel', true, ctx, (node, itemPath, id): ChannelInputs | undefined => {
    const channel = fields(node, itemPath, CHANNEL_KEYS, ctx.problems, 'a channel: {weight, rate}');
    if (!channel) return undefined;
    readLabel(channel, id, ctx);
    const weight = series(channel, 'weight', 'ratio', years, ctx);
    const rate = series(channel, 'rate', 'ratio', years, ctx);
    return weight && rate && { id, weight, rate };
  });
  if (!channels) return undefined;
  for (const year of years) {
    for (const c of CASES) {
      const total = sum(channels.map((channel) => channel.weight.get(year)![c]));
      if (!total.equals(ONE)) {
        ctx.problems.add(mixNode.value.pos, `${path}.mix`, `the weights sum to ${percent(total)} in ${year} (${c} case); they must sum to 100%`);
        return undefined;
      }
    }
  }
  return { kind: 'mix', channels };
}

function readTechSpend(node: RawNode, path: string, inheritedYears: readonly Year[], ctx: DecodeContext): TechSpendInputs | undefined {
  const map = fields(node, path, TECH_SPEND_KEYS, ctx.problems, 'techSpend as a map (years, segments, groups)');
  if (!map) return undefined;
  const years = readYears(map.get('years'), map.child('years'), ctx) ?? inheritedYears;
  const groups = namedItems(map, 'groups', 'group', false, ctx, (node, itemPath, id) => {
    const group = fields(node, itemPath, GROUP_KEYS, ctx.problems, 'a group: {label}');
    return group && { id, label: readLabel(group, id, ctx) };
  });
  const groupIds = (groups ?? []).map((group) => group.id);
  const declared = new Set(groupIds);
  const segments = namedItems(map, 'segments', 'segment', true, ctx, (node, itemPath, id): SegmentInputs | undefined => {
    const segment = fields(node, itemPath, SEGMENT_KEYS, ctx.problems, 'a segment: {spend or firms and perFirm, frontier or frontierShare, group, label}');
    if (!segment) return undefined;
    const label = readLabel(segment, id, ctx);
    const group = text(segment, 'group', ctx.problems);
    if (group !== undefined && !declared.has(group)) {
      ctx.problems.add(segment.get('group')!.pos, segment.child('group'), `no group '${group}'${ctx.problems.didYouMean(group, groupIds)}; declare it under techSpend.groups${groupIds.length > 0 ? ` (groups: ${listNames(groupIds)})` : ''}`);
    }
    const volume = readVolume(segment, years, ctx);
    const frontierNode = segment.get('frontier');
    const shareNode = segment.get('frontierShare');
    if (frontierNode && shareNode) {
      ctx.problems.add(shareNode.pos, segment.child('frontierShare'), 'give frontier or frontierShare, not both');
      return undefined;
    }
    const common = { id, label, ...(group !== undefined && { group }) };
    if (frontierNode) {
      const amount = series(segment, 'frontier', 'amount', years, ctx);
      if (!volume || !amount) return undefined;
      const spendAt = (year: Year, c: Case) =>
        volume.kind === 'spend' ? volume.spend.get(year)![c] : volume.firms.get(year)![c].times(volume.perFirm.get(year)![c]);
      for (const year of years) {
        const over = CASES.find((c) => amount.get(year)![c].greaterThan(spendAt(year, c)));
        if (over) {
          ctx.problems.add(frontierNode.pos, segment.child('frontier'), `frontier spend exceeds the segment's spend in ${year} (${over} case); frontier is part of spend`);
          return undefined;
        }
      }
      return { ...common, volume, frontier: { kind: 'amount', amount } };
    }
    if (shareNode) {
      const share = series(segment, 'frontierShare', 'ratio', years, ctx);
      return volume && share && { ...common, volume, frontier: { kind: 'share', share } };
    }
    return volume && { ...common, volume };
  });
  if (groups) {
    const used = new Set(segments?.map((segment) => segment.group));
    for (const group of groups) {
      if (segments && !used.has(group.id)) {
        ctx.problems.add(map.get('groups')!.pos, `${map.child('groups')}.${group.id}`, 'no segment is in this group; give segments group: ' + group.id + ', or remove it');
      }
    }
  }
  return segments && groups && { years, segments, groups };
}

/** A segment's spend, or its firms and spend per firm (not both). */
function readVolume(segment: Fields, years: readonly Year[], ctx: DecodeContext): SegmentInputs['volume'] | undefined {
  const [spendNode, firmsNode, perFirmNode] = [segment.get('spend'), segment.get('firms'), segment.get('perFirm')];
  if (spendNode && (firmsNode || perFirmNode)) {
    ctx.problems.add((firmsNode ?? perFirmNode)!.pos, segment.child(firmsNode ? 'firms' : 'perFirm'), 'give spend, or firms and perFirm, not both');
    return undefined;
  }
  if (firmsNode || perFirmNode) {
    const firms = series(segment, 'firms', 'count', years, ctx);
    const perFirm = series(segment, 'perFirm', 'amount', years, ctx);
    return firms && perFirm && { kind: 'firms', firms, perFirm };
  }
  const spend = series(segment, 'spend', 'amount', years, ctx);
  return spend && { kind: 'spend', spend };
}

function readLabourSavings(node: RawNode, path: string, inheritedYears: readonly Year[], ctx: DecodeContext): LabourInputs | undefined {
  const map = fields(node, path, LABOUR_KEYS, ctx.problems, 'labourSavings as a map (years, institutions)');
  if (!map) return undefined;
  const years = readYears(map.get('years'), map.child('years'), ctx) ?? inheritedYears;
  // saving_t needs humanCost_{t−1}: the inputs must cover the year before the first.
  const withPrevious = [years[0]! - 1, ...years];
  const institutions = namedItems(map, 'institutions', 'institution', true, ctx, (node, itemPath, id): InstitutionInputs | undefined => {
    const institution = fields(node, itemPath, INSTITUTION_KEYS, ctx.problems, 'an institution type: {humanServiceCost, replacementRate, smartServiceCost, label}');
    if (!institution) return undefined;
    const label = readLabel(institution, id, ctx);
    const humanServiceCost = series(institution, 'humanServiceCost', 'amount', withPrevious, ctx);
    const replacementRate = series(institution, 'replacementRate', 'ratio', withPrevious, ctx);
    const smartServiceCost = institution.get('smartServiceCost') && series(institution, 'smartServiceCost', 'amount', withPrevious, ctx);
    if (!humanServiceCost || !replacementRate || (institution.get('smartServiceCost') && !smartServiceCost)) return undefined;
    return { id, label, humanServiceCost, replacementRate, ...(smartServiceCost && { smartServiceCost }) };
  });
  return institutions && { years, institutions };
}

function readTechnologies(node: RawNode, path: string, inheritedYears: readonly Year[], ctx: DecodeContext): TechnologiesInputs | undefined {
  const map = fields(node, path, TECHNOLOGIES_KEYS, ctx.problems, 'technologies as a map (years, items)');
  if (!map) return undefined;
  const years = readYears(map.get('years'), map.child('years'), ctx) ?? inheritedYears;
  const items = namedItems(map, 'items', 'technology', true, ctx, (node, itemPath, id) => {
    const item = fields(node, itemPath, TECHNOLOGY_KEYS, ctx.problems, 'a technology: {spend, label}');
    if (!item) return undefined;
    const label = readLabel(item, id, ctx);
    const spend = series(item, 'spend', 'amount', years, ctx);
    return spend && { id, label, spend };
  });
  return items && { years, items };
}
