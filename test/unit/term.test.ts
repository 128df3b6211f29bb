import { describe, expect, it } from "vitest";
import type { Cell } from "../../core/grid";
import type { PlanCell, Status } from "../../core/model";
import { readWorkbook } from "../../core/sheet";
import { buildSummary } from "../../core/summary";
import { parseTarget } from "../../core/target";

/** A commune's workbook two years into the term, typed the way a commune office types it. */
const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030];
const read = readWorkbook([
  {
    name: "Chỉ tiêu",
    values: [
      ["ĐẢNG ỦY XÃ CO MẠ"],
      HEADER,
      ["I. KINH TẾ"],
      ["KT2", "Tổng giá trị sản phẩm", "triệu đồng", "Tăng bình quân", 100, "9-10", 110, 125.44],
      ["KT4", "Hộ kinh tế cá thể", "hộ", "Năm", 2500, "trên 2.800", 2520, 2550, null, null, 2700],
      ["KT5", "Lao động qua đào tạo"],
      ["KT5.1", "Tỷ lệ lao động qua đào tạo", "%", "Năm", 10, "đạt 20%", 10.5, 11],
      ["KT6", "Tỷ lệ che phủ rừng", "%", "Năm", null, "trên 50%", 44, 45],
      ["II. VĂN HÓA – XÃ HỘI"],
      ["XH1", "Thu nhập bình quân đầu người", "triệu đồng", "Năm", 12, "đạt 10", 12.5, 13],
      ["XH3", "Tỷ lệ hộ nghèo", "%", "Năm", 34.1, "dưới 30%", 31.8, 31],
      ["XH4", "Tỷ lệ tham gia BHYT", "%", "Năm", 98, "đạt 100%", 99, 100],
      ["XH9", "Tỷ lệ thu gom chất thải rắn", "%", "Năm", 40, "trên 50%"],
      ["XH10", "Tỷ lệ dùng nước hợp vệ sinh", "%", "Năm", 40, "đạt 50%", 42, { error: "#N/A" }],
      ["III. XÂY DỰNG ĐẢNG"],
      ["XD1", "Chất lượng tổ chức đảng"],
      ["XD1.1", "Tổ chức cơ sở đảng HTTNV", "%", "Hằng năm", 88, "từ 90% trở lên", 91, 85],
      ["XD2", "Kết nạp đảng viên mới", "đảng viên", "Cộng dồn", 109, "từ 80 trở lên", 18, 20],
      ["XD4", "Vụ việc phức tạp"],
      ["XD4.2", "Vụ việc phức tạp, khiếu kiện", "vụ việc", "Cộng dồn", 12, "giảm tối thiểu 10%", 2, 3],
    ],
  },
]);
// The sheet reader fills plans from `Kế hoạch <năm>` columns; here they are set on the rows it read.
const plan = (text: string): PlanCell => {
  const parsed = parseTarget(text);
  return { text, target: parsed.ok ? parsed.target : null };
};
const at = (code: string) => read.indicators.find((i) => i.code === code)!;
at("XD2").plans[2027] = plan("16");
at("XH3").plans[2027] = plan("dưới 31");
at("KT4").plans[2027] = plan("2.600");
at("XH1").plans[2027] = { text: "tăng khá", target: null };
// The checks against the resolution found XD3 in no sheet.
read.missing.push({ code: "XD3", root: "XD3", group: "XD", name: "Năng lực lãnh đạo của chi bộ bản" });

const summary = buildSummary(read, 2027);
const row = (code: string) => summary.rows.find((r) => r.code === code)!;

describe("a workbook in 2027, two years of five into the term (k = 0,4)", () => {
  it("should default to 2027: one stray 2030 value does not move the year", () => {
    // 2027: 10 of 12 rows; 2030: 1 of 12, less than a third
    expect(buildSummary(read).year).toBe(2027);
    expect(summary.coverage).toEqual({ rows: 12, withValue: 10 });
  });

  it.each<[string, Status, string]>([
    ["XH1", "Vượt", "13 against đạt 10: 13 / 10 = 1,3, the 2030 target already exceeded"],
    ["XH4", "Đạt", "100 against đạt 100%: 1"],
    ["XH3", "Đúng tiến độ", "e = 34,1 − 4,1 × 0,4 = 32,46; 31 ≤ 32,46"],
    ["XD2", "Đúng tiến độ", "18 + 20 = 38 ≥ e = 80 × 0,4 = 32"],
    ["KT2", "Đúng tiến độ", "(125,44 / 100)^(1/2) − 1 = 12 %/year meets 9-10, not final before 2030"],
    ["KT4", "Chậm tiến độ", "e = 2.500 + 300 × 0,4 = 2.620; 2.550 < 2.620"],
    ["KT5.1", "Chậm tiến độ", "e = 10 + 10 × 0,4 = 14; 11 < 14"],
    ["XD4.2", "Chậm tiến độ", "2 + 3 = 5 cases > e = 12 × 0,9 × 0,4 = 4,32"],
    ["KT6", "Chưa đạt", "45 against trên 50% with no baseline: no path"],
    ["XD1.1", "Chưa đạt", "an annual target: 85 < 90 this year"],
    ["XH9", "Thiếu số liệu", "no 2027 value"],
    ["XH10", "Thiếu số liệu", "the 2027 cell is #N/A"],
  ])("should judge %s %s: %s", (code, status) => {
    expect(row(code).status).toBe(status);
  });

  it("should show each status of the term, and Không đạt for the same workbook in 2030", () => {
    const statuses = new Set(summary.rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(["Chưa đạt", "Chậm tiến độ", "Thiếu số liệu", "Vượt", "Đúng tiến độ", "Đạt"].sort());
    // 2030: KT4 2.700 is not above 2.800
    expect(buildSummary(read, 2030).rows.find((r) => r.code === "KT4")!.status).toBe("Không đạt");
  });

  it("should compute the figures of the year by hand", () => {
    // KT2: the entered level is the value, the rate is the evaluated figure; e is the rate 9 itself
    expect(row("KT2")).toMatchObject({ value: 125.44, previous: 110, expected: 9, progress: null, delta: null, change: null });
    expect(row("KT2").actual).toBeCloseTo(12, 10);
    // 12 above the range 9-10: a / B = 12 / 10
    expect(row("KT2").attainment).toBeCloseTo(1.2, 10);
    // XH3: progress (31 − 34,1) / (30 − 34,1) = 3,1 / 4,1; attainment 30 / 31
    expect(row("XH3")).toMatchObject({ value: 31, previous: 31.8 });
    expect(row("XH3").progress).toBeCloseTo(3.1 / 4.1, 12);
    expect(row("XH3").expected).toBeCloseTo(32.46, 12);
    expect(row("XH3").attainment).toBeCloseTo(30 / 31, 12);
    // XH1: the baseline 12 already beats đạt 10, so no progress (v1 gave a negative share)
    expect(row("XH1")).toMatchObject({ progress: null, expected: 10, attainment: 1.3 });
    // XD2: progress 38 / 80 = 0,475
    expect(row("XD2")).toMatchObject({ actual: 38, expected: 32, progress: 0.475, previous: 18 });
    // XD4.2: b_y = 12 × 0,4 = 4,8; cut (4,8 − 5) / 4,8 < 0 → attainment −0,2 / 4,8 / 0,1 = −0,41…6 (v1: 833 %)
    expect(row("XD4.2").attainment).toBeCloseTo((4.8 - 5) / 4.8 / 0.1, 12);
    expect(row("XD4.2").expected).toBeCloseTo(4.32, 12);
    // KT6 has no baseline: no path
    expect(row("KT6")).toMatchObject({ expected: null, progress: null });
  });

  it("should count targets by group, the missing XD3 as Thiếu số liệu, so the totals hold every target", () => {
    expect(summary.groups).toEqual([
      // KT2 on track; KT4, KT5 (its KT5.1) behind; KT6 not yet
      { group: "KT", total: 4, exceeded: 0, met: 0, onTrack: 1, behind: 2, notMet: 1, noData: 0 },
      // XH1 exceeded, XH4 met, XH3 on track, XH9 and XH10 no data
      { group: "XH", total: 5, exceeded: 1, met: 1, onTrack: 1, behind: 0, notMet: 0, noData: 2 },
      // XD1 (its XD1.1) not yet, XD2 on track, XD4 (its XD4.2) behind, XD3 missing
      { group: "XD", total: 4, exceeded: 0, met: 0, onTrack: 1, behind: 1, notMet: 1, noData: 1 },
    ]);
    expect(row("KT5").status).toBe("Chậm tiến độ");
  });

  it("should write the headline of the term and the plan sentence", () => {
    expect(summary.headline).toBe(
      "Năm 2027: 2/13 chỉ tiêu đã đạt, vượt mục tiêu 2030; 3 chỉ tiêu đúng tiến độ; 3 chỉ tiêu chậm tiến độ; 2 chỉ tiêu chưa đạt; 3 chỉ tiêu thiếu số liệu.",
    );
    // plans read for XD2 (20 ≥ 16, met), XH3 (31 is not dưới 31), KT4 (2.550 < 2.600); XH1's plan did not parse
    expect(summary.planHeadline).toBe("So với kế hoạch năm 2027: 1/3 chỉ tiêu đạt và vượt.");
    expect(summary.hasPlans).toBe(true);
  });

  it("should compare the year's value with the plan without changing the status", () => {
    // 20 / 16 = 1,25; 31 against dưới 31: 31 / 31 = 1; 2.550 / 2.600
    expect(row("XD2")).toMatchObject({ plan: "16", planAttainment: 1.25, status: "Đúng tiến độ" });
    expect(row("XH3")).toMatchObject({ plan: "dưới 31", planAttainment: 1 });
    expect(row("KT4").planAttainment).toBeCloseTo(2550 / 2600, 12);
    expect(row("XH1")).toMatchObject({ plan: "tăng khá", planAttainment: null, status: "Vượt" });
    expect(row("XH4")).toMatchObject({ plan: null, planAttainment: null });
    expect(buildSummary(read, 2026)).toMatchObject({ hasPlans: false, planHeadline: null });
  });

  it("should list only the rows behind, Chậm tiến độ first, each status farthest from its mark first", () => {
    // distances: KT5.1 1 − 11/14 = 0,214; XD4.2 1 − 4,32/5 = 0,136; KT4 1 − 2550/2620 = 0,027;
    // then Chưa đạt: KT6 1 − 45/50 = 0,1 (the target, no path); XD1.1 1 − 85/90 = 0,056
    expect(summary.behind.map((r) => r.code)).toEqual(["KT5.1", "XD4.2", "KT4", "KT6", "XD1.1"]);
  });

  it("should note the bad cell and the code it left without figures", () => {
    expect(summary.skipped).toEqual({ cells: 1, codes: ["XH10"] });
  });
});
