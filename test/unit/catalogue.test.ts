import { describe, it, expect } from "vitest";
import { CATALOGUE } from "../../core/catalogue/targets";
import { FORMER_COMMUNE_RESULTS } from "../../core/catalogue/communes";
import type { CatalogueEntry } from "../../core/catalogue/types";
import { parseTarget } from "../../core/target";

const entry = (code: string): CatalogueEntry => {
  const found = CATALOGUE.find((e) => e.code === code);
  if (!found) throw new Error(`no catalogue row ${code}`);
  return found;
};
const baseline = (code: string) => entry(code).baseline;
const isTargetCode = (code: string) => !code.includes(".");
const rootOf = (code: string) => code.split(".")[0];
const targetCodes = CATALOGUE.map((e) => e.code).filter(isTargetCode);
const communeValue = (code: string | null, commune: string, labelStart: string) => {
  const found = FORMER_COMMUNE_RESULTS.find((r) => r.code === code && r.commune === commune && r.label.startsWith(labelStart));
  if (!found) throw new Error(`no result ${code} ${commune} ${labelStart}`);
  return found.value;
};

describe("the 25 targets of Phần thứ ba, II.3", () => {
  it("has 25 targets: 7 KT, 13 XH, 5 XD", () => {
    expect(targetCodes).toHaveLength(25);
    expect(targetCodes.filter((c) => c.startsWith("KT"))).toHaveLength(7);
    expect(targetCodes.filter((c) => c.startsWith("XH"))).toHaveLength(13);
    expect(targetCodes.filter((c) => c.startsWith("XD"))).toHaveLength(5);
  });

  it("numbers the targets in report order", () => {
    const numbered = (group: string, n: number) => Array.from({ length: n }, (_, i) => `${group}${i + 1}`);
    expect(targetCodes).toEqual([...numbered("KT", 7), ...numbered("XH", 13), ...numbered("XD", 5)]);
  });

  it("lists each sub-metric right after its target, numbered from 1", () => {
    const codes = CATALOGUE.map((e) => e.code);
    for (const [i, code] of codes.entries()) {
      if (isTargetCode(code)) continue;
      const [root, sub] = code.split(".");
      const previous = codes[i - 1];
      expect(previous === root || previous === `${root}.${Number(sub) - 1}`, `${code} after ${previous}`).toBe(true);
    }
  });

  it("has unique codes of the form KT1, KT3.2, XH12.1, XD1.3", () => {
    const codes = CATALOGUE.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^(KT|XH|XD)\d+(\.\d+)?$/);
  });

  it("puts every row in the group of its code prefix", () => {
    for (const e of CATALOGUE) expect(e.group, e.code).toBe(e.code.slice(0, 2));
  });

  it("has a parent row exactly for the targets with sub-metrics", () => {
    const withSubMetrics = new Set(
      CATALOGUE.map((e) => e.code)
        .filter((c) => !isTargetCode(c))
        .map(rootOf),
    );
    expect([...withSubMetrics]).toEqual(["KT1", "KT3", "KT5", "XH5", "XH12", "XH13", "XD1", "XD3", "XD4", "XD5"]);
    for (const e of CATALOGUE.filter((r) => isTargetCode(r.code))) {
      if (withSubMetrics.has(e.code)) {
        expect(e.target, e.code).toBeNull();
        expect(e.unit, e.code).toBe("");
        expect(e.baseline, e.code).toBeNull();
        expect(e.baselineSources, e.code).toEqual([]);
      } else {
        expect(e.target, e.code).not.toBeNull();
      }
    }
  });

  it("gives every sub-metric a target", () => {
    for (const e of CATALOGUE.filter((r) => !isTargetCode(r.code))) expect(e.target, e.code).not.toBeNull();
  });

  it("writes every target in the grammar of core/target.ts", () => {
    for (const e of CATALOGUE) {
      if (e.target === null) continue;
      expect(parseTarget(e.target).ok, `${e.code}: ${e.target}`).toBe(true);
    }
  });
});

describe("each figure the report states", () => {
  // [code, target, unit, method], as read in Phần thứ ba, II.3.
  const rows: [string, string, string, string][] = [
    ["KT1.1", "7-8", "triệu đồng", "Tăng bình quân"],
    ["KT1.2", "đạt 60", "triệu đồng", "Hằng năm"],
    ["KT2", "9-10", "triệu đồng", "Tăng bình quân"],
    ["KT3.1", "150", "ha", "Cộng dồn"],
    ["KT3.2", "5.065", "ha", "Năm"],
    ["KT3.3", "1.800", "ha", "Năm"],
    ["KT3.4", "3.265", "ha", "Năm"],
    ["KT3.5", "từ 10 đến 15%", "con", "Tăng bình quân"],
    ["KT4", "trên 2.800", "hộ", "Năm"],
    ["KT5.1", "đạt 20%", "%", "Năm"],
    ["KT5.2", "6", "người", "Năm"],
    ["KT6", "trên 50%", "%", "Năm"],
    ["KT7", "02", "doanh nghiệp, HTX", "Năm"],
    ["XH1", "đạt 10", "triệu đồng/người/năm", "Năm"],
    ["XH2", "đạt 12,5%", "%", "Năm"],
    ["XH3", "dưới 30%", "%", "Năm"],
    ["XH4", "đạt 100%", "%", "Năm"],
    ["XH5.1", "trên 10", "tiêu chí", "Năm"],
    ["XH5.2", "ít nhất 01", "bản", "Năm"],
    ["XH6", "100%", "%", "Năm"],
    ["XH7", "100%", "%", "Năm"],
    ["XH8", "đạt 1,5%", "%", "Năm"],
    ["XH9", "trên 50%", "%", "Năm"],
    ["XH10", "đạt 50%", "%", "Năm"],
    ["XH11", "đạt 50%", "%", "Năm"],
    ["XH12.1", "90%", "%", "Năm"],
    ["XH12.2", "100%", "%", "Năm"],
    ["XH13.1", "80%", "%", "Năm"],
    ["XH13.2", "100%", "%", "Năm"],
    ["XD1.1", "từ 90% trở lên", "%", "Hằng năm"],
    ["XD1.2", "từ 90% trở lên", "%", "Hằng năm"],
    ["XD1.3", "20%", "%", "Hằng năm"],
    ["XD1.4", "15% trở lên", "%", "Hằng năm"],
    ["XD1.5", "100%", "%", "Hằng năm"],
    ["XD2", "từ 80 trở lên", "đảng viên", "Cộng dồn"],
    ["XD3.1", "50%", "%", "Năm"],
    ["XD3.2", "100%", "%", "Hằng năm"],
    ["XD4.1", "95%", "%", "Hằng năm"],
    ["XD4.2", "giảm tối thiểu 10%", "vụ việc", "Cộng dồn"],
    ["XD5.1", "95%", "%", "Hằng năm"],
    ["XD5.2", "100%", "%", "Năm"],
  ];

  it.each(rows)("%s: target %s, unit %s, method %s", (code, target, unit, method) => {
    const e = entry(code);
    expect(e.target).toBe(target);
    expect(e.unit).toBe(unit);
    expect(e.method).toBe(method);
  });

  it("covers every row that has a target", () => {
    const withTarget = CATALOGUE.filter((e) => e.target !== null).map((e) => e.code);
    expect(withTarget).toEqual(rows.map(([code]) => code));
  });

  it("reads “trên 10 tiêu chí nông thôn mới trở lên” as strictly more than 10", () => {
    expect(parseTarget(entry("XH5.1").target!)).toEqual({ ok: true, target: { kind: "min", n: 10, strict: true } });
  });

  it("reads the reduction of complex cases as at least 10% against the previous term", () => {
    expect(parseTarget(entry("XD4.2").target!)).toEqual({ ok: true, target: { kind: "reduction", n: 10 } });
  });
});

describe("baselines at the end of the 2020–2025 term", () => {
  it("adds the herds of the three former communes (Co Mạ 30.102, Pá Lông 16.123, Co Tòng 13.631 con)", () => {
    expect(baseline("KT3.5")).toBe(30102 + 16123 + 13631);
  });

  it("weights the share of party organisations HTTNV in 2024 by the number of chi bộ (24, 13, 13)", () => {
    expect(baseline("XD1.1")).toBeCloseTo((92.4 * 24 + 100 * 13 + 100 * 13) / (24 + 13 + 13), 9);
    expect(baseline("XD1.1")).toBeCloseTo(96.352, 3);
  });

  it("counts the chi bộ HTXSNV in 2024 over all chi bộ: (4 + 2 + 2) / (24 + 13 + 13)", () => {
    expect(baseline("XD1.3")).toBeCloseTo(((4 + 2 + 2) / (24 + 13 + 13)) * 100, 9);
    expect(baseline("XD1.3")).toBeCloseTo(16, 9);
  });

  it("takes the figures the report gives for the whole commune", () => {
    expect(baseline("XH1")).toBe(12); // thu nhập bình quân đạt 12 triệu đồng/người/năm
    expect(baseline("XH4")).toBe(100); // bảo hiểm y tế đạt 100%
    expect(baseline("XH6")).toBe(72); // số hóa hồ sơ đạt trên 72%
    expect(baseline("XD2")).toBe(109); // đã kết nạp được 109 đảng viên
  });

  it("leaves every other baseline empty", () => {
    const given = ["KT3.5", "XH1", "XH4", "XH6", "XD1.1", "XD1.3", "XD2"];
    const withBaseline = CATALOGUE.filter((e) => e.baseline !== null).map((e) => e.code);
    expect(withBaseline).toEqual(given);
  });

  it("says how every baseline was formed and quotes its figures", () => {
    for (const e of CATALOGUE.filter((r) => r.baseline !== null)) {
      expect(e.consolidation, e.code).toBeTruthy();
      expect(e.baselineSources.length, e.code).toBeGreaterThan(0);
    }
  });

  it("quotes one figure per former commune when it consolidates them", () => {
    expect(entry("KT3.5").baselineSources).toHaveLength(3);
    expect(entry("XD1.3").baselineSources).toHaveLength(3);
    expect(entry("XD1.1").baselineSources).toHaveLength(6); // 3 rates and 3 counts of chi bộ
  });

  it("explains in a note why a sub-metric or single target has no baseline", () => {
    for (const e of CATALOGUE.filter((r) => r.target !== null && r.baseline === null)) {
      expect(
        e.notes.some((n) => n.startsWith("Chưa có giá trị nền")),
        e.code,
      ).toBe(true);
      expect(e.consolidation, e.code).toBeNull();
    }
  });
});

describe("results of the former communes", () => {
  it("sum to the herd baseline", () => {
    const herd = FORMER_COMMUNE_RESULTS.filter((r) => r.code === "KT3.5");
    expect(herd.map((r) => r.commune)).toEqual(["Co Mạ", "Pá Lông", "Co Tòng"]);
    expect(herd.reduce((s, r) => s + r.value, 0)).toBe(baseline("KT3.5"));
  });

  it("give the party-organisation baselines with the chi bộ counts as weights", () => {
    const communes = ["Co Mạ", "Pá Lông", "Co Tòng"];
    const chiBo = communes.map((c) => communeValue(null, c, "Số chi bộ năm 2024"));
    const rates = communes.map((c) => communeValue("XD1.1", c, "Tỷ lệ tổ chức đảng"));
    const excellent = communes.map((c) => communeValue("XD1.3", c, "Số chi bộ"));
    const total = chiBo.reduce((s, n) => s + n, 0);
    expect(chiBo).toEqual([24, 13, 13]);
    expect(rates.reduce((s, r, i) => s + r * chiBo[i], 0) / total).toBeCloseTo(baseline("XD1.1")!, 9);
    expect((excellent.reduce((s, n) => s + n, 0) / total) * 100).toBeCloseTo(baseline("XD1.3")!, 9);
  });

  it("feed only rows of the catalogue, and quote the same words as the row", () => {
    for (const r of FORMER_COMMUNE_RESULTS.filter((x) => x.code !== null)) {
      const quotes = entry(r.code!).baselineSources.map((s) => s.quote);
      expect(quotes, `${r.code} ${r.commune}`).toContain(r.source.quote);
    }
  });

  it("have a label, a unit and a finite value", () => {
    for (const r of FORMER_COMMUNE_RESULTS) {
      expect(r.label.trim(), r.source.quote).not.toBe("");
      expect(r.unit.trim(), r.label).not.toBe("");
      expect(Number.isFinite(r.value), r.label).toBe(true);
    }
  });
});

describe("quotes of the report", () => {
  const sources = [...CATALOGUE.flatMap((e) => [e.targetSource, ...e.baselineSources]), ...FORMER_COMMUNE_RESULTS.map((r) => r.source)];

  it("are never empty and say where they are", () => {
    for (const s of sources) {
      expect(s.quote.trim()).not.toBe("");
      expect(s.where.trim(), s.quote).not.toBe("");
    }
  });

  it("take every target from Phần thứ ba, II.3", () => {
    for (const e of CATALOGUE) expect(e.targetSource.where, e.code).toMatch(/^Phần thứ ba, II\.3\.[123], chỉ tiêu \(\d+\)$/);
  });

  it("take every baseline from Phần thứ hai or its footnotes", () => {
    for (const e of CATALOGUE) {
      for (const s of e.baselineSources) expect(s.where, e.code).toMatch(/^(Phần thứ hai|chú thích \d)/);
    }
  });

  it("show the figure of a single-figure target", () => {
    const figureOf = (t: string) => t.replace(/^(đạt|trên|dưới|từ|ít nhất|giảm tối thiểu)\s+/, "").replace(/\s*(%|trở lên)$/g, "");
    for (const e of CATALOGUE.filter((r) => r.target !== null)) {
      const figure = figureOf(e.target!).split(/-| đến /)[0];
      expect(e.targetSource.quote, e.code).toContain(figure);
    }
  });
});

describe("contradictions of the report", () => {
  const conflicts = CATALOGUE.filter((e) => e.reportConflict).map((e) => e.code);

  it("are flagged on the rows they affect", () => {
    // KT3's “61,3%%” is a typo, not two statements that disagree
    expect(conflicts).toEqual(["KT3.5", "KT5.2", "XH1", "XH2", "XH3", "XD1.1", "XD1.2", "XD1.3", "XD1.4", "XD1.5"]);
  });

  it("should open with the note that says what contradicts what, never with a missing figure", () => {
    const openers = conflicts.map((code) => [code, entry(code).notes[0]]);
    expect(openers.filter(([, note]) => /^Chưa có giá trị nền|^Lấy năm|^Giá trị nhập|^“Duy trì”|^“Trong đó”/.test(note))).toEqual([]);
    expect(openers.map(([code, note]) => [code, note.slice(0, 24)])).toEqual([
      ["KT3.5", "Xã Co Tòng: báo cáo ghi "],
      ["KT5.2", "Báo cáo gọi chỉ tiêu là "],
      ["XH1", "Mục tiêu 2030 “đạt 10trV"],
      ["XH2", "12,5% ứng với 1/8 trường"],
      ["XH3", "Báo cáo ghi “tỷ lệ hộ ng"],
      ["XD1.1", "Xã Co Mạ: năm 2024 “92,4"],
      ["XD1.2", "Các mức xếp loại đảng vi"],
      ["XD1.3", "Xã Co Mạ: báo cáo ghi “N"],
      ["XD1.4", "Các mức xếp loại đảng vi"],
      ["XD1.5", "Số chi bộ không thống nh"],
    ]);
  });

  it("always come with a note", () => {
    for (const code of conflicts) expect(entry(code).notes.length, code).toBeGreaterThan(0);
  });

  it("name the figures: 4/25 chi bộ written as 18%, 843,3%, 61,3%%, the herd of Co Tòng, income 10 below 12", () => {
    const notes = (code: string) => entry(code).notes.join(" ");
    expect(notes("XD1.3")).toContain("4/25 = 16%");
    expect(notes("XD1.1")).toContain("843,3%");
    expect(notes("KT3")).toContain("61,3%%");
    expect(notes("KT3.5")).toContain("13.661");
    expect(notes("XH1")).toContain("12 triệu đồng");
  });

  it("keep the report's figure rather than fixing it", () => {
    expect(baseline("KT3.5")).toBe(59856); // not 59.886 from the parts of Co Tòng
    expect(entry("XH1").target).toBe("đạt 10"); // as written, though below the 12 already reached
  });
});
