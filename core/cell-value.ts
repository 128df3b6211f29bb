import { cellError, isBlank, isPercentFormat, type Cell } from "./grid";
import type { Rule } from "./messages";
import { parseVietnameseNumber } from "./number";

/** A finding about one cell, before it is placed on a sheet. */
export interface CellFinding {
  severity: "error" | "warning";
  rule: Rule;
  params: Record<string, unknown>;
  fix?: { value: number };
}

export type CellRead = { value: number | null; findings: CellFinding[]; bad: boolean };

export interface ValueRules {
  /** The row's unit is "%": values are percent numbers, so a %-formatted fraction is scaled by 100. */
  percentRow: boolean;
  /** Percent values above 100 are allowed (growth rates). */
  allowOver100: boolean;
}

/** Reads one value cell (baseline or year) as docs/rules.md describes. Blank is null, never 0; a bad cell is null and flagged. */
export function readValueCell(cell: Cell | undefined, format: string | null | undefined, rules: ValueRules): CellRead {
  if (cell === undefined || isBlank(cell)) return BLANK;
  const error = cellError(cell);
  if (error) return bad({ severity: "error", rule: "cell-error", params: { error } });
  if (typeof cell === "boolean") return bad({ severity: "error", rule: "not-a-number", params: { text: String(cell).toUpperCase() } });
  let findings: CellFinding[] = NO_FINDINGS;
  let value: number;
  if (typeof cell === "number") {
    value = isPercentFormat(format) ? roundNoise(cell * 100) : cell;
  } else {
    const text = String(cell);
    const parsed = parseVietnameseNumber(text);
    if (!parsed) return bad({ severity: "error", rule: "not-a-number", params: { text: text.trim() } });
    value = parsed.value;
    findings = [{ severity: "warning", rule: parsed.dotDecimal ? "dot-decimal" : "text-number", params: { text: text.trim(), value }, fix: { value } }];
  }
  // NaN or ±Infinity (a corrupt cell, 1e308 formatted as a percentage) is no figure.
  if (!Number.isFinite(value)) return bad({ severity: "error", rule: "not-a-number", params: { text: String(cell).trim() } }, findings);
  if (value < 0) return bad({ severity: "error", rule: "negative", params: { value } }, findings);
  if (rules.percentRow && !rules.allowOver100 && value > 100) {
    return bad({ severity: "error", rule: "percent-over-100", params: { value } }, findings);
  }
  return { value, findings, bad: false };
}

// Shared and never mutated: most cells are blank or plain numbers, and a national run reads a million of them.
const NO_FINDINGS: CellFinding[] = [];
const BLANK: CellRead = { value: null, findings: NO_FINDINGS, bad: false };

/** 0.3231 × 100 is 32.309999999999995 in binary: keep 12 significant digits. */
function roundNoise(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

function bad(finding: CellFinding, before: CellFinding[] = []): CellRead {
  return { value: null, findings: [...before.filter((f) => f.rule !== "text-number"), finding], bad: true };
}
