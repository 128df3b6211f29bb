import { figureFormat, LayoutBuilder, PERCENT_FORMAT, type CellStyle, type SheetLayout } from "./layout";
import { markerText } from "./marker";
import { GROUP_NAMES, GROUPS, isFinal, type Status } from "./model";
import type { SummaryModel, SummaryRow } from "./summary";

export const SUMMARY_SHEET_PREFIX = "Tổng hợp BTV";

export function summarySheetName(year: number): string {
  return `${SUMMARY_SHEET_PREFIX} ${year}`;
}

export const STATUS_STYLES: Record<Status, CellStyle> = {
  Vượt: { fill: "C6EFCE", color: "006100", bold: true },
  Đạt: { fill: "E2EFDA", color: "375623" },
  "Đúng tiến độ": { fill: "DDEBF7", color: "1F4E78" },
  "Chậm tiến độ": { fill: "FCE4D6", color: "833C0B", bold: true },
  "Chưa đạt": { fill: "FFC7CE", color: "9C0006" },
  "Không đạt": { fill: "FFC7CE", color: "9C0006", bold: true },
  "Thiếu số liệu": { fill: "FFEB9C", color: "7F6000", italic: true },
};

const WIDTH = 11; // A … K; the marker sits in hidden column L
const MARKER_COLUMN = 11;
const ROMAN = ["I", "II", "III"];
const HEADER: CellStyle = { bold: true, align: "center", wrap: true, border: true, fill: "D9E1F2" };

/** The `Tổng hợp BTV <year>` sheet in the Party document style (docs/rules.md). */
export function summaryLayout(model: SummaryModel, sheetName: string, date: Date): SheetLayout {
  const b = new LayoutBuilder(sheetName, WIDTH + 1);
  const { year } = model;
  letterhead(b, date);
  b.put(5, 0, `BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ CO MẠ NHIỆM KỲ 2025 – 2030`).merge(5, 0, 5, WIDTH - 1).style(5, 0, 5, WIDTH - 1, { bold: true, size: 14, align: "center", wrap: true });
  b.put(6, 0, year === 2025 ? "Vị trí xuất phát năm 2025 so với mục tiêu năm 2030" : `Kết quả thực hiện năm ${year}`).merge(6, 0, 6, WIDTH - 1).style(6, 0, 6, WIDTH - 1, { bold: true, align: "center" });
  b.put(7, 0, model.headline).merge(7, 0, 7, WIDTH - 1).style(7, 0, 7, WIDTH - 1, { italic: true, align: "center" });
  b.put(0, MARKER_COLUMN, markerText(year));

  const detailTop = overview(b, model, 9) + 1;
  const behindTop = detail(b, model, detailTop) + 1;
  signature(b, behind(b, model, behindTop) + 1);
  const headerRow = detailTop + 2; // 1-based row of the detail table header, repeated on every page
  return b
    .set({
      widths: [6, 9, 46, 10, 12, 16, 12, 11, 10, 10, 13, 4],
      hiddenColumns: [MARKER_COLUMN],
      freezeRows: 0,
      print: { landscape: true, fitToWidth: true, titleRows: [headerRow, headerRow] },
    })
    .build();
}

function letterhead(b: LayoutBuilder, date: Date): void {
  b.put(0, 0, "ĐẢNG BỘ TỈNH SƠN LA").merge(0, 0, 0, 2).style(0, 0, 0, 2, { align: "center" });
  b.put(1, 0, "ĐẢNG ỦY XÃ CO MẠ").merge(1, 0, 1, 2).style(1, 0, 1, 2, { bold: true, align: "center" });
  b.put(2, 0, "*").merge(2, 0, 2, 2).style(2, 0, 2, 2, { align: "center" });
  b.put(0, 6, "ĐẢNG CỘNG SẢN VIỆT NAM").merge(0, 6, 0, WIDTH - 1).style(0, 6, 0, WIDTH - 1, { bold: true, underline: true, align: "center" });
  const place = `Co Mạ, ngày ${date.getDate()} tháng ${date.getMonth() + 1} năm ${date.getFullYear()}`;
  b.put(2, 6, place).merge(2, 6, 2, WIDTH - 1).style(2, 6, 2, WIDTH - 1, { italic: true, align: "center" });
}

function overview(b: LayoutBuilder, model: SummaryModel, top: number): number {
  b.put(top, 0, "I. TỔNG HỢP THEO NHÓM CHỈ TIÊU").merge(top, 0, top, WIDTH - 1).style(top, 0, top, WIDTH - 1, { bold: true });
  const notMet = isFinal(model.year) ? "Không đạt" : "Chưa đạt";
  b.putRow(top + 1, 0, ["STT", "Nhóm chỉ tiêu", null, "Tổng số", "Vượt", "Đạt", notMet, "Thiếu số liệu"]).merge(top + 1, 1, top + 1, 2).style(top + 1, 0, top + 1, 7, HEADER);
  const counts = model.groups.map((g) => [g.total, g.exceeded, g.met, g.notMet, g.noData]);
  model.groups.forEach((g, i) => {
    b.putRow(top + 2 + i, 0, [ROMAN[i], GROUP_NAMES[g.group], null, ...counts[i]]).merge(top + 2 + i, 1, top + 2 + i, 2);
  });
  const totalRow = top + 2 + GROUPS.length;
  b.putRow(totalRow, 0, [null, "Tổng cộng", null, ...counts[0].map((_, k) => counts.reduce((s, c) => s + c[k], 0))]).merge(totalRow, 1, totalRow, 2);
  b.style(top + 2, 0, totalRow, 7, { border: true }).style(top + 2, 0, totalRow, 0, { align: "center" }).style(top + 2, 3, totalRow, 7, { align: "center" }).style(totalRow, 0, totalRow, 7, { bold: true });
  return totalRow + 1;
}

function tableHeader(b: LayoutBuilder, row: number, year: number): void {
  b.putRow(row, 0, ["STT", "Mã", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", `Thực hiện ${year}`, "So với cơ sở 2025", "Tiến độ", "Tỷ lệ đạt", "Đánh giá"]);
  b.style(row, 0, row, WIDTH - 1, HEADER);
}

function detail(b: LayoutBuilder, model: SummaryModel, top: number): number {
  b.put(top, 0, "II. CHI TIẾT TỪNG CHỈ TIÊU").merge(top, 0, top, WIDTH - 1).style(top, 0, top, WIDTH - 1, { bold: true });
  tableHeader(b, top + 1, model.year);
  let row = top + 2;
  GROUPS.forEach((group, i) => {
    const rows = model.rows.filter((r) => r.group === group);
    if (rows.length === 0) return;
    b.put(row, 0, `${ROMAN[i]}. ${GROUP_NAMES[group].toUpperCase()}`).merge(row, 0, row, WIDTH - 1).style(row, 0, row, WIDTH - 1, { bold: true, fill: "F2F2F2", border: true });
    row++;
    for (const r of rows) figuresRow(b, row++, r, serial(r.code));
  });
  return row;
}

/** STT from the code: `KT4` → 4 (a number, so Excel does not flag it as text), `KT3.2` → "3.2". */
function serial(code: string): string | number {
  const digits = code.replace(/^[A-Z]+/, "");
  return /^\d+$/.test(digits) ? Number(digits) : digits;
}

function behind(b: LayoutBuilder, model: SummaryModel, top: number): number {
  b.put(top, 0, "III. CÁC CHỈ TIÊU CHẬM TIẾN ĐỘ (thấp nhất trước)").merge(top, 0, top, WIDTH - 1).style(top, 0, top, WIDTH - 1, { bold: true });
  if (model.behind.length === 0) {
    b.put(top + 1, 0, "Không có chỉ tiêu chậm tiến độ.").merge(top + 1, 0, top + 1, WIDTH - 1).style(top + 1, 0, top + 1, WIDTH - 1, { italic: true });
    return top + 2;
  }
  tableHeader(b, top + 1, model.year);
  model.behind.forEach((r, i) => figuresRow(b, top + 2 + i, r, i + 1));
  return top + 2 + model.behind.length;
}

// One object per style, not one per row: the adapters share a style object across the cells that use it.
const FIGURES_ROW: CellStyle = { border: true, wrap: true };
const CENTER: CellStyle = { align: "center" };
const LINK: CellStyle = { color: "0563C1", underline: true };
const TARGET_NAME: CellStyle = { bold: true };
const SUB_METRIC_NAME: CellStyle = { indent: 1 };
const STATUS_CELLS = Object.fromEntries(Object.entries(STATUS_STYLES).map(([status, style]) => [status, { ...style, align: "center" }])) as Record<Status, CellStyle>;

function figuresRow(b: LayoutBuilder, row: number, r: SummaryRow, stt: string | number): void {
  const sub = r.code.includes(".");
  b.put(row, 0, stt).put(row, 1, r.code).put(row, 2, r.name).put(row, 3, r.unit);
  b.put(row, 4, r.baseline, figureFormat(r.baseline)).put(row, 5, r.target);
  b.put(row, 6, r.actual, figureFormat(r.actual));
  b.put(row, 7, r.change, PERCENT_FORMAT).put(row, 8, r.progress, PERCENT_FORMAT).put(row, 9, r.attainment, PERCENT_FORMAT);
  b.put(row, 10, r.status);
  b.link(row, 1, r.sheet, `A${r.row}`);
  b.style(row, 0, row, WIDTH - 1, FIGURES_ROW);
  b.style(row, 0, row, 1, CENTER).style(row, 3, row, 5, CENTER);
  b.style(row, 1, row, 1, LINK);
  b.style(row, 2, row, 2, sub ? SUB_METRIC_NAME : TARGET_NAME);
  b.style(row, 10, row, 10, STATUS_CELLS[r.status]);
}

function signature(b: LayoutBuilder, top: number): void {
  b.put(top, 0, "Nơi nhận:").style(top, 0, top, 0, { bold: true, italic: true });
  b.put(top + 1, 0, "- Ban Thường vụ Đảng ủy xã,").put(top + 2, 0, "- Lưu Văn phòng Đảng ủy.");
  b.put(top, 7, "T/M ĐẢNG ỦY").merge(top, 7, top, WIDTH - 1).style(top, 7, top, WIDTH - 1, { bold: true, align: "center" });
  b.put(top + 1, 7, "(Ký, ghi rõ họ tên)").merge(top + 1, 7, top + 1, WIDTH - 1).style(top + 1, 7, top + 1, WIDTH - 1, { italic: true, align: "center" });
}
