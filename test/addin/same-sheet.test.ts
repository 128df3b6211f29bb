import { ValueType, Workbook, type Cell as ExcelCell, type Worksheet } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseA1, plainLayout, planSummary, templateLayouts, type SheetGrid, type SheetLayout } from "../../core";
import { addTemplate, generateSummary } from "../../addin/actions";
import { columnPoints } from "../../addin/layout-plan";
import { readWorkbookFile, summarizeFile, writeTemplate } from "../../scripts/cli/commands";
import { writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { mockExcel, type ExcelMock } from "../../scripts/bench/office-mock";
import { filledTemplate } from "../../scripts/bench/workbooks";

/**
 * The task pane and the command line write the same summary sheet for the same workbook: both take core's plan
 * (planSummary) and only translate it, so values, number formats, merges, widths, row heights and every style
 * property must agree cell by cell. The CLI's file is read back with exceljs; the add-in's writes are replayed
 * from the Office mock's log of operations.
 */

const DATE = new Date(2027, 11, 20);

/** What a cell looks like, in one vocabulary for both hosts; absent properties are null. */
interface Look {
  value: string | number | null;
  /** Number format of a number cell; text cells are text in both hosts ("@" in the add-in, a string in the file). */
  numFmt: string | null;
  font: string | null;
  size: number | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  color: string | null;
  fill: string | null;
  horizontal: string | null;
  vertical: string | null;
  wrap: boolean;
  indent: number;
  /** Thin black edges of the cell, sorted: "bottom,left,right,top". */
  borders: string;
}

const blank = (): Look => ({
  value: null,
  numFmt: null,
  font: null,
  size: null,
  bold: false,
  italic: false,
  underline: false,
  color: null,
  fill: null,
  horizontal: null,
  vertical: null,
  wrap: false,
  indent: 0,
  borders: "",
});

interface SheetLook {
  cells: Look[][];
  /** Row heights set explicitly, by 1-based row. */
  heights: Record<number, number>;
  merges: string[];
  /** Column widths in points (exceljs widths are characters: converted as the add-in converts them). */
  widths: number[];
  hidden: number[];
}

// ── the command line: a file read back with exceljs ──

function fileLook(sheet: Worksheet, rows: number, columns: number): SheetLook {
  const cells = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cellLook(sheet.getCell(r + 1, c + 1))));
  const heights: Record<number, number> = {};
  for (let r = 1; r <= rows; r++) {
    const height = sheet.getRow(r).height;
    if (height !== undefined) heights[r] = height;
  }
  const widths = Array.from({ length: columns }, (_, c) => columnPoints(sheet.getColumn(c + 1).width ?? 9));
  const hidden = Array.from({ length: columns }, (_, c) => c).filter((c) => sheet.getColumn(c + 1).hidden);
  const merges = (sheet.model as unknown as { merges: string[] }).merges;
  return { cells, heights, merges: [...merges].sort(), widths, hidden };
}

function cellLook(cell: ExcelCell): Look {
  const look = blank();
  // exceljs gives the cells a merge covers the value of its first cell; the file holds it once, as the add-in does.
  const value = cell.type === ValueType.Merge ? null : cell.value;
  // "" is a blank cell in Excel: Office.js clears a cell given "", exceljs keeps an empty string
  if ((typeof value === "string" && value !== "") || typeof value === "number") look.value = value;
  else if (value && typeof value === "object" && "formula" in value) look.value = `=${value.formula}`;
  if (typeof look.value === "number") look.numFmt = cell.numFmt || "General";
  const { font, fill, alignment, border } = cell.style;
  look.font = font?.name ?? null;
  look.size = font?.size ?? null;
  look.bold = !!font?.bold;
  look.italic = !!font?.italic;
  look.underline = !!font?.underline;
  look.color = font?.color?.argb?.slice(2) ?? null;
  look.fill = fill && fill.type === "pattern" && fill.fgColor?.argb ? fill.fgColor.argb.slice(2) : null;
  look.horizontal = alignment?.horizontal ?? null;
  look.vertical = alignment?.vertical === "middle" ? "center" : (alignment?.vertical ?? null);
  look.wrap = !!alignment?.wrapText;
  look.indent = alignment?.indent ?? 0;
  look.borders = (["bottom", "left", "right", "top"] as const).filter((edge) => border?.[edge]?.style === "thin").join(",");
  return look;
}

// ── the add-in: the operations queued through Office.js, replayed ──

function officeLook(mock: ExcelMock, name: string, rows: number, columns: number): SheetLook {
  const cells = Array.from({ length: rows }, () => Array.from({ length: columns }, blank));
  const view = mock.sheet(name);
  const heights: Record<number, number> = {};
  const widths = new Array<number>(columns).fill(columnPoints(9));
  const hidden: number[] = [];
  const edges = Array.from({ length: rows }, () => Array.from({ length: columns }, () => new Set<string>()));
  for (const op of mock.ops) {
    if (op.sheet !== name || op.range === null) continue;
    // a RangeAreas (row heights) lists its areas: `A11:XFD11,A18:XFD18`
    for (const rect of op.range.split(",").map((area) => parseA1(area))) {
      const lastRow = Math.min(rect.row + rect.rows, rows);
      const lastColumn = Math.min(rect.column + rect.columns, columns);
      const each = (fn: (look: Look, r: number, c: number) => void) => {
        for (let r = rect.row; r < lastRow; r++) for (let c = rect.column; c < lastColumn; c++) fn(cells[r][c], r, c);
      };
      const value = op.value;
      if (op.path === "format.rowHeight") for (let r = rect.row; r < rect.row + rect.rows; r++) heights[r + 1] = Number(value);
      else if (op.path === "format.columnWidth") for (let c = rect.column; c < lastColumn; c++) widths[c] = Number(value);
      else if (op.path === "columnHidden" && value === true) for (let c = rect.column; c < lastColumn; c++) hidden.push(c);
      else if (op.path === "format.font.name") each((l) => (l.font = String(value)));
      else if (op.path === "format.font.size") each((l) => (l.size = Number(value)));
      else if (op.path === "format.font.bold") each((l) => (l.bold = value === true));
      else if (op.path === "format.font.italic") each((l) => (l.italic = value === true));
      else if (op.path === "format.font.underline") each((l) => (l.underline = value === "Single"));
      else if (op.path === "format.font.color") each((l) => (l.color = String(value).slice(1).toUpperCase()));
      else if (op.path === "format.fill.color") each((l) => (l.fill = String(value).slice(1).toUpperCase()));
      else if (op.path === "format.horizontalAlignment") each((l) => (l.horizontal = String(value).toLowerCase()));
      else if (op.path === "format.verticalAlignment") each((l) => (l.vertical = String(value).toLowerCase()));
      else if (op.path === "format.wrapText") each((l) => (l.wrap = value === true));
      else if (op.path === "format.indentLevel") each((l) => (l.indent = Number(value)));
      else if (/^format\.borders\.getItem\(\w+\)\.style$/.test(op.path) && value === "Continuous") {
        const edge = /getItem\((\w+)\)/.exec(op.path)![1];
        const last = { row: rect.row + rect.rows - 1, column: rect.column + rect.columns - 1 };
        each((_, r, c) => {
          const add = (side: string, on: boolean) => on && edges[r][c].add(side);
          add("top", (edge === "EdgeTop" && r === rect.row) || (edge === "InsideHorizontal" && r > rect.row));
          add("bottom", (edge === "EdgeBottom" && r === last.row) || (edge === "InsideHorizontal" && r < last.row));
          add("left", (edge === "EdgeLeft" && c === rect.column) || (edge === "InsideVertical" && c > rect.column));
          add("right", (edge === "EdgeRight" && c === last.column) || (edge === "InsideVertical" && c < last.column));
        });
      }
    }
  }
  cells.forEach((row, r) =>
    row.forEach((look, c) => {
      const value = view.values[r]?.[c];
      look.value = value === "" || value === undefined ? null : (value as string | number);
      if (typeof look.value === "number") look.numFmt = view.formats[r][c];
      look.borders = [...edges[r][c]].sort().join(",");
    }),
  );
  return { cells, heights, merges: [...view.merges].sort(), widths, hidden };
}

/** The cells where two looks differ, as `B7 fill: 1F4E79 ≠ null` (empty when the sheets agree). */
function differences(cli: SheetLook, office: SheetLook): string[] {
  const out: string[] = [];
  cli.cells.forEach((row, r) =>
    row.forEach((look, c) => {
      for (const key of Object.keys(look) as (keyof Look)[]) {
        if (look[key] !== office.cells[r][c][key])
          out.push(`R${r + 1}C${c + 1} ${key}: ${String(look[key])} ≠ ${String(office.cells[r][c][key])}`);
      }
    }),
  );
  return out;
}

let dir: string;
let grids: SheetGrid[];
let cli: SheetLook;
let office: SheetLook;
let planned: NonNullable<ReturnType<typeof planSummary>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-same-sheet-"));
  const source = path.join(dir, "chi-tieu.xlsx");
  const workbook = new Workbook();
  writeLayouts(workbook, filledTemplate().map(gridLayout));
  await workbook.xlsx.writeFile(source);
  grids = readWorkbookFile(source).grids;
  planned = planSummary(grids, { date: DATE })!;
  const { rows, columns } = size(planned.layout.values);

  const output = path.join(dir, "tong-hop.xlsx");
  const result = await summarizeFile(source, { output, date: DATE });
  const written = new Workbook();
  await written.xlsx.readFile(output);
  cli = fileLook(written.getWorksheet(result.sheet)!, rows, columns);

  const mock = mockExcel(grids);
  const restore = mock.install();
  try {
    const outcome = await generateSummary("auto", () => {}, DATE);
    if (!outcome.ok) throw new Error("the add-in wrote no summary");
    office = officeLook(mock, outcome.name, rows, columns);
  } finally {
    restore();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function size(values: readonly unknown[][]): { rows: number; columns: number } {
  return { rows: values.length, columns: Math.max(0, ...values.map((row) => row.length)) };
}

/** A grid as an unstyled layout, to write the source workbook through the real writer. */
function gridLayout(grid: SheetGrid): SheetLayout {
  const { columns } = size(grid.values);
  const values = grid.values.map((row) =>
    Array.from({ length: columns }, (_, c) => {
      const v = row[c] ?? null;
      return typeof v === "object" && v !== null ? null : typeof v === "boolean" ? String(v) : v;
    }),
  );
  const formats = values.map((row, r) => row.map((_, c) => grid.formats?.[r]?.[c] ?? null));
  return { ...plainLayout(grid.name), values, formats };
}

describe("the same summary sheet from the task pane and the command line", () => {
  it("should plan a sheet with taller rows, styles and links, so that the comparison has something to compare", () => {
    expect(planned.layout.rowHeights.length).toBeGreaterThan(0);
    expect(planned.layout.styles.length).toBeGreaterThan(0);
    expect(planned.layout.links.length).toBeGreaterThan(0);
  });

  it("should write the same values, number formats, fonts, fills, alignment, wrap and borders in every cell", () => {
    expect(differences(cli, office)).toEqual([]);
  });

  it("should write core's row heights, the same in both hosts", () => {
    const expected: Record<number, number> = {};
    for (const run of planned.layout.rowHeights) for (let row = run.from; row <= run.to; row++) expected[row] = run.height;
    expect(cli.heights).toEqual(expected);
    expect(office.heights).toEqual(expected);
  });

  it("should write the same merges, column widths and hidden columns", () => {
    expect(office.merges).toEqual(cli.merges);
    expect(office.widths).toEqual(cli.widths);
    expect(office.hidden).toEqual(cli.hidden);
  });
});

describe("the same template sheets from the task pane and the command line", () => {
  it("should write the template's sheets alike, cell by cell, with the same row heights, merges and widths", async () => {
    const file = path.join(dir, "mau.xlsx");
    await writeTemplate(file, { overwrite: true });
    const written = new Workbook();
    await written.xlsx.readFile(file);
    const mock = mockExcel([]);
    const restore = mock.install();
    try {
      await addTemplate();
    } finally {
      restore();
    }
    const layouts = templateLayouts();
    expect(layouts.some((layout) => layout.rowHeights.length > 0)).toBe(true);
    for (const layout of layouts) {
      const { rows, columns } = size(layout.values);
      const fromFile = fileLook(written.getWorksheet(layout.name)!, rows, columns);
      const fromPane = officeLook(mock, layout.name, rows, columns);
      expect(differences(fromFile, fromPane)).toEqual([]);
      expect({ heights: fromPane.heights, merges: fromPane.merges, widths: fromPane.widths }).toEqual({
        heights: fromFile.heights,
        merges: fromFile.merges,
        widths: fromFile.widths,
      });
    }
  });
});
