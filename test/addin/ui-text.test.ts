import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../core/sheet";
import { yearCoverage } from "../../core/summary";
import { ui } from "../../addin/ui-text";

describe("what the pane says about the year it summarised", () => {
  const read = readWorkbook([
    {
      name: "Chỉ tiêu",
      values: [
        ["Mã", "Chỉ tiêu", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027],
        ["KT4", "Hộ kinh tế cá thể", 2500, "trên 2.800", 2520, 2550],
        ["XH3", "Tỷ lệ hộ nghèo", 34.1, "dưới 30%", 31.8],
        ["XD2", "Kết nạp đảng viên", null, "từ 80 trở lên", 18],
      ],
    },
  ]);

  it("should say the year and how many rows have a value", () => {
    expect(ui("summaryCoverage", { year: 2027, ...yearCoverage(read.indicators, 2027) })).toBe("Năm 2027 (1/3 dòng có số liệu).");
    expect(ui("summaryCoverage", { year: 2026, ...yearCoverage(read.indicators, 2026) })).toBe("Năm 2026 (3/3 dòng có số liệu).");
  });

  it("should count baselines for the starting position", () => {
    expect(ui("summaryCoverage", { year: 2025, ...yearCoverage(read.indicators, 2025) })).toBe(
      "Năm 2025, vị trí xuất phát (2/3 dòng có số liệu cơ sở).",
    );
  });

  it("should warn when the year has no value at all", () => {
    expect(yearCoverage(read.indicators, 2028)).toEqual({ rows: 3, withValue: 0 });
    expect(ui("summaryNoValues", { year: 2028 })).toBe(
      "Năm 2028 chưa có dòng nào có số liệu: mọi chỉ tiêu được tính là Thiếu số liệu. Hãy nhập số liệu vào cột 2028 hoặc chọn năm khác.",
    );
  });
});
