import { afterEach, describe, expect, it } from "vitest";
import { planSplit, type SheetGrid } from "../../core";
import { amendCells, newWorkbookPackage, openWorkbook } from "../../workbook";
import { applyCollect, planLines, previewCollect, type ChosenFile } from "../../addin/taskpane/collect";
import { mockExcel, type ExcelMock, type MockOptions } from "../../scripts/bench/office-mock";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";

/** The pane's collecting round (contract section 7) through the Office mock: one read request, one write request. */

const master: SheetGrid[] = sampleLayouts().map((l) => ({ name: l.name, values: l.values, formats: l.formats }));
/** Unit sheet (core/split-plan.ts): H Thực hiện 2028 (0-based column 7). */
const ACTUAL = 7;

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function install(options?: MockOptions): ExcelMock {
  const mock = mockExcel(master, options);
  restore = mock.install();
  return mock;
}

/** A unit's file as COMA splits it, with `figures` typed into the 2028 column. */
function unitFile(unit: string, figures: Record<string, number | string>): ChosenFile {
  const file = planSplit(master, { year: 2028 })!.files.find((f) => f.unit === unit)!;
  const workbook = openWorkbook(newWorkbookPackage([file.layout], { footer: "" }));
  const grid = workbook.grids[0];
  const writes = Object.entries(figures).map(([code, value]) => ({
    sheet: grid.name,
    row: grid.values.findIndex((r) => r?.[0] === code),
    column: ACTUAL,
    value,
  }));
  return { name: file.fileName, bytes: amendCells(workbook, writes) };
}

describe("the pane's collecting round", () => {
  it("should read the open workbook in one request and write the units' figures in one more", async () => {
    const mock = install();
    const files = [unitFile("Văn phòng HĐND và UBND", { "XD5.1": 96, "XD5.2": "80" }), unitFile("Ủy ban MTTQ xã", { "XD4.1": 97 })];
    const { plan } = await previewCollect(files, false);
    expect(mock.syncs).toBe(1);
    await applyCollect(plan!);
    expect(mock.syncs).toBe(2);
    // Master: A Mã … I 2027, J 2028. Header row 5; I. row 6, 16 KT rows 7–22; II. row 23, 19 XH rows 24–42; III. row 43,
    // XD1 44, XD1.1–XD1.5 45–49, XD2 50, XD3 51–53, XD4 54, XD4.1 55, XD4.2 56, XD5 57, XD5.1 58, XD5.2 59.
    const sheet = mock.sheet(master[0].name);
    expect([sheet.values[54][9], sheet.values[57][9], sheet.values[58][9]]).toEqual([97, 96, 80]);
    expect(plan!.writes.map((w) => `${w.code} ${w.cell}`)).toEqual(["XD4.1 J55", "XD5.1 J58", "XD5.2 J59"]);
    // 41 figure rows by unit: Phòng Kinh tế 17, Văn hóa – Xã hội 6, Trung tâm 2, Công an 5, Ban XDĐ 7, VP Đảng ủy 1,
    // MTTQ 1, VP HĐND và UBND 2; 3 written → 38 still blank.
    const lines = planLines(plan!);
    expect(lines.slice(0, 6)).toEqual([
      "Năm 2028: 3 ô sẽ được ghi; 0 số liệu khác nhau; 38 dòng chưa báo cáo.",
      "Văn phòng HĐND và UBND: 2/2 dòng có số liệu (Van phong HDND va UBND - so lieu 2028.xlsx)",
      "Ủy ban MTTQ xã: 1/1 dòng có số liệu (Uy ban MTTQ xa - so lieu 2028.xlsx)",
      `Sẽ ghi XD4.1 (ô ${master[0].name}!J55): 97`,
      `Sẽ ghi XD5.1 (ô ${master[0].name}!J58): 96`,
      `Sẽ ghi XD5.2 (ô ${master[0].name}!J59): 80`,
    ]);
    expect(lines).toContain("Chưa báo cáo — Công an xã: XH12.1, XH12.2, XH13.1, XH13.2, XD4.2");
  });

  it("should keep a formula cell and list it as a conflict, never writing it", async () => {
    const mock = install({ formulas: { [`${master[0].name}!J58`]: "=95+1" } });
    const { plan } = await previewCollect([unitFile("Văn phòng HĐND và UBND", { "XD5.1": 96 })], false);
    expect(plan!.conflicts.map((c) => `${c.code} ${c.cell} ${c.reason}`)).toEqual(["XD5.1 J58 formula"]);
    expect(plan!.writes).toEqual([]);
    expect(mock.syncs).toBe(1);
  });

  it("should name a chosen file that is no workbook and still read the others", async () => {
    install();
    const { plan, unreadable } = await previewCollect(
      [{ name: "ghi-chu.txt", bytes: new TextEncoder().encode("không phải tệp Excel") }, unitFile("Ủy ban MTTQ xã", { "XD4.1": 97 })],
      false,
    );
    expect(unreadable).toEqual(["Không đọc được tệp “ghi-chu.txt” (not-xlsx); tệp này bị bỏ qua."]);
    expect(plan!.writes.map((w) => w.code)).toEqual(["XD4.1"]);
  });
});
