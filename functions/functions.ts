import { CATALOGUE } from "../core/catalogue/targets";
import type { CatalogueEntry } from "../core/catalogue/types";
import { BASE_YEAR, FINAL_YEAR } from "../core/model";
import {
  attainment as attainmentOf,
  change as changeOf,
  expectedValue,
  growth as growthOf,
  meets,
  progress as progressOf,
  reductionBase,
  status as statusOf,
} from "../core/rules";
import {
  aggregate,
  code,
  fail,
  Failure,
  figure,
  lift,
  method,
  positive,
  ratio,
  required,
  signedNumber,
  targetExpression,
  year,
} from "./coerce";

/*
 * The COMA.* custom functions (test/addin/manifest.test.ts lists them). Each JSDoc below is the function's Excel metadata: the webpack
 * CustomFunctionsMetadataPlugin turns it into functions.json. Arguments typed `any[][]` are "matrix" parameters, so
 * Excel always passes a 2-D array (one cell is [[value]]) and the answer is a 2-D array of the same shape (a single
 * value for one cell, a spill for a range). Node callers may also pass single values and get a single value back.
 */

const BY_CODE = new Map(CATALOGUE.map((entry) => [entry.code.toUpperCase(), entry]));

/** The catalogue row of a code; a target made of sub-metrics (`KT3`) has no figures of its own. */
function catalogueEntry(code: string): CatalogueEntry | Failure {
  const found = BY_CODE.get(code);
  if (!found) return fail("unknown-code", { code });
  if (found.target !== null) return found;
  const children = CATALOGUE.filter((e) => e.code.startsWith(`${found.code}.`)).map((e) => e.code);
  return fail("parent-code", { code: found.code, children: children.join(", ") });
}

function sum(values: (number | null)[]): number | Failure {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? fail("no-data") : present.reduce((total, v) => total + v, 0);
}

/** Weighted mean over the pairs where both the value and its weight are given. */
function weightedMean(values: (number | null)[], weights: (number | null)[]): number | Failure {
  const pairs = values.flatMap((v, i) => (v === null || weights[i] === null ? [] : [[v, weights[i] as number]]));
  if (pairs.length === 0) return fail("no-data");
  const totalWeight = pairs.reduce((total, [, w]) => total + w, 0);
  return totalWeight === 0 ? fail("zero-weights") : pairs.reduce((total, [v, w]) => total + v * w, 0) / totalWeight;
}

/** COMA.* by canonical id: how each argument is read, then the body, a call into core. */
const IMPLEMENTED = {
  ATTAINMENT: lift(
    [required(figure("actual")), required(targetExpression("target")), figure("baseline"), year("year"), method("method")],
    (a, target, b, y, m) =>
      target.kind === "reduction" && b === null
        ? fail("missing", { argument: "baseline" })
        : ratio(attainmentOf(target, a, reductionBase(m, b, y ?? FINAL_YEAR))),
  ),
  STATUS: lift(
    [figure("actual"), required(targetExpression("target")), figure("baseline"), year("year"), method("method")],
    (a, target, b, y, m) => statusOf(target, a, b, y ?? FINAL_YEAR, m),
  ),
  EXPECTED: lift(
    [figure("baseline"), required(targetExpression("target")), required(year("year")), method("method")],
    (b, target, y, m) => {
      if (y === BASE_YEAR) return fail("no-path-start");
      if (m === "Hằng năm") return fail("no-path-annual");
      const e = expectedValue(target, m, b, y);
      if (e !== null) return e;
      return b === null && m !== "Tăng bình quân" ? fail("missing", { argument: "baseline" }) : fail("no-path");
    },
  ),
  PROGRESS: lift(
    [required(figure("actual")), figure("baseline"), required(targetExpression("target")), method("method")],
    (a, b, target, m) => {
      const counted = (target.kind === "min" || target.kind === "max") && (m === "Năm" || (m === "Cộng dồn" && target.kind === "min"));
      if (!counted) return fail("no-progress");
      if (m === "Năm" && b === null) return fail("missing", { argument: "baseline" });
      if (m === "Năm" && meets(target, b, b)) return fail("baseline-meets");
      return ratio(progressOf(target, m, a, b));
    },
  ),
  CHANGE: lift([required(figure("actual")), required(figure("baseline"))], (a, b) => ratio(changeOf(a, b))),
  GROWTH: lift([required(figure("first")), required(figure("last")), required(positive("years"))], (first, last, years) =>
    ratio(growthOf(first, last, years)),
  ),
  NUMBER: lift([required(signedNumber("text"))], (n) => n),
  CONSOLIDATE: aggregate([figure("values"), figure("weights")], (values, weights) =>
    weights === null ? sum(values ?? []) : weightedMean(values ?? [], weights),
  ),
  TARGET: lift([required(code("code"))], (c) => {
    const entry = catalogueEntry(c);
    return entry instanceof Failure ? entry : (entry.target as string);
  }),
  BASELINE: lift([required(code("code"))], (c) => {
    const entry = catalogueEntry(c);
    return entry instanceof Failure ? entry : (entry.baseline ?? fail("no-baseline", { code: entry.code }));
  }),
};

/**
 * Tỷ lệ đạt so với mục tiêu 2030 (1 = 100%). Nhận một ô hoặc một vùng ô; thiếu số liệu thực hiện cho #N/A.
 * @customfunction ATTAINMENT
 * @param actual Số liệu thực hiện: số, hoặc chữ số kiểu Việt Nam như 8.474,1 hay 126,1 %.
 * @param target Mục tiêu 2030, ví dụ: 50, ≥ 90%, trên 2.800, dưới 30, 7-8, giảm tối thiểu 10%.
 * @param [baseline] Số liệu cơ sở 2025 (bắt buộc với mục tiêu giảm; với Cộng dồn là tổng nhiệm kỳ trước).
 * @param [year] Năm đánh giá, từ 2025 đến 2030 (bỏ trống: 2030); dùng cho mục tiêu giảm của chỉ tiêu Cộng dồn.
 * @param [method] Cách tính: Năm (mặc định), Cộng dồn, Tăng bình quân hoặc Hằng năm.
 * @returns Tỷ lệ đạt, định dạng phần trăm.
 */
export function attainment(actual: any[][], target: any[][], baseline?: any[][], year?: any[][], method?: any[][]): any[][] {
  return IMPLEMENTED.ATTAINMENT(actual, target, baseline, year, method) as any[][];
}

/**
 * Đánh giá: Vượt, Đạt, Đúng tiến độ, Chậm tiến độ, Chưa đạt, Không đạt hoặc Thiếu số liệu.
 * @customfunction STATUS
 * @param actual Giá trị đánh giá: số liệu năm; tổng từ 2026 với Cộng dồn; tốc độ tăng (%) với Tăng bình quân. Ô trống cho Thiếu số liệu.
 * @param target Mục tiêu 2030, ví dụ: ≥ 90%, trên 2.800, dưới 30, 7-8, giảm tối thiểu 10%.
 * @param [baseline] Số liệu cơ sở 2025 (cần cho lộ trình và mục tiêu giảm).
 * @param [year] Năm đánh giá, từ 2025 đến 2030; 2026–2029 so với lộ trình; bỏ trống là đánh giá cuối nhiệm kỳ.
 * @param [method] Cách tính: Năm (mặc định), Cộng dồn, Tăng bình quân hoặc Hằng năm.
 * @returns Kết quả đánh giá.
 */
export function status(actual: any[][], target: any[][], baseline?: any[][], year?: any[][], method?: any[][]): any[][] {
  return IMPLEMENTED.STATUS(actual, target, baseline, year, method) as any[][];
}

/**
 * Lộ trình: giá trị cần đạt đến năm đánh giá nếu đi đều từ cơ sở 2025 đến mục tiêu 2030.
 * @customfunction EXPECTED
 * @param baseline Số liệu cơ sở 2025 (không cần với Cộng dồn mục tiêu tối thiểu, tối đa và Tăng bình quân).
 * @param target Mục tiêu 2030, ví dụ: ≥ 90%, dưới 30, 7-8, từ 80 trở lên, giảm tối thiểu 10%.
 * @param year Năm đánh giá, từ 2026 đến 2030.
 * @param [method] Cách tính: Năm (mặc định), Cộng dồn hoặc Tăng bình quân (Hằng năm không có lộ trình).
 * @returns Giá trị theo lộ trình, cùng đơn vị với chỉ tiêu (tốc độ % với Tăng bình quân).
 */
export function expected(baseline: any[][], target: any[][], year: any[][], method?: any[][]): any[][] {
  return IMPLEMENTED.EXPECTED(baseline, target, year, method) as any[][];
}

/**
 * Tiến độ từ cơ sở 2025 đến mục tiêu 2030: (thực hiện − cơ sở) / (mục tiêu − cơ sở); với Cộng dồn: tổng / mục tiêu.
 * @customfunction PROGRESS
 * @param actual Số liệu thực hiện (tổng từ 2026 với Cộng dồn).
 * @param baseline Số liệu cơ sở 2025 (bỏ trống được với Cộng dồn).
 * @param target Mục tiêu 2030: một số, hoặc dạng ≥, >, ≤, < (không dùng cho khoảng hay mục tiêu giảm).
 * @param [method] Cách tính: Năm (mặc định) hoặc Cộng dồn.
 * @returns Tỷ lệ tiến độ, định dạng phần trăm.
 */
export function progress(actual: any[][], baseline: any[][], target: any[][], method?: any[][]): any[][] {
  return IMPLEMENTED.PROGRESS(actual, baseline, target, method) as any[][];
}

/**
 * Mức thay đổi tương đối so với cơ sở 2025: (thực hiện − cơ sở) / cơ sở.
 * @customfunction CHANGE
 * @param actual Số liệu thực hiện.
 * @param baseline Số liệu cơ sở 2025.
 * @returns Tỷ lệ thay đổi, định dạng phần trăm.
 */
export function change(actual: any[][], baseline: any[][]): any[][] {
  return IMPLEMENTED.CHANGE(actual, baseline) as any[][];
}

/**
 * Tốc độ tăng bình quân hằng năm (%) từ giá trị đầu kỳ đến giá trị cuối kỳ.
 * @customfunction GROWTH
 * @param first Giá trị đầu kỳ, ví dụ số liệu năm 2025.
 * @param last Giá trị cuối kỳ.
 * @param years Số năm giữa đầu kỳ và cuối kỳ, ví dụ 2 cho 2025 → 2027.
 * @returns Tốc độ tăng bình quân, tính bằng % (10 là 10%).
 */
export function growth(first: any[][], last: any[][], years: any[][]): any[][] {
  return IMPLEMENTED.GROWTH(first, last, years) as any[][];
}

/**
 * Đọc số từ chữ kiểu Việt Nam: dấu chấm ngăn nghìn, dấu phẩy thập phân (8.474,1 là 8474,1).
 * @customfunction NUMBER
 * @param text Ô chứa chữ số, ví dụ 3.265 hay 126,1 %.
 * @returns Số đọc được.
 */
export function number(text: any[][]): any[][] {
  return IMPLEMENTED.NUMBER(text) as any[][];
}

/**
 * Tổng hợp số liệu các xã cũ: tổng, hoặc bình quân gia quyền khi có trọng số.
 * @customfunction CONSOLIDATE
 * @param values Vùng số liệu cần tổng hợp; ô trống được bỏ qua.
 * @param [weights] Vùng trọng số cùng kích thước, ví dụ dân số từng xã.
 * @returns Tổng, hoặc bình quân gia quyền.
 */
export function consolidate(values: any[][], weights?: any[][]): any {
  return IMPLEMENTED.CONSOLIDATE(values, weights);
}

/**
 * Mục tiêu 2030 của một chỉ tiêu trong danh mục Nghị quyết, theo mã.
 * @customfunction TARGET
 * @param code Mã chỉ tiêu, ví dụ KT1.1, XH12.1, XD2.
 * @returns Mục tiêu 2030 như Nghị quyết ghi.
 */
export function target(code: any[][]): any[][] {
  return IMPLEMENTED.TARGET(code) as any[][];
}

/**
 * Số liệu cơ sở 2025 của một chỉ tiêu trong danh mục Nghị quyết, theo mã.
 * @customfunction BASELINE
 * @param code Mã chỉ tiêu, ví dụ KT1.2, XH5.
 * @returns Số liệu cơ sở 2025; #N/A khi báo cáo chưa nêu.
 */
export function baseline(code: any[][]): any[][] {
  return IMPLEMENTED.BASELINE(code) as any[][];
}
