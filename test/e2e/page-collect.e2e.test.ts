import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Workbook } from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { amendCells, openWorkbook, type CellValueWrite } from "../../workbook";
import { splitFile, type SplitResult } from "../../scripts/cli/collect-commands";
import type { CollectJson } from "../../scripts/cli/json-output";
import { sampleLayouts } from "../../scripts/cli/sample-workbook";
import { saveWorkbook, writeLayouts } from "../../scripts/new-workbook/workbook-file";
import { runCli } from "../cli/run-cli";
import { ROOT } from "../support/built-addin";
import { has } from "../support/tools";
import { downloaded, openPage, type PageBrowser } from "./page-browser";

/**
 * The collecting round of contract section 7 in dist/coma.html opened from disk: the 2027 illustrative workbook split
 * for 2028 (as test/cli/collect-round.test.ts does), two units' files filled, the Công an xã's left unanswered; the page's
 * preview and its download compared with `coma collect` for the same files. Screenshot under test-results/page/.
 */

const OUT = path.join(ROOT, "test-results", "page");
const YEAR = 2028;
/** Column H of a unit's sheet (core/split-plan.ts): Thực hiện 2028. */
const ACTUAL = 7;

/** Types figures into a unit's file the way Excel saves it: the cells given, every other part as it was. */
function type(file: string, figures: Record<string, number>): void {
  const workbook = openWorkbook(new Uint8Array(fs.readFileSync(file)));
  const grid = workbook.grids[0];
  const writes: CellValueWrite[] = Object.entries(figures).map(([code, value]) => {
    const row = grid.values.findIndex((r) => r?.[0] === code);
    if (row < 0) throw new Error(`${code} is not in ${file}`);
    return { sheet: grid.name, row: (grid.top ?? 0) + row, column: ACTUAL, value };
  });
  fs.writeFileSync(file, amendCells(workbook, writes));
}

describe.skipIf(!has("chromium"))("the offline page's collecting round", { timeout: 240_000 }, () => {
  let folder: string;
  let master: string;
  let split: SplitResult;
  let chosen: string[];
  let sheetName: string;
  let browser: PageBrowser;
  const fileOf = (unit: string) => split.files.find((f) => f.unit === unit)!.file;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "coma-page-collect-"));
    fs.mkdirSync(OUT, { recursive: true });
    master = path.join(folder, "chi-tieu.xlsx");
    // The clerk took KT7 on the phone before the round: 3 enterprises in 2028 (the Phòng Kinh tế will send 4).
    const layouts = sampleLayouts();
    const [sheet] = layouts;
    sheetName = sheet.name;
    const header = sheet.values.findIndex((r) => r[0] === "Mã");
    sheet.values[sheet.values.findIndex((r) => r[0] === "KT7")][sheet.values[header].indexOf(YEAR)] = 3;
    const workbook = new Workbook();
    writeLayouts(workbook, layouts);
    await saveWorkbook(workbook, master);
    split = await splitFile(master, { year: YEAR, folder: path.join(folder, "units"), force: false });
    type(fileOf("Phòng Kinh tế"), { "KT1.1": 38000, "KT1.2": 61, KT2: 670000, KT7: 4 });
    type(fileOf("Văn phòng Đảng ủy"), { "XD1.5": 90 });
    chosen = [fileOf("Phòng Kinh tế"), fileOf("Văn phòng Đảng ủy")];
    browser = await openPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("should preview the conflict and the missing unit's codes, and download the bytes coma collect writes", async () => {
    const { page } = browser;
    const before = chosen.map((f) => fs.readFileSync(f));
    const masterBefore = fs.readFileSync(master);
    // Waited for from the start: the browser's dialogs are intercepted well before the key is pressed.
    const opened = page.waitForEvent("filechooser");
    await page.setInputFiles("#file", master);
    await page.waitForSelector("#summary-result .message-line.success");
    // The units' files by keyboard: the button focused and Enter pressed opens the browser's file dialog.
    await page.focus("#collect-choose");
    await page.keyboard.press("Enter");
    const chooser = await opened;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(chosen);
    await page.waitForSelector("#collect-result .message-line.success");
    const preview = await page.locator("#collect-result").innerText();

    const out = path.join(folder, "cli-collected.xlsx");
    const cli = await runCli(["collect", master, ...chosen, "--output", out, "--json"]);
    const json = JSON.parse(cli.stdout) as CollectJson;
    // Exit 1: a conflict and units not answered (contract section 7).
    expect(cli.code).toBe(1);
    expect(json.conflicts.map((c) => [c.code, c.master, c.unit, c.value])).toEqual([["KT7", 3, "Phòng Kinh tế", 4]]);
    expect(preview).toContain(`KT7 (ô ${sheetName}!${json.conflicts[0].cell}): bảng này 3, Phòng Kinh tế gửi 4`);
    // The Công an xã did not answer: each row its file asks a figure for (XH12, XH13 and XD4 are headings of sub-rows).
    expect(preview).toContain("Chưa báo cáo — Công an xã: XH12.1, XH12.2, XH13.1, XH13.2, XD4.2");
    // 4 cells: KT1.1, KT1.2, KT2 of the Phòng Kinh tế (its KT7 conflicts, not written) + XD1.5 of the Văn phòng Đảng ủy.
    expect(json.written).toBe(4);
    expect(preview).toContain(`Năm ${YEAR}: 4 ô sẽ được ghi; 1 số liệu khác nhau;`);
    expect(preview).toContain("Sẽ ghi XD1.5 (ô Chỉ tiêu 2025-2030!J49): 90");
    await page.screenshot({ path: path.join(OUT, "7-collect.png"), fullPage: true });

    const file = await downloaded(page, () => page.click("#collect-download"));
    expect(file.name).toBe(`chi-tieu-thu-thap-${YEAR}.xlsx`);
    expect(file.bytes.equals(fs.readFileSync(out))).toBe(true);
    // The user's files are read, never changed.
    expect(chosen.map((f, i) => fs.readFileSync(f).equals(before[i]))).toEqual([true, true]);
    expect(fs.readFileSync(master).equals(masterBefore)).toBe(true);
    expect(browser.pageErrors).toEqual([]);
    expect(browser.requests.filter((url) => !url.startsWith("file:") && !url.startsWith("blob:"))).toEqual([]);
  });
});
