import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeFile, writeTemplate } from "../../scripts/cli/commands";
import { text, unzipParts, zipParts } from "./packages";

/**
 * Summarising a workbook again replaces the sheet COMA made before and leaves no trace of it (CONTRACT.md §4, v3):
 * the same parts, and a styles.xml that reuses the fonts, fills, borders, number formats and cell formats already
 * there instead of appending them once more (before, cellXfs grew 57 → 99 → 141 on the template).
 */

const DATE = new Date(2027, 11, 20);
let dir: string;
let runs: Map<string, Uint8Array>[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-regenerate-"));
  let file = path.join(dir, "chi-tieu.xlsx");
  await writeTemplate(file, { overwrite: true });
  runs = [];
  for (const n of [1, 2, 3]) {
    const output = path.join(dir, `lan-${n}.xlsx`);
    await summarizeFile(file, { output, date: DATE, year: 2027 });
    runs.push(unzipParts(fs.readFileSync(output)));
    file = output;
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** How many entries each list of styles.xml holds, by counting its children. */
function counts(styles: string): Record<string, number> {
  const list = (section: string, child: string) => {
    const body = new RegExp(`<${section}[^>]*>([\\s\\S]*?)</${section}>`).exec(styles)?.[1] ?? "";
    return body.match(new RegExp(`<${child}[\\s/>]`, "g"))?.length ?? 0;
  };
  return {
    numFmts: list("numFmts", "numFmt"),
    fonts: list("fonts", "font"),
    fills: list("fills", "fill"),
    borders: list("borders", "border"),
    cellXfs: list("cellXfs", "xf"),
  };
}

describe("summarising the same workbook twice and thrice", () => {
  it("should give the same parts each time", () => {
    const names = runs.map((parts) => [...parts.keys()].sort());
    expect(names[1]).toEqual(names[0]);
    expect(names[2]).toEqual(names[0]);
  });

  it("should give a styles.xml no bigger than after the first time, with the same fonts, fills, borders and formats", () => {
    const styles = runs.map((parts) => text(parts.get("xl/styles.xml")));
    const sizes = styles.map((s) => s.length);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[0]);
    expect(sizes[2]).toBeLessThanOrEqual(sizes[0]);
    expect(counts(styles[1])).toEqual(counts(styles[0]));
    expect(counts(styles[2])).toEqual(counts(styles[0]));
    // the same summary reuses every entry: the whole part is the same bytes
    expect(styles[2]).toBe(styles[0]);
  });

  it("should write the same summary sheet each time", () => {
    const sheets = runs.map((parts) =>
      [...parts]
        .filter(([name]) => /^xl\/(worksheets\/sheet\d+|charts\/chart\d+|drawings\/drawing\d+)\.xml$/.test(name))
        .map(([, b]) => text(b)),
    );
    expect(sheets[1]).toEqual(sheets[0]);
    expect(sheets[2]).toEqual(sheets[0]);
  });

  it("should write each custom number format once, under one id", () => {
    const styles = text(runs[2].get("xl/styles.xml"));
    const codes = [...styles.matchAll(/<numFmt [^>]*formatCode="([^"]*)"/g)].map((m) => m[1]);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
  });

  it("should reuse the entries of a styles.xml that Excel wrote back with its attributes in another order", async () => {
    // As Excel saves it: alignment's horizontal before vertical, each xf's apply* flags first, spaces between lists
    const first = text(runs[0].get("xl/styles.xml"));
    const resaved = first
      .replace(/<alignment vertical="center"( horizontal="\w+")?/g, '<alignment$1 vertical="center"')
      .replace(/<xf (numFmtId="\d+" fontId="\d+" fillId="\d+" borderId="\d+" xfId="0") (applyNumberFormat[^>]*?)>/g, "<xf $2 $1>")
      .replace(/<\/cellXfs>/, "</cellXfs>\n  ");
    expect(resaved).not.toBe(first);
    const parts = Object.fromEntries([...runs[0]].map(([name, bytes]) => [name, name === "xl/styles.xml" ? resaved : bytes]));
    const file = path.join(dir, "luu-lai-bang-excel.xlsx");
    fs.writeFileSync(file, zipParts(parts));
    const output = path.join(dir, "luu-lai-bang-excel-tong-hop.xlsx");
    await summarizeFile(file, { output, date: DATE, year: 2027 });
    expect(counts(text(unzipParts(fs.readFileSync(output)).get("xl/styles.xml")))).toEqual(counts(first));
  });
});
