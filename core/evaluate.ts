import { BASE_YEAR, isFinal, type Indicator, type Status } from "./model";
import { attainment, change, evaluatedValue, meets, progress, status, yearsBetween } from "./rules";

/** The figures of one indicator for one year (docs/rules.md; printed as in scripts/cli/json-output.ts). */
export interface IndicatorResult {
  /** v(y), the year's value as entered (in the row's unit). */
  value: number | null;
  /** v(y − 1); for 2026 the baseline of a `Năm` row. */
  previous: number | null;
  /** The evaluated value a (a sum for `Cộng dồn`, a rate in %/year for `Tăng bình quân`). */
  actual: number | null;
  /** e(y), where the row should stand by the year on the even path from the baseline to the 2030 target. */
  expected: number | null;
  /** `Kế hoạch <năm>` as written, or null. */
  plan: string | null;
  /** Attainment of v(y) against the plan read as a target. */
  planAttainment: number | null;
  attainment: number | null;
  progress: number | null;
  delta: number | null;
  change: number | null;
  status: Status;
  /** Years left blank that the evaluation had to pass over (cumulative sums, annual targets). */
  gaps: number[];
}

const NO_FIGURES: IndicatorResult = { value: null, previous: null, actual: null, expected: null, plan: null, planAttainment: null, attainment: null, progress: null, delta: null, change: null, status: "Thiếu số liệu", gaps: [] };

export function evaluateIndicator(indicator: Indicator, year: number): IndicatorResult {
  const { target, method, invalid } = indicator;
  if (!target || invalid.has("method")) return NO_FIGURES;
  const baseline = invalid.has("baseline") ? null : indicator.baseline;
  const used = method === "Cộng dồn" ? yearsBetween(BASE_YEAR + 1, year) : [year];
  if (used.some((y) => invalid.has(`year:${y}`))) return NO_FIGURES;
  const { value: a, gaps } = evaluatedValue(method, baseline, indicator.values, year);
  const final = isFinal(year);
  const noGrowthBase = method === "Tăng bình quân";
  // A cumulative figure is measured from 0, as its progress is: the baseline is the previous term's total.
  const from = method === "Cộng dồn" ? 0 : baseline;
  const result: IndicatorResult = {
    value: indicator.values[year] ?? null,
    previous: null,
    actual: a,
    expected: null,
    plan: null,
    planAttainment: null,
    attainment: attainment(target, a, baseline),
    progress: progress(target, method, a, baseline),
    delta: a === null || from === null || noGrowthBase ? null : a - from,
    change: noGrowthBase ? null : change(a, from),
    status: status(target, a, baseline, final),
    gaps,
  };
  if (method === "Hằng năm" && final && (result.status === "Đạt" || result.status === "Vượt")) {
    return { ...result, ...everyYearVerdict(indicator, baseline, year) };
  }
  return result;
}

/** An annual target is met for the term only when every year 2026 … 2030 met it. */
function everyYearVerdict(indicator: Indicator, baseline: number | null, year: number): Partial<IndicatorResult> {
  const earlier = yearsBetween(BASE_YEAR + 1, year - 1);
  const gaps = earlier.filter((y) => (indicator.values[y] ?? null) === null);
  if (earlier.some((y) => meets(indicator.target!, indicator.values[y] ?? null, baseline) === false)) return { status: "Không đạt" };
  return gaps.length > 0 ? { status: "Thiếu số liệu", gaps } : {};
}
