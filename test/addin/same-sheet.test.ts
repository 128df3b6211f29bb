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
import { unzipSync, strFromU8 } from "fflate";
import { truthWorkbook } from "../support/truth-workbook";

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
let cli: SheetLook;
let office: SheetLook;
let planned: NonNullable<ReturnType<typeof planSummary>>;
let truth: BothHosts;

/** One workbook summarised by the command line (its file read back) and by the task pane (through the Office mock). */
interface BothHosts {
  planned: NonNullable<ReturnType<typeof planSummary>>;
  cli: SheetLook;
  office: SheetLook;
  /** The CLI file's parts and the pane's logged operations, for the chart. */
  parts: Map<string, Uint8Array>;
  mock: ExcelMock;
}

async function summariseInBoth(sourceGrids: SheetGrid[], name: string): Promise<BothHosts> {
  const source = path.join(dir, `${name}.xlsx`);
  const workbook = new Workbook();
  writeLayouts(workbook, sourceGrids.map(gridLayout));
  await workbook.xlsx.writeFile(source);
  const grids = readWorkbookFile(source).grids;
  const planned = planSummary(grids, { date: DATE })!;
  const { rows, columns } = size(planned.layout.values);

  const output = path.join(dir, `${name}-tong-hop.xlsx`);
  const result = await summarizeFile(source, { output, date: DATE });
  const written = new Workbook();
  await written.xlsx.readFile(output);
  const cli = fileLook(written.getWorksheet(result.sheet)!, rows, columns);

  const mock = mockExcel(grids);
  const restore = mock.install();
  try {
    const outcome = await generateSummary("auto", () => {}, DATE);
    if (!outcome.ok) throw new Error("the add-in wrote no summary");
    const office = officeLook(mock, outcome.name, rows, columns);
    return { planned, cli, office, parts: new Map(Object.entries(unzipSync(fs.readFileSync(output)))), mock };
  } finally {
    restore();
  }
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-same-sheet-"));
  ({ planned, cli, office } = await summariseInBoth(filledTemplate(), "chi-tieu"));
  truth = await summariseInBoth(truthWorkbook(), "su-that");
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

describe("the same truths on paper from the task pane and the command line", () => {
  /** The cells of row `r` (0-based) of both hosts: [file, pane]. */
  const cellsAt = (r: number, from: number, to: number) =>
    [truth.cli, truth.office].map((look) => look.cells[r].slice(from, to).map((cell) => [cell.value, cell.numFmt]));
  const rowOf = (code: string, after = 0) => truth.planned.layout.values.findIndex((row, i) => i >= after && row[1] === code);

  it("should write the sheet with its (*), NQ:, missing rows and note alike in every cell, height, merge and width", () => {
    expect(differences(truth.cli, truth.office)).toEqual([]);
    expect(truth.office.merges).toEqual(truth.cli.merges);
    expect(truth.office.heights).toEqual(truth.cli.heights);
  });

  it("should mark KT5.1 (0,87 in 2027) with (*) in both, its figure 0,87 and status kept", () => {
    const r = rowOf("KT5.1 (*)");
    // v(2026) 22, v(2027) 0,87; attainment 0,87 / 20 = 0,0435 → 4,4 %
    // the code is the link back to the source row, its text marked
    const expected = [
      ['=HYPERLINK("#\'Chỉ tiêu 2025-2030\'!A19","KT5.1 (*)")', null],
      ["Tỷ lệ lao động qua đào tạo", null],
    ];
    expect(cellsAt(r, 1, 3)).toEqual([expected, expected]);
    const figures = [
      [22, "#,##0"],
      [0.87, "#,##0.0#"],
      [null, null],
      [null, null],
      [0.0435, "0.0%"],
      ["Chưa đạt", null],
    ];
    expect(cellsAt(r, 6, 12)).toEqual([figures, figures]);
  });

  it("should print XH3's target and, under it, NQ: and the resolution's in both", () => {
    const r = rowOf("XH3 (*)");
    expect(cellsAt(r, 5, 6)).toEqual([[["dưới 25%\nNQ: dưới 30%", null]], [["dưới 25%\nNQ: dưới 30%", null]]]);
    expect([truth.cli.cells[r][5].wrap, truth.office.cells[r][5].wrap]).toEqual([true, true]);
  });

  it("should hold KT7, deleted from the sheet, as row 7 of the economy with the resolution's target in both", () => {
    const r = rowOf("KT7");
    const row = [
      [7, "General"],
      ["KT7", null],
      ["Số doanh nghiệp, hợp tác xã có trụ sở, hoạt động sản xuất kinh doanh, dịch vụ trên địa bàn", null],
      ["doanh nghiệp, HTX", null],
      [null, null],
      ["02", null],
      ["Không có trên trang chỉ tiêu", null],
    ];
    expect(cellsAt(r, 0, 7)).toEqual([row, row]);
    expect(truth.cli.merges).toContain(`G${r + 1}:K${r + 1}`);
    expect([truth.cli.cells[r][11].value, truth.office.cells[r][11].value]).toEqual(["Thiếu số liệu", "Thiếu số liệu"]);
  });

  it("should print KT3.5's path as 10 %/năm beside its 4,21 %/năm in both", () => {
    const r = rowOf("KT3.5");
    // (65.000 / 59.856)^(1/2) − 1 = 4,2084 %/năm; the path of 10–15 % is the rate 10
    for (const look of [truth.cli, truth.office]) {
      expect(look.cells[r][8].value).toBeCloseTo(4.2084, 4);
      expect([look.cells[r][8].numFmt, look.cells[r][9].value, look.cells[r][9].numFmt]).toEqual(['0.00" %/năm"', 10, '0.00" %/năm"']);
    }
  });

  it("should show KT3.1's 38 lũy kế beside its 16 of 2027 in the behind list of both", () => {
    const behind = truth.planned.layout.values.findIndex((row) => String(row[0]).startsWith("III."));
    const r = rowOf("KT3.1", behind);
    // 22 + 16 = 38 ha; e = 150 × 2/5 = 60
    const figures = [
      [16, "#,##0"],
      [38, '#,##0" lũy kế"'],
      [60, "#,##0"],
    ];
    expect(cellsAt(r, 7, 10)).toEqual([figures, figures]);
  });

  it("should list the three cells to check in section IV of both", () => {
    const title = truth.planned.layout.values.findIndex((row) => row[0] === "IV. SỐ LIỆU LỖI VÀ SỐ LIỆU CẦN KIỂM TRA");
    const lines = [truth.cli, truth.office].map((look) => look.cells.slice(title + 3, title + 6).map((row) => row[0].value));
    const expected = [
      "Chỉ tiêu 2025-2030!I19: 0,87 được đọc là 0,87%; có thể là 87%.",
      "Chỉ tiêu 2025-2030!I24: “1.5” được đọc là 1,5 (dấu chấm được coi là dấu thập phân); nếu dấu chấm dùng để tách hàng nghìn thì số này bị đọc sai.",
      "Chỉ tiêu 2025-2030!G26: mục tiêu “dưới 25%” được dùng để đánh giá; Nghị quyết ghi “dưới 30%”.",
    ];
    expect(lines).toEqual([expected, expected]);
  });

  it("should label every chart segment with its count, 0 hidden, in the file and through Office.js", () => {
    const series = truth.planned.layout.chart!.series.length;
    const chart = strFromU8([...truth.parts].find(([name]) => /^xl\/charts\/chart\d+\.xml$/.test(name))![1]);
    expect(chart.match(/<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"\/>/g)).toHaveLength(series);
    expect(chart.match(/<c:showVal val="1"\/>/g)).toHaveLength(series);
    const labels = truth.mock.ops
      .filter((op) => /\.(hasDataLabels|dataLabels\.(showValue|numberFormat))$/.test(op.path))
      .map((op) => op.value);
    expect(labels).toEqual(new Array(series).fill([true, true, "0;;;"]).flat());
  });
});
