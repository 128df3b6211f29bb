import { describe, expect, it } from "vitest";
import type { SheetLayout } from "../../core/layout";
import { message } from "../../core/messages";
import { readWorkbook } from "../../core/sheet";
import { planSummary } from "../../core/summary-plan";
import { EVALUATED_FORMATS } from "../../core/summary-text";
import type { Cell } from "../../core/grid";
import { truthWorkbook } from "../support/truth-workbook";

/**
 * What the printed summary says about the figures it rests on (CONTRACT.md §4 item 7), on the filled template with a
 * `0,87`, a `1.5`, an edited target, two deleted targets and growth and cumulative rows (test/support/truth-workbook.ts).
 */

const SHEET = "Chỉ tiêu 2025-2030";
const plan = planSummary(truthWorkbook(), { date: new Date(2027, 11, 20), year: 2027 })!;
const { model, layout } = plan;

/** The layout's row (values) whose column `column` holds `text`. */
function rowWith(l: SheetLayout, column: number, text: string | number): (string | number | null)[] {
  return l.values.find((row) => row[column] === text)!;
}
function rowsWith(l: SheetLayout, column: number, text: string): number[] {
  return l.values.flatMap((row, r) => (row[column] === text ? [r] : []));
}

describe("rows whose figure rests on a cell to check", () => {
  it("should mark (*) after the code of KT5.1, XH1 and XH3 and of no other row, keeping their status", () => {
    expect(model.rows.filter((r) => r.doubted).map((r) => [r.code, r.status])).toEqual([
      // KT5.1: 0,87 of đạt 20% → 0,87 / 20 = 0,0435; no baseline, so no path: Chưa đạt
      ["KT5.1", "Chưa đạt"],
      // XH1: 1,5 of đạt 10 with baseline 12 ≥ 10 → e = 10, 1,5 < 10: Chậm tiến độ
      ["XH1", "Chậm tiến độ"],
      // XH3: 12 below the sheet's 25 → 25 / 12 > 1: Vượt (the resolution's 30 is not used)
      ["XH3", "Vượt"],
    ]);
    expect(rowWith(layout, 1, "KT5.1 (*)").slice(7, 12)).toEqual([0.87, null, null, 0.0435, "Chưa đạt"]);
    expect(rowsWith(layout, 1, "XH1 (*)")).toHaveLength(2); // the detail table and the behind list
    expect(layout.values.flat().filter((v) => v === "XH2 (*)")).toEqual([]); // its 0,5 is in 2028, after the year
  });

  it("should list each such cell in section IV: where, what was read, what it may be", () => {
    const title = layout.values.findIndex((row) => row[0] === "IV. SỐ LIỆU LỖI VÀ SỐ LIỆU CẦN KIỂM TRA");
    expect(layout.values.slice(title + 1, title + 6).map((row) => row[0])).toEqual([
      "Không có ô số liệu lỗi: mọi số liệu đã nhập đều được tính.",
      "Có 3 ô số liệu vẫn được tính nhưng có thể đã bị hiểu sai; các dòng dựa trên những ô này được đánh dấu (*) sau mã chỉ tiêu:",
      `${SHEET}!I19: 0,87 được đọc là 0,87%; có thể là 87%.`,
      `${SHEET}!I24: “1.5” được đọc là 1,5 (dấu chấm được coi là dấu thập phân); nếu dấu chấm dùng để tách hàng nghìn thì số này bị đọc sai.`,
      `${SHEET}!G26: mục tiêu “dưới 25%” được dùng để đánh giá; Nghị quyết ghi “dưới 30%”.`,
    ]);
  });

  it("should not mark a row for a cell of a later year, nor list that cell", () => {
    const later = readWorkbook(truthWorkbook()).problems.find((p) => p.cell === "J25")!;
    expect([later.code, later.rule]).toEqual(["XH2", "percent-fraction"]);
    expect(model.doubts.map((d) => d.cell)).toEqual(["I19", "I24", "G26"]);
    // in 2028 the same cell is the year's own figure: XH2 is marked then
    const in2028 = planSummary(truthWorkbook(), { date: new Date(2028, 11, 20), year: 2028 })!;
    expect(in2028.model.doubts.map((d) => d.cell)).toEqual(["I19", "I24", "J25", "G26"]);
  });
});

describe("a target that differs from the resolution", () => {
  it("should print the sheet's expression and under it, in the same wrapped cell, NQ: and the resolution's", () => {
    const r = layout.values.findIndex((row) => row[1] === "XH3 (*)");
    expect(layout.values[r][5]).toBe("dưới 25%\nNQ: dưới 30%");
    // two lines: the row is taller than one line of 12 pt (12 × 1,3 + 2 = 17,6 points)
    const height = layout.rowHeights.find((run) => run.from <= r + 1 && r + 1 <= run.to)?.height ?? 0;
    expect(height).toBeGreaterThanOrEqual(Math.ceil(2 * 12 * 1.3 + 2));
  });
});

describe("targets of the resolution that no sheet holds", () => {
  it("should be rows of the detail table in their place by code, numbered on, with Thiếu số liệu", () => {
    const codes = model.detail.filter((r) => r.group === "KT" && !r.code.includes(".")).map((r) => r.code);
    expect(codes).toEqual(["KT1", "KT2", "KT3", "KT4", "KT5", "KT6", "KT7"]);
    // in the whole table too (the command line prints it in this order): between KT6 and XH1
    const all = model.detail.map((r) => r.code);
    expect(all.slice(all.indexOf("KT7") - 1, all.indexOf("KT7") + 2)).toEqual(["KT6", "KT7", "XH1"]);
    const kt7 = rowWith(layout, 1, "KT7");
    // STT 7 after KT6's 6: no jump from 6 to 8
    expect(kt7.slice(0, 7)).toEqual([
      7,
      "KT7",
      "Số doanh nghiệp, hợp tác xã có trụ sở, hoạt động sản xuất kinh doanh, dịch vụ trên địa bàn",
      "doanh nghiệp, HTX",
      null,
      "02",
      "Không có trên trang chỉ tiêu",
    ]);
    expect(kt7[11]).toBe("Thiếu số liệu");
    const xh122 = layout.values.findIndex((row) => row[1] === "XH12.2");
    expect(layout.values[xh122 - 1][1]).toBe("XH12.1");
    expect(layout.values[xh122 + 1][1]).toBe("XH13");
    expect(layout.values[xh122].slice(0, 2)).toEqual(["12.2", "XH12.2"]);
    // the sentence covers the figure columns G:K, the status stays in L
    expect(layout.merges).toContain(`G${xh122 + 1}:K${xh122 + 1}`);
  });

  it("should bring a target deleted whole with its sub-metrics, as the resolution lists them", () => {
    const grids = truthWorkbook().map((g) => ({
      ...g,
      values: g.values.map((row) => (typeof row[0] === "string" && /^XD3(\.|$)/.test(row[0]) ? row.map(() => null) : row)),
    }));
    const { model: without } = planSummary(grids, { date: new Date(2027, 11, 20), year: 2027 })!;
    const codes = without.detail.map((r) => [r.code, "absent" in r]);
    const at = codes.findIndex(([code]) => code === "XD3");
    expect(codes.slice(at - 1, at + 4)).toEqual([
      ["XD2", false],
      ["XD3", true],
      ["XD3.1", true],
      ["XD3.2", true],
      ["XD4", false],
    ]);
  });

  it("should still count them in the overview, 7 / 13 / 5 = 25, KT7 and XH12 as Thiếu số liệu", () => {
    expect(model.groups.map((g) => [g.group, g.total])).toEqual([
      ["KT", 7],
      ["XH", 13],
      ["XD", 5],
    ]);
    // KT: KT1 (KT1.1 without baseline: no growth rate) and KT7; XH12 is Chưa đạt (XH12.1 is worse than missing)
    expect(model.groups.map((g) => g.noData)).toEqual([2, 0, 0]);
  });

  it("should stay out of the indicator rows that the JSON lists (a row per code as written)", () => {
    expect(model.rows.map((r) => r.code)).not.toContain("KT7");
    expect(model.detail.length - model.rows.length).toBe(2);
  });
});

describe("growth-rate and cumulative rows", () => {
  it("should print Lộ trình of a growth row in %/năm, as its evaluated value", () => {
    const r = layout.values.findIndex((row) => row[1] === "KT3.5");
    // (65.000 / 59.856)^(1/2) − 1 = 1,085940^(1/2) − 1 = 0,042084 → 4,21 %/năm; e(y) of 10–15% is the rate 10
    expect(layout.values[r][8]).toBeCloseTo(4.2084, 4);
    expect(layout.values[r][9]).toBe(10);
    expect([layout.formats[r][8], layout.formats[r][9]]).toEqual([EVALUATED_FORMATS.growth, EVALUATED_FORMATS.growth]);
    expect(EVALUATED_FORMATS.growth).toBe('0.00" %/năm"');
  });

  it("should show the evaluated value beside v(y) in the behind list: KT3.1 16 this year, 38 lũy kế against 60", () => {
    const behindTitle = layout.values.findIndex((row) => String(row[0]).startsWith("III. CÁC CHỈ TIÊU"));
    const r = layout.values.findIndex((row, i) => i > behindTitle && row[1] === "KT3.1");
    // 22 + 16 = 38 ha by 2027; e = 150 × 2/5 = 60
    expect(layout.values[r].slice(7, 10)).toEqual([16, 38, 60]);
    expect(layout.formats[r][8]).toBe(EVALUATED_FORMATS.cumulative(true));
  });
});

describe("the chart", () => {
  it("should label each segment with its count through a format that hides 0", () => {
    expect(layout.chart?.labelFormat).toBe("0;;;");
  });
});

describe("a missing baseline, worded for the row's method", () => {
  const HEADER: Cell[] = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026];
  const read = readWorkbook([
    {
      name: "T",
      values: [
        HEADER,
        ["KT4", "Hộ kinh tế", "hộ", "Năm", null, "trên 2.800", 2700],
        ["KT2", "Tăng trưởng", "%", "Năm", null, "9-10", 9],
        ["KT1.1", "Thu ngân sách", "triệu đồng", "Tăng bình quân", null, "7-8", 100],
        ["XD2", "Kết nạp", "đảng viên", "Cộng dồn", null, "từ 80 trở lên", 20],
        ["XD1.2", "Đảng viên HTTNV", "%", "Hằng năm", null, "từ 90% trở lên", 92],
        ["XD4.2", "Vụ việc", "vụ việc", "Cộng dồn", null, "giảm tối thiểu 10%", 3],
      ],
    },
  ]);
  const messages = read.problems.filter((p) => p.rule === "missing-baseline").map((p) => [p.code, p.message]);

  it("should say what each method loses: progress only for a Năm min or max row, nothing for a cumulative one", () => {
    expect(messages).toEqual([
      ["KT4", "Thiếu số liệu cơ sở năm 2025: không tính được mức thay đổi, tiến độ và lộ trình đến năm 2030."],
      ["KT2", "Thiếu số liệu cơ sở năm 2025: không tính được mức thay đổi và lộ trình đến năm 2030."],
      ["KT1.1", "Thiếu số liệu cơ sở năm 2025: không tính được tốc độ tăng bình quân nên chỉ tiêu được tính là thiếu số liệu."],
      [
        "XD2",
        "Thiếu số liệu cơ sở năm 2025: số liệu cộng dồn được tính từ 0 nên vẫn đánh giá được; chỉ thiếu phần so sánh với tổng nhiệm kỳ trước.",
      ],
      ["XD1.2", "Thiếu số liệu cơ sở năm 2025: không tính được mức thay đổi so với năm 2025; đánh giá từng năm không bị ảnh hưởng."],
      ["XD4.2", "Thiếu số liệu cơ sở năm 2025: không tính được mức giảm nên chỉ tiêu được tính là thiếu số liệu."],
    ]);
  });

  it("should be true of the figures: the cumulative row gets its progress, the others none", () => {
    const summary = planSummary(
      [
        {
          name: "T",
          values: [
            HEADER,
            ["XD2", "Kết nạp", "đảng viên", "Cộng dồn", null, "từ 80 trở lên", 20],
            ["XD1.2", "Đảng viên HTTNV", "%", "Hằng năm", null, "từ 90% trở lên", 92],
            ["KT4", "Hộ kinh tế", "hộ", "Năm", null, "trên 2.800", 2700],
          ],
        },
      ],
      { date: new Date(2026, 11, 20), year: 2026 },
    )!;
    // XD2: 20 / 80 = 0,25 with no baseline; XD1.2 (Hằng năm) and KT4 (Năm without baseline) have none
    expect(summary.model.rows.map((r) => [r.code, r.progress])).toEqual([
      ["XD2", 0.25],
      ["XD1.2", null],
      ["KT4", null],
    ]);
    expect(message({ rule: "missing-baseline", params: { method: "Năm", kind: "min" } })).toContain("tiến độ");
    expect(message({ rule: "missing-baseline", params: { method: "Cộng dồn", kind: "min" } })).not.toContain("không tính được");
  });
});
