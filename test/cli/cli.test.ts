import { Workbook, ValueType, type Worksheet } from "exceljs";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../scripts/cli/cli";
import { buildCli } from "../support/built-cli";

let dir: string;
const today = process.env.COMA_TODAY;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-cli-"));
  process.env.COMA_TODAY = "2027-12-15";
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (today === undefined) delete process.env.COMA_TODAY;
  else process.env.COMA_TODAY = today;
});

/** Runs `coma …` in this process, capturing what it prints. */
async function coma(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const capture = (into: string[]) => ((chunk: unknown) => (into.push(String(chunk)), true)) as typeof process.stdout.write;
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation(capture(out));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(capture(err));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

const at = (name: string) => path.join(dir, name);
const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const lines = (text: string) => text.split("\n").filter((l) => l !== "");

/**
 * The sheet of an official: titles in merged cells above a header without diacritics, text year headers, section
 * and blank rows, Vietnamese text numbers, a %-formatted fraction, error cells, a duplicate code, a bad target and
 * names that look like formulas. Plus the office's own sheet named like the summary.
 */
function messyWorkbook(): Workbook {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Chỉ tiêu");
  sheet.getCell("A1").value = "ĐẢNG ỦY XÃ CO MẠ";
  sheet.mergeCells("A1:C1");
  sheet.getCell("A2").value = "THEO DÕI CHỈ TIÊU NGHỊ QUYẾT NHIỆM KỲ 2025 – 2030";
  sheet.mergeCells("A2:H2");
  const rows: [number, unknown[]][] = [
    [4, ["Ma", "Chi tieu", "DVT", "Co so 2025", "Muc tieu 2030", "Năm 2026", "Năm 2027", "Ghi chu"]],
    [5, [null, "I. KINH TẾ"]],
    [6, ["KT1", "Sản lượng lương thực có hạt", "tấn", 80, "≥ 100", 95, 110]],
    [7, ["KT2", "Giá trị sản xuất nông nghiệp", "triệu đồng", "3.265", "≥ 8.000", null, "8.474,1"]],
    [9, [null, "II. VĂN HÓA – XÃ HỘI"]],
    [10, ["XH1", "Tỷ lệ hộ nghèo", "%", 0.3231, "dưới 30%", null, 31]],
    [11, ["XH2", "Tỷ lệ tham gia bảo hiểm y tế", "%", 98, "100%", { formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }]],
    [12, ["XH3", "Thu nhập bình quân đầu người", "triệu đồng", 12, "đạt 10", null, "126,1 %"]],
    [13, ["XH1", "Dòng chép trùng", "%", 1, "2"]],
    [14, ["XD1", "Kết nạp đảng viên", "đảng viên", 10, "abc"]],
    [15, ["XD2", '=HYPERLINK("x")', "đảng viên", 5, "≥ 5", 5, 6]],
    [16, ["XD3", "@SUM(A1)", "%", 50, "≥ 60", 55, 58]],
  ];
  for (const [row, values] of rows) sheet.getRow(row).values = values as never;
  sheet.getCell("D10").numFmt = "0.00%";
  workbook.addWorksheet("Tổng hợp BTV 2027").getCell("A1").value = "Bảng tự làm của Văn phòng";
  return workbook;
}

async function write(workbook: Workbook, name: string): Promise<string> {
  await workbook.xlsx.writeFile(at(name));
  return at(name);
}

async function open(file: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The 1-based row of the summary's detail table whose Mã is `code`. */
function detailRow(sheet: Worksheet, code: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const value = sheet.getCell(r, 2).value as { result?: unknown } | null;
    if (value && typeof value === "object" && value.result === code) return r;
  }
  throw new Error(`no row for ${code}`);
}

const generatedYears = (workbook: Workbook) =>
  workbook.worksheets.map((s) => String(s.getCell("M1").value ?? "")).filter((v) => v.startsWith("COMA:tong-hop-btv:"));

describe("coma validate", () => {
  let file: string;
  beforeAll(async () => {
    file = await write(messyWorkbook(), "xa.xlsx");
  });

  it("should list every problem at its cell as JSON and exit 1 when there are errors", async () => {
    const before = sha256(file);
    const { code, stdout, stderr } = await coma("validate", file, "--json");
    expect(code).toBe(1);
    expect(stderr).toBe("");
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ file, ok: false, sheets: ["Chỉ tiêu"], indicators: 8 });
    expect(json.problems.map((p: Record<string, unknown>) => [p.severity, p.sheet, p.cell, p.code, p.rule])).toEqual([
      ["warning", "Chỉ tiêu", "D7", "KT2", "text-number"],
      ["warning", "Chỉ tiêu", "G7", "KT2", "text-number"],
      ["error", "Chỉ tiêu", "F11", "XH2", "cell-error"],
      ["error", "Chỉ tiêu", "G11", "XH2", "cell-error"],
      ["warning", "Chỉ tiêu", "G12", "XH3", "text-number"],
      ["error", "Chỉ tiêu", "A13", "XH1", "duplicate-code"],
      ["error", "Chỉ tiêu", "E14", "XD1", "bad-target"],
    ]);
    expect(json.problems[0].message).toBe("Số được ghi dạng chữ “3.265”, đọc là 3.265; nên ghi lại thành số.");
    expect(Object.keys(json.problems[0])).toEqual(["severity", "sheet", "cell", "code", "message", "rule"]);
    expect(sha256(file)).toBe(before);
  });

  it("should print the count of errors first, every error, then the warnings by kind in a terminal's words", async () => {
    const { code, stdout } = await coma("validate", file);
    expect(code).toBe(1);
    expect(lines(stdout).slice(0, 4)).toEqual([
      `Tệp: ${file}`,
      "8 chỉ tiêu (8 dòng mã): 4 lỗi, 3 cảnh báo.",
      "Trang chỉ tiêu: Chỉ tiêu",
      "Lỗi (4), cần sửa trong tệp:",
    ]);
    expect(stdout).toContain("  Chỉ tiêu!G11 [lỗi] XH2: Ô có lỗi #DIV/0!; chỉ tiêu này được tính là thiếu số liệu.\n");
    // 3 text numbers: a kind of 3 lines is listed, not counted
    expect(stdout).toContain(
      "Cảnh báo (3), theo loại:\n  Số ghi dạng chữ (3):\n    Chỉ tiêu!D7 [cảnh báo] KT2: Số được ghi dạng chữ “3.265”, đọc là 3.265; nên ghi lại thành số.\n",
    );
    expect(stdout).not.toContain("bấm");
  });

  it("should exit 1 for a workbook without a target sheet", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Ghi chép").getCell("B3").value = "Họp chi bộ tháng 3";
    const { code, stdout } = await coma("validate", await write(workbook, "ghi-chep.xlsx"), "--json");
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      ok: false,
      sheets: [],
      indicators: 0,
      problems: [{ severity: "error", sheet: null, cell: null, code: null, rule: "no-target-sheet" }],
    });
  });
});

describe("coma summary", () => {
  let file: string;
  let before: string;
  let json: Record<string, unknown> & { indicators: Record<string, unknown>[] };
  const output = () => at("xa-tong-hop-btv-2027.xlsx");
  const row = (code: string) => json.indicators.find((i) => i.code === code)!;

  beforeAll(async () => {
    file = await write(messyWorkbook(), "xa.xlsx");
    before = sha256(file);
    const run = await coma("summary", file, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    json = JSON.parse(run.stdout);
  });

  it("should default to the latest year with values and write beside the source", () => {
    expect(json).toMatchObject({ year: 2027, output: output(), problems: 7 });
    // XH1 and XD3 were Chưa đạt in v1; two years into the term they are on their path (see below)
    expect(json.headline).toBe("Năm 2027: 4/8 chỉ tiêu đã đạt, vượt mục tiêu 2030; 2 chỉ tiêu đúng tiến độ; 2 chỉ tiêu thiếu số liệu.");
    expect(fs.existsSync(output())).toBe(true);
    expect(sha256(file)).toBe(before);
  });

  it("should report each indicator with figures worked by hand", () => {
    expect(json.indicators.map((i) => i.code)).toEqual(["KT1", "KT2", "XH1", "XH2", "XH3", "XD1", "XD2", "XD3"]);
    // 110 against ≥ 100 from 80: 110/100, (110 − 80)/(100 − 80), 30/80; e(2027) = 80 + 20 × 0,4 = 88
    expect(row("KT1")).toEqual({
      code: "KT1",
      name: "Sản lượng lương thực có hạt",
      unit: "tấn",
      method: "Năm",
      baseline: 80,
      target: "≥ 100",
      plan: null,
      previous: 95,
      value: 110,
      actual: 110,
      expected: 88,
      attainment: 1.1,
      planAttainment: null,
      progress: 1.5,
      delta: 30,
      change: 0.375,
      status: "Vượt",
    });
    // text numbers "3.265" and "8.474,1": 8474,1/8000; (8474,1 − 3265)/(8000 − 3265) = 5209,1/4735
    expect(row("KT2")).toMatchObject({ baseline: 3265, target: "≥ 8.000", actual: 8474.1, status: "Vượt" });
    expect(row("KT2").attainment).toBeCloseTo(1.0592625, 10);
    expect(row("KT2").progress).toBeCloseTo(1.10012671594, 10);
    expect(row("KT2").delta).toBeCloseTo(5209.1, 9);
    expect(row("KT2").change).toBeCloseTo(1.59543644717, 10);
    // 0,3231 formatted as 32,31% in a % row is 32.31; 31 against "dưới 30%": 30/31, (31 − 32,31)/(30 − 32,31) = 131/231;
    // e(2027) = 32,31 − 2,31 × 0,4 = 31,386 and 31 is below it: on the path (v1: Chưa đạt)
    expect(row("XH1")).toMatchObject({ baseline: 32.31, target: "dưới 30%", actual: 31, status: "Đúng tiến độ" });
    expect(row("XH1").expected).toBeCloseTo(31.386, 10);
    expect(row("XH1").attainment).toBeCloseTo(0.967741935484, 10);
    expect(row("XH1").progress).toBeCloseTo(0.5670995671, 10);
    expect(row("XH1").delta).toBeCloseTo(-1.31, 10);
    expect(row("XH1").change).toBeCloseTo(-0.040544722996, 10);
    // a #DIV/0! in the year evaluated: no figure at all
    expect(row("XH2")).toEqual({
      code: "XH2",
      name: "Tỷ lệ tham gia bảo hiểm y tế",
      unit: "%",
      method: "Năm",
      baseline: 98,
      target: "100%",
      plan: null,
      previous: null,
      value: null,
      actual: null,
      expected: null,
      attainment: null,
      planAttainment: null,
      progress: null,
      delta: null,
      change: null,
      status: "Thiếu số liệu",
    });
    // "126,1 %" read as 126.1 against "đạt 10" from 12
    expect(row("XH3")).toMatchObject({ actual: 126.1, attainment: 12.61, status: "Vượt" });
    expect(row("XD1")).toMatchObject({ target: "abc", actual: null, attainment: null, status: "Thiếu số liệu" });
    // target equal to the baseline: no progress ratio; the baseline already meets it, so e is the target
    expect(row("XD2")).toEqual({
      code: "XD2",
      name: '=HYPERLINK("x")',
      unit: "đảng viên",
      method: "Năm",
      baseline: 5,
      target: "≥ 5",
      plan: null,
      previous: 5,
      value: 6,
      actual: 6,
      expected: 5,
      attainment: 1.2,
      planAttainment: null,
      progress: null,
      delta: 1,
      change: 0.2,
      status: "Vượt",
    });
    // e(2027) = 50 + 10 × 0,4 = 54 ≤ 58: on the path (v1: Chưa đạt)
    expect(row("XD3")).toMatchObject({
      name: "@SUM(A1)",
      actual: 58,
      expected: 54,
      progress: 0.8,
      delta: 8,
      change: 0.16,
      status: "Đúng tiến độ",
    });
    expect(row("XD3").attainment).toBeCloseTo(0.966666666667, 10);
  });

  it("should count targets by group", () => {
    expect(json.groups).toEqual([
      { group: "KT", total: 2, exceeded: 2, met: 0, onTrack: 0, behind: 0, notMet: 0, noData: 0 },
      { group: "XH", total: 3, exceeded: 1, met: 0, onTrack: 1, behind: 0, notMet: 0, noData: 1 },
      { group: "XD", total: 3, exceeded: 1, met: 0, onTrack: 1, behind: 0, notMet: 0, noData: 1 },
    ]);
  });

  it("should add the summary sheet beside the user's sheet of the same name, with its marker, letterhead and detail rows", async () => {
    const workbook = await open(output());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027", "Tổng hợp BTV 2027 (2)"]);
    expect(workbook.getWorksheet("Tổng hợp BTV 2027")!.getCell("A1").value).toBe("Bảng tự làm của Văn phòng");
    const sheet = workbook.getWorksheet("Tổng hợp BTV 2027 (2)")!;
    expect(sheet.getCell("M1").value).toBe("COMA:tong-hop-btv:2027");
    expect(sheet.getColumn(13).hidden).toBe(true);
    expect(sheet.getCell("A2").value).toBe("ĐẢNG ỦY XÃ CO MẠ");
    expect(sheet.getCell("H1").value).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(sheet.getCell("H4").value).toBe("Co Mạ, ngày 15 tháng 12 năm 2027");
    expect([sheet.getCell("A4").value, sheet.getCell("A6").value]).toEqual(["Số      -BC/ĐU", "BÁO CÁO"]);
    expect(sheet.getCell("A9").value).toBe(json.headline);
    expect(sheet.getCell("A1").font?.name).toBe("Times New Roman");
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });

    const kt1 = detailRow(sheet, "KT1");
    expect(sheet.getCell(kt1, 2).value).toEqual({ formula: `HYPERLINK("#'Chỉ tiêu'!A6","KT1")`, result: "KT1" });
    expect([3, 4, 5, 6, 8, 11, 12].map((c) => sheet.getCell(kt1, c).value)).toEqual([
      "Sản lượng lương thực có hạt",
      "tấn",
      80,
      "≥ 100",
      110,
      1.1,
      "Vượt",
    ]);
    expect(sheet.getCell(detailRow(sheet, "XH2"), 12).value).toBe("Thiếu số liệu");
    for (const [code, name] of [
      ["XD2", '=HYPERLINK("x")'],
      ["XD3", "@SUM(A1)"],
    ]) {
      const cell = sheet.getCell(detailRow(sheet, code), 3);
      expect(cell.value).toBe(name);
      expect([ValueType.String, ValueType.SharedString]).toContain(cell.type);
    }
  });

  it("should replace only its own sheet for the year when run again", async () => {
    const again = at("xa-lan-2.xlsx");
    expect((await coma("summary", output(), "-o", again)).code).toBe(0);
    const workbook = await open(again);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027", "Tổng hợp BTV 2027 (2)"]);
    expect(generatedYears(workbook)).toEqual(["COMA:tong-hop-btv:2027"]);

    const other = at("xa-2026.xlsx");
    const run = await coma("summary", again, "--year", "2026", "-o", other);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Năm 2026: ");
    const both = await open(other);
    expect(both.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027", "Tổng hợp BTV 2027 (2)", "Tổng hợp BTV 2026"]);
    expect(generatedYears(both)).toEqual(["COMA:tong-hop-btv:2027", "COMA:tong-hop-btv:2026"]);
  });

  it("should print the headline, the group table and the detail for people", async () => {
    const { code, stdout } = await coma("summary", file, "-o", at("xa-nguoi-doc.xlsx"));
    expect(code).toBe(0);
    expect(stdout).toContain(`Đã ghi tệp ${at("xa-nguoi-doc.xlsx")}, trang “Tổng hợp BTV 2027 (2)”.`);
    expect(stdout).toContain(json.headline as string);
    // Tổng số, Vượt, Đạt, Đúng tiến độ, Chậm tiến độ, Chưa đạt, Thiếu số liệu: XH1 and XD3 are on their path (v1: Chưa đạt)
    expect(stdout).toMatch(/Tổng cộng\s+8\s+4\s+0\s+2\s+0\s+0\s+2\n/);
    expect(stdout).toContain("Năm đánh giá 2027 (năm gần nhất có số liệu; chọn năm khác bằng --year): ");
    expect(stdout).toContain("Số liệu có 4 lỗi (ô lỗi được tính là thiếu số liệu), 3 cảnh báo: xem danh sách ở cuối phần in ra dưới đây.");
    expect(stdout).not.toMatch(/KT1\s+Sản lượng lương thực có hạt/); // the detail table only with --all
    expect(stdout).toContain("  Chỉ tiêu!E14 [lỗi] XD1: ");
    expect(sha256(file)).toBe(before);
    const all = await coma("summary", file, "--year", "2027", "--all", "-o", at("xa-nguoi-doc-2.xlsx"));
    expect(all.stdout).toMatch(/KT1\s+Sản lượng lương thực có hạt\s+80\s+≥ 100\s+110\s+110%\s+Vượt\n/);
    expect(all.stdout).toContain("Năm đánh giá 2027: ");
  });

  it("should never write over the source", async () => {
    for (const out of [file, path.join(dir, ".", "..", path.basename(dir), "xa.xlsx")]) {
      const { code, stdout, stderr } = await coma("summary", file, "-o", out);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(lines(stderr)).toEqual([
        `Tệp kết quả trùng với tệp gốc “${file}”; COMA không bao giờ ghi đè tệp gốc, hãy chọn tên khác bằng -o.`,
      ]);
    }
    expect(sha256(file)).toBe(before);
  });

  it("should exit 1 and write nothing when no sheet is a target sheet", async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("Ghi chép").getCell("A1").value = "Không có bảng chỉ tiêu";
    const source = await write(workbook, "khong-co.xlsx");
    const { code, stdout, stderr } = await coma("summary", source);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain("Không tìm thấy trang chỉ tiêu nào");
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("khong-co-"))).toEqual([]);
  });
});

describe("unreadable files and bad usage", () => {
  const garbage: [string, () => Buffer][] = [
    ["random bytes", () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 131 + 7) % 256))],
    ["a .csv renamed .xlsx", () => Buffer.from("Mã,Chỉ tiêu,Mục tiêu 2030\nKT1,Thu ngân sách,60\n")],
    ["a truncated zip", () => fs.readFileSync(at("xa.xlsx")).subarray(0, 1500)],
  ];

  it.each(garbage)("should exit 2 with one plain line on stderr for %s", async (_, bytes) => {
    const file = at("hong.xlsx");
    fs.writeFileSync(file, bytes());
    for (const command of ["validate", "summary"]) {
      const { code, stdout, stderr } = await coma(command, file);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(lines(stderr)).toHaveLength(1);
      expect(stderr).toMatch(/^Tệp “.*hong\.xlsx” (không phải|bị hỏng)/);
      expect(stderr).not.toMatch(/\bat\b|Error/);
    }
    expect(fs.existsSync(at("hong-tong-hop-btv-2025.xlsx"))).toBe(false);
    const json = await coma("validate", file, "--json");
    expect(JSON.parse(json.stdout)).toEqual({ file, error: lines(json.stderr)[0] });
  });

  it.each([
    [[], "Thiếu lệnh"],
    [["nap"], "Không có lệnh “nap”"],
    [["validate"], "Thiếu tên tệp"],
    [["validate", "x.xlsx", "--nam", "2027"], "không có tùy chọn “--nam”"],
    [["summary", "x.xlsx", "--year", "2031"], "Năm “2031” không hợp lệ"],
    [["summary", "x.xlsx", "--year"], "tùy chọn “--year” cần một giá trị"],
    [["template", "them.xlsx"], "Lệnh template không nhận thêm “them.xlsx”"],
    [["validate", "khong-co.xlsx"], "Không tìm thấy tệp hoặc thư mục “khong-co.xlsx”"],
  ])("should exit 2 for coma %j", async (argv, sentence) => {
    const { code, stderr } = await coma(...(argv as string[]));
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain(sentence);
  });

  it("should refuse -o with several files and a malformed COMA_TODAY", async () => {
    const several = await coma("summary", at("xa.xlsx"), at("xa.xlsx"), "-o", at("ra.xlsx"));
    expect(several.code).toBe(2);
    expect(several.stderr).toContain("Chỉ dùng được -o khi xử lý một tệp");
    process.env.COMA_TODAY = "15/12/2027";
    try {
      const dated = await coma("summary", at("xa.xlsx"), "-o", at("ra.xlsx"));
      expect(dated.code).toBe(2);
      expect(lines(dated.stderr)).toEqual(["Biến môi trường COMA_TODAY “15/12/2027” không đúng dạng NNNN-TT-NN (ví dụ 2027-12-15)."]);
    } finally {
      process.env.COMA_TODAY = "2027-12-15";
    }
    expect(fs.existsSync(at("ra.xlsx"))).toBe(false);
  });

  it("should print the help and exit 0", async () => {
    const { code, stdout } = await coma("--help");
    expect(code).toBe(0);
    expect(stdout).toContain("coma summary TỆP… [--year NĂM] [-o TỆP_RA] [--json]");
    expect(stdout).toContain("Tệp coma.html làm cùng việc trong trình duyệt");
    expect((await coma("validate", "--help")).code).toBe(0);
  });
});

describe("coma template", () => {
  it("should write the 25 targets, which validate without errors and sum up to 25 targets", async () => {
    const file = at("mau.xlsx");
    const written = await coma("template", "-o", file);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(`Đã ghi tệp mẫu ${file} với 25 chỉ tiêu.\n`);
    expect(lines(written.stderr)).toEqual([
      "Lưu ý: số liệu báo cáo chính trị tự mâu thuẫn ở 10 dòng (KT3.5, KT5.2, XH1, XH2, XH3, XD1.1, XD1.2, XD1.3, XD1.4, XD1.5); COMA giữ số của báo cáo, cột Ghi chú tô vàng trong tệp mẫu nói rõ từng chỗ.",
    ]);

    const checked = await coma("validate", file, "--json");
    expect(checked.code).toBe(0);
    const report = JSON.parse(checked.stdout);
    expect(report).toMatchObject({ ok: true, sheets: ["Chỉ tiêu 2025-2030"] });
    expect(report.problems.every((p: { severity: string }) => p.severity === "warning")).toBe(true);

    const summary = await coma("summary", file, "--year", "2025", "--json");
    expect(summary.code).toBe(0);
    const groups = JSON.parse(summary.stdout).groups as { total: number }[];
    expect(groups.map((g) => g.total)).toEqual([7, 13, 5]);
  });

  it("should keep its hidden marker through the file, so that deleting XD3 from it is named", async () => {
    const file = at("mau-khong-xd3.xlsx");
    expect((await coma("template", "-o", file)).code).toBe(0);
    const workbook = await open(file);
    const sheet = workbook.getWorksheet("Chỉ tiêu 2025-2030")!;
    const rows: number[] = [];
    sheet.eachRow((row, n) => {
      if (["XD3", "XD3.1", "XD3.2"].includes(String(row.getCell(1).value))) rows.push(n);
    });
    for (const n of rows.reverse()) sheet.spliceRows(n, 1);
    await workbook.xlsx.writeFile(file);

    const report = JSON.parse((await coma("validate", file, "--json")).stdout);
    expect(report.problems.filter((p: { rule: string }) => p.rule !== "missing-baseline")).toEqual([
      {
        severity: "warning",
        sheet: null,
        cell: null,
        code: "XD3",
        rule: "missing-from-resolution",
        message: "Thiếu chỉ tiêu XD3 “Năng lực lãnh đạo của chi bộ bản” của Nghị quyết; chỉ tiêu này được tính là thiếu số liệu.",
      },
    ]);
  });
});

describe("coma template over an existing file", () => {
  it("should refuse with exit 2 and leave the bytes unchanged, with or without -o, and replace it with --force", async () => {
    const file = at("da-nhap.xlsx");
    fs.writeFileSync(file, "số liệu đã nhập của văn phòng");
    const before = sha256(file);
    const refused = await coma("template", "-o", file);
    expect([refused.code, refused.stdout]).toEqual([2, ""]);
    expect(lines(refused.stderr)).toEqual([
      `Tệp “${file}” đã có nên không được ghi đè (để không mất số liệu đã nhập): chọn tên khác bằng -o, hoặc thêm --force nếu thật sự muốn thay tệp đó.`,
    ]);
    expect(sha256(file)).toBe(before);

    const forced = await coma("template", "-o", file, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(`Đã ghi tệp mẫu ${file} với 25 chỉ tiêu.\n`);
    expect(sha256(file)).not.toBe(before);
    expect((await open(file)).worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu 2025-2030", "Kết quả 2020-2025 (3 xã)"]);
  });
});

describe("a folder of workbooks", () => {
  it("should check every workbook, print one JSON line each and exit with the worst status", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "huyen-"));
    await messyWorkbook().xlsx.writeFile(path.join(folder, "a.xlsx"));
    fs.copyFileSync(at("mau.xlsx"), path.join(folder, "b.xlsx"));
    fs.writeFileSync(path.join(folder, "c.xlsx"), "không phải excel");
    const { code, stdout, stderr } = await coma("validate", folder, "--json");
    expect(code).toBe(2);
    const notXlsx = `Tệp “${path.join(folder, "c.xlsx")}” không phải là tệp Excel .xlsx nên không đọc được.`;
    const objects = lines(stdout).map((l) => JSON.parse(l));
    expect(objects.map((r) => [path.basename(r.file), r.ok ?? r.error])).toEqual([
      ["a.xlsx", false],
      ["b.xlsx", true],
      ["c.xlsx", notXlsx],
    ]);
    expect(Object.keys(objects[2])).toEqual(["file", "error"]);
    expect(lines(stderr)).toEqual([
      `[1/3] ${path.join(folder, "a.xlsx")}`,
      `[2/3] ${path.join(folder, "b.xlsx")}`,
      `[3/3] ${path.join(folder, "c.xlsx")}`,
      notXlsx,
      "2 tệp đọc được, 1 tệp lỗi.",
    ]);
  });

  it("should name the file on every line about a file and close with a plain count", async () => {
    const folder = fs.mkdtempSync(path.join(dir, "xa-"));
    fs.copyFileSync(at("mau.xlsx"), path.join(folder, "a.xlsx"));
    const empty = new Workbook();
    empty.addWorksheet("Ghi chép").getCell("A1").value = "Không có bảng chỉ tiêu";
    await empty.xlsx.writeFile(path.join(folder, "b.xlsx"));
    const { code, stdout, stderr } = await coma("summary", folder, "--year", "2026");
    expect(code).toBe(1);
    expect(lines(stdout).filter((l) => l.startsWith("["))).toEqual([
      `[1/2] ${path.join(folder, "a.xlsx")}`,
      `[2/2] ${path.join(folder, "b.xlsx")}`,
    ]);
    expect(lines(stdout).at(-1)).toBe("1 tệp đọc được, 1 tệp lỗi.");
    expect(lines(stderr)).toEqual([
      `${path.join(folder, "b.xlsx")}: Không tìm thấy trang chỉ tiêu nào: trong 20 dòng đầu của trang cần có dòng tiêu đề với các cột Mã, Chỉ tiêu và Mục tiêu 2030.`,
    ]);
  });

  it("should count a kind of many warnings and list it with --all", async () => {
    // the template has 34 rows without a baseline: more than 3 lines of one kind
    const counted = await coma("validate", at("mau.xlsx"));
    expect(counted.stdout).toMatch(
      /\n {2}Thiếu số liệu cơ sở năm 2025: \d+ dòng \(KT\d[^)]*, …\)\.\nThêm --all để xem từng dòng cảnh báo\.\n$/,
    );
    expect(counted.stdout).not.toContain("[cảnh báo]");
    const all = await coma("validate", at("mau.xlsx"), "--all");
    expect(lines(all.stdout).filter((l) => l.includes("[cảnh báo]")).length).toBe(
      JSON.parse((await coma("validate", at("mau.xlsx"), "--json")).stdout).problems.length,
    );
  });
});

describe("the installed command", () => {
  const root = path.resolve(__dirname, "../..");

  beforeAll(() => buildCli(), 120_000);

  it("should run as node bin/coma.js with the exit status of the command", () => {
    const run = spawnSync(process.execPath, [path.join(root, "bin", "coma.js"), "validate", at("xa.xlsx"), "--json"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).problems).toHaveLength(7);
    const bad = spawnSync(process.execPath, [path.join(root, "bin", "coma.js"), "summary", at("hong.xlsx")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(lines(bad.stderr)).toHaveLength(1);
  });

  it("should write the template under its default name in the current folder, and not over an existing one", () => {
    const cwd = fs.mkdtempSync(path.join(dir, "mau-"));
    const template = () => spawnSync(process.execPath, [path.join(root, "bin", "coma.js"), "template"], { cwd, encoding: "utf8" });
    expect(template().status).toBe(0);
    expect(fs.existsSync(path.join(cwd, "chi-tieu-co-ma-2025-2030.xlsx"))).toBe(true);
    const again = template();
    expect(again.status).toBe(2);
    expect(lines(again.stderr)).toEqual([
      "Tệp “chi-tieu-co-ma-2025-2030.xlsx” đã có nên không được ghi đè (để không mất số liệu đã nhập): chọn tên khác bằng -o, hoặc thêm --force nếu thật sự muốn thay tệp đó.",
    ]);
  });
});
