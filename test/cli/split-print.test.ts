import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { planSplit } from "../../core";
import { newWorkbookPackage } from "../../workbook";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";
import { has, SOFFICE } from "../support/tools";

/**
 * The units' files that `coma split` makes open in LibreOffice and print on A4 landscape. Needs LibreOffice and poppler
 * (pdfinfo); skipped cleanly where they are not installed.
 */
const canPrint = has("libreoffice", "poppler");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-split-print-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!canPrint)("the units' files in LibreOffice", { timeout: 300_000 }, () => {
  it("should open every unit's file and print it on A4 landscape pages", () => {
    const grids = sampleLayouts().map((l) => ({ name: l.name, values: l.values, formats: l.formats }));
    const files = planSplit(grids, { year: 2028 })!.files.map((f) => {
      const file = path.join(dir, f.fileName);
      fs.writeFileSync(file, newWorkbookPackage([f.layout], { footer: "&CTrang &P/&N" }));
      return file;
    });
    const profile = `file://${path.join(dir, "profile")}`;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, ...files];
    spawnSync(SOFFICE ?? "soffice", args, { stdio: "ignore", timeout: 240_000 });
    const pages = files.map((file) => {
      const info = spawnSync("pdfinfo", [file.replace(/\.xlsx$/, ".pdf")], { encoding: "utf8" }).stdout ?? "";
      // A4 landscape is 297 × 210 mm = 841.89 × 595.28 points
      return `${path.basename(file)}: ${/Page size:\s+([\d.]+) x ([\d.]+)/
        .exec(info)
        ?.slice(1)
        .map((n) => Math.round(Number(n)))
        .join(" x ")}`;
    });
    expect(pages).toEqual(files.map((file) => `${path.basename(file)}: 842 x 595`));
  });
});
