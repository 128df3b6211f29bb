import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { LIMITS, openWorkbook, WorkbookFileError } from "../../workbook";
import { CliError } from "../../scripts/cli/messages";
import { MACRO_WORKBOOK_TYPE, MAIN, PKG_REL, REL, stylesXml, workbookPackage, XML, zipParts, type Parts } from "./packages";
import { packPart, zip } from "../../scripts/fuzz/zip";

const open = (parts: Parts) => openWorkbook(zipParts(parts));

const refusal = (bytes: Uint8Array): string | null => {
  try {
    openWorkbook(bytes);
    return null;
  } catch (error) {
    return error instanceof WorkbookFileError ? error.code : `not a WorkbookFileError: ${String(error)}`;
  }
};

describe("reading the cells of a workbook", () => {
  // Shared strings 0 plain, 1 rich text with a phonetic guide, 2 leading and trailing spaces.
  const shared = [
    "Mã",
    '<r><t>Kinh </t></r><r><rPr><b/></rPr><t>tế</t></r><rPh sb="0" eb="1"><t>ケイ</t></rPh>',
    '<t xml:space="preserve"> 8.474,1 </t>',
  ].map((s) => (s.startsWith("<") ? `<si>${s}</si>` : `<si><t>${s}</t></si>`));
  const parts = workbookPackage({
    sheets: [
      {
        name: "Dữ liệu",
        rows:
          '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>' +
          '<row r="3"><c r="B3" t="inlineStr"><is><r><t>Nội </t></r><r><t>tuyến</t></r></is></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><v>#N/A</v></c>' +
          '<c r="E3"><f>1+1</f><v>2</v></c><c r="F3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
          '<row r="4"><c r="B4" s="1"><v>0.3231</v></c><c r="C4" s="2"><v>0.5</v></c><c r="D4" s="3"><v>0.25</v></c><c r="E4" s="4"><v>1234.5</v></c><c r="F4" s="1"/></row>' +
          '<row r="5"><c r="B5" t="inlineStr"><is><t>=SUM(A1)</t></is></c><c r="C5"><v>1E+3</v></c></row>',
      },
    ],
    sharedStrings: shared.join(""),
    styles: stylesXml([0, 9, 10, 164, 3], { 164: "#,##0.0%" }),
  });
  const [grid] = open(parts).grids;

  it("should read shared, rich, inline and formula text, booleans, errors and numbers from the top-left used cell", () => {
    expect(grid).toMatchObject({ name: "Dữ liệu", top: 1, left: 1 });
    expect(grid.values).toEqual([
      ["Mã", "Kinh tế", " 8.474,1 "],
      ["Nội tuyến", true, { error: "#N/A" }, 2, "ab", { error: "#DIV/0!" }],
      [0.3231, 0.5, 0.25, 1234.5],
      ["=SUM(A1)", 1000],
    ]);
  });

  it("should give the number format of each cell: built-in percentages 9 and 10, custom formats, null for General", () => {
    expect(grid.formats?.[2]).toEqual(["0%", "0.00%", "#,##0.0%", "#,##0"]);
    expect(grid.formats?.[0]).toEqual([null, null, null]);
  });
});

describe("reading the variations real producers write", () => {
  const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1"><v>7</v></c></row>';
  const expected = [["Mã", 7]];

  it("should follow absolute relationship targets", () => {
    expect(
      open(workbookPackage({ sheets: [{ name: "A", rows }], absoluteTargets: true, sharedStrings: ["x"], styles: stylesXml([0]) })).grids[0]
        .values,
    ).toEqual(expected);
  });

  it("should read x:-prefixed elements", () => {
    const parts = workbookPackage({
      sheets: [
        {
          name: "A",
          xml: `${XML}<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${rows.replace(/<(\/?)(row|c|is|t|v)\b/g, "<$1x:$2")}</x:sheetData></x:worksheet>`,
        },
      ],
    });
    parts["xl/workbook.xml"] =
      `${XML}<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`;
    expect(open(parts).grids[0].values).toEqual(expected);
  });

  it("should read strict OOXML namespaces", () => {
    const strictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    const strictRel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    const parts = workbookPackage({
      sheets: [{ name: "A", xml: `${XML}<worksheet xmlns="${strictMain}"><sheetData>${rows}</sheetData></worksheet>` }],
    });
    parts["xl/workbook.xml"] =
      `${XML}<workbook xmlns="${strictMain}" xmlns:r="${strictRel}"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    parts["_rels/.rels"] =
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${strictRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
    parts["xl/_rels/workbook.xml.rels"] =
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${strictRel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    const workbook = open(parts);
    expect(workbook.strict).toBe(true);
    expect(workbook.grids[0].values).toEqual(expected);
  });

  it("should read a workbook without shared strings or styles, and cells and rows without references", () => {
    const parts = workbookPackage({
      sheets: [{ name: "A", rows: '<row><c t="inlineStr"><is><t>Mã</t></is></c><c><v>7</v></c></row><row><c/><c><v>8</v></c></row>' }],
    });
    const [first, second] = open(parts).grids[0].values;
    expect(first).toEqual(["Mã", 7]);
    // The empty cell is a hole of the grid (core reads a hole as blank): only the cells held are set.
    expect(Object.entries(second)).toEqual([["1", 8]]);
  });

  it("should keep the serial numbers of a 1904 workbook as numbers", () => {
    const workbook = open(
      workbookPackage({
        sheets: [{ name: "A", rows: '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>' }],
        date1904: true,
        styles: stylesXml([0, 14]),
      }),
    );
    expect(workbook.date1904).toBe(true);
    expect(workbook.grids[0]).toMatchObject({ values: [[45000]], formats: [["mm-dd-yy"]] });
  });

  it("should read a macro-enabled workbook", () => {
    expect(
      open(
        workbookPackage({
          sheets: [{ name: "A", rows }],
          workbookType: MACRO_WORKBOOK_TYPE,
          extra: { "xl/vbaProject.bin": new Uint8Array([1, 2, 3]) },
        }),
      ).grids[0].values,
    ).toEqual(expected);
  });

  it("should list hidden and very hidden sheets, and skip the cells of chartsheets and dialog sheets", () => {
    const workbook = open(
      workbookPackage({
        sheets: [
          { name: "Ẩn", rows, state: "hidden" },
          { name: "Rất ẩn", rows, state: "veryHidden" },
          { name: "Biểu đồ", kind: "chartsheet", xml: `${XML}<chartsheet xmlns="${MAIN}"/>` },
          { name: "Hộp thoại", kind: "dialogsheet", xml: `${XML}<dialogsheet xmlns="${MAIN}"/>` },
        ],
      }),
    );
    expect(workbook.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ["Ẩn", "hidden", "worksheet"],
      ["Rất ẩn", "veryHidden", "worksheet"],
      ["Biểu đồ", "visible", "chartsheet"],
      ["Hộp thoại", "visible", "dialogsheet"],
    ]);
    expect(workbook.grids.map((g) => g.name)).toEqual(["Ẩn", "Rất ẩn"]);
  });

  it("should leave the covered cells of a merged range blank", () => {
    const merged =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Tiêu đề</t></is></c><c r="B1" t="inlineStr"><is><t>Tiêu đề</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>';
    const xml = `${XML}<worksheet xmlns="${MAIN}"><sheetData>${merged}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`;
    const [title, row] = open(workbookPackage({ sheets: [{ name: "A", xml }] })).grids[0].values;
    expect([Object.entries(title), row]).toEqual([[["0", "Tiêu đề"]], [1, 2]]); // B1 is covered: a hole, read blank
  });
});

describe("refusing what is no workbook or too large, before inflating it", () => {
  const good = zipParts(workbookPackage({ sheets: [{ name: "A" }] }));

  it("should refuse random bytes, text, a truncated zip, an old .xls and an empty file", () => {
    const cases: [string, Uint8Array, string][] = [
      ["random", Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256), "not-xlsx"],
      ["csv", new TextEncoder().encode("Mã,Chỉ tiêu\nKT1,Thu ngân sách\n"), "not-xlsx"],
      ["truncated", good.subarray(0, Math.floor(good.length / 2)), "corrupt"],
      ["xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "legacy-xls"],
      ["empty", new Uint8Array(0), "not-xlsx"],
      ["zip of something else", zipParts({ "readme.txt": "hello" }), "not-xlsx"],
    ];
    expect(cases.map(([name, bytes]) => [name, refusal(bytes)])).toEqual(cases.map(([name, , code]) => [name, code]));
  });

  it("should refuse a file above the size limit", () => {
    const bytes = new Uint8Array(LIMITS.fileBytes + 1);
    bytes.set([0x50, 0x4b, 3, 4]);
    expect(refusal(bytes)).toBe("file-too-large");
  });

  /** The package with one more part whose central directory declares the given sizes. */
  const declaring = (size: number, data: Buffer) =>
    zip([
      ...Object.entries(workbookPackage({ sheets: [{ name: "A" }] })).map(([name, content]) =>
        packPart(name, Buffer.from(content as string)),
      ),
      { name: "xl/media/big.bin", data, size, crc: 0 },
    ]);

  it("should refuse a declared size above the limit, an absurd ratio and a part that inflates beyond its declared size", () => {
    expect(refusal(declaring(300 * 1024 * 1024, deflateRawSync(Buffer.alloc(10))))).toBe("unzipped-too-large");
    expect(refusal(declaring(20 * 1024 * 1024, deflateRawSync(Buffer.alloc(20 * 1024 * 1024))))).toBe("zip-bomb");
    const lie = packPart(
      "xl/worksheets/sheet1.xml",
      Buffer.from(`<worksheet xmlns="${MAIN}"><sheetData>${"<row/>".repeat(100_000)}</sheetData></worksheet>`),
    );
    const parts = Object.entries(workbookPackage({ sheets: [{ name: "A" }] })).filter(([name]) => name !== "xl/worksheets/sheet1.xml");
    expect(refusal(zip([...parts.map(([name, content]) => packPart(name, Buffer.from(content as string))), { ...lie, size: 100 }]))).toBe(
      "zip-size-lie",
    );
  });

  it("should refuse more parts than the limit", () => {
    const many: Parts = workbookPackage({ sheets: [{ name: "A" }] });
    for (let i = 0; i <= LIMITS.parts; i++) many[`xl/media/p${i}.bin`] = new Uint8Array(0);
    expect(refusal(zipParts(many))).toBe("not-xlsx");
  });

  it("should refuse a sheet whose XML is broken as damaged", () => {
    expect(refusal(zipParts(workbookPackage({ sheets: [{ name: "A", xml: "<worksheet><sheetData><row></sheetData>" }] })))).toBe("corrupt");
  });

  it("should word each refusal as one Vietnamese sentence naming the file, in the command line only", () => {
    const error = new CliError("unzipped-too-large", { file: "xa.xlsx", size: 300 * 1024 * 1024, limit: LIMITS.unzippedBytes });
    expect(error.message).toBe("Tệp “xa.xlsx” khi giải nén chiếm 300 MB, vượt giới hạn 200 MB nên không được mở.");
    expect(error.exitCode).toBe(2);
  });
});
