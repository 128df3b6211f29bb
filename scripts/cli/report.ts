import {
  EVALUATED_UNITS,
  formatNumber,
  formatPercent,
  GROUP_NAMES,
  isAbsent,
  overviewStatuses,
  SUMMARY_TEXT,
  type DetailRow,
  type GroupCount,
  type SummaryModel,
  type SummaryRow,
} from "../../core";
import { LABELS, PROBLEM_KINDS } from "./messages";
import type { ProblemJson } from "./json-output";
import type { SummaryResult, TemplateResult, ValidateResult } from "./commands";

/** Human-readable output of the command line and the demo: Vietnamese, aligned plain-text tables. */

/** How much a report shows: `all` lists every warning of a kind that would otherwise be counted. */
export interface TextOptions {
  all: boolean;
}

/** A kind of warning with more lines than this is counted, not listed (unless --all). */
export const LISTED_PER_KIND = 3;
/** Codes named on the line of a counted kind. */
const CODES_PER_KIND = 8;

/** `Trang!F12 [lỗi] KT3.2: message`. */
export function problemLine(p: ProblemJson): string {
  const where = p.sheet === null ? "" : `${p.cell === null ? p.sheet : `${p.sheet}!${p.cell}`} `;
  const tag = p.severity === "error" ? LABELS.error : LABELS.warning;
  return `${where}[${tag}]${p.code === null ? "" : ` ${p.code}`}: ${p.message}`;
}

/** The errors, every one; then the warnings by kind, a kind of many lines counted with the codes it touches. */
export function problemsText(problems: readonly ProblemJson[], { all }: TextOptions): string[] {
  const errors = problems.filter((p) => p.severity === "error");
  const kinds = new Map<string, ProblemJson[]>();
  for (const p of problems.filter((p) => p.severity === "warning")) kinds.set(p.rule, [...(kinds.get(p.rule) ?? []), p]);
  const out: string[] = [];
  if (errors.length > 0) out.push(LABELS.errorsHeading(errors.length), ...errors.map((p) => `  ${problemLine(p)}`));
  if (kinds.size > 0) out.push(LABELS.warningsHeading(problems.length - errors.length));
  let counted = false;
  for (const [rule, lines] of kinds) {
    const kind = PROBLEM_KINDS[rule as ProblemJson["rule"]] ?? rule;
    if (lines.length > LISTED_PER_KIND && !all) {
      counted = true;
      const codes = [...new Set(lines.map((p) => p.code ?? p.cell ?? p.sheet ?? ""))].filter((c) => c !== "");
      out.push(`  ${LABELS.kindCounted(kind, lines.length, codes.slice(0, CODES_PER_KIND), codes.length > CODES_PER_KIND)}`);
    } else {
      out.push(`  ${LABELS.kindListed(kind, lines.length)}`, ...lines.map((p) => `    ${problemLine(p)}`));
    }
  }
  if (counted) out.push(LABELS.seeAll);
  return out;
}

export function templateText(result: TemplateResult): string {
  return LABELS.templateWritten(result.output, result.targets);
}

/** One line for all the contradictions of the report: the notes themselves are in the template's `Ghi chú`. */
export function templateNotes(result: TemplateResult): string[] {
  return result.notes.length === 0 ? [] : [LABELS.conflicts(result.notes.map((n) => n.code))];
}

export function validateText({ json, targets }: ValidateResult, options: TextOptions): string {
  const errors = json.problems.filter((p) => p.severity === "error").length;
  return lines(
    `${LABELS.file}: ${json.file}`,
    LABELS.validated(targets, json.indicators, errors, json.problems.length - errors),
    `${LABELS.sheets}: ${json.sheets.length > 0 ? json.sheets.join(", ") : LABELS.none}`,
    ...problemsText(json.problems, options),
  );
}

export interface SummaryTextOptions extends TextOptions {
  /** The year came from --year rather than from the workbook. */
  yearGiven: boolean;
}

/** Where the sheet went, the year and its coverage, the counts of problems, the headline, the groups, who is behind. */
export function summaryText(result: SummaryResult, options: SummaryTextOptions): string {
  const { json, model } = result;
  const errors = result.problems.filter((p) => p.severity === "error").length;
  return lines(
    LABELS.summaryWritten(json.output, result.sheet, result.replaced),
    LABELS.yearChosen(model.year, options.yearGiven, model.coverage.withValue, model.coverage.rows),
    LABELS.problemCounts(errors, result.problems.length - errors, model.doubts.length),
    "",
    json.headline,
    ...(model.planHeadline === null ? [] : [model.planHeadline]),
    "",
    groupTable(model),
    "",
    ...behindText(model),
    ...(options.all ? ["", detailTable(model.detail, model.year)] : []),
    ...(result.problems.length > 0 ? ["", ...problemsText(result.problems, options)] : []),
  );
}

/** The targets counted by group, a column per status as on the summary sheet. */
export function groupTable(model: SummaryModel): string {
  const statuses = overviewStatuses(model);
  const sum = (count: (g: GroupCount) => number) => model.groups.reduce((s, g) => s + count(g), 0);
  const row = (label: string, counts: number[]) => [label, ...counts.map(String)];
  return table(
    [LABELS.group, LABELS.total, ...statuses.map((s) => s.status)],
    [
      ...model.groups.map((g) => row(`${g.group} ${GROUP_NAMES[g.group]}`, [g.total, ...statuses.map((s) => s.count(g))])),
      row(LABELS.totalRow, [sum((g) => g.total), ...statuses.map((s) => sum(s.count))]),
    ],
    ["left", ...statuses.map(() => "right" as const), "right"],
  );
}

/**
 * The behind list of the sheet (worst first), or one sentence when nobody is behind: v(y) and, where it differs, the
 * evaluated value (`lũy kế`, `%/năm`) that the path is measured against, as on the sheet; `(*)` as on the sheet.
 */
function behindText(model: SummaryModel): string[] {
  if (model.behind.length === 0) return [LABELS.noneBehind(model.year)];
  return [
    LABELS.behindHeading(model.year, model.behind.length),
    table(
      [
        LABELS.code,
        LABELS.name,
        LABELS.actual(model.year),
        LABELS.evaluated,
        LABELS.expected(model.year),
        LABELS.attainment,
        LABELS.status,
      ],
      model.behind.map((r) => [
        markedCode(r),
        cut(r.name, NAME_WIDTH),
        figure(r.value),
        evaluated(r),
        withUnit(r.expected, r.method === "Tăng bình quân" ? EVALUATED_UNITS["Tăng bình quân"] : null),
        ratio(r.attainment),
        r.status,
      ]),
      ["left", "left", "right", "right", "right", "right", "left"],
    ),
  ];
}

const markedCode = (r: SummaryRow) => (r.doubted ? `${r.code} (*)` : r.code);

/** The evaluated value where it is not v(y): `90 lũy kế`, `4,21 %/năm`. */
function evaluated(r: SummaryRow): string {
  const unit = r.method === "Cộng dồn" || r.method === "Tăng bình quân" ? EVALUATED_UNITS[r.method] : null;
  return r.actual === null || r.actual === r.value || unit === null ? "" : withUnit(Math.round(r.actual * 100) / 100, unit);
}

const withUnit = (value: number | null, unit: string | null) =>
  value === null ? "" : unit === null ? formatNumber(value) : `${formatNumber(value)} ${unit}`;

const NAME_WIDTH = 48;

/**
 * Code, name (cut to fit), baseline, target (with the resolution's when it differs), actual, attainment and status
 * of each row, sub-metrics indented; a target of the resolution that no sheet holds says so where the figures go.
 */
export function detailTable(rows: readonly DetailRow[], year: number): string {
  return table(
    [LABELS.code, LABELS.name, LABELS.baseline, LABELS.target, LABELS.actual(year), LABELS.attainment, LABELS.status],
    rows.map((r) => {
      const code = r.code.includes(".") ? `  ${isAbsent(r) ? r.code : markedCode(r)}` : isAbsent(r) ? r.code : markedCode(r);
      if (isAbsent(r)) return [code, cut(r.name, NAME_WIDTH), "", cut(r.target, 16), SUMMARY_TEXT.absent, "", r.status];
      const target = r.resolutionTarget === null ? cut(r.target, 16) : `${cut(r.target, 16)} (NQ: ${cut(r.resolutionTarget, 16)})`;
      return [code, cut(r.name, NAME_WIDTH), figure(r.baseline), target, figure(r.actual), ratio(r.attainment), r.status];
    }),
    ["left", "left", "right", "left", "right", "right", "left"],
  );
}

const figure = (value: number | null) => (value === null ? "" : formatNumber(value));
const ratio = (value: number | null) => (value === null ? "" : formatPercent(value));

function cut(text: string, width: number): string {
  const chars = [...text.normalize("NFC")];
  return chars.length <= width ? chars.join("") : `${chars.slice(0, width - 1).join("")}…`;
}

/** Columns padded to their widest cell, counted in characters (Vietnamese text normalised to NFC). */
export function table(headers: string[], rows: string[][], align: ("left" | "right")[]): string {
  const all = [headers, ...rows].map((row) => row.map((cell) => cell.normalize("NFC")));
  const widths = headers.map((_, c) => Math.max(...all.map((row) => [...(row[c] ?? "")].length)));
  const render = (row: string[]) =>
    row
      .map((cell, c) => {
        const pad = " ".repeat(widths[c] - [...cell].length);
        return align[c] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return lines(render(all[0]), rule, ...all.slice(1).map(render));
}

function lines(...parts: string[]): string {
  return parts.join("\n");
}
