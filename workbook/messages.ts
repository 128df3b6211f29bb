import { formatNumber } from "../core";
import type { WorkbookFileErrorCode, WorkbookFileProblems } from "./errors";

const mb = (bytes: number) => formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10);

type Worded = { [C in WorkbookFileErrorCode]: (p: WorkbookFileProblems[C] & { file: string }) => string };

/**
 * The layer's refusals in Vietnamese, one sentence each naming the file: the command line prints them and the page
 * shows them, word for word the same.
 */
export const WORKBOOK_FILE_MESSAGES: Worded = {
  "file-too-large": (p) => `Tệp “${p.file}” nặng ${mb(p.size)} MB, vượt giới hạn ${mb(p.limit)} MB nên không được mở.`,
  "unzipped-too-large": (p) => `Tệp “${p.file}” khi giải nén chiếm ${mb(p.size)} MB, vượt giới hạn ${mb(p.limit)} MB nên không được mở.`,
  "zip-bomb": (p) =>
    `Tệp “${p.file}” có tỷ lệ nén bất thường (${formatNumber(Math.round(p.ratio))} lần), có thể là tệp độc hại, nên không được mở.`,
  "zip-size-lie": (p) => `Tệp “${p.file}” giải nén ra lớn hơn kích thước nó khai báo, có thể là tệp độc hại, nên không được mở.`,
  "legacy-xls": (p) =>
    `Tệp “${p.file}” là tệp Excel cũ (.xls) hoặc đã đặt mật khẩu; hãy mở bằng Excel và lưu lại thành .xlsx không mật khẩu.`,
  "not-xlsx": (p) => `Tệp “${p.file}” không phải là tệp Excel .xlsx nên không đọc được.`,
  corrupt: (p) => `Tệp “${p.file}” bị hỏng hoặc không đúng định dạng .xlsx nên không đọc được.`,
};

/** A refusal of the layer worded for the file it was reading. */
export function refusalMessage(error: { code: WorkbookFileErrorCode; params: object }, file: string): string {
  return (WORKBOOK_FILE_MESSAGES[error.code] as (p: object) => string)({ ...error.params, file });
}
