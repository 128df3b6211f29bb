/**
 * Illustrative results for 2026 and 2027 (SỐ LIỆU MINH HỌA, not the commune's real figures), for the second run of
 * `npm run demo`: realistic values typed the way a commune office types them, chosen so that the summary of 2027
 * shows every status of the term. `baseline` fills a `Cơ sở 2025` the political report leaves blank; a row whose
 * catalogue baseline is known keeps it. Comments give the judgement of 2027 (k = 0,4; docs/rules.md).
 */
export interface SampleRow {
  code: string;
  baseline?: number;
  2026?: number;
  2027?: number;
}

export const SAMPLE_TITLE_SUFFIX = " — SỐ LIỆU MINH HỌA";
export const SAMPLE_NOTE =
  "SỐ LIỆU MINH HỌA: số liệu các năm 2026, 2027 (và cơ sở 2025 mà báo cáo chính trị chưa nêu) trong tệp này là giả định, " +
  "chỉ để minh họa cách COMA đánh giá theo lộ trình đến năm 2030; không phải số liệu thật của xã Co Mạ.";
export const SAMPLE_FILE = "Số liệu minh họa - chỉ tiêu Co Mạ 2026-2027.xlsx";

export const SAMPLE_ROWS: readonly SampleRow[] = [
  // revenue 30.000 → 35.280 triệu: (1,176)^(1/2) − 1 = 8,4 %/năm, above 7-8: on track (a rate is final only in 2030)
  { code: "KT1.1", baseline: 30000, 2026: 32400, 2027: 35280 },
  // an annual target of 60: met in 2026, not in 2027 → Chưa đạt
  { code: "KT1.2", 2026: 62, 2027: 58 },
  // 500.000 → 610.000: (1,22)^(1/2) − 1 = 10,45 %/năm, above 9-10 → Đúng tiến độ
  { code: "KT2", baseline: 500000, 2026: 550000, 2027: 610000 },
  // 25 + 30 = 55 ha new planting < e = 150 × 0,4 = 60 → Chậm tiến độ
  { code: "KT3.1", 2026: 25, 2027: 30 },
  // e = 4.900 + 165 × 0,4 = 4.966 ≤ 5.010 → Đúng tiến độ
  { code: "KT3.2", baseline: 4900, 2026: 4950, 2027: 5010 },
  // e = 1.750 + 50 × 0,4 = 1.770 > 1.765 → Chậm tiến độ
  { code: "KT3.3", baseline: 1750, 2026: 1760, 2027: 1765 },
  // 3.270 ≥ 3.265 → Vượt
  { code: "KT3.4", baseline: 3150, 2026: 3200, 2027: 3270 },
  // herd 59.856 → 68.500: (1,1444)^(1/2) − 1 = 7,0 %/năm < 10 → Chậm tiến độ
  { code: "KT3.5", 2026: 64000, 2027: 68500 },
  // e = 2.500 + 300 × 0,4 = 2.620 ≤ 2.700 → Đúng tiến độ
  { code: "KT4", baseline: 2500, 2026: 2600, 2027: 2700 },
  // e = 12 + 8 × 0,4 = 15,2 > 14 → Chậm tiến độ
  { code: "KT5.1", baseline: 12, 2026: 13, 2027: 14 },
  // no baseline, so no path, and 4 < 6 → Chưa đạt
  { code: "KT5.2", 2027: 4 },
  // e = 46 + 4 × 0,4 = 47,6 ≤ 48,5 → Đúng tiến độ
  { code: "KT6", baseline: 46, 2026: 47, 2027: 48.5 },
  // 2 ≥ 02 → Đạt
  { code: "KT7", 2026: 1, 2027: 2 },
  // 14 against đạt 10 → Vượt
  { code: "XH1", 2026: 13, 2027: 14 },
  // XH2: no 2027 figure yet → Thiếu số liệu
  { code: "XH2", 2026: 8 },
  // poverty 34,1 → 31,8 → 30,9: e(2026) = 33,28, e(2027) = 32,46 → Đúng tiến độ
  { code: "XH3", baseline: 34.1, 2026: 31.8, 2027: 30.9 },
  // the baseline 100 % met the target, 99,5 < e = 100 → Chậm tiến độ
  { code: "XH4", 2026: 99.2, 2027: 99.5 },
  // e = 8 + 2 × 0,4 = 8,8 ≤ 9 → Đúng tiến độ
  { code: "XH5.1", baseline: 8, 2026: 8, 2027: 9 },
  // no baseline, 0 bản → Chưa đạt
  { code: "XH5.2", 2027: 0 },
  // e = 72 + 28 × 0,4 = 83,2 ≤ 88 → Đúng tiến độ
  { code: "XH6", 2026: 80, 2027: 88 },
  // no baseline, 85 < 100 → Chưa đạt
  { code: "XH7", 2026: 70, 2027: 85 },
  // XH8: no figure → Thiếu số liệu
  // e = 35 + 15 × 0,4 = 41 ≤ 41 → Đúng tiến độ (exactly on the path)
  { code: "XH9", baseline: 35, 2026: 38, 2027: 41 },
  // e = 38 + 12 × 0,4 = 42,8 ≤ 45 → Đúng tiến độ
  { code: "XH10", baseline: 38, 2026: 41, 2027: 45 },
  // e = 30 + 20 × 0,4 = 38 > 35 → Chậm tiến độ
  { code: "XH11", baseline: 30, 2026: 32, 2027: 35 },
  // 92 against 90 % → Vượt
  { code: "XH12.1", baseline: 85, 2026: 88, 2027: 92 },
  // 100 % → Đạt
  { code: "XH12.2", 2026: 100, 2027: 100 },
  // e = 60 + 20 × 0,4 = 68 ≤ 68 → Đúng tiến độ
  { code: "XH13.1", baseline: 60, 2026: 64, 2027: 68 },
  { code: "XH13.2", 2026: 100, 2027: 100 },
  // annual targets judged on the year: 93 ≥ 90 → Vượt
  { code: "XD1.1", 2026: 95, 2027: 93 },
  { code: "XD1.2", 2026: 92, 2027: 91.5 },
  // 19 < 20 this year → Chưa đạt
  { code: "XD1.3", 2026: 18, 2027: 19 },
  { code: "XD1.4", 2026: 15, 2027: 16 },
  { code: "XD1.5", 2026: 100, 2027: 100 },
  // 18 new members in 2026 ≥ e = 16; 18 + 17 = 35 ≥ 32 in 2027 → Đúng tiến độ
  { code: "XD2", 2026: 18, 2027: 17 },
  // e = 40 + 10 × 0,4 = 44 > 43 → Chậm tiến độ
  { code: "XD3.1", baseline: 40, 2026: 41, 2027: 43 },
  { code: "XD3.2", 2026: 100, 2027: 100 },
  { code: "XD4.1", 2026: 96, 2027: 96 },
  // 12 cases in the previous term: 2 + 2 = 4 ≤ e = 12 × 0,9 × 0,4 = 4,32 → Đúng tiến độ
  { code: "XD4.2", baseline: 12, 2026: 2, 2027: 2 },
  // 94 < 95 this year → Chưa đạt
  { code: "XD5.1", 2026: 96, 2027: 94 },
  // e = 40 + 60 × 0,4 = 64 ≤ 70 → Đúng tiến độ
  { code: "XD5.2", baseline: 40, 2026: 55, 2027: 70 },
];
