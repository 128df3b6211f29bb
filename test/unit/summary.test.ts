import { describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core/grid";
import { placeSummary } from "../../core/placement";
import { readWorkbook } from "../../core/sheet";
import { buildSummary, compareCodes, defaultYear } from "../../core/summary";

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

  it("should default to the latest year with values in at least a third of the rows", () => {
    expect(defaultYear(read.indicators)).toBe(2027);
    expect(defaultYear(workbook(["KT4", "x", "hộ", "Năm", 1, "2"]).indicators)).toBe(2025);
  });

  it("should compute each figure by hand", () => {
    // KT3.1: 40 + 50 = 90 ha of 150 → 0,6; progress from 0 → 0,6; e = 150 × 0,4 = 60, 90 ≥ 60
    // (v1 said Chưa đạt: a term total was compared with the whole target after two years of five)
    expect(row(summary, "KT3.1")).toMatchObject({ actual: 90, expected: 60, attainment: 0.6, progress: 0.6, status: "Đúng tiến độ" });
    // KT3.2: 5.100 / 5.065 = 1,00691…; progress (5100 − 4800) / (5065 − 4800) = 300 / 265
    expect(row(summary, "KT3.2").attainment).toBeCloseTo(5100 / 5065, 12);
    expect(row(summary, "KT3.2")).toMatchObject({ value: 5100, previous: 5000, actual: 5100, delta: 300, status: "Vượt" });
    expect(row(summary, "KT3.2").progress).toBeCloseTo(300 / 265, 12);
    expect(row(summary, "KT3.2").change).toBeCloseTo(300 / 4800, 12);
    // KT4: 2.900 > 2.800 → 2900 / 2800
    expect(row(summary, "KT4")).toMatchObject({ status: "Vượt", delta: 400 });
    // XH3: 34 % poverty, target below 30 → 30 / 34; progress (34 − 40) / (30 − 40) = 0,6;
    // e = 40 − (40 − 30) × 0,4 = 36 and 34 ≤ 36 (v1 said Chưa đạt)
    expect(row(summary, "XH3").attainment).toBeCloseTo(30 / 34, 12);
    expect(row(summary, "XH3").progress).toBeCloseTo(0.6, 12);
    expect(row(summary, "XH3").expected).toBeCloseTo(36, 12);
    expect(row(summary, "XH3").status).toBe("Đúng tiến độ");
    // XD2: 20 + 25 = 45 of 80; e = 80 × 0,4 = 32
    // cumulative rows are measured from 0, not from the previous term's 95: delta 45, no relative change
    expect(row(summary, "XD2")).toMatchObject({
      value: 25,
      previous: 20,
      actual: 45,
      expected: 32,
      attainment: 45 / 80,
      delta: 45,
      change: null,
      status: "Đúng tiến độ",
    });
  });

  it("should count an indicator whose cell is bad as Thiếu số liệu, with no figures, and name it in the note", () => {
    expect(row(summary, "XH4")).toMatchObject({
      value: null,
      actual: null,
      attainment: null,
      progress: null,
      delta: null,
      change: null,
      status: "Thiếu số liệu",
    });
    expect(summary.skipped).toEqual({ cells: 1, codes: ["XH4"] });
  });

  it("should roll sub-metrics up to their target, the worst winning", () => {
    // KT3.1 Đúng tiến độ and KT3.2 Vượt → KT3 Đúng tiến độ
    expect(row(summary, "KT3")).toMatchObject({ isParent: true, status: "Đúng tiến độ", actual: null });
    expect(summary.groups).toEqual([
      { group: "KT", total: 2, exceeded: 1, met: 0, onTrack: 1, behind: 0, notMet: 0, noData: 0 },
      { group: "XH", total: 2, exceeded: 0, met: 0, onTrack: 1, behind: 0, notMet: 0, noData: 1 },
      { group: "XD", total: 1, exceeded: 0, met: 0, onTrack: 1, behind: 0, notMet: 0, noData: 0 },
    ]);
  });

  it("should write the headline sentence of a year of the term", () => {
    expect(summary.headline).toBe("Năm 2027: 1/5 chỉ tiêu đã đạt, vượt mục tiêu 2030; 3 chỉ tiêu đúng tiến độ; 1 chỉ tiêu thiếu số liệu.");
  });

  it("should list nobody behind when every row is on its path or has reached its target", () => {
    expect(summary.behind).toEqual([]);
  });

  it("should say how many rows have a value for the year", () => {
    // 6 indicator rows (KT3 is a parent); XH4's 2027 cell is an error
    expect(summary.coverage).toEqual({ rows: 6, withValue: 5 });
  });

  it("should evaluate 2025 as the starting position against the 2030 targets", () => {
    const start = buildSummary(read, 2025);
    expect(row(start, "KT3.2")).toMatchObject({
      actual: 4800,
      expected: null,
      previous: null,
      progress: 0,
      delta: 0,
      change: 0,
      status: "Chưa đạt",
    });
    expect(row(start, "KT3.1")).toMatchObject({ actual: 0, status: "Chưa đạt" });
    // the bad 2027 cell of XH4 does not matter in 2025: 98 % against 100 % is not met yet
    expect(start.headline).toBe("Năm 2025: 0/5 chỉ tiêu đã đạt, vượt mục tiêu 2030; 5 chỉ tiêu chưa đạt.");
    // in 2025 the coverage counts baselines: KT3.1 has none
    expect(start.coverage).toEqual({ rows: 6, withValue: 5 });
  });
});

describe("the default year", () => {
  const rows = (...values: Cell[][]) => workbook(...values.map((v, i) => [`KT${i + 1}`, "x", "ha", "Năm", 1, "2", ...v])).indicators;

  it("should be the latest year in which at least a third of the rows have a value", () => {
    // 2026: 3/3; 2027: 1/3 (a third); 2028: none
    expect(defaultYear(rows([1, 1], [1], [1]))).toBe(2027);
  });

  it("should not move to a year that one stray value reaches", () => {
    // 2026: 3/4; 2028: 1/4, less than a third
    expect(defaultYear(rows([1, null, 5], [1], [1], []))).toBe(2026);
  });

  it("should fall back to the latest year with any value, then to 2025", () => {
    // 2027: 1/4 and 2029: 1/4, neither a third
    expect(defaultYear(rows([null, 1], [null, null, null, 1], [], []))).toBe(2029);
    expect(defaultYear(rows([], []))).toBe(2025);
  });
});

describe("targets to meet every year (Hằng năm) in 2030", () => {
  const annual = (...values: Cell[]) =>
    buildSummary(workbook(["XD1.1", "Tổ chức đảng HTTNV", "%", "Hằng năm", 88, "từ 90% trở lên", ...values]), 2030);

  it("should be met only when every year 2026 … 2030 was met", () => {
    expect(row(annual(90, 92, 95, 91, 93), "XD1.1").status).toBe("Vượt");
    expect(row(annual(90, 85, 95, 91, 93), "XD1.1").status).toBe("Không đạt");
    expect(row(annual(90, 85, 95, 91, 93), "XD1.1").attainment).toBeCloseTo(93 / 90, 12);
  });

  it("should say data is missing when an earlier year is blank", () => {
    expect(row(annual(90, null, 95, 91, 93), "XD1.1")).toMatchObject({ status: "Thiếu số liệu", gaps: [2027] });
  });

  it("should write the term's headline in 2030", () => {
    expect(annual(90, 85, 95, 91, 93).headline).toBe("Nhiệm kỳ 2025 – 2030: đạt và vượt 0/1 chỉ tiêu; 1 chỉ tiêu không đạt.");
  });
});

describe("placing the summary sheet", () => {
  const grid = (name: string, marker?: string): SheetGrid => ({ name, values: [[null, marker ?? null]] });

  it("should replace only the sheet COMA made for that year", () => {
    const sheets = [
      grid("Chỉ tiêu"),
      grid("Tổng hợp BTV 2027", "COMA:tong-hop-btv:2027"),
      grid("Tổng hợp BTV 2026", "COMA:tong-hop-btv:2026"),
    ];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027", replaces: "Tổng hợp BTV 2027" });
  });

  it("should keep a user's sheet of the same name and give the new one another name", () => {
    const sheets = [grid("Tổng hợp BTV 2027"), grid("Tổng hợp BTV 2027 (2)")];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027 (3)", replaces: null });
  });

  it("should keep a marked copy under another name, whether Excel's Move or Copy named it or the user renamed it", () => {
    const marker = "COMA:tong-hop-btv:2027";
    // Excel puts the copy before the original and names it `… (2)`: the original, under COMA's name, is replaced.
    const copied = [grid("Tổng hợp BTV 2027 (2)", marker), grid("Tổng hợp BTV 2027", marker)];
    expect(placeSummary(copied, 2027)).toEqual({ name: "Tổng hợp BTV 2027", replaces: "Tổng hợp BTV 2027" });
    // The original deleted: COMA's name is free, so COMA never gave the copy its name; the copy stays.
    expect(placeSummary([grid("Tổng hợp BTV 2027 (2)", marker)], 2027)).toEqual({ name: "Tổng hợp BTV 2027", replaces: null });
    const renamed = [grid("Tổng hợp BTV 2027"), grid("Báo cáo BTV", marker)];
    expect(placeSummary(renamed, 2027)).toEqual({ name: "Tổng hợp BTV 2027 (2)", replaces: null });
  });

  it("should replace the variant name COMA gave its summary when a user's sheet held the plain name", () => {
    const marker = "COMA:tong-hop-btv:2027";
    const sheets = [grid("Tổng hợp BTV 2027"), grid("Tổng hợp BTV 2027 (3)", marker), grid("Tổng hợp BTV 2027 (2)", marker)];
    expect(placeSummary(sheets, 2027)).toEqual({ name: "Tổng hợp BTV 2027 (2)", replaces: "Tổng hợp BTV 2027 (2)" });
  });
});

describe("compareCodes", () => {
  it("should order codes as a numeric Vietnamese Intl.Collator does", () => {
    const codes = ["XH10", "KT1.10", "XD1", "KT1.2", "XH2", "KT1", "XH1.1", "KT10", "KT2.1.3", "KT2.1", "XD1.5", "XH1"];
    const collator = new Intl.Collator("vi", { numeric: true });
    // By hand: KT1, KT1.2, KT1.10, KT2.1, KT2.1.3, KT10, XD1, XD1.5, XH1, XH1.1, XH2, XH10.
    expect([...codes].sort(compareCodes)).toEqual([...codes].sort(collator.compare));
    expect([...codes].sort(compareCodes)).toEqual([
      "KT1",
      "KT1.2",
      "KT1.10",
      "KT2.1",
      "KT2.1.3",
      "KT10",
      "XD1",
      "XD1.5",
      "XH1",
      "XH1.1",
      "XH2",
      "XH10",
    ]);
  });
});
