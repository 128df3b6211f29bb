import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, formatPercent } from "../../core/format";

describe("formatNumber", () => {
  it("should write a figure the Vietnamese way, the same on every call", () => {
    // 8474.1: dot between thousands, comma before the decimals.
    expect([formatNumber(8474.1), formatNumber(8474.1)]).toEqual(["8.474,1", "8.474,1"]);
  });

  it("should keep -0 apart from 0, which one remembered answer would merge", () => {
    expect([formatNumber(0), formatNumber(-0), formatNumber(0)]).toEqual(["0", "-0", "0"]);
  });
});

/** What Intl.NumberFormat("vi-VN") writes: formatNumber and formatPercent must write the same, without Intl. */
const viNumber = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 4 });
const viPercent = new Intl.NumberFormat("vi-VN", { style: "percent", maximumFractionDigits: 1 });

/** Doubles of every kind: any bit pattern, short decimals, halves at the rounding digit, and huge and tiny ones. */
const figures = fc.oneof(
  fc.double(),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 10_000),
  fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100_000 + 0.00005),
  fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000 + 0.0005),
  fc.constantFrom(0, -0, 1e21, 1.5e300, 5e-324, 0.00005, 0.000049999, 9.99995, 0.0105, 0.0005, -0.00004),
);

describe("formatNumber and formatPercent against Intl", () => {
  it("should write what Intl.NumberFormat vi-VN writes, for any number", () => {
    const differing: string[] = [];
    fc.assert(
      fc.property(figures, (value) => {
        if (formatNumber(value) !== viNumber.format(value)) differing.push(`${value}: ${formatNumber(value)} ≠ ${viNumber.format(value)}`);
        if (formatPercent(value) !== viPercent.format(value))
          differing.push(`${value} %: ${formatPercent(value)} ≠ ${viPercent.format(value)}`);
      }),
      { numRuns: 20_000, seed: 20252030 },
    );
    expect(differing).toEqual([]);
  });

  it("should round on the decimal that reads back as the number, half away from zero", () => {
    // 1.00005 is stored as 1.0000499999999999…; written 1.00005, rounded at the 4th decimal: 1,0001 (Intl's answer).
    // 0.0105 as a percentage is 1.05 (decimal shift), to one decimal: 1,1%. 9.99995 → 10; -0.00001 → -0.
    expect([formatNumber(1.00005), formatPercent(0.0105), formatNumber(9.99995), formatNumber(-0.00001)]).toEqual([
      "1,0001",
      "1,1%",
      "10",
      "-0",
    ]);
  });
});
