import { describe, expect, it } from "vitest";
import type { Method, Status } from "../../core/model";
import {
  attainment,
  change,
  evaluatedValue,
  expectedValue,
  growth,
  isOnPath,
  meets,
  progress,
  reductionBase,
  status,
} from "../../core/rules";
import type { Target } from "../../core/target";

const min = (n: number, strict = false): Target => ({ kind: "min", n, strict });
const max = (n: number, strict = false): Target => ({ kind: "max", n, strict });
const range = (low: number, high: number): Target => ({ kind: "range", low, high });
const reduction = (n: number): Target => ({ kind: "reduction", n });

describe("the evaluated value of a year", () => {
  const values = [30, 40, null, 25]; // 2026 … 2029

  it("should take the year's value for Năm and Hằng năm", () => {
    expect(evaluatedValue("Năm", 10, values, 2027).value).toBe(40);
    expect(evaluatedValue("Hằng năm", 10, values, 2029).value).toBe(25);
    expect(evaluatedValue("Năm", 10, values, 2028).value).toBeNull();
  });

  it("should add the years up for Cộng dồn: 30 + 40 = 70 in 2027", () => {
    expect(evaluatedValue("Cộng dồn", 500, values, 2027)).toEqual({ value: 70, gaps: [] });
  });

  it("should count an earlier blank year as 0 in a cumulative sum, and say so", () => {
    // 30 + 40 + (blank 2028 → 0) + 25 = 95
    expect(evaluatedValue("Cộng dồn", null, values, 2029)).toEqual({ value: 95, gaps: [2028] });
  });

  it("should give no cumulative figure when the evaluated year itself is blank", () => {
    expect(evaluatedValue("Cộng dồn", null, values, 2028).value).toBeNull();
  });

  it("should compute average annual growth from the baseline level", () => {
    // 100 → 121 in 2027: (121/100)^(1/2) − 1 = 1.1 − 1 = 10 %
    expect(evaluatedValue("Tăng bình quân", 100, [null, 121], 2027).value).toBeCloseTo(10, 10);
    // 59.856 head of livestock → 65.841,6 in 2026: +10 % in one year
    expect(evaluatedValue("Tăng bình quân", 59856, [65841.6], 2026).value).toBeCloseTo(10, 10);
    expect(evaluatedValue("Tăng bình quân", null, [null, 121], 2027).value).toBeNull();
  });

  it("should evaluate 2025 as the starting position", () => {
    expect(evaluatedValue("Năm", 42, [], 2025).value).toBe(42);
    expect(evaluatedValue("Hằng năm", 42, [], 2025).value).toBe(42);
    expect(evaluatedValue("Cộng dồn", 42, [], 2025).value).toBe(0);
    expect(evaluatedValue("Tăng bình quân", 42, [], 2025).value).toBeNull();
  });
});

describe("attainment (tỷ lệ đạt)", () => {
  it.each([
    ["min: 110 against ≥ 100", min(100), 110, null, 1.1],
    ["min: 1.500 against 2.000", min(2000), 1500, null, 0.75],
    ["max: 25 against ≤ 30 is 30/25", max(30), 25, null, 1.2],
    ["max: 40 against dưới 30 is 30/40", max(30, true), 40, null, 0.75],
    ["range: inside 7–8", range(7, 8), 7.5, null, 1],
    ["range: on the low bound", range(7, 8), 7, null, 1],
    ["range: above is a/B = 12/8", range(7, 8), 12, null, 1.5],
    ["range: below is a/A = 3.5/7", range(7, 8), 3.5, null, 0.5],
    ["reduction: 100 → 85 is 15 % cut against 10 %", reduction(10), 85, 100, 1.5],
    ["reduction: 100 → 95 is 5 % cut against 10 %", reduction(10), 95, 100, 0.5],
  ])("%s", (_, target, a, b, expected) => {
    expect(attainment(target, a, b)).toBeCloseTo(expected, 12);
  });

  it("should give no ratio for a max target at 0, which is met", () => {
    expect(attainment(max(30), 0, null)).toBeNull();
    expect(status(max(30), 0, null, 2030)).toBe("Đạt");
  });

  it("should give no ratio without a figure or, for reductions, without a baseline", () => {
    expect(attainment(min(10), null, null)).toBeNull();
    expect(attainment(reduction(10), 5, null)).toBeNull();
    expect(attainment(reduction(10), 5, 0)).toBeNull();
  });
});

describe("status in the final year (2030)", () => {
  it.each<[string, Target, number | null, number | null, Status]>([
    // 110 / 100 = 1,1 > 1
    ["above a minimum", min(100), 110, null, "Vượt"],
    ["exactly on a minimum", min(100), 100, null, "Đạt"],
    ["below a minimum", min(100), 90, null, "Không đạt"],
    ["exactly on a strict minimum (trên 50)", min(50, true), 50, null, "Không đạt"],
    // 50,1 / 50 = 1,002
    ["just above a strict minimum", min(50, true), 50.1, null, "Vượt"],
    // 30 / 25 = 1,2
    ["under a maximum", max(30), 25, null, "Vượt"],
    ["exactly on a maximum", max(30), 30, null, "Đạt"],
    ["exactly on a strict maximum (dưới 30)", max(30, true), 30, null, "Không đạt"],
    ["inside a range", range(7, 8), 7.5, null, "Đạt"],
    // v1 said Chưa đạt above a range; above a range is exceeded: 9 / 8 = 1,125
    ["above a range", range(7, 8), 9, null, "Vượt"],
    ["below a range", range(7, 8), 6, null, "Không đạt"],
    // (100 − 90) / 100 = 10 % cut, exactly the target
    ["a reduction of exactly 10 %", reduction(10), 90, 100, "Đạt"],
    ["a reduction of 20 %", reduction(10), 80, 100, "Vượt"],
    ["a reduction of 5 %", reduction(10), 95, 100, "Không đạt"],
    ["a reduction without baseline", reduction(10), 80, null, "Thiếu số liệu"],
    ["no figure", min(10), null, null, "Thiếu số liệu"],
  ])("%s", (_, target, a, b, expected) => {
    expect(status(target, a, b, 2030)).toBe(expected);
    expect(status(target, a, b)).toBe(expected); // no year: the final rule
  });

  it("should judge a Cộng dồn reduction in 2030 against the whole previous term", () => {
    // k = 1: 12 cases last term, 10 this term → (12 − 10) / 12 = 16,7 % cut ≥ 10 % → attainment 1,67
    expect(status(reduction(10), 10, 12, 2030, "Cộng dồn")).toBe("Vượt");
    // 11 cases → 8,3 % < 10 %
    expect(status(reduction(10), 11, 12, 2030, "Cộng dồn")).toBe("Không đạt");
  });

  it("should take a growth computed with float noise as meeting its bound", () => {
    // 100 → 107 in one year is 7.000000000000001 %
    const a = growth(100, 107, 1);
    expect(meets(range(7, 8), a, null)).toBe(true);
  });
});

describe("status at the starting position (2025)", () => {
  it.each<[string, Target, Method, number | null, number | null, Status]>([
    // XH1: income 12 already beats đạt 10 → 12 / 10 = 1,2
    ["a baseline beyond the target", min(10), "Năm", 12, 12, "Vượt"],
    ["a baseline exactly on the target", min(10), "Năm", 10, 10, "Đạt"],
    ["a baseline short of the target", min(80), "Năm", 40, 40, "Chưa đạt"],
    ["an annual row whose baseline is short", min(90), "Hằng năm", 88, 88, "Chưa đạt"],
    ["a row without baseline", min(80), "Năm", null, null, "Thiếu số liệu"],
    // the term total starts at 0
    ["a cumulative minimum", min(80), "Cộng dồn", 0, 109, "Chưa đạt"],
    // a growth rate has no figure in 2025
    ["a growth row", range(9, 10), "Tăng bình quân", null, 100, "Thiếu số liệu"],
    // v1 compared 0 cases with the previous term's 12: a 100 % cut, Vượt; the term total is not final before 2030
    ["a cumulative reduction", reduction(10), "Cộng dồn", 0, 12, "Chưa đạt"],
    ["a cumulative reduction without baseline", reduction(10), "Cộng dồn", 0, null, "Thiếu số liệu"],
  ])("%s", (_, target, method, a, b, expected) => {
    expect(status(target, a, b, 2025, method)).toBe(expected);
  });
});

describe("status during the term (2027, k = 0,4)", () => {
  it.each<[string, Target, number | null, number | null, Status]>([
    ["no figure", min(80), null, 40, "Thiếu số liệu"],
    // reached already: 85 / 80 = 1,0625
    ["a minimum already exceeded", min(80), 85, 40, "Vượt"],
    ["a minimum already met", min(80), 80, 40, "Đạt"],
    // e = 40 + (80 − 40) × 0,4 = 56
    ["on the path from 40 to 80", min(80), 56, 40, "Đúng tiến độ"],
    ["ahead of the path", min(80), 60, 40, "Đúng tiến độ"],
    ["behind the path", min(80), 50, 40, "Chậm tiến độ"],
    ["no baseline, so no path", min(80), 50, null, "Chưa đạt"],
    // XH3 poverty 34,1 → dưới 30: e = 34,1 − 4,1 × 0,4 = 32,46
    ["a falling rate ahead of its path", max(30, true), 31.8, 34.1, "Đúng tiến độ"],
    ["a falling rate behind its path", max(30, true), 33, 34.1, "Chậm tiến độ"],
    // 30 / 29 = 1,03
    ["a falling rate already below its bound", max(30, true), 29, 34.1, "Vượt"],
    // a range 9-10 from 5: e = 5 + (9 − 5) × 0,4 = 6,6
    ["a range on its path", range(9, 10), 7, 5, "Đúng tiến độ"],
    ["a range behind its path", range(9, 10), 6, 5, "Chậm tiến độ"],
    ["a range reached", range(9, 10), 9.5, 5, "Đạt"],
    // 11 / 10 = 1,1
    ["above a range", range(9, 10), 11, 5, "Vượt"],
    // a level reduction: e = 100 × (1 − 10 % × 0,4) = 96
    ["a level reduction on its path", reduction(10), 95, 100, "Đúng tiến độ"],
    ["a level reduction behind its path", reduction(10), 97, 100, "Chậm tiến độ"],
    // (100 − 90) / 100 = 10 %: reached
    ["a level reduction reached", reduction(10), 90, 100, "Đạt"],
    ["a level reduction without baseline", reduction(10), 90, null, "Thiếu số liệu"],
  ])("Năm: %s", (_, target, a, b, expected) => {
    expect(status(target, a, b, 2027, "Năm")).toBe(expected);
  });

  it.each<[string, Target, number | null, number | null, Status]>([
    // XD2: 80 new members over the term, e = 80 × 0,4 = 32; 18 + 20 = 38 so far
    ["a term total on its path", min(80), 38, 109, "Đúng tiến độ"],
    ["a term total behind its path", min(80), 30, 109, "Chậm tiến độ"],
    ["a term total already met", min(80), 80, 109, "Đạt"],
    // 90 / 80 = 1,125
    ["a term total already exceeded", min(80), 90, 109, "Vượt"],
    // at most 20 over the term: e = 20 × 0,4 = 8
    ["a capped total under its share", max(20), 5, null, "Đúng tiến độ"],
    ["a capped total over its share", max(20), 9, null, "Chậm tiến độ"],
    // XD4.2: 12 cases last term, cut 10 %: e = 12 × 0,9 × 0,4 = 4,32
    ["a reduction of the term total on its path", reduction(10), 4, 12, "Đúng tiến độ"],
    ["a reduction of the term total behind its path", reduction(10), 5, 12, "Chậm tiến độ"],
    ["a reduction of the term total with no case yet is not final", reduction(10), 0, 12, "Đúng tiến độ"],
    ["a reduction of the term total without baseline", reduction(10), 4, null, "Thiếu số liệu"],
    ["no figure", min(80), null, 109, "Thiếu số liệu"],
  ])("Cộng dồn: %s", (_, target, a, b, expected) => {
    expect(status(target, a, b, 2027, "Cộng dồn")).toBe(expected);
  });

  it.each<[string, Target, number | null, Status]>([
    // KT2: 12,28 %/year against 9-10: meets the rate, but a rate is not final before 2030
    ["a rate above its range", range(9, 10), 12.28, "Đúng tiến độ"],
    ["a rate inside its range", range(9, 10), 9.5, "Đúng tiến độ"],
    ["a rate below its range", range(9, 10), 8, "Chậm tiến độ"],
    ["a rate at least 7 %", min(7), 7, "Đúng tiến độ"],
    ["a rate under 7 %", min(7), 6.9, "Chậm tiến độ"],
    ["no rate (no baseline level)", range(9, 10), null, "Thiếu số liệu"],
  ])("Tăng bình quân: %s", (_, target, a, expected) => {
    expect(status(target, a, 100, 2027, "Tăng bình quân")).toBe(expected);
  });

  it.each<[string, Target, number | null, Status]>([
    // XD1.1 from 90 % up: 92 / 90 = 1,02
    ["a year above the target", min(90), 92, "Vượt"],
    ["a year on the target", min(90), 90, "Đạt"],
    ["a year below the target: no path, Chưa đạt", min(90), 85, "Chưa đạt"],
    ["a year left blank", min(90), null, "Thiếu số liệu"],
  ])("Hằng năm: %s", (_, target, a, expected) => {
    expect(status(target, a, 96, 2027, "Hằng năm")).toBe(expected);
  });
});

describe("the expected value e(y) on the path to 2030", () => {
  it.each<[string, Target, Method, number | null, number, number | null]>([
    // min N, Năm: b + (N − b) × k = 40 + 40 × 0,4 = 56
    ["min, Năm, baseline below", min(80), "Năm", 40, 2027, 56],
    // 2026: k = 0,2 → 40 + 8 = 48
    ["min, Năm, baseline below, 2026", min(80), "Năm", 40, 2026, 48],
    ["min, Năm, baseline already at or above N: N", min(10), "Năm", 12, 2027, 10],
    ["min, Năm, no baseline", min(80), "Năm", null, 2027, null],
    // range, N = A: 5 + (9 − 5) × 0,4 = 6,6
    ["range, Năm, from its lower bound", range(9, 10), "Năm", 5, 2027, 6.6],
    // N × k = 80 × 0,4 = 32
    ["min, Cộng dồn", min(80), "Cộng dồn", 109, 2027, 32],
    ["min, Cộng dồn, no baseline needed", min(80), "Cộng dồn", null, 2027, 32],
    // 100 × 0,4 = 40
    ["range, Cộng dồn", range(100, 200), "Cộng dồn", null, 2027, 40],
    ["min, Tăng bình quân: the rate itself", min(7), "Tăng bình quân", 100, 2027, 7],
    ["range, Tăng bình quân: its lower bound", range(9, 10), "Tăng bình quân", null, 2028, 9],
    // max N, Năm: b − (b − N) × k = 34,1 − 4,1 × 0,4 = 32,46
    ["max, Năm, baseline above", max(30, true), "Năm", 34.1, 2027, 32.46],
    // 2026: 34,1 − 4,1 × 0,2 = 33,28
    ["max, Năm, baseline above, 2026", max(30, true), "Năm", 34.1, 2026, 33.28],
    ["max, Năm, baseline already at or below N: N", max(30), "Năm", 25, 2027, 30],
    ["max, Năm, no baseline", max(30), "Năm", null, 2027, null],
    // N × k = 20 × 0,4 = 8
    ["max, Cộng dồn", max(20), "Cộng dồn", null, 2027, 8],
    ["max, Tăng bình quân", max(5), "Tăng bình quân", 100, 2027, 5],
    // reduction, Năm: b × (1 − N% × k) = 100 × (1 − 0,1 × 0,4) = 96
    ["reduction, Năm", reduction(10), "Năm", 100, 2027, 96],
    ["reduction, Năm, no baseline", reduction(10), "Năm", null, 2027, null],
    // reduction, Cộng dồn: b × (1 − N%) × k = 12 × 0,9 × 0,4 = 4,32
    ["reduction, Cộng dồn", reduction(10), "Cộng dồn", 12, 2027, 4.32],
    // 2026: 12 × 0,9 × 0,2 = 2,16
    ["reduction, Cộng dồn, 2026", reduction(10), "Cộng dồn", 12, 2026, 2.16],
    ["reduction, Cộng dồn, no baseline", reduction(10), "Cộng dồn", null, 2027, null],
    ["reduction, Tăng bình quân: no path", reduction(10), "Tăng bình quân", 100, 2027, null],
    ["Hằng năm: no path", min(90), "Hằng năm", 88, 2027, null],
    ["2025: the starting position has no path", min(80), "Năm", 40, 2025, null],
    // 2030, k = 1: the path ends on the target
    ["2030: the target itself", min(80), "Năm", 40, 2030, 80],
    ["2030, reduction of the term total: the plain rule", reduction(10), "Cộng dồn", 12, 2030, 10.8],
  ])("%s", (_, target, method, b, year, expected) => {
    const e = expectedValue(target, method, b, year);
    if (expected === null) expect(e).toBeNull();
    else expect(e).toBeCloseTo(expected, 10);
  });

  it("should agree with status: on the path exactly when a is at or beyond e(y)", () => {
    // 56 is e(2027) from 40 to 80; 55,9 is behind
    expect(isOnPath(min(80), 56, 56)).toBe(true);
    expect(isOnPath(min(80), 55.9, 56)).toBe(false);
    expect(isOnPath(max(30), 32.46, 32.46)).toBe(true);
    expect(isOnPath(max(30), 32.5, 32.46)).toBe(false);
  });

  it("should measure a Cộng dồn reduction against the same share of the previous term", () => {
    // 2026: b_y = 12 × 0,2 = 2,4; 2 cases → (2,4 − 2) / 2,4 = 16,7 % cut → 1,667 (v1: 83 % cut, 833 %)
    expect(reductionBase("Cộng dồn", 12, 2026)).toBeCloseTo(2.4, 12);
    expect(attainment(reduction(10), 2, reductionBase("Cộng dồn", 12, 2026))).toBeCloseTo(1 / 6 / 0.1, 12);
    expect(reductionBase("Năm", 12, 2026)).toBe(12);
  });
});

describe("against the baseline", () => {
  it("should give progress as the share of the way from baseline to target", () => {
    // baseline 40, target 80, actual 60 → (60 − 40) / (80 − 40) = 0,5
    expect(progress(min(80), "Năm", 60, 40)).toBe(0.5);
    // poverty rate from 40 % down to dưới 30: actual 35 → (35 − 40) / (30 − 40) = 0,5
    expect(progress(max(30, true), "Năm", 35, 40)).toBe(0.5);
  });

  it("should measure cumulative progress from 0", () => {
    // 80 new members over the term, 20 so far → 0,25, whatever the previous term's count
    expect(progress(min(80), "Cộng dồn", 20, 95)).toBe(0.25);
  });

  it("should give no progress where it means nothing: ranges, reductions, growth, annual rows, caps of a total", () => {
    expect(progress(range(7, 8), "Năm", 7.5, 5)).toBeNull();
    expect(progress(reduction(10), "Năm", 90, 100)).toBeNull();
    expect(progress(min(10), "Tăng bình quân", 12, 100)).toBeNull();
    expect(progress(min(90), "Hằng năm", 92, 88)).toBeNull();
    expect(progress(max(20), "Cộng dồn", 5, null)).toBeNull();
    expect(progress(min(80), "Năm", 60, null)).toBeNull();
  });

  it("should give no progress when the baseline already meets the target, never a negative share", () => {
    // XH1: 12 tr already beats đạt 10; v1 gave (9 − 12) / (10 − 12) = 1,5 or negative shares such as −75 %
    expect(progress(min(10), "Năm", 11, 12)).toBeNull();
    expect(progress(min(40), "Năm", 60, 40)).toBeNull(); // target equal to baseline: no way to go
    expect(progress(max(30), "Năm", 20, 25)).toBeNull();
    // a strict bound exactly at the baseline is not met: the way is 0 long, so no ratio
    expect(progress(min(50, true), "Năm", 55, 50)).toBeNull();
  });

  it("should give the relative change, and none from a zero or missing baseline", () => {
    expect(change(126.1, 100)).toBeCloseTo(0.261, 12);
    expect(change(5, 0)).toBeNull();
    expect(change(null, 10)).toBeNull();
  });

  it("should compute average growth and refuse meaningless inputs", () => {
    expect(growth(100, 121, 2)).toBeCloseTo(10, 10);
    expect(growth(0, 121, 2)).toBeNull();
    expect(growth(100, 121, 0)).toBeNull();
    expect(growth(100, -1, 2)).toBeNull();
  });
});
