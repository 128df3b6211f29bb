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
  const previous = sheets.find((s) => generatedYear(s.values) === year) ?? null;
  const taken = sheets.filter((s) => s !== previous).map((s) => s.name);
  const [name] = freeNames([summarySheetName(year)], taken);
  return { name, replaces: previous?.name ?? null };
}
