import { formatNumber } from "../core";
import type { WorkStep } from "./protocol";

/**
 * The page's own Vietnamese words, keyed by id (the problems list, counts and coverage come from ui/, the problems'
 * messages from core, refusals of a file from workbook/messages.ts: the command line's sentences).
 */
export const PAGE_TEXT = {
  fileChosen: (name: string, size: number) => `Tệp đang dùng: “${name}” (${formatNumber(Math.max(1, Math.round(size / 1024)))} KB).`,
  notAFile: () => "Hãy thả một tệp Excel (.xlsx), không phải thư mục hay đoạn chữ.",
  steps: {
    reading: "Đang đọc tệp…",
    checking: "Đang kiểm tra số liệu…",
    planning: "Đang lập bảng tổng hợp…",
    writing: "Đang ghi tệp tổng hợp…",
  } satisfies Record<WorkStep, string>,
  stopped: () => "Đã dừng. Chọn lại tệp để làm tiếp.",
  yearAuto: (year: number | null) => (year === null ? "Tự chọn" : `Tự chọn (${year}, năm gần nhất có số liệu)`),
  summaryReady: (fileName: string, sheet: string) =>
    `Bảng tổng hợp đã sẵn sàng: tệp “${fileName}” có thêm trang “${sheet}”. Tệp gốc không bị thay đổi.`,
  downloaded: (fileName: string) => `Đã tải “${fileName}” về máy (thư mục Tải xuống của trình duyệt).`,
  templateDownloaded: (fileName: string) => `Đã tải tệp mẫu “${fileName}” về máy.`,
  collectMaster: (fileName: string | null) =>
    fileName === null
      ? "Chưa có bảng chỉ tiêu chung: hãy chọn tệp ở bước 1 (tệp này nhận số liệu của các đơn vị)."
      : `Bảng chỉ tiêu chung: “${fileName}” (tệp chọn ở bước 1; tệp này không bị thay đổi).`,
  collectFiles: (count: number) => `Đã chọn ${formatNumber(count)} tệp của các đơn vị.`,
  collectReady: (fileName: string) => `Tệp “${fileName}” đã sẵn sàng: bảng chỉ tiêu chung có thêm các số liệu ở trên.`,
  unexpected: (reason: string) => `Đã xảy ra lỗi không mong đợi (${reason}); hãy báo cho người quản trị kèm tệp đang xử lý.`,
} as const;
