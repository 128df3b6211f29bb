import { evaluateIndicator, type IndicatorResult } from "./evaluate";
import { BASE_YEAR, YEARS, type Group, type Indicator } from "./model";
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
  /** Rows not on track (Chưa đạt / Không đạt), worst attainment first. */
  behind: SummaryRow[];
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
  return { year, headline: headline(year, groups), groups, rows, behind };
}

function toRow(indicator: Indicator, result: IndicatorResult): SummaryRow {
  const { code, root, group, name, unit, targetText, sheet, row, isParent } = indicator;
  const baseline = indicator.invalid.has("baseline") ? null : indicator.baseline;
  const { actual, attainment, progress, delta, change, status, gaps } = result;
  return { code, root, group, name, unit, baseline, target: targetText, actual, attainment, progress, delta, change, status, gaps, sheet, row, isParent };
}
