import { cellAddress } from "./a1";
import { offerPercent, readValueCell, roundNoise, type CellFinding } from "./cell-value";
import { cellError, isBlank, type Cell, type SheetGrid } from "./grid";
import { columnKey, findHeader, type ColumnKey } from "./header";
import { message } from "./messages";
import { BASE_YEAR, yearValue, type Indicator, type Problem } from "./model";
import { readNumberText, AMBIGUOUS } from "./number";
import { parseTarget } from "./target";
import { formatNumber } from "./format";
import { rowCode } from "./sheet";
import { communeKey, readUnitMarker, type UnitMarker } from "./units";

/** A figure of a unit's file for one master cell: the year's value or the next year's plan. */
export interface UnitFigure {
  value: number | string;
  /** `[file]sheet!H7`, where the unit typed it. */
  at: string;
}

export interface UnitFileRow {
  code: string;
  actual: UnitFigure | null;
  plan: UnitFigure | null;
}

/** A unit's file as read for collecting: its rows by master code, and each problem at the unit's cell. */
export interface UnitFileRead {
  file: string;
  /** The marker's unit; for a file without marker, its `Đơn vị theo dõi` or its file name. */
  unit: string;
  /** Null when the file was refused (another year or commune, no sheet to read): its problem says why. */
  rows: UnitFileRow[] | null;
  problems: (Problem & { file: string })[];
}

export interface UnitFileContext {
  year: number;
  /** The master's office title; "" skips the commune check. */
  office: string;
  byCode: ReadonlyMap<string, Indicator>;
}

const HEADER_ROWS = 20;

/** `kt 01.2` → `KT1.2`; null when the text is no code. */
const normalCode = (text: string): string | null => rowCode(text)?.code ?? null;

/** The figure rows of the year `year` in a unit's file: by the marker COMA wrote, or in any sheet holding `Mã` and a year column. */
export function readUnitFile(file: string, grids: readonly SheetGrid[], context: UnitFileContext): UnitFileRead {
  const out: UnitFileRead = { file, unit: "", rows: null, problems: [] };
  const marked = grids.map((grid) => ({ grid, mark: readUnitMarker(grid.values) })).filter((m) => m.mark !== null);
  if (marked.length > 0) {
    const { grid, mark } = marked[0];
    const { marker, column } = mark!;
    out.unit = marker.unit;
    if (!sameFile(marker, context, out, grid)) return out;
    const header = sheetHeader(grid.values, context.year);
    if (!header) return refuse(out, grid.name, { rule: "unit-file-no-sheet", params: { year: context.year } });
    out.rows = new SheetRows(file, grid, header, context, out, column).read();
    return out;
  }
  for (const grid of grids) {
    const header = sheetHeader(grid.values, context.year);
    if (!header) continue;
    out.unit = keeperOfSheet(grid, header) ?? file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
    out.rows = new SheetRows(file, grid, header, context, out, null).read();
    return out;
  }
  return refuse(out, null, { rule: "unit-file-no-sheet", params: { year: context.year } });
}

function sameFile(marker: UnitMarker, context: UnitFileContext, out: UnitFileRead, grid: SheetGrid): boolean {
  if (marker.year !== context.year) {
    refuse(out, grid.name, { rule: "unit-file-other-year", params: { year: marker.year, expected: context.year } });
    return false;
  }
  if (marker.office !== "" && context.office !== "" && communeKey(marker.office) !== communeKey(context.office)) {
    refuse(out, grid.name, { rule: "unit-file-other-commune", params: { office: marker.office, expected: context.office } });
    return false;
  }
  return true;
}

function refuse(out: UnitFileRead, sheet: string | null, finding: Parameters<typeof message>[0]): UnitFileRead {
  out.problems.push(unitProblem(out.file, sheet, null, null, { severity: "error", ...finding } as CellFinding));
  return out;
}

type Columns = Partial<Record<ColumnKey, number>>;

/** The header row holding the code and the year's column: the target-sheet header, else the first row naming both. */
function sheetHeader(values: readonly Cell[][], year: number): { row: number; columns: Columns } | null {
  const header = findHeader(values as Cell[][]);
  if (header && header.columns[`year:${year}`] !== undefined) return header;
  for (let row = 0; row < Math.min(HEADER_ROWS, values.length); row++) {
    const columns: Columns = {};
    (values[row] ?? []).forEach((cell, column) => {
      const key = columnKey(cell);
      if (typeof key === "string") columns[key] ??= column;
    });
    if (columns.code !== undefined && columns[`year:${year}`] !== undefined) return { row, columns };
  }
  return null;
}

/** The one `Đơn vị theo dõi` a sheet's rows name, if they name one. */
function keeperOfSheet(grid: SheetGrid, header: { row: number; columns: Columns }): string | null {
  const column = header.columns.keeper;
  if (column === undefined) return null;
  const names = new Set(
    grid.values
      .slice(header.row + 1)
      .map((row) => String(row[column] ?? "").trim())
      .filter((t) => t !== ""),
  );
  return names.size === 1 ? [...names][0] : null;
}

class SheetRows {
  private readonly sheetRef: string;

  constructor(
    private readonly file: string,
    private readonly grid: SheetGrid,
    private readonly header: { row: number; columns: Columns },
    private readonly context: UnitFileContext,
    private readonly out: UnitFileRead,
    /** The marker's column, which holds each row's code; null in a file without marker. */
    private readonly markerColumn: number | null,
  ) {
    this.sheetRef = `[${file.replace(/^.*[\\/]/, "")}]${grid.name}`;
  }

  read(): UnitFileRow[] {
    const rows: UnitFileRow[] = [];
    for (let r = this.header.row + 1; r < this.grid.values.length; r++) {
      const code = this.code(r);
      if (code === null) continue;
      const master = this.context.byCode.get(code);
      const actual = this.actual(r, code, master);
      const plan = this.plan(r, code, master);
      if (!master) {
        if (actual || plan)
          this.report(r, this.header.columns.code ?? 0, code, "warning", { rule: "unit-file-unknown-code", params: { code } });
        continue;
      }
      if (master.isParent) continue;
      if (this.markerColumn !== null) this.checkLocked(r, code, master);
      rows.push({ code, actual, plan });
    }
    return rows;
  }

  private code(r: number): string | null {
    const visible = this.text(r, this.header.columns.code);
    if (this.markerColumn === null) return normalCode(visible);
    const hidden = normalCode(String(this.grid.values[r]?.[this.markerColumn] ?? ""));
    if (hidden !== null && visible !== "" && normalCode(visible) !== hidden) {
      this.report(r, this.header.columns.code ?? 0, hidden, "warning", {
        rule: "unit-file-code-edited",
        params: { text: visible, code: hidden },
      });
    }
    return hidden;
  }

  private actual(r: number, code: string, master: Indicator | undefined): UnitFigure | null {
    const column = this.header.columns[`year:${this.context.year}`]!;
    const cell = this.grid.values[r]?.[column];
    if (cell === undefined || isBlank(cell)) return null;
    const format = this.grid.formats?.[r]?.[column];
    const rules = valueRules(master);
    let read = readValueCell(cell, format, rules);
    if (rules.percentRow && !rules.allowOver100 && master && aboveOne(master)) read = offerPercent(read, format);
    for (const finding of read.findings) this.report(r, column, code, finding.severity, finding);
    return read.value === null ? null : { value: read.value, at: this.at(r, column) };
  }

  /** `Kế hoạch Y + 1`: a number (read as values are), or a target expression kept as written. */
  private plan(r: number, code: string, master: Indicator | undefined): UnitFigure | null {
    const column = this.header.columns[`plan:${this.context.year + 1}`];
    if (column === undefined) return null;
    const cell = this.grid.values[r]?.[column];
    if (cell === undefined || isBlank(cell)) return null;
    const format = this.grid.formats?.[r]?.[column];
    const error = cellError(cell);
    const text = typeof cell === "string" ? cell.trim() : String(cell);
    const number = typeof cell === "number" || (!error && readNumberText(text) !== null && readNumberText(text) !== AMBIGUOUS);
    if (number) {
      const read = readValueCell(cell, format, { ...valueRules(master), allowOver100: true });
      for (const finding of read.findings) this.report(r, column, code, finding.severity, finding);
      return read.value === null ? null : { value: read.value, at: this.at(r, column) };
    }
    if (!error && parseTarget(text).ok) return { value: text, at: this.at(r, column) };
    this.report(r, column, code, "error", { rule: "bad-plan", params: { text: error ?? text, year: this.context.year + 1 } });
    return null;
  }

  /** Locked cells typed over after unprotecting: named at their cell, never taken. */
  private checkLocked(r: number, code: string, master: Indicator): void {
    const previousYear = this.context.year - 1;
    const expected: [number | undefined, string][] = [
      [this.header.columns.name, master.name],
      [this.header.columns.target, master.targetText],
      [this.header.columns.baseline, figureText(master.baseline)],
      [
        previousYear === BASE_YEAR ? undefined : this.header.columns[`year:${previousYear}`],
        figureText(yearValue(master.values, previousYear)),
      ],
    ];
    for (const [column, text] of expected) {
      if (column === undefined) continue;
      const cell = this.grid.values[r]?.[column];
      const typed = typeof cell === "number" ? figureText(cell) : this.text(r, column);
      if (typed !== text)
        this.report(r, column, code, "warning", { rule: "unit-file-locked-edited", params: { text: typed, master: text } });
    }
  }

  private text(r: number, column: number | undefined): string {
    const cell = column === undefined ? null : this.grid.values[r]?.[column];
    return cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();
  }

  private at(r: number, column: number): string {
    return `${this.sheetRef}!${this.address(r, column)}`;
  }

  private address(r: number, column: number): string {
    return cellAddress((this.grid.top ?? 0) + r, (this.grid.left ?? 0) + column);
  }

  private report(r: number, column: number, code: string, severity: "error" | "warning", finding: Parameters<typeof message>[0]): void {
    this.out.problems.push(unitProblem(this.file, this.grid.name, this.address(r, column), code, { severity, ...finding } as CellFinding));
  }
}

const figureText = (value: number | null): string => (value === null ? "" : formatNumber(roundNoise(value)));

const valueRules = (master: Indicator | undefined) => ({
  percentRow: master?.unit.startsWith("%") ?? false,
  allowOver100: master?.method === "Tăng bình quân",
});

const aboveOne = (master: Indicator) => (master.baseline ?? 0) > 1 || Object.values(master.values).some((v) => (v ?? 0) > 1);

/** A problem of a unit's file: its sheet named `[file]sheet` (Excel's way of naming another workbook's sheet). */
function unitProblem(
  file: string,
  sheet: string | null,
  cell: string | null,
  code: string | null,
  finding: CellFinding,
): Problem & { file: string } {
  const name = file.replace(/^.*[\\/]/, "");
  const { fix: _fix, ...rest } = finding;
  return {
    ...rest,
    severity: finding.severity,
    sheet: sheet === null ? `[${name}]` : `[${name}]${sheet}`,
    cell,
    code,
    message: message(finding),
    file,
  };
}
