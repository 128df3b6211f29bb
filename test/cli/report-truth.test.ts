import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainLayout, type SheetGrid, type SheetLayout } from "../../core";
import { summarizeFile } from "../../scripts/cli/commands";
import { summaryText } from "../../scripts/cli/report";
import { writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { truthWorkbook } from "../support/truth-workbook";

/**
 * The command line's text says what the sheet says (CONTRACT.md §4 item 7): the (*) rows, the evaluated value beside
 * v(y) in the behind list, NQ: and the missing targets in the detail (--all), and where the warnings are.
 */

let dir: string;
let lines: string[];

/** A grid as an unstyled layout, to write the source workbook through the real writer. */
function gridLayout(grid: SheetGrid): SheetLayout {
  const columns = Math.max(...grid.values.map((row) => row.length));
  const values = grid.values.map((row) =>
    Array.from({ length: columns }, (_, c) => {
      const v = row[c] ?? null;
      return typeof v === "object" && v !== null ? null : typeof v === "boolean" ? String(v) : v;
    }),
  );
  return { ...plainLayout(grid.name), values, formats: values.map((row, r) => row.map((_, c) => grid.formats?.[r]?.[c] ?? null)) };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-report-truth-"));
  const source = path.join(dir, "su-that.xlsx");
  const workbook = new Workbook();
  writeLayouts(workbook, truthWorkbook().map(gridLayout));
  await workbook.xlsx.writeFile(source);
  const result = await summarizeFile(source, { output: path.join(dir, "tong-hop.xlsx"), date: new Date(2027, 11, 20), year: 2027 });
  lines = summaryText(result, { all: true, yearGiven: true }).split("\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The first line that starts with `start` after the line that starts with `after`. */
const lineOf = (start: string, after = "") => {
  const from = lines.findIndex((l) => l.startsWith(after));
  return lines.slice(from).find((l) => l.startsWith(start)) ?? "";
};
const cells = (line: string) => line.split(/\s{2,}/);

describe("the command line's summary text", () => {
  it("should say where the warnings are: listed below, and the cells to check in section IV of the sheet", () => {
    // warnings: I19, I24, J25, G26, KT7, XH12.2, and 28 missing baselines of the template's rows
    expect(lineOf("Số liệu")).toMatch(
      /^Số liệu không có lỗi, có \d+ cảnh báo: xem danh sách ở cuối phần in ra dưới đây\. 3 ô cần kiểm tra lại được ghi ở mục IV của bảng tổng hợp, các dòng dựa trên chúng có dấu \(\*\)\.$/,
    );
    expect(lines.join("\n")).not.toContain("bản in này");
  });

  it("should show the evaluated value beside v(y) in the behind list: 16, 38 lũy kế against 60; 4,21 %/năm against 10 %/năm", () => {
    // KT3.1: 22 + 16 = 38 ha by 2027, e = 150 × 2/5 = 60; KT3.5: (65.000 / 59.856)^(1/2) − 1 = 4,21 %/năm against 10 %/năm
    expect(cells(lineOf("KT3.1", "Chỉ tiêu chậm tiến độ")).slice(2, 5)).toEqual(["16", "38 lũy kế", "60"]);
    expect(cells(lineOf("KT3.5", "Chỉ tiêu chậm tiến độ")).slice(2, 5)).toEqual(["65.000", "4,21 %/năm", "10 %/năm"]);
    // no evaluated value beside a Năm row's v(y): 1,5 of đạt 10 → 15 %
    expect(cells(lineOf("XH1 (*)", "Chỉ tiêu chậm tiến độ")).slice(2)).toEqual(["1,5", "10", "15%", "Chậm tiến độ"]);
  });

  it("should print NQ: beside an edited target and the missing targets in their place in the detail", () => {
    expect(cells(lineOf("XH3 (*)", "Mã  ")).slice(2, 4)).toEqual(["dưới 25% (NQ: dưới 30%)", "12"]);
    const detail = lines.slice(lines.findIndex((l) => l.startsWith("KT1 ")));
    const kt7 = detail.findIndex((l) => l.startsWith("KT7 "));
    expect(detail[kt7 - 1]).toMatch(/^KT6 /);
    expect(cells(detail[kt7]).slice(2)).toEqual(["02", "Không có trên trang chỉ tiêu", "Thiếu số liệu"]);
  });
});
