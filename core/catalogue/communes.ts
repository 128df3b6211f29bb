import type { FormerCommune, FormerCommuneResult, SourceQuote } from "./types";

/**
 * 2020–2025 results of the three former communes (Co Mạ, Pá Lông, Co Tòng) as the congress report gives them
 * (Phần thứ hai and its footnotes).
 *
 * - `code` set: the figure feeds the baseline of that catalogue row (see `targets.ts`).
 * - `code: null`: a weight used in a consolidation (number of chi bộ), or context only: a per-commune figure of a
 *   target whose baseline could not be consolidated (the report does not give the weights); the label says which.
 *
 * The report gives no population or household count per former commune (only 14.560 người for the whole new
 * commune, chú thích 1), so no rate could be weighted by population or households.
 */

const src = (where: string, quote: string): SourceQuote => ({ quote, where });

const result = (
  code: string | null,
  commune: FormerCommune,
  label: string,
  value: number,
  unit: string,
  source: SourceQuote,
): FormerCommuneResult => ({ code, commune, label, value, unit, source });

const CHAN_NUOI = "Phần thứ hai, I.1.1.2 (Chăn nuôi)";
const TRONG_TROT = "Phần thứ hai, I.1.1.1 (Trồng trọt)";
const LAM_NGHIEP = "Phần thứ hai, I.1.1.4 (Lâm nghiệp)";
const TAI_CHINH = "Phần thứ hai, I.1.3 (Tài chính, tín dụng)";
const NONG_THON_MOI = "Phần thứ hai, I.1.5 (Nông thôn mới)";
const AN_SINH = "Phần thứ hai, I.2.4 (An sinh xã hội)";
const FN3_CO_MA = "chú thích 3 (Co Mạ)";
const FN3_PA_LONG = "chú thích 3 (Pá Lông)";
const FN3_CO_TONG = "chú thích 3 (Co Tòng)";

// Quotes shared by several figures (a count and its denominator).
const CHI_BO_2024_CO_MA = src(FN3_CO_MA, "Năm 2024 là 4/24 chi bộ (18%)");
const CHI_BO_2024_PA_LONG = src(FN3_PA_LONG, "Năm 2024 là 2/13 chi bộ (15,38%)");
const CHI_BO_2024_CO_TONG = src(FN3_CO_TONG, "Năm 2024 là 2/13 chi bộ (15,4%)");

export const FORMER_COMMUNE_RESULTS: readonly FormerCommuneResult[] = [
  // KT3.5: tổng đàn gia súc, gia cầm cuối nhiệm kỳ (mức gốc của tốc độ tăng đàn).
  result(
    "KT3.5",
    "Co Mạ",
    "Tổng đàn gia súc, gia cầm (ước đạt)",
    30102,
    "con",
    src(CHAN_NUOI, "Xã Co Mạ đàn gia súc, gia cầm trên địa bàn xã ước đạt là: 30.102 con"),
  ),
  result(
    "KT3.5",
    "Pá Lông",
    "Tổng đàn gia súc, gia cầm (ước đạt)",
    16123,
    "con",
    src(CHAN_NUOI, "Xã Pá Lông tổng đàn gia súc, gia cầm trên địa bàn xã ước đạt 16.123 con, tăng 13,1 % so với đầu nhiệm kỳ"),
  ),
  result(
    "KT3.5",
    "Co Tòng",
    "Tổng đàn gia súc, gia cầm (báo cáo ghi tổng; các thành phần cộng lại 13.661)",
    13631,
    "con",
    src(CHAN_NUOI, "Xã Co Tòng tổng đàn gia súc, gia cầm trên địa bàn xã là 13.631 con"),
  ),

  // XD1.1: tỷ lệ tổ chức đảng HTTNV trở lên năm 2024.
  result(
    "XD1.1",
    "Co Mạ",
    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên năm 2024",
    92.4,
    "%",
    src(FN3_CO_MA, "năm 2024 có 92,4% tổ chức đảng HTTNV trở lên"),
  ),
  result(
    "XD1.1",
    "Pá Lông",
    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên năm 2024 (2020–2025 đều 100%)",
    100,
    "%",
    src(FN3_PA_LONG, "Từ năm 2020 đến 2025 có 100% tổ chức đảng HTTNV trở lên"),
  ),
  result(
    "XD1.1",
    "Co Tòng",
    "Tỷ lệ tổ chức đảng hoàn thành tốt nhiệm vụ trở lên năm 2024",
    100,
    "%",
    src(FN3_CO_TONG, "Các năm 2020,2021, 2022, 2024 có 100% tổ chức đảng HTTNV trở lên"),
  ),

  // XD1.3: số chi bộ hoàn thành xuất sắc nhiệm vụ năm 2024.
  result(
    "XD1.3",
    "Co Mạ",
    "Số chi bộ hoàn thành xuất sắc nhiệm vụ năm 2024 (báo cáo ghi 18%; 4/24 = 16,7%)",
    4,
    "chi bộ",
    CHI_BO_2024_CO_MA,
  ),
  result("XD1.3", "Pá Lông", "Số chi bộ hoàn thành xuất sắc nhiệm vụ năm 2024", 2, "chi bộ", CHI_BO_2024_PA_LONG),
  result("XD1.3", "Co Tòng", "Số chi bộ hoàn thành xuất sắc nhiệm vụ năm 2024", 2, "chi bộ", CHI_BO_2024_CO_TONG),

  // Trọng số: số chi bộ năm 2024 (mẫu số của XD1.3, trọng số của XD1.1).
  result(null, "Co Mạ", "Số chi bộ năm 2024 (trọng số của XD1.1, mẫu số của XD1.3)", 24, "chi bộ", CHI_BO_2024_CO_MA),
  result(null, "Pá Lông", "Số chi bộ năm 2024 (trọng số của XD1.1, mẫu số của XD1.3)", 13, "chi bộ", CHI_BO_2024_PA_LONG),
  result(null, "Co Tòng", "Số chi bộ năm 2024 (trọng số của XD1.1, mẫu số của XD1.3)", 13, "chi bộ", CHI_BO_2024_CO_TONG),

  // Tham khảo (không quy đổi được thành giá trị nền toàn xã; lý do ở ghi chú của chỉ tiêu).
  result(
    null,
    "Co Mạ",
    "Diện tích trồng mới cà phê trong nhiệm kỳ (tham khảo KT3.1; Pá Lông không có số liệu)",
    43,
    "ha",
    src(TRONG_TROT, "triển khai trồng mới được 43 ha cây cà phê"),
  ),
  result(
    null,
    "Co Tòng",
    "Diện tích trồng mới cà phê trong nhiệm kỳ (tham khảo KT3.1; Pá Lông không có số liệu)",
    19,
    "ha",
    src(TRONG_TROT, "trồng mới 19 ha diện tích cây cà phê trong nhiệm kỳ 2020-2025"),
  ),
  result(
    null,
    "Co Mạ",
    "Diện tích lúa mùa (tham khảo KT3.2, KT3.3; hai xã kia không có số liệu)",
    876,
    "ha",
    src(TRONG_TROT, "Lúa mùa 876 ha, đạt 126 %"),
  ),
  result(
    null,
    "Co Mạ",
    "Diện tích ngô (tham khảo KT3.2, KT3.4; hai xã kia không có số liệu)",
    1009,
    "ha",
    src(TRONG_TROT, "Ngô 1.009 ha, đạt 126,1 %"),
  ),
  result(
    null,
    "Co Tòng",
    "Sản lượng cây lương thực có hạt (tham khảo KT3.2; là sản lượng, không phải diện tích)",
    8474.1,
    "tấn",
    src(TRONG_TROT, "cây lương thực có hạt đạt 8.474,1 tấn, bằng 92,1% so với chỉ tiêu Nghị quyết đề ra"),
  ),

  result(
    null,
    "Co Mạ",
    "Tỷ lệ che phủ rừng (tham khảo KT6; thiếu diện tích tự nhiên từng xã)",
    55,
    "%",
    src(LAM_NGHIEP, "Xã Co Mạ diện tích rừng toàn xã 9300 ha, tỷ lệ độ che phủ rừng đạt 55%"),
  ),
  result(
    null,
    "Pá Lông",
    "Tỷ lệ che phủ rừng, gồm cả cây ăn quả trên đất dốc (tham khảo KT6)",
    55,
    "%",
    src(LAM_NGHIEP, "tỷ lệ độ che phủ rừng đạt 55% (bao gồm cả diện tích cây ăn quả trên đất dốc)"),
  ),
  result(
    null,
    "Co Tòng",
    "Tỷ lệ che phủ rừng (tham khảo KT6)",
    35,
    "%",
    src(LAM_NGHIEP, "tỷ lệ độ che phủ rừng đạt 35% bằng 77,7 % chỉ tiêu Nghị quyết"),
  ),
  result(null, "Co Mạ", "Diện tích rừng (tham khảo KT6)", 9300, "ha", src(LAM_NGHIEP, "Xã Co Mạ diện tích rừng toàn xã 9300 ha")),
  result(null, "Pá Lông", "Diện tích rừng (tham khảo KT6)", 589, "ha", src(LAM_NGHIEP, "Xã Pá Lông diện tích rừng toàn xã 589 ha")),
  result(null, "Co Tòng", "Diện tích rừng (tham khảo KT6)", 617, "ha", src(LAM_NGHIEP, "Xã Co Tòng diện tích rừng toàn xã 617,0 ha")),

  result(
    null,
    "Co Mạ",
    "Tổng thu ngân sách giai đoạn 2021–2025, gồm cả thu trợ cấp cân đối (tham khảo KT1)",
    45.72,
    "tỷ đồng",
    src(TAI_CHINH, "Xã Co Mạ tổng thu ngân sách giai đoạn 2021 - 2025 (bao gồm cả thu trợ cấp cân đối) đạt 45,72 tỷ đồng"),
  ),
  result(
    null,
    "Pá Lông",
    "Tổng thu ngân sách giai đoạn 2021–2025 (tham khảo KT1)",
    32.69,
    "tỷ đồng",
    src(TAI_CHINH, "Xã Pá Lông Tổng thu ngân sách giai đoạn 2021 – 2025 đạt 32,69 tỷ đồng"),
  ),
  result(
    null,
    "Co Tòng",
    "Tổng thu ngân sách giai đoạn 2021–2025 (tham khảo KT1)",
    5296040383,
    "đồng",
    src(TAI_CHINH, "Xã Co Tòng Tổng thu ngân sách giai đoạn 2021 - 2025 đạt 5.296.040.383 đồng"),
  ),
  result(
    null,
    "Co Tòng",
    "Thu tại xã giai đoạn 2021–2025 (tham khảo KT1.2)",
    33431000,
    "đồng",
    src(TAI_CHINH, "thu tại xã đạt 33.431.000 đồng, bằng 66,8 chỉ tiêu Nghị quyết đề ra"),
  ),

  result(
    null,
    "Co Mạ",
    "Tỷ lệ hộ nghèo cuối năm 2024 (tham khảo XH3; thiếu số hộ từng xã)",
    32.31,
    "%",
    src(AN_SINH, "tỷ lệ hộ nghèo giảm xã Co Mạ còn 32,31% (giảm 0,33% so với năm 2020)"),
  ),
  result(
    null,
    "Pá Lông",
    "Tỷ lệ hộ nghèo cuối năm 2024 (tham khảo XH3; báo cáo thiếu dấu %)",
    37.51,
    "%",
    src(AN_SINH, "Xã Pá Lông còn 37,51 (giảm 7,49% so với nghị quyết)"),
  ),
  result(
    null,
    "Co Tòng",
    "Tỷ lệ hộ nghèo cuối năm 2024 (tham khảo XH3)",
    34.4,
    "%",
    src(AN_SINH, "Xã Co Tòng còn 34,4% (giảm 40,39% so với năm 2020)"),
  ),

  result(
    null,
    "Co Mạ",
    "Số tiêu chí nông thôn mới đạt đến hết năm 2024 (tham khảo XH5.1; không cộng được)",
    9,
    "tiêu chí",
    src(NONG_THON_MOI, "Xã Co Mạ tính đến hết năm 2024, xã đạt 09/19 Tiêu chí về nông thôn mới"),
  ),
  result(
    null,
    "Pá Lông",
    "Số tiêu chí nông thôn mới đạt (tham khảo XH5.1; không cộng được)",
    5,
    "tiêu chí",
    src(NONG_THON_MOI, "Xã Pá Lông đạt 5/19 tiêu chí tăng 26,31% so với Nghị quyết"),
  ),
  result(
    null,
    "Co Tòng",
    "Số tiêu chí nông thôn mới đạt (tham khảo XH5.1; không cộng được)",
    7,
    "tiêu chí",
    src(NONG_THON_MOI, "Xã Co Tòng đạt 7/19 tiêu chí, tăng 2 tiêu chí so với đầu nhiệm kỳ"),
  ),

  result(
    null,
    "Co Mạ",
    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ năm 2024 (tham khảo XD1.2; thiếu số đảng viên từng xã)",
    92.4,
    "%",
    src(FN3_CO_MA, "Năm 2024: 92,4% đảng viên HTTNV, 17,7% đảng viên HTXSNV"),
  ),
  result(
    null,
    "Pá Lông",
    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ năm 2024 (tham khảo XD1.2)",
    91.83,
    "%",
    src(FN3_PA_LONG, "Năm 2024: 91,83% đảng viên HTTNV, 8,16% đảng viên HTXSNV"),
  ),
  result(
    null,
    "Co Tòng",
    "Tỷ lệ đảng viên hoàn thành tốt nhiệm vụ năm 2024 (tham khảo XD1.2)",
    80.5,
    "%",
    src(FN3_CO_TONG, "Năm 2024: 13,2% đảng viên HTXSNV, 80,5% đảng viên HTTNV, 6,3% đảng viên HTNV"),
  ),
  result(
    null,
    "Co Mạ",
    "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024 (tham khảo XD1.4; thiếu số đảng viên từng xã)",
    17.7,
    "%",
    src(FN3_CO_MA, "Năm 2024: 92,4% đảng viên HTTNV, 17,7% đảng viên HTXSNV"),
  ),
  result(
    null,
    "Pá Lông",
    "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024 (tham khảo XD1.4)",
    8.16,
    "%",
    src(FN3_PA_LONG, "Năm 2024: 91,83% đảng viên HTTNV, 8,16% đảng viên HTXSNV"),
  ),
  result(
    null,
    "Co Tòng",
    "Tỷ lệ đảng viên hoàn thành xuất sắc nhiệm vụ năm 2024 (tham khảo XD1.4)",
    13.2,
    "%",
    src(FN3_CO_TONG, "Năm 2024: 13,2% đảng viên HTXSNV, 80,5% đảng viên HTTNV, 6,3% đảng viên HTNV"),
  ),
];
