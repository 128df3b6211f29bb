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
  "missing-baseline": (p) => `Thiếu số liệu cơ sở năm 2025: ${baselineLoss(p)}.`,
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
  "unit-file-no-sheet": (p) =>
    `Không tìm thấy trang có cột Mã và cột Thực hiện ${p.year}; tệp này không được đọc (hãy dùng tệp COMA đã chia cho đơn vị).`,
  "unit-file-other-year": (p) => `Tệp này là số liệu năm ${p.year}, không phải năm ${p.expected} đang thu thập; tệp không được đọc.`,
  "unit-file-other-commune": (p) => `Tệp này được chia từ bảng chỉ tiêu của “${p.office}”, không phải “${p.expected}”; tệp không được đọc.`,
  "unit-file-unknown-code": (p) => `Mã ${p.code} không có trong tệp gốc; số liệu dòng này không được ghi.`,
  "unit-file-code-edited": (p) => `Mã đã bị sửa thành “${p.text}”; dùng mã ${p.code} mà COMA ghi ẩn trong tệp.`,
  "unit-file-locked-edited": (p) =>
    `Ô này đã khóa trong tệp gửi đơn vị nhưng đã bị sửa thành “${p.text}” (tệp gốc ghi “${p.master}”); COMA không lấy ô này.`,
  "master-no-year-column": (p) => `Trang chỉ tiêu không có cột năm ${p.year}; không ghi được số liệu năm ${p.year}.`,
  "master-no-plan-column": (p) =>
    `Trang chỉ tiêu không có cột Kế hoạch ${p.year}: ${p.count} kế hoạch đơn vị gửi về chưa được ghi; thêm cột “Kế hoạch ${p.year}” rồi thu thập lại.`,
  "master-merged-cell": (p) =>
    `Ô cần ghi số liệu nằm trong vùng gộp ô ${p.range}; không ghi được, hãy bỏ gộp ô trong Excel rồi thu thập lại.`,
};

/**
 * What a row cannot have without its baseline, by method and target (core/rules.ts): only a `Năm` min or max row has
 * a progress figure that needs it; a `Cộng dồn` row is measured from 0 and loses nothing but the comparison.
 */
function baselineLoss(p: ParamsOf<"missing-baseline">): string {
  if (p.kind === "reduction") return "không tính được mức giảm nên chỉ tiêu được tính là thiếu số liệu";
  switch (p.method) {
    case "Tăng bình quân":
      return "không tính được tốc độ tăng bình quân nên chỉ tiêu được tính là thiếu số liệu";
    case "Cộng dồn":
      return "số liệu cộng dồn được tính từ 0 nên vẫn đánh giá được; chỉ thiếu phần so sánh với tổng nhiệm kỳ trước";
    case "Hằng năm":
      return "không tính được mức thay đổi so với năm 2025; đánh giá từng năm không bị ảnh hưởng";
    case "Năm":
      return p.kind === "range" || p.kind === null
        ? "không tính được mức thay đổi và lộ trình đến năm 2030"
        : "không tính được mức thay đổi, tiến độ và lộ trình đến năm 2030";
  }
}

/** The Vietnamese message of a finding, with its parameters filled in. */
export function message<R extends Rule>(finding: { rule: R; params: ParamsOf<R> }): string {
  return MESSAGES[finding.rule](finding.params);
}
