import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IndicatorJsonSchema, SummaryJsonSchema, ValidateJsonSchema } from "../../scripts/cli/json-output";
import { summarizeFile, validateFile, writeTemplate } from "../../scripts/cli/commands";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-json-"));
const template = path.join(folder, "chi-tieu.xlsx");
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("the JSON the command line prints", () => {
  it("should have exactly the contract's shape for validate, on the template", async () => {
    await writeTemplate(template, { overwrite: true });
    const json = ValidateJsonSchema.parse((await validateFile(template)).json);
    expect(json).toMatchObject({ ok: true, sheets: ["Chỉ tiêu 2025-2030"] });
    expect(json.problems.every((p) => p.severity === "warning" && p.cell !== null && p.sheet !== null)).toBe(true);
  });

  it("should refuse an indicator with a field too many or too few", () => {
    const indicator = {
      code: "KT4",
      name: "x",
      unit: "hộ",
      method: "Năm",
      baseline: 1,
      target: "2",
      plan: null,
      previous: null,
      value: 1,
      actual: 1,
      expected: 1.2,
    };
    const figures = { attainment: 0.5, planAttainment: null, progress: 0, delta: 0, change: 0, status: "Chậm tiến độ" };
    expect(IndicatorJsonSchema.safeParse({ ...indicator, ...figures }).success).toBe(true);
    expect(IndicatorJsonSchema.safeParse({ ...indicator, ...figures, extra: 1 }).success).toBe(false);
    const { expected: _, ...withoutExpected } = indicator;
    expect(IndicatorJsonSchema.safeParse({ ...withoutExpected, ...figures }).success).toBe(false);
    expect(IndicatorJsonSchema.safeParse({ ...indicator, ...figures, method: "Quý" }).success).toBe(false);
  });

  it("should have exactly the contract's shape for summary, ratios as fractions and null where there is no figure", async () => {
    const json = SummaryJsonSchema.parse((await summarizeFile(template, { year: 2025, date: new Date(2026, 10, 26) })).json);
    // 2025 speaks of the baselines already meeting the 2030 target (v1: "đạt và vượt 2/25 chỉ tiêu")
    expect(json.headline).toBe("Năm 2025: 2/25 chỉ tiêu đã đạt, vượt mục tiêu 2030; 4 chỉ tiêu chưa đạt; 19 chỉ tiêu thiếu số liệu.");
    // XH1: 12 triệu đồng in 2025 against đạt 10 → 12 / 10 = 1,2 (a fraction, not 120); the baseline already beats
    // the target, so no progress; 2025 has no year value, no previous year and no path
    expect(json.indicators.find((i) => i.code === "XH1")).toEqual({
      code: "XH1",
      name: expect.any(String),
      unit: "triệu đồng/người/năm",
      method: "Năm",
      baseline: 12,
      target: "đạt 10",
      plan: null,
      previous: null,
      value: null,
      actual: 12,
      expected: null,
      attainment: 1.2,
      planAttainment: null,
      progress: null,
      delta: 0,
      change: 0,
      status: "Vượt",
    });
    expect(json.indicators.find((i) => i.code === "KT2")).toMatchObject({
      method: "Tăng bình quân",
      baseline: null,
      actual: null,
      attainment: null,
      progress: null,
      status: "Thiếu số liệu",
    });
    expect(json.groups.map((g) => g.total)).toEqual([7, 13, 5]);
    expect(json.file).toBe(template);
  });
});
