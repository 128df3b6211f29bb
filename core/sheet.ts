import { offerPercent, readValueCell, roundNoise, type CellFinding, type CellRead, type ValueRules } from "./cell-value";
import { formatNumber } from "./format";
import { cellError, filledRows, isBlank, isPercentFormat, MAX_CELL_TEXT, storedRows, type Cell, type SheetGrid } from "./grid";
import { findHeader, type ColumnKey, type Header } from "./header";
import { hasTemplateMarker, isGeneratedSheet } from "./marker";
import { message } from "./messages";
import { methodNamed } from "./method-words";
import {
  GROUPS,
  YEARS,
  type Group,
  type Indicator,
  type Method,
  type PlanCell,
  type Problem,
  type ProblemPlace,
  type YearValues,
} from "./model";
import type { Finding, Rule } from "./problems";
import { differentTargets, followsResolution, missingTargets, type MissingTarget } from "./resolution";
import { parseTarget, type Target, type TargetParse } from "./target";
import { cellAddress } from "./a1";
import { fold, memoize } from "./text";

export type { MissingTarget } from "./resolution";

/**
 * Rows above this are refused with their count: the template has 60, a large commune sheet a few hundred. Rows are
 * counted as they hold cells, never by address: a stray value at B20001 under a 60-row table is one more row.
 */
export const MAX_SHEET_ROWS = 20_000;

export interface WorkbookRead {
  /** Names of the sheets read as target sheets, in workbook order. */
  sheets: string[];
  indicators: Indicator[];
  problems: Problem[];
  /** Catalogue codes found in no target sheet, when the workbook is checked against the resolution; they count as `Thiếu số liệu`. */
  missing: MissingTarget[];
}

/** The warnings the summary names as doubts on a year's figures, when their cell is one the year rests on. */
export const DOUBT_RULES: ReadonlySet<Rule> = new Set<Rule>(["percent-fraction", "dot-decimal", "target-differs"]);

/**
 * The column a problem's cell is in (`target`, `baseline`, `year:2027`, …), kept beside the problem rather than in it
 * so that the problem's JSON and equality stay as they are: the summary asks it which warnings a year's figure rests on.
 * A hidden symbol-keyed property rather than a WeakMap: a national run makes a hundred thousand problems, and a WeakMap
 * that large is a tenth of the run in its set calls and in the garbage collector's ephemeron tables. Kept only on the
 * problems of DOUBT_RULES, the only ones it is asked of: defined on every problem, it was the costliest line of reading a row.
 */
const COLUMN = Symbol("column");

/** The column of a problem of DOUBT_RULES; undefined for any other problem. */
export function problemColumn(problem: Problem): ColumnKey | undefined {
  return (problem as Problem & { [COLUMN]?: ColumnKey })[COLUMN];
}

function placeIn(found: Problem, column: ColumnKey): void {
  Object.defineProperty(found, COLUMN, { value: column }); // not enumerable: no copy, JSON or equality sees it
}

const YEAR_KEYS = YEARS.map((y): ColumnKey => `year:${y}`);
/** A row's value columns: the baseline (no year), then the term's years. */
const VALUE_COLUMNS: readonly { key: ColumnKey; year: number | null }[] = [
  { key: "baseline", year: null },
  ...YEARS.map((year, i) => ({ key: YEAR_KEYS[i], year })),
];
const PLAN_COLUMNS = YEARS.map((year) => ({ key: `plan:${year}` as ColumnKey, year }));
const CODE = /^(KT|XH|XD)(\d+)((?:\.\d+)*)$/;
/** The value rules of a row, by whether its unit is `%` and whether its method is `Tăng bình quân`: four, shared by every row. */
const VALUE_RULES = [false, true].map((percentRow) => [false, true].map((allowOver100): ValueRules => ({ percentRow, allowOver100 })));

/** A code cell's text as a code (`kt 01.2` is KT1.2), its target and group; null when it is no code. */
export const rowCode = memoize((text): { code: string; root: string; group: Group } | null => {
  const match = CODE.exec(text.toUpperCase().replace(/\s+/g, ""));
  if (!match) return null;
  const root = `${match[1]}${Number(match[2])}`;
  return { code: `${root}${match[3]}`, root, group: match[1] as Group };
});

/** Reads every target sheet of a workbook: indicators in sheet order and every problem at its cell. */
export function readWorkbook(grids: readonly SheetGrid[]): WorkbookRead {
  const result: WorkbookRead = { sheets: [], indicators: [], problems: [], missing: [] };
  const seen = new Map<string, Indicator>();
  const targetColumns = new Map<string, number>(); // by sheet: where a target that differs is reported
  let marked = false;
  let tooLarge = false;
  for (const grid of grids) {
    if (isGeneratedSheet(grid.values)) continue;
    const header = findHeader(grid.values);
    if (!header) continue;
    const stored = storedRows(grid.values);
    // The filled rows are among the stored ones: a sheet storing no more rows than the limit, all of its rows kept by
    // the adapter (no filledRowCount), needs them not counted.
    const counted = stored.length > MAX_SHEET_ROWS || grid.filledRowCount !== undefined;
    const filled = counted ? filledRows(grid.values) : stored;
    const rows = grid.filledRowCount ?? filled.length;
    if (rows > MAX_SHEET_ROWS) {
      const over = filled[Math.min(MAX_SHEET_ROWS, filled.length - 1)] ?? 0;
      const firstOver = cellAddress((grid.top ?? 0) + over, grid.left ?? 0); // where the sheet passes the limit
      const place: ProblemPlace = { severity: "error", sheet: grid.name, cell: firstOver, code: null };
      result.problems.push(problem(place, { rule: "sheet-too-large", params: { rows, limit: MAX_SHEET_ROWS } }));
      tooLarge = true;
      continue; // not read: it is no target sheet of the summary, which then names it rather than summarising nothing
    }
    result.sheets.push(grid.name);
    marked ||= hasTemplateMarker(grid.values);
    if (header.columns.target !== undefined) targetColumns.set(grid.name, (grid.left ?? 0) + header.columns.target);
    new SheetReader(grid, header, seen, result).read(stored);
  }
  inheritKeepers(result.indicators, seen);
  if (result.sheets.length === 0) {
    if (!tooLarge)
      result.problems.push(problem({ severity: "error", sheet: null, cell: null, code: null }, { rule: "no-target-sheet", params: {} }));
  } else if (followsResolution(result.indicators, marked)) checkAgainstResolution(result, targetColumns);
  return result;
}

/** Missing targets are warnings of the workbook; a target that differs is a warning at its cell, and the sheet's is used. */
function checkAgainstResolution(read: WorkbookRead, targetColumns: ReadonlyMap<string, number>): void {
  for (const { indicator, resolution } of differentTargets(read.indicators)) {
    const column = targetColumns.get(indicator.sheet);
    const cell = column === undefined ? null : cellAddress(indicator.row - 1, column);
    const place: ProblemPlace = { severity: "warning", sheet: indicator.sheet, cell, code: indicator.code };
    const differs = problem(place, { rule: "target-differs", params: { text: indicator.targetText, resolution } });
    placeIn(differs, "target");
    read.problems.push(differs);
  }
  read.missing = missingTargets(read.indicators);
  for (const { code, name } of read.missing) {
    const place: ProblemPlace = { severity: "warning", sheet: null, cell: null, code };
    read.problems.push(problem(place, { rule: "missing-from-resolution", params: { code, name } }));
  }
}

class SheetReader {
  private readonly top: number;
  private readonly left: number;
  /** The value and plan columns this sheet has, found once rather than on every row. */
  private readonly valueColumns: readonly SheetColumn<number | null>[];
  private readonly planColumns: readonly SheetColumn<number>[];
  /** The text columns read on every row, as fixed fields: the header's columns object is a slow dictionary (keys are deleted). */
  private readonly textColumns: Readonly<Record<TextKey, number | undefined>>;
  /** Every column a row is read from, each once, in the header's order: where a text too long for Excel is looked for. */
  private readonly readColumns: readonly number[];

  constructor(
    private readonly grid: SheetGrid,
    private readonly header: Header,
    private readonly seen: Map<string, Indicator>,
    private readonly out: WorkbookRead,
  ) {
    this.top = grid.top ?? 0;
    this.left = grid.left ?? 0;
    this.valueColumns = presentColumns(VALUE_COLUMNS, header);
    this.planColumns = presentColumns(PLAN_COLUMNS, header);
    const { code, target, name, unit, method, group, note, keeper } = header.columns;
    this.textColumns = { code, target, name, unit, method, group, note, keeper };
    this.readColumns = [...new Set(Object.values(header.columns) as number[])];
  }

  /** Reads the sheet's stored rows (their indexes, ascending) below the header. */
  read(stored: readonly number[]): void {
    for (const duplicate of this.header.duplicates) {
      this.report(this.header.row, duplicate.column, null, {
        severity: "warning",
        rule: "duplicate-column",
        params: { header: duplicate.header },
      });
    }
    for (const { header, year, row, column } of this.header.outOfTerm) {
      this.report(row, column, null, { severity: "warning", rule: "year-out-of-term", params: { header, year } });
    }
    const rows: Indicator[] = [];
    for (const r of stored) {
      if (r <= this.header.row) continue;
      const indicator = this.readRow(r);
      if (indicator) rows.push(indicator);
    }
    this.settleParents(rows);
  }

  // By column rather than by key: a lookup of textColumns by a key that varies is a slow, megamorphic one.
  private cell(r: number, column: number | undefined): Cell | undefined {
    return column === undefined ? undefined : this.grid.values[r]?.[column];
  }

  private text(r: number, column: number | undefined): string {
    const cell = this.cell(r, column);
    return cell === undefined || cell === null || typeof cell === "object" ? "" : String(cell).trim();
  }

  private readRow(r: number): Indicator | null {
    if (this.overlongCells(r)) return null;
    const codeText = this.text(r, this.textColumns.code);
    const targetCell = this.cell(r, this.textColumns.target);
    if (codeText === "" && isBlank(targetCell ?? null)) return null; // blank, title or section row
    if (codeText === "") {
      this.reportAt(r, "code", null, { severity: "error", rule: "missing-code", params: {} });
      return null;
    }
    const parsed = rowCode(codeText);
    if (!parsed && isBlank(targetCell ?? null)) return null; // a section heading such as `I. KINH TẾ` in the code column
    if (!parsed) {
      this.reportAt(r, "code", null, { severity: "error", rule: "bad-code", params: { text: codeText } });
      return null;
    }
    const { code, root } = parsed;
    const earlier = this.seen.get(code);
    if (earlier) {
      const sheet = earlier.sheet === this.grid.name ? null : earlier.sheet;
      this.reportAt(r, "code", code, { severity: "error", rule: "duplicate-code", params: { code, row: earlier.row, sheet } });
      return null;
    }
    const group = this.readGroup(r, code, parsed.group);
    const unit = this.text(r, this.textColumns.unit);
    const invalid = new Set<string>();
    const method = this.readMethod(r, code, invalid);
    const valueRules = VALUE_RULES[Number(unit.startsWith("%"))][Number(method === "Tăng bình quân")];
    // By the index of valueColumns; a blank cell reads as null without findings, as left.
    const reads = this.valueColumns.map(({ column }) => readValueCell(this.grid.values[r]?.[column], this.format(r, column), valueRules));
    if (valueRules.percentRow && !valueRules.allowOver100) this.offerPercents(r, reads);
    let baseline: number | null = null;
    const values: (number | null)[] = [null, null, null, null, null];
    for (let i = 0; i < reads.length; i++) {
      const { key, year, column } = this.valueColumns[i];
      const read = reads[i];
      for (const finding of read.findings) this.report(r, column, code, finding);
      if (read.bad) invalid.add(key);
      if (year === null) baseline = read.value;
      else values[year - YEARS[0]] = read.value;
    }
    this.reportGaps(r, code, method, values, invalid);
    const indicator: Indicator = {
      code,
      root,
      group,
      name: this.text(r, this.textColumns.name),
      unit,
      method,
      target: null,
      targetText: targetCell === undefined || targetCell === null || typeof targetCell === "object" ? "" : String(targetCell).trim(),
      baseline,
      values,
      plans: {},
      note: this.text(r, this.textColumns.note),
      keeper: this.text(r, this.textColumns.keeper),
      sheet: this.grid.name,
      row: this.top + r + 1,
      invalid,
      isParent: false,
    };
    this.readTarget(r, indicator, targetCell);
    indicator.plans = this.readPlans(r, code, valueRules.percentRow, invalid);
    if (baseline === null && !invalid.has("baseline") && indicator.targetText !== "" && this.header.columns.baseline !== undefined) {
      const params = { method, kind: indicator.target?.kind ?? null };
      this.reportAt(r, "baseline", code, { severity: "warning", rule: "missing-baseline", params });
    }
    this.seen.set(code, indicator);
    this.out.indicators.push(indicator);
    return indicator;
  }

  /** Text no Excel cell can hold, in a column the row is read from: an error at its cell, and the row is not read. */
  private overlongCells(r: number): boolean {
    let found = false;
    const cells = this.grid.values[r] ?? [];
    for (const column of this.readColumns) {
      const cell = cells[column];
      if (typeof cell !== "string" || cell.length <= MAX_CELL_TEXT) continue;
      this.report(r, column, null, { severity: "error", rule: "text-too-long", params: { length: cell.length, limit: MAX_CELL_TEXT } });
      found = true;
    }
    return found;
  }

  /** A blank year before a later figure counts as 0 in a cumulative sum and leaves an annual target unproven. */
  private reportGaps(r: number, code: string, method: Method, values: YearValues, invalid: Set<string>): void {
    if (method !== "Cộng dồn" && method !== "Hằng năm") return;
    const filled = YEARS.filter((_, i) => values[i] !== null || invalid.has(YEAR_KEYS[i]));
    const last = filled[filled.length - 1] ?? 0;
    for (const year of YEARS.filter((y) => y < last && !filled.includes(y))) {
      this.reportAt(r, `year:${year}`, code, {
        severity: "warning",
        rule: method === "Cộng dồn" ? "cumulative-gap" : "annual-gap",
        params: { year },
      });
    }
  }

  private readGroup(r: number, code: string, fromCode: Group): Group {
    const text = this.text(r, this.textColumns.group);
    if (text === "" || text === fromCode || text.toUpperCase() === fromCode) return fromCode;
    if (groupNamed(text) !== fromCode) {
      this.reportAt(r, "group", code, { severity: "warning", rule: "group-mismatch", params: { text, group: fromCode } });
    }
    return fromCode;
  }

  private readMethod(r: number, code: string, invalid: Set<string>): Method {
    const text = this.text(r, this.textColumns.method);
    if (text === "") return "Năm";
    const method = methodNamed(text);
    if (method) return method;
    invalid.add("method");
    this.reportAt(r, "method", code, { severity: "error", rule: "bad-method", params: { text } });
    return "Năm";
  }

  private readTarget(r: number, indicator: Indicator, cell: Cell | undefined): void {
    if (cell === undefined || isBlank(cell)) {
      indicator.isParent = true; // settled once the whole sheet is read
      return;
    }
    const column = this.header.columns.target ?? 0;
    const error = cellError(cell);
    const unreadable: Finding = { rule: "bad-target", params: { text: indicator.targetText } };
    const finding = error ? cellErrorFinding(error) : this.expressionFinding(cell, unreadable);
    if (finding.target) indicator.target = finding.target;
    else indicator.invalid.add("target");
    if (finding.finding) this.report(r, column, indicator.code, finding.finding);
  }

  /** `Kế hoạch <năm>` cells: each read as a target (a plain number is a min); one that does not parse is an error. */
  private readPlans(r: number, code: string, percentRow: boolean, invalid: Set<string>): Indicator["plans"] {
    const plans: Indicator["plans"] = {};
    for (const { key, year, column } of this.planColumns) {
      const cell = this.grid.values[r]?.[column];
      if (cell === undefined || isBlank(cell)) continue;
      const error = cellError(cell);
      const scaled = typeof cell === "number" && percentRow && isPercentFormat(this.format(r, column)) ? roundNoise(cell * 100) : cell;
      const text = error ?? (typeof scaled === "number" ? formatNumber(scaled) : String(scaled).trim());
      const read = error ? cellErrorFinding(error) : this.expressionFinding(scaled, { rule: "bad-plan", params: { text, year } });
      plans[year] = { text, target: read.target } satisfies PlanCell;
      if (!read.target) invalid.add(key);
      if (read.finding) this.report(r, column, code, read.finding);
    }
    return plans;
  }

  /** A target or plan cell read as an expression: its target, and the finding it is worth (an error when unreadable). */
  private expressionFinding(cell: Cell, unreadable: Finding): ExpressionRead {
    const parsed: TargetParse | null = typeof cell === "string" || typeof cell === "number" ? parseTarget(cell) : null;
    if (parsed?.ok) {
      const dot = parsed.dotDecimal;
      const fix = dot?.whole ? { fix: { value: dot.value } } : {};
      const finding: CellFinding | null = dot
        ? { severity: "warning", rule: "dot-decimal", params: { text: dot.text, value: dot.value }, ...fix }
        : null;
      return { target: parsed.target, finding };
    }
    const text = typeof cell === "number" ? formatNumber(cell) : String(cell).trim();
    const finding: Finding =
      parsed?.reason === "ambiguous-number"
        ? { rule: "ambiguous-number", params: { text: parsed.text } }
        : parsed?.reason === "inverted-range"
          ? { rule: "inverted-range", params: { text } }
          : unreadable;
    return { target: null, finding: { severity: "error", ...finding } };
  }

  /** In a `%` row, a fraction typed among figures above 1 is offered as the percent it likely means. */
  private offerPercents(r: number, reads: CellRead[]): void {
    if (!reads.some((read) => read.value !== null && read.value > 1)) return;
    reads.forEach((read, i) => (reads[i] = offerPercent(read, this.format(r, this.valueColumns[i].column))));
  }

  private format(r: number, column: number): string | null | undefined {
    return this.grid.formats?.[r]?.[column];
  }

  /** A row without target is a parent heading when sub-metrics of its code follow; otherwise its target is missing. */
  private settleParents(rows: Indicator[]): void {
    for (const row of rows) {
      if (!row.isParent || hasChildren(row.code, rows)) continue;
      row.isParent = false;
      row.invalid.add("target");
      this.reportAt(row.row - this.top - 1, "target", row.code, { severity: "error", rule: "missing-target", params: {} });
    }
  }

  private reportAt(r: number, key: ColumnKey, code: string | null, finding: CellFinding): void {
    this.report(r, this.header.columns[key] ?? this.header.columns.code ?? 0, code, finding);
  }

  /** The key of a header column, the last one when two name it; looked up only for the few problems that keep it. */
  private keyOf(column: number): ColumnKey | undefined {
    let found: ColumnKey | undefined;
    for (const [key, at] of Object.entries(this.header.columns) as [ColumnKey, number][]) if (at === column) found = key;
    return found;
  }

  private report(r: number, column: number, code: string | null, finding: CellFinding): void {
    const cell = cellAddress(this.top + r, this.left + column);
    const found = problem({ severity: finding.severity, sheet: this.grid.name, cell, code }, finding);
    const key = DOUBT_RULES.has(finding.rule) ? this.keyOf(column) : undefined;
    if (key !== undefined) placeIn(found, key);
    this.out.problems.push(found);
  }
}

const GROUP_WORDS: Record<Group, string[]> = {
  KT: ["kinh te"],
  XH: ["van hoa", "xa hoi"],
  XD: ["xay dung dang", "dang", "he thong chinh tri"],
};

/** The group a `Nhóm` cell names (`Kinh tế`, `XH`), or undefined. */
const groupNamed = memoize((text): Group | undefined => {
  const folded = fold(text);
  return GROUPS.find((g) => folded === g.toLowerCase() || GROUP_WORDS[g].some((w) => folded.startsWith(w)));
});

/** A sub-metric without `Đơn vị theo dõi` takes its nearest ancestor's (`KT3.1.2` → `KT3.1` → `KT3`). */
function inheritKeepers(indicators: readonly Indicator[], byCode: ReadonlyMap<string, Indicator>): void {
  for (const indicator of indicators) {
    for (let dot = indicator.code.lastIndexOf("."); !indicator.keeper && dot > 0; dot = indicator.code.lastIndexOf(".", dot - 1)) {
      indicator.keeper = byCode.get(indicator.code.slice(0, dot))?.keeper ?? "";
    }
  }
}

/** Whether a row's code is an ancestor of another's (`KT3` of `KT3.1` and of `KT3.1.2`): asked of the few rows without target. */
function hasChildren(code: string, rows: readonly Indicator[]): boolean {
  const prefix = `${code}.`;
  return rows.some((row) => row.code.startsWith(prefix));
}

type TextKey = "code" | "target" | "name" | "unit" | "method" | "group" | "note" | "keeper";

interface SheetColumn<Year> {
  key: ColumnKey;
  year: Year;
  column: number;
}

function presentColumns<Year>(wanted: readonly { key: ColumnKey; year: Year }[], header: Header): SheetColumn<Year>[] {
  const present: SheetColumn<Year>[] = [];
  for (const { key, year } of wanted) {
    const column = header.columns[key];
    if (column !== undefined) present.push({ key, year, column });
  }
  return present;
}

interface ExpressionRead {
  target: Target | null;
  finding: CellFinding | null;
}

function cellErrorFinding(error: string): ExpressionRead {
  return { target: null, finding: { severity: "error", rule: "cell-error", params: { error } } };
}

/** Built by assignment, not spread: a national run makes a hundred thousand of them and spreading costs twice the time. */
function problem(place: ProblemPlace, finding: Finding & { fix?: { value: number } }): Problem {
  const { severity, sheet, cell, code } = place;
  return Object.assign({ severity, sheet, cell, code, message: message(finding) }, finding);
}
