import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../core/sheet";
import { buildSummary } from "../../core/summary";
import { TEMPLATE_SHEET, templateLayouts } from "../../core/template-layout";

const read = readWorkbook(templateLayouts().map((layout) => ({ name: layout.name, values: layout.values, formats: layout.formats })));

describe("the template read back", () => {
  it("should be one target sheet with the 25 targets: 7 KT, 13 XH, 5 XD", () => {
    expect(read.sheets).toEqual([TEMPLATE_SHEET]);
    const summary = buildSummary(read, 2025);
    expect(summary.groups.map((g) => [g.group, g.total])).toEqual([["KT", 7], ["XH", 13], ["XD", 5]]);
  });

  it("should have no errors, only warnings for the baselines the report does not give", () => {
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(new Set(read.problems.map((p) => p.rule))).toEqual(new Set(["missing-baseline"]));
  });

  it("should carry the consolidated livestock baseline 30.102 + 16.123 + 13.631", () => {
    expect(read.indicators.find((i) => i.code === "KT3.5")).toMatchObject({ baseline: 59856, method: "Tăng bình quân", target: { kind: "range", low: 10, high: 15 } });
  });

  it("should start 2025 with no figure for growth targets and 0 for cumulative ones", () => {
    const summary = buildSummary(read, 2025);
    expect(summary.rows.find((r) => r.code === "KT3.5")).toMatchObject({ actual: null, status: "Thiếu số liệu" });
    expect(summary.rows.find((r) => r.code === "KT3.1")).toMatchObject({ actual: 0, status: "Chưa đạt" });
    // XH4: 100 % insured in 2025 against 100 % → met, not exceeded
    expect(summary.rows.find((r) => r.code === "XH4")).toMatchObject({ actual: 100, attainment: 1, status: "Đạt" });
  });

  it("should never let a template cell be read as a formula", () => {
    for (const layout of templateLayouts()) {
      layout.values.forEach((row, r) => row.forEach((value, c) => {
        if (typeof value === "string" && /^[=+\-@]/.test(value)) expect(layout.formats[r][c]).toBe("@");
      }));
    }
  });
});
