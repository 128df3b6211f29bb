import { COLLECT_WORDS as W } from "./collect-words";
import type { SheetGrid } from "./grid";
import { findHeader } from "./header";
import { figureFormat, LayoutBuilder, type CellStyle, type SheetLayout } from "./layout";
import { BASE_YEAR, FINAL_YEAR, yearValue, type Indicator } from "./model";
import { readWorkbook, type WorkbookRead } from "./sheet";
import { figureRows, firstOpenYear, keeperKey, keeperOf, officeTitle, unitFileName, unitMarkerText } from "./units";

/** One unit's workbook: its rows of the master, as one protected sheet. */
export interface UnitFilePlan {
  unit: string;
  /** `<unit> - so lieu <Y>.xlsx`, ASCII. */
  fileName: string;
  /** The figure rows the unit is asked for, in the master's order. */
  codes: string[];
  layout: SheetLayout;
}

export interface SplitPlan {
  read: WorkbookRead;
  year: number;
  /** In the order the units first appear in the master; rows without a unit last (`Chưa phân công`). */
  files: UnitFilePlan[];
}

/** Columns of a unit's sheet (0-based); the hidden marker column holds each row's code. */
const COLUMNS = { code: 0, name: 1, unit: 2, method: 3, baseline: 4, target: 5, previous: 6, actual: 7, plan: 8, note: 9 } as const;
const WIDTH = 10;
const MARKER_COLUMN = WIDTH;
const HEADER_ROW = 3;
const HEADER: CellStyle = { bold: true, align: "center", wrap: true, border: true, fill: "D9E1F2" };
const ENTRY: CellStyle = { border: true, wrap: true };
const TO_FILL: CellStyle = { fill: "FFF2CC", unlocked: true };
const NOTE: CellStyle = { size: 10 };

/** The split of a master workbook read as grids, for `year` (default: the first year whose column is mostly empty); null without a target sheet. */
export function planSplit(grids: readonly SheetGrid[], options: { year?: number } = {}): SplitPlan | null {
  const read = readWorkbook(grids);
  if (read.sheets.length === 0) return null;
  const year = options.year ?? firstOpenYear(read.indicators);
  const office = masterOffice(grids, read);
  const byUnit = new Map<string, { unit: string; rows: Indicator[] }>();
  for (const row of figureRows(read.indicators)) {
    const unit = keeperOf(row);
    const key = keeperKey(unit);
    const entry = byUnit.get(key) ?? { unit, rows: [] };
    entry.rows.push(row);
    byUnit.set(key, entry);
  }
  const unassigned = keeperKey(keeperOf({ keeper: "" }));
  const units = [...byUnit.entries()].sort(([a], [b]) => Number(a === unassigned) - Number(b === unassigned));
  const files = units.map(([, { unit, rows }]) => ({
    unit,
    fileName: unitFileName(unit, year),
    codes: rows.map((r) => r.code),
    layout: unitLayout(read.indicators, rows, { year, unit, office }),
  }));
  return { read, year, files };
}

/** The office title of the master's first target sheet, which each unit's marker carries. */
export function masterOffice(grids: readonly SheetGrid[], read: WorkbookRead): string {
  const grid = grids.find((g) => g.name === read.sheets[0]);
  const header = grid ? findHeader(grid.values) : null;
  return grid && header ? officeTitle(grid.values, header.row) : "";
}

function unitLayout(
  all: readonly Indicator[],
  rows: readonly Indicator[],
  marker: { year: number; unit: string; office: string },
): SheetLayout {
  const { year } = marker;
  const plan = year < FINAL_YEAR;
  const b = new LayoutBuilder(W.sheetName({ year }), WIDTH + 1);
  b.put(0, MARKER_COLUMN, unitMarkerText(marker));
  b.put(0, 0, W.title({ year, unit: marker.unit }))
    .merge(0, 0, 0, WIDTH - 1)
    .style(0, 0, 0, WIDTH - 1, { bold: true, size: 13, align: "center", wrap: true });
  const lead = [marker.office === "" ? "" : `${W.office({ office: marker.office })}. `, W.instructions({ year, plan })].join("");
  b.put(1, 0, lead)
    .merge(1, 0, 1, WIDTH - 1)
    .style(1, 0, 1, WIDTH - 1, { italic: true, wrap: true });
  b.putRow(HEADER_ROW, 0, [
    W.code(),
    W.name(),
    W.unit(),
    W.method(),
    W.baseline(),
    W.target(),
    W.actual({ year: year - 1 }),
    W.actual({ year }),
    plan ? W.plan({ year: year + 1 }) : null,
    W.note(),
  ]).style(HEADER_ROW, 0, HEADER_ROW, WIDTH - 1, HEADER);
  let r = HEADER_ROW + 1;
  for (const row of withParents(all, rows)) {
    const previous = year - 1 === BASE_YEAR ? row.baseline : yearValue(row.values, year - 1);
    b.putRow(r, 0, [row.code, row.name, row.unit, row.isParent ? null : row.method, null, row.targetText || null]);
    b.put(r, COLUMNS.baseline, row.baseline, figureFormat(row.baseline));
    b.put(r, COLUMNS.previous, row.isParent ? null : previous, figureFormat(previous));
    b.put(r, COLUMNS.note, row.note || null).put(r, MARKER_COLUMN, row.code);
    b.style(r, 0, r, WIDTH - 1, ENTRY).style(r, COLUMNS.note, r, COLUMNS.note, NOTE);
    if (row.isParent) b.style(r, 0, r, 1, { bold: true });
    else b.style(r, COLUMNS.actual, r, plan ? COLUMNS.plan : COLUMNS.actual, TO_FILL);
    r++;
  }
  return b
    .set({
      widths: [8, 34, 8, 10, 10, 11, 11, 11, 11, 45, 4],
      hiddenColumns: [MARKER_COLUMN],
      freezeRows: HEADER_ROW + 1,
      print: { landscape: true, fitToWidth: true, titleRows: [HEADER_ROW + 1, HEADER_ROW + 1] },
      protect: true,
    })
    .build();
}

/** The unit's rows with the parent headings they sit under (`KT3` above `KT3.2`), in the master's order. */
function withParents(all: readonly Indicator[], rows: readonly Indicator[]): Indicator[] {
  const wanted = new Set(rows.map((r) => r.code));
  for (const row of rows)
    for (let dot = row.code.lastIndexOf("."); dot > 0; dot = row.code.lastIndexOf(".", dot - 1)) wanted.add(row.code.slice(0, dot));
  return all.filter((i) => wanted.has(i.code) && (!i.isParent || rows.some((r) => r.code.startsWith(`${i.code}.`))));
}
