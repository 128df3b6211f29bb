import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Workbook } from "exceljs";
import { chromium } from "playwright-core";
import { summarizeFile } from "../cli/commands";
import { writeLayouts } from "../new-workbook/workbook-file";
import { gridLayout } from "./grid-layout";
import { medianMs, round, type Figure } from "./measure";
import { largeSheet } from "./workbooks";

const CHROMIUM = "/usr/bin/chromium";

/**
 * The offline page's summary of the bench's 5,000-row workbook in Debian's Chromium, from the file chosen to the
 * summary shown (read, check, plan, write in the worker; the report drawn in the page), beside `coma summary` on the
 * same file in this process. Needs dist/coma.html (bundleSizes builds it); left out where Chromium is absent.
 */
export async function pageSummary(root: string): Promise<Figure[]> {
  if (!fs.existsSync(CHROMIUM)) return [];
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-bench-page-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const file = path.join(folder, "so-lieu-5000-dong.xlsx");
    const workbook = new Workbook();
    writeLayouts(workbook, [gridLayout(largeSheet(5000))]);
    await workbook.xlsx.writeFile(file);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(root, "dist", "coma.html")).href);
    const pageMs = await medianMs(3, async () => {
      await page.evaluate(() => document.getElementById("summary-result")!.replaceChildren());
      await page.setInputFiles("#file", file);
      await page.waitForSelector("#summary-result .message-line.success", { timeout: 300_000 });
    });
    const date = new Date(2027, 0, 15);
    const cliMs = await medianMs(3, () => summarizeFile(file, { output: path.join(folder, "out.xlsx"), date }));
    return [
      { name: "page.summary_5000.ms", value: round(pageMs, 0), unit: "ms" },
      { name: "page.summary_5000.cli_ms", value: round(cliMs, 0), unit: "ms" },
      { name: "page.summary_5000.ratio", value: round(pageMs / cliMs), unit: "×" },
    ];
  } finally {
    await browser.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
