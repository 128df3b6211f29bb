import type { SheetLayout } from "../core";
import { styleRequests } from "./amend";
import { MAIN_NS, quotedSheet, RELATIONSHIPS_NS, worksheetXml } from "./write-sheet";
import { appendStyles, EMPTY_STYLES, type StyleRequest } from "./write-styles";
import { deflateWithFflate, writeZip, type Deflater } from "./zip";
import { escapeAttribute, escapeText } from "./xml";

export interface NewPackageOptions {
  /** The page footer in header-footer codes (`&CTrang &P/&N`). */
  footer: string;
  /** Raw deflate (Node's zlib in the command line); fflate by default. */
  deflate?: Deflater;
}

const ENCODER = new TextEncoder();
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/**
 * A new workbook of the given layouts, one sheet each, without exceljs: the parts a spreadsheet needs and nothing
 * else (content types, relationships, workbook, styles, sheets), so that the command line and a browser page make the
 * same bytes. Sheets are written as the amending writes them (write-sheet.ts), protection and unlocked cells included.
 */
export function newWorkbookPackage(layouts: readonly SheetLayout[], options: NewPackageOptions): Uint8Array {
  if (layouts.length === 0) throw new Error("a workbook needs a sheet");
  const perSheet = layouts.map(styleRequests);
  const requests: StyleRequest[] = [{ style: {}, numFmt: null }];
  const offsets = perSheet.map((s) => {
    const offset = requests.length;
    requests.push(...s.requests);
    return offset;
  });
  const styles = appendStyles(ENCODER.encode(EMPTY_STYLES), layouts[0].font, requests);
  const sheets = layouts.map((layout, i) => {
    const cells = perSheet[i].cells.map((row) => row.map((index) => styles.xfs[offsets[i] + index]));
    return worksheetXml(layout, { cells, column: styles.xfs[0] }, options.footer, null);
  });
  const parts = [
    { name: "[Content_Types].xml", content: contentTypes(layouts.length) },
    {
      name: "_rels/.rels",
      content: relationships([{ type: `${RELATIONSHIPS_NS}/officeDocument`, target: "xl/workbook.xml" }]),
    },
    { name: "xl/workbook.xml", content: ENCODER.encode(workbookXml(layouts)) },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: relationships([
        ...layouts.map((_, i) => ({ type: `${RELATIONSHIPS_NS}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
        { type: `${RELATIONSHIPS_NS}/styles`, target: "styles.xml" },
      ]),
    },
    { name: "xl/styles.xml", content: ENCODER.encode(styles.xml) },
    ...sheets.map((xml, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, content: ENCODER.encode(xml) })),
  ];
  return writeZip(parts, options.deflate ?? deflateWithFflate);
}

function contentTypes(sheets: number): Uint8Array {
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/>`,
    `<Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/>`,
    ...Array.from(
      { length: sheets },
      (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${TYPE}.worksheet+xml"/>`,
    ),
  ];
  return ENCODER.encode(
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join("")}</Types>`,
  );
}

function relationships(list: { type: string; target: string }[]): Uint8Array {
  const body = list.map((r, i) => `<Relationship Id="rId${i + 1}" Type="${r.type}" Target="${escapeAttribute(r.target)}"/>`).join("");
  return ENCODER.encode(`${XML_HEAD}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${body}</Relationships>`);
}

function workbookXml(layouts: readonly SheetLayout[]): string {
  const sheets = layouts.map((l, i) => `<sheet name="${escapeAttribute(l.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const titles = layouts.flatMap((l, i) => {
    const rows = l.print.titleRows;
    return rows
      ? [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(`${quotedSheet(l.name)}!$${rows[0]}:$${rows[1]}`)}</definedName>`,
        ]
      : [];
  });
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}"><bookViews><workbookView/></bookViews>` +
    `<sheets>${sheets}</sheets>${titles.length > 0 ? `<definedNames>${titles.join("")}</definedNames>` : ""}<calcPr calcId="191029"/></workbook>`
  );
}
