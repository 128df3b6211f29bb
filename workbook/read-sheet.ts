import { isBlank, MAX_SHEET_ROWS, type Cell, type SheetGrid } from "../core";
import type { SharedStrings } from "./shared-strings";
import { walkXml } from "./xml";

export interface SheetContext {
  sharedStrings: Pick<SharedStrings, "at">;
  /** Number format by cell style index. */
  formats: readonly (string | null)[];
  date1904: boolean;
}

/** The cells of one stored row by absolute column (0-based); the columns without a cell are holes. */
interface StoredRow {
  values: Cell[];
  formats: (string | null)[];
}

interface Merge {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * One worksheet part as core's grid, in one streaming pass: values from the top-left used cell, formulas as their
 * cached values, the covered cells of a merged range blank (only its top-left cell holds the value). Memory follows
 * the cells the part stores, never their addresses: rows without a cell are holes of the grid, a row's cells before
 * its first one holes too, so one cell at row 100,000,000 or in column XFD costs what any other cell costs. Blank
 * cells (empty or spaces only, which core reads as a hole) are not kept.
 *
 * Memory follows the row limit, not the file: once the sheet holds one row more than core's limit, the rows after
 * are counted, not kept, and the grid says how many there are (`filledRowCount`), so that core names the sheet and
 * its true size whether it stores 20,001 rows or 1,000,000.
 */
export function readSheet(name: string, xml: Uint8Array, part: string, context: SheetContext): SheetGrid {
  const stored = new Map<number, StoredRow>();
  const rows = new RowCount();
  const merges: Merge[] = [];
  let inSheetData = false;
  let row = -1;
  let column = -1;
  let type = "n";
  let style = 0;
  let text: string | null = null;
  let value: string | null = null;
  let inline: string[] | null = null;
  let phonetic = 0;
  walkXml(xml, part, {
    open(element, a) {
      switch (element) {
        case "sheetData":
          inSheetData = true;
          return;
        case "row":
          if (inSheetData) [row, column] = [a.r ? Number(a.r) - 1 : row + 1, -1];
          return;
        case "c": {
          if (!inSheetData) return;
          const at = a.r ? cellPosition(a.r) : null;
          column = at ? at.column : column + 1;
          if (at && at.row >= 0) row = at.row;
          [type, style, value, inline] = [a.t ?? "n", Number(a.s ?? 0), null, null];
          return;
        }
        case "v":
          if (inSheetData) text = "";
          return;
        case "is":
          if (inSheetData) inline = [];
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inline && phonetic === 0) text = "";
          return;
        case "mergeCell":
          if (a.ref) merges.push(mergeRange(a.ref));
          return;
      }
    },
    text(chunk) {
      if (text !== null) text += chunk;
    },
    close(element) {
      switch (element) {
        case "sheetData":
          inSheetData = false;
          return;
        case "v":
          if (text !== null) value = text;
          text = null;
          return;
        case "t":
          if (inline && text !== null) inline.push(text);
          text = null;
          return;
        case "rPh":
          phonetic--;
          return;
        case "c": {
          if (!inSheetData || row < 0 || column < 0) return;
          const cell = cellValue(type, value, inline, context);
          if (isBlank(cell) || rows.count(row) === "counted") return;
          let cells = stored.get(row);
          if (!cells) stored.set(row, (cells = { values: [], formats: [] }));
          cells.values[column] = cell;
          cells.formats[column] = context.formats[style] ?? null;
          return;
        }
      }
    },
  });
  blankCovered(stored, merges);
  const grid = toGrid(name, stored);
  return rows.over ? { ...grid, filledRowCount: rows.filled } : grid;
}

/**
 * The rows holding a value, counted as their cells come: rows up to the first one over the limit are kept, the rest
 * only counted (a row reopened further down the part then counts again; Excel writes each row once, in order).
 */
class RowCount {
  filled = 0;
  private last = -1;
  private readonly kept = new Set<number>();

  get over(): boolean {
    return this.filled > MAX_SHEET_ROWS;
  }

  /** Whether a cell with a value in `row` is to be kept, or only counted now that the limit is passed. */
  count(row: number): "kept" | "counted" {
    if (this.kept.has(row)) return "kept";
    if (this.over) {
      if (row !== this.last) this.filled++;
      this.last = row;
      return "counted";
    }
    this.kept.add(row);
    this.filled++;
    this.last = row;
    return "kept";
  }
}

function cellValue(type: string, value: string | null, inline: string[] | null, context: SheetContext): Cell {
  switch (type) {
    case "s": {
      if (value === null) return null;
      return context.sharedStrings.at(Number(value)) ?? null;
    }
    case "inlineStr":
      return inline ? inline.join("") : value;
    case "str":
      return value;
    case "b":
      return value === null ? null : value.trim() === "1" || value.trim().toLowerCase() === "true";
    case "e":
      return value === null ? null : { error: value.trim() };
    case "d": {
      if (value === null) return null;
      const time = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) || !value.includes("T") ? value : `${value}Z`);
      return Number.isFinite(time) ? time / 86_400_000 + 25_569 - (context.date1904 ? 1_462 : 0) : value;
    }
    default: {
      if (value === null || value.trim() === "") return null;
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      return Number.isFinite(number) ? number : { error: "#NUM!" };
    }
  }
}

/**
 * `B12` → row 11, column 1 (0-based); a reference without row keeps the row element's (-1). Read by character codes:
 * a sheet has a reference per cell.
 */
function cellPosition(reference: string): { row: number; column: number } | null {
  let at = 0;
  let column = 0;
  let row = 0;
  const length = reference.length;
  if (reference.charCodeAt(at) === 36) at++; // $
  const lettersStart = at;
  for (let code = reference.charCodeAt(at); at < length; code = reference.charCodeAt(++at)) {
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
    else break;
  }
  if (at === lettersStart || at - lettersStart > 3) return null;
  if (reference.charCodeAt(at) === 36) at++;
  const digitsStart = at;
  for (let code = reference.charCodeAt(at); at < length; code = reference.charCodeAt(++at)) {
    if (code < 48 || code > 57) return null;
    row = row * 10 + code - 48;
  }
  if (!Number.isSafeInteger(row)) return null;
  return { row: at === digitsStart ? -1 : row - 1, column: column - 1 };
}

function mergeRange(reference: string): Merge {
  const [first, last = first] = reference.split(":").map(cellPosition);
  if (!first || !last || first.row < 0 || last.row < 0) return { row: 0, column: 0, lastRow: -1, lastColumn: -1 };
  return {
    row: Math.min(first.row, last.row),
    column: Math.min(first.column, last.column),
    lastRow: Math.max(first.row, last.row),
    lastColumn: Math.max(first.column, last.column),
  };
}

/**
 * Cells inside a merged range other than its top-left one read blank, as Excel shows them. A merge is kept as its
 * corners, never as the cells it covers (`B1:B1048576` costs what `B1:B2` costs): a sweep down the stored rows that
 * counts, for each column, the ranges crossing the current row. Each range is counted in and out once and each stored
 * cell asks once, so 100,000 overlapping full-column merges over 20,000 rows (114 KB zipped) take no longer than
 * reading them, where testing every crossing range at every cell took minutes.
 */
function blankCovered(stored: Map<number, StoredRow>, merges: Merge[]): void {
  const spans = merges.filter((m) => m.lastRow > m.row || m.lastColumn > m.column).sort((a, b) => a.row - b.row);
  if (spans.length === 0) return;
  const ends = [...spans].sort((a, b) => a.lastRow - b.lastRow);
  const crossing = new ColumnCounts();
  let [next, gone] = [0, 0];
  for (const row of [...stored.keys()].sort((a, b) => a - b)) {
    const startsHere = next;
    for (; next < spans.length && spans[next].row <= row; next++) crossing.add(spans[next], 1);
    for (; gone < ends.length && ends[gone].lastRow < row; gone++) crossing.add(ends[gone], -1);
    if (crossing.active === 0) continue;
    // The ranges whose top-left cell is in this row: that cell keeps its value unless another range covers it too.
    const origins = new Map<number, number>();
    for (let i = startsHere; i < next; i++) if (spans[i].row === row) origins.set(spans[i].column, (origins.get(spans[i].column) ?? 0) + 1);
    const cells = stored.get(row)!;
    for (const column of columnsOf(cells.values)) {
      if (crossing.at(column) > (origins.get(column) ?? 0)) {
        delete cells.values[column];
        delete cells.formats[column];
      }
    }
    if (columnsOf(cells.values).length === 0) stored.delete(row);
  }
}

/** The columns a reference can name: three letters at most, up to ZZZ (Excel stops at XFD). */
const COLUMNS = 18_278;

/** How many ranges cover each column, for ranges counted in and out (a Fenwick tree of the differences). */
class ColumnCounts {
  active = 0;
  private readonly tree = new Int32Array(COLUMNS + 2);

  add(range: Merge, by: number): void {
    this.active += by;
    this.change(range.column, by);
    this.change(range.lastColumn + 1, -by);
  }

  at(column: number): number {
    let sum = 0;
    for (let i = Math.min(column, COLUMNS) + 1; i > 0; i -= i & -i) sum += this.tree[i];
    return sum;
  }

  private change(column: number, by: number): void {
    for (let i = column + 1; i <= COLUMNS + 1; i += i & -i) this.tree[i] += by;
  }
}

/** The columns a row holds a cell in, ascending: its holes are never visited (XFD is 16,384 columns away). */
const columnsOf = <T>(row: readonly T[]): number[] => Object.keys(row).map(Number);

/**
 * The stored rows as core's grid from the top-left stored cell. Only stored cells are set: the rows and columns
 * between are holes (core reads a hole as blank), so the grid's memory is its cells', whatever their addresses.
 */
function toGrid(name: string, stored: Map<number, StoredRow>): SheetGrid {
  if (stored.size === 0) return { name, values: [], formats: [], top: 0, left: 0 };
  // Loops, not Math.min(...spread): a large sheet has more cells than the call stack has room for arguments.
  let [top, left] = [Infinity, Infinity];
  for (const [row, cells] of stored) [top, left] = [Math.min(top, row), Math.min(left, columnsOf(cells.values)[0])];
  const values: Cell[][] = [];
  const formats: (string | null)[][] = [];
  for (const [row, cells] of stored) {
    values[row - top] = left === 0 ? cells.values : shifted(cells.values, left);
    formats[row - top] = left === 0 ? cells.formats : shifted(cells.formats, left);
  }
  return { name, values, formats, top, left };
}

function shifted<T>(row: readonly T[], by: number): T[] {
  const out: T[] = [];
  for (const column of columnsOf(row)) out[column - by] = row[column];
  return out;
}
