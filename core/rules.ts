import { BASE_YEAR, FINAL_YEAR, isFinal, yearValue, type Method, type Status, type YearValues } from "./model";
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

export interface Evaluated {
  value: number | null;
  /** Earlier years left blank that a cumulative sum counted as 0. */
  gaps: number[];
}

/** The evaluated value a of docs/rules.md for `year` (2025 evaluates the starting position). */
export function evaluatedValue(method: Method, baseline: number | null, values: YearValues, year: number): Evaluated {
  const at = (y: number) => yearValue(values, y);
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

/** The years from `from` to `to`, both included; none when `to` is before `from`. */
export function yearsBetween(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = from; year <= to; year++) years.push(year); // a loop: Array.from over {length} is slow on every row
  return years;
}

/** The share of the term elapsed by `year`: k = (y − 2025) / 5, from 0 in 2025 to 1 from 2030 on. */
export function termShare(year: number): number {
  return Math.max(0, Math.min(year, FINAL_YEAR) - BASE_YEAR) / (FINAL_YEAR - BASE_YEAR);
}

/**
 * The baseline a reduction is measured against. A `Cộng dồn` row's baseline is the previous term's total, so by
 * year y the row compares with the same share of it, b × k (docs/rules.md, "Reductions of a term total").
 */
export function reductionBase(method: Method, baseline: number | null, year: number): number | null {
  return method === "Cộng dồn" && baseline !== null ? baseline * termShare(year) : baseline;
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
      return atLeast(a, target.low); // above the range is met, and exceeded
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

/**
 * Rows whose figure is not final before 2030: an average growth rate, and a term total that must stay low
 * (a `Cộng dồn` maximum or reduction). They are never `Đạt` before 2030, only on or behind the path.
 */
export function isProvisional(target: Target, method: Method): boolean {
  return method === "Tăng bình quân" || (method === "Cộng dồn" && (target.kind === "max" || target.kind === "reduction"));
}

/**
 * Status (Đánh giá) of the evaluated value a for `year` (docs/rules.md, "Statuses"): 2025 is the starting
 * position, 2026–2029 the judgement on the path to 2030, 2030 (the default) the final verdict. For a `Hằng năm`
 * row this judges one year; the term verdict over every year is evaluateIndicator's.
 */
export function status(
  target: Target,
  a: number | null,
  baseline: number | null,
  year: number = FINAL_YEAR,
  method: Method = "Năm",
): Status {
  if (a === null) return "Thiếu số liệu";
  const base = reductionBase(method, baseline, year);
  const final = isFinal(year);
  if (!final && isProvisional(target, method))
    return year <= BASE_YEAR ? startOfProvisional(target, baseline) : onThePath(target, method, a, baseline, year);
  const met = meets(target, a, base);
  if (met === null) return "Thiếu số liệu";
  if (met) return reached(target, a, base);
  if (final) return "Không đạt";
  if (year <= BASE_YEAR || method === "Hằng năm") return "Chưa đạt";
  return onThePath(target, method, a, baseline, year);
}

function reached(target: Target, a: number, base: number | null): Status {
  const r = attainment(target, a, base);
  return r !== null && above(r, 1) ? "Vượt" : "Đạt";
}

/** In 2025 a provisional row has nothing final to show: not reached yet, or no figure for a reduction without baseline. */
function startOfProvisional(target: Target, baseline: number | null): Status {
  return target.kind === "reduction" && baseline === null ? "Thiếu số liệu" : "Chưa đạt";
}

/** During the term, a row that has not reached its 2030 target: on or behind the path, or `Chưa đạt` without one. */
function onThePath(target: Target, method: Method, a: number, baseline: number | null, year: number): Status {
  if (method === "Tăng bình quân" && target.kind !== "reduction") return meets(target, a, baseline) ? "Đúng tiến độ" : "Chậm tiến độ";
  const e = expectedValue(target, method, baseline, year);
  if (e === null) return target.kind === "reduction" ? "Thiếu số liệu" : "Chưa đạt";
  return isOnPath(target, a, e) ? "Đúng tiến độ" : "Chậm tiến độ";
}

/** Whether a stands at or beyond e(y) in the target's direction (up for min and range, down for max and reduction). */
export function isOnPath(target: Target, a: number, e: number): boolean {
  return rises(target) ? atLeast(a, e) : atLeast(e, a);
}

export const rises = (target: Target) => target.kind === "min" || target.kind === "range";

/**
 * e(y): where the row should stand by `year` moving evenly from the baseline to the 2030 target (docs/rules.md,
 * "The expected value"). Null in 2025, for `Hằng năm` rows (no path: every year must meet the target), where
 * the path needs a baseline that is missing, and for a reduction of a growth rate (no meaning).
 */
export function expectedValue(target: Target, method: Method, baseline: number | null, year: number): number | null {
  if (year <= BASE_YEAR || method === "Hằng năm") return null;
  const k = termShare(year);
  const b = baseline;
  if (target.kind === "reduction") {
    if (b === null || method === "Tăng bình quân") return null;
    const cut = target.n / 100;
    return figure(method === "Cộng dồn" ? b * (1 - cut) * k : b * (1 - cut * k));
  }
  const n = target.kind === "range" ? target.low : target.n;
  if (method === "Tăng bình quân") return n; // the rate itself, every year
  if (method === "Cộng dồn") return figure(n * k);
  if (b === null) return null;
  if (rises(target)) return b >= n ? n : figure(b + (n - b) * k);
  return b <= n ? n : figure(b - (b - n) * k);
}

/**
 * Progress (tiến độ): the share of the way from the baseline to the target, only where that means something:
 * `Năm` min/max rows whose baseline does not yet meet the target, (a − b) / (N − b); `Cộng dồn` min rows, a / N.
 */
export function progress(target: Target, method: Method, a: number | null, baseline: number | null): number | null {
  if (a === null || (target.kind !== "min" && target.kind !== "max")) return null;
  if (method === "Cộng dồn") return target.kind === "min" ? ratio(a, target.n) : null;
  if (method !== "Năm" || baseline === null || meets(target, baseline, baseline)) return null;
  return ratio(a - baseline, target.n - baseline);
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
