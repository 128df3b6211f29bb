/** The Vietnamese wording of the summary's sentences, keyed by id; core/rollup.ts only chooses and joins them. */
export const SUMMARY_WORDS = {
  yearLead: (p: { year: number }) => `Năm ${p.year}`,
  termLead: () => "Nhiệm kỳ 2025 – 2030",
  reachedDuringTerm: (p: { reached: number; total: number }) => `${p.reached}/${p.total} chỉ tiêu đã đạt, vượt mục tiêu 2030`,
  reachedFinal: (p: { reached: number; total: number }) => `đạt và vượt ${p.reached}/${p.total} chỉ tiêu`,
  onTrack: (p: { count: number }) => `${p.count} chỉ tiêu đúng tiến độ`,
  behind: (p: { count: number }) => `${p.count} chỉ tiêu chậm tiến độ`,
  notYet: (p: { count: number }) => `${p.count} chỉ tiêu chưa đạt`,
  notMet: (p: { count: number }) => `${p.count} chỉ tiêu không đạt`,
  noData: (p: { count: number }) => `${p.count} chỉ tiêu thiếu số liệu`,
  plan: (p: { year: number; met: number; targets: number }) => `So với kế hoạch năm ${p.year}: ${p.met}/${p.targets} chỉ tiêu đạt và vượt.`,
} as const;
