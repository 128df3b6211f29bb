import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LayoutBuilder, markerText, MAX_CELL_TEXT, MAX_SHEET_ROWS, readWorkbook, yearValue } from "../../core";
import { openWorkbook, WorkbookFileError } from "../../workbook";
import { outlineXml } from "../../workbook/xml-edit";
import { packPart, zip } from "../../scripts/fuzz/zip";
import { MAIN, stylesXml, targetRows, text, unzipParts, workbookPackage, XML, zipParts, type Parts } from "./packages";
import { runCli } from "./run-cli";

/**
 * Hostile and unusual input found by an audit (issue 18), each on a file generated here: a stray far cell, sparse
 * giants, a user's copy of the summary, UTF-16 parts, markup hidden in comments, duplicate entries, files that are
 * no regular file, text no Excel cell holds, a full-column merge, a workbook without sheets.
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-hostile-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const write = (name: string, bytes: Uint8Array) => {
  const file = path.join(folder, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const open = (parts: Parts, level?: 1) => openWorkbook(zipParts(parts, level));
const refusal = (bytes: Uint8Array): string | null => {
  try {
    openWorkbook(bytes);
    return null;
  } catch (error) {
    return error instanceof WorkbookFileError ? error.code : `not a WorkbookFileError: ${String(error)}`;
  }
};
const sheetXml = (rows: string, after = "") => `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
const numberRow = (row: number, column: string, value: number) => `<row r="${row}"><c r="${column}${row}"><v>${value}</v></c></row>`;
/** `A1` … for the rows above a count, one filler cell each. */
const fillerRows = (from: number, count: number, column = "A") =>
  Array.from({ length: count }, (_, i) => numberRow(from + i, column, 1)).join("");

describe("figures never silently gone, memory bounded by the cells a file stores", () => {
  it("should read the table above one stray value at B20001 and summarise its two targets", async () => {
    const file = write(
      "stray.xlsx",
      zipParts(workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() + numberRow(20001, "B", 7) }] })),
    );
    const validate = await runCli(["validate", file, "--json"]);
    expect(JSON.parse(validate.stdout)).toMatchObject({ ok: true, sheets: ["Chỉ tiêu"], indicators: 2, problems: [] });
    const summary = await runCli(["summary", file, "--json", "-o", path.join(folder, "stray-out.xlsx")]);
    expect(summary.code).toBe(0);
    expect(JSON.parse(summary.stdout).indicators.map((r: { code: string }) => r.code)).toEqual(["KT1", "XH1"]);
  });

  it("should hold only the stored cells of a sheet with one cell at row 100,000,000 and read its figures", () => {
    const workbook = open(workbookPackage({ sheets: [{ name: "Xa", rows: targetRows() + numberRow(100_000_000, "B", 7) }] }));
    const { values } = workbook.grids[0];
    // Rows 1–3 and row 100,000,000 (index 99,999,999 from the top row): four rows held, none between.
    expect(Object.keys(values)).toEqual(["0", "1", "2", "99999999"]);
    expect(values[99_999_999]).toEqual([, 7]); // eslint-disable-line no-sparse-arrays -- column A is a hole, B holds 7
    expect(readWorkbook(workbook.grids).indicators.map((i) => [i.code, yearValue(i.values, 2027)])).toEqual([
      ["KT1", 58],
      ["XH1", 26],
    ]);
  });

  it("should hold one cell per row of a sheet with cells in column XFD on 19,990 rows, and read its figures", () => {
    const workbook = open(workbookPackage({ sheets: [{ name: "Rộng", rows: targetRows() + fillerRows(4, 19_990, "XFD") }] }));
    const { values } = workbook.grids[0];
    // 3 + 19,990 = 19,993 rows, each row below the table holding column XFD (index 16,383) only.
    expect(Object.keys(values).length).toBe(19_993);
    expect(Object.keys(values[3])).toEqual(["16383"]);
    expect(readWorkbook(workbook.grids)).toMatchObject({ sheets: ["Rộng"], problems: [] });
  });

  it("should name a target sheet over the row limit and write no summary, rather than an empty one", async () => {
    // 3 table rows + 19,998 filler rows = 20,001 rows holding cells, one over the limit.
    const rows = targetRows() + fillerRows(4, MAX_SHEET_ROWS - 2);
    const file = write("over.xlsx", zipParts(workbookPackage({ sheets: [{ name: "Quá lớn", rows }] })));
    const output = path.join(folder, "over-out.xlsx");
    const summary = await runCli(["summary", file, "-o", output]);
    expect([summary.code, summary.stderr.trim()]).toEqual([
      1,
      "Không ghi bảng tổng hợp: trang “Quá lớn” có 20.001 dòng, vượt giới hạn 20.000 dòng nên không được đọc.",
    ]);
    expect(fs.existsSync(output)).toBe(false);
    const validate = await runCli(["validate", file, "--json"]);
    expect(JSON.parse(validate.stdout).problems).toMatchObject([{ rule: "sheet-too-large", sheet: "Quá lớn", cell: "A20001" }]);
  });
});

it("should keep only the rows up to the first one over the limit of a 1,000,000-row sheet, count the rest, and name the sheet with its size", () => {
  // 3 table rows + 999,997 filler rows (A4…A1000000) = 1,000,000 rows holding a value, built as text, not by exceljs.
  const rows = targetRows() + fillerRows(4, 999_997);
  const grid = open(workbookPackage({ sheets: [{ name: "Triệu dòng", rows }] }), 1).grids[0];
  // The reader stopped keeping rows at the first one over the limit: 20,000 + 1 rows held, the other 979,999 only counted.
  expect([Object.keys(grid.values).length, grid.filledRowCount]).toEqual([MAX_SHEET_ROWS + 1, 1_000_000]);
  expect(readWorkbook([grid]).problems).toMatchObject([
    { rule: "sheet-too-large", sheet: "Triệu dòng", cell: "A20001", params: { rows: 1_000_000, limit: MAX_SHEET_ROWS } },
  ]);
});

it("should keep no cell that holds only spaces, so that rows of blanks cost nothing and count for nothing", () => {
  // 30,000 rows of a single space above the table: blank to core, so neither kept nor counted against the limit.
  const blanks = Array.from({ length: 30_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t> </t></is></c></row>`);
  const table = targetRows().replace(/(r="[A-Z]?)(\d+)"/g, (_, head: string, row: string) => `${head}${Number(row) + 30_000}"`);
  const workbook = open(workbookPackage({ sheets: [{ name: "Trống", rows: blanks.join("") + table }] }));
  expect([workbook.grids[0].top, Object.keys(workbook.grids[0].values), workbook.grids[0].filledRowCount]).toEqual([
    30_000,
    ["0", "1", "2"],
    undefined,
  ]);
  expect(readWorkbook(workbook.grids)).toMatchObject({ sheets: ["Trống"], problems: [] });
});

describe("a user's sheet never replaced", () => {
  it("should replace COMA's summary and keep the user's annotated copy that Excel's Move or Copy made", async () => {
    const marker = markerText(2027);
    const summaryRows = (note: string) =>
      `<row r="1"><c r="A1" t="inlineStr"><is><t>BÁO CÁO</t></is></c><c r="K1" t="inlineStr"><is><t>${marker}</t></is></c></row>` +
      `<row r="2"><c r="A2" t="inlineStr"><is><t>${note}</t></is></c></row>`;
    const parts = workbookPackage({
      sheets: [
        { name: "Chỉ tiêu", rows: targetRows() },
        { name: "Tổng hợp BTV 2027 (2)", rows: summaryRows("Ghi chú của tôi") }, // the copy, placed before the original
        { name: "Tổng hợp BTV 2027", rows: summaryRows("") },
      ],
    });
    const output = path.join(folder, "copy-out.xlsx");
    const result = await runCli(["summary", write("copy.xlsx", zipParts(parts)), "--year", "2027", "-o", output]);
    expect(result.code).toBe(0);
    const out = openWorkbook(fs.readFileSync(output));
    expect(out.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027 (2)", "Tổng hợp BTV 2027"]);
    expect(text(unzipParts(fs.readFileSync(output)).get("xl/worksheets/sheet2.xml"))).toBe(parts["xl/worksheets/sheet2.xml"]);
    expect(out.grids[2].values.length).toBeGreaterThan(10); // the original is now the new summary
  });
});

/** How many entries a list of a stylesheet holds, as the parser finds them. */
const entriesOf = (styles: string, list: string) => {
  const elements = outlineXml(styles, "xl/styles.xml");
  const parent = elements.find((e) => e.name === list && e.parent === elements[0]);
  return elements.filter((e) => e.parent === parent).length;
};

/** A text part as UTF-16, declared so, little- or big-endian, with or without a byte-order mark. */
function utf16(xml: string, order: "le" | "be", bom: boolean): Uint8Array {
  const bytes = Buffer.from((bom ? "\uFEFF" : "") + xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le");
  return order === "le" ? bytes : bytes.swap16();
}

describe("outputs that open: any encoding XML allows, amended by structure", () => {
  const AMENDED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

  it.each([
    ["UTF-16 little-endian with a byte-order mark", "le", true],
    ["UTF-16 big-endian without a byte-order mark", "be", false],
  ] as const)("should read a workbook whose parts are %s and write the parts it amends as UTF-8 that says so", async (_, order, bom) => {
    const parts = workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() }], styles: stylesXml([0, 9]) });
    const encoded = Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, utf16(xml as string, order, bom)]));
    const input = zipParts(encoded);
    expect(readWorkbook(openWorkbook(input).grids).indicators.map((i) => i.code)).toEqual(["KT1", "XH1"]);
    const output = path.join(folder, `utf16-${order}-out.xlsx`);
    const result = await runCli(["summary", write(`utf16-${order}.xlsx`, input), "--year", "2027", "-o", output]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const written = unzipParts(fs.readFileSync(output));
    const declarations = AMENDED.map((name) => [name, /^<\?xml[^>]*>/.exec(text(written.get(name)))?.[0]]);
    expect(declarations).toEqual(AMENDED.map((name) => [name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>']));
    // The sheet it did not amend stays as it was, UTF-16 and all.
    expect(Buffer.from(written.get("xl/worksheets/sheet1.xml")!).equals(Buffer.from(encoded["xl/worksheets/sheet1.xml"]))).toBe(true);
    expect(openWorkbook(fs.readFileSync(output)).sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027"]);
  });

  it("should not be fooled by closing tags inside comments, CDATA and attribute values", async () => {
    const parts = workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() }] });
    const hide = (name: string, close: string) => {
      parts[name] = (parts[name] as string).replace(close, `<!-- ${close} -->${close}`);
    };
    hide("xl/workbook.xml", "</sheets>");
    hide("xl/_rels/workbook.xml.rels", "</Relationships>");
    hide("[Content_Types].xml", "</Types>");
    parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
      "</workbook>",
      '<definedNames><definedName name="ghi_chu" comment="&lt;/definedNames&gt;"><![CDATA[</sheets></definedNames>]]></definedName></definedNames></workbook>',
    );
    const output = path.join(folder, "comments-out.xlsx");
    expect((await runCli(["summary", write("comments.xlsx", zipParts(parts)), "--year", "2027", "-o", output])).code).toBe(0);
    const out = openWorkbook(fs.readFileSync(output));
    expect(out.sheets.map((s) => [s.name, s.part])).toEqual([
      ["Chỉ tiêu", "xl/worksheets/sheet1.xml"],
      ["Tổng hợp BTV 2027", "xl/worksheets/sheet2.xml"],
    ]);
    const workbookXml = text(unzipParts(fs.readFileSync(output)).get("xl/workbook.xml"));
    // The print titles joined the defined names after the CDATA, inside the one <definedNames>.
    expect(workbookXml).toContain(
      '<![CDATA[</sheets></definedNames>]]></definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">',
    );
  });

  it("should amend a UTF-16 styles.xml whose comment holds list tags into UTF-8 that opens, the comment kept", async () => {
    const decoy = '<!-- </cellXfs><fonts count="9"> -->';
    const styles = stylesXml([0, 9]).replace(`<styleSheet xmlns="${MAIN}">`, `<styleSheet xmlns="${MAIN}">${decoy}`);
    const parts = { ...workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() }], styles }) };
    parts["xl/styles.xml"] = utf16(styles, "le", true);
    const output = path.join(folder, "styles-decoy-out.xlsx");
    const result = await runCli(["summary", write("styles-decoy.xlsx", zipParts(parts)), "--year", "2027", "-o", output]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const written = text(unzipParts(fs.readFileSync(output)).get("xl/styles.xml"));
    const lists = outlineXml(written, "xl/styles.xml").filter((e) => e.parent?.name === "styleSheet");
    // Every list's count is the number of entries it holds, and the comment comes through as it was.
    const counted = lists.filter((l) => l.attributes.count !== undefined).map((l) => [l.name, Number(l.attributes.count)]);
    const held = counted.map(([name]) => [name, lists.find((l) => l.name === name)!.selfClosing ? 0 : entriesOf(written, name as string)]);
    expect([written.slice(0, 55), written.split(decoy).length - 1, counted]).toEqual([XML.slice(0, 55), 1, held]);
    expect(openWorkbook(fs.readFileSync(output)).sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027"]);
  });

  it("should refuse a [Content_Types].xml that is no well-formed <Types> when reading, since every summary amends it", async () => {
    const parts = workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() }] });
    parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).slice(0, 200); // cut, as the fuzzer found it
    const file = write("types.xlsx", zipParts(parts));
    expect([
      (await runCli(["validate", file])).code,
      (await runCli(["summary", file, "-o", path.join(folder, "types-out.xlsx")])).code,
    ]).toEqual([2, 2]);
  });

  it("should refuse duplicate entry names and a part whose CRC-32 is wrong as damaged", () => {
    const packed = Object.entries(workbookPackage({ sheets: [{ name: "A", rows: targetRows() }] })).map(([name, xml]) =>
      packPart(name, Buffer.from(xml as string)),
    );
    const workbook = packed.find((p) => p.name === "xl/workbook.xml")!;
    const other = packPart("XL/Workbook.xml", Buffer.from(`${XML}<workbook xmlns="${MAIN}"><sheets/></workbook>`));
    expect(refusal(zip([...packed, other]))).toBe("corrupt");
    expect(refusal(zip(packed.map((p) => (p === workbook ? { ...p, crc: (p.crc + 1) >>> 0 } : p))))).toBe("corrupt");
  });
});

describe("files that are no regular file, text no cell holds", () => {
  it("should refuse /dev/zero at once as no regular file", async () => {
    if (!fs.existsSync("/dev/zero")) return; // Windows
    expect(await runCli(["validate", "/dev/zero"])).toMatchObject({
      code: 2,
      stderr: "“/dev/zero” không phải là một tệp thông thường (thiết bị, đường ống hoặc ổ cắm) nên không được đọc.\n",
    });
  });

  it("should refuse a FIFO at once instead of waiting for a writer", async () => {
    const fifo = path.join(folder, "ong.xlsx");
    try {
      execFileSync("mkfifo", [fifo]);
    } catch {
      return; // no mkfifo (Windows)
    }
    expect(await runCli(["validate", fifo])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("không phải là một tệp thông thường"),
    });
  });

  it("should report a cell longer than Excel's 32,767 characters at its cell and skip its row", () => {
    const long = "x".repeat(MAX_CELL_TEXT + 1);
    const read = readWorkbook([
      {
        name: "Dài",
        values: [
          ["Mã", "Chỉ tiêu", "Mục tiêu 2030"],
          ["KT1", long, "≥ 60"],
          ["KT2", "Ngắn", "≥ 5"],
        ],
      },
    ]);
    expect(read.problems.map((p) => [p.rule, p.cell, p.message])).toEqual([
      ["text-too-long", "B2", "Ô có 32.768 ký tự, vượt giới hạn 32.767 ký tự của một ô Excel; dòng này bị bỏ qua."],
    ]);
    expect(read.indicators.map((i) => i.code)).toEqual(["KT2"]);
  });

  it("should never lay out a cell longer than 32,767 characters, nor cut a surrogate pair in two", () => {
    const emoji = "😀"; // two UTF-16 units
    const layout = new LayoutBuilder("S", 2)
      .put(0, 0, "a".repeat(40_000))
      .put(0, 1, "a".repeat(MAX_CELL_TEXT - 1) + emoji)
      .build();
    expect(layout.values[0].map((v) => String(v).length)).toEqual([MAX_CELL_TEXT, MAX_CELL_TEXT - 1]);
  });
});

describe("valid files accepted", () => {
  it("should read a full-column merge as ClosedXML writes it, its covered cells blank", () => {
    const rows = `${targetRows()}<row r="4"><c r="A4" t="inlineStr"><is><t>Ghi chú</t></is></c><c r="F4"><v>99</v></c></row>`;
    const workbook = open(
      workbookPackage({
        sheets: [{ name: "Gộp", xml: sheetXml(rows, '<mergeCells count="1"><mergeCell ref="F1:F1048576"/></mergeCells>') }],
      }),
    );
    // F1 is the merge's top-left cell (2026); F2, F3 and F4 are covered and read blank.
    expect(workbook.grids[0].values.map((row) => row[5])).toEqual([2026, undefined, undefined, undefined]);
  });

  it("should read 100,000 overlapping full-column merges over 20,000 rows, each stored cell asking once which ranges cover it", () => {
    // B4…B19993 hold 1; merges B5:B1048576 … B11:B1048576, each written 100,000 / 7 times. B4 is above them all; B5 is
    // the top-left cell of the ranges from B5 and covered by no other, so it keeps its value; B6 on are covered by B5's.
    const merges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="B${5 + (i % 7)}:B1048576"/>`).join("");
    const xml = sheetXml(targetRows() + fillerRows(4, 19_990, "B"), `<mergeCells count="100000">${merges}</mergeCells>`);
    const { values } = open(workbookPackage({ sheets: [{ name: "Gộp", xml }] })).grids[0];
    expect(Object.keys(values)).toEqual(["0", "1", "2", "3", "4"]);
    expect([values[3][1], values[4][1]]).toEqual([1, 1]);
  });

  it("should read a workbook whose <sheets> is empty as one without target sheet (exit 1), not as no Excel file", async () => {
    const parts = workbookPackage({ sheets: [] });
    const file = write("empty.xlsx", zipParts(parts));
    expect(openWorkbook(zipParts(parts)).sheets).toEqual([]);
    const message =
      "Không tìm thấy trang chỉ tiêu nào: trong 20 dòng đầu của trang cần có dòng tiêu đề với các cột Mã, Chỉ tiêu và Mục tiêu 2030.";
    expect(await runCli(["summary", file, "-o", path.join(folder, "empty-out.xlsx")])).toMatchObject({ code: 1, stderr: `${message}\n` });
    expect((await runCli(["validate", file])).code).toBe(1);
  });
});
