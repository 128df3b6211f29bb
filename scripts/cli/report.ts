import { formatNumber, formatPercent, GROUP_NAMES, isFinal, type GroupCount, type SummaryRow } from "../../core";
import { LABELS } from "./messages";
import type { ProblemJson } from "./json-output";
import type { SummaryResult, TemplateResult, ValidateResult } from "./commands";

/** Human-readable output of the command line and the demo: Vietnamese, aligned plain-text tables. */

/** `Trang!F12 [lỗi] KT3.2: message`. */
export function problemLine(p: ProblemJson): string {
  const where = p.sheet === null ? "" : `${p.cell === null ? p.sheet : `${p.sheet}!${p.cell}`} `;
  const tag = p.severity === "error" ? LABELS.error : LABELS.warning;
  return `${where}[${tag}]${p.code === null ? "" : ` ${p.code}`}: ${p.message}`;
}

export function templateText(result: TemplateResult): string {
  return LABELS.templateWritten(result.output, result.targets);
}

export function templateNotes(result: TemplateResult): string[] {
  return result.notes.map((n) => `${LABELS.note}: ${n.code} — ${n.message}`);
}

export function validateText({ json, targets }: ValidateResult): string {
  const errors = json.problems.filter((p) => p.severity === "error").length;
  return lines(
    `${LABELS.file}: ${json.file}`,
    `${LABELS.sheets}: ${json.sheets.length > 0 ? json.sheets.join(", ") : LABELS.none}`,
    ...json.problems.map(problemLine),
    LABELS.validated(targets, json.indicators, errors, json.problems.length - errors),
  );
}

export function summaryText(result: SummaryResult): string {
  const { json, model } = result;
  return lines(
    LABELS.summaryWritten(json.output, result.sheet, result.replaced),
    "",
    json.headline,
    "",
    groupTable(json.groups, json.year),
    "",
    detailTable(model.rows, json.year),
    ...(result.problems.length > 0 ? ["", ...result.problems.map(problemLine)] : []),
  );
}

export function groupTable(groups: readonly GroupCount[], year: number): string {
  const notMet = isFinal(year) ? "Không đạt" : "Chưa đạt";
  const sum = (key: keyof Omit<GroupCount, "group">) => groups.reduce((s, g) => s + g[key], 0);
  const row = (label: string, counts: number[]) => [label, ...counts.map(String)];
  const keys = ["total", "exceeded", "met", "notMet", "noData"] as const;
  return table(
    [LABELS.group, LABELS.total, "Vượt", "Đạt", notMet, LABELS.noData],
    [...groups.map((g) => row(`${g.group} ${GROUP_NAMES[g.group]}`, keys.map((k) => g[k]))), row(LABELS.totalRow, keys.map(sum))],
    ["left", "right", "right", "right", "right", "right"],
  );
}

const NAME_WIDTH = 48;

/** Code, name (cut to fit), baseline, target, actual, attainment and status of each row; sub-metrics indented. */
export function detailTable(rows: readonly SummaryRow[], year: number): string {
  return table(
    [LABELS.code, LABELS.name, LABELS.baseline, LABELS.target, LABELS.actual(year), LABELS.attainment, LABELS.status],
    rows.map((r) => [
      r.code.includes(".") ? `  ${r.code}` : r.code,
      cut(r.name, NAME_WIDTH),
      figure(r.baseline),
      cut(r.target, 16),
      figure(r.actual),
      r.attainment === null ? "" : formatPercent(r.attainment),
      r.status,
    ]),
    ["left", "left", "right", "left", "right", "right", "left"],
  );
}

const figure = (value: number | null) => (value === null ? "" : formatNumber(value));

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
