import { Workbook, ValueType } from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LayoutBuilder } from "../../core/layout";
import { hyperlinkFormula } from "../../core/a1";
import { readWorkbookFile, writeLayouts } from "../../scripts/workbook/workbook-file";
import { checkWorkbookBytes, LIMITS } from "../../scripts/workbook/file-limits";
import { CliError } from "../../scripts/cli/messages";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-adapter-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function saved(workbook: Workbook, name: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

/** The text of one part of an .xlsx (a zip), read by hand from its central directory. */
function zipPart(bytes: Buffer, name: string): string | null {
  let end = bytes.length - 22;
  while (bytes.readUInt32LE(end) !== 0x06054b50) end--;
  let at = bytes.readUInt32LE(end + 16);
  for (let i = 0; i < bytes.readUInt16LE(end + 10); i++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const entryName = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    if (entryName === name) {
      const local = bytes.readUInt32LE(at + 42);
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + bytes.readUInt32LE(at + 20));
      return (bytes.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return null;
}

/** A zip with one stored entry whose central directory declares the given sizes. */
function zipDeclaring(declared: { compressed: number; uncompressed: number }): Buffer {
  const name = Buffer.from("xl/workbook.xml");
  const data = Buffer.from("<workbook/>");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(declared.compressed, 20);
  central.writeUInt32LE(declared.uncompressed, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const refusal = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof CliError ? error.code : `not a CliError: ${String(error)}`;
  }
};

describe("reading a workbook file", () => {
  it("should give each sheet's values from its top-left used cell, as core reads them", async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet("Dữ liệu");
    sheet.getCell("B2").value = "Tiêu đề gộp ô";
    sheet.mergeCells("B2:D2");
    sheet.getCell("B3").value = { error: "#DIV/0!" };
    sheet.getCell("C3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    sheet.getCell("D3").value = { formula: "1+1", result: 2 };
    sheet.getCell("E3").value = { richText: [{ text: "Kinh " }, { text: "tế", font: { bold: true } }] };
    sheet.getCell("F3").value = { text: "liên kết", hyperlink: "https://example.org" };
    sheet.getCell("G3").value = new Date(Date.UTC(2025, 0, 2));
    sheet.getCell("H3").value = 0.3231;
    sheet.getCell("H3").numFmt = "0.00%";
    sheet.getCell("I3").value = "=SUM(A1)";
    sheet.getCell("B4").value = true;
    sheet.getCell("C5").value = "8.474,1";
    workbook.addWorksheet("Ẩn", { state: "hidden" }).getCell("A1").value = 7;
    workbook.addWorksheet("Trống");

    const grids = await readWorkbookFile(await saved(workbook, "messy.xlsx"));

    expect(grids.map((g) => g.name)).toEqual(["Dữ liệu", "Ẩn", "Trống"]);
    const [data, hidden, empty] = grids;
    expect(data).toMatchObject({ top: 1, left: 1 });
    expect(data.values[0]).toEqual(["Tiêu đề gộp ô"]); // the merged slaves C2 and D2 are blank, not repeated
    expect(data.values[1]).toEqual([{ error: "#DIV/0!" }, { error: "#DIV/0!" }, 2, "Kinh tế", "liên kết", 45659, 0.3231, "=SUM(A1)"]);
    expect(data.values[2]).toEqual([true]);
    expect(data.values[3]).toEqual([null, "8.474,1"]);
    expect(data.formats?.[1]?.[6]).toBe("0.00%");
    expect(data.formats?.[1]?.[2]).toBeNull();
    expect(hidden).toMatchObject({ top: 0, left: 0, values: [[7]] });
    expect(empty.values).toEqual([]);
  });

  it("should refuse random bytes, a text file and a truncated zip as unreadable", async () => {
    const good = await saved(withSheet(), "good.xlsx");
    const bytes = fs.readFileSync(good);
    const cases: [string, Buffer, string][] = [
      ["random.xlsx", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), "not-xlsx"],
      ["csv.xlsx", Buffer.from("Mã,Chỉ tiêu\nKT1,Thu ngân sách\n"), "not-xlsx"],
      ["truncated.xlsx", bytes.subarray(0, Math.floor(bytes.length / 2)), "corrupt"],
      ["old.xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "legacy-xls"],
      ["empty.xlsx", Buffer.alloc(0), "not-xlsx"],
    ];
    for (const [name, content, code] of cases) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      await expect(readWorkbookFile(file), name).rejects.toMatchObject({ code });
    }
  });

  it("should refuse a file above the size limit before reading it", async () => {
    const file = path.join(dir, "huge.xlsx");
    fs.writeFileSync(file, "PK\u0003\u0004");
    fs.truncateSync(file, LIMITS.fileBytes + 1); // sparse: nothing is written
    await expect(readWorkbookFile(file)).rejects.toMatchObject({ code: "file-too-large" });
  });

  it("should refuse a zip whose declared content is too large or absurdly compressed", () => {
    expect(refusal(() => checkWorkbookBytes(zipDeclaring({ compressed: 11, uncompressed: 11 }), "x.xlsx"))).toBeNull();
    expect(refusal(() => checkWorkbookBytes(zipDeclaring({ compressed: 100_000_000, uncompressed: 300 * 1024 * 1024 }), "x.xlsx"))).toBe("unzipped-too-large");
    expect(refusal(() => checkWorkbookBytes(zipDeclaring({ compressed: 11, uncompressed: 20 * 1024 * 1024 }), "x.xlsx"))).toBe("zip-bomb");
    expect(refusal(() => checkWorkbookBytes(zipDeclaring({ compressed: 11, uncompressed: 0xffffffff }), "x.xlsx"))).toBe("unzipped-too-large");
  });

  it("should word each refusal as one Vietnamese sentence naming the file", () => {
    const error = new CliError("unzipped-too-large", { file: "xa.xlsx", size: 300 * 1024 * 1024, limit: LIMITS.unzippedBytes });
    expect(error.message).toBe("Tệp “xa.xlsx” khi giải nén chiếm 300 MB, vượt giới hạn 200 MB nên không được mở.");
    expect(error.exitCode).toBe(2);
  });
});

function withSheet(): Workbook {
  const workbook = new Workbook();
  workbook.addWorksheet("Trang 1").getCell("A1").value = "Mã";
  return workbook;
}

describe("writing a layout", () => {
  const layout = new LayoutBuilder("Tổng hợp thử", 4)
    .put(0, 0, "BÁO CÁO").merge(0, 0, 0, 2).style(0, 0, 0, 2, { bold: true, size: 14, align: "center" })
    .putRow(1, 0, ['=HYPERLINK("x")', "@SUM(A1)", "+1", "Mã"])
    .put(2, 0, "KT3.2").link(2, 0, "Chỉ tiêu", "A6")
    .put(2, 1, 0.5, "0.0%").put(2, 2, 1234.5, "#,##0.0#").put(2, 3, "dài ".repeat(40), "@")
    .style(2, 0, 2, 3, { border: true, fill: "C6EFCE", color: "006100", italic: true, underline: true, wrap: true, indent: 1 })
    .put(3, 1, "dài ".repeat(40)).style(3, 1, 3, 1, { wrap: true })
    .set({ widths: [10, 20, 30, 12], hiddenColumns: [3], freezeRows: 2, print: { landscape: true, fitToWidth: true, titleRows: [2, 2] } })
    .build();
  let bytes: Buffer;
  let sheet: ReturnType<Workbook["getWorksheet"]>;

  beforeAll(async () => {
    const workbook = new Workbook();
    writeLayouts(workbook, [layout]);
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const reread = new Workbook();
    await reread.xlsx.load(bytes as unknown as ArrayBuffer);
    sheet = reread.getWorksheet("Tổng hợp thử");
  });

  it("should write text that looks like a formula as text", () => {
    for (const address of ["A2", "B2", "C2"]) expect([ValueType.String, ValueType.SharedString]).toContain(sheet!.getCell(address).type);
    expect(sheet!.getCell("A2").value).toBe('=HYPERLINK("x")');
    expect(sheet!.getCell("B2").value).toBe("@SUM(A1)");
    expect(sheet!.getCell("A2").numFmt).toBe("@");
  });

  it("should write values, number formats, merges and styles in Times New Roman", () => {
    expect(sheet!.getCell("B3").value).toBe(0.5);
    expect(sheet!.getCell("B3").numFmt).toBe("0.0%");
    expect(sheet!.getCell("C3").numFmt).toBe("#,##0.0#");
    expect(sheet!.getCell("C1").isMerged).toBe(true);
    expect(sheet!.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(sheet!.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet!.getCell("D4").font?.name).toBe("Times New Roman"); // an empty cell the user may type into
    const styled = sheet!.getCell("B3");
    expect(styled.font).toMatchObject({ name: "Times New Roman", size: 12, italic: true, underline: true, color: { argb: "FF006100" } });
    expect(styled.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC6EFCE" } });
    expect(styled.border).toMatchObject({ top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } });
    expect(styled.alignment).toMatchObject({ wrapText: true, indent: 1 });
  });

  it("should set widths, hidden columns, frozen rows, row heights and the A4 landscape print setup", () => {
    expect([1, 2, 3].map((c) => sheet!.getColumn(c).width)).toEqual([10, 20, 30]);
    expect(sheet!.getColumn(4).hidden).toBe(true);
    expect(sheet!.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet!.getRow(4).height).toBeGreaterThan(60); // 160 wrapped characters in a 20-wide column
    expect(sheet!.getRow(3).height ?? 15).toBeLessThan(20); // the same text in a hidden column takes no room
    expect(sheet!.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
  });

  it("should link to a cell of the workbook with a HYPERLINK formula, never an external relationship", () => {
    expect(sheet!.getCell("A3").value).toEqual({ formula: `HYPERLINK("#'Chỉ tiêu'!A6","KT3.2")`, result: "KT3.2" });
    expect(zipPart(bytes, "xl/worksheets/sheet1.xml")).toContain("<f>HYPERLINK(&quot;#&apos;Chỉ tiêu&apos;!A6&quot;,&quot;KT3.2&quot;)</f>");
    expect(zipPart(bytes, "xl/worksheets/_rels/sheet1.xml.rels") ?? "").not.toContain("External");
  });

  it("should escape quotes in sheet names and link text", () => {
    expect(hyperlinkFormula(`Bảng "A" của 'xã'`, "A5", 'K"T')).toBe(`HYPERLINK("#'Bảng ""A"" của ''xã'''!A5","K""T")`);
  });
});
