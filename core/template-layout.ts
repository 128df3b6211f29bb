import { CATALOGUE } from "./catalogue/targets";
import { FORMER_COMMUNE_RESULTS } from "./catalogue/communes";
import { suggestedKeeper } from "./catalogue/keepers";
import type { CatalogueEntry } from "./catalogue/types";
import { figureFormat, LayoutBuilder, type CellStyle, type SheetLayout } from "./layout";
import { TEMPLATE_MARKER } from "./marker";
import { GROUP_NAMES, GROUPS, YEARS } from "./model";

export const TEMPLATE_SHEET = "Chỉ tiêu 2025-2030";
export const RESULTS_SHEET = "Kết quả 2020-2025 (3 xã)";
/** 1-based row of the template's header. */
export const TEMPLATE_HEADER_ROW = 5;

/** The template's header, the columns a target sheet has. */
export const TEMPLATE_COLUMNS: readonly (string | number)[] = [
  "Mã",
  "Chỉ tiêu",
  "Nhóm",
  "ĐVT",
  "Cách tính",
  "Cơ sở 2025",
  "Mục tiêu 2030",
  ...YEARS,
  "Ghi chú",
  "Đơn vị theo dõi",
];
const HEADER: CellStyle = { bold: true, align: "center", wrap: true, border: true, fill: "D9E1F2" };
const ROMAN = ["I", "II", "III"];
const ENTRY: CellStyle = { border: true, wrap: true };
/** Notes wrap in a narrow column, in a smaller size so that the long ones stay a few lines. */
const NOTE: CellStyle = { size: 11 };
/** `Đơn vị theo dõi`: the suggested body per target (core/catalogue/keepers.ts, docs/units.md), which the office edits. */
const KEEPER_COLUMN = TEMPLATE_COLUMNS.indexOf("Đơn vị theo dõi");
/** The hidden column right of the table that holds the template's marker. */
const MARKER_COLUMN = TEMPLATE_COLUMNS.length;

/** The sheets `coma template` writes: the 25 targets with baselines, and the 2020–2025 results of the three former communes. */
export function templateLayouts(): SheetLayout[] {
  return [targetSheet(), resultsSheet()];
}

function targetSheet(): SheetLayout {
  const width = TEMPLATE_COLUMNS.length;
  const b = new LayoutBuilder(TEMPLATE_SHEET, width + 1);
  b.put(0, MARKER_COLUMN, TEMPLATE_MARKER);
  b.put(0, 0, "ĐẢNG ỦY XÃ CO MẠ").merge(0, 0, 0, 2).style(0, 0, 0, 2, { bold: true, align: "center" });
  b.put(1, 0, "CÁC CHỈ TIÊU CHỦ YẾU NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ CO MẠ LẦN THỨ I, NHIỆM KỲ 2025 – 2030 (25 chỉ tiêu)")
    .merge(1, 0, 1, width - 1)
    .style(1, 0, 1, width - 1, { bold: true, size: 13, align: "center", wrap: true });
  b.put(
    2,
    0,
    "Cơ sở 2025: kết quả nhiệm kỳ 2020 – 2025 hợp nhất từ 3 xã cũ Co Mạ, Pá Lông, Co Tòng (xem trang “Kết quả 2020-2025 (3 xã)”). Nhập số liệu thực hiện của từng năm vào các cột 2026 … 2030.",
  )
    .merge(2, 0, 2, width - 1)
    .style(2, 0, 2, width - 1, { italic: true, wrap: true });
  const header = TEMPLATE_HEADER_ROW - 1;
  b.putRow(header, 0, TEMPLATE_COLUMNS).style(header, 0, header, width - 1, HEADER);
  let row = header + 1;
  GROUPS.forEach((group, i) => {
    const entries = CATALOGUE.filter((e) => e.group === group);
    const targets = entries.filter((e) => !e.code.includes(".")).length;
    b.put(row, 1, `${ROMAN[i]}. ${GROUP_NAMES[group].toUpperCase()} (${String(targets).padStart(2, "0")} chỉ tiêu)`).style(
      row,
      0,
      row,
      width - 1,
      { bold: true, fill: "F2F2F2", border: true },
    );
    row++;
    for (const entry of entries) entryRow(b, row++, entry);
  });
  // About one landscape page wide (a page holds about 146 characters at 100 %): printed at about 85 %, not smaller.
  return b
    .set({
      widths: [8, 34, 7, 10, 10, 10, 12, 8, 8, 8, 8, 8, 32, 16, 4],
      hiddenColumns: [MARKER_COLUMN],
      freezeRows: TEMPLATE_HEADER_ROW,
      print: { landscape: true, fitToWidth: true, titleRows: [TEMPLATE_HEADER_ROW, TEMPLATE_HEADER_ROW] },
    })
    .build();
}

/** A note as a sentence: the catalogue's consolidation lines end without a full stop. */
function sentence(text: string): string {
  return /[.!?\u2026]$/.test(text) ? text : `${text}.`;
}

/** The `Ghi chú` of a row: how the baseline was formed, then the notes, each a whole sentence. */
export function entryNote(entry: CatalogueEntry): string {
  return [entry.consolidation, ...entry.notes]
    .filter((t): t is string => !!t)
    .map(sentence)
    .join(" ");
}

function entryRow(b: LayoutBuilder, row: number, entry: CatalogueEntry): void {
  b.putRow(row, 0, [entry.code, entry.name, entry.group, entry.unit, entry.method]);
  b.put(row, 5, entry.baseline, figureFormat(entry.baseline)).put(row, 6, entry.target);
  b.put(row, 7 + YEARS.length, entryNote(entry)).put(row, KEEPER_COLUMN, suggestedKeeper(entry.code) || null);
  b.style(row, 0, row, TEMPLATE_COLUMNS.length - 1, ENTRY);
  b.style(row, 7 + YEARS.length, row, KEEPER_COLUMN, NOTE);
  if (entry.target === null) b.style(row, 0, row, 1, { bold: true });
  if (entry.reportConflict) b.style(row, 7 + YEARS.length, row, 7 + YEARS.length, { fill: "FFEB9C" });
}

/**
 * The 2020–2025 figures of the three former communes as one printable table, its title and header repeated on every
 * page. How they were consolidated is the first sentence of each row's `Ghi chú` on the target sheet.
 */
function resultsSheet(): SheetLayout {
  const columns = ["Mã", "Nội dung", "Xã cũ", "Giá trị", "ĐVT", "Trích báo cáo chính trị", "Vị trí trong báo cáo"];
  const b = new LayoutBuilder(RESULTS_SHEET, columns.length);
  b.put(0, 0, "KẾT QUẢ NHIỆM KỲ 2020 – 2025 CỦA 3 XÃ CŨ CO MẠ, PÁ LÔNG, CO TÒNG (cơ sở để tính số liệu năm 2025)")
    .merge(0, 0, 0, columns.length - 1)
    .style(0, 0, 0, columns.length - 1, { bold: true, size: 13, align: "center", wrap: true });
  b.putRow(2, 0, columns).style(2, 0, 2, columns.length - 1, HEADER);
  FORMER_COMMUNE_RESULTS.forEach((r, i) => {
    b.putRow(3 + i, 0, [r.code, r.label, r.commune])
      .put(3 + i, 3, r.value, figureFormat(r.value))
      .putRow(3 + i, 4, [r.unit, r.source.quote, r.source.where]);
  });
  b.style(3, 0, 2 + FORMER_COMMUNE_RESULTS.length, columns.length - 1, ENTRY);
  b.style(3, 5, 2 + FORMER_COMMUNE_RESULTS.length, 5, NOTE);
  return b
    .set({ widths: [7, 30, 9, 15, 9, 55, 22], freezeRows: 3, print: { landscape: true, fitToWidth: true, titleRows: [1, 3] } })
    .build();
}
