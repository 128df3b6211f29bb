import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../core/catalogue/targets";
import type { Cell, SheetGrid } from "../../core/grid";
import { TEMPLATE_MARKER } from "../../core/marker";
import { nameShare, NAME_SHARE } from "../../core/resolution";
import { readWorkbook } from "../../core/sheet";
import { TEMPLATE_SHEET, templateLayouts } from "../../core/template-layout";

const RESOLUTION_RULES = ["missing-from-resolution", "target-differs"];
const resolutionProblems = (read: ReturnType<typeof readWorkbook>) => read.problems.filter((p) => RESOLUTION_RULES.includes(p.rule));

/** The template's sheets as an adapter reads them, with `edit` applied to the target sheet's rows. */
function template(edit: (rows: Cell[][]) => Cell[][] = (rows) => rows): SheetGrid[] {
  return templateLayouts().map((layout) => ({
    name: layout.name,
    values: layout.name === TEMPLATE_SHEET ? edit(layout.values.map((row) => [...row])) : layout.values,
  }));
}
const without =
  (...codes: string[]) =>
  (rows: Cell[][]) =>
    rows.filter((row) => !codes.includes(String(row[0])));
const rowOf = (rows: Cell[][], code: string) => rows.findIndex((row) => row[0] === code);

/** A commune's own sheet, typed from the resolution with shortened and reworded names and no marker. */
const SHORT_NAMES: Record<string, string> = {
  KT4: "Số hộ KT cá thể nông, lâm, thủy sản",
  KT6: "Độ che phủ rừng",
  XH3: "Tỉ lệ hộ nghèo (đa chiều)",
  XH4: "Tỷ lệ tham gia BHYT",
  XH9: "Thu gom rác thải sinh hoạt",
  XH10: "Nước sinh hoạt hợp vệ sinh",
  XD2: "Kết nạp đảng viên mới",
  "XD5.2": "CBCC được bồi dưỡng kỹ năng số",
};
function communeSheet(skip: string[] = []): SheetGrid {
  const rows = CATALOGUE.filter((e) => !skip.includes(e.code)).map((e): Cell[] => [
    e.code,
    SHORT_NAMES[e.code] ?? e.name,
    e.unit,
    e.baseline,
    e.target,
  ]);
  return { name: "Theo dõi NQ", values: [["Mã số", "Nội dung chỉ tiêu", "ĐVT", "Cơ sở", "Mục tiêu NQ 2030"], ...rows] };
}

describe("the template against the resolution", () => {
  it("should carry the template's marker in the first row of its target sheet", () => {
    const [targetSheet] = templateLayouts();
    expect(targetSheet.values[0]).toContain(TEMPLATE_MARKER);
    expect(targetSheet.hiddenColumns).toEqual([targetSheet.values[0].indexOf(TEMPLATE_MARKER)]);
  });

  it("should find nothing missing and no target that differs in the template itself", () => {
    const read = readWorkbook(template());
    expect(read.missing).toEqual([]);
    expect(resolutionProblems(read)).toEqual([]);
  });

  it("should warn once for a deleted target, naming XD3, and list it in read.missing", () => {
    const read = readWorkbook(template(without("XD3", "XD3.1", "XD3.2")));
    expect(read.missing).toEqual([{ code: "XD3", root: "XD3", group: "XD", name: "Năng lực lãnh đạo của chi bộ bản" }]);
    expect(resolutionProblems(read)).toEqual([
      {
        severity: "warning",
        sheet: null,
        cell: null,
        code: "XD3",
        rule: "missing-from-resolution",
        params: { code: "XD3", name: "Năng lực lãnh đạo của chi bộ bản" },
        message: "Thiếu chỉ tiêu XD3 “Năng lực lãnh đạo của chi bộ bản” của Nghị quyết; chỉ tiêu này được tính là thiếu số liệu.",
      },
    ]);
  });

  it("should list a deleted sub-metric, never its parent, and nothing for a deleted parent row alone", () => {
    expect(readWorkbook(template(without("XD3.2"))).missing.map((m) => m.code)).toEqual(["XD3.2"]);
    expect(readWorkbook(template(without("KT3.1", "KT3.5"))).missing.map((m) => m.code)).toEqual(["KT3.1", "KT3.5"]);
    expect(readWorkbook(template(without("XD3"))).missing).toEqual([]);
  });

  it("should warn at a reworded target, quoting the resolution, and keep the sheet's own target", () => {
    const read = readWorkbook(
      template((rows) => {
        rows[rowOf(rows, "KT4")][6] = "trên 2.500"; // the resolution says trên 2.800
        rows[rowOf(rows, "XH3")][6] = "< 30 %"; // the same target as dưới 30%, written another way
        return rows;
      }),
    );
    const kt4 = read.indicators.find((i) => i.code === "KT4")!;
    expect(kt4.target).toEqual({ kind: "min", n: 2500, strict: true });
    expect(resolutionProblems(read)).toEqual([
      {
        severity: "warning",
        sheet: TEMPLATE_SHEET,
        cell: `G${kt4.row}`,
        code: "KT4",
        rule: "target-differs",
        params: { text: "trên 2.500", resolution: "trên 2.800" },
        message: "Mục tiêu “trên 2.500” khác với Nghị quyết (“trên 2.800”); vẫn dùng mục tiêu ghi trên trang.",
      },
    ]);
  });

  it("should check a template whose rows were moved under extra title rows by its marker alone", () => {
    const read = readWorkbook(template((rows) => [[null, "BẢN THEO DÕI CỦA VĂN PHÒNG"], ...without("XH13", "XH13.1", "XH13.2")(rows)]));
    expect(read.missing.map((m) => m.code)).toEqual(["XH13"]);
  });
});

describe("a workbook without the marker", () => {
  it("should be checked when its codes and shortened names are the resolution's", () => {
    const read = readWorkbook([communeSheet(["XD3", "XD3.1", "XD3.2"])]);
    expect(read.missing.map((m) => m.code)).toEqual(["XD3"]);
    expect(resolutionProblems(read).map((p) => [p.code, p.rule])).toEqual([["XD3", "missing-from-resolution"]]);
  });

  it("should not be checked when it is another commune's: the same codes under other names", () => {
    const other: Cell[][] = [
      ["KT1", "Sản lượng lương thực có hạt", "tấn", 1200, "≥ 1.500"],
      ["KT2", "Diện tích cà phê", "ha", 300, "500"],
      ["KT4", "Số km đường giao thông được cứng hóa", "km", 20, "35"],
      ["XH3", "Tỷ lệ trẻ em suy dinh dưỡng", "%", 18, "dưới 12"],
      ["XH4", "Số hộ dùng điện lưới", "hộ", 900, "1.100"],
      ["XD2", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", "%", 60, "80%"],
    ];
    const read = readWorkbook([{ name: "Chỉ tiêu xã khác", values: [["Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030"], ...other] }]);
    expect(read.missing).toEqual([]);
    expect(read.problems).toEqual([]);
  });

  it("should not be checked when it holds only a few of the resolution's targets", () => {
    const few = communeSheet(CATALOGUE.map((e) => e.code).filter((c) => !["KT4", "XH3", "XH4"].includes(c)));
    const read = readWorkbook([few]);
    expect(read.indicators.map((i) => i.code)).toEqual(["KT4", "XH3", "XH4"]);
    expect(read.missing).toEqual([]);
    expect(resolutionProblems(read)).toEqual([]);
  });
});

describe("matching a shortened or reworded name", () => {
  // share = words of the sheet's name found in the catalogue's name / words of the sheet's name
  it.each([
    ["XH3", "Tỷ lệ hộ nghèo", 1], // 4 of 4
    ["XH3", "Tỉ lệ hộ nghèo (đa chiều)", 1], // tỉ = tỷ; 6 of 6
    ["KT4", "Hộ kinh tế cá thể", 1], // 5 of 5
    ["KT4", "Số hộ KT cá thể nông, lâm, thủy sản", 8 / 9], // "kt" is not in the catalogue's name
    ["XH4", "Tỷ lệ tham gia BHYT", 4 / 5], // "bhyt" is not
    ["KT6", "Độ che phủ rừng", 3 / 4], // "do" is not
    ["KT7", "Số doanh nghiệp, HTX", 3 / 4],
    ["XD5.2", "CBCC được bồi dưỡng kỹ năng số", 6 / 7],
    ["KT2", "Tăng trưởng GTSX bình quân", 3 / 5], // tang, binh, quan of tang, truong, gtsx, binh, quan
  ])("should match %s named %j (share %d)", (code, name, share) => {
    expect(nameShare(code, name)).toBeCloseTo(share, 10);
    expect(nameShare(code, name)).toBeGreaterThanOrEqual(NAME_SHARE);
  });

  it.each([
    ["XH3", "Tỷ lệ trẻ em suy dinh dưỡng", 2 / 7], // ti, le
    ["KT4", "Sản lượng lương thực", 1 / 3], // words san, luong, thuc: only "sản" (of thủy sản) is KT4's
    ["XH4", "Số km đường giao thông", 1 / 5], // "số" (of dân số) only
    ["XD2", "Tỷ lệ hộ có nhà tiêu hợp vệ sinh", 0],
    ["KT9", "Hộ kinh tế cá thể", 0], // not a catalogue code
  ])("should not match %s named %j (share %d)", (code, name, share) => {
    expect(nameShare(code, name)).toBeCloseTo(share, 10);
    expect(nameShare(code, name)).toBeLessThan(NAME_SHARE);
  });
});
