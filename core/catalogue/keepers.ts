/**
 * The commune's bodies since 1 July 2025 (two-tier local government), and the body the template suggests as
 * `Đơn vị theo dõi` for each of the 25 targets; docs/units.md says why each was suggested. The office edits them.
 */
export const BODIES = [
  "Văn phòng Đảng ủy",
  "Ban Xây dựng Đảng",
  "Văn phòng HĐND và UBND",
  "Phòng Kinh tế",
  "Phòng Văn hóa – Xã hội",
  "Trung tâm Phục vụ hành chính công",
  "Công an xã",
  "Ban Chỉ huy Quân sự xã",
  "Ủy ban MTTQ xã",
] as const;
export type Body = (typeof BODIES)[number];

/** By target code (a sub-metric takes its target's unless listed itself). */
export const SUGGESTED_KEEPERS: Readonly<Record<string, Body>> = {
  KT1: "Phòng Kinh tế",
  KT2: "Phòng Kinh tế",
  KT3: "Phòng Kinh tế",
  KT4: "Phòng Kinh tế",
  KT5: "Phòng Văn hóa – Xã hội",
  KT6: "Phòng Kinh tế",
  KT7: "Phòng Kinh tế",
  XH1: "Phòng Kinh tế",
  XH2: "Phòng Văn hóa – Xã hội",
  XH3: "Phòng Văn hóa – Xã hội",
  XH4: "Phòng Văn hóa – Xã hội",
  XH5: "Phòng Kinh tế",
  XH6: "Trung tâm Phục vụ hành chính công",
  XH7: "Trung tâm Phục vụ hành chính công",
  XH8: "Phòng Kinh tế",
  XH9: "Phòng Kinh tế",
  XH10: "Phòng Kinh tế",
  XH11: "Phòng Văn hóa – Xã hội",
  XH12: "Công an xã",
  XH13: "Công an xã",
  XD1: "Ban Xây dựng Đảng",
  "XD1.5": "Văn phòng Đảng ủy",
  XD2: "Ban Xây dựng Đảng",
  XD3: "Ban Xây dựng Đảng",
  "XD4.1": "Ủy ban MTTQ xã",
  "XD4.2": "Công an xã",
  XD5: "Văn phòng HĐND và UBND",
};

/** The suggestion for a catalogue code: its own, else its target's; "" for a parent whose sub-metrics differ (XD4). */
export function suggestedKeeper(code: string): Body | "" {
  const own = SUGGESTED_KEEPERS[code];
  if (own) return own;
  const root = code.split(".")[0];
  const children = Object.keys(SUGGESTED_KEEPERS).filter((c) => c.startsWith(`${root}.`));
  if (code === root && children.length > 0) return "";
  return SUGGESTED_KEEPERS[root] ?? "";
}
