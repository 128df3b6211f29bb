import { Workbook } from "exceljs";
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import type { SheetGrid } from "../../core";
import { writeLayouts } from "../new-workbook/workbook-file";
import { medianMs, round } from "./measure";
import { filledTemplate, largeSheet } from "./workbooks";
import { gridLayout } from "./grid-layout";

/**
 * `npm run bench:libraries`: the zip and XML candidates for the workbook-file layer measured on the template and on
 * a 20,000-row sheet (scripts/workbook/README.md holds the table and the choice).
 */
async function main(): Promise<void> {
  for (const [label, grids] of [
    ["template", filledTemplate()],
    ["20k_rows", [largeSheet(19_990)]],
  ] as [string, SheetGrid[]][]) {
    const workbook = new Workbook();
    writeLayouts(workbook, grids.map(gridLayout));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parts = unzipSync(bytes);
    const sheet = new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"]);
    const runs = label === "template" ? 15 : 3;
    const figures = {
      [`zip.read.fflate.${label}.ms`]: await medianMs(runs, () => unzipSync(bytes)),
      [`zip.read.jszip.${label}.ms`]: await medianMs(runs, async () => {
        const zip = await JSZip.loadAsync(bytes);
        await Promise.all(Object.values(zip.files).map((f) => f.async("uint8array")));
      }),
      [`zip.write.fflate.${label}.ms`]: await medianMs(runs, () => zipSync(parts, { level: 6 })),
      [`zip.write.jszip.${label}.ms`]: await medianMs(runs, async () => {
        const zip = new JSZip();
        for (const [name, content] of Object.entries(parts)) zip.file(name, content);
        await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
      }),
      [`xml.parse.saxes.${label}.ms`]: await medianMs(runs, () => {
        const parser = new SaxesParser({ position: false });
        let count = 0;
        parser.on("opentag", () => count++);
        parser.on("text", () => count++);
        parser.write(sheet).close();
      }),
      [`xml.parse.fast-xml-parser.${label}.ms`]: await medianMs(runs, () => new XMLParser({ ignoreAttributes: false }).parse(sheet)),
    };
    console.log(JSON.stringify({ workbook: label, bytes: bytes.length, sheetXmlBytes: sheet.length }));
    for (const [name, ms] of Object.entries(figures)) console.log(JSON.stringify({ name, value: round(ms, 1), unit: "ms" }));
  }
  const modules = path.resolve(__dirname, "..", "..", "..", "..", "node_modules");
  const gzipKb = (...files: string[]) =>
    round(files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(modules, f))).length, 0) / 1024, 1);
  const sizes = {
    "bundle.fflate.gzip_kb": gzipKb("fflate/umd/index.js"),
    "bundle.saxes.gzip_kb": gzipKb("saxes/saxes.js", "xmlchars/xml/1.0/ed5.js", "xmlchars/xml/1.1/ed2.js", "xmlchars/xmlns/1.0/ed3.js"),
    "bundle.jszip.gzip_kb": gzipKb("jszip/dist/jszip.min.js"),
    "bundle.fast-xml-parser.gzip_kb": gzipKb("fast-xml-parser/lib/fxparser.min.js"),
  };
  for (const [name, kb] of Object.entries(sizes)) console.log(JSON.stringify({ name, value: kb, unit: "KB" }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
