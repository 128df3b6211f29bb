import { describe, expect, it } from "vitest";
import { readSharedStrings } from "../../workbook/shared-strings";
import { MAIN, XML } from "./packages";

const sst = (items: string) => new TextEncoder().encode(`${XML}<sst xmlns="${MAIN}">${items}</sst>`);

describe("shared strings held as a few long strings", () => {
  it("should give back each of 10,000 entries by its index, across the joins every 4,096 entries", () => {
    // Entries "s0" … "s9999", every tenth empty: 4,095 / 4,096 and 8,191 / 8,192 are the joins' edges.
    const text = (i: number) => (i % 10 === 0 ? "" : `s${i}`);
    const strings = readSharedStrings(sst(Array.from({ length: 10_000 }, (_, i) => `<si><t>${text(i)}</t></si>`).join("")), "sst");
    const indexes = [0, 1, 4095, 4096, 4097, 8191, 8192, 9999];
    expect(indexes.map((i) => strings.at(i))).toEqual(indexes.map(text));
  });

  it("should give nothing for an index the table does not have", () => {
    const strings = readSharedStrings(sst("<si><t>một</t></si><si><t>hai</t></si>"), "sst");
    expect([-1, 1.5, 2, Number.NaN].map((i) => strings.at(i))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("should join rich-text runs and leave phonetic guides out", () => {
    const strings = readSharedStrings(
      sst('<si><r><t>Tỷ lệ </t></r><r><rPr><b/></rPr><t xml:space="preserve">hộ nghèo</t></r><rPh sb="0" eb="1"><t>ふり</t></rPh></si>'),
      "sst",
    );
    expect(strings.at(0)).toBe("Tỷ lệ hộ nghèo");
  });
});
