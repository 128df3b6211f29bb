import { GROUPS, isFinal, WORST_FIRST, type Group, type Status } from "./model";

const SEVERITY = new Map(WORST_FIRST.map((s, i) => [s, i]));

export function worstStatus(statuses: readonly Status[]): Status {
  return statuses.reduce((worst, s) => (SEVERITY.get(s)! < SEVERITY.get(worst)! ? s : worst));
}

export interface GroupCount {
  group: Group;
  total: number;
  exceeded: number;
  met: number;
  onTrack: number;
  behind: number;
  /** `Chưa đạt` + `Không đạt`. */
  notMet: number;
  noData: number;
}

export interface TargetStatus {
  root: string;
  group: Group;
  status: Status;
}

/** Rolls coded rows up to targets (`KT3.1`, `KT3.2` → `KT3`), the worst status winning. */
export function rollUp(rows: readonly { root: string; group: Group; status: Status }[]): TargetStatus[] {
  const byRoot = new Map<string, { group: Group; statuses: Status[] }>();
  for (const row of rows) {
    const entry = byRoot.get(row.root) ?? { group: row.group, statuses: [] };
    entry.statuses.push(row.status);
    byRoot.set(row.root, entry);
  }
  return [...byRoot].map(([root, { group, statuses }]) => ({ root, group, status: worstStatus(statuses) }));
}

export function countByGroup(targets: readonly TargetStatus[]): GroupCount[] {
  return GROUPS.map((group) => {
    const statuses = targets.filter((t) => t.group === group).map((t) => t.status);
    const count = (...wanted: Status[]) => statuses.filter((s) => wanted.includes(s)).length;
    return { group, total: statuses.length, exceeded: count("Vượt"), met: count("Đạt"), onTrack: count("Đúng tiến độ"), behind: count("Chậm tiến độ"), notMet: count("Chưa đạt", "Không đạt"), noData: count("Thiếu số liệu") };
  });
}

/** The sentence reports quote: `Năm 2027: đạt và vượt 12/25 chỉ tiêu; 8 chỉ tiêu chưa đạt; 5 chỉ tiêu thiếu số liệu.` */
export function headline(year: number, counts: readonly GroupCount[]): string {
  const sum = (key: keyof Omit<GroupCount, "group">) => counts.reduce((s, c) => s + c[key], 0);
  const parts = [`đạt và vượt ${sum("exceeded") + sum("met")}/${sum("total")} chỉ tiêu`];
  if (sum("notMet") > 0) parts.push(`${sum("notMet")} chỉ tiêu ${isFinal(year) ? "không đạt" : "chưa đạt"}`);
  if (sum("noData") > 0) parts.push(`${sum("noData")} chỉ tiêu thiếu số liệu`);
  return `Năm ${year}: ${parts.join("; ")}.`;
}
