import { describe, expect, it } from "vitest";
import { parseVietnameseNumber } from "../../core/number";

describe("reading Vietnamese number text", () => {
  it.each([
    ["3.265", 3265],
    ["126,1 %", 126.1],
    ["8.474,1", 8474.1],
    ["5.296.040.383", 5296040383],
    ["5.296.040.383 đồng", 5296040383],
    ["12,5%", 12.5],
    ["1.800ha", 1800],
    ["2.800 hộ", 2800],
    ["10trVNĐ/người/năm", 10],
    ["  42  ", 42],
    ["0,5", 0.5],
    ["-1.234,5", -1234.5],
  ])("should read %s as %d", (text, value) => {
    expect(parseVietnameseNumber(text)).toEqual({ value, dotDecimal: false });
  });

  it("should read a dot not followed by exactly three digits as a decimal point, flagged", () => {
    expect(parseVietnameseNumber("1.5")).toEqual({ value: 1.5, dotDecimal: true });
    expect(parseVietnameseNumber("32.31")).toEqual({ value: 32.31, dotDecimal: true });
  });

  it.each(["", "abc", "7-8", "1.2.3", "1,234.5", "12,5,1", "#DIV/0!", "1..5", "n/a", "3 4"])("should refuse %j", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});
