import { afterEach, describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core";
import { checkWorkbook, fixAll, generateSummary } from "../../addin/actions";
import { cellValue, mockExcel, type ExcelMock } from "../../scripts/bench/office-mock";

/**
 * The pane's writing actions through the Office mock, counting requests: "Sửa tất cả" reads every cell it will
 * write in one sync and writes them all in one more; the summary reads once and writes once, and a year without a
 * single figure writes nothing until the user says so.
 */

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028];
const DATE = new Date(2027, 11, 20);

/** n rows; every row's 2027 figure is the text "1.2xy" (xy = i mod 100), 2028 empty. */
function sheetOfTextNumbers(n: number): SheetGrid {
  const body = Array.from({ length: n }, (_, i): Cell[] => [
    `KT${i + 1}`,
    `Chỉ tiêu ${i + 1}`,
    "ha",
    "Năm",
    100,
    "≥ 200",
    150,
    `1.2${String(i % 100).padStart(2, "0")}`,
  ]);
  return { name: "Chỉ tiêu", values: [HEADER, ...body] };
}

let restore: (() => void) | null = null;
function install(grids: SheetGrid[]): ExcelMock {
  const mock = mockExcel(grids);
  restore = mock.install();
  return mock;
}
afterEach(() => {
  restore?.();
  restore = null;
});

describe("Sửa tất cả", () => {
  it("should write 455 text numbers in one read and one write request", async () => {
    const mock = install([sheetOfTextNumbers(455)]);
    const { read, snapshot } = await checkWorkbook();
    const fixable = read.problems.filter((p) => p.fix);
    expect(fixable).toHaveLength(455);
    const before = mock.syncs;
    const writesBefore = mock.ops.filter((op) => op.path === "values").length;
    const outcomes = await fixAll(
      fixable.map((problem) => ({ problem, expected: snapshot.grids[0].values[Number(problem.cell!.slice(1)) - 1][7] })),
    );
    expect(outcomes.filter((o) => o !== "fixed")).toEqual([]);
    expect(mock.syncs - before).toBe(2); // one read of the 455 cells, one write of them
    expect(mock.requests.slice(-1)[0].ops).toBeGreaterThanOrEqual(455);
    expect(mock.ops.filter((op) => op.path === "values").length - writesBefore).toBe(455);
    // row 2 is i = 0: "1.200" → 1200; row 456 is i = 454: "1.254" → 1254
    expect([cellValue(mock.sheet("Chỉ tiêu"), "H2"), cellValue(mock.sheet("Chỉ tiêu"), "H456")]).toEqual([1200, 1254]);
    expect((await checkWorkbook()).read.problems.filter((p) => p.fix)).toEqual([]);
  });

  it("should write the unchanged cells and leave a cell changed since the check", async () => {
    const mock = install([sheetOfTextNumbers(3)]);
    const { read } = await checkWorkbook();
    const [a, b, c] = read.problems.filter((p) => p.fix);
    const outcomes = await fixAll([
      { problem: a, expected: "1.200" },
      { problem: b, expected: "9.999" }, // someone typed over H3 meanwhile
      { problem: c, expected: "1.202" },
    ]);
    expect(outcomes).toEqual(["fixed", "changed", "fixed"]);
    expect(["H2", "H3", "H4"].map((cell) => cellValue(mock.sheet("Chỉ tiêu"), cell))).toEqual([1200, "1.201", 1202]);
  });

  it("should send no write at all when every cell changed", async () => {
    const mock = install([sheetOfTextNumbers(2)]);
    const { read } = await checkWorkbook();
    const before = mock.syncs;
    expect(await fixAll(read.problems.filter((p) => p.fix).map((problem) => ({ problem, expected: "khác" })))).toEqual([
      "changed",
      "changed",
    ]);
    expect(mock.syncs - before).toBe(1);
  });
});

describe("the summary from the pane", () => {
  it("should read once and write once for a year with figures", async () => {
    const mock = install([sheetOfTextNumbers(4)]);
    const outcome = await generateSummary(2026, undefined, DATE, { allowEmptyYear: false });
    expect(outcome).toMatchObject({ ok: true, name: "Tổng hợp BTV 2026" });
    expect(mock.syncs).toBe(2);
  });

  it("should write nothing for a year without figures until the user says so", async () => {
    const mock = install([sheetOfTextNumbers(4)]);
    const outcome = await generateSummary(2028, undefined, DATE, { allowEmptyYear: false });
    expect(outcome).toMatchObject({ ok: false, reason: "no-values", year: 2028 });
    expect(mock.syncs).toBe(1);
    expect(mock.sheetNames()).toEqual(["Chỉ tiêu"]);
    const anyway = await generateSummary(2028, undefined, DATE, { allowEmptyYear: true });
    expect(anyway).toMatchObject({ ok: true, name: "Tổng hợp BTV 2028" });
    expect(mock.syncs).toBe(3);
  });
});
