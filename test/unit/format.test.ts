import { describe, expect, it } from "vitest";
import { formatNumber } from "../../core/format";

describe("formatNumber", () => {
  it("should write a figure the Vietnamese way, the same on every call", () => {
    // 8474.1: dot between thousands, comma before the decimals.
    expect([formatNumber(8474.1), formatNumber(8474.1)]).toEqual(["8.474,1", "8.474,1"]);
  });

  it("should keep -0 apart from 0, which one remembered answer would merge", () => {
    expect([formatNumber(0), formatNumber(-0), formatNumber(0)]).toEqual(["0", "-0", "0"]);
  });
});
