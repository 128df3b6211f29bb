import { describe, expect, it } from "vitest";
import { STATUS_STYLES } from "../../core/summary-layout";
import type { Status } from "../../core/model";

/**
 * The status colours must stay apart on a black-and-white printer (CONTRACT.md §4 item 7): in the order of the
 * chart's stacked bars and legend, neighbours differ by at least 15 in CIE L*; and black text must read on each.
 */

/** CIE L* of an sRGB colour: sRGB → linear → relative luminance Y (D65) → L*. */
function lightness(hex: string): number {
  const linear = [0, 2, 4].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
  const f = y > 216 / 24389 ? Math.cbrt(y) : ((24389 / 27) * y + 16) / 116;
  return 116 * f - 16;
}

/** WCAG contrast of black text on the colour: (Y + 0,05) / 0,05. */
const contrastWithBlack = (hex: string) => (((lightness(hex) + 16) / 116) ** 3 + 0.05) / 0.05;

// The chart's series, in order, during the term (Chưa đạt) and in 2030 (Không đạt).
const ORDERS: Status[][] = [
  ["Vượt", "Đạt", "Đúng tiến độ", "Chậm tiến độ", "Chưa đạt", "Thiếu số liệu"],
  ["Vượt", "Đạt", "Không đạt", "Thiếu số liệu"],
  ["Vượt", "Đạt", "Chưa đạt", "Thiếu số liệu"],
];
const fill = (s: Status) => STATUS_STYLES[s].fill!;

describe("the status colours", () => {
  it("should compute L* as the CIE formula gives it", () => {
    expect(lightness("FFFFFF")).toBeCloseTo(100, 6);
    expect(lightness("000000")).toBeCloseTo(0, 6);
    // mid grey 777777: 0x77 / 255 = 0,46667 → ((0,46667 + 0,055) / 1,055)^2,4 = 0,18447 → 116 × 0,5692 − 16 = 50,03
    expect(lightness("777777")).toBeCloseTo(50.03, 1);
  });

  it("should hold neighbouring statuses at least 15 apart in L*", () => {
    const close = ORDERS.flatMap((order) =>
      order.slice(1).flatMap((status, i) => {
        const gap = Math.abs(lightness(fill(status)) - lightness(fill(order[i])));
        return gap < 15 ? [`${order[i]} / ${status}: ${gap.toFixed(1)}`] : [];
      }),
    );
    expect(close).toEqual([]);
  });

  it("should keep the numbers of the report: L* 69,9 / 90,7 / 53,1 / 84,8 / 66,2 / 93,0", () => {
    expect(ORDERS[0].map((s) => Math.round(lightness(fill(s)) * 10) / 10)).toEqual([69.9, 90.7, 53.1, 84.8, 66.2, 93]);
  });

  it("should keep black text readable on every fill (contrast at least 4,5 : 1), Không đạt red-ish", () => {
    const poor = Object.values(STATUS_STYLES)
      .map((s) => s.fill!)
      .filter((hex) => contrastWithBlack(hex) < 4.5);
    expect(poor).toEqual([]);
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(fill("Không đạt").slice(i, i + 2), 16));
    expect(r - Math.max(g, b)).toBeGreaterThan(64); // F0 8080: red well above green and blue
  });
});
