import { cellAddress, parseA1 } from "./a1";
import { readValueCell, roundNoise } from "./cell-value";
import { isBlank, isPercentFormat, type Cell, type SheetGrid } from "./grid";
import { findHeader, type Header } from "./header";
import { message } from "./messages";
import type { Indicator, Problem, ProblemPlace } from "./model";
import { readNumberText } from "./number";
import type { Finding } from "./problems";
import { readWorkbook, type WorkbookRead } from "./sheet";
import { masterOffice } from "./split-plan";
import { fold } from "./text";
import { readUnitFile, type UnitFigure, type UnitFileRead } from "./unit-file";
import { figureRows, firstOpenYear, keeperKey, keeperOf, readUnitMarker } from "./units";

/** The master as an adapter reads it: its grids, and the cells where a figure must not go (formulas, merged ranges). */
export interface CollectMaster {
  grids: readonly SheetGrid[];
  /** Cells holding a formula, by sheet (`J12`). */
  formulas?: readonly { sheet: string; cell: string }[];
  /** Merged ranges, by sheet (`J12:K12`). */
  merges?: readonly { sheet: string; range: string }[];
}

export interface UnitFileInput {
  /** The file's name as the user knows it (the command line's path, the pane's chosen file). */
  file: string;
  grids: readonly SheetGrid[];
}

export interface CollectOptions {
  /** A master figure that differs is replaced (never a formula); without it, kept and listed. */
  overwrite?: boolean;
}

/** A figure to write into the master: the sheet's cell, 0-based row and column, and the value as Excel holds it. */
export interface CellWrite {
  sheet: string;
  cell: string;
  row: number;
  column: number;
  value: number | string;
  code: string;
}

/** A master cell where a unit's figure was not written: another figure there, a formula, or units that disagree. */
export interface CollectConflict {
  code: string;
  sheet: string;
  cell: string;
  /** What the master cell holds (a formula's value), null when blank. */
  master: number | string | null;
  unit: string;
  file: string;
  value: number | string;
  reason: "different" | "formula" | "units-disagree";
}

export interface CollectPlan {
  master: WorkbookRead;
  year: number;
  writes: CellWrite[];
  /** Per unit file read: rows it holds, rows that came back with the year's figure. */
  units: { unit: string; file: string; rows: number; filled: number }[];
  conflicts: CollectConflict[];
  /** `Chưa báo cáo`: per unit, the codes whose year cell is still blank after the writes. */
  missing: { unit: string; codes: string[] }[];
  /** Problems of the unit files (`sheet` is `[file]sheet`) and of the master cells where figures go. */
  problems: (Problem & { file: string | null })[];
}

interface Candidate extends UnitFigure {
  unit: string;
  file: string;
}

/**
 * The collect plan: each unit's figures for the year (and next year's plan) against the master's cells. The year is the
 * one the units' markers carry (the most common), else the master's first year whose column is mostly empty.
 * Null when the master has no target sheet.
 */
export function planCollect(master: CollectMaster, files: readonly UnitFileInput[], options: CollectOptions = {}): CollectPlan | null {
  const read = readWorkbook(master.grids);
  if (read.sheets.length === 0) return null;
  const year = markedYear(files) ?? firstOpenYear(read.indicators);
  const byCode = new Map(read.indicators.map((i) => [i.code, i]));
  const context = { year, office: masterOffice(master.grids, read), byCode };
  const plan: CollectPlan = { master: read, year, writes: [], units: [], conflicts: [], missing: [], problems: [] };
  const actuals = new Map<string, Candidate[]>();
  const plans = new Map<string, Candidate[]>();
  for (const input of files) {
    const unitRead: UnitFileRead = readUnitFile(input.file, input.grids, context);
    plan.problems.push(...unitRead.problems);
    if (!unitRead.rows) continue;
    plan.units.push({
      unit: unitRead.unit,
      file: input.file,
      rows: unitRead.rows.length,
      filled: unitRead.rows.filter((r) => r.actual !== null).length,
    });
    for (const row of unitRead.rows) {
      if (row.actual) push(actuals, row.code, { ...row.actual, unit: unitRead.unit, file: input.file });
      if (row.plan) push(plans, row.code, { ...row.plan, unit: unitRead.unit, file: input.file });
    }
  }
  new MasterCells(master, read, year, options, plan).settle(actuals, plans);
  return plan;
}

function markedYear(files: readonly UnitFileInput[]): number | null {
  const counts = new Map<number, number>();
  for (const file of files) {
    for (const grid of file.grids) {
      const mark = readUnitMarker(grid.values);
      if (mark) counts.set(mark.marker.year, (counts.get(mark.marker.year) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [year, count] of counts)
    if (best === null || count > counts.get(best)! || (count === counts.get(best) && year < best)) best = year;
  return best;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Where the master's figures go, and what each of its cells holds. */
class MasterCells {
  private readonly headers = new Map<string, Header | null>();
  private readonly grids: Map<string, SheetGrid>;
  private readonly formulas: Set<string>;
  private readonly reported = new Set<string>();

  constructor(
    private readonly master: CollectMaster,
    private readonly read: WorkbookRead,
    private readonly year: number,
    private readonly options: CollectOptions,
    private readonly plan: CollectPlan,
  ) {
    this.grids = new Map(master.grids.map((g) => [g.name, g]));
    this.formulas = new Set((master.formulas ?? []).map((f) => `${f.sheet}!${f.cell}`));
  }

  settle(actuals: ReadonlyMap<string, Candidate[]>, plans: ReadonlyMap<string, Candidate[]>): void {
    const stillBlank: Indicator[] = [];
    let plansWithoutColumn = 0;
    for (const row of figureRows(this.read.indicators)) {
      const actual = this.target(row, `year:${this.year}`);
      const answered = actuals.get(row.code) ?? [];
      if (!actual) this.reportOnce(row.sheet, "master-no-year-column", { rule: "master-no-year-column", params: { year: this.year } });
      const landed = actual ? this.decide(row, actual, answered, "value") : false;
      if (!landed && answered.length === 0 && (!actual || isBlank(actual.cell))) stillBlank.push(row);
      const planned = plans.get(row.code) ?? [];
      if (planned.length === 0) continue;
      const planCell = this.target(row, `plan:${this.year + 1}`);
      if (planCell) this.decide(row, planCell, planned, "plan");
      else plansWithoutColumn += 1;
    }
    if (plansWithoutColumn > 0) {
      const place: ProblemPlace = { severity: "warning", sheet: this.read.sheets[0], cell: null, code: null };
      this.plan.problems.push(
        problem(place, { rule: "master-no-plan-column", params: { year: this.year + 1, count: plansWithoutColumn } }),
      );
    }
    const byUnit = new Map<string, { unit: string; codes: string[] }>();
    for (const row of stillBlank) {
      const unit = keeperOf(row);
      const entry = byUnit.get(keeperKey(unit)) ?? { unit, codes: [] };
      entry.codes.push(row.code);
      byUnit.set(keeperKey(unit), entry);
    }
    this.plan.missing = [...byUnit.values()];
  }

  /** The master cell of a row's column: grid position, address, what it holds and its format; null without the column. */
  private target(row: Indicator, key: `year:${number}` | `plan:${number}`): TargetCell | null {
    const grid = this.grids.get(row.sheet)!;
    if (!this.headers.has(row.sheet)) this.headers.set(row.sheet, findHeader(grid.values));
    const column = this.headers.get(row.sheet)?.columns[key];
    if (column === undefined) return null;
    const r = row.row - 1 - (grid.top ?? 0);
    const [absRow, absColumn] = [row.row - 1, (grid.left ?? 0) + column];
    return {
      sheet: row.sheet,
      row: absRow,
      column: absColumn,
      cell: grid.values[r]?.[column] ?? null,
      format: grid.formats?.[r]?.[column] ?? null,
      address: cellAddress(absRow, absColumn),
    };
  }

  /** Writes, keeps or flags one master cell; true when the unit's figure is (or already was) in it. */
  private decide(row: Indicator, at: TargetCell, candidates: Candidate[], kind: "value" | "plan"): boolean {
    if (candidates.length === 0) return false;
    const distinct = candidates.filter((c, i) => candidates.findIndex((d) => same(d.value, c.value)) === i);
    const current = this.current(row, at, kind);
    const conflict = (c: Candidate, reason: CollectConflict["reason"]) =>
      this.plan.conflicts.push({
        code: row.code,
        sheet: at.sheet,
        cell: at.address,
        master: current,
        unit: c.unit,
        file: c.file,
        value: c.value,
        reason,
      });
    if (distinct.length > 1) {
      candidates.forEach((c) => conflict(c, "units-disagree"));
      return false;
    }
    const value = candidates[0].value;
    if (current !== null && same(current, value)) return true;
    if (this.formulas.has(`${at.sheet}!${at.address}`)) {
      conflict(candidates[0], "formula");
      return false;
    }
    const merge = this.mergeAt(at);
    if (merge) {
      const place: ProblemPlace = { severity: "error", sheet: at.sheet, cell: at.address, code: row.code };
      this.plan.problems.push(problem(place, { rule: "master-merged-cell", params: { range: merge } }));
      return false;
    }
    if (current !== null && !this.options.overwrite) {
      conflict(candidates[0], "different");
      return false;
    }
    const written = typeof value === "number" && isPercentFormat(at.format) ? roundNoise(value / 100) : value;
    this.plan.writes.push({ sheet: at.sheet, cell: at.address, row: at.row, column: at.column, value: written, code: row.code });
    return true;
  }

  /** The master cell's figure as section 1 reads it (a year value) or as written (a plan); its text when unreadable. */
  private current(row: Indicator, at: TargetCell, kind: "value" | "plan"): number | string | null {
    const { cell } = at;
    if (isBlank(cell)) return null;
    const rules = { percentRow: row.unit.startsWith("%"), allowOver100: kind === "plan" || row.method === "Tăng bình quân" };
    const read = readValueCell(cell, at.format, rules);
    if (read.value !== null) return read.value;
    return typeof cell === "object" && cell !== null ? cell.error : String(cell).trim();
  }

  private mergeAt(at: TargetCell): string | null {
    for (const { sheet, range } of this.master.merges ?? []) {
      if (sheet !== at.sheet) continue;
      const rect = parseA1(range);
      if (rect.rows * rect.columns < 2) continue;
      if (at.row >= rect.row && at.row < rect.row + rect.rows && at.column >= rect.column && at.column < rect.column + rect.columns)
        return range;
    }
    return null;
  }

  private reportOnce(sheet: string, key: string, finding: Finding): void {
    if (this.reported.has(`${sheet}|${key}`)) return;
    this.reported.add(`${sheet}|${key}`);
    this.plan.problems.push(problem({ severity: "error", sheet, cell: null, code: null }, finding));
  }
}

interface TargetCell {
  sheet: string;
  row: number;
  column: number;
  cell: Cell;
  format: string | null;
  address: string;
}

/** One figure: numbers equal to 12 significant digits; texts equal folded, or as the number they hold. */
function same(a: number | string, b: number | string): boolean {
  const number = (v: number | string) => (typeof v === "number" ? v : ((readNumberText(v) as { value: number } | null)?.value ?? null));
  const [x, y] = [number(a), number(b)];
  if (typeof x === "number" && typeof y === "number" && (typeof a === "number" || typeof b === "number" || /^[\d.,\s%]+$/.test(`${a}${b}`)))
    return roundNoise(x) === roundNoise(y);
  return fold(String(a)) === fold(String(b));
}

function problem(place: ProblemPlace, finding: Finding): Problem & { file: null } {
  return { ...place, ...finding, message: message(finding), file: null };
}
