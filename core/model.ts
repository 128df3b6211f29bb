import type { Finding } from "./problems";
import type { Target } from "./target";

export const GROUPS = ["KT", "XH", "XD"] as const;
export type Group = (typeof GROUPS)[number];
export const GROUP_NAMES: Record<Group, string> = {
  KT: "Kinh tế",
  XH: "Văn hóa – Xã hội – Môi trường",
  XD: "Xây dựng Đảng và hệ thống chính trị",
};

export const METHODS = ["Năm", "Cộng dồn", "Tăng bình quân", "Hằng năm"] as const;
export type Method = (typeof METHODS)[number];

export const BASE_YEAR = 2025;
export const FINAL_YEAR = 2030;
export const isFinal = (year: number) => year >= FINAL_YEAR;
export const YEARS = [2026, 2027, 2028, 2029, 2030] as const;

/** A row's figures of the term's years, v(2026) first; null where blank or bad. */
export type YearValues = readonly (number | null)[];

/** v(y) of a row's figures; null for a blank cell and for a year outside the term. */
export const yearValue = (values: YearValues, year: number): number | null => values[year - YEARS[0]] ?? null;

export const STATUSES = ["Vượt", "Đạt", "Đúng tiến độ", "Chậm tiến độ", "Chưa đạt", "Không đạt", "Thiếu số liệu"] as const;
export type Status = (typeof STATUSES)[number];
/** Worst first: the order of roll-ups (a target is as good as its weakest sub-metric) and of the behind-schedule list. */
export const WORST_FIRST: readonly Status[] = ["Không đạt", "Chậm tiến độ", "Chưa đạt", "Thiếu số liệu", "Đúng tiến độ", "Đạt", "Vượt"];

export type Severity = "error" | "warning";

/** Where a problem is: `code` is the indicator code of the row when there is one. */
export interface ProblemPlace {
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  code: string | null;
}

/** A problem located at its cell, keyed by rule with that rule's parameters, and its Vietnamese message. */
export type Problem = ProblemPlace &
  Finding & {
    message: string;
    /** A number the user can write into the cell with one click (text numbers). */
    fix?: { value: number };
  };

/** A `Kế hoạch <năm>` cell: the year's plan as written, and read as a target (a plain number is a min). */
export interface PlanCell {
  text: string;
  /** Null when the cell did not parse (an error at its cell). */
  target: Target | null;
}

/** One coded row of a target sheet, with the figures core could read from it. */
export interface Indicator {
  code: string;
  /** Code of the target it belongs to: `KT3` for `KT3.2`, itself for `KT4`. */
  root: string;
  group: Group;
  name: string;
  unit: string;
  method: Method;
  /** Null on a parent row (a target whose figures are in its sub-metrics) and when the cell is bad. */
  target: Target | null;
  /** The target expression as written. */
  targetText: string;
  baseline: number | null;
  /** v(y) of 2026 … 2030 at index y − 2026 (read with `yearValue`): an array, as V8 keeps `{2026: …}` as a slow dictionary. */
  values: YearValues;
  /** `Kế hoạch <năm>` by year, only where the sheet has a non-blank plan cell. */
  plans: Partial<Record<number, PlanCell>>;
  note: string;
  /** `Đơn vị theo dõi`: the unit that keeps the row's figures; a sub-metric without one takes its parent's; "" when none. */
  keeper?: string;
  sheet: string;
  /** 1-based row in the sheet. */
  row: number;
  /** Fields whose cell was bad (an error): they count as missing, never as 0. */
  invalid: Set<string>;
  isParent: boolean;
}
