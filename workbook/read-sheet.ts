import type { Cell, SheetGrid } from "../core";
import { WorkbookFileError } from "./errors";
import { LIMITS } from "./limits";
import { walkXml } from "./xml";

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Number format by cell style index. */
  formats: readonly (string | null)[];
  date1904: boolean;
}

interface UsedCell {
  row: number;
  column: number;
  value: Cell;
  format: string | null;
}

interface Merge {
  row: number;
  column: number;
  lastRow: number;
  lastColumn: number;
}

/**
 * One worksheet part as core's grid, in one streaming pass: values from the top-left used cell, formulas as their
 * cached values, the covered cells of a merged range blank (only its top-left cell holds the value).
 */
export function readSheet(name: string, xml: Uint8Array, part: string, context: SheetContext): SheetGrid {
  const used: UsedCell[] = [];
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
          if (cell !== null) used.push({ row, column, value: cell, format: context.formats[style] ?? null });
          return;
        }
      }
    },
  });
  return toGrid(name, blankCovered(used, merges));
}

function cellValue(type: string, value: string | null, inline: string[] | null, context: SheetContext): Cell {
  switch (type) {
    case "s": {
      if (value === null) return null;
      return context.sharedStrings[Number(value)] ?? null;
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
  return { row: at === digitsStart ? -1 : row - 1, column: column - 1 };
}

function mergeRange(reference: string): Merge {
  const [first, last = first] = reference.split(":").map(cellPosition);
  if (!first || !last || first.row < 0 || last.row < 0) return { row: 0, column: 0, lastRow: -1, lastColumn: -1 };
  const merge = {
    row: Math.min(first.row, last.row),
    column: Math.min(first.column, last.column),
    lastRow: Math.max(first.row, last.row),
    lastColumn: Math.max(first.column, last.column),
  };
  if ((merge.lastRow - merge.row + 1) * (merge.lastColumn - merge.column + 1) > LIMITS.mergedCells) {
    throw new WorkbookFileError("merge-too-large", { range: reference, limit: LIMITS.mergedCells });
  }
  return merge;
}

/**
 * Cells inside a merged range other than its top-left one read blank, as Excel shows them. A sweep down the rows
 * with the ranges that cross the current row: a sheet with a merge on each of its thousands of rows stays linear.
 */
function blankCovered(used: UsedCell[], merges: Merge[]): UsedCell[] {
  const spans = merges.filter((m) => m.lastRow > m.row || m.lastColumn > m.column).sort((a, b) => a.row - b.row);
  if (spans.length === 0) return used;
  const [first, last] = [spans[0].row, spans.reduce((most, m) => Math.max(most, m.lastRow), 0)];
  const outside = used.filter((u) => u.row < first || u.row > last);
  const inside = used.filter((u) => u.row >= first && u.row <= last).sort((a, b) => a.row - b.row || a.column - b.column);
  let active: Merge[] = [];
  let next = 0;
  let currentRow = -1;
  const kept = inside.filter((u) => {
    if (u.row !== currentRow) {
      currentRow = u.row;
      while (next < spans.length && spans[next].row <= currentRow) active.push(spans[next++]);
      active = active.filter((m) => m.lastRow >= currentRow);
    }
    return !active.some((m) => u.column >= m.column && u.column <= m.lastColumn && (u.row !== m.row || u.column !== m.column));
  });
  return kept.length === inside.length ? used : [...kept, ...outside];
}

function toGrid(name: string, used: UsedCell[]): SheetGrid {
  if (used.length === 0) return { name, values: [], formats: [], top: 0, left: 0 };
  // Loops, not Math.min(...spread): a large sheet has more cells than the call stack has room for arguments.
  let [top, left, bottom] = [Infinity, Infinity, 0];
  for (const u of used) [top, left, bottom] = [Math.min(top, u.row), Math.min(left, u.column), Math.max(bottom, u.row)];
  const values: Cell[][] = Array.from({ length: bottom - top + 1 }, () => []);
  const formats: (string | null)[][] = Array.from({ length: bottom - top + 1 }, () => []);
  for (const u of used) {
    const r = u.row - top;
    const c = u.column - left;
    while (values[r].length < c) {
      values[r].push(null);
      formats[r].push(null);
    }
    values[r][c] = u.value;
    formats[r][c] = u.format;
  }
  return { name, values, formats, top, left };
}
