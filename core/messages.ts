import { formatNumber } from "./format";
import type { ParamsOf, Rule } from "./problems";

export type { Finding, ParamsOf, Rule } from "./problems";

/**
 * Every Vietnamese message a problem can carry, keyed by its rule. Logic emits rules; wording lives here.
 * Messages fit a terminal as well as the task pane: they name no button (the pane shows its own for a fix).
 */
const MESSAGES: { [R in Rule]: (p: ParamsOf<R>) => string } = {
  "no-target-sheet": () =>
    "Không tìm thấy trang chỉ tiêu nào: trong 20 dòng đầu của trang cần có dòng tiêu đề với các cột Mã, Chỉ tiêu và Mục tiêu 2030.",
  "sheet-too-large": (p) => `Trang có ${formatNumber(p.rows)} dòng, vượt giới hạn ${formatNumber(p.limit)} dòng; trang này không được đọc.`,
  "text-too-long": (p) =>
    `Ô có ${formatNumber(p.length)} ký tự, vượt giới hạn ${formatNumber(p.limit)} ký tự của một ô Excel; dòng này bị bỏ qua.`,
  "duplicate-column": (p) => `Cột “${p.header}” xuất hiện hai lần; chỉ dùng cột đầu tiên.`,
  "year-out-of-term": (p) =>
    `Cột “${p.header}” ghi năm ${p.year}, ngoài nhiệm kỳ 2025 – 2030 (cơ sở 2025, các năm 2026 … 2030); cột này không được đọc.`,
  "missing-code": () => "Dòng có mục tiêu nhưng thiếu mã chỉ tiêu.",
  "bad-code": (p) => `Mã “${p.text}” không đúng dạng nhóm + số (ví dụ KT1, KT3.2, XH12.1, XD1.3); dòng này bị bỏ qua.`,
  "duplicate-code": (p) => `Mã ${p.code} trùng với dòng ${p.row}${p.sheet === null ? "" : ` của trang “${p.sheet}”`}; dòng này bị bỏ qua.`,
  "group-mismatch": (p) => `Nhóm “${p.text}” không khớp với mã; dùng nhóm ${p.group} theo mã.`,
  "bad-method": (p) =>
    `Cách tính “${p.text}” không hợp lệ: dùng một trong Năm, Cộng dồn, Tăng bình quân, Hằng năm; chỉ tiêu này được tính là thiếu số liệu.`,
  "missing-target": () => "Thiếu mục tiêu 2030.",
  "bad-target": (p) => `Không đọc được mục tiêu “${p.text}”; ví dụ hợp lệ: 50, ≥ 90%, trên 2.800, dưới 30, 7-8, giảm tối thiểu 10%.`,
  "bad-plan": (p) =>
    `Không đọc được kế hoạch năm ${p.year} “${p.text}”; ghi một số (ví dụ 16) hoặc một mục tiêu (ví dụ ≥ 90%, dưới 30, 7-8).`,
  "inverted-range": (p) => `Khoảng mục tiêu “${p.text}” có cận dưới lớn hơn cận trên.`,
  "ambiguous-number": (p) =>
    `Không đọc được số “${p.text}”: dấu chấm không tách đúng nhóm 3 chữ số hàng nghìn, cũng không thể là dấu thập phân; hãy ghi lại số (ví dụ 2.800 hoặc 2,8).`,
  "missing-baseline": () => "Thiếu số liệu cơ sở năm 2025: không tính được mức thay đổi và tiến độ.",
  "text-number": (p) => `Số được ghi dạng chữ “${p.text}”, đọc là ${formatNumber(p.value)}; nên ghi lại thành số.`,
  "dot-decimal": (p) =>
    `“${p.text}” được đọc là ${formatNumber(p.value)} (dấu chấm không theo sau bởi đúng 3 chữ số nên coi là dấu thập phân); hãy kiểm tra lại, dấu thập phân tiếng Việt là dấu phẩy.`,
  "percent-fraction": (p) =>
    `${formatNumber(p.value)} được đọc là ${formatNumber(p.value)}%; có phải ${formatNumber(p.percent)}%? Nếu đúng, hãy ghi ${formatNumber(p.percent)}.`,
  "cell-error": (p) => `Ô có lỗi ${p.error}; chỉ tiêu này được tính là thiếu số liệu.`,
  "not-a-number": (p) => `“${p.text}” không phải là số.`,
  negative: (p) => `Giá trị âm (${formatNumber(p.value)}) không hợp lệ.`,
  "percent-over-100": (p) => `Tỷ lệ ${formatNumber(p.value)}% vượt quá 100%.`,
  "cumulative-gap": (p) => `Năm ${p.year} để trống: khi cộng dồn được tính là 0.`,
  "annual-gap": (p) => `Năm ${p.year} để trống: chỉ tiêu hằng năm chưa đánh giá được cho cả nhiệm kỳ.`,
  "missing-from-resolution": (p) => `Thiếu chỉ tiêu ${p.code} “${p.name}” của Nghị quyết; chỉ tiêu này được tính là thiếu số liệu.`,
  "target-differs": (p) => `Mục tiêu “${p.text}” khác với Nghị quyết (“${p.resolution}”); vẫn dùng mục tiêu ghi trên trang.`,
  "report-conflict": (p) => `Số liệu báo cáo chính trị tự mâu thuẫn: ${p.note}`,
};

/** The Vietnamese message of a finding, with its parameters filled in. */
export function message<R extends Rule>(finding: { rule: R; params: ParamsOf<R> }): string {
  return MESSAGES[finding.rule](finding.params);
}
