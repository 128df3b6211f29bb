import { cellError, type Cell } from "./grid";
import { FINAL_YEAR, YEARS } from "./model";
import { fold } from "./text";

export type ColumnKey = "code" | "name" | "group" | "unit" | "method" | "baseline" | "target" | "note" | `year:${number}`;

/** Header synonyms, folded (no diacritics, lower case). */
const SYNONYMS: Record<Exclude<ColumnKey, `year:${number}`>, string[]> = {
  code: ["ma", "ma so", "ma chi tieu", "ma ct", "ky hieu", "code"],
  name: ["chi tieu", "ten chi tieu", "noi dung", "noi dung chi tieu", "chi tieu chu yeu", "ten"],
  group: ["nhom", "nhom chi tieu", "linh vuc"],
  unit: ["dvt", "don vi tinh", "don vi", "d.v.t", "dv tinh"],
  method: ["cach tinh", "phuong phap tinh", "cach danh gia"],
  baseline: ["co so 2025", "co so", "gia tri co so", "nam 2025", "2025", "thuc hien 2025", "ket qua 2025", "uoc thuc hien 2025", "ket qua nhiem ky 2020-2025", "thuc hien nhiem ky 2020-2025"],
  target: ["muc tieu 2030", "muc tieu", "chi tieu 2030", "muc tieu den nam 2030", "ke hoach 2030", "nghi quyet 2030", "muc tieu nghi quyet", "chi tieu nghi quyet"],
  note: ["ghi chu"],
};

const BY_SYNONYM = new Map(Object.entries(SYNONYMS).flatMap(([key, words]) => words.map((w): [string, ColumnKey] => [w, key as ColumnKey])));
const MAX_HEADER_LENGTH = 60;
const YEAR_HEADER = /^(?:nam|thuc hien|th|ket qua|kq|uoc thuc hien|uoc th)?\s*(20\d\d)$/;

/** The column a header cell names, or null. Years 2026…2030 are numbers or text such as `Năm 2026`. */
export function columnKey(cell: Cell): ColumnKey | null {
  if (typeof cell === "number") return isPlanYear(cell) ? `year:${cell}` : cell === 2025 ? "baseline" : null;
  // No header is longer than this; folding long texts (quotes, notes) would only cost time.
  if (typeof cell !== "string" || cell.length > MAX_HEADER_LENGTH || cellError(cell)) return null;
  const text = fold(cell);
  const named = BY_SYNONYM.get(text);
  if (named) return named;
  const year = YEAR_HEADER.exec(text);
  if (year && isPlanYear(Number(year[1]))) return `year:${Number(year[1])}`;
  if ((/co so/.test(text) || /\b2025\b/.test(text)) && !/2030/.test(text)) return "baseline";
  if (/(muc tieu|chi tieu|ke hoach|nghi quyet).*2030/.test(text)) return "target";
  return null;
}

const isPlanYear = (y: number) => Number.isInteger(y) && y >= YEARS[0] && y <= FINAL_YEAR;

export interface Header {
  /** 0-based index in the grid of the last header row (data starts below it). */
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Header texts that appeared twice, with the grid column of the ignored copy. */
  duplicates: { header: string; column: number }[];
}

const HEADER_ROWS = 20;

/**
 * Finds the header row in the first 20 rows: the first row naming the code, name and target columns.
 * Year columns may sit in the row below (a merged "Thực hiện" heading over 2026 … 2030).
 */
export function findHeader(values: Cell[][]): Header | null {
  for (let row = 0; row < Math.min(HEADER_ROWS, values.length); row++) {
    const header = readHeaderRow(values[row] ?? [], row); // an adapter may leave empty rows as holes
    const { code, name, target } = header.columns;
    if (code === undefined || name === undefined || target === undefined) continue;
    const below = values[row + 1] ?? [];
    const years = readHeaderRow(below, row + 1);
    const yearColumns = Object.entries(years.columns).filter(([key]) => key.startsWith("year:"));
    if (yearColumns.length > 0 && yearColumns.length === Object.keys(years.columns).length) {
      for (const [key, column] of yearColumns) header.columns[key as ColumnKey] ??= column;
      header.row = row + 1;
    }
    return header;
  }
  return null;
}

function readHeaderRow(cells: Cell[], row: number): Header {
  const header: Header = { row, columns: {}, duplicates: [] };
  cells.forEach((cell, column) => {
    const key = columnKey(cell);
    if (key === null) return;
    if (header.columns[key] === undefined) header.columns[key] = column;
    else header.duplicates.push({ header: String(cell).trim(), column });
  });
  return header;
}
