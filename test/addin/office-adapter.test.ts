import { afterEach, describe, expect, it } from "vitest";
import { buildSummary, markerText, readWorkbook, summaryLayout, TEMPLATE_SHEET, type Cell, type Problem, type SheetGrid } from "../../core";
import { addTemplate, checkWorkbook, fixAll, generateSummary, goToCell, mark, unmark } from "../../addin/actions";
import { MARK_FILLS, MARK_SETTING, REQUEST_LIMIT } from "../../addin/office-adapter";
import { officeFormat } from "../../addin/layout-plan";
import { cellValue, mockExcel, type ExcelMock, type MockOptions } from "../../scripts/bench/office-mock";

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030, "Ghi chú"];
const GROUPS = ["KT", "XH", "XD"];
const DATE = new Date(2027, 11, 20);

/** n coded rows: baseline 100 + i, target ≥ 200, 2027 a number, every 7th a text number "1.234". */
function rows(n: number, name = (i: number) => `Chỉ tiêu số ${i + 1}`): Cell[][] {
  return Array.from({ length: n }, (_, i) => [
    `${GROUPS[i % 3]}${i + 1}`,
    name(i),
    "ha",
    "Năm",
    100 + i,
    "≥ 200",
    150 + (i % 100),
    i % 7 === 0 ? "1.234" : 180 + (i % 50),
  ]);
}

/** A target sheet as officials keep it: title rows above the header, the table starting in column B. */
function targetSheet(body: Cell[][], name = "Chỉ tiêu"): SheetGrid {
  return { name, top: 1, left: 1, values: [["ĐẢNG ỦY XÃ CO MẠ"], [], HEADER, ...body] };
}

let restore: (() => void) | null = null;
function install(grids: SheetGrid[], options?: MockOptions): ExcelMock {
  const mock = mockExcel(grids, options);
  restore = mock.install();
  return mock;
}
afterEach(() => {
  restore?.();
  restore = null;
});

describe("reading the workbook", () => {
  it("should read every sheet's used range with its offset, formats and visibility in one sync", async () => {
    const mock = install(
      [
        targetSheet([["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", "#DIV/0!", 0.3231]]),
        { name: "Ẩn", values: [["x"]] },
        { name: "Trống", values: [] },
      ],
      { hidden: ["Ẩn"] },
    );
    const checked = await checkWorkbook();
    expect(mock.syncs).toBe(1);
    expect(checked.snapshot.hidden).toEqual(["Ẩn"]);
    const [sheet, hidden, empty] = checked.snapshot.grids;
    expect(sheet).toMatchObject({ name: "Chỉ tiêu", top: 1, left: 1 });
    expect(sheet.values[3]).toEqual(["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", "#DIV/0!", 0.3231, null, null, null, null]);
    expect(hidden.values).toEqual([["x"]]);
    expect(empty.values).toEqual([]);
    expect(checked.read.problems).toMatchObject([{ severity: "error", sheet: "Chỉ tiêu", cell: "H5", rule: "cell-error" }]);
  });

  it.each([10, 5000])("should check %i rows in one sync", async (n) => {
    const mock = install([targetSheet(rows(n))]);
    const checked = await checkWorkbook();
    expect(mock.syncs).toBe(1);
    expect(checked.read.indicators).toHaveLength(n);
    expect(checked.read.problems.filter((p) => p.rule === "text-number")).toHaveLength(Math.ceil(n / 7));
  });

  it("should read in steps when the host refuses the one-sync walk, with the same grids", async () => {
    const grids = [
      targetSheet(rows(30)),
      {
        name: "Khác",
        values: [
          [1, 2],
          [3, 4],
        ],
        top: 4,
        left: 2,
      },
    ];
    const fast = await (async () => {
      const mock = install(grids);
      await checkWorkbook();
      return mock;
    })();
    expect(fast.syncs).toBe(1);
    restore!();
    const mock = install(grids, { refuseNullWalk: true });
    const checked = await checkWorkbook();
    expect(mock.syncs).toBe(4); // the refused walk, names, used addresses, values
    expect(checked.snapshot.grids[1]).toEqual({
      name: "Khác",
      top: 4,
      left: 2,
      values: [
        [1, 2],
        [3, 4],
      ],
      formats: [
        [null, null],
        [null, null],
      ],
    });
    expect(checked.read.indicators).toHaveLength(30);
  });

  it("should learn a workbook with many sheets and read it in one sync the next time", async () => {
    const many = [targetSheet(rows(3)), ...Array.from({ length: 40 }, (_, i) => ({ name: `Trang ${i + 1}`, values: [[i]] }))];
    const first = install(many);
    expect((await checkWorkbook()).snapshot.grids.map((g) => g.name)).toEqual(many.map((g) => g.name));
    expect(first.syncs).toBeGreaterThanOrEqual(1);
    restore!();
    const second = install(many);
    expect((await checkWorkbook()).snapshot.grids).toHaveLength(41);
    expect(second.syncs).toBe(1);
  });
});

describe("writing the Ban Thường vụ summary", () => {
  it.each([10, 5000])("should take two syncs for %i rows: one read, one write", async (n) => {
    const mock = install([targetSheet(rows(n))]);
    const outcome = await generateSummary("auto", undefined, DATE);
    expect(outcome.ok).toBe(true);
    expect(mock.syncs).toBe(2);
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027"]);
    expect(mock.active()).toBe("Tổng hợp BTV 2027");
    if (outcome.ok) expect(outcome.stats.bytes).toBeLessThan(REQUEST_LIMIT);
  });

  it("should write every value and number format of the layout, text as text", async () => {
    const tricky = ["=SUM(A1:A3)", "+84 hộ", "-5 điểm", "@tổ 3", "7-8"];
    const grids = [targetSheet(rows(8, (i) => tricky[i] ?? `Chỉ tiêu ${i + 1}`))];
    const mock = install(grids);
    await generateSummary(2027, undefined, DATE);
    const written = mock.sheet("Tổng hợp BTV 2027");
    const layout = summaryLayout(buildSummary(readWorkbook(grids), 2027), "Tổng hợp BTV 2027", DATE);
    const links = new Set(layout.links.map((l) => l.cell));
    layout.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (links.has(`${"ABCDEFGHIJKLM"[c]}${r + 1}`)) return; // links back to the source: below
        expect(written.values[r]?.[c] ?? "", `${r},${c}`).toEqual(value ?? "");
        expect(written.formats[r]?.[c] ?? "General", `${r},${c}`).toBe(officeFormat(value, layout.formats[r][c]));
      }),
    );
    for (const text of tricky) {
      const r = written.values.findIndex((row) => row[2] === text);
      expect(r, text).toBeGreaterThan(0);
      expect(written.formats[r][2]).toBe("@");
    }
    // numbers keep core's formats: attainment as a percentage, figures grouped
    const kt1 = written.values.findIndex((row) => String(row[1]).endsWith(`,"KT1")`));
    const column = (header: string) => layout.values.find((row) => row[1] === "Mã")!.indexOf(header);
    const shown = (header: string) => [written.values[kt1][column(header)], written.formats[kt1][column(header)]];
    expect([shown("Cơ sở 2025"), shown("Mục tiêu 2030"), shown("Thực hiện 2027"), shown("Tỷ lệ đạt")]).toEqual([
      [100, "#,##0"],
      ["≥ 200", "@"],
      [1234, "#,##0"],
      [6.17, "0.0%"],
    ]);
  });

  it("should tell the pane how the year stands against the plan when the sheet has a plan column", async () => {
    const header: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, "Kế hoạch 2027"];
    // KT1: 170 against the plan 160 is met; XH2: 180 against 200 is not: 1 of the 2 planned targets.
    const sheet: SheetGrid = {
      name: "Chỉ tiêu",
      values: [header, ["KT1", "Diện tích", "ha", 100, "≥ 200", 130, 170, 160], ["XH2", "Số hộ", "hộ", 100, "≥ 300", 150, 180, 200]],
    };
    install([sheet]);
    const outcome = await generateSummary(2027, undefined, DATE);
    expect(outcome.ok && outcome.planHeadline).toBe("So với kế hoạch năm 2027: 1/2 chỉ tiêu đạt và vượt.");
  });

  it("should write merges, links back to each source row, the hidden marker column, print setup", async () => {
    const mock = install([targetSheet(rows(3))]);
    await generateSummary(2027, undefined, DATE);
    const written = mock.sheet("Tổng hợp BTV 2027");
    expect(written.merges).toContain("A6:L6"); // BÁO CÁO over the 12 columns of the detail table
    // each code links back to its source row (A5: the sheet's table starts at row 2 under its title rows)
    expect(cellValue(written, "B33")).toBe(`=HYPERLINK("#'Chỉ tiêu'!A5","KT1")`);
    expect(written.formats[32][1]).toBe("General");
    expect(cellValue(written, "M1")).toBe(markerText(2027));
    expect(written.props["M:M columnHidden"]).toBe(true);
    expect(written.props).toMatchObject({
      "pageLayout.orientation": "Landscape",
      "pageLayout.paperSize": "A4",
      "pageLayout.zoom": { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$31:$31",
    });
    // the detail table starts a printed page at its heading (row 30, above its header row 31), not under the chart
    expect(written.props["horizontalPageBreaks.add"]).toEqual(["A30"]);
    const fonts = mock.ops.filter((op) => op.sheet === "Tổng hợp BTV 2027" && op.path === "format.font.name");
    expect(fonts.map((op) => op.value)).toEqual(["Times New Roman"]);
    // a status cell gets its fill; the bordered table is one rectangle
    expect(mock.fill("Tổng hợp BTV 2027", "L33")).toMatchObject({ color: "#7DBB5A" });
    expect(mock.ops.filter((op) => op.path === "format.borders.getItem(EdgeTop).style").length).toBeLessThan(10);
  });

  it("should replace only the sheet COMA made under its name, keeping a user's sheet of the same name and a renamed summary", async () => {
    const mine: SheetGrid = { name: "Tổng hợp BTV 2027", values: [["Bảng tự làm của văn phòng"]] };
    const renamed: SheetGrid = {
      name: "BTV cũ",
      values: [["cũ", null, null, null, null, null, null, null, null, null, null, markerText(2027)]],
    };
    const ours: SheetGrid = { name: "Tổng hợp BTV 2027 (2)", values: [[null, markerText(2027)]] };
    const other: SheetGrid = { name: "Tổng hợp BTV 2026", values: [[null, markerText(2026)]] };
    const mock = install([targetSheet(rows(4)), mine, renamed, ours, other]);
    const outcome = await generateSummary(2027, undefined, DATE);
    expect(outcome).toMatchObject({ ok: true, name: "Tổng hợp BTV 2027 (2)", replaced: "Tổng hợp BTV 2027 (2)" });
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027", "BTV cũ", "Tổng hợp BTV 2027 (2)", "Tổng hợp BTV 2026"]);
    expect(mock.sheet("Tổng hợp BTV 2027").values).toEqual([["Bảng tự làm của văn phòng"]]);
    expect(mock.sheet("BTV cũ").values[0][0]).toBe("cũ");
    expect(mock.ops.filter((op) => op.path === "delete").map((op) => op.sheet)).toEqual(["Tổng hợp BTV 2027 (2)"]);
    expect(mock.syncs).toBe(2);
  });

  it("should regenerate under the same name and in the same place", async () => {
    const old: SheetGrid = { name: "Tổng hợp BTV 2027", values: [[null, markerText(2027)]] };
    const mock = install([targetSheet(rows(4)), old, { name: "Sau", values: [["x"]] }]);
    await generateSummary(2027, undefined, DATE);
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027", "Sau"]);
    expect(cellValue(mock.sheet("Tổng hợp BTV 2027"), "A2")).toBe("ĐẢNG ỦY XÃ CO MẠ");
    expect(mock.active()).toBe("Tổng hợp BTV 2027");
    expect(mock.syncs).toBe(2);
  });

  it("should write nothing when no sheet is a target sheet", async () => {
    const mock = install([{ name: "Sheet1", values: [["Mã", "Tên"]] }]);
    const outcome = await generateSummary("auto", undefined, DATE);
    expect(outcome).toMatchObject({ ok: false, reason: "no-target-sheet" });
    expect(mock.syncs).toBe(1);
    expect(mock.sheetNames()).toEqual(["Sheet1"]);
  });

  it("should split the write into several syncs only when one request would pass the 5 MB Excel on the web accepts", async () => {
    const long = (i: number) => `Chỉ tiêu ${i + 1}: ${"nội dung rất dài của chỉ tiêu ".repeat(8)}`;
    const mock = install([targetSheet(rows(12_000, long))]);
    const outcome = await generateSummary(2027, undefined, DATE);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.stats.bytes).toBeGreaterThan(REQUEST_LIMIT);
    expect(outcome.stats.syncs).toBeGreaterThanOrEqual(Math.ceil(outcome.stats.bytes / REQUEST_LIMIT));
    expect(outcome.stats.syncs).toBeLessThanOrEqual(Math.ceil(outcome.stats.bytes / REQUEST_LIMIT) + 1);
    expect(mock.syncs).toBe(1 + outcome.stats.syncs);
    const written = mock.sheet("Tổng hợp BTV 2027");
    expect(written.values.filter((row) => /^=HYPERLINK\(.*"KT\d+"\)$/.test(String(row[1]))).length).toBeGreaterThan(4000);
  }, 60_000);
});

describe("marking problem cells", () => {
  const body: Cell[][] = [
    ["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", "3.265"],
    ["KT2", "Tổng đàn", "con", "Năm", 5, "≥ 6", "#DIV/0!"],
    ["KT3", "Trồng mới", "ha", "Năm", 5, "≥ 6", "8.474,1"],
  ];
  const fills = {
    "Chỉ tiêu!H5": { color: "#00B0F0", pattern: "Solid" },
    "Chỉ tiêu!H7": { color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" },
  };

  async function marked(mock: ExcelMock) {
    const { read } = await checkWorkbook();
    const before = mock.syncs;
    const marks = await mark(read.problems, null);
    return { read, marks, syncs: mock.syncs - before };
  }

  it("should colour each problem cell, errors red and warnings yellow, and remember the fills", async () => {
    const mock = install([targetSheet(body)], { fills });
    const { marks, syncs } = await marked(mock);
    expect(syncs).toBe(2);
    expect(mock.fill("Chỉ tiêu", "H5")).toMatchObject({ color: MARK_FILLS.warning });
    expect(mock.fill("Chỉ tiêu", "H6")).toMatchObject({ color: MARK_FILLS.error });
    expect(marks.map((m) => [m.cell, m.fill.color, m.fill.pattern])).toEqual([
      ["H5", "#00B0F0", "Solid"],
      ["H6", "#FFFFFF", "None"],
      ["H7", "#FFFF00", "Gray25"],
    ]);
    expect(JSON.parse(String(mock.settings.get(MARK_SETTING)))).toHaveLength(3);
  });

  it("should put back exactly the fills the cells had, no fill included", async () => {
    const mock = install([targetSheet(body)], { fills });
    const { marks } = await marked(mock);
    const result = await unmark(marks);
    expect(result).toEqual({ restored: 3, kept: 0 });
    expect(mock.fill("Chỉ tiêu", "H5")).toEqual({ color: "#00B0F0", pattern: "Solid" });
    expect(mock.fill("Chỉ tiêu", "H6")).toBeUndefined();
    expect(mock.fill("Chỉ tiêu", "H7")).toEqual({ color: "#FFFF00", pattern: "Gray25", patternColor: "#FF0000" });
    expect(mock.settings.has(MARK_SETTING)).toBe(false);
  });

  it("should unmark after the pane was reloaded, from the workbook setting, and keep a fill the user changed since", async () => {
    const mock = install([targetSheet(body)], { fills });
    await marked(mock);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Chỉ tiêu").getRange("H7").format.fill.color = "#92D050";
      await context.sync();
    });
    const result = await unmark(null);
    expect(result).toEqual({ restored: 2, kept: 1 });
    expect(mock.fill("Chỉ tiêu", "H6")).toBeUndefined();
    expect(mock.fill("Chỉ tiêu", "H7")).toMatchObject({ color: "#92D050" });
  });

  it("should keep the first remembered fill when marking twice", async () => {
    const mock = install([targetSheet(body)], { fills });
    const { read, marks } = await marked(mock);
    const again = await mark(read.problems, marks);
    expect(again.map((m) => m.fill.color)).toEqual(["#00B0F0", "#FFFFFF", "#FFFF00"]);
    await unmark(again);
    expect(mock.fill("Chỉ tiêu", "H5")).toEqual({ color: "#00B0F0", pattern: "Solid" });
  });
});

describe("fixing a text number", () => {
  const grids = () => [
    {
      ...targetSheet([["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5, "≥ 6", "3.265"]]),
      formats: [[], [], [], [null, null, null, null, null, null, "@"]],
    },
  ];
  const problemOf = (problems: Problem[]) => problems.find((p) => p.rule === "text-number")!;

  it("should write the number into the cell and make the cell a number cell", async () => {
    const mock = install(grids());
    const { read } = await checkWorkbook();
    const problem = problemOf(read.problems);
    expect(problem).toMatchObject({ cell: "H5", fix: { value: 3265 } });
    expect(await fixAll([{ problem, expected: "3.265" }])).toEqual(["fixed"]);
    expect(cellValue(mock.sheet("Chỉ tiêu"), "H5")).toBe(3265);
    expect(mock.sheet("Chỉ tiêu").formats[4][7]).toBe("General");
    const after = await checkWorkbook();
    expect(after.read.problems).toEqual([]);
  });

  it("should not write when the cell changed since the check", async () => {
    const mock = install(grids());
    const { read } = await checkWorkbook();
    expect(await fixAll([{ problem: problemOf(read.problems), expected: "3.266" }])).toEqual(["changed"]);
    expect(cellValue(mock.sheet("Chỉ tiêu"), "H5")).toBe("3.265");
  });
});

describe("other actions", () => {
  it("should insert the template beside a sheet of the same name, never over it", async () => {
    const mock = install([{ name: TEMPLATE_SHEET, values: [["ghi chép riêng"]] }]);
    const { names, stats } = await addTemplate();
    expect(names).toEqual([`${TEMPLATE_SHEET} (2)`, "Kết quả 2020-2025 (3 xã)"]);
    expect(stats.syncs).toBe(2);
    expect(mock.sheet(TEMPLATE_SHEET).values).toEqual([["ghi chép riêng"]]);
    expect(mock.active()).toBe(`${TEMPLATE_SHEET} (2)`);
    const read = readWorkbook(names.map((name) => ({ name, values: mock.sheet(name).values as Cell[][] })));
    expect(read.sheets).toEqual([`${TEMPLATE_SHEET} (2)`]);
    expect(new Set(read.indicators.map((i) => i.root)).size).toBe(25);
  });

  it("should activate the sheet of a problem and select its cell", async () => {
    const mock = install([targetSheet(rows(2)), { name: "Khác", values: [[1]] }]);
    await goToCell("Chỉ tiêu", "H5");
    expect(mock.selection()).toEqual({ sheet: "Chỉ tiêu", range: "H5" });
    expect(mock.syncs).toBe(1);
    await expect(goToCell("Đã xóa", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
