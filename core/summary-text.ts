import { formatNumber } from "./format";
import { BASE_YEAR, isFinal } from "./model";
import type { Doubt } from "./summary";

/** Every Vietnamese text of the summary sheet (Hướng dẫn 36-HD/VPTW form), keyed by its place on the sheet. */
export const SUMMARY_TEXT = {
  province: "ĐẢNG BỘ TỈNH SƠN LA",
  committee: "ĐẢNG ỦY XÃ CO MẠ",
  star: "*",
  /** The number is left blank: the office writes it when the report is filed. */
  number: "Số      -BC/ĐU",
  party: "ĐẢNG CỘNG SẢN VIỆT NAM",
  placeAndDate: (date: Date) => `Co Mạ, ngày ${date.getDate()} tháng ${date.getMonth() + 1} năm ${date.getFullYear()}`,
  title: "BÁO CÁO",
  subject: (year: number) =>
    year === BASE_YEAR
      ? "Vị trí xuất phát năm 2025 của các chỉ tiêu Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030"
      : `Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội đại biểu Đảng bộ xã lần thứ I, nhiệm kỳ 2025 – 2030, năm ${year}`,
  coverage: (year: number, withValue: number, rows: number) =>
    year === BASE_YEAR
      ? `Năm đánh giá: 2025 (vị trí xuất phát, so sánh số liệu cơ sở với mục tiêu năm 2030).`
      : `Năm đánh giá: ${year}; ${withValue}/${rows} dòng chỉ tiêu có số liệu thực hiện năm ${year}.`,
  overviewTitle: "I. TỔNG HỢP THEO NHÓM CHỈ TIÊU",
  serial: "STT",
  group: "Nhóm chỉ tiêu",
  total: "Tổng số",
  totalRow: "Tổng cộng",
  chartTitle: (year: number) => `Kết quả các chỉ tiêu theo nhóm, năm ${year}`,
  detailTitle: "II. CHI TIẾT TỪNG CHỈ TIÊU",
  code: "Mã",
  /** A row whose figure rests on a cell to check (listed in section IV). */
  doubtedCode: (code: string) => `${code} (*)`,
  /** The sheet's target and, under it in the same cell, the resolution's. */
  targetAndResolution: (target: string, resolution: string) => `${target}\nNQ: ${resolution}`,
  absent: "Không có trên trang chỉ tiêu",
  name: "Chỉ tiêu",
  unit: "ĐVT",
  baseline: "Cơ sở 2025",
  target: "Mục tiêu 2030",
  plan: (year: number) => `Kế hoạch ${year}`,
  planAttainment: "So với kế hoạch",
  value: (year: number) => `Thực hiện ${year}`,
  evaluated: "Giá trị đánh giá",
  expected: (year: number) => `Lộ trình ${year}`,
  attainment: "Tỷ lệ đạt",
  status: "Đánh giá",
  behindTitle: (year: number) =>
    isFinal(year)
      ? "III. CÁC CHỈ TIÊU KHÔNG ĐẠT (xa mục tiêu nhất trước)"
      : year === BASE_YEAR
        ? "III. CÁC CHỈ TIÊU CHƯA ĐẠT MỤC TIÊU NĂM 2030 (xa mục tiêu nhất trước)"
        : "III. CÁC CHỈ TIÊU CHẬM TIẾN ĐỘ, CHƯA ĐẠT (xa lộ trình nhất trước)",
  noneBehind: (year: number) =>
    isFinal(year)
      ? "Không có chỉ tiêu không đạt."
      : year === BASE_YEAR
        ? "Mọi chỉ tiêu đã đạt mục tiêu năm 2030 hoặc chưa có số liệu."
        : "Không có chỉ tiêu chậm tiến độ hoặc chưa đạt.",
  skippedTitle: "IV. SỐ LIỆU LỖI VÀ SỐ LIỆU CẦN KIỂM TRA",
  skippedNone: "Không có ô số liệu lỗi: mọi số liệu đã nhập đều được tính.",
  skippedCells: (cells: number) => `Có ${formatNumber(cells)} ô số liệu lỗi không được tính (xem danh sách lỗi khi kiểm tra tệp).`,
  skippedCodes: (codes: readonly string[]) =>
    codes.length === 0
      ? "Không chỉ tiêu nào bị tính là thiếu số liệu vì các ô này."
      : `Vì các ô này, ${codes.length} chỉ tiêu được tính là “Thiếu số liệu”: ${codes.join(", ")}.`,
  doubtsLead: (count: number) =>
    `Có ${formatNumber(count)} ô số liệu vẫn được tính nhưng có thể đã bị hiểu sai; các dòng dựa trên những ô này được đánh dấu (*) sau mã chỉ tiêu:`,
  doubt: (d: Doubt) => `${d.sheet === null ? "" : `${d.sheet}${d.cell === null ? "" : `!${d.cell}`}: `}${doubtReading(d)}`,
  recipients: "Nơi nhận:",
  recipientList: ["- Ban Thường vụ Đảng ủy xã,", "- Lưu Văn phòng Đảng ủy."],
  onBehalf: "T/M ĐẢNG ỦY",
  signer: "BÍ THƯ",
} as const;

/** What an evaluated value that is not v(y) is: a running total or an average growth rate. */
export const EVALUATED_UNITS = { "Cộng dồn": "lũy kế", "Tăng bình quân": "%/năm" } as const;

/** How the evaluated value of a row reads in the printed table: the number, then what it is. */
export const EVALUATED_FORMATS = {
  cumulative: (integer: boolean) => (integer ? `#,##0" ${EVALUATED_UNITS["Cộng dồn"]}"` : `#,##0.0#" ${EVALUATED_UNITS["Cộng dồn"]}"`),
  growth: `0.00" ${EVALUATED_UNITS["Tăng bình quân"]}"`,
} as const;

/** What was read from a cell to check, and what it may be instead. */
function doubtReading({ finding }: Doubt): string {
  switch (finding.rule) {
    case "percent-fraction":
      return `${formatNumber(finding.params.value)} được đọc là ${formatNumber(finding.params.value)}%; có thể là ${formatNumber(finding.params.percent)}%.`;
    case "dot-decimal":
      return `“${finding.params.text}” được đọc là ${formatNumber(finding.params.value)} (dấu chấm được coi là dấu thập phân); nếu dấu chấm dùng để tách hàng nghìn thì số này bị đọc sai.`;
    case "target-differs":
      return `mục tiêu “${finding.params.text}” được dùng để đánh giá; Nghị quyết ghi “${finding.params.resolution}”.`;
  }
}
