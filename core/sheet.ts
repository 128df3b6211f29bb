import { readValueCell, type CellFinding } from "./cell-value";
import { cellError, isBlank, type Cell, type SheetGrid } from "./grid";
import { findHeader, type ColumnKey, type Header } from "./header";
import { isGeneratedSheet } from "./marker";
import { message, type Rule } from "./messages";
import { GROUPS, METHODS, YEARS, type Group, type Indicator, type Method, type Problem } from "./model";
import { parseTarget } from "./target";
import { cellAddress, fold } from "./text";

/** Rows above this are refused with their count: the template has 60, a large commune sheet a few hundred. */
export const MAX_SHEET_ROWS = 20_000;

/** A target or sub-metric of the resolution that no target sheet holds (checks against the resolution). */
export interface MissingTarget {
  code: string;
  root: string;
  group: Group;
  name: string;
}

export interface WorkbookRead {
  /** Names of the sheets read as target sheets, in workbook order. */
  sheets: string[];
  indicators: Indicator[];
  problems: Problem[];
  /** Catalogue codes found in no target sheet, when the workbook is checked against the resolution; they count as `Thiếu số liệu`. */
  missing: MissingTarget[];
}

const YEAR_KEYS = YEARS.map((y): ColumnKey => `year:${y}`);
const CODE = /^(KT|XH|XD)(\d+)((?:\.\d+)*)$/;

/** Reads every target sheet of a workbook: indicators in sheet order and every problem at its cell. */
export function readWorkbook(grids: readonly SheetGrid[]): WorkbookRead {
  const result: WorkbookRead = { sheets: [], indicators: [], problems: [], missing: [] };
  const seen = new Map<string, Indicator>();
  for (const grid of grids) {
    if (isGeneratedSheet(grid.values)) continue;
    const header = findHeader(grid.values);
    if (!header) continue;
    result.sheets.push(grid.name);
    if (grid.values.length > MAX_SHEET_ROWS) {
      const firstOver = cellAddress((grid.top ?? 0) + MAX_SHEET_ROWS, grid.left ?? 0); // where the sheet passes the limit
      result.problems.push(problem(grid.name, firstOver, null, "error", "sheet-too-large", { rows: grid.values.length, limit: MAX_SHEET_ROWS }));
      continue;
    }
    new SheetReader(grid, header, seen, result).read();
  }
  if (result.sheets.length === 0) result.problems.push(problem(null, null, null, "error", "no-target-sheet", {}));
  return result;
}

class SheetReader {
  private readonly top: number;
  private readonly left: number;

  constructor(
    private readonly grid: SheetGrid,
    private readonly header: Header,
    private readonly seen: Map<string, Indicator>,
    private readonly out: WorkbookRead,
  ) {
    this.top = grid.top ?? 0;
    this.left = grid.left ?? 0;
  }

  read(): void {
    for (const duplicate of this.header.duplicates) {
      this.report(this.header.row, duplicate.column, null, { severity: "warning", rule: "duplicate-column", params: { header: duplicate.header } });
    }
    const rows: Indicator[] = [];
    for (let r = this.header.row + 1; r < this.grid.values.length; r++) {
      const indicator = this.readRow(r);
      if (indicator) rows.push(indicator);
    }
    this.settleParents(rows);
  }

  private cell(r: number, key: ColumnKey): Cell | undefined {
    const column = this.header.columns[key];
    return column === undefined ? undefined : this.grid.values[r]?.[column];
  }

  private text(r: number, key: ColumnKey): string {
    const cell = this.cell(r, key);
    return cell === undefined || cell === null || typeof cell === "object" ? "" : String(cell).trim();
  }

  private readRow(r: number): Indicator | null {
    const codeText = this.text(r, "code").toUpperCase().replace(/\s+/g, "");
    const targetCell = this.cell(r, "target");
    if (codeText === "" && isBlank(targetCell ?? null)) return null; // blank, title or section row
    if (codeText === "") {
      this.reportAt(r, "code", null, { severity: "error", rule: "missing-code", params: {} });
      return null;
    }
    const match = CODE.exec(codeText);
    if (!match && isBlank(targetCell ?? null)) return null; // a section heading such as `I. KINH TẾ` in the code column
    if (!match) {
      this.reportAt(r, "code", null, { severity: "error", rule: "bad-code", params: { text: this.text(r, "code") } });
      return null;
    }
    const code = `${match[1]}${Number(match[2])}${match[3]}`;
    const earlier = this.seen.get(code);
    if (earlier) {
      const where = earlier.sheet === this.grid.name ? `dòng ${earlier.row}` : `dòng ${earlier.row} của trang “${earlier.sheet}”`;
      this.reportAt(r, "code", code, { severity: "error", rule: "duplicate-code", params: { code, where } });
      return null;
    }
    const group = this.readGroup(r, code, match[1] as Group);
    const unit = this.text(r, "unit");
    const invalid = new Set<string>();
    const method = this.readMethod(r, code, invalid);
    const valueRules = { percentRow: unit.startsWith("%"), allowOver100: method === "Tăng bình quân" };
    const readValue = (key: ColumnKey) => {
      const column = this.header.columns[key];
      if (column === undefined) return null;
      const read = readValueCell(this.grid.values[r]?.[column], this.grid.formats?.[r]?.[column], valueRules);
      for (const finding of read.findings) this.report(r, column, code, finding);
      if (read.bad) invalid.add(key);
      return read.value;
    };
    const baseline = readValue("baseline");
    const [v2026, v2027, v2028, v2029, v2030] = YEAR_KEYS.map(readValue);
    const values = { 2026: v2026, 2027: v2027, 2028: v2028, 2029: v2029, 2030: v2030 };
    this.reportGaps(r, code, method, values, invalid);
    const indicator: Indicator = {
      code,
      root: `${match[1]}${Number(match[2])}`,
      group,
      name: this.text(r, "name"),
      unit,
      method,
      target: null,
      targetText: targetCell === undefined || targetCell === null || typeof targetCell === "object" ? "" : String(targetCell).trim(),
      baseline,
      values,
      plans: {},
      note: this.text(r, "note"),
      sheet: this.grid.name,
      row: this.top + r + 1,
      invalid,
      isParent: false,
    };
    this.readTarget(r, indicator, targetCell);
    if (baseline === null && !invalid.has("baseline") && indicator.targetText !== "" && this.header.columns.baseline !== undefined) {
      this.reportAt(r, "baseline", code, { severity: "warning", rule: "missing-baseline", params: {} });
    }
    this.seen.set(code, indicator);
    this.out.indicators.push(indicator);
    return indicator;
  }

  /** A blank year before a later figure counts as 0 in a cumulative sum and leaves an annual target unproven. */
  private reportGaps(r: number, code: string, method: Method, values: Partial<Record<number, number | null>>, invalid: Set<string>): void {
    if (method !== "Cộng dồn" && method !== "Hằng năm") return;
    const filled = YEARS.filter((y) => values[y] !== null || invalid.has(`year:${y}`));
    const last = filled[filled.length - 1] ?? 0;
    for (const year of YEARS.filter((y) => y < last && !filled.includes(y))) {
      this.reportAt(r, `year:${year}`, code, { severity: "warning", rule: method === "Cộng dồn" ? "cumulative-gap" : "annual-gap", params: { year } });
    }
  }

  private readGroup(r: number, code: string, fromCode: Group): Group {
    const text = this.text(r, "group");
    if (text === "" || text.toUpperCase() === fromCode) return fromCode;
    const folded = fold(text);
    const named = GROUPS.find((g) => folded === g.toLowerCase() || GROUP_WORDS[g].some((w) => folded.startsWith(w)));
    if (named !== fromCode) {
      this.reportAt(r, "group", code, { severity: "warning", rule: "group-mismatch", params: { text, group: fromCode } });
    }
    return fromCode;
  }

  private readMethod(r: number, code: string, invalid: Set<string>): Method {
    const text = this.text(r, "method");
    if (text === "") return "Năm";
    const method = METHOD_WORDS.get(text) ?? METHOD_WORDS.get(fold(text));
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
    const error = cellError(cell);
    const parsed = error || typeof cell === "boolean" ? null : parseTarget(cell as string | number);
    if (parsed?.ok) {
      indicator.target = parsed.target;
      return;
    }
    indicator.invalid.add("target");
    const text = indicator.targetText;
    const finding: CellFinding = error
      ? { severity: "error", rule: "cell-error", params: { error } }
      : { severity: "error", rule: parsed?.ok === false && parsed.reason === "inverted-range" ? "inverted-range" : "bad-target", params: { text } };
    this.reportAt(r, "target", indicator.code, finding);
  }

  /** A row without target is a parent heading when sub-metrics of its code follow; otherwise its target is missing. */
  private settleParents(rows: Indicator[]): void {
    for (const row of rows.filter((i) => i.isParent)) {
      const hasChildren = rows.some((i) => i.code.startsWith(`${row.code}.`));
      if (hasChildren) continue;
      row.isParent = false;
      row.invalid.add("target");
      this.reportAt(row.row - this.top - 1, "target", row.code, { severity: "error", rule: "missing-target", params: {} });
    }
  }

  private reportAt(r: number, key: ColumnKey, code: string | null, finding: CellFinding): void {
    this.report(r, this.header.columns[key] ?? this.header.columns.code ?? 0, code, finding);
  }

  private report(r: number, column: number, code: string | null, finding: CellFinding): void {
    const cell = cellAddress(this.top + r, this.left + column);
    this.out.problems.push({ ...problem(this.grid.name, cell, code, finding.severity, finding.rule, finding.params), ...(finding.fix && { fix: finding.fix }) });
  }
}

/** Methods by folded name, with other words officials use. ("Hàng năm" folds like "Hằng năm".) */
export const METHOD_WORDS = new Map<string, Method>([
  ...METHODS.map((m): [string, Method] => [m, m]),
  ...METHODS.map((m): [string, Method] => [fold(m), m]),
  ["luy ke", "Cộng dồn"],
  ["cong don ca nhiem ky", "Cộng dồn"],
  ["tang binh quan hang nam", "Tăng bình quân"],
  ["ca nam", "Năm"],
]);

const GROUP_WORDS: Record<Group, string[]> = {
  KT: ["kinh te"],
  XH: ["van hoa", "xa hoi"],
  XD: ["xay dung dang", "dang", "he thong chinh tri"],
};

function problem(sheet: string | null, cell: string | null, code: string | null, severity: Problem["severity"], rule: Rule, params: Record<string, unknown>): Problem {
  return { severity, sheet, cell, code, rule, message: message(rule, params) };
}
