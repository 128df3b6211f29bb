import { describe, expect, it } from "vitest";
import { writeCells } from "../../workbook/amend-cells";

/** Cells written into an existing sheet part by its XML structure: only the cells given change. */

const sheet = (data: string, prefix = "") =>
  `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<${prefix}cols><${prefix}col min="3" max="4" width="9" style="7"/></${prefix}cols>${data}</${prefix}worksheet>`;

describe("writing cells into a sheet part", () => {
  it("should replace a cell keeping its style, and insert cells and rows in order", () => {
    const xml = sheet(
      '<sheetData><row r="2" spans="1:3"><c r="A2" t="s"><v>0</v></c><c r="C2" s="4"><v>1</v></c></row><row r="5"/></sheetData>',
    );
    const out = writeCells(xml, [
      { sheet: "S", row: 1, column: 2, value: 5060 },
      { sheet: "S", row: 1, column: 1, value: "≥ 60" },
      { sheet: "S", row: 3, column: 3, value: 7 },
      { sheet: "S", row: 4, column: 0, value: 1.5 },
      { sheet: "S", row: 6, column: 2, value: 2 },
    ]);
    expect(out).toBe(
      sheet(
        '<sheetData><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t xml:space="preserve">≥ 60</t></is></c><c r="C2" s="4"><v>5060</v></c></row>' +
          // row 4 is new: D takes the column's style (cols: C:D style 7)
          '<row r="4"><c r="D4" s="7"><v>7</v></c></row><row r="5"><c r="A5"><v>1.5</v></c></row><row r="7"><c r="C7" s="7"><v>2</v></c></row></sheetData>',
      ),
    );
  });

  it("should write with the sheet's namespace prefix and open a self-closed sheetData", () => {
    const out = writeCells(sheet("<x:sheetData/>", "x:"), [{ sheet: "S", row: 0, column: 0, value: "a<b" }]);
    expect(out).toContain(
      '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">a&lt;b</x:t></x:is></x:c></x:row></x:sheetData>',
    );
  });

  it("should leave the part byte for byte when nothing is written", () => {
    const xml = sheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>');
    expect(writeCells(xml, [])).toBe(xml);
  });
});
