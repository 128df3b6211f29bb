import { formatNumber } from "../core";

/**
 * Every Vietnamese string of the task pane and the ribbon command, keyed by id. Problem
 * messages come from core; this table holds only what the add-in itself says.
 */
export const UI = {
  title: () => "COMA",
  subtitle: () => "Chỉ tiêu Nghị quyết Đại hội Đảng bộ xã Co Mạ, nhiệm kỳ 2025 – 2030",
  checkHeading: () => "Kiểm tra số liệu",
  checkHint: () => "Đọc mọi trang chỉ tiêu và chỉ ra từng ô có vấn đề. Bấm vào một dòng để đến ô đó.",
  check: () => "Kiểm tra",
  mark: () => "Đánh dấu",
  unmark: () => "Bỏ đánh dấu",
  fix: () => "Sửa",
  summaryHeading: () => "Bảng tổng hợp báo cáo Ban Thường vụ",
  summaryHint: () => "Ghi trang “Tổng hợp BTV <năm>”; tạo lại thì chỉ thay trang COMA đã tạo trước đó.",
  yearLabel: () => "Năm",
  yearAuto: (p: { year?: number }) => (p.year ? `Năm gần nhất có số liệu (${p.year})` : "Năm gần nhất có số liệu"),
  summarize: () => "Tạo bảng tổng hợp BTV",
  templateHeading: () => "Mẫu chỉ tiêu",
  templateHint: () => "Thêm trang mẫu 25 chỉ tiêu có sẵn số liệu cơ sở 2025; không ghi đè trang nào.",
  insertTemplate: () => "Chèn mẫu chỉ tiêu",
  loading: () => "Đang chờ Excel…",
  notInExcel: () => "Không kết nối được với Excel: hãy mở ngăn này trong Excel, thẻ COMA › nút Kiểm tra.",

  reading: () => "Đang đọc số liệu…",
  writing: (p: { name: string }) => `Đang ghi trang “${p.name}”…`,
  marking: () => "Đang đánh dấu các ô có vấn đề…",
  unmarking: () => "Đang bỏ đánh dấu…",
  fixing: (p: { cell: string }) => `Đang ghi số vào ô ${p.cell}…`,
  inserting: () => "Đang chèn mẫu chỉ tiêu…",
  busy: () => "COMA đang làm việc, xin chờ xong việc trước.",

  checkClean: (p: { sheets: number; indicators: number }) =>
    `Không có vấn đề nào: ${p.sheets} trang chỉ tiêu, ${p.indicators} dòng chỉ tiêu.`,
  checkCounts: (p: { errors: number; warnings: number; sheets: number; indicators: number }) =>
    `${counted(p)} — ${p.sheets} trang chỉ tiêu, ${p.indicators} dòng chỉ tiêu.`,
  errors: (p: { count: number }) => `Lỗi (${p.count})`,
  warnings: (p: { count: number }) => `Cảnh báo (${p.count})`,
  sheetGroup: (p: { sheet: string; count: number }) => `Trang “${p.sheet}” — ${p.count}`,
  hiddenSheet: () => "trang đang ẩn",
  generalGroup: (p: { count: number }) => `Chung — ${p.count}`,
  goToCell: (p: { sheet: string; cell: string }) => `Đến ô ${p.cell} của trang “${p.sheet}”`,
  truncated: (p: { shown: number; total: number }) => `Đang hiện ${formatNumber(p.shown)}/${formatNumber(p.total)} vấn đề của nhóm này.`,
  showMore: () => "Hiện thêm",

  summaryDone: (p: { name: string }) => `Đã tạo trang “${p.name}”.`,
  summaryReplaced: (p: { name: string }) => `Đã thay bảng COMA tạo trước đó bằng trang “${p.name}” mới.`,
  summaryKept: (p: { taken: string; name: string }) => `Trang “${p.taken}” của anh/chị được giữ nguyên; bảng mới mang tên “${p.name}”.`,
  summaryProblems: (p: { errors: number; warnings: number }) =>
    p.errors > 0
      ? `Số liệu có ${counted(p)}: chỉ tiêu có ô lỗi được tính là Thiếu số liệu. Danh sách từng ô ở phần Kiểm tra số liệu.`
      : `Số liệu có ${counted(p)}; danh sách từng ô ở phần Kiểm tra số liệu.`,
  summaryCoverage: (p: { year: number; withValue: number; rows: number }) =>
    p.year <= 2025
      ? `Năm 2025, vị trí xuất phát (${p.withValue}/${p.rows} dòng có số liệu cơ sở).`
      : `Năm ${p.year} (${p.withValue}/${p.rows} dòng có số liệu).`,
  summaryNoValues: (p: { year: number }) =>
    `Năm ${p.year} chưa có dòng nào có số liệu: mọi chỉ tiêu được tính là Thiếu số liệu. Hãy nhập số liệu vào cột ${p.year} hoặc chọn năm khác.`,
  summaryRetry: () => "Trang tổng hợp vừa được tạo ở nơi khác cùng lúc; COMA đã tạo lại.",

  marked: (p: { count: number }) => `Đã tô màu ${p.count} ô có vấn đề (đỏ: lỗi, vàng: cảnh báo).`,
  nothingToMark: () => "Chưa có ô nào để đánh dấu: hãy bấm Kiểm tra trước.",
  unmarked: (p: { count: number }) => `Đã trả lại màu nền cũ cho ${p.count} ô.`,
  unmarkKept: (p: { count: number }) => `${p.count} ô đã được đổi màu sau khi đánh dấu nên được giữ nguyên.`,
  nothingMarked: () => "Không có ô nào đang được COMA đánh dấu.",

  fixConfirm: () => "Ghi số vào ô? Excel không hoàn tác (Ctrl+Z) được thao tác của phần bổ trợ.",
  fixPreview: (p: { cell: string; text: string; value: string }) => `${p.cell}: “${p.text}” → ${p.value}`,
  fixApply: () => "Ghi số",
  cancel: () => "Hủy",
  fixed: (p: { cell: string; sheet: string; value: string }) => `Đã ghi ${p.value} vào ô ${p.cell} của trang “${p.sheet}”.`,
  fixChanged: (p: { cell: string }) => `Ô ${p.cell} đã thay đổi từ lúc kiểm tra nên không ghi. Hãy bấm Kiểm tra lại.`,

  templateDone: (p: { names: string[] }) => `Đã chèn ${p.names.map((n) => `trang “${n}”`).join(" và ")}.`,

  sheetMissing: (p: { sheet: string }) => `Không tìm thấy trang “${p.sheet}” (có thể đã đổi tên hoặc bị xóa). Hãy bấm Kiểm tra lại.`,
  sheetHidden: (p: { sheet: string }) => `Trang “${p.sheet}” đang ẩn: hãy bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) rồi bấm lại.`,
  cellEditMode: () => "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.",
  failed: (p: { detail: string }) => `Không thực hiện được: ${p.detail}`,

  dialogTitle: () => "COMA — Tổng hợp BTV",
  close: () => "Đóng",
  pageFooter: () => "Trang &P/&N",
  ribbonDone: (p: { name: string }) => `Đã tạo trang “${p.name}” và mở trang đó.`,
  ribbonProblems: (p: { count: number }) =>
    `Số liệu có ${p.count} vấn đề (ô lỗi được tính là Thiếu số liệu). Để xem từng ô: thẻ COMA › nút Kiểm tra, rồi bấm Kiểm tra trong ngăn COMA.`,
} as const;

export type UiText = keyof typeof UI;

/** "2 lỗi và 1 cảnh báo", "2 lỗi", "1 cảnh báo". */
function counted(p: { errors: number; warnings: number }): string {
  const parts = [p.errors > 0 && `${p.errors} lỗi`, p.warnings > 0 && `${p.warnings} cảnh báo`].filter(Boolean);
  return parts.join(" và ");
}

export function ui<K extends UiText>(key: K, ...params: Parameters<(typeof UI)[K]>): string {
  return (UI[key] as (...p: unknown[]) => string)(...params);
}

/** A number as it will sit in the cell, the Vietnamese way but without grouping: 3265, 8474,1. */
export function plainNumber(value: number): string {
  return new Intl.NumberFormat("vi-VN", { useGrouping: false, maximumFractionDigits: 10 }).format(value);
}
