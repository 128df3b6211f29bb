import { BASE_YEAR, yearCoverage, type WorkbookRead } from "../core";
import type { MessageLine } from "./messages";
import { text } from "./text";

/** The counts line of a check: green when clean, red when any error, blue otherwise. */
export function checkLine(read: WorkbookRead): MessageLine {
  const errors = read.problems.filter((p) => p.severity === "error").length;
  const warnings = read.problems.length - errors;
  const sheets = read.sheets.length;
  const indicators = read.indicators.length;
  if (sheets > 0 && read.problems.length === 0) return { kind: "success", text: text("checkClean", { sheets, indicators }) };
  return { kind: errors > 0 ? "error" : "info", text: text("checkCounts", { errors, warnings, sheets, indicators }) };
}

export interface SummaryWrittenInfo {
  /** The sheet written. */
  name: string;
  /** It replaced the sheet COMA made before for that year. */
  replaced: boolean;
  headline: string;
  planHeadline: string | null;
  year: number;
  /** The read the summary was made from. */
  read: WorkbookRead;
  /** Sheet names of the workbook before writing (to tell when the user's own sheet kept its name). */
  sheetNames: readonly string[];
  /** The write was run a second time (another window made the sheet meanwhile). */
  retried?: boolean;
}

/** What the summary result says: the sheet written, its headlines, the year's coverage, then any warnings. */
export function summaryLines(info: SummaryWrittenInfo): MessageLine[] {
  const { name, year, read } = info;
  const lines: MessageLine[] = [
    { kind: "success", text: info.replaced ? text("summaryReplaced", { name }) : text("summaryDone", { name }) },
    { kind: "strong", text: info.headline },
    ...(info.planHeadline === null ? [] : [{ kind: "strong" as const, text: info.planHeadline }]),
    ...coverageLines(read, year),
  ];
  const base = `Tổng hợp BTV ${year}`;
  if (name !== base && info.sheetNames.includes(base)) lines.push({ kind: "info", text: text("summaryKept", { taken: base, name }) });
  const errors = read.problems.filter((p) => p.severity === "error").length;
  const warnings = read.problems.length - errors;
  if (errors + warnings > 0) lines.push({ kind: "warning", text: text("summaryProblems", { errors, warnings }) });
  if (info.retried) lines.push({ kind: "info", text: text("summaryRetry") });
  return lines;
}

/** The year chosen and how many rows have a value for it; a warning when none has. */
export function coverageLines(read: WorkbookRead, year: number): MessageLine[] {
  const coverage = yearCoverage(read.indicators, year);
  const lines: MessageLine[] = [{ kind: "info", text: text("summaryCoverage", { year, ...coverage }) }];
  if (coverage.withValue === 0 && year > BASE_YEAR) lines.push({ kind: "warning", text: text("summaryNoValues", { year }) });
  return lines;
}
