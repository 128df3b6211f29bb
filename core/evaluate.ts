import { BASE_YEAR, isFinal, yearValue, type Indicator, type Status } from "./model";
import { attainment, change, evaluatedValue, expectedValue, meets, progress, reductionBase, status, yearsBetween } from "./rules";

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

/** A result without judgement (no target, or a bad cell it needs): one literal, as spreading a default is slow on every row. */
const noJudgement = (
  value: number | null,
  previous: number | null,
  plan: string | null,
  planAttainment: number | null,
): IndicatorResult => ({
  value,
  previous,
  plan,
  planAttainment,
  actual: null,
  expected: null,
  attainment: null,
  progress: null,
  delta: null,
  change: null,
  status: "Thiếu số liệu",
  gaps: [],
});

export function evaluateIndicator(indicator: Indicator, year: number): IndicatorResult {
  const baseline = usableBaseline(indicator);
  const value = year > BASE_YEAR ? yearValue(indicator.values, year) : null;
  const previous = previousValue(indicator, baseline, year);
  const { plan, planAttainment } = againstPlan(indicator, baseline, value, year);
  const { target, method } = indicator;
  if (!target || blockedByBadCell(indicator, year)) return noJudgement(value, previous, plan, planAttainment);
  const { value: a, gaps } = evaluatedValue(method, baseline, indicator.values, year);
  const base = reductionBase(method, baseline, year);
  const growthRow = method === "Tăng bình quân";
  // A cumulative figure is measured from 0, as its progress is: the baseline is the previous term's total.
  const from = method === "Cộng dồn" ? 0 : baseline;
  const result: IndicatorResult = {
    value,
    previous,
    plan,
    planAttainment,
    actual: a,
    expected: expectedValue(target, method, baseline, year),
    attainment: attainment(target, a, base),
    progress: progress(target, method, a, baseline),
    delta: a === null || from === null || growthRow ? null : a - from,
    change: growthRow ? null : change(a, from),
    status: status(target, a, baseline, year, method),
    gaps,
  };
  if (method === "Hằng năm" && isFinal(year) && (result.status === "Đạt" || result.status === "Vượt")) {
    return { ...result, ...everyYearVerdict(indicator, baseline, year) };
  }
  return result;
}

/**
 * True when a cell the year's judgement needs is bad (an error at its cell): the method, the target, or a year
 * value it uses. The row then counts as `Thiếu số liệu`, never as a guess. A bad baseline counts as missing.
 */
export function blockedByBadCell(indicator: Indicator, year: number): boolean {
  const { invalid, method } = indicator;
  if (invalid.size === 0) return false; // the common case, on every row of a national run
  if (invalid.has("method") || invalid.has("target")) return true;
  if (year <= BASE_YEAR) return false;
  const used = method === "Cộng dồn" ? yearsBetween(BASE_YEAR + 1, year) : [year];
  return used.some((y) => invalid.has(`year:${y}`));
}

/** Whether a `Thiếu số liệu` is due to a bad cell rather than a blank one: the row is named in the summary's note. */
export function skippedForBadCell(indicator: Indicator, year: number): boolean {
  const { invalid, method, target } = indicator;
  if (blockedByBadCell(indicator, year)) return true;
  const needsBaseline = year <= BASE_YEAR || method === "Tăng bình quân" || target?.kind === "reduction";
  if (invalid.has("baseline") && needsBaseline) return true;
  // The term verdict of an annual target reads every year.
  return method === "Hằng năm" && isFinal(year) && yearsBetween(BASE_YEAR + 1, year).some((y) => invalid.has(`year:${y}`));
}

function usableBaseline(indicator: Indicator): number | null {
  return indicator.invalid.has("baseline") ? null : indicator.baseline;
}

/** v(y − 1); for 2026 the baseline of a `Năm` row (the others' baselines are a term total or not a year's value). */
function previousValue(indicator: Indicator, baseline: number | null, year: number): number | null {
  if (year <= BASE_YEAR) return null;
  if (year === BASE_YEAR + 1) return indicator.method === "Năm" ? baseline : null;
  return yearValue(indicator.values, year - 1);
}

const NO_PLAN = { plan: null, planAttainment: null } as const;

/**
 * The year's plan and how v(y) stands against it (docs/rules.md, "Plans"). A plan is for the year's own value;
 * a reduction plan of a `Cộng dồn` row compares with one year's share of the previous term, b / 5.
 */
function againstPlan(
  indicator: Indicator,
  baseline: number | null,
  value: number | null,
  year: number,
): { plan: string | null; planAttainment: number | null } {
  const plan = indicator.plans[year];
  if (!plan) return NO_PLAN;
  return { plan: plan.text, planAttainment: plan.target ? attainment(plan.target, value, planBase(indicator, baseline)) : null };
}

/** Whether v(y) meets the year's plan; null when there is no readable plan or no value. */
export function meetsPlan(indicator: Indicator, year: number): boolean | null {
  const plan = indicator.plans[year];
  const value = year > BASE_YEAR ? yearValue(indicator.values, year) : null;
  if (!plan?.target || value === null) return null;
  return meets(plan.target, value, planBase(indicator, usableBaseline(indicator)));
}

const planBase = (indicator: Indicator, baseline: number | null) =>
  indicator.method === "Cộng dồn" ? reductionBase("Cộng dồn", baseline, BASE_YEAR + 1) : baseline;

/** An annual target is met for the term only when every year 2026 … 2030 met it. */
function everyYearVerdict(indicator: Indicator, baseline: number | null, year: number): Partial<IndicatorResult> {
  const earlier = yearsBetween(BASE_YEAR + 1, year - 1);
  const gaps = earlier.filter((y) => yearValue(indicator.values, y) === null);
  if (earlier.some((y) => meets(indicator.target!, yearValue(indicator.values, y), baseline) === false)) return { status: "Không đạt" };
  return gaps.length > 0 ? { status: "Thiếu số liệu", gaps } : {};
}
