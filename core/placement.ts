import type { SheetGrid } from "./grid";
import { generatedYear } from "./marker";
import { freeNames } from "./sheet-names";
import { summarySheetName } from "./summary-layout";

export interface SummaryPlacement {
  /** Name for the new summary sheet. */
  name: string;
  /** The sheet COMA made earlier for this year, to delete first; null when there is none. */
  replaces: string | null;
}

/**
 * Regenerating replaces only the sheet COMA made for that year; a user's sheet with the same name is kept
 * and the new one gets another name (`Tổng hợp BTV 2027 (2)`).
 */
export function placeSummary(sheets: readonly SheetGrid[], year: number): SummaryPlacement {
  const previous = comaSummary(sheets, year);
  const taken = sheets.filter((s) => s !== previous).map((s) => s.name);
  const [name] = freeNames([summarySheetName(year)], taken);
  return { name, replaces: previous?.name ?? null };
}

/**
 * The summary COMA wrote for the year: the year's hidden marker and a name COMA gives. COMA names it
 * `Tổng hợp BTV 2027`, or `Tổng hợp BTV 2027 (n)` (the first free n) only when a sheet that is not its summary holds
 * that name. Excel's Move or Copy keeps the marker and names the copy `… (2)` beside the original, and a user may
 * rename a summary to keep it: a marked sheet under any other name is the user's, and is kept.
 */
function comaSummary(sheets: readonly SheetGrid[], year: number): SheetGrid | null {
  const base = summarySheetName(year);
  const marked = sheets.filter((s) => generatedYear(s.values) === year);
  const exact = marked.find((s) => sameName(s.name, base));
  if (exact) return exact;
  if (!sheets.some((s) => sameName(s.name, base))) return null; // the name was free: a marked `… (n)` is a copy
  const variants = marked
    .map((sheet) => ({ sheet, n: variantNumber(sheet.name, base) }))
    .filter((v): v is { sheet: SheetGrid; n: number } => v.n !== null)
    .sort((a, b) => a.n - b.n);
  return variants[0]?.sheet ?? null;
}

/** Sheet names compare as Excel compares them: case-insensitively. */
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** `Tổng hợp BTV 2027 (3)` → 3; null for any other name. */
function variantNumber(name: string, base: string): number | null {
  if (!name.toLowerCase().startsWith(`${base.toLowerCase()} (`)) return null;
  const match = /^ \((\d+)\)$/.exec(name.slice(base.length));
  return match && Number(match[1]) >= 2 ? Number(match[1]) : null;
}
