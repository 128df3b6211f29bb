import { CATALOGUE } from "./catalogue/targets";
import { FORMER_COMMUNE_RESULTS } from "./catalogue/communes";
import type { CatalogueEntry } from "./catalogue/types";
import { figureFormat, LayoutBuilder, type CellStyle, type SheetLayout } from "./layout";
import { TEMPLATE_MARKER } from "./marker";
import { GROUP_NAMES, GROUPS, YEARS } from "./model";

export const TEMPLATE_SHEET = "Chỉ tiêu 2025-2030";
export const RESULTS_SHEET = "Kết quả 2020-2025 (3 xã)";
/** 1-based row of the template's header. */
export const TEMPLATE_HEADER_ROW = 5;

const COLUMNS = ["Mã", "Chỉ tiêu", "Nhóm", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", ...YEARS, "Ghi chú"];
const HEADER: CellStyle = { bold: true, align: "center", wrap: true, border: true, fill: "D9E1F2" };
const ROMAN = ["I", "II", "III"];
/** The hidden column right of the table that holds the template's marker. */
const MARKER_COLUMN = COLUMNS.length;

/** The sheets `coma template` writes: the 25 targets with baselines, and the 2020–2025 results of the three former communes. */
export function templateLayouts(): SheetLayout[] {
  return [targetSheet(), resultsSheet()];
}

function targetSheet(): SheetLayout {
  const width = COLUMNS.length;
  const b = new LayoutBuilder(TEMPLATE_SHEET, width + 1);
  b.put(0, MARKER_COLUMN, TEMPLATE_MARKER);
  b.put(0, 0, "ĐẢNG ỦY XÃ CO MẠ").merge(0, 0, 0, 2).style(0, 0, 0, 2, { bold: true, align: "center" });
  b.put(1, 0, "CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ CO MẠ LẦN THỨ I, NHIỆM KỲ 2025 – 2030 (25 chỉ tiêu)")
    .merge(1, 0, 1, width - 1).style(1, 0, 1, width - 1, { bold: true, size: 13, align: "center", wrap: true });
  b.put(2, 0, "Cơ sở 2025: kết quả nhiệm kỳ 2020 – 2025 hợp nhất từ 3 xã cũ Co Mạ, Pá Lông, Co Tòng (xem trang “Kết quả 2020-2025 (3 xã)”). Nhập số liệu thực hiện của từng năm vào các cột 2026 … 2030.")
    .merge(2, 0, 2, width - 1).style(2, 0, 2, width - 1, { italic: true, wrap: true });
  const header = TEMPLATE_HEADER_ROW - 1;
  b.putRow(header, 0, COLUMNS).style(header, 0, header, width - 1, HEADER);
  let row = header + 1;
  GROUPS.forEach((group, i) => {
    const entries = CATALOGUE.filter((e) => e.group === group);
    const targets = entries.filter((e) => !e.code.includes(".")).length;
    b.put(row, 1, `${ROMAN[i]}. ${GROUP_NAMES[group].toUpperCase()} (${String(targets).padStart(2, "0")} chỉ tiêu)`)
      .style(row, 0, row, width - 1, { bold: true, fill: "F2F2F2", border: true });
    row++;
    for (const entry of entries) entryRow(b, row++, entry);
  });
  return b.set({ widths: [8, 52, 7, 11, 14, 12, 16, 10, 10, 10, 10, 10, 60, 4], hiddenColumns: [MARKER_COLUMN], freezeRows: TEMPLATE_HEADER_ROW, print: { landscape: true, fitToWidth: true, titleRows: [TEMPLATE_HEADER_ROW, TEMPLATE_HEADER_ROW] } }).build();
}

function entryRow(b: LayoutBuilder, row: number, entry: CatalogueEntry): void {
  const note = [entry.consolidation, ...entry.notes].filter(Boolean).join(" ");
  b.putRow(row, 0, [entry.code, entry.name, entry.group, entry.unit, entry.method]);
  b.put(row, 5, entry.baseline, figureFormat(entry.baseline)).put(row, 6, entry.target);
  b.put(row, 7 + YEARS.length, note);
  // Notes stay on one line (the cell shows them whole when selected): long notes would make rows many lines tall.
  b.style(row, 0, row, COLUMNS.length - 2, { border: true, wrap: true }).style(row, COLUMNS.length - 1, row, COLUMNS.length - 1, { border: true });
  if (entry.target === null) b.style(row, 0, row, 1, { bold: true });
  if (entry.reportConflict) b.style(row, 7 + YEARS.length, row, 7 + YEARS.length, { fill: "FFEB9C" });
}

function resultsSheet(): SheetLayout {
  const columns = ["Mã", "Nội dung", "Xã cũ", "Giá trị", "ĐVT", "Trích báo cáo chính trị", "Vị trí trong báo cáo"];
  const b = new LayoutBuilder(RESULTS_SHEET, columns.length);
  b.put(0, 0, "KẾT QUẢ NHIỆM KỲ 2020 – 2025 CỦA 3 XÃ CŨ VÀ CÁCH HỢP NHẤT THÀNH CƠ SỞ 2025")
    .merge(0, 0, 0, columns.length - 1).style(0, 0, 0, columns.length - 1, { bold: true, size: 13, align: "center" });
  b.putRow(2, 0, columns).style(2, 0, 2, columns.length - 1, HEADER);
  FORMER_COMMUNE_RESULTS.forEach((r, i) => {
    b.putRow(3 + i, 0, [r.code, r.label, r.commune]).put(3 + i, 3, r.value, figureFormat(r.value)).putRow(3 + i, 4, [r.unit, r.source.quote, r.source.where]);
  });
  const after = 3 + FORMER_COMMUNE_RESULTS.length;
  b.style(3, 0, after - 1, columns.length - 1, { border: true, wrap: true });
  b.put(after + 1, 0, "Cách hợp nhất cơ sở 2025").style(after + 1, 0, after + 1, 0, { bold: true });
  b.putRow(after + 2, 0, ["Mã", "Chỉ tiêu", "Cơ sở 2025", "Cách hợp nhất", "Ghi chú"]).style(after + 2, 0, after + 2, 4, HEADER);
  const consolidated = CATALOGUE.filter((e) => e.consolidation !== null || e.notes.length > 0);
  consolidated.forEach((e, i) => {
    b.putRow(after + 3 + i, 0, [e.code, e.name]).put(after + 3 + i, 2, e.baseline, figureFormat(e.baseline)).putRow(after + 3 + i, 3, [e.consolidation, e.notes.join(" ")]);
  });
  b.style(after + 3, 0, after + 2 + consolidated.length, 4, { border: true, wrap: true });
  return b.set({ widths: [8, 40, 12, 14, 30, 70, 24], print: { landscape: true, fitToWidth: true, titleRows: [3, 3] } }).build();
}
