import { describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core/grid";
import { readWorkbook } from "../../core/sheet";

const sheet = (values: Cell[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "Chỉ tiêu", values, ...extra });
const placed = (read: ReturnType<typeof readWorkbook>) => read.problems.map((p) => [p.severity, p.cell, p.rule, p.message]);

describe("plan columns", () => {
  it("should read Kế hoạch 2026, KH 2027 and KH2028 headers as the plans of those years", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "ĐVT", "Mục tiêu 2030", "2026", "Kế hoạch 2026", "KH 2027", "kh2028"],
        ["XD2", "Kết nạp đảng viên", "đảng viên", "từ 80 trở lên", 18, 16, "≥ 17", "trên 15"],
      ]),
    ]);
    expect(read.indicators[0].plans).toEqual({
      2026: { text: "16", target: { kind: "min", n: 16, strict: false } },
      2027: { text: "≥ 17", target: { kind: "min", n: 17, strict: false } },
      2028: { text: "trên 15", target: { kind: "min", n: 15, strict: true } },
    });
    expect(read.indicators[0].values[0]).toBe(18);
    expect(read.problems).toEqual([]);
  });

  it("should take the plan years from the row under a merged Kế hoạch heading, beside a merged Thực hiện heading", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "Thực hiện", null, "Kế hoạch", null],
        [null, null, null, 2026, 2027, 2026, 2027],
        ["XH9", "Thu gom chất thải rắn", "trên 50%", 40, 45, "42%", "46-48"],
      ]),
    ]);
    expect(read.indicators[0].values.slice(0, 2)).toEqual([40, 45]);
    expect(read.indicators[0].plans).toEqual({
      2026: { text: "42%", target: { kind: "min", n: 42, strict: false } },
      2027: { text: "46-48", target: { kind: "range", low: 46, high: 48 } },
    });
  });

  it("should read Mục tiêu 2030 as the target and Kế hoạch 2030 as the plan of 2030 when a sheet has both", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Kế hoạch 2030", "Mục tiêu 2030"],
        ["XH4", "Tỷ lệ tham gia BHYT", "99%", "100%"],
      ]),
    ]);
    expect(read.indicators[0]).toMatchObject({ targetText: "100%", target: { kind: "min", n: 100, strict: false } });
    expect(read.indicators[0].plans).toEqual({ 2030: { text: "99%", target: { kind: "min", n: 99, strict: false } } });
  });

  it("should read a lone Kế hoạch 2030 as the target of a sheet that has no other target column", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Kế hoạch 2030"],
        ["XH4", "Tỷ lệ tham gia BHYT", "100%"],
      ]),
    ]);
    expect(read.indicators[0]).toMatchObject({ target: { kind: "min", n: 100, strict: false }, plans: {} });
  });

  it("should read a percentage-formatted plan of a % row as a percent number", () => {
    const read = readWorkbook([
      sheet(
        [
          ["Mã", "Chỉ tiêu", "ĐVT", "Mục tiêu 2030", "KH 2026"],
          ["KT5.1", "Lao động qua đào tạo", "%", "20%", 0.185],
        ],
        {
          formats: [[], [null, null, null, null, "0.0%"]],
        },
      ),
    ]);
    // 0.185 shown as 18,5% → 18.5
    expect(read.indicators[0].plans).toEqual({ 2026: { text: "18,5", target: { kind: "min", n: 18.5, strict: false } } });
  });

  it("should report a plan that does not parse as an error at its cell, with no target guessed", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "KH 2026", "KH 2027", "KH 2028", "KH 2029", "KH 2030"],
        ["XD2", "Kết nạp đảng viên", "80", "khoảng 15", "20-10", "trên 1.50.0", { error: "#REF!" }, "1.5"],
      ]),
    ]);
    expect(read.indicators[0].plans).toEqual({
      2026: { text: "khoảng 15", target: null },
      2027: { text: "20-10", target: null },
      2028: { text: "trên 1.50.0", target: null },
      2029: { text: "#REF!", target: null },
      2030: { text: "1.5", target: { kind: "min", n: 1.5, strict: false } },
    });
    expect(read.indicators[0].invalid).toEqual(new Set(["plan:2026", "plan:2027", "plan:2028", "plan:2029"]));
    expect(placed(read)).toEqual([
      [
        "error",
        "D2",
        "bad-plan",
        "Không đọc được kế hoạch năm 2026 “khoảng 15”; ghi một số (ví dụ 16) hoặc một mục tiêu (ví dụ ≥ 90%, dưới 30, 7-8).",
      ],
      ["error", "E2", "inverted-range", "Khoảng mục tiêu “20-10” có cận dưới lớn hơn cận trên."],
      [
        "error",
        "F2",
        "ambiguous-number",
        "Không đọc được số “1.50.0”: dấu chấm không tách đúng nhóm 3 chữ số hàng nghìn, cũng không thể là dấu thập phân; hãy ghi lại số (ví dụ 2.800 hoặc 2,8).",
      ],
      ["error", "G2", "cell-error", "Ô có lỗi #REF!; chỉ tiêu này được tính là thiếu số liệu."],
      [
        "warning",
        "H2",
        "dot-decimal",
        "“1.5” được đọc là 1,5 (dấu chấm không theo sau bởi đúng 3 chữ số nên coi là dấu thập phân); hãy kiểm tra lại, dấu thập phân tiếng Việt là dấu phẩy.",
      ],
    ]);
    expect(read.problems[4].fix).toEqual({ value: 1.5 });
  });
});

describe("year headers outside the term", () => {
  it("should warn at a 2031 or Kế hoạch 2032 header and read nothing from its column", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", 2026, 2031, "Kế hoạch 2032"],
        ["XH4", "Tỷ lệ tham gia BHYT", "100%", 98, 99, "100"],
      ]),
    ]);
    expect(read.indicators[0].values).toEqual([98, null, null, null, null]);
    expect(read.indicators[0].plans).toEqual({});
    expect(placed(read)).toEqual([
      [
        "warning",
        "E1",
        "year-out-of-term",
        "Cột “2031” ghi năm 2031, ngoài nhiệm kỳ 2025 – 2030 (cơ sở 2025, các năm 2026 … 2030); cột này không được đọc.",
      ],
      [
        "warning",
        "F1",
        "year-out-of-term",
        "Cột “Kế hoạch 2032” ghi năm 2032, ngoài nhiệm kỳ 2025 – 2030 (cơ sở 2025, các năm 2026 … 2030); cột này không được đọc.",
      ],
    ]);
  });

  it("should warn at an out-of-term year in the row under a merged heading", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "Thực hiện", null],
        [null, null, null, 2026, 2031],
        ["XH9", "Thu gom chất thải rắn", "trên 50%", 40, 45],
      ]),
    ]);
    expect(read.indicators[0].values[0]).toBe(40);
    expect(read.problems.map((p) => [p.cell, p.rule])).toEqual([["E2", "year-out-of-term"]]);
  });
});
