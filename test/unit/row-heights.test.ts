import { describe, expect, it } from "vitest";
import { LayoutBuilder } from "../../core";

/**
 * Widths of "0": "a" is 1.01 and a space 0.57 (core/row-heights.ts). A column 5 wide leaves 5 − 0.3 = 4.7:
 * "aaaa" (4 × 1.01 = 4.04) fits, "aaaa aaaa" (4.04 + 0.57 + 4.04 = 8.65) takes two lines, "aaaa aaaa aaaa" three.
 * A line is 12 pt × 1.3 = 15.6 pt, plus 2 of padding: two lines 33.2 → 34 pt, three 48.8 → 49 pt; one line
 * (17.6 pt) is the default and is not listed.
 */
const TWO = "aaaa aaaa";
const THREE = "aaaa aaaa aaaa";

describe("row heights in the layout", () => {
  it("should list the rows wrapped text makes taller as 1-based runs of equal height", () => {
    const b = new LayoutBuilder("S", 3).set({ widths: [5, 5, 5] });
    b.put(0, 0, TWO).put(1, 0, TWO).put(2, 0, "aaaa").put(3, 0, THREE).put(4, 0, TWO);
    b.style(0, 0, 4, 0, { wrap: true });
    expect(b.build().rowHeights).toEqual([
      { from: 1, to: 2, height: 34 },
      { from: 4, to: 4, height: 49 },
      { from: 5, to: 5, height: 34 },
    ]);
  });

  it("should leave rows at the default when the text is not wrapped, sits in a hidden column or fits its merge", () => {
    const b = new LayoutBuilder("S", 3).set({ widths: [5, 5, 5], hiddenColumns: [2] });
    b.put(0, 0, THREE); // not wrapped: one line, whatever its length
    b.put(1, 0, TWO).merge(1, 0, 1, 1); // 5 + 5 − 0.3 = 9.7 ≥ 8.65: one line
    b.put(2, 2, THREE); // hidden
    b.style(1, 0, 2, 2, { wrap: true });
    expect(b.build().rowHeights).toEqual([]);
  });
});
