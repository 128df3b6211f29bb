import { describe, expect, it } from "vitest";
import { parseA1 } from "../../core/a1";
import type { CellStyle, SheetLayout } from "../../core/layout";
import type { GroupCount } from "../../core/rollup";
import type { SummaryModel, SummaryRow } from "../../core/summary";
import { STATUS_STYLES, summaryLayout } from "../../core/summary-layout";
import { cellAddress } from "../../core/a1";

const row = (code: string, fields: Partial<SummaryRow> = {}): SummaryRow => ({
  code,
  root: code.split(".")[0],
  group: code.slice(0, 2) as SummaryRow["group"],
  name: `Chỉ tiêu ${code}`,
  unit: "%",
  baseline: 50,
  target: "trên 60",
  method: "Năm",
  sheet: "Chỉ tiêu",
  row: 6,
  isParent: false,
  doubted: false,
  resolutionTarget: null,
  value: null,
  previous: null,
  actual: null,
  expected: null,
  plan: null,
  planAttainment: null,
  attainment: null,
  progress: null,
  delta: null,
  change: null,
  status: "Thiếu số liệu",
  gaps: [],
  ...fields,
});

const count = (group: GroupCount["group"], c: Partial<GroupCount>): GroupCount => ({
  group,
  total: 0,
  exceeded: 0,
  met: 0,
  onTrack: 0,
  behind: 0,
  notMet: 0,
  noData: 0,
  ...c,
});

const KT1 = row("KT1", { row: 6, value: 8.1, previous: 7.2, actual: 8.1, expected: 7.4, attainment: 1.08, status: "Vượt" });
// Cộng dồn: 40 (2026) + 50 (2027) = 90 lũy kế, v(2027) = 50
const KT3_1 = row("KT3.1", {
  root: "KT3",
  row: 8,
  method: "Cộng dồn",
  unit: "ha",
  value: 50,
  previous: 40,
  actual: 90,
  expected: 60,
  attainment: 0.6,
  status: "Chậm tiến độ",
});
// Tăng bình quân: 59.856 → 65.000 over 2 years = (65000 / 59856)^(1/2) − 1 = 4,21 %/năm
const KT3_5 = row("KT3.5", {
  root: "KT3",
  row: 9,
  method: "Tăng bình quân",
  unit: "con",
  value: 65000,
  previous: 62000,
  actual: 4.21,
  attainment: 0.421,
  status: "Chưa đạt",
});
const XH4 = row("XH4", { row: 20, value: 99, previous: 98, actual: 99, expected: 98.8, attainment: 0.99, status: "Đúng tiến độ" });
const XD2 = row("XD2", { row: 30, status: "Thiếu số liệu" });

const ROWS = [KT1, row("KT3", { isParent: true, row: 7, status: "Chậm tiến độ" }), KT3_1, KT3_5, XH4, XD2];

const model = (fields: Partial<SummaryModel> = {}): SummaryModel => ({
  year: 2027,
  headline:
    "Năm 2027: 1/4 chỉ tiêu đã đạt, vượt mục tiêu 2030; 1 chỉ tiêu đúng tiến độ; 1 chỉ tiêu chậm tiến độ; 1 chỉ tiêu thiếu số liệu.",
  groups: [count("KT", { total: 2, exceeded: 1, behind: 1 }), count("XH", { total: 1, onTrack: 1 }), count("XD", { total: 1, noData: 1 })],
  rows: ROWS,
  detail: fields.rows ?? ROWS,
  doubts: [],
  behind: [KT3_5, KT3_1],
  coverage: { rows: 5, withValue: 4 },
  planHeadline: null,
  hasPlans: false,
  skipped: { cells: 2, codes: ["XD2"] },
  ...fields,
});

const DATE = new Date(2027, 11, 15);
const at = (layout: SheetLayout, address: string) => {
  const { row, column } = parseA1(address);
  return layout.values[row]?.[column] ?? null;
};
/** Every cell holding `text`, as A1 addresses. */
const find = (layout: SheetLayout, text: string | number) =>
  layout.values.flatMap((values, r) => values.flatMap((v, c) => (v === text ? [cellAddress(r, c)] : [])));
/** The style a cell ends with, later ranges adding to earlier ones (as the adapters apply them). */
const styleOf = (layout: SheetLayout, address: string): CellStyle => {
  const { row, column } = parseA1(address);
  return layout.styles
    .filter(({ range }) => {
      const r = parseA1(range);
      return row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;
    })
    .reduce<CellStyle>((style, s) => ({ ...style, ...s.style }), {});
};
const rowOf = (address: string) => parseA1(address).row;
const texts = (layout: SheetLayout) => layout.values.flat().filter((v): v is string => typeof v === "string");

describe("the summary sheet in the 36-HD/VPTW form", () => {
  const layout = summaryLayout(model(), "Tổng hợp BTV 2027", DATE);

  it("should put the letterhead left and right, the number left blank for the office", () => {
    expect([at(layout, "A1"), at(layout, "A2"), at(layout, "A3"), at(layout, "A4")]).toEqual([
      "ĐẢNG BỘ TỈNH SƠN LA",
      "ĐẢNG ỦY XÃ CO MẠ",
      "*",
      "Số      -BC/ĐU",
    ]);
    expect(styleOf(layout, "A2")).toMatchObject({ bold: true });
    // 12 detail columns without plans: the right block is columns H … L
    expect(find(layout, "ĐẢNG CỘNG SẢN VIỆT NAM")).toEqual(["H1"]);
    expect(styleOf(layout, "H1")).toMatchObject({ bold: true, underline: true });
    expect(find(layout, "Co Mạ, ngày 15 tháng 12 năm 2027")).toEqual(["H4"]);
    expect(styleOf(layout, "H4")).toMatchObject({ italic: true });
  });

  it("should title the report BÁO CÁO with the subject line of the year under it", () => {
    const [title] = find(layout, "BÁO CÁO");
    const subject = "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030, năm 2027";
    expect(find(layout, subject)).toEqual([`A${rowOf(title) + 2}`]);
    expect(layout.merges).toContain(`${title}:L${rowOf(title) + 1}`);
  });

  it("should give the headline, then the year and how many rows have a value", () => {
    const [headline] = find(layout, model().headline);
    expect(at(layout, `A${rowOf(headline) + 2}`)).toBe("Năm đánh giá: 2027; 4/5 dòng chỉ tiêu có số liệu thực hiện năm 2027.");
  });

  it("should add the plan sentence when there are plans, and only then", () => {
    const planned = summaryLayout(
      model({ hasPlans: true, planHeadline: "So với kế hoạch năm 2027: 1/2 chỉ tiêu đạt và vượt." }),
      "T",
      DATE,
    );
    const [headline] = find(planned, model().headline);
    expect(at(planned, `A${rowOf(headline) + 2}`)).toBe("So với kế hoạch năm 2027: 1/2 chỉ tiêu đạt và vượt.");
    expect(texts(layout).filter((t) => t.startsWith("So với kế hoạch"))).toEqual([]);
  });

  it("should end with Nơi nhận on the left and T/M ĐẢNG ỦY, BÍ THƯ on the right with room to sign", () => {
    const [recipients] = find(layout, "Nơi nhận:");
    const onBehalf = find(layout, "T/M ĐẢNG ỦY");
    expect(onBehalf).toEqual([`H${rowOf(recipients) + 1}`]);
    expect(find(layout, "BÍ THƯ")).toEqual([`H${rowOf(recipients) + 2}`]);
    expect(layout.values.length - 1 - (rowOf(recipients) + 1)).toBeGreaterThanOrEqual(4); // empty rows under BÍ THƯ
  });

  it("should print A4 landscape in Times New Roman with the detail header repeated on every page", () => {
    const [detailHeader] = find(layout, "Thực hiện 2027");
    expect(layout.font).toBe("Times New Roman");
    expect(layout.print).toEqual({ landscape: true, fitToWidth: true, titleRows: [rowOf(detailHeader) + 1, rowOf(detailHeader) + 1] });
    // columns of 12 detail columns: 5+7+36+10+9+10+9+10+13+12+8+13 = 142 characters, about one landscape page
    expect(layout.widths.slice(0, 12).reduce((s, w) => s + w, 0)).toBe(142);
  });
});

describe("the detail table", () => {
  const layout = summaryLayout(model(), "T", DATE);
  const [header] = find(layout, "STT").filter((a) => at(layout, a.replace("A", "B")) === "Mã");
  const headers = layout.values[rowOf(header)].slice(0, 12);

  it("should show the year's figures beside the previous year and the path, without plan columns when there are no plans", () => {
    expect(headers).toEqual([
      "STT",
      "Mã",
      "Chỉ tiêu",
      "ĐVT",
      "Cơ sở 2025",
      "Mục tiêu 2030",
      "Thực hiện 2026",
      "Thực hiện 2027",
      "Giá trị đánh giá",
      "Lộ trình 2027",
      "Tỷ lệ đạt",
      "Đánh giá",
    ]);
  });

  it("should show the plan and the attainment against it only with plans", () => {
    const planned = summaryLayout(model({ hasPlans: true, rows: [{ ...KT1, plan: "8", planAttainment: 8.1 / 8 }], behind: [] }), "T", DATE);
    const [kt1] = find(planned, "KT1");
    expect(planned.values[rowOf(kt1) - 2].slice(0, 14)).toEqual([
      "STT",
      "Mã",
      "Chỉ tiêu",
      "ĐVT",
      "Cơ sở 2025",
      "Mục tiêu 2030",
      "Kế hoạch 2027",
      "So với kế hoạch",
      "Thực hiện 2026",
      "Thực hiện 2027",
      "Giá trị đánh giá",
      "Lộ trình 2027",
      "Tỷ lệ đạt",
      "Đánh giá",
    ]);
    // 8,1 against a plan of 8 → 1,0125
    expect(planned.values[rowOf(kt1)].slice(6, 8)).toEqual(["8", 1.0125]);
    expect(texts(layout).filter((t) => t.startsWith("Kế hoạch"))).toEqual([]);
  });

  it("should give v(y) as entered and the evaluated value with its unit words only where it differs", () => {
    const values = (code: string) => layout.values[rowOf(find(layout, code)[0])];
    const formats = (code: string) => layout.formats[rowOf(find(layout, code)[0])];
    expect(values("KT1").slice(4, 12)).toEqual([50, "trên 60", 7.2, 8.1, null, 7.4, 1.08, "Vượt"]);
    expect(values("KT3.1").slice(6, 9)).toEqual([40, 50, 90]);
    expect(formats("KT3.1")[8]).toBe(`#,##0" lũy kế"`);
    expect(values("KT3.5").slice(6, 9)).toEqual([62000, 65000, 4.21]);
    expect(formats("KT3.5")[8]).toBe(`0.00" %/năm"`);
  });

  it("should link each row back to its source row, printed as plain black text", () => {
    const detailRows = layout.links.filter((l) => ["KT1", "KT3", "KT3.1", "KT3.5", "XH4", "XD2"].includes(String(at(layout, l.cell))));
    expect(detailRows.slice(0, 6).map((l) => [at(layout, l.cell), l.address])).toEqual([
      ["KT1", "A6"],
      ["KT3", "A7"],
      ["KT3.1", "A8"],
      ["KT3.5", "A9"],
      ["XH4", "A20"],
      ["XD2", "A30"],
    ]);
    const blue = layout.links.filter((l) => styleOf(layout, l.cell).color !== "000000" || styleOf(layout, l.cell).underline);
    expect(blue).toEqual([]);
  });

  it("should keep every cell but the name, unit, target and plan on one line", () => {
    const wrapped = layout.styles.filter((s) => s.style.wrap && parseA1(s.range).row > rowOf(header)).map((s) => parseA1(s.range).column);
    // 0: the full-width lines; 1: a code marked `(*)` may take two lines
    expect([...new Set(wrapped)].filter((c) => ![0, 1, 2, 3, 5].includes(c))).toEqual([]);
  });
});

describe("the overview and its chart", () => {
  const layout = summaryLayout(model(), "T", DATE);
  const [header] = find(layout, "Nhóm chỉ tiêu");

  it("should count targets by group with a column per status of a year within the term", () => {
    const r = rowOf(header);
    expect(layout.values[r].slice(0, 11)).toEqual([
      "STT",
      "Nhóm chỉ tiêu",
      null,
      "Tổng số",
      "Vượt",
      "Đạt",
      "Đúng tiến độ",
      "Chậm tiến độ",
      "Chưa đạt",
      "Thiếu số liệu",
      null,
    ]);
    expect(layout.values.slice(r + 1, r + 5).map((v) => v.slice(0, 10))).toEqual([
      ["I", "Kinh tế", null, 2, 1, 0, 0, 1, 0, 0],
      ["II", "Văn hóa – Xã hội – Môi trường", null, 1, 0, 0, 1, 0, 0, 0],
      ["III", "Xây dựng Đảng và hệ thống chính trị", null, 1, 0, 0, 0, 0, 0, 1],
      [null, "Tổng cộng", null, 4, 1, 0, 1, 1, 0, 1],
    ]);
  });

  it("should chart the overview: the groups as categories, one series per status column in its colour", () => {
    const r = rowOf(header) + 1; // 0-based row of the header → the groups are 1-based rows r + 1 … r + 3
    expect(layout.chart).toMatchObject({ title: "Kết quả các chỉ tiêu theo nhóm, năm 2027", categories: `B${r + 1}:B${r + 3}` });
    expect(layout.chart!.series).toEqual([
      { name: "Vượt", values: `E${r + 1}:E${r + 3}`, color: STATUS_STYLES["Vượt"].fill },
      { name: "Đạt", values: `F${r + 1}:F${r + 3}`, color: STATUS_STYLES["Đạt"].fill },
      { name: "Đúng tiến độ", values: `G${r + 1}:G${r + 3}`, color: STATUS_STYLES["Đúng tiến độ"].fill },
      { name: "Chậm tiến độ", values: `H${r + 1}:H${r + 3}`, color: STATUS_STYLES["Chậm tiến độ"].fill },
      { name: "Chưa đạt", values: `I${r + 1}:I${r + 3}`, color: STATUS_STYLES["Chưa đạt"].fill },
      { name: "Thiếu số liệu", values: `J${r + 1}:J${r + 3}`, color: STATUS_STYLES["Thiếu số liệu"].fill },
    ]);
  });

  it("should anchor the chart on empty cells between the overview and the detail table", () => {
    const area = parseA1(layout.chart!.anchor);
    const [detailTitle] = find(layout, "II. CHI TIẾT TỪNG CHỈ TIÊU");
    expect(area.row).toBeGreaterThan(rowOf(header) + 4);
    expect(area.row + area.rows).toBeLessThanOrEqual(rowOf(detailTitle));
    const covered = layout.values
      .slice(area.row, area.row + area.rows)
      .flat()
      .filter((v) => v !== null);
    expect(covered).toEqual([]);
  });

  it("should show Không đạt in 2030 and no on-track columns", () => {
    const final = summaryLayout(
      model({
        year: 2030,
        groups: [count("KT", { total: 2, met: 1, notMet: 1 }), count("XH", { total: 1, met: 1 }), count("XD", { total: 1, noData: 1 })],
      }),
      "T",
      DATE,
    );
    const [h] = find(final, "Nhóm chỉ tiêu");
    expect(final.values[rowOf(h)].slice(3, 8)).toEqual(["Tổng số", "Vượt", "Đạt", "Không đạt", "Thiếu số liệu"]);
    expect(final.chart!.series.map((s) => s.name)).toEqual(["Vượt", "Đạt", "Không đạt", "Thiếu số liệu"]);
  });

  it("should give the starting position of 2025 its own subject and no year-on-year columns", () => {
    const start = summaryLayout(
      model({
        year: 2025,
        groups: [count("KT", { total: 2, met: 1, notMet: 1 }), count("XH", { total: 1, met: 1 }), count("XD", { total: 1, noData: 1 })],
        behind: [],
      }),
      "T",
      DATE,
    );
    expect(texts(start)).toContain(
      "Vị trí xuất phát năm 2025 của các chỉ tiêu Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030",
    );
    const [kt1] = find(start, "KT1");
    expect(start.values[rowOf(kt1) - 2].slice(0, 8)).toEqual([
      "STT",
      "Mã",
      "Chỉ tiêu",
      "ĐVT",
      "Cơ sở 2025",
      "Mục tiêu 2030",
      "Tỷ lệ đạt",
      "Đánh giá",
    ]);
  });
});

describe("the behind list and the skipped problems", () => {
  const layout = summaryLayout(model(), "T", DATE);
  const [title] = find(layout, "III. CÁC CHỈ TIÊU CHẬM TIẾN ĐỘ, CHƯA ĐẠT (xa lộ trình nhất trước)");

  it("should list only the behind rows, in the order core gave", () => {
    const listed = layout.values
      .slice(rowOf(title) + 2)
      .map((v) => v[1])
      .filter((v) => typeof v === "string" && /^[A-Z]{2}\d/.test(v));
    expect(listed).toEqual(["KT3.5", "KT3.1"]);
    const withMet = summaryLayout(model({ behind: [KT3_5, KT1] }), "T", DATE);
    const [t] = find(withMet, "III. CÁC CHỈ TIÊU CHẬM TIẾN ĐỘ, CHƯA ĐẠT (xa lộ trình nhất trước)");
    expect(
      withMet.values
        .slice(rowOf(t) + 2)
        .map((v) => v[1])
        .filter((v) => v === "KT1"),
    ).toEqual([]);
  });

  it("should say so when no row is behind", () => {
    expect(texts(summaryLayout(model({ behind: [] }), "T", DATE))).toContain("Không có chỉ tiêu chậm tiến độ hoặc chưa đạt.");
  });

  it("should note how many cells the figures skipped and which codes they left without data", () => {
    expect(texts(layout)).toEqual(
      expect.arrayContaining([
        "Có 2 ô số liệu lỗi không được tính (xem danh sách lỗi khi kiểm tra tệp).",
        "Vì các ô này, 1 chỉ tiêu được tính là “Thiếu số liệu”: XD2.",
      ]),
    );
    expect(texts(summaryLayout(model({ skipped: { cells: 0, codes: [] } }), "T", DATE))).toContain(
      "Không có ô số liệu lỗi: mọi số liệu đã nhập đều được tính.",
    );
  });
});
