import { describe, expect, it } from "vitest";
import { parseTarget } from "../../core/target";

describe("parsing a 2030 target expression", () => {
  it.each([
    ["50", { kind: "min", n: 50, strict: false }],
    ["≥ 90%", { kind: "min", n: 90, strict: false }],
    [">= 90", { kind: "min", n: 90, strict: false }],
    ["đạt 20%", { kind: "min", n: 20, strict: false }],
    ["từ 80 đảng viên trở lên", { kind: "min", n: 80, strict: false }],
    ["tối thiểu 15%", { kind: "min", n: 15, strict: false }],
    ["ít nhất 01 bản", { kind: "min", n: 1, strict: false }],
    ["Ít Nhất 1", { kind: "min", n: 1, strict: false }],
    ["> 50", { kind: "min", n: 50, strict: true }],
    ["trên 2.800 hộ", { kind: "min", n: 2800, strict: true }],
    ["≤ 30", { kind: "max", n: 30, strict: false }],
    ["<= 30", { kind: "max", n: 30, strict: false }],
    ["tối đa 5", { kind: "max", n: 5, strict: false }],
    ["không quá 5%", { kind: "max", n: 5, strict: false }],
    ["< 30", { kind: "max", n: 30, strict: true }],
    ["dưới 30%", { kind: "max", n: 30, strict: true }],
    ["7-8", { kind: "range", low: 7, high: 8 }],
    ["9–10%", { kind: "range", low: 9, high: 10 }],
    ["10 đến 15%", { kind: "range", low: 10, high: 15 }],
    ["từ 10 đến 15", { kind: "range", low: 10, high: 15 }],
    ["giảm ≥ 10%", { kind: "reduction", n: 10 }],
    ["giảm tối thiểu 10%", { kind: "reduction", n: 10 }],
    ["5.065 ha", { kind: "min", n: 5065, strict: false }],
    ["12,5%", { kind: "min", n: 12.5, strict: false }],
  ])("should read %j", (text, target) => {
    expect(parseTarget(text)).toEqual({ ok: true, target });
  });

  it("should read a number cell as a minimum", () => {
    expect(parseTarget(60)).toEqual({ ok: true, target: { kind: "min", n: 60, strict: false } });
  });

  it("should refuse a negative or non-finite number cell", () => {
    expect(parseTarget(-5)).toEqual({ ok: false, reason: "unreadable" });
    expect(parseTarget(Infinity)).toEqual({ ok: false, reason: "unreadable" });
  });

  it("should refuse a range whose low bound is above its high bound", () => {
    expect(parseTarget("15-10")).toEqual({ ok: false, reason: "inverted-range" });
  });

  it.each(["abc", "", "khoảng 50", "-5", "giảm", "7-x", "≥", "tren"])("should refuse %j", (text) => {
    expect(parseTarget(text)).toEqual({ ok: false, reason: "unreadable" });
  });

  it.each([
    ["2.8000", "2.8000"],
    ["trên 2.8000", "2.8000"],
    ["1.50.0", "1.50.0"],
    ["trên 1.50.0 hộ", "1.50.0"],
    ["7-8.0000", "8.0000"],
  ])("should refuse %j as ambiguous, naming the number, instead of guessing", (text, number) => {
    expect(parseTarget(text)).toEqual({ ok: false, reason: "ambiguous-number", text: number });
  });

  it("should read a dot decimal inside an expression and say so, with whether the cell is that number alone", () => {
    expect(parseTarget("trên 1.5")).toEqual({
      ok: true,
      target: { kind: "min", n: 1.5, strict: true },
      dotDecimal: { text: "1.5", value: 1.5, whole: false },
    });
    expect(parseTarget("1.5")).toEqual({
      ok: true,
      target: { kind: "min", n: 1.5, strict: false },
      dotDecimal: { text: "1.5", value: 1.5, whole: true },
    });
  });
});
