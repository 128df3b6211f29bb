import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SummaryJsonSchema, ValidateJsonSchema } from "../../scripts/cli/json-output";
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

  it("should have exactly the contract's shape for summary, ratios as fractions and null where there is no figure", async () => {
    const json = SummaryJsonSchema.parse((await summarizeFile(template, { year: 2025, date: new Date(2026, 10, 26) })).json);
    expect(json.headline).toBe("Năm 2025: đạt và vượt 2/25 chỉ tiêu; 4 chỉ tiêu chưa đạt; 19 chỉ tiêu thiếu số liệu.");
    // XH1: 12 triệu đồng in 2025 against đạt 10 → 12 / 10 = 1,2 (a fraction, not 120)
    expect(json.indicators.find((i) => i.code === "XH1")).toMatchObject({ baseline: 12, actual: 12, attainment: 1.2, delta: 0, change: 0, status: "Vượt" });
    expect(json.indicators.find((i) => i.code === "KT2")).toMatchObject({ baseline: null, actual: null, attainment: null, progress: null, status: "Thiếu số liệu" });
    expect(json.groups.map((g) => g.total)).toEqual([7, 13, 5]);
  });
});
