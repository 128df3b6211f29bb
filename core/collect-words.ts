/** The Vietnamese words of a unit's file (core/split-plan.ts) and of the collecting round, keyed by id. */
export const COLLECT_WORDS = {
  sheetName: (p: { year: number }) => `Số liệu ${p.year}`,
  title: (p: { year: number; unit: string }) => `SỐ LIỆU CÁC CHỈ TIÊU NGHỊ QUYẾT NĂM ${p.year} — ${p.unit.toUpperCase()}`,
  office: (p: { office: string }) => `Tệp của: ${p.office}`,
  instructions: (p: { year: number; plan: boolean }) =>
    `Đơn vị ghi số liệu vào các ô tô vàng: Thực hiện ${p.year}${p.plan ? ` và Kế hoạch ${p.year + 1}` : ""}; các ô khác đã khóa. ` +
    "Dòng có ĐVT là % ghi số phần trăm (91,5 nghĩa là 91,5%); ô chưa có số liệu để trống, không ghi 0. " +
    "Xong, lưu và gửi lại tệp này cho văn phòng (giữ nguyên tên tệp); điền tay thì in ra, ghi vào ô tô vàng rồi gửi bản giấy.",
  code: () => "Mã",
  name: () => "Chỉ tiêu",
  unit: () => "ĐVT",
  method: () => "Cách tính",
  baseline: () => "Cơ sở 2025",
  target: () => "Mục tiêu 2030",
  actual: (p: { year: number }) => `Thực hiện ${p.year}`,
  plan: (p: { year: number }) => `Kế hoạch ${p.year}`,
  note: () => "Ghi chú",
} as const;
