import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LayoutBuilder, type SheetLayout } from "../../core";
import { amendWorkbook, openWorkbook } from "../../workbook";
import {
  MACRO_WORKBOOK_TYPE,
  MAIN,
  REL,
  stylesXml,
  targetRows,
  text,
  unzipParts,
  workbookPackage,
  XML,
  zipParts,
  type Parts,
} from "./packages";
import { runCli } from "./run-cli";
import { has } from "../support/tools";

/**
 * A workbook as openpyxl writes one with a bar chart and a cell comment (absolute relationship targets, a drawing with
 * a one-cell anchor, legacy VML for the comment): exceljs 4.4 crashes on it (exceljs#2591). Built by hand.
 */
function openpyxlStyleWorkbook(): Parts {
  const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  const parts = workbookPackage({
    sheets: [
      {
        name: "Chỉ tiêu",
        xml: `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${targetRows()}</sheetData><drawing r:id="rId1"/><legacyDrawing r:id="anysvml"/></worksheet>`,
      },
    ],
    styles: stylesXml([0, 9]),
    absoluteTargets: true,
  });
  parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
    "</Types>",
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>',
  );
  parts["xl/worksheets/_rels/sheet1.xml.rels"] =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/drawing" Target="/xl/drawings/drawing1.xml"/>` +
    `<Relationship Id="comments" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/>` +
    `<Relationship Id="anysvml" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/></Relationships>`;
  parts["xl/drawings/drawing1.xml"] =
    `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    '<xdr:oneCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="5400000" cy="2700000"/>' +
    '<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/>' +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;
  parts["xl/drawings/_rels/drawing1.xml.rels"] =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="/xl/charts/chart1.xml"/></Relationships>`;
  parts["xl/charts/chart1.xml"] =
    `${XML}<c:chartSpace xmlns:c="${C}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>` +
    '<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'Chỉ tiêu\'!$F$2:$F$3</c:f></c:numRef></c:val></c:ser>' +
    '<c:axId val="10"/><c:axId val="100"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="100"/></c:catAx>' +
    '<c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
  parts["xl/comments/comment1.xml"] =
    `${XML}<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="B2" authorId="0"><text><t>Số liệu tạm tính</t></text></comment></commentList></comments>`;
  parts["xl/drawings/commentsDrawing1.vml"] =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>';
  return parts;
}

/** The parts the summary may change in a source package; every other one stays byte for byte. */
const AMENDED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];

/** Source parts whose uncompressed bytes differ in the output (or are missing from it), besides the amended ones. */
function changedParts(source: Map<string, Uint8Array>, output: Map<string, Uint8Array>): string[] {
  return [...source]
    .filter(([name, bytes]) => !AMENDED.includes(name) && !Buffer.from(bytes).equals(Buffer.from(output.get(name) ?? [])))
    .map(([name]) => name);
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-amend-"))));
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

describe("a workbook written by openpyxl with a chart and a comment", () => {
  let input: string;
  let output: string;
  let source: Map<string, Uint8Array>;
  let amended: Map<string, Uint8Array>;

  beforeAll(async () => {
    input = path.join(dir, "openpyxl.xlsx");
    output = path.join(dir, "openpyxl-tong-hop.xlsx");
    fs.writeFileSync(input, zipParts(openpyxlStyleWorkbook()));
    source = unzipParts(fs.readFileSync(input));
    const run = await runCli(["summary", input, "-o", output, "--year", "2027"]);
    expect(run.code, run.stderr).toBe(0);
    amended = unzipParts(fs.readFileSync(output));
  });

  it("should be read by validate (exit 0 or 1, never 2)", async () => {
    const run = await runCli(["validate", input, "--json"]);
    expect(run.stderr).toBe("");
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout)).toMatchObject({ sheets: ["Chỉ tiêu"], indicators: 2 });
  });

  it("should keep every source part byte for byte in the summary, the chart and the comment included", () => {
    expect(changedParts(source, amended)).toEqual([]);
  });

  it("should add only the summary sheet, and its drawing and chart when the layout has one", () => {
    const added = [...amended.keys()].filter((name) => !source.has(name)).sort();
    const withChart = text(amended.get("xl/worksheets/sheet2.xml")).includes("<drawing ");
    const chartParts = [
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing2.xml.rels",
      "xl/drawings/drawing2.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
    ];
    expect(added).toEqual([...(withChart ? chartParts : []), "xl/worksheets/sheet2.xml"]);
  });

  it("should append the styles: the workbook's own cell formats keep their indices", () => {
    const before = text(source.get("xl/styles.xml"));
    const after = text(amended.get("xl/styles.xml"));
    const xfs = (xml: string) => [...xml.slice(xml.indexOf("<cellXfs")).matchAll(/<xf [^>]*?\/?>/g)].map((m) => m[0]);
    expect(xfs(after).slice(0, 2)).toEqual(xfs(before));
    expect(xfs(after).length).toBeGreaterThan(2);
    expect(after).toMatch(new RegExp(`<cellXfs count="${xfs(after).length}">`));
  });

  it("should replace the summary it made before and nothing else when run on its own output", async () => {
    const again = path.join(dir, "openpyxl-lan-2.xlsx");
    const run = await runCli(["summary", output, "-o", again, "--year", "2027"]);
    expect(run.code, run.stderr).toBe(0);
    const twice = unzipParts(fs.readFileSync(again));
    expect(changedParts(source, twice)).toEqual([]);
    expect([...twice.keys()].sort()).toEqual([...amended.keys()].sort());
    const workbook = openWorkbook(fs.readFileSync(again));
    expect(workbook.sheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Tổng hợp BTV 2027"]);
  });

  it.runIf(has("libreoffice"))(
    "should open in LibreOffice",
    () => {
      const pdfDir = path.join(dir, "pdf");
      execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", pdfDir, output], { stdio: "ignore", timeout: 120_000 });
      const pdf = fs.readFileSync(path.join(pdfDir, "openpyxl-tong-hop.pdf"));
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
    },
    180_000,
  );
});

describe("amending a package with a layout", () => {
  const built: SheetLayout = new LayoutBuilder("Tổng hợp thử", 5)
    .putRow(0, 0, ["BÁO CÁO", null, null, null, "COMA:tong-hop-btv:2027"])
    .merge(0, 0, 0, 2)
    .style(0, 0, 0, 2, { bold: true, size: 14, align: "center" })
    .putRow(1, 0, ['=HYPERLINK("http://x")', "+84 912", "-2+3", "@SUM(A1)", "Mã"])
    .putRow(2, 0, ["Nhóm", "Vượt", "Đạt", "Chưa đạt", null])
    .putRow(3, 0, ["KT", 2, 3, 2, null])
    .putRow(4, 0, ["XH", 5, 6, 2, null])
    .put(5, 0, "KT3.2")
    .link(5, 0, "Chỉ tiêu", "A6")
    .put(5, 1, 0.5, "0.0%")
    .style(2, 0, 5, 3, { border: true, fill: "C6EFCE", color: "006100", wrap: true, indent: 1 })
    .set({
      widths: [10, 12, 12, 12, 4],
      hiddenColumns: [4],
      freezeRows: 2,
      pageBreaks: [6],
      print: { landscape: true, fitToWidth: true, titleRows: [3, 3] },
      chart: {
        anchor: "A8:D20",
        title: "Tình hình thực hiện",
        categories: "A4:A5",
        series: [
          { name: "Vượt", values: "B4:B5", color: "00B050" },
          { name: "Đạt", values: "C4:C5", color: "92D050" },
          { name: "Chưa đạt", values: "D4:D5", color: "FF0000" },
        ],
      },
    })
    .build();
  // Whatever runs the layout carries are written; these are set by hand (a row past the values included).
  const layout: SheetLayout = {
    ...built,
    rowHeights: [
      { from: 1, to: 1, height: 30 },
      { from: 8, to: 9, height: 20 },
    ],
  };
  const source = workbookPackage({
    sheets: [{ name: "Chỉ tiêu", rows: targetRows() }],
    workbookType: MACRO_WORKBOOK_TYPE,
    extra: { "xl/vbaProject.bin": new Uint8Array([7, 7, 7]) },
  });
  const bytes = amendWorkbook(openWorkbook(zipParts(source)), { layout, replaces: null, footer: "&CTrang &P/&N" });
  const parts = unzipParts(bytes);
  const sheet = text(parts.get("xl/worksheets/sheet2.xml"));

  it("should write text that begins with =, +, - or @ as inline text, and links as HYPERLINK formulas with their text", () => {
    expect(sheet).toContain('<c r="A2" s="');
    for (const payload of ['=HYPERLINK("http://x")', "+84 912", "-2+3", "@SUM(A1)"]) {
      expect(sheet).toContain(
        `t="inlineStr"><is><t xml:space="preserve">${payload.replace(/"/g, "&quot;").replace(/&quot;/g, '"')}</t></is>`,
      );
    }
    expect([...sheet.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1])).toEqual([
      "HYPERLINK(&quot;#&apos;Chỉ tiêu&apos;!A6&quot;,&quot;KT3.2&quot;)".replace(/&apos;/g, "'").replace(/&quot;/g, '"'),
    ]);
    expect(sheet).toMatch(/t="str"><f>[^<]*<\/f><v>KT3\.2<\/v>/);
  });

  it("should write merges, widths, the hidden column, frozen rows, row heights, page breaks and the A4 landscape page", () => {
    // a page that starts at row 6 is a break after row 5
    expect(sheet).toContain('<rowBreaks count="1" manualBreakCount="1"><brk id="5" max="16383" man="1"/></rowBreaks>');
    expect(sheet).toContain('<mergeCell ref="A1:C1"/>');
    expect(sheet).toMatch(/<col min="5" max="5" width="4" customWidth="1" style="\d+" hidden="1"\/>/);
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<row r="1" ht="30" customHeight="1">');
    expect(sheet).toContain('<row r="9" ht="20" customHeight="1"></row>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain("<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>");
  });

  it("should name the print title rows for the new sheet's index and keep the macro workbook's content type", () => {
    expect(text(parts.get("xl/workbook.xml"))).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'Tổng hợp thử'!$3:$3</definedName>`,
    );
    expect(text(parts.get("[Content_Types].xml"))).toContain(`ContentType="${MACRO_WORKBOOK_TYPE}"`);
    expect(Buffer.from(parts.get("xl/vbaProject.bin")!)).toEqual(Buffer.from([7, 7, 7]));
  });

  it("should draw a stacked bar chart, one series per status in its colour, over the anchor cells", () => {
    const chart = text(parts.get("xl/charts/chart1.xml"));
    expect(chart).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(
      [...chart.matchAll(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx><c:spPr><a:solidFill><a:srgbClr val="(\w+)"/g)].map((m) => [m[1], m[2]]),
    ).toEqual([
      ["Vượt", "00B050"],
      ["Đạt", "92D050"],
      ["Chưa đạt", "FF0000"],
    ]);
    expect(chart).toContain("<c:f>'Tổng hợp thử'!$A$4:$A$5</c:f>");
    expect(chart).toContain(
      '<c:f>\'Tổng hợp thử\'!$B$4:$B$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>2</c:v></c:pt><c:pt idx="1"><c:v>5</c:v></c:pt>',
    );
    const drawing = text(parts.get("xl/drawings/drawing1.xml"));
    expect(drawing).toContain("<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>7</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row>");
    expect(text(parts.get("xl/worksheets/_rels/sheet2.xml.rels"))).toContain('Target="../drawings/drawing1.xml"');
    expect(text(parts.get("[Content_Types].xml"))).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
  });

  it("should read back what it wrote", () => {
    const grid = openWorkbook(bytes).grids[1];
    expect(grid.values[1]).toEqual(['=HYPERLINK("http://x")', "+84 912", "-2+3", "@SUM(A1)", "Mã"]);
    expect(grid.values[5]).toEqual(["KT3.2", 0.5]);
    expect(grid.formats?.[5]).toEqual([null, "0.0%"]);
  });

  it.runIf(has("libreoffice"))(
    "should open in LibreOffice with its chart",
    () => {
      const file = path.join(dir, "bieu-do.xlsm");
      fs.writeFileSync(file, bytes);
      const resaved = path.join(dir, "resaved");
      execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", resaved, file], { stdio: "ignore", timeout: 120_000 });
      const again = unzipParts(fs.readFileSync(path.join(resaved, "bieu-do.xlsx")));
      expect([...again.keys()].filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name))).toHaveLength(1);
      expect(openWorkbook(fs.readFileSync(path.join(resaved, "bieu-do.xlsx"))).sheets.map((s) => s.name)).toEqual([
        "Chỉ tiêu",
        "Tổng hợp thử",
      ]);
    },
    180_000,
  );

  it("should create a styles part for a workbook that has none", () => {
    const bare = unzipParts(
      amendWorkbook(openWorkbook(zipParts(workbookPackage({ sheets: [{ name: "A" }] }))), {
        layout: { ...layout, chart: null },
        replaces: null,
        footer: "",
      }),
    );
    const styles = text(bare.get("xl/styles1.xml") ?? bare.get("xl/styles.xml"));
    expect(styles).toMatch(
      /<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/>/,
    );
    expect(text(bare.get("xl/_rels/workbook.xml.rels"))).toMatch(/relationships\/styles" Target="styles1?\.xml"/);
  });
});

describe("a workbook that declares the relationships prefix on each <sheet> (openpyxl 3.1)", () => {
  it("should declare the prefix on the new <sheet> too, so that the workbook part stays namespace-well-formed", () => {
    // Found by the corpus (openpyxl/hyperlinks.xlsx): a prefix bound on a sibling is out of scope for the new element,
    // and LibreOffice refused the output ("source file could not be loaded").
    const source = workbookPackage({ sheets: [{ name: "Chỉ tiêu", rows: targetRows() }] });
    source["xl/workbook.xml"] = (source["xl/workbook.xml"] as string)
      .replace(` xmlns:r="${REL}"`, "")
      .replace("<sheet ", `<sheet xmlns:r="${REL}" `);
    const layout = new LayoutBuilder("Tổng hợp thử", 2).putRow(0, 0, ["BÁO CÁO", "COMA:tong-hop-btv:2027"]).build();
    const workbookXml = text(
      unzipParts(amendWorkbook(openWorkbook(zipParts(source)), { layout, replaces: null, footer: "" })).get("xl/workbook.xml"),
    );
    const unbound = [...workbookXml.matchAll(/<sheet\s[^>]*>/g)]
      .map((m) => m[0])
      .filter((element) => !element.includes(`xmlns:r="${REL}"`));
    expect(unbound).toEqual([]);
  });
});

describe("replacing the summary COMA made before", () => {
  const marker = '<row r="1"><c r="L1" t="inlineStr"><is><t>COMA:tong-hop-btv:2027</t></is></c></row>';
  const parts = workbookPackage({
    sheets: [
      { name: "Chỉ tiêu", rows: targetRows() },
      { name: "Tổng hợp BTV 2027", rows: marker },
      { name: "Ghi chép", rows: "" },
    ],
  });
  parts["xl/workbook.xml"] = (parts["xl/workbook.xml"] as string).replace(
    "</sheets>",
    '</sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'Tổng hợp BTV 2027\'!$5:$5</definedName>' +
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Ghi chép\'!$1:$1</definedName></definedNames>',
  );
  parts["xl/calcChain.xml"] = `${XML}<calcChain xmlns="${MAIN}"><c r="B6" i="2"/></calcChain>`;
  parts["xl/_rels/workbook.xml.rels"] = (parts["xl/_rels/workbook.xml.rels"] as string).replace(
    "</Relationships>",
    `<Relationship Id="rIdC" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
  );
  parts["xl/worksheets/_rels/sheet2.xml.rels"] =
    `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`;
  parts["xl/drawings/drawing1.xml"] = `${XML}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;
  parts["[Content_Types].xml"] = (parts["[Content_Types].xml"] as string).replace(
    "</Types>",
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
  );
  const layout = new LayoutBuilder("Tổng hợp BTV 2027", 12)
    .put(0, 0, "BÁO CÁO")
    .put(0, 11, "COMA:tong-hop-btv:2027")
    .set({ print: { landscape: true, fitToWidth: true, titleRows: [9, 9] } })
    .build();
  const workbook = openWorkbook(zipParts(parts));
  const after = unzipParts(amendWorkbook(workbook, { layout, replaces: "Tổng hợp BTV 2027", footer: "" }));
  const workbookXml = text(after.get("xl/workbook.xml"));

  it("should keep the sheet's place, part and sheetId, so that no other sheet's index moves", () => {
    expect([...workbookXml.matchAll(/<sheet name="([^"]*)" sheetId="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["Chỉ tiêu", "1"],
      ["Tổng hợp BTV 2027", "2"],
      ["Ghi chép", "3"],
    ]);
    expect(text(after.get("xl/worksheets/sheet2.xml"))).toContain("BÁO CÁO");
  });

  it("should replace the old sheet's print titles and keep the other sheets' names", () => {
    expect([...workbookXml.matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]).sort()).toEqual([
      '<definedName name="_xlnm.Print_Titles" localSheetId="1">\'Tổng hợp BTV 2027\'!$9:$9</definedName>',
      '<definedName name="_xlnm.Print_Titles" localSheetId="2">\'Ghi chép\'!$1:$1</definedName>',
    ]);
  });

  it("should drop the old sheet's own drawing and the calculation chain, and nothing else", () => {
    expect([...Object.keys(parts)].filter((name) => !after.has(name)).sort()).toEqual([
      "xl/calcChain.xml",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
    ]);
    expect(text(after.get("xl/_rels/workbook.xml.rels"))).not.toContain("calcChain");
    expect(text(after.get("[Content_Types].xml"))).not.toMatch(/calcChain|drawing1/);
    expect(text(after.get("[Content_Types].xml"))).toContain('PartName="/xl/worksheets/sheet3.xml"');
  });
});
