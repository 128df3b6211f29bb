import { cellError, isBlank, isPercentFormat, type Cell } from "./grid";
import type { Severity } from "./model";
import { AMBIGUOUS, readNumberText } from "./number";
import type { Finding } from "./problems";

/** A finding about one cell, before it is placed on a sheet. */
export type CellFinding = Finding & {
  severity: Severity;
  fix?: { value: number };
};

export type CellRead = { value: number | null; findings: CellFinding[]; bad: boolean };

export interface ValueRules {
  /** The row's unit is "%": values are percent numbers, so a %-formatted fraction is scaled by 100. */
  percentRow: boolean;
  /** Percent values above 100 are allowed (growth rates). */
  allowOver100: boolean;
}

/** Reads one value cell (baseline or year), see docs/rules.md. Blank is null, never 0; a bad cell is null and flagged. */
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
    const text = String(cell).trim();
    const parsed = readNumberText(text);
    if (parsed === AMBIGUOUS) return bad({ severity: "error", rule: "ambiguous-number", params: { text } });
    if (!parsed) return bad({ severity: "error", rule: "not-a-number", params: { text } });
    value = parsed.value;
    findings = [{ severity: "warning", rule: parsed.dotDecimal ? "dot-decimal" : "text-number", params: { text, value }, fix: { value } }];
  }
  // NaN or ±Infinity (a corrupt cell, 1e308 formatted as a percentage) is no figure.
  if (!Number.isFinite(value)) return bad({ severity: "error", rule: "not-a-number", params: { text: String(cell).trim() } }, findings);
  if (value < 0) return bad({ severity: "error", rule: "negative", params: { value } }, findings);
  if (rules.percentRow && !rules.allowOver100 && value > 100) {
    return bad({ severity: "error", rule: "percent-over-100", params: { value } }, findings);
  }
  return { value, findings, bad: false };
}

/**
 * In a `%` row whose baseline or another year is above 1, 0 < v < 1 typed in a cell not formatted as a percentage
 * is most likely the percent written as a fraction (0,912 for 91,2%). The caller checks the row; the value is read
 * as typed, and the warning offers the percent, replacing the text-number warning whose fix would write the fraction.
 */
export function offerPercent(read: CellRead, format: string | null | undefined): CellRead {
  const { value } = read;
  if (value === null || value <= 0 || value >= 1 || isPercentFormat(format)) return read;
  const percent = roundNoise(value * 100);
  return { ...read, findings: [{ severity: "warning", rule: "percent-fraction", params: { value, percent }, fix: { value: percent } }] };
}

// Shared and never mutated: most cells are blank or plain numbers, and a national run reads a million of them.
const NO_FINDINGS: CellFinding[] = [];
const BLANK: CellRead = { value: null, findings: NO_FINDINGS, bad: false };

/** 0.3231 × 100 is 32.309999999999995 in binary: keep 12 significant digits. */
export function roundNoise(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

function bad(finding: CellFinding, before: CellFinding[] = []): CellRead {
  return { value: null, findings: [...before.filter((f) => f.rule !== "text-number"), finding], bad: true };
}
