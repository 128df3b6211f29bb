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
  const targets: TargetStatus[] = [];
  const byRoot = new Map<string, TargetStatus>();
  for (const { root, group, status } of rows) {
    const target = byRoot.get(root);
    if (!target) {
      const first = { root, group, status };
      byRoot.set(root, first);
      targets.push(first);
    } else if (SEVERITY.get(status)! < SEVERITY.get(target.status)!) target.status = status;
  }
  return targets;
}

/** Where each status counts in a group's line (`Chưa đạt` and `Không đạt` both in notMet). */
const COUNTED_AS: Record<Status, keyof Omit<GroupCount, "group" | "total">> = {
  Vượt: "exceeded",
  Đạt: "met",
  "Đúng tiến độ": "onTrack",
  "Chậm tiến độ": "behind",
  "Chưa đạt": "notMet",
  "Không đạt": "notMet",
  "Thiếu số liệu": "noData",
};

export function countByGroup(targets: readonly TargetStatus[]): GroupCount[] {
  return GROUPS.map((group) => {
    const count: GroupCount = { group, total: 0, exceeded: 0, met: 0, onTrack: 0, behind: 0, notMet: 0, noData: 0 };
    for (const target of targets) {
      if (target.group !== group) continue;
      count.total++;
      count[COUNTED_AS[target.status]]++;
    }
    return count;
  });
}

/**
 * The headline sentence (docs/rules.md, "Headline"). Before 2030, 2025 included:
 * `Năm 2027: 6/25 chỉ tiêu đã đạt, vượt mục tiêu 2030; 12 chỉ tiêu đúng tiến độ; 4 chỉ tiêu chậm tiến độ; …`;
 * in 2030: `Nhiệm kỳ 2025 – 2030: đạt và vượt 20/25 chỉ tiêu; 4 chỉ tiêu không đạt; 1 chỉ tiêu thiếu số liệu.`
 * The first clause always stands (it carries the total); the others are left out when 0.
 */
export function headline(year: number, counts: readonly GroupCount[]): string {
  // The groups summed once, field by field: a national run writes a headline per commune.
  const sum = { total: 0, exceeded: 0, met: 0, onTrack: 0, behind: 0, notMet: 0, noData: 0 };
  for (const c of counts) {
    sum.total += c.total;
    sum.exceeded += c.exceeded;
    sum.met += c.met;
    sum.onTrack += c.onTrack;
    sum.behind += c.behind;
    sum.notMet += c.notMet;
    sum.noData += c.noData;
  }
  const reached = { reached: sum.exceeded + sum.met, total: sum.total };
  const W = SUMMARY_WORDS;
  const clauses: [number, (p: { count: number }) => string][] = isFinal(year)
    ? [
        [sum.notMet, W.notMet],
        [sum.noData, W.noData],
      ]
    : [
        [sum.onTrack, W.onTrack],
        [sum.behind, W.behind],
        [sum.notMet, W.notYet],
        [sum.noData, W.noData],
      ];
  const parts = [isFinal(year) ? W.reachedFinal(reached) : W.reachedDuringTerm(reached)];
  for (const [count, words] of clauses) if (count > 0) parts.push(words({ count }));
  return `${isFinal(year) ? W.termLead() : W.yearLead({ year })}: ${parts.join("; ")}.`;
}

/** `So với kế hoạch năm 2027: 15/20 chỉ tiêu đạt và vượt.` (docs/rules.md, "Plans"). */
export function planHeadline(year: number, planned: { targets: number; met: number }): string {
  return SUMMARY_WORDS.plan({ year, ...planned });
}
