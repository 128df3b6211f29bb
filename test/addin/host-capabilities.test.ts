import { afterEach, describe, expect, it, vi } from "vitest";
import { buildSummary, readWorkbook, summaryLayout, type Cell, type ChartSpec, type SheetGrid, type SheetLayout } from "../../core";
import { layoutOps, readGrids } from "../../addin/office-adapter";
import { mockExcel, type ExcelMock } from "../../scripts/bench/office-mock";

/**
 * What the adapter asks of the host: the chart of a layout, and what it leaves out on a host with only the
 * ExcelApi 1.4 the manifest requires (no walk of the sheets, no chart, freeze, indent or page setup).
 */

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027];
const GRIDS: SheetGrid[] = [
  {
    name: "Chỉ tiêu",
    values: [
      HEADER,
      ["KT1", "Thu ngân sách", "triệu đồng", "Năm", 5000, "≥ 6.000", 5500, 6250],
      ["XH1", "Hộ nghèo", "%", "Năm", 40, "dưới 30", 36, 34],
    ],
  },
];
const CHART: ChartSpec = {
  anchor: "A17:K32",
  title: "Kết quả theo nhóm chỉ tiêu",
  categories: "B12:B14",
  series: [
    { name: "Đạt", values: "C12:C14", color: "00B050" },
    { name: "Chưa đạt", values: "D12:D14", color: "FFC000" },
  ],
};

function layoutWithChart(): SheetLayout {
  const layout = summaryLayout(buildSummary(readWorkbook(GRIDS), 2027), "Tổng hợp BTV 2027", new Date(2027, 11, 20));
  return { ...layout, chart: CHART };
}

async function write(mock: ExcelMock, layout: SheetLayout): Promise<void> {
  await mock.Excel.run(async (context) => {
    for (const op of layoutOps(context, { layout, replaces: null, position: null }, false)) op.run(0);
    await context.sync();
  });
}

/** The host as `Office.context.requirements` describes it: ExcelApi up to 1.`minor`. */
function hostWithExcelApi(minor: number): void {
  vi.stubGlobal("Office", {
    context: {
      requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version.split(".")[1]) <= minor },
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the summary's chart", () => {
  it("should be drawn in the same sync: stacked bars, one series per status with its colour, over the anchor", async () => {
    const mock = mockExcel([]);
    await write(mock, layoutWithChart());
    expect(mock.syncs).toBe(1);
    const chart = mock.ops
      .filter((op) => op.path.startsWith("charts."))
      .map((op) => [op.path, op.value ?? op.args?.filter((a) => typeof a === "string")]);
    expect(chart).toEqual([
      ["charts.add", ["BarStacked", "Columns"]],
      ["charts.add(BarStacked).title.text", "Kết quả theo nhóm chỉ tiêu"],
      ["charts.add(BarStacked).setPosition", ["A17", "K32"]],
      ["charts.add(BarStacked).series.getItemAt", []],
      ["charts.add(BarStacked).series.getItemAt(0).name", "Đạt"],
      ["charts.add(BarStacked).series.getItemAt(0).setXAxisValues", []],
      ["charts.add(BarStacked).series.getItemAt(0).format.fill.setSolidColor", ["#00B050"]],
      ["charts.add(BarStacked).series.add", ["Chưa đạt"]],
      ["charts.add(BarStacked).series.add(Chưa đạt).name", "Chưa đạt"],
      ["charts.add(BarStacked).series.add(Chưa đạt).setValues", []],
      ["charts.add(BarStacked).series.add(Chưa đạt).setXAxisValues", []],
      ["charts.add(BarStacked).series.add(Chưa đạt).format.fill.setSolidColor", ["#FFC000"]],
    ]);
    // the ranges handed to the chart: the first series' values, the categories, the second series' values
    const ranges = mock.ops.filter((op) => op.path === "getRange").map((op) => op.args?.[0]);
    expect(ranges).toEqual(expect.arrayContaining(["C12:C14", "B12:B14", "D12:D14"]));
  });

  it("should be left out, the rest written, on a host without ExcelApi 1.7", async () => {
    hostWithExcelApi(6);
    const mock = mockExcel([]);
    await write(mock, layoutWithChart());
    expect(mock.ops.filter((op) => op.path.startsWith("charts"))).toEqual([]);
    expect(mock.sheet("Tổng hợp BTV 2027").values.length).toBeGreaterThan(5);
  });
});

describe("the counts on the chart's segments", () => {
  const labelled = (): SheetLayout => ({ ...layoutWithChart(), chart: { ...CHART, labelFormat: "0;;;" } });
  const labelOps = (mock: ExcelMock) =>
    mock.ops.filter((op) => op.path.includes("dataLabels") || op.path.endsWith("hasDataLabels")).map((op) => [op.path, op.value]);

  it("should label each series in black at the centre, 0 hidden by the format, on a host with ExcelApi 1.8", async () => {
    const mock = mockExcel([]);
    await write(mock, labelled());
    const first = "charts.add(BarStacked).series.getItemAt(0)";
    const second = "charts.add(BarStacked).series.add(Chưa đạt)";
    expect(labelOps(mock)).toEqual(
      [first, second].flatMap((series) => [
        [`${series}.hasDataLabels`, true],
        [`${series}.dataLabels.showValue`, true],
        [`${series}.dataLabels.numberFormat`, "0;;;"],
        [`${series}.dataLabels.position`, "Center"],
        [`${series}.dataLabels.format.font.color`, "#000000"],
        [`${series}.dataLabels.format.font.bold`, true],
      ]),
    );
  });

  it("should draw the chart without counts on a host with ExcelApi 1.7 (the overview table holds them)", async () => {
    hostWithExcelApi(7);
    const mock = mockExcel([]);
    await write(mock, labelled());
    expect(labelOps(mock)).toEqual([]);
    expect(mock.ops.filter((op) => op.path === "charts.add")).toHaveLength(1);
  });
});

describe("a host with only ExcelApi 1.4", () => {
  it("should use nothing newer: no sheet walk, getRange by address, no freeze, indent or page setup", async () => {
    hostWithExcelApi(4);
    const mock = mockExcel(GRIDS);
    const snapshot = await mock.Excel.run((context) => readGrids(context));
    expect(snapshot.grids.map((g) => g.values)).toEqual([GRIDS[0].values]);
    await write(mock, layoutWithChart());
    const newer = mock.ops.filter((op) =>
      /^(getFirst|getNextOrNullObject|getRangeByIndexes|freezePanes|pageLayout|charts)|indentLevel/.test(op.path),
    );
    expect(newer.map((op) => op.path)).toEqual([]);
  });
});
