import type { Cell } from "./grid";

/**
 * Sheets that COMA writes carry this text in a hidden cell of their first row, so that they are recognised
 * after save and reopen in Excel or exceljs, whatever their name.
 */
export const MARKER_PREFIX = "COMA:tong-hop-btv:";

export function markerText(year: number): string {
  return `${MARKER_PREFIX}${year}`;
}

/** Which year's summary a sheet holds, read from its marker; null for the user's own sheets. */
export function generatedYear(values: readonly Cell[][]): number | null {
  for (const cell of values[0] ?? []) {
    if (typeof cell === "string" && cell.startsWith(MARKER_PREFIX)) return Number(cell.slice(MARKER_PREFIX.length)) || 0;
  }
  return null;
}

export function isGeneratedSheet(values: readonly Cell[][]): boolean {
  return generatedYear(values) !== null;
}

/**
 * The template's target sheet carries this text in a hidden cell of its first row: a workbook made from the template
 * is checked against the resolution (core/resolution.ts) whatever its rows have become.
 */
export const TEMPLATE_MARKER = "COMA:mau-chi-tieu:co-ma-2025-2030";

/** Rows searched for the template's marker: a user may insert title rows above it. */
const TEMPLATE_MARKER_ROWS = 20;

export function hasTemplateMarker(values: readonly Cell[][]): boolean {
  return values.slice(0, TEMPLATE_MARKER_ROWS).some((row) => row?.some((cell) => cell === TEMPLATE_MARKER));
}
