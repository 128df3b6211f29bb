import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_FILE } from "../../scripts/cli/sample-data";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";
import { gridLayout } from "../../scripts/bench/grid-layout";
import { largeSheet } from "../../scripts/bench/workbooks";
import { saveWorkbook, writeLayouts } from "../../scripts/new-workbook/workbook-file";
import type { ValidateJson } from "../../scripts/cli/json-output";
import { runCli } from "../cli/run-cli";
import { ROOT } from "../support/built-addin";
import { has } from "../support/tools";
import { downloaded, openPage, PAGE_FILE, type PageBrowser } from "./page-browser";

/**
 * dist/coma.html as a commune office uses it: opened from disk with no server, the 2027 illustrative workbook
 * (`npm run demo`'s) dropped on it, its problems listed, the summary downloaded and printed; compared with what the
 * command line says and writes for the same file and date (runCli's COMA_TODAY, 2027-12-15). Screenshots of each step
 * and the printed pages are left under test-results/page/ to be looked at.
 */

const OUT = path.join(ROOT, "test-results", "page");
const hasChromium = has("chromium");
const hasPoppler = has("poppler");

async function writeWorkbook(file: string, layouts: Parameters<typeof writeLayouts>[1]): Promise<void> {
  const workbook = new Workbook();
  workbook.creator = "COMA";
  writeLayouts(workbook, layouts);
  await saveWorkbook(workbook, file);
}

describe.skipIf(!hasChromium)("the offline page, opened from disk", { timeout: 240_000 }, () => {
  let folder: string;
  let sample: string;
  let large: string;
  let browser: PageBrowser;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-page-"));
    fs.mkdirSync(OUT, { recursive: true });
    sample = path.join(folder, SAMPLE_FILE);
    await writeWorkbook(sample, sampleLayouts());
    large = path.join(folder, "so-lieu-5000-dong.xlsx");
    await writeWorkbook(large, [gridLayout(largeSheet(5000))]);
    browser = await openPage();
    await browser.page.fill("#date", "2027-12-15");
    await browser.page.screenshot({ path: path.join(OUT, "1-opened.png"), fullPage: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("should list the problems coma validate finds, each with its sheet and cell", async () => {
    const { page } = browser;
    await browser.drop(sample);
    await page.waitForSelector("#summary-result .message-line.success");
    const cli = await runCli(["validate", sample, "--json"]);
    const json = JSON.parse(cli.stdout) as ValidateJson;
    const listed = await page.$$eval("#problems li.problem", (items) =>
      items.map((li) => ({
        sheet: li.getAttribute("data-sheet"),
        cell: li.getAttribute("data-cell"),
        code: li.querySelector(".code")?.textContent ?? null,
        message: li.querySelector(".message")?.textContent ?? null,
        severity: li.classList.contains("error") ? "error" : "warning",
      })),
    );
    // The message is core's sentence for the problem's rule and parameters: the same message at the same cell is the same problem.
    const expected = json.problems.map((p) => ({ sheet: p.sheet, cell: p.cell, code: p.code, message: p.message, severity: p.severity }));
    const key = (p: { sheet: string | null; cell: string | null; message: string | null }) => `${p.sheet}!${p.cell} ${p.message}`;
    expect(listed.map(key).sort()).toEqual(expected.map(key).sort());
    expect(listed).toHaveLength(16);
    await page.screenshot({ path: path.join(OUT, "2-checked.png"), fullPage: true });
  });

  it("should download the same bytes as coma summary writes for the same file and date", async () => {
    const { page } = browser;
    const output = path.join(folder, "cli-summary.xlsx");
    expect((await runCli(["summary", sample, "-o", output])).code).toBe(0);
    const file = await downloaded(page, () => page.click("#download-summary"));
    expect(file.name).toBe("Số liệu minh họa - chỉ tiêu Co Mạ 2026-2027-tong-hop-btv-2027.xlsx");
    expect(file.bytes.equals(fs.readFileSync(output))).toBe(true);
    await page.screenshot({ path: path.join(OUT, "3-summary.png"), fullPage: true });
  });

  it.skipIf(!hasPoppler)(
    "should print the report on A4 landscape with the form's words, the chart and the detail header on every page",
    async () => {
      const { page } = browser;
      const pdf = path.join(OUT, "report.pdf");
      await page.pdf({ path: pdf, format: "A4", landscape: true, printBackground: true });
      const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
      const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
      // A4 landscape in points, 841.89 × 595.28: Chromium rounds the page to whole pixels (843 × 596).
      const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)?.slice(1).map(Number) ?? [];
      expect(size.map((points, i) => Math.abs(points - [841.89, 595.28][i]) < 2)).toEqual([true, true]);
      const text = (first: number, last = first) =>
        spawnSync("pdftotext", ["-f", String(first), "-l", String(last), "-layout", pdf, "-"], { encoding: "utf8" }).stdout;
      const all = text(1, pages);
      const words = ["ĐẢNG ỦY XÃ CO MẠ", "BÁO CÁO", "I. TỔNG HỢP THEO NHÓM CHỈ TIÊU", "II. CHI TIẾT TỪNG CHỈ TIÊU", "Nơi nhận"];
      expect(words.filter((w) => !all.includes(w))).toEqual([]);
      // In the order of the summary sheet.
      const at = words.map((w) => all.indexOf(w));
      expect(at).toEqual([...at].sort((a, b) => a - b));
      expect(all).toContain("Kết quả các chỉ tiêu theo nhóm, năm 2027");
      // Every page of the detail table (page 2 on) starts with its header.
      const headerless = Array.from({ length: pages - 1 }, (_, i) => i + 2).filter((n) => !/STT\s+Mã\s+Chỉ tiêu/.test(text(n)));
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(headerless).toEqual([]);
      spawnSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(OUT, "printed")]);
    },
  );

  it("should give the command line's sentence for a damaged file", async () => {
    const { page } = browser;
    const damaged = path.join(folder, "hong.xlsx");
    fs.writeFileSync(damaged, fs.readFileSync(sample).subarray(0, 5000));
    await browser.drop(damaged);
    await page.waitForSelector("#file-result .message-line.error");
    // The command line names the file as it was given, the page by its name: the same sentence for a file in the current folder.
    const cli = await runCli(["validate", damaged]);
    const sentence = cli.stderr.trim().replace(damaged, "hong.xlsx");
    expect(cli.code).toBe(2);
    expect(await page.textContent("#file-result")).toBe(sentence);
    await page.screenshot({ path: path.join(OUT, "4-damaged.png"), fullPage: true });
  });

  it("should finish the bench's 5,000-row workbook with progress shown while the page still answers a click", async () => {
    const { page } = browser;
    await browser.drop(large);
    await page.waitForSelector("#progress-area .progress:not([hidden])");
    await page.screenshot({ path: path.join(OUT, "5-working.png") });
    await page.click("#help summary");
    expect(await page.$eval("#help", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.isVisible("#progress-area .progress")).toBe(true);
    await page.waitForSelector("#summary-result .message-line.success", { timeout: 180_000 });
    expect(await page.isVisible("#progress-area .progress")).toBe(false);
    await page.screenshot({ path: path.join(OUT, "6-large-done.png") });
  });

  it("should tell a browser too old for it, in one Vietnamese sentence, which browser to use", async () => {
    const { context } = browser;
    const old = await context.newPage();
    // What Chrome before 76 and Firefox before 71 lack, taken away before the page's scripts run.
    await old.addInitScript(() => delete (Promise as { allSettled?: unknown }).allSettled);
    await old.goto(pathToFileURL(PAGE_FILE).href);
    expect({ notice: await old.isVisible("#old-browser"), app: await old.isVisible("#app") }).toEqual({ notice: true, app: false });
    expect((await old.textContent("#old-browser p"))?.trim()).toBe(
      "Hãy mở tệp coma.html bằng Google Chrome, Microsoft Edge hoặc Cốc Cốc (phiên bản 80 trở lên), hoặc Firefox bản ESR mới nhất.",
    );
    await old.screenshot({ path: path.join(OUT, "7-old-browser.png") });
    await old.close();
  });

  it("should hand out the template and make no request but the page itself", async () => {
    const { page } = browser;
    const template = await downloaded(page, () => page.click("#download-template"));
    expect(template.name).toBe("chi-tieu-co-ma-2025-2030.xlsx");
    expect(template.bytes.subarray(0, 2).toString()).toBe("PK");
    // The page itself, and the worker it makes from its own text (a blob: address, no request leaves the browser).
    const file = pathToFileURL(PAGE_FILE).href;
    expect(browser.requests.filter((url) => url !== file && !url.startsWith("blob:null/"))).toEqual([]);
    expect(await browser.violations()).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
