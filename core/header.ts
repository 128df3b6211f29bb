import { cellError, isBlank, type Cell } from "./grid";
import { BASE_YEAR, FINAL_YEAR, YEARS } from "./model";
import { fold, memoize } from "./text";

export type ColumnKey =
  "code" | "name" | "group" | "unit" | "method" | "baseline" | "target" | "note" | "keeper" | `year:${number}` | `plan:${number}`;

/**
 * Header synonyms, folded (no diacritics, lower case). `Kế hoạch 2030` is not among the target's: it is the plan of
 * the year 2030 (a `Kế hoạch <năm>` column), unless the sheet has no other target column (see findHeader).
 */
const SYNONYMS: Record<Exclude<ColumnKey, `year:${number}` | `plan:${number}`>, string[]> = {
  code: ["ma", "ma so", "ma chi tieu", "ma ct", "ky hieu", "code"],
  name: ["chi tieu", "ten chi tieu", "noi dung", "noi dung chi tieu", "chi tieu chu yeu", "ten"],
  group: ["nhom", "nhom chi tieu", "linh vuc"],
  unit: ["dvt", "don vi tinh", "d.v.t", "dv tinh"],
  method: ["cach tinh", "phuong phap tinh", "cach danh gia"],
  baseline: [
    "co so 2025",
    "co so",
    "gia tri co so",
    "nam 2025",
    "2025",
    "thuc hien 2025",
    "ket qua 2025",
    "uoc thuc hien 2025",
    "ket qua nhiem ky 2020-2025",
    "thuc hien nhiem ky 2020-2025",
  ],
  target: [
    "muc tieu 2030",
    "muc tieu",
    "chi tieu 2030",
    "muc tieu den nam 2030",
    "nghi quyet 2030",
    "muc tieu nghi quyet",
    "chi tieu nghi quyet",
  ],
  note: ["ghi chu"],
  /** The unit that keeps a row's figures (contract section 7); a lone `Đơn vị` may still be the unit of measure, see findHeader. */
  keeper: ["don vi theo doi", "don vi", "co quan theo doi", "don vi chu tri", "co quan chu tri", "don vi phu trach"],
};

const BY_SYNONYM = new Map(
  Object.entries(SYNONYMS).flatMap(([key, words]) => words.map((w): [string, ColumnKey] => [w, key as ColumnKey])),
);
const MAX_HEADER_LENGTH = 60;
const YEAR_HEADER = /^(?:nam|thuc hien|th|ket qua|kq|uoc thuc hien|uoc th)?\s*(20\d\d)$/;
const PLAN_HEADER = /^(?:ke hoach|kh)\s*(?:nam\s*)?(20\d\d)$/;
/** A merged heading over plan years written in the row below it. */
const PLAN_HEADING = /^(?:ke hoach|kh)(?: nam| cac nam| hang nam)?$/;

/** A header naming a year outside the term: its column is not read. */
export interface OutOfTerm {
  year: number;
}

/**
 * The column a header cell names, an out-of-term year, or null. Years 2026…2030 are numbers or text such as
 * `Năm 2026`; plans are `Kế hoạch 2026`, `KH 2026` or `KH2026`.
 */
export function columnKey(cell: Cell): ColumnKey | OutOfTerm | null {
  if (typeof cell === "number") return Number.isInteger(cell) && cell >= 2000 && cell <= 2099 ? yearColumn(cell) : null;
  // No header is longer than this; folding long texts (quotes, notes) would only cost time.
  if (typeof cell !== "string" || cell.length > MAX_HEADER_LENGTH) return null;
  return textColumnKey(cell);
}

// Every commune's sheets repeat the same header texts; the answers are shared and never mutated.
const textColumnKey = memoize((cell): ColumnKey | OutOfTerm | null => {
  if (cellError(cell)) return null;
  const text = fold(cell);
  const named = BY_SYNONYM.get(text);
  if (named) return named;
  const plan = PLAN_HEADER.exec(text);
  if (plan) return isTermYear(Number(plan[1])) ? `plan:${Number(plan[1])}` : { year: Number(plan[1]) };
  const year = YEAR_HEADER.exec(text);
  if (year) return yearColumn(Number(year[1]));
  if ((/co so/.test(text) || /\b2025\b/.test(text)) && !/2030/.test(text)) return "baseline";
  if (/(muc tieu|chi tieu|nghi quyet).*2030/.test(text)) return "target";
  return null;
});

function yearColumn(year: number): ColumnKey | OutOfTerm {
  if (year === BASE_YEAR) return "baseline";
  return isTermYear(year) ? `year:${year}` : { year };
}

const isTermYear = (y: number) => Number.isInteger(y) && y >= YEARS[0] && y <= FINAL_YEAR;
const isYearly = (key: string) => key.startsWith("year:") || key.startsWith("plan:");

export interface Header {
  /** 0-based index in the grid of the last header row (data starts below it). */
  row: number;
  columns: Partial<Record<ColumnKey, number>>;
  /** Header texts that appeared twice, with the grid column of the ignored copy. */
  duplicates: { header: string; column: number }[];
  /** Year headers outside 2025–2030, whose columns are not read, at their grid row and column. */
  outOfTerm: { header: string; year: number; row: number; column: number }[];
}

/** A header row as read, with how many of its non-blank cells name no column (a data row has some). */
type HeaderRow = Header & { others: number };

const HEADER_ROWS = 20;

/**
 * Finds the header row in the first 20 rows: the first row naming the code, name and target columns.
 * Year columns may sit in the row below, under a merged "Thực hiện" heading (values) or "Kế hoạch" heading (plans).
 * A sheet whose only 2030 column is `Kế hoạch 2030` (no `Mục tiêu 2030`, no other plan year) reads it as the target:
 * older sheets named the resolution's target so.
 */
export function findHeader(values: Cell[][]): Header | null {
  for (let row = 0; row < Math.min(HEADER_ROWS, values.length); row++) {
    const cells = values[row] ?? []; // an adapter may leave empty rows as holes
    const header = readHeaderRow(cells, row);
    const { code, name } = header.columns;
    if (header.columns.target === undefined) takeLonePlanAsTarget(header);
    if (header.columns.unit === undefined) takeLoneUnitAsMeasure(header, cells, values);
    if (code === undefined || name === undefined || header.columns.target === undefined) continue;
    const below = readHeaderRow(values[row + 1] ?? [], row + 1, cells);
    const keys = Object.keys(below.columns);
    if ((keys.length > 0 || below.outOfTerm.length > 0) && keys.every(isYearly) && below.others === 0) {
      for (const [key, column] of Object.entries(below.columns) as [ColumnKey, number][]) header.columns[key] ??= column;
      header.duplicates.push(...below.duplicates);
      header.outOfTerm.push(...below.outOfTerm);
      header.row = row + 1;
    }
    return header;
  }
  return null;
}

function takeLonePlanAsTarget(header: Header): void {
  const plans = Object.keys(header.columns).filter((key) => key.startsWith("plan:"));
  if (plans.length !== 1 || plans[0] !== `plan:${FINAL_YEAR}`) return;
  const key: ColumnKey = `plan:${FINAL_YEAR}`;
  header.columns.target = header.columns[key];
  delete header.columns[key];
}

/** Cells that name a body of the commune (`Phòng Kinh tế`, `Công an xã`), not a unit of measure (`%`, `ha`, `bản`). */
const BODY = /^(phong|van phong|cong an|uy ban|ubnd|ubmttq|mttq|trung tam|ban [a-z]|hoi [a-z]|doan [a-z])/;

/**
 * Older sheets head the unit of measure `Đơn vị`: when a sheet has no `ĐVT` column, its `Đơn vị` column is the unit of
 * measure unless its cells name bodies of the commune (then it is the keeper, as contract section 7 reads it).
 */
function takeLoneUnitAsMeasure(header: Header, cells: Cell[], values: Cell[][]): void {
  const column = header.columns.keeper;
  if (column === undefined || typeof cells[column] !== "string" || fold(cells[column]) !== "don vi") return;
  for (let r = header.row + 1; r < values.length; r++) {
    const cell = values[r]?.[column];
    if (typeof cell === "string" && BODY.test(fold(cell))) return;
  }
  header.columns.unit = column;
  delete header.columns.keeper;
}

/** A bare year under a merged `Kế hoạch` heading is a plan column; under any other heading, a value column. */
function underHeading(key: ColumnKey, headings: Cell[], column: number): ColumnKey {
  if (!key.startsWith("year:")) return key;
  for (let c = column; c >= 0; c--) {
    const heading = headings[c];
    if (heading === null || heading === undefined || heading === "") continue;
    return typeof heading === "string" && PLAN_HEADING.test(fold(heading)) ? `plan:${Number(key.slice("year:".length))}` : key;
  }
  return key;
}

/** Reads one header row; `headings` is the row above when this one may hold the years under merged headings. */
function readHeaderRow(cells: Cell[], row: number, headings?: Cell[]): HeaderRow {
  const header: HeaderRow = { row, columns: {}, duplicates: [], outOfTerm: [], others: 0 };
  cells.forEach((cell, column) => {
    const read = columnKey(cell);
    const key = headings && typeof read === "string" ? underHeading(read, headings, column) : read;
    if (key === null) {
      if (!isBlank(cell)) header.others++;
      return;
    }
    if (typeof key === "object") header.outOfTerm.push({ header: String(cell).trim(), year: key.year, row, column });
    else if (header.columns[key] === undefined) header.columns[key] = column;
    else header.duplicates.push({ header: String(cell).trim(), column });
  });
  return header;
}
