import { describe, expect, it } from "vitest";
import { BASE_FONT_SIZE } from "../../core";
import { appendStyles, EMPTY_STYLES } from "../../workbook/write-styles";
import { outlineXml } from "../../workbook/xml-edit";
import { MAIN, XML } from "./packages";

/**
 * The summary's styles appended to a workbook's styles.xml by its XML structure (issue 18): markup inside comments,
 * CDATA and attribute values is never taken for a list, prefixed stylesheets get prefixed entries, self-closed and
 * missing lists are opened or placed in schema order, and every byte outside the edited spans is kept.
 */

const encode = (text: string) => new TextEncoder().encode(text);
const FONT = "Times New Roman";
const tags = (xml: string, prefix: string) => xml.replace(/<(\/?)([a-z])/gi, `<$1${prefix}$2`);

// What appendStyles writes for a bold style and for the plain one, worked out from write-styles.ts by hand.
const BOLD_FONT = `<font><b/><sz val="${BASE_FONT_SIZE}"/><name val="${FONT}"/><family val="1"/></font>`;
const PLAIN_FONT = `<font><sz val="${BASE_FONT_SIZE}"/><name val="${FONT}"/><family val="1"/></font>`;
const newXf = (fontId: number) =>
  `<xf numFmtId="0" fontId="${fontId}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center"/></xf>`;

const CALIBRI = '<font><sz val="11"/><name val="Calibri"/></font>';
const FILLS = '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>';
const BORDER = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const STYLE_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>';
const CELL_XF = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
/** Markup a text search would take for the lists: in a comment, in CDATA and in an attribute value. */
const DECOYS = {
  comment: '<!-- <fonts count="9"><font/></fonts> <cellXfs count="7"> </cellXfs> -->',
  cdata: '<extLst><ext uri="{COMA}"><v><![CDATA[</cellXfs></fonts><cellXfs count="3">]]></v></ext></extLst>',
  attribute: `note="a>b count='1' /&gt;"`,
};

/** A stylesheet with a bold font and its cell format appended or not, as `prefix` writes its tags. */
function stylesheet(prefix: string, appended: boolean): string {
  const declaration = prefix === "" ? `xmlns="${MAIN}"` : `xmlns:${prefix.slice(0, -1)}="${MAIN}"`;
  const p = (xml: string) => tags(xml, prefix);
  return (
    `${XML}<${prefix}styleSheet ${declaration}>${DECOYS.comment}` +
    `<${prefix}fonts count="${appended ? 2 : 1}">${p(CALIBRI)}${appended ? p(BOLD_FONT) : ""}</${prefix}fonts>` +
    `<${prefix}fills count="2">${p(FILLS)}</${prefix}fills><${prefix}borders count="1">${p(BORDER)}</${prefix}borders>` +
    `<${prefix}cellStyleXfs count="1">${p(STYLE_XF)}</${prefix}cellStyleXfs>` +
    `<${prefix}cellXfs ${DECOYS.attribute}\n  count="${appended ? 2 : 1}">${p(CELL_XF)}${appended ? p(newXf(1)) : ""}</${prefix}cellXfs>` +
    `${p(DECOYS.cdata)}</${prefix}styleSheet>`
  );
}

/** The lists of a stylesheet in document order, by local name: what a reader of the result finds. */
const lists = (xml: string) => {
  const elements = outlineXml(xml, "xl/styles.xml");
  return elements.filter((e) => e.parent === elements[0]).map((e) => `${e.name} ${e.attributes.count ?? ""}`.trim());
};

describe("styles appended by the XML structure", () => {
  it.each([
    ["without a prefix", ""],
    ["with the prefix x: that the stylesheet declares", "x:"],
  ])("should append a font and a cell format %s, past comments, CDATA and attribute values holding list tags", (_, prefix) => {
    const result = appendStyles(encode(stylesheet(prefix, false)), FONT, [{ style: { bold: true }, numFmt: null }]);
    // Font 1 and cell format 1 are new; everything else, decoys and the attribute's newline included, is as it was.
    expect(result).toEqual({ xml: stylesheet(prefix, true), xfs: [1] });
    expect(lists(result.xml)).toEqual(["fonts 2", "fills 2", "borders 1", "cellStyleXfs 1", "cellXfs 2", "extLst"]);
  });

  it.each(["", "x:"])("should reuse what it appended before, adding nothing the second time (prefix '%s')", (prefix) => {
    const once = appendStyles(encode(stylesheet(prefix, false)), FONT, [{ style: { bold: true }, numFmt: null }]);
    expect(appendStyles(encode(once.xml), FONT, [{ style: { bold: true }, numFmt: null }])).toEqual(once);
  });

  it("should open a self-closed <cellXfs/> and place the missing fills and cell style formats in schema order", () => {
    const before = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1">${CALIBRI}</fonts><borders count="1">${BORDER}</borders><cellXfs/></styleSheet>`;
    const result = appendStyles(encode(before), FONT, [{ style: {}, numFmt: null }]);
    // Fills 0–1 and cell style format 0 are what every workbook needs first; cell format 0 likewise, then the plain
    // style's own: font 1 (Times New Roman, not the Calibri of font 0), so cell format 1.
    expect(result).toEqual({
      xml:
        `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2">${CALIBRI}${PLAIN_FONT}</fonts><fills count="2">${FILLS}</fills>` +
        `<borders count="1">${BORDER}</borders><cellStyleXfs count="1">${STYLE_XF}</cellStyleXfs>` +
        `<cellXfs count="2">${CELL_XF}${newXf(1)}</cellXfs></styleSheet>`,
      xfs: [1],
    });
  });

  it("should fill a self-closed stylesheet with every list in schema order, a custom number format first", () => {
    const result = appendStyles(encode(EMPTY_STYLES), FONT, [{ style: {}, numFmt: '#,##0.0 "ha"' }]);
    // numFmt 164 is the first custom id; the reserved font 0 (Calibri) is followed by the plain style's font 1.
    expect(lists(result.xml)).toEqual(["numFmts 1", "fonts 2", "fills 2", "borders 1", "cellStyleXfs 1", "cellXfs 2"]);
    expect(result.xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0 &quot;ha&quot;"/></numFmts>');
    expect(result.xfs).toEqual([1]);
  });

  it("should refuse a styles part whose root is no styleSheet as damaged, rather than write into it", () => {
    expect(() => appendStyles(encode(`${XML}<worksheet xmlns="${MAIN}"/>`), FONT, [])).toThrow(/corrupt/);
  });
});
