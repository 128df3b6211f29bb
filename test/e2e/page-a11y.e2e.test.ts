import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FILE } from "../../scripts/cli/sample-data";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";
import { saveWorkbook, writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { ROOT } from "../support/built-addin";
import { has } from "../support/tools";
import { openPage, type PageBrowser } from "./page-browser";

/**
 * The offline page for a clerk who works with the keyboard or a screen reader: axe-core's WCAG 2.2 AA rule sets over
 * each state of the page (opened, a workbook checked and summarised, a damaged file refused), and the page in forced
 * colours. axe is evaluated through the browser's debugging protocol, which the page's policy of no script but its own
 * does not govern; the page itself still runs under that policy. Screenshots go to test-results/page/ to be looked at.
 */
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const OUT = path.join(ROOT, "test-results", "page");

type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };

describe.skipIf(!has("chromium"))("the offline page for a clerk", { timeout: 240_000 }, () => {
  let folder: string;
  let sample: string;
  let browser: PageBrowser;

  /** The violations of the page as it is now, as `rule: targets`. */
  async function axe(): Promise<string[]> {
    const { page } = browser;
    if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.evaluate(AXE);
    const result = (await page.evaluate(
      `window.axe.run(document, { runOnly: { type: "tag", values: ${JSON.stringify(WCAG)} } })`,
    )) as AxeResult;
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-page-a11y-"));
    fs.mkdirSync(OUT, { recursive: true });
    sample = path.join(folder, SAMPLE_FILE);
    const workbook = new Workbook();
    writeLayouts(workbook, sampleLayouts());
    await saveWorkbook(workbook, sample);
    browser = await openPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("should have no WCAG 2.2 AA violation when opened", async () => {
    expect(await axe()).toEqual([]);
  });

  it("should have no WCAG 2.2 AA violation with a workbook checked and summarised", async () => {
    await browser.drop(sample);
    await browser.page.waitForSelector("#summary-result .message-line.success");
    expect(await axe()).toEqual([]);
  });

  it("should have no WCAG 2.2 AA violation when a damaged file is refused", async () => {
    const damaged = path.join(folder, "hong.xlsx");
    fs.writeFileSync(damaged, fs.readFileSync(sample).subarray(0, 5000));
    await browser.drop(damaged);
    await browser.page.waitForSelector("#file-result .message-line.error");
    expect(await axe()).toEqual([]);
  });

  it("should keep its refusal readable in forced colours", async () => {
    const { page } = browser;
    await page.emulateMedia({ forcedColors: "active" });
    await page.screenshot({ path: path.join(OUT, "a11y-forced-colours.png"), fullPage: true });
    const border = await page.$eval("#file-result .message-line.error", (e) => getComputedStyle(e).borderTopStyle);
    expect(border).not.toBe("none");
    await page.emulateMedia({ forcedColors: "none" });
    expect(browser.pageErrors).toEqual([]);
  });
});
