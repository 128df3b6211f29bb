import { formatNumber } from "../../core";

const mb = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10);

/** Every Vietnamese sentence the command line can print on failure, keyed by code. */
export const CLI_MESSAGES = {
  "file-too-large": (p: { file: string; size: number; limit: number }) =>
    `Tệp “${p.file}” nặng ${mb(p.size)} MB, vượt giới hạn ${mb(p.limit)} MB nên không được mở.`,
  "unzipped-too-large": (p: { file: string; size: number; limit: number }) =>
    `Tệp “${p.file}” khi giải nén chiếm ${mb(p.size)} MB, vượt giới hạn ${mb(p.limit)} MB nên không được mở.`,
  "zip-bomb": (p: { file: string; ratio: number }) =>
    `Tệp “${p.file}” có tỷ lệ nén bất thường (${formatNumber(Math.round(p.ratio))} lần), có thể là tệp độc hại, nên không được mở.`,
  "zip-size-lie": (p: { file: string }) =>
    `Tệp “${p.file}” giải nén ra lớn hơn kích thước nó khai báo, có thể là tệp độc hại, nên không được mở.`,
  "merge-too-large": (p: { file: string; range: string; limit: number }) =>
    `Tệp “${p.file}” có vùng gộp ô ${p.range} lớn hơn ${formatNumber(p.limit)} ô nên không được mở; hãy bỏ gộp vùng đó trong Excel rồi lưu lại.`,
  "legacy-xls": (p: { file: string }) =>
    `Tệp “${p.file}” là tệp Excel cũ (.xls) hoặc đã đặt mật khẩu; hãy mở bằng Excel và lưu lại thành .xlsx không mật khẩu.`,
  "not-xlsx": (p: { file: string }) => `Tệp “${p.file}” không phải là tệp Excel .xlsx nên không đọc được.`,
  corrupt: (p: { file: string }) => `Tệp “${p.file}” bị hỏng hoặc không đúng định dạng .xlsx nên không đọc được.`,
  "not-found": (p: { file: string }) => `Không tìm thấy tệp hoặc thư mục “${p.file}”.`,
  "no-permission": (p: { file: string }) => `Không có quyền đọc hoặc ghi “${p.file}”.`,
  "is-directory": (p: { file: string }) => `“${p.file}” là một thư mục, không phải tệp Excel.`,
  "empty-folder": (p: { folder: string }) => `Thư mục “${p.folder}” không có tệp .xlsx nào.`,
  "write-failed": (p: { file: string; reason: string }) => `Không ghi được tệp “${p.file}” (${p.reason}).`,
  "output-is-input": (p: { file: string }) =>
    `Tệp kết quả trùng với tệp gốc “${p.file}”; COMA không bao giờ ghi đè tệp gốc, hãy chọn tên khác bằng -o.`,
  "template-exists": (p: { file: string }) =>
    `Tệp “${p.file}” đã có; để không ghi đè số liệu đã nhập, hãy chọn tên khác bằng -o.`,
  "no-command": () => "Thiếu lệnh: dùng coma template, coma validate hoặc coma summary; gõ coma --help để xem hướng dẫn.",
  "unknown-command": (p: { command: string }) =>
    `Không có lệnh “${p.command}”: dùng template, validate hoặc summary; gõ coma --help để xem hướng dẫn.`,
  "bad-option": (p: { detail: string }) => `Lệnh gõ chưa đúng (${p.detail}); gõ coma --help để xem hướng dẫn.`,
  "missing-file": () => "Thiếu tên tệp Excel cần xử lý; gõ coma --help để xem hướng dẫn.",
  "bad-year": (p: { text: string }) => `Năm “${p.text}” không hợp lệ: chọn một năm từ 2025 đến 2030.`,
  "output-with-batch": () => "Chỉ dùng được -o khi xử lý một tệp; với nhiều tệp, kết quả được ghi bên cạnh từng tệp gốc.",
  "extra-argument": (p: { text: string }) => `Lệnh template không nhận thêm “${p.text}”; gõ coma --help để xem hướng dẫn.`,
  "bad-today": (p: { text: string }) => `Biến môi trường COMA_TODAY “${p.text}” không đúng dạng NNNN-TT-NN (ví dụ 2027-12-15).`,
  unexpected: (p: { reason: string }) => `Đã xảy ra lỗi không mong đợi (${p.reason}); hãy báo cho người quản trị kèm tệp đang xử lý.`,
} as const;

export type CliMessageCode = keyof typeof CLI_MESSAGES;

/** Ends the work on one file (or the whole command) with one sentence on stderr and an exit status. */
export class StopError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = "StopError";
  }
}

/** A failure of the command line itself, worded from CLI_MESSAGES (exit 2: unreadable file or bad usage). */
export class CliError extends StopError {
  constructor(
    readonly code: CliMessageCode,
    readonly params: Record<string, unknown> = {},
    exitCode = 2,
  ) {
    super((CLI_MESSAGES[code] as (p: Record<string, unknown>) => string)(params), exitCode);
    this.name = "CliError";
  }
}

/** Why an option could not be read, for the `bad-option` sentence. */
export const OPTION_PROBLEMS = {
  unknown: (option: string) => `không có tùy chọn “${option}”`,
  missingValue: (option: string) => `tùy chọn “${option}” cần một giá trị`,
  other: () => "tùy chọn không hợp lệ",
} as const;

/** Why a file could not be written, by Node error code, for the `write-failed` sentence. */
export const WRITE_REASONS: Record<string, string> = {
  ENOENT: "thư mục không tồn tại",
  ENOTDIR: "thư mục không tồn tại",
  EACCES: "không có quyền ghi",
  EPERM: "không có quyền ghi",
  EROFS: "ổ đĩa chỉ cho đọc",
  EISDIR: "đó là một thư mục",
  ENOSPC: "ổ đĩa đã đầy",
  EBUSY: "tệp đang được mở trong chương trình khác",
};
export const UNKNOWN_WRITE_REASON = "lỗi hệ thống";

/** Words of the human-readable output. */
export const LABELS = {
  error: "lỗi",
  warning: "cảnh báo",
  note: "Lưu ý",
  pageFooter: "Trang &P/&N",
  file: "Tệp",
  sheets: "Trang chỉ tiêu",
  none: "(không có)",
  group: "Nhóm",
  total: "Tổng số",
  totalRow: "Tổng cộng",
  code: "Mã",
  name: "Chỉ tiêu",
  baseline: "Cơ sở 2025",
  target: "Mục tiêu 2030",
  actual: (year: number) => `Thực hiện ${year}`,
  attainment: "Tỷ lệ đạt",
  status: "Đánh giá",
  noData: "Thiếu số liệu",
  templateWritten: (file: string, targets: number) => `Đã ghi tệp mẫu ${file} với ${targets} chỉ tiêu.`,
  validated: (targets: number, rows: number, errors: number, warnings: number) =>
    `${targets} chỉ tiêu (${rows} dòng mã): ${errors} lỗi, ${warnings} cảnh báo.`,
  summaryWritten: (file: string, sheet: string, replaced: string | null) =>
    `Đã ghi tệp ${file}, trang “${sheet}”${replaced ? ` (thay trang “${replaced}” đã tạo trước đó)` : ""}.`,
  progress: (index: number, count: number, file: string) => `[${index}/${count}] ${file}`,
  batchDone: (count: number, worst: number) => `Đã xử lý ${count} tệp; mã kết thúc ${worst}.`,
  demoTemplate: (file: string, targets: number) => `1. Tệp mẫu: ${file} (${targets} chỉ tiêu).`,
  demoValidate: (errors: number, warnings: number, json: string) => `2. Kiểm tra: ${errors} lỗi, ${warnings} cảnh báo (${json}).`,
  demoSummary: (file: string, sheet: string, json: string) => `3. Bảng tổng hợp: ${file}, trang “${sheet}” (${json}).`,
  demoSampleHeading: () => "── Số liệu minh họa 2026–2027 (giả định, không phải số liệu thật): các mức đánh giá trong nhiệm kỳ ──",
  demoSample: (file: string, summary: string, json: string) => `4. Tệp số liệu minh họa: ${file}; bảng tổng hợp: ${summary} (${json}).`,
  demoFailed: (reason: string) => `Bản chạy thử gặp lỗi: ${reason}`,
  conflicts: (codes: string[]) =>
    `Lưu ý: báo cáo chính trị tự mâu thuẫn ở ${codes.length} dòng (${codes.join(", ")}); xem cột Ghi chú tô vàng trong tệp mẫu.`,
} as const;

export const HELP = `coma: theo dõi 25 chỉ tiêu Nghị quyết Đại hội Đảng bộ xã Co Mạ nhiệm kỳ 2025 – 2030.

Cách dùng:
  coma template [-o TỆP]                               tạo tệp mẫu có sẵn 25 chỉ tiêu và số liệu cơ sở 2025
                                                       (mặc định: chi-tieu-co-ma-2025-2030.xlsx trong thư mục hiện tại)
  coma validate TỆP… [--json]                          kiểm tra các trang chỉ tiêu, liệt kê từng lỗi tại ô
  coma summary TỆP… [--year NĂM] [-o TỆP_RA] [--json]  ghi tệp mới có thêm trang “Tổng hợp BTV <năm>”
                                                       (mặc định bên cạnh tệp gốc: <tên>-tong-hop-btv-<năm>.xlsx)

TỆP có thể là nhiều tệp hoặc một thư mục (mọi tệp .xlsx trong đó).

Tùy chọn:
  -o, --output TỆP   tên tệp ghi ra (chỉ khi xử lý một tệp); không bao giờ ghi đè tệp gốc
  --year NĂM         năm đánh giá, từ 2025 (vị trí xuất phát) đến 2030; mặc định: năm gần nhất có số liệu
  --json             in kết quả dạng JSON (mỗi tệp một dòng khi xử lý nhiều tệp)
  -h, --help         in hướng dẫn này

Mã kết thúc:
  validate: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp hoặc gõ sai lệnh
  summary:  0 đã ghi, 1 không có trang chỉ tiêu nào đọc được (không ghi gì), 2 không đọc được tệp hoặc gõ sai lệnh

Biến môi trường COMA_TODAY=NNNN-TT-NN đặt ngày ghi trên bảng tổng hợp (mặc định: hôm nay).
`;
