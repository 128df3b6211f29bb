import { CATALOGUE } from "./catalogue/targets";
import { evaluateIndicator, meetsPlan, skippedForBadCell, type IndicatorResult } from "./evaluate";
import { BASE_YEAR, GROUPS, WORST_FIRST, YEARS, yearValue, type Group, type Indicator, type Method, type Status } from "./model";
import { countByGroup, headline, planHeadline, rollUp, type GroupCount } from "./rollup";
import { rises } from "./rules";
import type { Target } from "./target";
import type { Finding } from "./problems";
import { DOUBT_RULES, problemColumn, type MissingTarget, type WorkbookRead } from "./sheet";

/** One row of the detail table: an indicator with its figures for the year. */
export interface SummaryRow extends IndicatorResult {
  code: string;
  root: string;
  group: Group;
  name: string;
  unit: string;
  baseline: number | null;
  /** The target expression as written in the source. */
  target: string;
  method: Method;
  sheet: string;
  row: number;
  /** A target whose figures are in its sub-metrics: its status is theirs, rolled up. */
  isParent: boolean;
  /** The figure rests on a cell whose warning can change its reading (docs/rules.md, "Figures to check"): `(*)`. */
  doubted: boolean;
  /** The resolution's expression when the sheet's target differs from it, else null. */
  resolutionTarget: string | null;
}

/** A target or sub-metric of the resolution that no sheet holds, in the detail table in its place by code. */
export interface AbsentRow {
  absent: true;
  code: string;
  root: string;
  group: Group;
  /** The resolution's name, unit and target expression. */
  name: string;
  unit: string;
  target: string;
  status: "Thiếu số liệu";
}

export type DetailRow = SummaryRow | AbsentRow;

export const isAbsent = (row: DetailRow): row is AbsentRow => "absent" in row;

/** The warnings that can change how a figure reads: a fraction in a `%` row, a `.` read as a decimal point, an edited target. */
export type DoubtFinding = Extract<Finding, { rule: "percent-fraction" | "dot-decimal" | "target-differs" }>;

/** A cell whose warning can change the reading of a figure of the year, listed in the note of data problems. */
export interface Doubt {
  sheet: string | null;
  cell: string | null;
  code: string;
  finding: DoubtFinding;
}

/** What the Ban Thường vụ summary holds for a year, independent of how a workbook writes it. */
export interface SummaryModel {
  year: number;
  headline: string;
  groups: GroupCount[];
  rows: SummaryRow[];
  /** The detail table: the rows, and the resolution's targets that no sheet holds in their place by code. */
  detail: DetailRow[];
  /** Cells whose warning can change the reading of the year's figures, in the order of the problems. */
  doubts: Doubt[];
  /** Rows that are `Chậm tiến độ`, `Chưa đạt` or `Không đạt`, worst first by their distance from e(y). */
  behind: SummaryRow[];
  /** Indicator rows (not parents) and how many of them have a value for the year. */
  coverage: { rows: number; withValue: number };
  /** `So với kế hoạch năm <y>: …` when the sheets hold plans for the year, else null. */
  planHeadline: string | null;
  /** True when any row has a plan for the year: the plan columns are shown. */
  hasPlans: boolean;
  /** Data problems the figures skipped: error cells, and the codes counted `Thiếu số liệu` because of them. */
  skipped: { cells: number; codes: string[] };
}

const GROUP_ORDER = new Map(GROUPS.map((g, i) => [g, i]));
const SEVERITY = new Map(WORST_FIRST.map((s, i) => [s, i]));
const BEHIND: ReadonlySet<Status> = new Set(["Chậm tiến độ", "Chưa đạt", "Không đạt"]);

/**
 * The figure of a row for the year, as the coverage counts it: v(y), or in 2025 (the starting position, which
 * has no year column) the baseline.
 */
function hasFigure(indicator: Indicator, year: number): boolean {
  return typeof (year <= BASE_YEAR ? indicator.baseline : yearValue(indicator.values, year)) === "number";
}

/** Indicator rows (not parents) and how many of them have a figure for the year. */
export function yearCoverage(indicators: readonly Indicator[], year: number): { rows: number; withValue: number } {
  let rows = 0;
  let withValue = 0;
  for (const indicator of indicators) {
    if (indicator.isParent) continue;
    rows++;
    if (hasFigure(indicator, year)) withValue++;
  }
  return { rows, withValue };
}

/**
 * The latest year in which at least a third of the indicator rows have a value; else the latest year with any
 * value; else 2025, the starting position. One stray value in a later year does not move the summary there.
 */
export function defaultYear(indicators: readonly Indicator[]): number {
  let latestThird: number | null = null;
  let latestAny: number | null = null;
  for (const year of YEARS) {
    const { rows, withValue } = yearCoverage(indicators, year);
    if (withValue === 0) continue;
    latestAny = year;
    if (withValue * 3 >= rows) latestThird = year;
  }
  return latestThird ?? latestAny ?? BASE_YEAR;
}

export function buildSummary(read: WorkbookRead, year = defaultYear(read.indicators)): SummaryModel {
  const evaluated = read.indicators.map((indicator) => ({ indicator, result: evaluateIndicator(indicator, year) }));
  const judged = evaluated.filter((e) => !e.indicator.isParent);
  const missing = read.missing.map((m) => ({ root: m.root, group: m.group, status: "Thiếu số liệu" as const }));
  const targets = rollUp(
    judged.map((e) => ({ root: e.indicator.root, group: e.indicator.group, status: e.result.status })).concat(missing),
  );
  const rootStatus = new Map(targets.map((t) => [t.root, t.status]));
  const doubts = yearDoubts(read, year);
  const doubted = new Set(doubts.map((d) => d.code));
  const resolutionTargets = new Map(
    doubts.flatMap((d) => (d.finding.rule === "target-differs" ? [[d.code, d.finding.params.resolution]] : [])),
  );
  const rows = evaluated.map(({ indicator, result }) =>
    toRow(
      indicator,
      result,
      indicator.isParent ? (rootStatus.get(indicator.root) ?? result.status) : result.status,
      doubted.has(indicator.code),
      resolutionTargets.get(indicator.code) ?? null,
    ),
  );
  const groups = countByGroup(targets);
  // Each row's sort keys found once, not in every comparison: a national run sorts a behind list per commune.
  const keyed: { row: SummaryRow; severity: number; distance: number }[] = [];
  rows.forEach((row, i) => {
    if (row.isParent || !BEHIND.has(row.status)) return;
    keyed.push({ row, severity: SEVERITY.get(row.status)!, distance: distance(evaluated[i].indicator, evaluated[i].result) });
  });
  const behind = keyed
    .sort((a, b) => a.severity - b.severity || b.distance - a.distance || compareCodes(a.row.code, b.row.code))
    .map((e) => e.row);
  const planned = planCount(
    judged.map((e) => e.indicator),
    year,
  );
  const skipped = {
    cells: read.problems.filter((p) => p.severity === "error" && p.cell !== null).length,
    codes: judged.filter((e) => e.result.status === "Thiếu số liệu" && skippedForBadCell(e.indicator, year)).map((e) => e.indicator.code),
  };
  return {
    year,
    headline: headline(year, groups),
    groups,
    rows,
    detail: withAbsent(rows, read.missing),
    doubts,
    behind,
    coverage: yearCoverage(read.indicators, year),
    planHeadline: planned.targets > 0 ? planHeadline(year, planned) : null,
    hasPlans: judged.some((e) => e.indicator.plans[year] !== undefined),
    skipped,
  };
}

/**
 * The warned cells the year's figures rest on: the target, the baseline, the year's plan and the values of the
 * years up to it (a running total and the previous year read them too). A later year's cell changes nothing yet.
 */
function yearDoubts(read: WorkbookRead, year: number): Doubt[] {
  const doubts: Doubt[] = [];
  for (const problem of read.problems) {
    if (problem.code === null || !DOUBT_RULES.has(problem.rule)) continue;
    const column = problemColumn(problem);
    const at = column === undefined ? null : /^(year|plan):(\d+)$/.exec(column);
    if (at && (at[1] === "year" ? Number(at[2]) > year : Number(at[2]) !== year)) continue;
    const finding = { rule: problem.rule, params: problem.params } as DoubtFinding;
    doubts.push({ sheet: problem.sheet, cell: problem.cell, code: problem.code, finding });
  }
  return doubts;
}

/**
 * The rows with the resolution's missing targets put in their place: before the first row of a later group or of a
 * later code in its group (a target missing whole brings its sub-metrics, as the resolution lists them), so that
 * the numbering runs on.
 */
function withAbsent(rows: readonly SummaryRow[], missing: readonly MissingTarget[]): DetailRow[] {
  const pending: AbsentRow[] = missing
    .flatMap((m) => CATALOGUE.filter((e) => e.code === m.code || e.code.startsWith(`${m.code}.`)))
    .map((e) => ({
      absent: true,
      code: e.code,
      root: e.code.split(".")[0],
      group: e.group,
      name: e.name,
      unit: e.unit,
      target: e.target ?? "",
      status: "Thiếu số liệu",
    }));
  pending.sort((a, b) => compareCodes(a.code, b.code));
  const detail: DetailRow[] = [];
  for (const row of rows) {
    for (let i = 0; i < pending.length;) {
      const before = GROUP_ORDER.get(pending[i].group)! - GROUP_ORDER.get(row.group)! || compareCodes(pending[i].code, row.code);
      if (before < 0) detail.push(...pending.splice(i, 1));
      else i++;
    }
    detail.push(row);
  }
  return [...detail, ...pending];
}

/**
 * How far a row stands behind, unit-free so that rows compare (docs/rules.md, "The behind-schedule list"):
 * 1 − a / r for a target that rises, 1 − r / a for one that falls, where r is e(y), or the target's own bound
 * when there is no path. 0 is on the mark; 1 is as far as it gets (nothing done towards a rising target).
 */
export function distance(indicator: Indicator, result: IndicatorResult): number {
  const { target } = indicator;
  const a = result.actual;
  const r = result.expected ?? (target ? bound(target, indicator) : null);
  if (!target || a === null || r === null) return 0;
  const share = rises(target) ? (r === 0 ? 1 : a / r) : a === 0 ? 1 : r / a;
  return Number.isFinite(share) ? 1 - share : 1;
}

/** The level a target asks for, where a row has no path (`Hằng năm`, or a `Năm` row without baseline). */
function bound(target: Target, indicator: Indicator): number | null {
  if (target.kind === "range") return target.low;
  if (target.kind !== "reduction") return target.n;
  return indicator.baseline === null || indicator.invalid.has("baseline") ? null : indicator.baseline * (1 - target.n / 100);
}

/**
 * The plan sentence counts targets (codes without a dot) with a readable plan for the year on at least one of
 * their rows; a target counts as met when every such row's value meets its plan (docs/rules.md, "Plans").
 */
function planCount(indicators: readonly Indicator[], year: number): { targets: number; met: number } {
  const byRoot = new Map<string, boolean>();
  for (const indicator of indicators) {
    if (!indicator.plans[year]?.target) continue;
    byRoot.set(indicator.root, (byRoot.get(indicator.root) ?? true) && meetsPlan(indicator, year) === true);
  }
  return { targets: byRoot.size, met: [...byRoot.values()].filter(Boolean).length };
}

/** One object literal with every field (no spread): a national run builds 170,000 of them. */
function toRow(indicator: Indicator, r: IndicatorResult, status: Status, doubted: boolean, resolutionTarget: string | null): SummaryRow {
  return {
    value: r.value,
    previous: r.previous,
    actual: r.actual,
    expected: r.expected,
    plan: r.plan,
    planAttainment: r.planAttainment,
    attainment: r.attainment,
    progress: r.progress,
    delta: r.delta,
    change: r.change,
    status,
    gaps: r.gaps,
    code: indicator.code,
    root: indicator.root,
    group: indicator.group,
    name: indicator.name,
    unit: indicator.unit,
    baseline: indicator.invalid.has("baseline") ? null : indicator.baseline,
    target: indicator.targetText,
    method: indicator.method,
    sheet: indicator.sheet,
    row: indicator.row,
    isParent: indicator.isParent,
    doubted,
    resolutionTarget,
  };
}

/**
 * Codes in reading order, their numbers by value: XH2 before XH10, KT1.2 before KT1.10 (what a numeric Intl.Collator
 * answers for codes, which are letters, digits and dots, without the 13 ms that starting ICU costs a short run).
 */
export function compareCodes(a: string, b: string): number {
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (isDigit(a, i) && isDigit(b, j)) {
      let [x, y] = [0, 0];
      for (; isDigit(a, i); i++) x = x * 10 + a.charCodeAt(i) - 48;
      for (; isDigit(b, j); j++) y = y * 10 + b.charCodeAt(j) - 48;
      if (x !== y) return x - y;
    } else if (a.charCodeAt(i) !== b.charCodeAt(j)) {
      return a.charCodeAt(i) - b.charCodeAt(j); // "." before digits before letters, as the collator has them
    } else {
      [i, j] = [i + 1, j + 1];
    }
  }
  return a.length - i - (b.length - j);
}

const isDigit = (text: string, at: number) => at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;
