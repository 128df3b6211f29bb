import { formatNumber } from "../../core";
import type { CollectResult, SplitResult } from "./collect-commands";
import { LABELS } from "./messages";
import { problemsText, type TextOptions } from "./report";

/** Human-readable output of `coma split` and `coma collect`. */

export function splitText(result: SplitResult): string {
  return [
    LABELS.splitWritten(result.year, result.files.length, result.folder),
    ...result.files.map((f) => LABELS.splitFile(f.unit, f.rows, f.file)),
  ].join("\n");
}

const shown = (value: number | string | null) => (value === null ? LABELS.blank : typeof value === "number" ? formatNumber(value) : value);

/** What was written, per unit; the conflicts; what is still missing (`Chưa báo cáo`); then the problems, errors first. */
export function collectText({ json, plan }: CollectResult, options: TextOptions): string {
  const out = [
    LABELS.collectWritten(json.output, json.year, json.written),
    ...json.units.map((u) => LABELS.collectUnit(u.unit, u.filled, u.rows, u.file)),
  ];
  if (plan.conflicts.length > 0) {
    out.push("", LABELS.collectConflictsHeading(plan.conflicts.length));
    for (const c of plan.conflicts) {
      out.push(
        LABELS.collectConflict(
          c.code,
          `${c.sheet}!${c.cell}`,
          shown(c.master),
          c.unit,
          shown(c.value),
          c.file,
          LABELS.conflictReasons[c.reason],
        ),
      );
    }
  }
  if (plan.missing.length > 0) {
    out.push("", LABELS.missingHeading(plan.missing.reduce((n, m) => n + m.codes.length, 0)));
    out.push(...plan.missing.map((m) => LABELS.missingUnit(m.unit, m.codes)));
  }
  if (plan.conflicts.length === 0 && plan.missing.length === 0) out.push("", LABELS.allIn);
  const problems = problemsText(json.problems, options);
  if (problems.length > 0) out.push("", ...problems);
  return out.join("\n");
}
