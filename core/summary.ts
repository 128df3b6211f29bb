import { evaluateIndicator, type IndicatorResult } from "./evaluate";
import { BASE_YEAR, YEARS, type Group, type Indicator, type Method } from "./model";
import { countByGroup, headline, rollUp, type GroupCount } from "./rollup";
import type { WorkbookRead } from "./sheet";

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
}

/** What the Ban Thường vụ summary holds for a year, independent of how a workbook writes it. */
export interface SummaryModel {
  year: number;
  headline: string;
  groups: GroupCount[];
  rows: SummaryRow[];
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

const CODES = new Intl.Collator("vi", { numeric: true });

/** The latest year with any value, or 2025 (the starting position) when no year has one. */
export function defaultYear(indicators: readonly Indicator[]): number {
  const years = YEARS.filter((y) => indicators.some((i) => typeof i.values[y] === "number"));
  return years.length > 0 ? years[years.length - 1] : BASE_YEAR;
}

export function buildSummary(read: WorkbookRead, year = defaultYear(read.indicators)): SummaryModel {
  const evaluated = read.indicators.map((indicator) => ({ indicator, result: evaluateIndicator(indicator, year) }));
  const targets = rollUp(evaluated.filter((e) => !e.indicator.isParent).map((e) => ({ root: e.indicator.root, group: e.indicator.group, status: e.result.status })));
  const rootStatus = new Map(targets.map((t) => [t.root, t.status]));
  const rows = evaluated.map(({ indicator, result }) => toRow(indicator, indicator.isParent ? { ...result, status: rootStatus.get(indicator.root) ?? result.status } : result));
  const groups = countByGroup(targets);
  const behind = rows
    .filter((r) => !r.isParent && (r.status === "Chưa đạt" || r.status === "Không đạt"))
    .sort((a, b) => (a.attainment ?? Infinity) - (b.attainment ?? Infinity) || CODES.compare(a.code, b.code));
  const indicatorRows = rows.filter((r) => !r.isParent);
  const coverage = { rows: indicatorRows.length, withValue: indicatorRows.filter((r) => r.value !== null).length };
  const skipped = { cells: read.problems.filter((p) => p.severity === "error" && p.cell !== null).length, codes: [] };
  return { year, headline: headline(year, groups), groups, rows, behind, coverage, planHeadline: null, hasPlans: false, skipped };
}

function toRow(indicator: Indicator, result: IndicatorResult): SummaryRow {
  const { code, root, group, name, unit, targetText, sheet, row, isParent } = indicator;
  const baseline = indicator.invalid.has("baseline") ? null : indicator.baseline;
  return { ...result, code, root, group, name, unit, baseline, target: targetText, sheet, row, isParent, method: indicator.method };
}
