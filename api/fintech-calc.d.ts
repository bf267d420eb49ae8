/** A case of the inputs: the low (base, high) end of every range. */
export type Case = 'low' | 'base' | 'high';
/** A table of the forecast, as `-t` names it. */
export type TableName = 'market' | 'profit' | 'spend' | 'labour' | 'tech';
/** The language of labels. */
export type Lang = 'en' | 'zh';
/** How simulate draws a range without a `dist` of its own. */
export type Distribution = 'triangular' | 'uniform' | 'pert';
/** One problem of the input, as the CLI prints it: `file:line:col: error: path: message`. */
export interface Problem {
    /** The file as named (`scenarios/baseline.yaml`), `--set #<n>` for a setting, `fintech-calc` for an option. */
    readonly file: string;
    /** 1-based; 0 when the problem has no line (an unreadable file, an option). */
    readonly line: number;
    readonly col: number;
    /** The dotted path in the scenario (`supplyChain.modes.arif.share`); '' for the file itself or an option. */
    readonly path: string;
    readonly message: string;
}
/**
 * Thrown for bad input or a bad option, with every problem found; its message
 * is the lines the CLI would print on stderr. Any other error is a bug.
 */
export declare class FintechCalcError extends Error {
    readonly name = "FintechCalcError";
    readonly problems: readonly Problem[];
    constructor(problems: readonly Problem[]);
}
/** A scenario read and checked by loadScenario, ready for the other functions. */
export interface Scenario {
    readonly name: string;
    readonly title: string;
    /** The file as named, `scenarios/<name>.yaml` for a bundled one, or the name given with text. */
    readonly file: string;
    /** The files read: this one, then each that it extends. */
    readonly files: readonly string[];
}
/** Scenario text that is not (or not yet) a file. */
export interface ScenarioText {
    readonly text: string;
    /** Names the text in messages and output, and relative `extends` paths start from its folder (default `<text>`). */
    readonly file?: string;
}
export interface LoadOptions {
    /** Overrides of inputs, as `--set` takes them: `bankProfit.profitShare=2.5%`. */
    readonly set?: readonly string[];
    /** The unit of a bare amount in `set` (default 亿元). */
    readonly unit?: string;
}
/** Units of amounts in the output: 亿元 (default), 万亿元, 元, bn, tn and the others a scenario takes. */
export interface OutputOptions {
    readonly unit?: string;
    /** Labels in the output (default en). */
    readonly lang?: Lang;
}
export interface ForecastOptions extends OutputOptions {
    /** Default base; `all` gives low, base and high. */
    readonly case?: Case | 'all';
    /** The tables to give (default: every table the scenario has). */
    readonly tables?: readonly TableName[];
}
export interface DiffOptions extends ForecastOptions {
    /** Ignore smaller changes: an amount in the output unit (`0.5`), with a unit (`5亿`), or relative (`0.1%`). */
    readonly tolerance?: string;
    /** Split each change into the contributions of the inputs that differ (Shapley values). */
    readonly attribute?: boolean;
}
export interface ExplainOptions extends OutputOptions {
    /** Default base. */
    readonly case?: Case;
}
export interface SensitivityOptions extends OutputOptions {
    /** Also vary every input without a range by ± this fraction of its base (0.1 for 10%). */
    readonly swing?: number;
}
export interface SimulateOptions extends OutputOptions {
    /** Default 10000, at most 10⁷. */
    readonly samples?: number;
    /** Default 1; the same seed gives the same result. */
    readonly seed?: number;
    /** Default triangular. */
    readonly dist?: Distribution;
    /** Default 5, 50 and 95. */
    readonly percentiles?: readonly number[];
    readonly tables?: readonly TableName[];
}
export interface SolveOptions extends OutputOptions {
    /** The metric to meet its target, addressed as in the JSON output: `market.marketSize.2023`. */
    readonly metric: string;
    /** The target, in any value syntax (`'6.5万亿'`, `'-5%'`); a bare number is in `unit`. */
    readonly target: string | number;
    /** The input to vary, as `set` names it: `supplyChain.modes.receivables.penetration.2023`. */
    readonly vary: string;
    /** Default base. */
    readonly case?: Case;
}
/**
 * A value of a year: an amount (a decimal string in the output unit) or a ratio
 * (a decimal fraction); null where it has none.
 */
export type Value = string | null;
/** Values by year (`"2023"`). */
export type YearValues = Readonly<Record<string, Value>>;
/** `forecast`'s result: the CLI's `forecast -f json` document (docs/output.md). */
export interface ForecastDocument {
    readonly format: 'fintech-calc/forecast@1';
    readonly scenario: {
        readonly name: string;
        readonly title: string;
        readonly file: string;
    };
    readonly unit: string;
    readonly cases: {
        readonly [c in Case]?: CaseTables;
    };
}
/** A case's tables, those the scenario has. */
export interface CaseTables {
    readonly market?: MarketTable;
    readonly profit?: ProfitTable;
    readonly spend?: SpendTable;
    readonly labour?: Table;
    readonly tech?: Table;
}
/** A table: its years, and each line's values by year (nested by mode, segment, ... where the table has them). */
export interface Table {
    readonly years: readonly number[];
    readonly [line: string]: unknown;
}
/** A mode's lines in the market table. */
export interface ModeLines {
    readonly share: YearValues;
    readonly penetration: YearValues;
    readonly size: YearValues;
}
export interface MarketTable extends Table {
    readonly marketSpace: YearValues;
    readonly traditionalPenetration: YearValues;
    readonly traditionalSize: YearValues;
    readonly modes: Readonly<Record<string, ModeLines>>;
    readonly otherSize: YearValues;
    readonly marketSize: YearValues;
    readonly increment: YearValues;
    readonly penetration: YearValues;
}
export interface ProfitTable extends Table {
    readonly profitShare: YearValues;
    readonly baselineOperatingCost: YearValues;
    readonly operatingCost: YearValues;
    readonly traditionalProfit: YearValues;
    readonly shareProfit: YearValues;
    readonly costSavings: YearValues;
    readonly profit: YearValues;
    readonly increment: YearValues;
}
/** A segment's lines in the spend table. */
export interface SegmentLines {
    readonly label: string;
    readonly total: YearValues;
    readonly frontier: YearValues;
    readonly frontierShare: YearValues;
}
export interface SpendTable extends Table {
    readonly segments: Readonly<Record<string, SegmentLines>>;
    readonly total: YearValues;
    readonly frontier: YearValues;
    readonly frontierShare: YearValues;
    readonly cagr: {
        readonly total: Value;
        readonly frontier: Value;
    };
}
/** `diff`'s result: the CLI's `diff -f json` document; no changes means the forecasts agree (within the tolerance). */
export interface DiffDocument {
    readonly format: 'fintech-calc/diff@1';
    readonly changes: readonly Change[];
    /** With `attribute`: the inputs the changes are split among. */
    readonly attribution?: {
        readonly method: 'shapley';
        readonly inputs: readonly string[];
        readonly grouped: boolean;
        readonly unattributable?: unknown;
    };
}
export interface Change {
    readonly case: Case;
    readonly table: TableName;
    readonly metric: string;
    /** The mode, segment, ... of the line; '' for a line of the table itself. */
    readonly key: string;
    readonly year: string;
    readonly a: Value;
    readonly b: Value;
    readonly delta: Value;
    /** delta / |a|; null where a is 0. */
    readonly relative: Value;
    /** With `attribute`: each input's share of delta, and what they leave unexplained. */
    readonly contributions?: readonly {
        readonly input: string;
        readonly a: Value;
        readonly b: Value;
        readonly delta: Value;
    }[];
    readonly residual?: Value;
}
/** `explain`'s result: the CLI's `explain -f json` document. */
export interface ExplainDocument {
    readonly format: 'fintech-calc/explain@1';
    readonly scenario: string;
    readonly file: string;
    readonly case: Case;
    readonly unit: string;
    readonly tree: ExplainNode;
}
/** A value and how it is made: a formula over its operands, or an input with where it comes from. */
export interface ExplainNode {
    readonly name: string;
    readonly value: Value;
    readonly kind: string;
    readonly formula?: string;
    readonly operands?: readonly ExplainNode[];
    readonly input?: {
        readonly path: string;
        readonly year: number;
        readonly how: readonly string[];
    };
}
/** `sensitivity`'s result: the CLI's `sensitivity -f json` document, the largest swing first. */
export interface SensitivityDocument {
    readonly format: 'fintech-calc/sensitivity@1';
    readonly scenario: string;
    readonly metric: string;
    readonly unit: string;
    readonly base: Value;
    readonly inputs: readonly {
        readonly input: string;
        readonly how: string;
        readonly low: Value;
        readonly high: Value;
        readonly swing: Value;
    }[];
}
/** `solve`'s result: the CLI's `solve -f json` document. */
export interface SolveDocument {
    readonly format: 'fintech-calc/solve@1';
    readonly scenario: string;
    readonly file: string;
    readonly case: Case;
    readonly unit: string;
    /** The input varied, and the value found for it (an amount in `unit`, or a fraction). */
    readonly vary: string;
    readonly value: Value;
    readonly metric: string;
    readonly target: Value;
    /** The metric with the input at `value`. */
    readonly result: Value;
    readonly iterations: number;
    /** The metric's line over the years of its table, with the input at `value` (empty for a metric without years). */
    readonly line: YearValues;
}
/** `simulate`'s result: the CLI's `simulate -f json --no-stamp` document. */
export interface SimulateDocument {
    readonly format: 'fintech-calc/simulate@1';
    readonly scenario: string;
    readonly unit: string;
    readonly samples: number;
    readonly seed: number;
    readonly dist: Distribution;
    readonly percentiles: readonly number[];
    /** One entry per table, metric, key and year: `mean` and `p<percentile>` for each percentile. */
    readonly metrics: readonly ({
        readonly table: TableName;
        readonly metric: string;
        readonly key: string;
        readonly year: string;
    } & Readonly<Record<string, Value>>)[];
}
/**
 * Reads a scenario with every file it extends, and the `set` overrides: a path,
 * the name of a bundled scenario (default `baseline`), or text. Throws
 * FintechCalcError with every problem found.
 */
export declare function loadScenario(source?: string | ScenarioText, options?: LoadOptions): Promise<Scenario>;
/** The forecast of each case asked for. */
export declare function forecast(scenario: Scenario, options?: ForecastOptions): ForecastDocument;
/** Every value that differs between the forecasts of `a` and `b` (b − a). */
export declare function diff(a: Scenario, b: Scenario, options?: DiffOptions): DiffDocument;
/** How a value (`profit.increment.2023`) is computed, down to the inputs and their sources. */
export declare function explain(scenario: Scenario, metric: string, options?: ExplainOptions): ExplainDocument;
/** Which input moves a metric most: the metric at each input's low and high, all else at base. */
export declare function sensitivity(scenario: Scenario, metric: string, options?: SensitivityOptions): SensitivityDocument;
/** Monte Carlo over the input ranges: mean and percentiles of every metric, key and year. */
export declare function simulate(scenario: Scenario, options?: SimulateOptions): SimulateDocument;
/**
 * Goal seek: the value of one input (`vary`) at which `metric` meets `target`,
 * searched in exact decimal within the input's domain. A target it cannot reach
 * throws FintechCalcError, which says what the metric reaches.
 */
export declare function solve(scenario: Scenario, options: SolveOptions): Promise<SolveDocument>;
