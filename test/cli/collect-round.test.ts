import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber, planSummary, readWorkbook, yearValue, type SheetLayout } from "../../core";
import { amendCells, openWorkbook, type CellValueWrite } from "../../workbook";
import { collectFiles, splitFile, type CollectResult, type SplitResult } from "../../scripts/cli/collect-commands";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";
import { saveWorkbook, writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { CollectJsonSchema } from "../../scripts/cli/json-output";
import { runCli } from "./run-cli";

/**
 * The round of contract section 7 end to end: the illustrative 2027 workbook of `npm run demo` split for 2028, the
 * units' files filled the way people fill them, collected back into the master.
 */

const YEAR = 2028;
/** Columns of a unit's sheet (core/split-plan.ts): G Thực hiện 2027 (locked), H Thực hiện 2028, I Kế hoạch 2029. */
const COLUMN = { previous: 6, actual: 7, plan: 8 } as const;

let dir: string;
let master: string;
let split: SplitResult;
let result: CollectResult;
const fileOf = (unit: string) => split.files.find((f) => f.unit === unit)!.file;

/** What each unit types for 2028 (the Phòng Kinh tế types every figure as text, the Vietnamese way). */
const FIGURES: Record<string, number> = {
  "KT1.1": 38000,
  "KT1.2": 61,
  KT2: 670000,
  "KT3.1": 28,
  "KT3.2": 5060,
  "KT3.3": 1780,
  "KT3.4": 3300,
  "KT3.5": 73000,
  KT4: 2790,
  "KT5.1": 15.5,
  "KT5.2": 5,
  KT6: 49.5,
  KT7: 4,
  XH1: 15,
  XH2: 9,
  XH3: 29.8,
  XH4: 99.6,
  "XH5.1": 10,
  "XH5.2": 1,
  XH6: 93,
  XH8: 0.8,
  XH9: 44,
  XH10: 48,
  XH11: 38,
  "XD1.1": 94,
  "XD1.2": 92,
  "XD1.3": 20,
  "XD1.4": 17,
  "XD1.5": 100,
  XD2: 16,
  "XD3.1": 46,
  "XD3.2": 100,
  "XD4.1": 97,
  "XD5.1": 96,
  "XD5.2": 80,
};

async function writeMaster(file: string, layouts: SheetLayout[]): Promise<void> {
  const workbook = new Workbook();
  writeLayouts(workbook, layouts);
  await saveWorkbook(workbook, file);
}

/** Types into a unit's file the way Excel would save it: the cells given, every other part as it was. */
function type(file: string, entries: { code: string; column: number; value: number | string }[], to = file): void {
  const workbook = openWorkbook(new Uint8Array(fs.readFileSync(file)));
  const grid = workbook.grids[0];
  const writes: CellValueWrite[] = entries.map(({ code, column, value }) => {
    const row = grid.values.findIndex((r) => r?.[0] === code);
    if (row < 0) throw new Error(`${code} is not in ${file}`);
    return { sheet: grid.name, row: (grid.top ?? 0) + row, column, value };
  });
  fs.writeFileSync(to, amendCells(workbook, writes));
}

const figures = (codes: readonly string[], text = false) =>
  codes
    .filter((c) => c in FIGURES)
    .map((code) => ({ code, column: COLUMN.actual, value: text ? formatNumber(FIGURES[code]) : FIGURES[code] }));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-collect-"));
  master = path.join(dir, "master.xlsx");
  // The clerk took KT7 on the phone before the round: 3 enterprises (the Phòng Kinh tế will send 4).
  const layouts = sampleLayouts();
  const [sheet] = layouts;
  const header = sheet.values.findIndex((r) => r?.[0] === "Mã");
  const kt7 = sheet.values.findIndex((r) => r?.[0] === "KT7");
  sheet.values[kt7][sheet.values[header].indexOf(YEAR)] = 3;
  await writeMaster(master, layouts);
  split = await splitFile(master, { year: YEAR, folder: path.join(dir, "units"), force: false });
  const codes = (unit: string) => {
    const grid = openWorkbook(new Uint8Array(fs.readFileSync(fileOf(unit)))).grids[0];
    return grid.values.map((r) => r[0]).filter((c): c is string => typeof c === "string" && c in FIGURES);
  };
  // Numbers as text, and two plans for 2029: a number as text and a target expression.
  type(fileOf("Phòng Kinh tế"), [
    ...figures(codes("Phòng Kinh tế"), true),
    { code: "KT3.2", column: COLUMN.plan, value: "5.100" },
    { code: "KT1.2", column: COLUMN.plan, value: "≥ 60" },
  ]);
  // Answers twice: the second file agrees on every figure but XH3 (29,5 against 29,8).
  const culture = fileOf("Phòng Văn hóa – Xã hội");
  type(culture, figures(codes("Phòng Văn hóa – Xã hội")));
  type(culture, [{ code: "XH3", column: COLUMN.actual, value: 29.5 }], culture.replace(".xlsx", " (gui lai).xlsx"));
  // Unprotects the sheet and types over the locked 2027 figure of XD2 (17 → 19) as well as its 2028 figures.
  type(fileOf("Ban Xây dựng Đảng"), [...figures(codes("Ban Xây dựng Đảng")), { code: "XD2", column: COLUMN.previous, value: 19 }]);
  // Sends XH6, leaves XH7 blank.
  type(fileOf("Trung tâm Phục vụ hành chính công"), figures(["XH6"]));
  for (const unit of ["Văn phòng Đảng ủy", "Ủy ban MTTQ xã", "Văn phòng HĐND và UBND"]) type(fileOf(unit), figures(codes(unit)));
  // The Công an xã does not answer.
  const answered = split.files.map((f) => f.file).filter((f) => f !== fileOf("Công an xã"));
  result = await collectFiles(master, [...answered, culture.replace(".xlsx", " (gui lai).xlsx")], { overwrite: false });
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("coma split of the 2027 illustrative workbook for 2028", () => {
  it("should write one file per unit, named in ASCII", () => {
    expect(split.files.map((f) => path.basename(f.file))).toEqual([
      "Phong Kinh te - so lieu 2028.xlsx",
      "Phong Van hoa - Xa hoi - so lieu 2028.xlsx",
      "Trung tam Phuc vu hanh chinh cong - so lieu 2028.xlsx",
      "Cong an xa - so lieu 2028.xlsx",
      "Ban Xay dung Dang - so lieu 2028.xlsx",
      "Van phong Dang uy - so lieu 2028.xlsx",
      "Uy ban MTTQ xa - so lieu 2028.xlsx",
      "Van phong HDND va UBND - so lieu 2028.xlsx",
    ]);
    // 7 KT rows of figures (KT1.1, KT1.2, KT2, KT3.1–3.5, KT4, KT6, KT7 = 11) + XH1, XH5.1, XH5.2, XH8, XH9, XH10 = 17
    expect(split.files.find((f) => f.unit === "Phòng Kinh tế")!.rows).toBe(17);
  });

  it("should refuse to write over the units' files without --force, and write nothing", async () => {
    const before = fs.readFileSync(fileOf("Phòng Kinh tế"));
    const run = await runCli(["split", master, "--year", "2028", "-o", path.join(dir, "units")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("đã có");
    expect(fs.readFileSync(fileOf("Phòng Kinh tế")).equals(before)).toBe(true);
  });
});

describe("coma collect of the units' files", () => {
  it("should write every figure that came back into its cell of the master", () => {
    const read = readWorkbook(openWorkbook(new Uint8Array(fs.readFileSync(result.json.output))).grids);
    const landed = Object.fromEntries(read.indicators.filter((i) => !i.isParent).map((i) => [i.code, yearValue(i.values, YEAR)]));
    const expected: Record<string, number | null> = {};
    for (const code of Object.keys(landed)) expected[code] = FIGURES[code] ?? null;
    // Not written: KT7 keeps the clerk's 3 (conflict), XH3 is in conflict between the two files, the police did not answer.
    Object.assign(expected, {
      KT7: 3,
      XH3: null,
      "XH12.1": null,
      "XH12.2": null,
      "XH13.1": null,
      "XH13.2": null,
      "XD4.2": null,
      XH7: null,
    });
    expect(landed).toEqual(expected);
    // 35 figures typed (13 KT, 11 XH, 11 XD) − KT7 and XH3 kept = 33 cells; the 2 plans have no Kế hoạch 2029 column
    expect(result.json.written).toBe(33);
  });

  it("should list each conflict with the master's figure and the unit's", () => {
    // Master: A Mã … G Mục tiêu 2030, H 2026, I 2027, J 2028; header row 5, I. KINH TẾ row 6, KT1 row 7 … KT7 row 22,
    // II. row 23, XH1 24, XH2 25, XH3 26.
    expect(result.json.conflicts).toEqual([
      { code: "KT7", cell: "J22", master: 3, unit: "Phòng Kinh tế", file: fileOf("Phòng Kinh tế"), value: 4 },
      { code: "XH3", cell: "J26", master: null, unit: "Phòng Văn hóa – Xã hội", file: fileOf("Phòng Văn hóa – Xã hội"), value: 29.8 },
      {
        code: "XH3",
        cell: "J26",
        master: null,
        unit: "Phòng Văn hóa – Xã hội",
        file: fileOf("Phòng Văn hóa – Xã hội").replace(".xlsx", " (gui lai).xlsx"),
        value: 29.5,
      },
    ]);
  });

  it("should list what is still missing per unit (Chưa báo cáo)", () => {
    expect(result.json.missing).toEqual([
      { unit: "Trung tâm Phục vụ hành chính công", codes: ["XH7"] },
      { unit: "Công an xã", codes: ["XH12.1", "XH12.2", "XH13.1", "XH13.2", "XD4.2"] },
    ]);
    expect(result.exitCode).toBe(1);
  });

  it("should say per unit file how many rows came back filled", () => {
    const byFile = Object.fromEntries(result.json.units.map((u) => [path.basename(u.file), `${u.filled}/${u.rows}`]));
    expect(byFile).toEqual({
      "Phong Kinh te - so lieu 2028.xlsx": "17/17",
      "Phong Van hoa - Xa hoi - so lieu 2028.xlsx": "6/6",
      "Phong Van hoa - Xa hoi - so lieu 2028 (gui lai).xlsx": "6/6",
      "Trung tam Phuc vu hanh chinh cong - so lieu 2028.xlsx": "1/2",
      "Ban Xay dung Dang - so lieu 2028.xlsx": "7/7",
      "Van phong Dang uy - so lieu 2028.xlsx": "1/1",
      "Uy ban MTTQ xa - so lieu 2028.xlsx": "1/1",
      "Van phong HDND va UBND - so lieu 2028.xlsx": "2/2",
    });
  });

  it("should name each problem with the unit's file and cell", () => {
    const lines = result.json.problems.map((p) => `${p.sheet}!${p.cell} ${p.rule}`);
    const kinhTe = "[Phong Kinh te - so lieu 2028.xlsx]Số liệu 2028";
    // 17 figures typed as text, and the plan 5.100 as text.
    expect(lines.filter((l) => l.startsWith(kinhTe) && l.endsWith("text-number"))).toHaveLength(18);
    expect(lines.filter((l) => !l.endsWith("text-number"))).toEqual([
      // Unit sheet: header row 4, XD1 row 5, XD1.1–XD1.4 rows 6–9 (XD1.5 is the Văn phòng Đảng ủy's), XD2 row 10.
      "[Ban Xay dung Dang - so lieu 2028.xlsx]Số liệu 2028!G10 unit-file-locked-edited",
      "Chỉ tiêu 2025-2030!null master-no-plan-column",
    ]);
  });

  it("should keep every part of the master but the sheet written byte for byte", () => {
    const [before, after] = [unzipSync(fs.readFileSync(master)), unzipSync(fs.readFileSync(result.json.output))];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((name) => !Buffer.from(before[name]).equals(Buffer.from(after[name])));
    expect(changed).toEqual(["xl/worksheets/sheet1.xml"]);
  });

  it("should summarise to the statuses that the same figures typed by hand give", async () => {
    const landed = readWorkbook(openWorkbook(new Uint8Array(fs.readFileSync(result.json.output))).grids);
    const layouts = sampleLayouts();
    const [sheet] = layouts;
    const header = sheet.values.findIndex((r) => r?.[0] === "Mã");
    const column = sheet.values[header].indexOf(YEAR);
    for (const row of sheet.values) {
      const found = landed.indicators.find((i) => i.code === row[0]);
      const figure = found ? yearValue(found.values, YEAR) : null;
      if (figure !== null) row[column] = figure;
    }
    const byHand = path.join(dir, "typed-by-hand.xlsx");
    await writeMaster(byHand, layouts);
    const date = new Date(2028, 11, 20);
    const statuses = (file: string) =>
      planSummary(openWorkbook(new Uint8Array(fs.readFileSync(file))).grids, { year: YEAR, date })!.model.rows.map(
        (r) => `${r.code} ${r.status}`,
      );
    expect(statuses(result.json.output)).toEqual(statuses(byHand));
    // KT3.2 typed "5.060": e(2028) = 4.900 + 165 × 0,6 = 4.999 ≤ 5.060 < 5.065 → Đúng tiến độ
    expect(statuses(result.json.output)).toContain("KT3.2 Đúng tiến độ");
  });

  it("should write nothing new when the earlier output is the next master and no unit answers again", async () => {
    const again = await collectFiles(result.json.output, [fileOf("Văn phòng Đảng ủy")], { overwrite: false });
    expect(again.json.written).toBe(0);
    expect(again.json.conflicts).toEqual([]);
    expect(path.basename(again.json.output)).toBe("master-thu-thap-2028-2.xlsx");
  });

  it("should print --json as the contract gives it, and the conflicts and gaps in words without it", async () => {
    const out = path.join(dir, "json.xlsx");
    const run = await runCli(["collect", master, fileOf("Phòng Kinh tế"), "-o", out, "--json"]);
    expect(run.code).toBe(1);
    const json = CollectJsonSchema.parse(JSON.parse(run.stdout));
    // 17 rows of the Phòng Kinh tế − KT7 (the clerk's 3 kept) = 16 cells; its 2 plans have no Kế hoạch 2029 column to go to
    expect([json.year, json.written, json.conflicts.map((c) => c.code)]).toEqual([YEAR, 16, ["KT7"]]);
    const text = await runCli(["collect", master, fileOf("Phòng Kinh tế"), "-o", path.join(dir, "text.xlsx")]);
    expect(text.stdout).toContain("KT7 (ô Chỉ tiêu 2025-2030!J22): tệp gốc 3, Phòng Kinh tế gửi 4");
    expect(text.stdout).toContain("Công an xã: XH12.1, XH12.2, XH13.1, XH13.2, XD4.2");
  });

  it("should stop with exit 2 on bad usage or an unreadable unit file, writing nothing", async () => {
    const bad = path.join(dir, "not-a-workbook.xlsx");
    fs.writeFileSync(bad, "không phải tệp Excel");
    const out = path.join(dir, "never.xlsx");
    const runs = [await runCli(["collect", master]), await runCli(["collect", master, bad, "-o", out])];
    expect(runs.map((r) => r.code)).toEqual([2, 2]);
    expect(runs[1].stderr).toContain("not-a-workbook.xlsx");
    expect(fs.existsSync(out)).toBe(false);
  });
});
