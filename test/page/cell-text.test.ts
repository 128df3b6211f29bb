import { describe, expect, it } from "vitest";
import { cellText } from "../../page/cell-text";

describe("cellText", () => {
  it("should show a figure in its format the way Excel in Vietnamese shows it", () => {
    expect([
      cellText(30000, "#,##0"), // thousands grouped with a dot
      cellText(8474.1, "#,##0.0#"), // one decimal required, a second allowed
      cellText(8474.125, "#,##0.0#"), // 8474.125 to two decimals: 8474.13 (rounded half up in Intl's decimal rounding)
      cellText(0.1255, "0.0%"), // 12.55% to one decimal: 12.6%
      cellText(1.052, "0.0%"), // 105.2%
      cellText(7, null), // General: as it is
    ]).toEqual(["30.000", "8.474,1", "8.474,13", "12,6%", "105,2%", "7"]);
  });

  it("should show text as it is and a blank as nothing", () => {
    expect([cellText("=SUM(A1)", "@"), cellText("Đạt", null), cellText(null, "#,##0")]).toEqual(["=SUM(A1)", "Đạt", ""]);
  });
});
