import { describe, expect, it } from "vitest";
import { AMBIGUOUS, parseVietnameseNumber, readNumberText } from "../../core/number";

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

  it("should read three digits after a dot as a decimal when they cannot group thousands", () => {
    expect(parseVietnameseNumber("0.912")).toEqual({ value: 0.912, dotDecimal: true });
    expect(parseVietnameseNumber("1234.567")).toEqual({ value: 1234.567, dotDecimal: true });
  });

  it.each(["2.8000", "1.50.0", "1.2.3", "1.5,2", "28.00.000", "2.8000 hộ"])(
    "should call %j ambiguous: its dots can be neither thousands separators nor a decimal point",
    (text) => {
      expect(readNumberText(text)).toBe(AMBIGUOUS);
      expect(parseVietnameseNumber(text)).toBeNull();
    },
  );

  it.each(["", "abc", "7-8", "1.2.3", "1,234.5", "12,5,1", "#DIV/0!", "1..5", "n/a", "3 4"])("should refuse %j", (text) => {
    expect(parseVietnameseNumber(text)).toBeNull();
  });
});
