import { formatNumber } from "../core";

/**
 * The Vietnamese words of the browser UI shared by the task pane and the offline page: the problems list, the
 * result boxes, the progress and the plain wording of refusals, keyed by id. Problem messages come from core;
 * each front end adds its own words on top of this table (addin/ui-text.ts). Every count goes through
 * formatNumber: 5.000, never 5000.
 */
export const UI_TEXT = {
  checkClean: (p: { sheets: number; indicators: number }) =>
    `Không có vấn đề nào: ${n(p.sheets)} trang chỉ tiêu, ${n(p.indicators)} dòng chỉ tiêu.`,
  checkCounts: (p: { errors: number; warnings: number; sheets: number; indicators: number }) =>
    `${counted(p)} — ${n(p.sheets)} trang chỉ tiêu, ${n(p.indicators)} dòng chỉ tiêu.`,
  errors: (p: { count: number }) => `Lỗi (${n(p.count)})`,
  warnings: (p: { count: number }) => `Cảnh báo (${n(p.count)})`,
  sheetGroup: (p: { sheet: string; count: number }) => `Trang “${p.sheet}” — ${n(p.count)}`,
  hiddenSheet: () => "trang đang ẩn",
  generalGroup: (p: { count: number }) => `Chung — ${n(p.count)}`,
  goToCell: (p: { sheet: string; cell: string }) => `Đến ô ${p.cell} của trang “${p.sheet}”`,
  truncated: (p: { shown: number; total: number }) => `Đang hiện ${n(p.shown)}/${n(p.total)} vấn đề của nhóm này.`,
  showMore: () => "Hiện thêm",
  skipList: () => "Bỏ qua danh sách vấn đề",
  listEnd: () => "Hết danh sách vấn đề.",
  problemsLabel: () => "Danh sách vấn đề",
  severityError: () => "Lỗi",
  severityWarning: () => "Cảnh báo",

  fix: () => "Sửa",
  fixLabel: (p: { cell: string; severity: "error" | "warning" }) => `Sửa ô ${p.cell} (${p.severity === "error" ? "lỗi" : "cảnh báo"})`,
  fixConfirm: () => "Ghi số vào ô? Excel không hoàn tác (Ctrl+Z) được thao tác của phần bổ trợ.",
  fixPreview: (p: { cell: string; text: string; value: number }) => `${p.cell}: “${p.text}” (chữ) → ${formatNumber(p.value)} (số)`,
  fixApply: () => "Ghi số",
  cancel: () => "Hủy",
  fixed: (p: { cell: string; sheet: string; value: number }) =>
    `Đã ghi ${formatNumber(p.value)} (số) vào ô ${p.cell} của trang “${p.sheet}”.`,
  fixChanged: (p: { cell: string }) => `Ô ${p.cell} đã thay đổi từ lúc kiểm tra nên không ghi. Hãy bấm Kiểm tra lại.`,
  fixAll: (p: { count: number }) => `Sửa tất cả ${n(p.count)} số ghi dạng chữ`,
  fixAllConfirm: (p: { count: number }) =>
    `Ghi số vào ${n(p.count)} ô dưới đây? Excel không hoàn tác (Ctrl+Z) được thao tác của phần bổ trợ.`,
  fixAllApply: (p: { count: number }) => `Ghi ${n(p.count)} số`,
  fixedAll: (p: { count: number }) => `Đã ghi ${n(p.count)} số vào các ô.`,
  fixAllChanged: (p: { count: number; cells: string }) =>
    `${n(p.count)} ô đã thay đổi từ lúc kiểm tra nên không ghi (${p.cells}). Hãy bấm Kiểm tra lại.`,
  nothingLeft: () => "Đã sửa hết các vấn đề trong danh sách.",

  summaryDone: (p: { name: string }) => `Đã tạo trang “${p.name}”.`,
  summaryReplaced: (p: { name: string }) => `Đã thay bảng COMA tạo trước đó bằng trang “${p.name}” mới.`,
  summaryKept: (p: { taken: string; name: string }) => `Trang “${p.taken}” của anh/chị được giữ nguyên; bảng mới mang tên “${p.name}”.`,
  summaryProblems: (p: { errors: number; warnings: number }) =>
    p.errors > 0
      ? `Số liệu có ${counted(p)}: chỉ tiêu có ô lỗi được tính là Thiếu số liệu. Danh sách từng ô ở phần Kiểm tra số liệu.`
      : `Số liệu có ${counted(p)}; danh sách từng ô ở phần Kiểm tra số liệu.`,
  summaryCoverage: (p: { year: number; withValue: number; rows: number }) =>
    p.year <= 2025
      ? `Năm 2025, vị trí xuất phát (${n(p.withValue)}/${n(p.rows)} dòng có số liệu cơ sở).`
      : `Năm ${p.year} (${n(p.withValue)}/${n(p.rows)} dòng có số liệu).`,
  summaryNoValues: (p: { year: number }) =>
    `Năm ${p.year} chưa có dòng nào có số liệu: mọi chỉ tiêu được tính là Thiếu số liệu. Hãy nhập số liệu vào cột ${p.year} hoặc chọn năm khác.`,
  summaryRetry: () => "Trang tổng hợp vừa được tạo ở nơi khác cùng lúc; COMA đã tạo lại.",

  progressLabel: () => "Tiến độ",
  busy: () => "COMA đang làm việc, xin chờ xong việc trước.",

  refusalProtected: () =>
    "Excel không cho ghi: trang tính hoặc sổ tính đang được bảo vệ, hoặc anh/chị chỉ có quyền xem. Hãy bỏ bảo vệ (thẻ Xem lại › Bỏ bảo vệ trang tính) hoặc xin quyền sửa, rồi thử lại.",
  refusalElsewhere: () =>
    "Excel chưa làm được việc này: sổ tính có thể đang được người khác sửa cùng lúc, hoặc Excel đang bận. Hãy chờ một lát, bấm Kiểm tra lại rồi thử lại.",
  refusalEditMode: () => "Excel đang ở chế độ sửa ô: hãy nhấn Enter hoặc Esc rồi thử lại.",
  refusalOffline: () =>
    "Mất kết nối (mạng chập chờn hoặc máy chủ Excel không trả lời). Hãy kiểm tra mạng, chờ một lát rồi bấm lại; nếu vẫn lỗi, hãy tải lại trang (F5).",
  refusalMissing: () => "Không tìm thấy trang hoặc ô cần dùng (có thể đã bị đổi tên hoặc xóa ở nơi khác). Hãy bấm Kiểm tra lại.",
  refusalTooLarge: () =>
    "Sổ tính quá lớn cho một lần làm của Excel. Hãy đóng bớt các sổ tính khác, thử lại; nếu vẫn lỗi, hãy dùng dòng lệnh (npx coma) trên máy tính.",
  refusalSignedOut: () => "Phiên làm việc đã hết hạn: hãy tải lại trang (F5), đăng nhập lại rồi thử lại.",
  refusalUnknown: (p: { code: string }) =>
    `Không thực hiện được (mã lỗi ${p.code}). Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại sổ tính.`,
  refusalSaid: (p: { message: string }) => `Thông báo gốc: “${p.message}”`,
} as const;

export type SharedText = keyof typeof UI_TEXT;

/** A count the Vietnamese way: 5.000. */
function n(value: number): string {
  return formatNumber(value);
}

/** "2 lỗi và 1 cảnh báo", "2 lỗi", "1 cảnh báo". */
export function counted(p: { errors: number; warnings: number }): string {
  const parts = [p.errors > 0 && `${n(p.errors)} lỗi`, p.warnings > 0 && `${n(p.warnings)} cảnh báo`].filter(Boolean);
  return parts.join(" và ");
}

export function text<K extends SharedText>(key: K, ...params: Parameters<(typeof UI_TEXT)[K]>): string {
  return (UI_TEXT[key] as (...p: unknown[]) => string)(...params);
}
