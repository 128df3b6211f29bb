import { BASE_YEAR, formatNumber, isFinal, type Rule } from "../../core";
import { WORKBOOK_FILE_MESSAGES } from "../../workbook";

/** Every Vietnamese sentence the command line can print on failure, keyed by code. */
export const CLI_MESSAGES = {
  ...WORKBOOK_FILE_MESSAGES,
  "not-found": (p: { file: string }) => `Không tìm thấy tệp hoặc thư mục “${p.file}”.`,
  "no-permission": (p: { file: string }) => `Không có quyền đọc hoặc ghi “${p.file}”.`,
  "is-directory": (p: { file: string }) => `“${p.file}” là một thư mục, không phải tệp Excel.`,
  "not-regular-file": (p: { file: string }) =>
    `“${p.file}” không phải là một tệp thông thường (thiết bị, đường ống hoặc ổ cắm) nên không được đọc.`,
  "sheet-too-large": (p: { sheets: { sheet: string; rows: number; limit: number }[] }) =>
    `Không ghi bảng tổng hợp: ${p.sheets.map((s) => `trang “${s.sheet}” có ${formatNumber(s.rows)} dòng, vượt giới hạn ${formatNumber(s.limit)} dòng nên không được đọc`).join("; ")}.`,
  "empty-folder": (p: { folder: string }) => `Thư mục “${p.folder}” không có tệp .xlsx nào.`,
  "write-failed": (p: { file: string; reason: string }) => `Không ghi được tệp “${p.file}” (${p.reason}).`,
  "output-is-input": (p: { file: string }) =>
    `Tệp kết quả trùng với tệp gốc “${p.file}”; COMA không bao giờ ghi đè tệp gốc, hãy chọn tên khác bằng -o.`,
  "template-exists": (p: { file: string }) =>
    `Tệp “${p.file}” đã có nên không được ghi đè (để không mất số liệu đã nhập): chọn tên khác bằng -o, hoặc thêm --force nếu thật sự muốn thay tệp đó.`,
  "no-command": () => "Thiếu lệnh: dùng coma template, validate, summary, split hoặc collect; gõ coma --help để xem hướng dẫn.",
  "unknown-command": (p: { command: string }) =>
    `Không có lệnh “${p.command}”: dùng template, validate, summary, split hoặc collect; gõ coma --help để xem hướng dẫn.`,
  "bad-option": (p: { detail: string }) => `Lệnh gõ chưa đúng (${p.detail}); gõ coma --help để xem hướng dẫn.`,
  "missing-file": () => "Thiếu tên tệp Excel cần xử lý; gõ coma --help để xem hướng dẫn.",
  "bad-year": (p: { text: string }) => `Năm “${p.text}” không hợp lệ: chọn một năm từ 2025 đến 2030.`,
  "output-with-batch": () => "Chỉ dùng được -o khi xử lý một tệp; với nhiều tệp, kết quả được ghi bên cạnh từng tệp gốc.",
  "extra-argument": (p: { text: string }) => `Lệnh template không nhận thêm “${p.text}”; gõ coma --help để xem hướng dẫn.`,
  "bad-today": (p: { text: string }) => `Biến môi trường COMA_TODAY “${p.text}” không đúng dạng NNNN-TT-NN (ví dụ 2027-12-15).`,
  "split-exists": (p: { file: string; count: number }) =>
    `Tệp “${p.file}”${p.count > 1 ? ` và ${p.count - 1} tệp đơn vị khác` : ""} đã có nên không tệp nào được ghi (để không mất số liệu đơn vị đã nhập): chọn thư mục khác bằng -o, hoặc thêm --force nếu thật sự muốn thay.`,
  "collect-exists": (p: { file: string }) =>
    `Tệp “${p.file}” đã có nên không được ghi đè: chọn tên khác bằng -o, hoặc dùng tệp đó làm tệp gốc cho lần thu thập sau.`,
  "split-one-file": () => "Lệnh split chia mỗi lần một tệp chỉ tiêu; gõ coma --help để xem hướng dẫn.",
  "collect-no-units": () => "Thiếu tệp của đơn vị: coma collect TỆP_GỐC TỆP_ĐƠN_VỊ…; gõ coma --help để xem hướng dẫn.",
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
  batchDone: (read: number, failed: number) => `${read} tệp đọc được, ${failed} tệp lỗi.`,
  /** A batch line about one file: the file first. */
  fileLine: (file: string, text: string) => `${file}: ${text}`,
  errorsHeading: (count: number) => `Lỗi (${count}), cần sửa trong tệp:`,
  warningsHeading: (count: number) => `Cảnh báo (${count}), theo loại:`,
  kindListed: (kind: string, count: number) => `${kind} (${count}):`,
  kindCounted: (kind: string, count: number, codes: string[], more: boolean) =>
    `${kind}: ${count} dòng${codes.length > 0 ? ` (${codes.join(", ")}${more ? ", …" : ""})` : ""}.`,
  seeAll: "Thêm --all để xem từng dòng cảnh báo.",
  /**
   * The problems are listed at the end of this output; the cells to check (warnings that can change a figure's
   * reading) are also on the summary sheet itself, in its section IV, their rows marked (*).
   */
  problemCounts: (errors: number, warnings: number, doubts: number) =>
    (errors === 0 && warnings === 0
      ? "Số liệu không có lỗi, không có cảnh báo."
      : errors === 0
        ? `Số liệu không có lỗi, có ${warnings} cảnh báo: xem danh sách ở cuối phần in ra dưới đây.`
        : `Số liệu có ${errors} lỗi (ô lỗi được tính là thiếu số liệu), ${warnings} cảnh báo: xem danh sách ở cuối phần in ra dưới đây.`) +
    (doubts === 0 ? "" : ` ${doubts} ô cần kiểm tra lại được ghi ở mục IV của bảng tổng hợp, các dòng dựa trên chúng có dấu (*).`),
  yearChosen: (year: number, given: boolean, withValue: number, rows: number) =>
    year === BASE_YEAR
      ? `Năm đánh giá 2025${given ? "" : " (chưa có số liệu năm nào sau 2025)"}: vị trí xuất phát, số liệu cơ sở so với mục tiêu năm 2030.`
      : `Năm đánh giá ${year}${given ? "" : " (năm gần nhất có số liệu; chọn năm khác bằng --year)"}: ${withValue}/${rows} dòng chỉ tiêu có số liệu năm ${year}.`,
  expected: (year: number) => `Lộ trình ${year}`,
  evaluated: "Giá trị đánh giá",
  behindHeading: (year: number, count: number) =>
    isFinal(year)
      ? `Chỉ tiêu không đạt (${count}), xa mục tiêu nhất trước:`
      : year === BASE_YEAR
        ? `Chỉ tiêu chưa đạt mục tiêu năm 2030 (${count}), xa mục tiêu nhất trước:`
        : `Chỉ tiêu chậm tiến độ, chưa đạt (${count}), xa lộ trình nhất trước:`,
  noneBehind: (year: number) => (isFinal(year) ? "Không có chỉ tiêu không đạt." : "Không có chỉ tiêu chậm tiến độ hoặc chưa đạt."),
  demoTemplate: (file: string, targets: number) => `1. Tệp mẫu: ${file} (${targets} chỉ tiêu).`,
  demoValidate: (errors: number, warnings: number, json: string) => `2. Kiểm tra: ${errors} lỗi, ${warnings} cảnh báo (${json}).`,
  demoSummary: (file: string, sheet: string, json: string) => `3. Bảng tổng hợp: ${file}, trang “${sheet}” (${json}).`,
  demoSampleHeading: () => "── Số liệu minh họa 2026–2027 (giả định, không phải số liệu thật): các mức đánh giá trong nhiệm kỳ ──",
  demoSample: (file: string, summary: string, json: string) => `4. Tệp số liệu minh họa: ${file}; bảng tổng hợp: ${summary} (${json}).`,
  demoFailed: (reason: string) => `Bản chạy thử gặp lỗi: ${reason}`,
  splitWritten: (year: number, count: number, folder: string) =>
    `Đã chia số liệu năm ${year} thành ${count} tệp cho các đơn vị, trong thư mục ${folder}:`,
  splitFile: (unit: string, rows: number, file: string) => `  ${unit}: ${rows} dòng → ${file}`,
  collectWritten: (file: string, year: number, written: number) =>
    `Đã ghi tệp ${file}: ${written} ô số liệu năm ${year} (và kế hoạch năm ${year + 1}) từ các đơn vị.`,
  collectUnit: (unit: string, filled: number, rows: number, file: string) => `  ${unit}: ${filled}/${rows} dòng có số liệu (${file})`,
  collectConflictsHeading: (count: number) =>
    `Số liệu khác nhau, chưa ghi (${count}): tệp gốc giữ số cũ; thêm --overwrite để thay số khác (không bao giờ thay ô công thức):`,
  collectConflict: (code: string, cell: string, master: string, unit: string, value: string, file: string, reason: string) =>
    `  ${code} (ô ${cell}): tệp gốc ${master}, ${unit} gửi ${value} (${file})${reason}`,
  conflictReasons: { different: "", formula: "; ô tệp gốc là công thức", "units-disagree": "; các tệp của đơn vị khác nhau" } as Record<
    string,
    string
  >,
  blank: "(trống)",
  missingHeading: (count: number) => `Chưa báo cáo (${count} dòng):`,
  missingUnit: (unit: string, codes: string[]) => `  ${unit}: ${codes.join(", ")}`,
  allIn: "Đã đủ số liệu của mọi đơn vị, không có số liệu khác nhau.",
  conflicts: (codes: string[]) =>
    `Lưu ý: số liệu báo cáo chính trị tự mâu thuẫn ở ${codes.length} dòng (${codes.join(", ")}); COMA giữ số của báo cáo, cột Ghi chú tô vàng trong tệp mẫu nói rõ từng chỗ.`,
} as const;

/** A short name for each kind of problem, for the warnings counted by kind. */
export const PROBLEM_KINDS: Partial<Record<Rule, string>> = {
  "no-target-sheet": "Không có trang chỉ tiêu",
  "sheet-too-large": "Trang quá lớn",
  "duplicate-column": "Cột trùng tên",
  "year-out-of-term": "Cột năm ngoài nhiệm kỳ",
  "missing-code": "Thiếu mã chỉ tiêu",
  "bad-code": "Mã sai dạng",
  "duplicate-code": "Mã trùng",
  "group-mismatch": "Nhóm không khớp với mã",
  "bad-method": "Cách tính không hợp lệ",
  "missing-target": "Thiếu mục tiêu 2030",
  "bad-target": "Mục tiêu không đọc được",
  "bad-plan": "Kế hoạch không đọc được",
  "inverted-range": "Khoảng mục tiêu ngược",
  "ambiguous-number": "Số không rõ cách ghi",
  "missing-baseline": "Thiếu số liệu cơ sở năm 2025",
  "text-number": "Số ghi dạng chữ",
  "dot-decimal": "Dấu chấm được đọc là dấu thập phân",
  "percent-fraction": "Tỷ lệ có thể ghi thiếu ×100",
  "cell-error": "Ô có lỗi",
  "not-a-number": "Không phải là số",
  negative: "Giá trị âm",
  "percent-over-100": "Tỷ lệ vượt 100%",
  "cumulative-gap": "Năm để trống khi cộng dồn",
  "annual-gap": "Năm để trống ở chỉ tiêu hằng năm",
  "missing-from-resolution": "Thiếu chỉ tiêu của Nghị quyết",
  "target-differs": "Mục tiêu khác Nghị quyết",
  "report-conflict": "Báo cáo chính trị tự mâu thuẫn",
  "unit-file-unknown-code": "Mã không có trong tệp gốc",
  "unit-file-code-edited": "Mã bị sửa trong tệp đơn vị",
  "unit-file-locked-edited": "Ô đã khóa bị sửa trong tệp đơn vị",
  "master-no-plan-column": "Tệp gốc thiếu cột kế hoạch",
};

export const HELP = `coma: theo dõi 25 chỉ tiêu Nghị quyết Đại hội Đảng bộ xã Co Mạ nhiệm kỳ 2025 – 2030.

Cách dùng:
  coma template [-o TỆP] [--force]                     tạo tệp mẫu có sẵn 25 chỉ tiêu và số liệu cơ sở 2025
                                                       (mặc định: chi-tieu-co-ma-2025-2030.xlsx trong thư mục hiện tại)
  coma validate TỆP… [--json] [--all]                  kiểm tra các trang chỉ tiêu, liệt kê từng lỗi tại ô
  coma summary TỆP… [--year NĂM] [-o TỆP_RA] [--json]  ghi tệp mới có thêm trang “Tổng hợp BTV <năm>”
                                                       (mặc định bên cạnh tệp gốc: <tên>-tong-hop-btv-<năm>.xlsx)
  coma split TỆP [--year NĂM] [-o THƯ_MỤC] [--force]   chia số liệu một năm thành mỗi đơn vị một tệp
                                                       (<đơn vị> - so lieu <năm>.xlsx, theo cột Đơn vị theo dõi)
  coma collect TỆP_GỐC TỆP_ĐƠN_VỊ… [-o TỆP_RA] [--overwrite] [--json]
                                                       ghi số liệu các đơn vị gửi về vào tệp mới
                                                       (mặc định: <tên>-thu-thap-<năm>.xlsx bên cạnh tệp gốc)

TỆP có thể là nhiều tệp hoặc một thư mục (mọi tệp .xlsx trong đó).

Tùy chọn:
  -o, --output TỆP   tên tệp ghi ra (chỉ khi xử lý một tệp); không bao giờ ghi đè tệp gốc
  --year NĂM         năm đánh giá, từ 2025 (vị trí xuất phát) đến 2030; mặc định: năm gần nhất có số liệu
  --json             in kết quả dạng JSON (mỗi tệp một dòng khi xử lý nhiều tệp)
  --all              liệt kê từng dòng cảnh báo (mặc định: loại nào có nhiều dòng thì chỉ đếm)
  --force            (template, split) thay tệp đã có; không có --force thì không bao giờ ghi đè
  --overwrite        (collect) thay số liệu đã có trong tệp gốc khi đơn vị gửi số khác (không thay ô công thức)
  -o THƯ_MỤC         (split) thư mục ghi các tệp đơn vị; mặc định: thư mục của tệp gốc
  --year NĂM         (split) năm cần thu thập; mặc định: năm đầu tiên mà cột năm đó còn trống quá nửa
  -h, --help         in hướng dẫn này

Mã kết thúc:
  template: 0 đã ghi, 2 tệp đã có (không ghi gì) hoặc gõ sai lệnh
  validate: 0 không có lỗi, 1 có lỗi, 2 không đọc được tệp hoặc gõ sai lệnh
  summary:  0 đã ghi, 1 không có trang chỉ tiêu nào đọc được (không ghi gì), 2 không đọc được tệp hoặc gõ sai lệnh
  split:    0 đã ghi, 1 không có trang chỉ tiêu, 2 tệp đã có (không ghi gì), không đọc được tệp hoặc gõ sai lệnh
  collect:  0 đã đủ số liệu, không có số khác nhau; 1 có số khác nhau, đơn vị chưa báo cáo hoặc tệp đơn vị bị từ chối;
            2 không đọc được tệp hoặc gõ sai lệnh

Biến môi trường COMA_TODAY=NNNN-TT-NN đặt ngày ghi trên bảng tổng hợp (mặc định: hôm nay).

Không có Node.js? Tệp coma.html làm cùng việc trong trình duyệt, không cần cài đặt, không cần mạng: chép tệp ra
màn hình hoặc USB rồi mở bằng Chrome, Edge hoặc Cốc Cốc.
`;
