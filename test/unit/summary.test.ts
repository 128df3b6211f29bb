import { describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core/grid";
import { placeSummary } from "../../core/placement";
import { readWorkbook } from "../../core/sheet";
import { buildSummary, defaultYear } from "../../core/summary";

const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030];
const workbook = (...rows: Cell[][]) => readWorkbook([{ name: "Chỉ tiêu", values: [HEADER, ...rows] }]);
const row = (summary: ReturnType<typeof buildSummary>, code: string) => summary.rows.find((r) => r.code === code)!;

describe("the summary of a year", () => {
  const read = workbook(
    ["KT3", "Trồng trọt và chăn nuôi"],
    ["KT3.1", "Trồng mới", "ha", "Cộng dồn", null, "150", 40, 50],
    ["KT3.2", "Lương thực có hạt", "ha", "Năm", 4800, "5.065", 5000, 5100],
    ["KT4", "Hộ kinh tế cá thể", "hộ", "Năm", 2500, "trên 2.800", 2700, 2900],
    ["XH3", "Hộ nghèo", "%", "Năm", 40, "dưới 30", 36, 34],
    ["XH4", "BHYT", "%", "Năm", 98, "100", 99, { error: "#N/A" }],
    ["XD2", "Kết nạp đảng viên", "đảng viên", "Cộng dồn", 95, "từ 80 trở lên", 20, 25],
  );
  const summary = buildSummary(read, 2027);

  it("should default to the latest year with any value", () => {
    expect(defaultYear(read.indicators)).toBe(2027);
    expect(defaultYear(workbook(["KT4", "x", "hộ", "Năm", 1, "2"]).indicators)).toBe(2025);
  });

  it("should compute each figure by hand", () => {
    // KT3.1: 40 + 50 = 90 ha of 150 → 0,6; progress from 0 → 0,6
    expect(row(summary, "KT3.1")).toMatchObject({ actual: 90, attainment: 0.6, progress: 0.6, status: "Chưa đạt" });
    // KT3.2: 5.100 / 5.065 = 1,00691…; progress (5100 − 4800) / (5065 − 4800) = 300 / 265
    expect(row(summary, "KT3.2").attainment).toBeCloseTo(5100 / 5065, 12);
    expect(row(summary, "KT3.2")).toMatchObject({ actual: 5100, delta: 300, status: "Vượt" });
    expect(row(summary, "KT3.2").progress).toBeCloseTo(300 / 265, 12);
    expect(row(summary, "KT3.2").change).toBeCloseTo(300 / 4800, 12);
    // KT4: 2.900 > 2.800 → 2900 / 2800
    expect(row(summary, "KT4")).toMatchObject({ status: "Vượt", delta: 400 });
    // XH3: 34 % poverty, target below 30 → 30 / 34; progress (34 − 40) / (30 − 40) = 0,6
    expect(row(summary, "XH3").attainment).toBeCloseTo(30 / 34, 12);
    expect(row(summary, "XH3").progress).toBeCloseTo(0.6, 12);
    expect(row(summary, "XH3").status).toBe("Chưa đạt");
    // XD2: 20 + 25 = 45 of 80
    // cumulative rows are measured from 0, not from the previous term's 95: delta 45, no relative change
    expect(row(summary, "XD2")).toMatchObject({ actual: 45, attainment: 45 / 80, delta: 45, change: null, status: "Chưa đạt" });
  });

  it("should count an indicator whose cell is bad as Thiếu số liệu, with no figures", () => {
    expect(row(summary, "XH4")).toMatchObject({ actual: null, attainment: null, progress: null, delta: null, change: null, status: "Thiếu số liệu" });
  });

  it("should roll sub-metrics up to their target, the worst winning", () => {
    expect(row(summary, "KT3")).toMatchObject({ isParent: true, status: "Chưa đạt", actual: null });
    expect(summary.groups).toEqual([
      { group: "KT", total: 2, exceeded: 1, met: 0, onTrack: 0, behind: 0, notMet: 1, noData: 0 },
      { group: "XH", total: 2, exceeded: 0, met: 0, onTrack: 0, behind: 0, notMet: 1, noData: 1 },
      { group: "XD", total: 1, exceeded: 0, met: 0, onTrack: 0, behind: 0, notMet: 1, noData: 0 },
    ]);
  });

  it("should write the headline sentence reports quote", () => {
    expect(summary.headline).toBe("Năm 2027: đạt và vượt 1/5 chỉ tiêu; 3 chỉ tiêu chưa đạt; 1 chỉ tiêu thiếu số liệu.");
  });

  it("should list the indicators behind schedule, worst attainment first", () => {
    // KT3.1 0,6 · XD2 0,5625 · XH3 0,882…
    expect(summary.behind.map((r) => r.code)).toEqual(["XD2", "KT3.1", "XH3"]);
  });

  it("should evaluate 2025 as the starting position against the 2030 targets", () => {
    const start = buildSummary(read, 2025);
    expect(row(start, "KT3.2")).toMatchObject({ actual: 4800, progress: 0, delta: 0, change: 0, status: "Chưa đạt" });
    expect(row(start, "KT3.1")).toMatchObject({ actual: 0, status: "Chưa đạt" });
    // the bad 2027 cell of XH4 does not matter in 2025: 98 % against 100 % is not met yet
    expect(start.headline).toBe("Năm 2025: đạt và vượt 0/5 chỉ tiêu; 5 chỉ tiêu chưa đạt.");
  });
});

describe("targets to meet every year (Hằng năm) in 2030", () => {
  const annual = (...values: Cell[]) => buildSummary(workbook(["XD1.1", "Tổ chức đảng HTTNV", "%", "Hằng năm", 88, "từ 90% trở lên", ...values]), 2030);

  it("should be met only when every year 2026 … 2030 was met", () => {
    expect(row(annual(90, 92, 95, 91, 93), "XD1.1").status).toBe("Vượt");
    expect(row(annual(90, 85, 95, 91, 93), "XD1.1").status).toBe("Không đạt");
    expect(row(annual(90, 85, 95, 91, 93), "XD1.1").attainment).toBeCloseTo(93 / 90, 12);
  });

  it("should say data is missing when an earlier year is blank", () => {
    expect(row(annual(90, null, 95, 91, 93), "XD1.1")).toMatchObject({ status: "Thiếu số liệu", gaps: [2027] });
  });

  it("should say Không đạt in the headline of 2030", () => {
    expect(annual(90, 85, 95, 91, 93).headline).toBe("Năm 2030: đạt và vượt 0/1 chỉ tiêu; 1 chỉ tiêu không đạt.");
  });
});

describe("placing the summary sheet", () => {
  const grid = (name: string, marker?: string): SheetGrid => ({ name, values: [[null, marker ?? null]] });

  it("should replace only the sheet COMA made for that year", () => {
    const sheets = [grid("Chỉ tiêu"), grid("Tổng hợp BTV 2027", "COMA:tong-hop-btv:2027"), grid("Tổng hợp BTV 2026", "COMA:tong-hop-btv:2026")];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027", replaces: "Tổng hợp BTV 2027" });
  });

  it("should keep a user's sheet of the same name and give the new one another name", () => {
    const sheets = [grid("Tổng hợp BTV 2027"), grid("Tổng hợp BTV 2027 (2)")];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027 (3)", replaces: null });
  });

  it("should find its own sheet by marker after the user renamed it", () => {
    const sheets = [grid("Tổng hợp BTV 2027"), grid("Báo cáo BTV", "COMA:tong-hop-btv:2027")];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027 (2)", replaces: "Báo cáo BTV" });
  });
});
