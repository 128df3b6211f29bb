import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../core/sheet";
import { buildSummary } from "../../core/summary";
import { SAMPLE_FILE } from "../../scripts/cli/sample-data";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";

describe("the illustrative workbook of npm run demo", () => {
  const layouts = sampleLayouts();
  const read = readWorkbook(layouts.map((l) => ({ name: l.name, values: l.values })));
  const summary = buildSummary(read);
  const status = (code: string, year = 2027) => buildSummary(read, year).rows.find((r) => r.code === code)!.status;

  it("should say SỐ LIỆU MINH HỌA in its file name, its title and its note row", () => {
    expect(SAMPLE_FILE).toContain("Số liệu minh họa");
    const top = layouts[0].values.slice(0, 4).map((row) => String(row[0]));
    expect(top.filter((text) => text.includes("SỐ LIỆU MINH HỌA"))).toHaveLength(2);
  });

  it("should read without errors and default to 2027", () => {
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(summary.year).toBe(2027);
  });

  it("should show every status a year of the term can have", () => {
    expect(new Set(summary.rows.map((r) => r.status))).toEqual(
      new Set(["Vượt", "Đạt", "Đúng tiến độ", "Chậm tiến độ", "Chưa đạt", "Thiếu số liệu"]),
    );
  });

  it("should put the issue's cases on their path", () => {
    // XD2: 18 of 80 in 2026 ≥ 80 × 0,2 = 16; XH3: 31,8 ≤ 34,1 − 4,1 × 0,2 = 33,28
    expect([status("XD2", 2026), status("XH3", 2026)]).toEqual(["Đúng tiến độ", "Đúng tiến độ"]);
    // KT2: 10,45 %/năm above 9-10 is on track, not Chưa đạt, and its attainment is a / B = 10,45 / 10
    expect(status("KT2")).toBe("Đúng tiến độ");
    expect(summary.rows.find((r) => r.code === "KT2")!.attainment).toBeCloseTo((Math.sqrt(610000 / 500000) - 1) * 10, 10);
  });
});
