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
});
