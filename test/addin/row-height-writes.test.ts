import { afterEach, describe, expect, it } from "vitest";
import { LayoutBuilder, parseA1, planSummary, type SheetLayout } from "../../core";
import { generateSummary } from "../../addin/actions";
import { AREAS_ADDRESS_LIMIT, rowHeightAreas, rowHeightRanges } from "../../addin/layout-plan";
import { mockExcel, type ExcelMock } from "../../scripts/bench/office-mock";
import { largeSheet } from "../../scripts/bench/workbooks";

const DATE = new Date(2027, 0, 15);

/** A layout whose row heights are exactly `runs` (the estimate is core's; here only the writing is tested). */
function withRuns(runs: SheetLayout["rowHeights"]): SheetLayout {
  return { ...new LayoutBuilder("S", 1).put(0, 0, "x").build(), rowHeights: runs };
}

/** Row heights by 1-based row, as the mock's log of `format.rowHeight` sets leaves them. */
function writtenHeights(mock: ExcelMock, sheet: string): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const op of mock.ops) {
    if (op.sheet !== sheet || op.path !== "format.rowHeight" || op.range === null) continue;
    for (const area of op.range.split(",")) {
      const rect = parseA1(area);
      for (let r = rect.row; r < rect.row + rect.rows; r++) heights[r + 1] = Number(op.value);
    }
  }
  return heights;
}

function expectedHeights(layout: SheetLayout): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const run of layout.rowHeights) for (let r = run.from; r <= run.to; r++) heights[r] = run.height;
  return heights;
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
  delete (globalThis as { Office?: unknown }).Office;
});

describe("writing core's row heights through Office.js", () => {
  it("should write one whole-row range per run where multiple areas are not available", () => {
    const layout = withRuns([
      { from: 2, to: 4, height: 34 },
      { from: 6, to: 6, height: 49 },
    ]);
    expect(rowHeightRanges(layout).map(({ address, points }) => ({ address, points }))).toEqual([
      { address: "2:4", points: 34 },
      { address: "6:6", points: 49 },
    ]);
  });

  it("should group the runs by height into addresses Excel accepts (at most 255 characters)", () => {
    // 60 runs of 34 pt at rows 1, 3, 5 … 119 and one of 49 pt: "1:1,3:3,…,119:119" is 5 × 3 (rows 1–9) + 45 × 5
    // (11–99) + 10 × 7 (101–119) = 310 characters and 59 commas, 369 in all: two addresses of at most 255.
    const runs = Array.from({ length: 60 }, (_, i) => ({ from: 2 * i + 1, to: 2 * i + 1, height: 34 }));
    const layout = withRuns([...runs, { from: 200, to: 203, height: 49 }]);
    const writes = rowHeightAreas(layout);
    expect(writes.filter((w) => w.address.length > AREAS_ADDRESS_LIMIT)).toEqual([]);
    expect(writes.filter((w) => w.points === 49).map((w) => w.address)).toEqual(["200:203"]);
    const areas = writes.filter((w) => w.points === 34).flatMap((w) => w.address.split(","));
    expect(areas).toEqual(runs.map((r) => `${r.from}:${r.to}`));
    expect(writes.filter((w) => w.points === 34).length).toBe(2);
  });

  // The heights alone: the 5,000-row summary, whose status cells also need multiple-area ranges to stay one write
  // request, is test/addin/style-areas.test.ts.
  it("should set every row height of a 2,500-row summary within the one write request", async () => {
    const grids = [largeSheet(2500)];
    const plan = planSummary(grids, { date: DATE })!;
    const mock = mockExcel(grids);
    restore = mock.install();
    const outcome = await generateSummary("auto", () => {}, DATE);
    if (!outcome.ok) throw new Error("no summary written");
    expect(mock.syncs).toBe(2);
    expect(writtenHeights(mock, outcome.name)).toEqual(expectedHeights(plan.layout));
  });

  it("should set the same heights one run at a time on a host without ExcelApi 1.9", async () => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: (_: string, v: string) => v !== "1.9" } } };
    const grids = [largeSheet(30)];
    const plan = planSummary(grids, { date: DATE })!;
    const mock = mockExcel(grids);
    restore = mock.install();
    const outcome = await generateSummary("auto", () => {}, DATE);
    if (!outcome.ok) throw new Error("no summary written");
    const writes = mock.ops.filter((op) => op.path === "format.rowHeight");
    expect(writes.filter((op) => op.range!.includes(","))).toEqual([]);
    expect(writes.length).toBe(plan.layout.rowHeights.length);
    expect(writtenHeights(mock, outcome.name)).toEqual(expectedHeights(plan.layout));
  });
});
