import { GROUPS, isFinal, WORST_FIRST, type Group, type Status } from "./model";
import { SUMMARY_WORDS } from "./summary-words";

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
    return {
      group,
      total: statuses.length,
      exceeded: count("Vượt"),
      met: count("Đạt"),
      onTrack: count("Đúng tiến độ"),
      behind: count("Chậm tiến độ"),
      notMet: count("Chưa đạt", "Không đạt"),
      noData: count("Thiếu số liệu"),
    };
  });
}

/**
 * The headline sentence (docs/rules.md, "Headline"). Before 2030, 2025 included:
 * `Năm 2027: 6/25 chỉ tiêu đã đạt, vượt mục tiêu 2030; 12 chỉ tiêu đúng tiến độ; 4 chỉ tiêu chậm tiến độ; …`;
 * in 2030: `Nhiệm kỳ 2025 – 2030: đạt và vượt 20/25 chỉ tiêu; 4 chỉ tiêu không đạt; 1 chỉ tiêu thiếu số liệu.`
 * The first clause always stands (it carries the total); the others are left out when 0.
 */
export function headline(year: number, counts: readonly GroupCount[]): string {
  const sum = (key: keyof Omit<GroupCount, "group">) => counts.reduce((s, c) => s + c[key], 0);
  const reached = { reached: sum("exceeded") + sum("met"), total: sum("total") };
  const clause = (count: number, words: (p: { count: number }) => string) => (count > 0 ? [words({ count })] : []);
  const W = SUMMARY_WORDS;
  const parts = isFinal(year)
    ? [W.reachedFinal(reached), ...clause(sum("notMet"), W.notMet), ...clause(sum("noData"), W.noData)]
    : [
        W.reachedDuringTerm(reached),
        ...clause(sum("onTrack"), W.onTrack),
        ...clause(sum("behind"), W.behind),
        ...clause(sum("notMet"), W.notYet),
        ...clause(sum("noData"), W.noData),
      ];
  return `${isFinal(year) ? W.termLead() : W.yearLead({ year })}: ${parts.join("; ")}.`;
}

/** `So với kế hoạch năm 2027: 15/20 chỉ tiêu đạt và vượt.` (docs/rules.md, "Plans"). */
export function planHeadline(year: number, planned: { targets: number; met: number }): string {
  return SUMMARY_WORDS.plan({ year, ...planned });
}
