import { formatNumber, type CollectPlan } from "../core";

/** The Vietnamese words of the collecting round (contract section 7), in the pane and the page alike. */
export const COLLECT_TEXT = {
  heading: () => "Thu thập số liệu từ các đơn vị",
  hint: () =>
    "Chọn các tệp đơn vị gửi về (tệp “… - so lieu <năm>.xlsx” do lệnh coma split tạo, hoặc trang có cột Mã và cột năm). " +
    "COMA cho xem trước ô nào được ghi, số nào khác với bảng này, đơn vị nào chưa báo cáo, rồi mới ghi.",
  chooseFiles: () => "Chọn tệp của các đơn vị",
  overwrite: () => "Thay số đã có khi đơn vị gửi số khác (không thay ô công thức)",
  writeButton: (p: { count: number }) => `Ghi ${p.count} ô vào bảng này`,
  reading: () => "Đang đọc các tệp và bảng chỉ tiêu…",
  writing: () => "Đang ghi số liệu…",
  noTargetSheet: () => "Bảng đang mở không có trang chỉ tiêu nào: không có chỗ để ghi số liệu.",
  unreadable: (p: { file: string; code: string }) => `Không đọc được tệp “${p.file}” (${p.code}); tệp này bị bỏ qua.`,
  plan: (p: { year: number; writes: number; conflicts: number; missing: number }) =>
    `Năm ${p.year}: ${p.writes} ô sẽ được ghi; ${p.conflicts} số liệu khác nhau; ${p.missing} dòng chưa báo cáo.`,
  unit: (p: { unit: string; filled: number; rows: number; file: string }) => `${p.unit}: ${p.filled}/${p.rows} dòng có số liệu (${p.file})`,
  conflict: (p: { code: string; cell: string; master: number | string | null; unit: string; value: number | string; file: string }) =>
    `${p.code} (ô ${p.cell}): bảng này ${shown(p.master)}, ${p.unit} gửi ${shown(p.value)} (${p.file})`,
  write: (p: { code: string; cell: string; value: number | string }) => `Sẽ ghi ${p.code} (ô ${p.cell}): ${shown(p.value)}`,
  missing: (p: { unit: string; codes: string[] }) => `Chưa báo cáo — ${p.unit}: ${p.codes.join(", ")}`,
  written: (p: { count: number }) => `Đã ghi ${p.count} ô số liệu vào bảng này.`,
} as const;

/** What the plan will do, as lines for the pane and the page: the year and counts, each unit, each cell to write, each conflict, each unit still missing, each problem. */
export function planLines(plan: CollectPlan): string[] {
  const missing = plan.missing.reduce((n, m) => n + m.codes.length, 0);
  return [
    COLLECT_TEXT.plan({ year: plan.year, writes: plan.writes.length, conflicts: plan.conflicts.length, missing }),
    ...plan.units.map((u) => COLLECT_TEXT.unit(u)),
    ...plan.writes.map((w) => COLLECT_TEXT.write({ ...w, cell: `${w.sheet}!${w.cell}` })),
    ...plan.conflicts.map((c) => COLLECT_TEXT.conflict({ ...c, cell: `${c.sheet}!${c.cell}` })),
    ...plan.missing.map((m) => COLLECT_TEXT.missing(m)),
    ...plan.problems.map((p) => `${p.sheet ?? ""}${p.cell ? `!${p.cell}` : ""}: ${p.message}`),
  ];
}

const shown = (value: number | string | null) => (value === null ? "(trống)" : typeof value === "number" ? formatNumber(value) : value);
