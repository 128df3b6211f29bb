import { describe, expect, it } from "vitest";
import { attainment, change, evaluatedValue, growth, meets, progress, status } from "../../core/rules";
import type { Target } from "../../core/target";

const min = (n: number, strict = false): Target => ({ kind: "min", n, strict });
const max = (n: number, strict = false): Target => ({ kind: "max", n, strict });
const range = (low: number, high: number): Target => ({ kind: "range", low, high });
const reduction = (n: number): Target => ({ kind: "reduction", n });

describe("the evaluated value of a year", () => {
  const values = { 2026: 30, 2027: 40, 2028: null, 2029: 25 };

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
    expect(evaluatedValue("Tăng bình quân", 100, { 2027: 121 }, 2027).value).toBeCloseTo(10, 10);
    // 59.856 head of livestock → 65.841,6 in 2026: +10 % in one year
    expect(evaluatedValue("Tăng bình quân", 59856, { 2026: 65841.6 }, 2026).value).toBeCloseTo(10, 10);
    expect(evaluatedValue("Tăng bình quân", null, { 2027: 121 }, 2027).value).toBeNull();
  });

  it("should evaluate 2025 as the starting position", () => {
    expect(evaluatedValue("Năm", 42, {}, 2025).value).toBe(42);
    expect(evaluatedValue("Hằng năm", 42, {}, 2025).value).toBe(42);
    expect(evaluatedValue("Cộng dồn", 42, {}, 2025).value).toBe(0);
    expect(evaluatedValue("Tăng bình quân", 42, {}, 2025).value).toBeNull();
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
    expect(status(max(30), 0, null, false)).toBe("Đạt");
  });

  it("should give no ratio without a figure or, for reductions, without a baseline", () => {
    expect(attainment(min(10), null, null)).toBeNull();
    expect(attainment(reduction(10), 5, null)).toBeNull();
    expect(attainment(reduction(10), 5, 0)).toBeNull();
  });
});

describe("status (Đánh giá)", () => {
  it.each([
    ["above a minimum", min(100), 110, null, false, "Vượt"],
    ["exactly on a minimum", min(100), 100, null, false, "Đạt"],
    ["below a minimum, before 2030", min(100), 90, null, false, "Chưa đạt"],
    ["below a minimum, in 2030", min(100), 90, null, true, "Không đạt"],
    ["exactly on a strict minimum (trên 50)", min(50, true), 50, null, false, "Chưa đạt"],
    ["exactly on a strict minimum in 2030", min(50, true), 50, null, true, "Không đạt"],
    ["just above a strict minimum", min(50, true), 50.1, null, false, "Vượt"],
    ["under a maximum", max(30), 25, null, false, "Vượt"],
    ["exactly on a maximum", max(30), 30, null, false, "Đạt"],
    ["exactly on a strict maximum (dưới 30)", max(30, true), 30, null, false, "Chưa đạt"],
    ["inside a range", range(7, 8), 7.5, null, false, "Đạt"],
    ["above a range", range(7, 8), 9, null, false, "Chưa đạt"],
    ["a reduction of exactly 10 %", reduction(10), 90, 100, false, "Đạt"],
    ["a reduction of 20 %", reduction(10), 80, 100, true, "Vượt"],
    ["a reduction without baseline", reduction(10), 80, null, false, "Thiếu số liệu"],
    ["no figure", min(10), null, null, true, "Thiếu số liệu"],
  ])("%s", (_, target, a, b, final, expected) => {
    expect(status(target, a, b, final)).toBe(expected);
  });

  it("should take a growth computed with float noise as meeting its bound", () => {
    // 100 → 107 in one year is 7.000000000000001 %
    const a = growth(100, 107, 1);
    expect(meets(range(7, 8), a, null)).toBe(true);
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

  it("should give no progress for ranges, reductions, growth, or a missing baseline", () => {
    expect(progress(range(7, 8), "Năm", 7.5, 5)).toBeNull();
    expect(progress(reduction(10), "Năm", 90, 100)).toBeNull();
    expect(progress(min(10), "Tăng bình quân", 12, 100)).toBeNull();
    expect(progress(min(80), "Năm", 60, null)).toBeNull();
    expect(progress(min(40), "Năm", 60, 40)).toBeNull(); // target equal to baseline: no way to go
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
