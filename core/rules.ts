import { BASE_YEAR, type Method, type Status } from "./model";
import type { Target } from "./target";

// Figures computed from rates (growth, reduction) carry floating-point noise: 7.000000000000001 must meet "≥ 7".
const EPSILON = 1e-9;
// Relative, plus a floor far below any figure a commune reports: a bound of 1e-10 must not be met by 0.
const tolerance = (n: number) => EPSILON * Math.abs(n) + 1e-12;
const atLeast = (a: number, n: number) => a >= n - tolerance(n);
const above = (a: number, n: number) => a > n + tolerance(n);
const figure = (x: number) => (Number.isFinite(x) ? x : null);

/** Average annual growth in % from `first` to `last` over `years` years; null when it has no meaning. */
export function growth(first: number | null, last: number | null, years: number): number | null {
  if (first === null || last === null || !(first > 0) || last < 0 || !(years > 0)) return null;
  return figure((Math.pow(last / first, 1 / years) - 1) * 100);
}

export type YearValues = Partial<Record<number, number | null>>;

export interface Evaluated {
  value: number | null;
  /** Earlier years left blank that a cumulative sum counted as 0. */
  gaps: number[];
}

/** The evaluated value a of docs/rules.md for `year` (2025 evaluates the starting position). */
export function evaluatedValue(method: Method, baseline: number | null, values: YearValues, year: number): Evaluated {
  const at = (y: number) => values[y] ?? null;
  if (year <= BASE_YEAR) {
    if (method === "Cộng dồn") return { value: 0, gaps: [] };
    return { value: method === "Tăng bình quân" ? null : baseline, gaps: [] };
  }
  const last = at(year);
  switch (method) {
    case "Năm":
    case "Hằng năm":
      return { value: last, gaps: [] };
    case "Tăng bình quân":
      return { value: growth(baseline, last, year - BASE_YEAR), gaps: [] };
    case "Cộng dồn": {
      if (last === null) return { value: null, gaps: [] };
      const earlier = yearsBetween(BASE_YEAR + 1, year - 1);
      const gaps = earlier.filter((y) => at(y) === null);
      return { value: figure(earlier.reduce((sum, y) => sum + (at(y) ?? 0), last)), gaps }; // a sum past 1.8e308 is no figure
    }
  }
}

export function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/** Whether a meets the target; null when it cannot be said (no figure, or a reduction without baseline). */
export function meets(target: Target, a: number | null, baseline: number | null): boolean | null {
  if (a === null) return null;
  switch (target.kind) {
    case "min":
      return target.strict ? above(a, target.n) : atLeast(a, target.n);
    case "max":
      return target.strict ? above(target.n, a) : atLeast(target.n, a);
    case "range":
      return atLeast(a, target.low) && atLeast(target.high, a);
    case "reduction": {
      const cut = reduction(a, baseline);
      return cut === null ? null : atLeast(cut * 100, target.n);
    }
  }
}

/** Attainment ratio (tỷ lệ đạt) of docs/rules.md; null where there is no ratio. */
export function attainment(target: Target, a: number | null, baseline: number | null): number | null {
  if (a === null) return null;
  switch (target.kind) {
    case "min":
      return ratio(a, target.n);
    case "max":
      return ratio(target.n, a);
    case "range":
      if (a > target.high) return ratio(a, target.high);
      if (a < target.low) return ratio(a, target.low);
      return 1;
    case "reduction": {
      const cut = reduction(a, baseline);
      return cut === null ? null : ratio(cut * 100, target.n);
    }
  }
}

/** Status (Đánh giá) of one year's figure; `final` for 2030 and later. */
export function status(target: Target, a: number | null, baseline: number | null, final: boolean): Status {
  const met = meets(target, a, baseline);
  if (met === null) return "Thiếu số liệu";
  if (!met) return final ? "Không đạt" : "Chưa đạt";
  const r = attainment(target, a, baseline);
  return r !== null && above(r, 1) ? "Vượt" : "Đạt";
}

/** Share of the way from baseline to target; none for ranges, reductions and average growth. */
export function progress(target: Target, method: Method, a: number | null, baseline: number | null): number | null {
  if (a === null || method === "Tăng bình quân" || (target.kind !== "min" && target.kind !== "max")) return null;
  const b = method === "Cộng dồn" ? 0 : baseline;
  return b === null ? null : ratio(a - b, target.n - b);
}

/** Relative change (a − b) / b against the baseline. */
export function change(a: number | null, baseline: number | null): number | null {
  return a === null || baseline === null ? null : ratio(a - baseline, baseline);
}

function reduction(a: number, baseline: number | null): number | null {
  return baseline === null || baseline === 0 ? null : (baseline - a) / baseline;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : figure(numerator / denominator);
}
