import { formatNumber } from "../core";
import { UI_TEXT } from "../ui";

/**
 * Every Vietnamese string of the task pane and the ribbon command, keyed by id: the words shared with the offline
 * page (the problems list, results, progress, refusals) come from ui/text.ts, problem messages from core; this table
 * adds only what the add-in itself says.
 */
export const UI = {
  ...UI_TEXT,
  title: () => "COMA",
  subtitle: () => "Chỉ tiêu Nghị quyết Đại hội Đảng bộ xã Co Mạ, nhiệm kỳ 2025 – 2030",
  checkHeading: () => "Kiểm tra số liệu",
  checkHint: () => "Đọc mọi trang chỉ tiêu và chỉ ra từng ô có vấn đề. Bấm vào một dòng để đến ô đó.",
  check: () => "Kiểm tra",
  mark: () => "Đánh dấu",
  unmark: () => "Bỏ đánh dấu",
  summaryHeading: () => "Bảng tổng hợp báo cáo Ban Thường vụ",
  summaryHint: () => "Ghi trang “Tổng hợp BTV <năm>”; tạo lại thì chỉ thay trang COMA đã tạo trước đó.",
  yearLabel: () => "Năm",
  yearWithFigures: (p: { year: number }) => `${p.year} — có số liệu`,
  yearWithout: (p: { year: number }) => `${p.year} — chưa có số liệu`,
  emptyYearAsk: (p: { year: number }) =>
    `Năm ${p.year} chưa có dòng nào có số liệu: bảng tổng hợp sẽ ghi mọi chỉ tiêu là Thiếu số liệu. Vẫn tạo bảng, hay chọn năm khác?`,
  writeAnyway: () => "Vẫn tạo bảng",
  yearAuto: (p: { year?: number }) => (p.year ? `Năm gần nhất có số liệu (${p.year})` : "Năm gần nhất có số liệu"),
  summarize: () => "Tạo bảng tổng hợp BTV",
  templateHeading: () => "Mẫu chỉ tiêu",
  templateHint: () => "Thêm trang mẫu 25 chỉ tiêu có sẵn số liệu cơ sở 2025; không ghi đè trang nào.",
  insertTemplate: () => "Chèn mẫu chỉ tiêu",
  firstRun: () =>
    "COMA kiểm tra số liệu các trang chỉ tiêu, chỉ ra từng ô có vấn đề và lập bảng tổng hợp báo cáo Ban Thường vụ. COMA chỉ ghi vào sổ tính khi anh/chị bấm nút.",
  emptyWorkbook: () =>
    "Sổ tính chưa có trang chỉ tiêu: bấm “Chèn mẫu chỉ tiêu” để thêm trang mẫu 25 chỉ tiêu có sẵn số liệu cơ sở 2025, rồi nhập số liệu.",
  summaryShort: () => "Tổng hợp BTV",
  loading: () => "Đang chờ Excel…",
  notInExcel: () => "Không kết nối được với Excel: hãy mở ngăn này trong Excel, thẻ COMA › nút Kiểm tra.",

  reading: () => "Đang đọc số liệu…",
  writing: (p: { name: string }) => `Đang ghi trang “${p.name}”…`,
  marking: () => "Đang đánh dấu các ô có vấn đề…",
  unmarking: () => "Đang bỏ đánh dấu…",
  fixing: (p: { cell: string }) => `Đang ghi số vào ô ${p.cell}…`,
  fixingAll: (p: { count: number }) => `Đang ghi số vào ${formatNumber(p.count)} ô…`,
  inserting: () => "Đang chèn mẫu chỉ tiêu…",

  marked: (p: { count: number }) => `Đã tô màu ${formatNumber(p.count)} ô có vấn đề (đỏ: lỗi, vàng: cảnh báo).`,
  nothingToMark: () => "Chưa có ô nào để đánh dấu: hãy bấm Kiểm tra trước.",
  unmarked: (p: { count: number }) => `Đã trả lại màu nền cũ cho ${formatNumber(p.count)} ô.`,
  unmarkKept: (p: { count: number }) => `${formatNumber(p.count)} ô đã được đổi màu sau khi đánh dấu nên được giữ nguyên.`,
  nothingMarked: () => "Không có ô nào đang được COMA đánh dấu.",

  templateDone: (p: { names: string[] }) => `Đã chèn ${p.names.map((n) => `trang “${n}”`).join(" và ")}.`,

  sheetMissing: (p: { sheet: string }) => `Không tìm thấy trang “${p.sheet}” (có thể đã đổi tên hoặc bị xóa). Hãy bấm Kiểm tra lại.`,
  sheetHidden: (p: { sheet: string }) => `Trang “${p.sheet}” đang ẩn: hãy bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) rồi bấm lại.`,
  cellEditMode: () => "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.",

  dialogTitle: () => "COMA — Tổng hợp BTV",
  close: () => "Đóng",
  pageFooter: () => "Trang &P/&N",
  ribbonDone: (p: { name: string }) => `Đã tạo trang “${p.name}” và mở trang đó.`,
  ribbonProblems: (p: { count: number }) =>
    `Số liệu có ${formatNumber(p.count)} vấn đề (ô lỗi được tính là Thiếu số liệu). Để xem từng ô: thẻ COMA › nút Kiểm tra, rồi bấm Kiểm tra trong ngăn COMA.`,
} as const;

export type UiText = keyof typeof UI;

export function ui<K extends UiText>(key: K, ...params: Parameters<(typeof UI)[K]>): string {
  return (UI[key] as (...p: unknown[]) => string)(...params);
}
