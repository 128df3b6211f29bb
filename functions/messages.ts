import { message } from "../core/messages";
import { ErrorCode } from "./errors";

/** How a message names each argument of a COMA function. */
export const ARGUMENT_NAMES = {
  actual: "số liệu thực hiện",
  baseline: "số liệu cơ sở 2025",
  target: "mục tiêu 2030",
  year: "năm đánh giá",
  first: "giá trị đầu kỳ",
  last: "giá trị cuối kỳ",
  years: "số năm",
  text: "nội dung cần đọc",
  values: "số liệu cần tổng hợp",
  weights: "trọng số",
  code: "mã chỉ tiêu",
  method: "cách tính",
} as const;

export type Argument = keyof typeof ARGUMENT_NAMES;

const named = (argument: Argument, text: string) => {
  const name = ARGUMENT_NAMES[argument];
  return `${name[0].toUpperCase()}${name.slice(1)}: ${text[0].toLowerCase()}${text.slice(1)}`;
};

/**
 * Every way a COMA function can fail: the Excel error it answers and its Vietnamese message.
 * Wording shared with sheet checking comes from core's message table.
 */
export const FAILURES = {
  missing: (p: { argument: Argument }) => [ErrorCode.notAvailable, `Thiếu ${ARGUMENT_NAMES[p.argument]}.`],
  "not-a-number": (p: { argument: Argument; text: string }) => [
    ErrorCode.invalidValue,
    named(p.argument, message({ rule: "not-a-number", params: { text: p.text } })),
  ],
  negative: (p: { argument: Argument; value: number }) => [
    ErrorCode.invalidNumber,
    named(p.argument, message({ rule: "negative", params: { value: p.value } })),
  ],
  "bad-target": (p: { text: string }) => [ErrorCode.invalidValue, message({ rule: "bad-target", params: { text: p.text } })],
  "inverted-range": (p: { text: string }) => [ErrorCode.invalidValue, message({ rule: "inverted-range", params: { text: p.text } })],
  "bad-year": (p: { text: string }) => [ErrorCode.invalidNumber, `Năm “${p.text}” không hợp lệ: nhập năm từ 2025 đến 2030, ví dụ 2027.`],
  "bad-method": (p: { text: string }) => [
    ErrorCode.invalidValue,
    `Cách tính “${p.text}” không hợp lệ: dùng Năm, Cộng dồn, Tăng bình quân hoặc Hằng năm.`,
  ],
  "no-path-start": () => [ErrorCode.notAvailable, "Năm 2025 là vị trí xuất phát, chưa có lộ trình: nhập năm từ 2026 đến 2030."],
  "no-path-annual": () => [ErrorCode.notAvailable, "Chỉ tiêu hằng năm không có lộ trình: năm nào cũng phải đạt mục tiêu."],
  "no-path": () => [ErrorCode.notAvailable, "Mục tiêu giảm không có lộ trình theo cách tính Tăng bình quân."],
  "bad-years": (p: { value: number }) => [ErrorCode.invalidNumber, `Số năm phải lớn hơn 0 (đang là ${p.value}).`],
  "no-ratio": () => [ErrorCode.divisionByZero, "Không tính được vì phải chia cho 0."],
  "no-progress": () => [
    ErrorCode.notAvailable,
    "Tiến độ chỉ tính cho mục tiêu tối thiểu hoặc tối đa (≥, >, ≤, <) theo cách tính Năm, và mục tiêu tối thiểu theo cách tính Cộng dồn; không tính cho mục tiêu khoảng, mục tiêu giảm, Tăng bình quân hay Hằng năm.",
  ],
  "baseline-meets": () => [ErrorCode.notAvailable, "Số liệu cơ sở 2025 đã đạt mục tiêu 2030 nên không tính tiến độ."],
  "unknown-code": (p: { code: string }) => [ErrorCode.notAvailable, `Không có mã “${p.code}” trong danh mục chỉ tiêu nhiệm kỳ 2025–2030.`],
  "parent-code": (p: { code: string; children: string }) => [
    ErrorCode.notAvailable,
    `Chỉ tiêu ${p.code} gồm các chỉ tiêu con ${p.children}; hãy dùng mã chỉ tiêu con.`,
  ],
  "no-baseline": (p: { code: string }) => [ErrorCode.notAvailable, `Báo cáo chính trị chưa nêu số liệu cơ sở 2025 của chỉ tiêu ${p.code}.`],
  "bad-range": () => [ErrorCode.invalidValue, "Vùng ô không hợp lệ."],
  "shape-mismatch": (p: { first: string; second: string }) => [
    ErrorCode.invalidValue,
    `Các vùng ô không cùng kích thước (${p.first} và ${p.second}).`,
  ],
  "no-data": () => [ErrorCode.notAvailable, "Không có số liệu nào để tổng hợp."],
  "zero-weights": () => [ErrorCode.divisionByZero, "Tổng trọng số bằng 0."],
} satisfies Record<string, (p: never) => readonly [ErrorCode, string]>;

export type Reason = keyof typeof FAILURES;

/** "3 dòng × 1 cột": the size of a range, for the shape-mismatch message. */
export const rangeSize = (rows: number, columns: number) => `${rows} dòng × ${columns} cột`;
