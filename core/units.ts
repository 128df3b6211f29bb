import type { Cell } from "./grid";
import { FINAL_YEAR, YEARS, yearValue, type Indicator } from "./model";
import { fold } from "./text";

/** Rows without `Đơn vị theo dõi` go to this unit's file (`Chua phan cong - so lieu <Y>.xlsx`). */
export const UNASSIGNED = "Chưa phân công";

/** A unit as compared: `Phòng kinh tế` and `Phòng Kinh tế ` are one unit. */
export const keeperKey = (unit: string): string => fold(unit);

/** The unit a row reports to, `Chưa phân công` when it has none. */
export const keeperOf = (indicator: Pick<Indicator, "keeper">): string => indicator.keeper?.trim() || UNASSIGNED;

/**
 * A file name that any disk, e-mail system and USB stick keeps: ASCII without diacritics (đ → d), dashes for en and
 * em dashes, no characters that Windows refuses, at most 80 characters.
 */
export function safeFileName(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\u0111/g, "d")
    .replace(/\u0110/g, "D")
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/[^A-Za-z0-9 ().,_-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .replace(/[ .]+$/, "");
  return ascii === "" ? "Don vi" : ascii;
}

/** `Phong Kinh te - so lieu 2028.xlsx`. */
export const unitFileName = (unit: string, year: number): string => `${safeFileName(unit)} - so lieu ${year}.xlsx`;

/** A unit's file carries this text and the JSON of UnitMarker in a hidden cell of its first row. */
export const UNIT_MARKER_PREFIX = "COMA:so-lieu-don-vi:";

export interface UnitMarker {
  year: number;
  unit: string;
  /** The first title of the master's target sheet (`ĐẢNG ỦY XÃ CO MẠ`): a file split from another commune's differs. */
  office: string;
}

export const unitMarkerText = (marker: UnitMarker): string => `${UNIT_MARKER_PREFIX}${JSON.stringify(marker)}`;

/** The marker of a unit's sheet and its (grid) column, which holds each row's code; null for any other sheet. */
export function readUnitMarker(values: readonly Cell[][]): { marker: UnitMarker; column: number } | null {
  const first = values[0] ?? [];
  for (let column = 0; column < first.length; column++) {
    const cell = first[column];
    if (typeof cell !== "string" || !cell.startsWith(UNIT_MARKER_PREFIX)) continue;
    try {
      const parsed = JSON.parse(cell.slice(UNIT_MARKER_PREFIX.length)) as Partial<UnitMarker>;
      if (typeof parsed.year !== "number" || typeof parsed.unit !== "string") return null;
      return { marker: { year: parsed.year, unit: parsed.unit, office: typeof parsed.office === "string" ? parsed.office : "" }, column };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The commune a title names, folded (`ĐẢNG ỦY XÃ CO MẠ` → `co ma`), so that a retitled sheet of the same commune is
 * still the same; the whole folded title when it names no `xã`.
 */
export function communeKey(title: string): string {
  const folded = fold(title);
  const named = /\bxa ([a-z0-9 ]+?)(?= lan thu| nhiem ky| nam \d|\s*[-,.;:()\u2013\u2014]|$)/.exec(folded);
  return named ? named[1].trim() : folded;
}

/** The first text above the header of a target sheet: the office that keeps it (`ĐẢNG ỦY XÃ CO MẠ`), "" when none. */
export function officeTitle(values: readonly Cell[][], headerRow: number): string {
  for (let r = 0; r < headerRow; r++) {
    for (const cell of values[r] ?? []) {
      if (typeof cell === "string" && cell.trim() !== "" && !cell.startsWith("COMA:")) return cell.trim();
    }
  }
  return "";
}

/** Rows with figures of their own (not a parent heading). */
export const figureRows = (indicators: readonly Indicator[]): Indicator[] => indicators.filter((i) => !i.isParent);

/**
 * The year to collect: the first of 2026 … 2030 whose column is mostly empty (fewer than half the figure rows have a
 * value); 2030 when every year is mostly filled.
 */
export function firstOpenYear(indicators: readonly Indicator[]): number {
  const rows = figureRows(indicators);
  for (const year of YEARS) {
    const filled = rows.filter((i) => yearValue(i.values, year) !== null).length;
    if (filled * 2 < rows.length) return year;
  }
  return FINAL_YEAR;
}
