import { describe, expect, it } from "vitest";
import type { Cell, SheetGrid } from "../../core/grid";
import { readWorkbook } from "../../core/sheet";

const HEADER: Cell[] = [
  "Mã",
  "Chỉ tiêu",
  "Nhóm",
  "ĐVT",
  "Cách tính",
  "Cơ sở 2025",
  "Mục tiêu 2030",
  2026,
  2027,
  2028,
  2029,
  2030,
  "Ghi chú",
];
const sheet = (values: Cell[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({ name: "Chỉ tiêu", values, ...extra });
const find = (problems: ReturnType<typeof readWorkbook>["problems"], cell: string) => problems.filter((p) => p.cell === cell);

describe("finding the header", () => {
  it("should find it below title rows and ignore section and blank rows", () => {
    const read = readWorkbook([
      sheet([
        ["ĐẢNG ỦY XÃ CO MẠ", null, null],
        ["CÁC CHỈ TIÊU CHỦ YẾU", null, null],
        [],
        HEADER,
        [null, "I. KINH TẾ"],
        ["KT4", "Hộ kinh tế cá thể", "KT", "hộ", "Năm", 2500, "trên 2.800", 2600],
        [],
        ["II. XÃ HỘI", null],
        ["XH4", "Tỷ lệ tham gia BHYT", "XH", "%", null, 98.5, "100%"],
      ]),
    ]);
    expect(read.sheets).toEqual(["Chỉ tiêu"]);
    expect(read.indicators.map((i) => [i.code, i.row])).toEqual([
      ["KT4", 6],
      ["XH4", 9],
    ]);
    expect(read.indicators[0]).toMatchObject({
      baseline: 2500,
      target: { kind: "min", n: 2800, strict: true },
      values: [2600, null, null, null, null],
    });
    expect(read.problems).toEqual([]);
  });

  it("should match headers without diacritics, with synonyms and text years", () => {
    const read = readWorkbook([
      sheet([
        ["STT", "Ma chi tieu", "  Ten chi tieu ", "DVT", "Co so", "Muc tieu den nam 2030", "Năm 2026", "Thực hiện 2027"],
        [1, "kt 1.2", "Thu ngân sách", "triệu đồng", 55, "≥ 60", 61, 62],
      ]),
    ]);
    expect(read.indicators[0]).toMatchObject({ code: "KT1.2", root: "KT1", group: "KT", baseline: 55, values: [61, 62, null, null, null] });
  });

  it("should take year headers from the row under a merged Thực hiện heading", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "Thực hiện", null],
        [null, null, null, 2026, 2027],
        ["XH9", "Thu gom chất thải rắn", "trên 50%", 40, 45],
      ]),
    ]);
    expect(read.indicators[0].values.slice(0, 2)).toEqual([40, 45]);
  });

  it("should not take a first data row whose figure looks like a year for a second header row", () => {
    const read = readWorkbook([
      sheet([
        ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "Thực hiện", null],
        ["KT4", "Hộ kinh tế cá thể", "trên 2.800", 2028, 2031],
      ]),
    ]);
    expect(read.indicators.map((i) => [i.code, i.row])).toEqual([["KT4", 2]]);
    expect(read.problems).toEqual([]);
  });

  it("should not read a sheet without code, name and target columns, nor a sheet COMA generated", () => {
    const read = readWorkbook([
      sheet(
        [
          ["Mã", "Nội dung", "Xã cũ", "Giá trị"],
          ["KT3", "Đàn gia súc", "Co Mạ", 30102],
        ],
        { name: "Kết quả" },
      ),
      sheet([[null, null, "COMA:tong-hop-btv:2027"], HEADER, ["KT4", "x", null, null, null, 1, "2"]], { name: "Tổng hợp BTV 2027" }),
    ]);
    expect(read.sheets).toEqual([]);
    expect(read.problems).toMatchObject([{ severity: "error", sheet: null, cell: null, rule: "no-target-sheet" }]);
  });

  it("should place cells by the grid's offset in the sheet", () => {
    const read = readWorkbook([
      sheet(
        [
          ["Mã", "Chỉ tiêu", "Mục tiêu 2030", "2026"],
          ["KT7", "Doanh nghiệp", "02", "hai"],
        ],
        { top: 4, left: 2 },
      ),
    ]);
    expect(read.indicators[0].row).toBe(6);
    expect(read.problems).toMatchObject([{ cell: "F6", code: "KT7", rule: "not-a-number", severity: "error" }]);
  });
});

describe("reading values", () => {
  const read = readWorkbook([
    sheet(
      [
        HEADER,
        ["KT3.4", "Diện tích ngô", "KT", "ha", "Năm", "1.009", "3.265 ha", "1.100,5", null],
        ["KT5.1", "Lao động qua đào tạo", "KT", "%", "Năm", 18, "20%", 0.2015],
        ["XH3", "Tỷ lệ hộ nghèo", "XH", "%", "Năm", 40, "dưới 30", { error: "#DIV/0!" }, "#N/A"],
        ["XH4", "BHYT", "XH", "%", "Năm", 98, "100", 101, -2, "1.5"],
        ["KT1.1", "Tăng thu ngân sách", "KT", "triệu đồng", "Tăng bình quân", 50, "7-8", 154, true],
      ],
      { formats: [[], [], [null, null, null, null, null, null, null, "0.00%"]] },
    ),
  ]);
  const indicator = (code: string) => read.indicators.find((i) => i.code === code)!;

  it("should read text numbers and offer a one-click fix", () => {
    expect(indicator("KT3.4")).toMatchObject({
      baseline: 1009,
      values: [1100.5, null, null, null, null],
      target: { kind: "min", n: 3265 },
    });
    expect(find(read.problems, "F2")).toMatchObject([{ severity: "warning", rule: "text-number", code: "KT3.4", fix: { value: 1009 } }]);
    expect(find(read.problems, "H2")).toMatchObject([{ severity: "warning", rule: "text-number", fix: { value: 1100.5 } }]);
  });

  it("should read a percentage-formatted fraction as a percent number", () => {
    expect(indicator("KT5.1").values[0]).toBe(20.15);
  });

  it("should flag error values at their cell and count them as missing", () => {
    expect(indicator("XH3").values.slice(0, 2)).toEqual([null, null]);
    expect(indicator("XH3").invalid).toEqual(new Set(["year:2026", "year:2027"]));
    expect(find(read.problems, "H4")).toMatchObject([
      { severity: "error", rule: "cell-error", message: expect.stringContaining("#DIV/0!") },
    ]);
    expect(find(read.problems, "I4")).toMatchObject([{ severity: "error", rule: "cell-error", message: expect.stringContaining("#N/A") }]);
  });

  it("should refuse percentages above 100 and negative values, and warn on a dot decimal", () => {
    expect(find(read.problems, "H5")).toMatchObject([{ severity: "error", rule: "percent-over-100" }]);
    expect(find(read.problems, "I5")).toMatchObject([{ severity: "error", rule: "negative" }]);
    expect(find(read.problems, "J5")).toMatchObject([{ severity: "warning", rule: "dot-decimal", fix: { value: 1.5 } }]);
    expect(indicator("XH4").values[2]).toBe(1.5);
  });

  it("should allow levels above 100 on growth rows and refuse booleans", () => {
    expect(indicator("KT1.1").values[0]).toBe(154);
    expect(find(read.problems, "I6")).toMatchObject([{ severity: "error", rule: "not-a-number" }]);
  });
});

describe("row problems", () => {
  const read = readWorkbook([
    sheet([
      HEADER,
      ["KT2", "Giá trị sản phẩm", null, null, "Tăng bình quân", null, "9-10"],
      [null, "Dòng mồ côi", null, null, null, null, "50"],
      ["KT-9", "Mã sai", null, null, null, null, "50"],
      ["KT2", "Trùng mã", null, null, null, 1, "9-10"],
      ["XH1", "Thu nhập", "Kinh tế", null, "Bình quân", 8, "10"],
      ["XH2", "Trường chuẩn", null, null, null, 10, "abc"],
      ["XH5", "Nông thôn mới", null, null, null, 5, "15-10"],
      ["XH6", "Số hóa hồ sơ", null, null, null, 5, null],
      ["XD3", "Năng lực chi bộ bản"],
      ["XD3.1", "Chi bộ có chi ủy", null, "%", null, 20, "50%"],
    ]),
  ]);

  it.each([
    ["F2", "warning", "missing-baseline", "KT2"],
    ["A3", "error", "missing-code", null],
    ["A4", "error", "bad-code", null],
    ["A5", "error", "duplicate-code", "KT2"],
    ["C6", "warning", "group-mismatch", "XH1"],
    ["E6", "error", "bad-method", "XH1"],
    ["G7", "error", "bad-target", "XH2"],
    ["G8", "error", "inverted-range", "XH5"],
    ["G9", "error", "missing-target", "XH6"],
  ])("should report %s as %s %s", (cell, severity, rule, code) => {
    expect(find(read.problems, cell)).toMatchObject([{ sheet: "Chỉ tiêu", severity, rule, code }]);
  });

  it("should say where the duplicate code was first seen, in Vietnamese", () => {
    expect(find(read.problems, "A5")[0].message).toBe("Mã KT2 trùng với dòng 2; dòng này bị bỏ qua.");
  });

  it("should read a code-only row followed by its sub-metrics as a parent, not an error", () => {
    expect(read.indicators.find((i) => i.code === "XD3")).toMatchObject({ isParent: true, target: null });
    expect(read.problems.filter((p) => p.code === "XD3")).toEqual([]);
  });

  it("should keep exactly one problem per bad cell", () => {
    expect(read.problems).toHaveLength(9);
  });
});

describe("header and method synonyms", () => {
  it("should read Ước TH 2025 as the baseline and Lũy kế / Hàng năm as methods", () => {
    const read = readWorkbook([
      sheet([
        ["Mã số", "Nội dung chỉ tiêu", "Cách tính", "Ước TH 2025", "Mục tiêu NQ 2030"],
        ["XD2", "Kết nạp đảng viên", "Lũy kế", 109, "80"],
        ["XD4.1", "Tổ chức CT-XH HTTNV", "Hàng năm", 90, "95%"],
      ]),
    ]);
    expect(read.indicators.map((i) => [i.code, i.method, i.baseline])).toEqual([
      ["XD2", "Cộng dồn", 109],
      ["XD4.1", "Hằng năm", 90],
    ]);
    expect(read.problems).toEqual([]);
  });
});

describe("blank years inside a series", () => {
  it("should warn where a cumulative sum counts a blank year as 0 and where an annual target is unproven", () => {
    const read = readWorkbook([
      sheet([
        HEADER,
        ["XD2", "Kết nạp đảng viên", "XD", "đảng viên", "Cộng dồn", 109, "từ 80 trở lên", 15, null, 20],
        ["XD5.1", "CBCC HTTNV", "XD", "%", "Hằng năm", 90, "95%", null, 96],
        ["KT4", "Hộ kinh tế cá thể", "KT", "hộ", "Năm", 2500, "trên 2.800", null, 2600],
      ]),
    ]);
    expect(read.problems.map((p) => [p.cell, p.rule, p.message])).toEqual([
      ["I2", "cumulative-gap", "Năm 2027 để trống: khi cộng dồn được tính là 0."],
      ["H3", "annual-gap", "Năm 2026 để trống: chỉ tiêu hằng năm chưa đánh giá được cho cả nhiệm kỳ."],
    ]);
  });
});

describe("a fraction typed in a % row", () => {
  it("should read 0,912 as typed and offer 91,2% with its fix, when the row's other figures are above 1", () => {
    const read = readWorkbook([
      sheet(
        [
          HEADER,
          ["XH4", "Tỷ lệ dân số tham gia bảo hiểm y tế", "XH", "%", "Năm", 98.5, "100%", "0,912", 0.95],
          ["XH6", "Tỷ lệ hồ sơ được số hóa", "XH", "%", "Năm", 0.5, "100%", 0.8],
          ["XH7", "Tỷ lệ dịch vụ công trực tuyến", "XH", "%", "Năm", 60, "80%", 0.7],
        ],
        { formats: [[], [], [], [null, null, null, null, null, null, null, "0%"]] },
      ),
    ]);
    expect(read.indicators.map((i) => [i.code, i.values[0], i.values[1]])).toEqual([
      ["XH4", 0.912, 0.95],
      ["XH6", 0.8, null],
      ["XH7", 70, null],
    ]);
    // 0,912 × 100 = 91,2 and 0,95 × 100 = 95. XH6 has no figure above 1 to compare with; XH7's 0.7 is formatted as 70%.
    expect(read.problems).toEqual([
      {
        severity: "warning",
        sheet: "Chỉ tiêu",
        cell: "H2",
        code: "XH4",
        rule: "percent-fraction",
        params: { value: 0.912, percent: 91.2 },
        message: "0,912 được đọc là 0,912%; có phải 91,2%? Nếu đúng, hãy ghi 91,2.",
        fix: { value: 91.2 },
      },
      {
        severity: "warning",
        sheet: "Chỉ tiêu",
        cell: "I2",
        code: "XH4",
        rule: "percent-fraction",
        params: { value: 0.95, percent: 95 },
        message: "0,95 được đọc là 0,95%; có phải 95%? Nếu đúng, hãy ghi 95.",
        fix: { value: 95 },
      },
    ]);
  });
});

describe("numbers inside a target expression", () => {
  it("should report 2.8000, 1.50.0 and trên 2.8000 as errors at their target cell, never a guess", () => {
    const read = readWorkbook([
      sheet([
        HEADER,
        ["KT4", "Hộ kinh tế cá thể", "KT", "hộ", "Năm", 2500, "2.8000"],
        ["KT7", "Doanh nghiệp, hợp tác xã", "KT", null, "Năm", 1, "1.50.0"],
        ["KT3.4", "Diện tích ngô", "KT", "ha", "Năm", 1009, "trên 2.8000"],
        ["XH5.1", "Tiêu chí nông thôn mới", "XH", "tiêu chí", "Năm", 8, "trên 1.5"],
      ]),
    ]);
    expect(read.indicators.map((i) => [i.code, i.target])).toEqual([
      ["KT4", null],
      ["KT7", null],
      ["KT3.4", null],
      ["XH5.1", { kind: "min", n: 1.5, strict: true }],
    ]);
    const ambiguous = (number: string) =>
      `Không đọc được số “${number}”: dấu chấm không tách đúng nhóm 3 chữ số hàng nghìn, cũng không thể là dấu thập phân; hãy ghi lại số (ví dụ 2.800 hoặc 2,8).`;
    expect(read.problems.map((p) => [p.severity, p.cell, p.code, p.rule, p.message, p.fix])).toEqual([
      ["error", "G2", "KT4", "ambiguous-number", ambiguous("2.8000"), undefined],
      ["error", "G3", "KT7", "ambiguous-number", ambiguous("1.50.0"), undefined],
      ["error", "G4", "KT3.4", "ambiguous-number", ambiguous("2.8000"), undefined],
      [
        "warning",
        "G5",
        "XH5.1",
        "dot-decimal",
        "“1.5” được đọc là 1,5 (dấu chấm không theo sau bởi đúng 3 chữ số nên coi là dấu thập phân); hãy kiểm tra lại, dấu thập phân tiếng Việt là dấu phẩy.",
        undefined,
      ],
    ]);
  });

  it("should report an ambiguous value cell as an error too", () => {
    const read = readWorkbook([sheet([HEADER, ["KT4", "Hộ kinh tế cá thể", "KT", "hộ", "Năm", "2.5000", "trên 2.800"]])]);
    expect(read.problems.map((p) => [p.cell, p.rule])).toEqual([["F2", "ambiguous-number"]]);
    expect(read.indicators[0].invalid).toEqual(new Set(["baseline"]));
  });
});

describe("an unknown Cách tính", () => {
  it("should name the methods it accepts and say how the row is counted", () => {
    const read = readWorkbook([sheet([HEADER, ["XD2", "Kết nạp đảng viên", "XD", "đảng viên", "Tích lũy", 109, "80", 18]])]);
    expect(read.problems.map((p) => [p.cell, p.rule, p.message])).toEqual([
      [
        "E2",
        "bad-method",
        "Cách tính “Tích lũy” không hợp lệ: dùng một trong Năm, Cộng dồn, Tăng bình quân, Hằng năm; chỉ tiêu này được tính là thiếu số liệu.",
      ],
    ]);
  });
});
