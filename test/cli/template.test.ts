import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../core/sheet";
import { buildSummary } from "../../core/summary";
import { CATALOGUE } from "../../core/catalogue/targets";
import { parseA1 } from "../../core/a1";
import { entryNote, RESULTS_SHEET, TEMPLATE_HEADER_ROW, TEMPLATE_SHEET, templateLayouts } from "../../core/template-layout";

const read = readWorkbook(templateLayouts().map((layout) => ({ name: layout.name, values: layout.values, formats: layout.formats })));

describe("the template read back", () => {
  it("should be one target sheet with the 25 targets: 7 KT, 13 XH, 5 XD", () => {
    expect(read.sheets).toEqual([TEMPLATE_SHEET]);
    const summary = buildSummary(read, 2025);
    expect(summary.groups.map((g) => [g.group, g.total])).toEqual([
      ["KT", 7],
      ["XH", 13],
      ["XD", 5],
    ]);
  });

  it("should have no errors, only warnings for the baselines the report does not give", () => {
    expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(new Set(read.problems.map((p) => p.rule))).toEqual(new Set(["missing-baseline"]));
  });

  it("should carry the consolidated livestock baseline 30.102 + 16.123 + 13.631", () => {
    expect(read.indicators.find((i) => i.code === "KT3.5")).toMatchObject({
      baseline: 59856,
      method: "Tăng bình quân",
      target: { kind: "range", low: 10, high: 15 },
    });
  });

  it("should start 2025 with no figure for growth targets and 0 for cumulative ones", () => {
    const summary = buildSummary(read, 2025);
    expect(summary.rows.find((r) => r.code === "KT3.5")).toMatchObject({ actual: null, status: "Thiếu số liệu" });
    expect(summary.rows.find((r) => r.code === "KT3.1")).toMatchObject({ actual: 0, status: "Chưa đạt" });
    // XH4: 100 % insured in 2025 against 100 % → met, not exceeded
    expect(summary.rows.find((r) => r.code === "XH4")).toMatchObject({ actual: 100, attainment: 1, status: "Đạt" });
  });

  it("should never let a template cell be read as a formula", () => {
    for (const layout of templateLayouts()) {
      layout.values.forEach((row, r) =>
        row.forEach((value, c) => {
          if (typeof value === "string" && /^[=+\-@]/.test(value)) expect(layout.formats[r][c]).toBe("@");
        }),
      );
    }
  });
});

describe("the template as printed", () => {
  const [targets, results] = templateLayouts();

  it("should write every note as whole sentences, the consolidation line closed by a full stop", () => {
    // KT3.5: "Cộng 3 xã cũ: … = 59.856 con (tổng đàn cuối nhiệm kỳ, ước đạt)" then the next note
    expect(entryNote(CATALOGUE.find((e) => e.code === "KT3.5")!)).toContain("(tổng đàn cuối nhiệm kỳ, ước đạt). Xã Co Tòng:");
    const runTogether = CATALOGUE.map((e) => [e.code, entryNote(e)]).filter(([, note]) => note !== "" && !/[.!?…]$/.test(note));
    expect(runTogether).toEqual([]);
    // the seven consolidation lines without a full stop of KT3.5, XH1, XH4, XH6, XD1.1, XD1.3, XD2, each followed by a note
    const joined = CATALOGUE.filter((e) => e.consolidation && e.notes.length > 0).map((e) => [
      e.code,
      entryNote(e).includes(`${e.consolidation}. ${e.notes[0]}`) ||
        (entryNote(e).includes(`${e.consolidation} ${e.notes[0]}`) && /[.!?…]$/.test(e.consolidation!)),
    ]);
    expect(joined.filter(([, ok]) => !ok)).toEqual([]);
    expect(joined.map(([code]) => code)).toEqual(["KT3.5", "XH1", "XH4", "XH6", "XD1.1", "XD1.3", "XD2"]);
  });

  it("should fit about one landscape page wide, with the notes wrapped", () => {
    // 8+34+7+10+10+10+12+5×8+32+16 = 179 characters (XH12.1 on one line, then Ghi chú and Đơn vị theo dõi):
    // printed at about 146 / 179 = 82 % of a page of about 146
    expect(targets.widths.filter((_, c) => !targets.hiddenColumns.includes(c)).reduce((s, w) => s + w, 0)).toBe(179);
    const notes = `M${TEMPLATE_HEADER_ROW + 2}`;
    const wrapped = targets.styles.filter(
      (s) =>
        s.style.wrap &&
        parseA1(s.range).column <= parseA1(notes).column &&
        parseA1(s.range).column + parseA1(s.range).columns > parseA1(notes).column,
    );
    expect(wrapped.length).toBeGreaterThanOrEqual(CATALOGUE.length);
    expect(targets.print).toEqual({ landscape: true, fitToWidth: true, titleRows: [TEMPLATE_HEADER_ROW, TEMPLATE_HEADER_ROW] });
  });

  it("should print the 2020–2025 results as a table of their own, title and header repeated", () => {
    expect(results.name).toBe(RESULTS_SHEET);
    expect(results.print.titleRows).toEqual([1, 3]);
    expect(results.values[2]).toEqual(["Mã", "Nội dung", "Xã cũ", "Giá trị", "ĐVT", "Trích báo cáo chính trị", "Vị trí trong báo cáo"]);
    // one table: no second header further down
    expect(results.values.slice(3).filter((row) => row[0] === "Mã")).toEqual([]);
  });
});
