import { formatNumber } from "./format";

/** Every Vietnamese message a problem can carry, keyed by its rule. Logic emits rules; wording lives here. */
export const MESSAGES = {
  "no-target-sheet": () =>
    "Không tìm thấy trang chỉ tiêu nào: trong 20 dòng đầu của trang cần có dòng tiêu đề với các cột Mã, Chỉ tiêu và Mục tiêu 2030.",
  "sheet-too-large": (p: { rows: number; limit: number }) =>
    `Trang có ${formatNumber(p.rows)} dòng, vượt giới hạn ${formatNumber(p.limit)} dòng; trang này không được đọc.`,
  "duplicate-column": (p: { header: string }) => `Cột “${p.header}” xuất hiện hai lần; chỉ dùng cột đầu tiên.`,
  "missing-code": () => "Dòng có mục tiêu nhưng thiếu mã chỉ tiêu.",
  "bad-code": (p: { text: string }) =>
    `Mã “${p.text}” không đúng dạng nhóm + số (ví dụ KT1, KT3.2, XH12.1, XD1.3); dòng này bị bỏ qua.`,
  "duplicate-code": (p: { code: string; where: string }) =>
    `Mã ${p.code} trùng với ${p.where}; dòng này bị bỏ qua.`,
  "group-mismatch": (p: { text: string; group: string }) =>
    `Nhóm “${p.text}” không khớp với mã; dùng nhóm ${p.group} theo mã.`,
  "bad-method": (p: { text: string }) =>
    `Cách tính “${p.text}” không hợp lệ: dùng Năm, Cộng dồn, Tăng bình quân hoặc Hằng năm.`,
  "missing-target": () => "Thiếu mục tiêu 2030.",
  "bad-target": (p: { text: string }) =>
    `Không đọc được mục tiêu “${p.text}”; ví dụ hợp lệ: 50, ≥ 90%, trên 2.800, dưới 30, 7-8, giảm tối thiểu 10%.`,
  "inverted-range": (p: { text: string }) => `Khoảng mục tiêu “${p.text}” có cận dưới lớn hơn cận trên.`,
  "missing-baseline": () => "Thiếu số liệu cơ sở năm 2025: không tính được mức thay đổi và tiến độ.",
  "text-number": (p: { text: string; value: number }) =>
    `Số được ghi dạng chữ “${p.text}”, đọc là ${formatNumber(p.value)}; bấm Sửa để ghi thành số.`,
  "dot-decimal": (p: { text: string; value: number }) =>
    `“${p.text}” được đọc là ${formatNumber(p.value)} (dấu chấm không theo sau bởi đúng 3 chữ số nên coi là dấu thập phân); hãy kiểm tra lại, dấu thập phân tiếng Việt là dấu phẩy.`,
  "cell-error": (p: { error: string }) => `Ô có lỗi ${p.error}; chỉ tiêu này được tính là thiếu số liệu.`,
  "not-a-number": (p: { text: string }) => `“${p.text}” không phải là số.`,
  negative: (p: { value: number }) => `Giá trị âm (${formatNumber(p.value)}) không hợp lệ.`,
  "percent-over-100": (p: { value: number }) => `Tỷ lệ ${formatNumber(p.value)}% vượt quá 100%.`,
  "cumulative-gap": (p: { year: number }) => `Năm ${p.year} để trống: khi cộng dồn được tính là 0.`,
  "annual-gap": (p: { year: number }) =>
    `Năm ${p.year} để trống: chỉ tiêu hằng năm chưa đánh giá được cho cả nhiệm kỳ.`,
  "report-conflict": (p: { note: string }) => `Số liệu báo cáo chính trị tự mâu thuẫn: ${p.note}`,
} as const;

export type Rule = keyof typeof MESSAGES;
/** The Vietnamese message of a rule, with its parameters filled in. */
export function message(rule: Rule, params: Record<string, unknown> = {}): string {
  return (MESSAGES[rule] as (p: Record<string, unknown>) => string)(params);
}
