import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/built-addin";
import { openPane, type PaneBrowser } from "./pane-browser";

/**
 * The built task pane in Debian's Chromium, with office.js replaced by an in-memory Excel
 * (test/e2e/excel-standin.js). Every wait is on a selector or a state of the stand-in, never on time.
 */

const RESULTS = path.join(ROOT, "test-results");
const SHEET = "Chỉ tiêu 2025-2030";
const IMG = "<img src=x onerror=alert(1)>";

/** A messy workbook: title rows, a section row, text numbers, #DIV/0!, markup and a formula-like name. */
const WORKBOOK = {
  sheets: [
    {
      name: SHEET,
      rows: [
        ["ĐẢNG ỦY XÃ CO MẠ"],
        ["CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 – 2030"],
        [],
        ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030, "Ghi chú"],
        [null, "I. KINH TẾ"],
        ["KT1", "Thu ngân sách trên địa bàn", "triệu đồng", "Năm", 5000, "≥ 6.000", 5500, "6.250"],
        ["KT2", IMG, "ha", "Năm", 100, "150", 120, 165],
        ["KT3", "Tổng đàn gia súc", "con", "Tăng bình quân", 1000, "3-5", 1040, "#DIV/0!"],
        [null, "II. VĂN HÓA – XÃ HỘI"],
        ["XH1", "Tỷ lệ hộ nghèo", "%", "Năm", 40, "dưới 30", 36, 34],
        ["XH2", "=1+1 hộ gia đình văn hóa", "hộ", "Năm", 10, "≥ 20", 12, 20],
        ["XH3", "Thu gom chất thải rắn", "%", "Năm", 50, "trên 50%", IMG, 55],
        [null, "III. XÂY DỰNG ĐẢNG"],
        ["XD1", "Kết nạp đảng viên mới", "đảng viên", "Cộng dồn", 95, "từ 80 trở lên", 20, 25],
      ],
      fills: { H6: { color: "#00B0F0", pattern: "Solid" } },
    },
    { name: "Ghi chú", rows: [["Sổ theo dõi của Văn phòng"]] },
  ],
};

type Standin = {
  names(): string[];
  sheet(name: string): {
    values: unknown[][];
    formats: string[][];
    formulas: { cell: string; formula: string }[];
    props: Record<string, unknown>;
    merges: string[];
  } | null;
  fill(name: string, address: string): Record<string, unknown> | null;
  active(): string | null;
  selection(): { sheet: string; address: string } | null;
  runs(): number[];
  hold(): void;
  release(): void;
  waiting(): number;
  warnings(): string[];
  settings(): Record<string, unknown>;
};
declare global {
  interface Window {
    __standin: Standin;
  }
}

describe("the task pane in a browser, on an in-memory workbook", { timeout: 60_000 }, () => {
  let pane: PaneBrowser;
  let page: Page;
  let alerts: string[];
  let pageErrors: string[];
  let outside: string[];
  const standin = <T>(fn: (s: Standin) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__standin)`) as Promise<T>;
  const shot = (name: string) => page.screenshot({ path: path.join(RESULTS, `taskpane-${name}.png`), fullPage: true });
  const runsBefore = async () => (await standin((s) => s.runs())).length;
  /** Waits until the element's text is (or contains) the expected text, then returns it. */
  const textOf = async (selector: string, expected: string, mode: "is" | "contains" = "is") => {
    await page
      .waitForFunction(
        ([sel, exp, contains]) => {
          const text = document.querySelector(sel)?.textContent ?? "";
          return contains ? text.includes(exp) : text === exp;
        },
        [selector, expected, mode === "contains"] as const,
        { timeout: 15_000 },
      )
      .catch(() => undefined);
    return (await page.locator(selector).first().textContent()) ?? "";
  };
  const seeText = async (selector: string, expected: string) => expect(await textOf(selector, expected)).toBe(expected);
  const seeContains = async (selector: string, expected: string) =>
    expect(await textOf(selector, expected, "contains")).toContain(expected);

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    pane = await openPane(WORKBOOK);
    ({ page, alerts, pageErrors, outside } = pane);
  }, 360_000);

  afterAll(async () => {
    await pane?.close();
  });

  it("should open in Vietnamese with every action ready", async () => {
    await seeText("#check", "Kiểm tra");
    expect(await page.locator("#summarize").textContent()).toBe("Tạo bảng tổng hợp BTV");
    expect(await page.locator("#year option").allTextContents()).toEqual([
      "Năm gần nhất có số liệu",
      "2025",
      "2026",
      "2027",
      "2028",
      "2029",
      "2030",
    ]);
    await shot("1-open");
  });

  it("should list the problems by sheet and severity after Kiểm tra, in one sync", async () => {
    const before = await runsBefore();
    await page.locator("#check").click();
    await page.locator(".problem").first().waitFor();
    expect((await standin((s) => s.runs())).slice(before)).toEqual([1]);
    await seeText("#check-summary", "2 lỗi và 1 cảnh báo — 1 trang chỉ tiêu, 7 dòng chỉ tiêu.");
    expect(await page.locator(".sheet-name").allTextContents()).toEqual([`Trang “${SHEET}” — 3`]);
    expect(await page.locator(".severity").allTextContents()).toEqual(["Lỗi (2)", "Cảnh báo (1)"]);
    const items = await page.locator(".problem").evaluateAll((els) => els.map((e) => [e.getAttribute("data-cell"), e.className]));
    expect(items).toEqual([
      ["H8", "problem error"],
      ["G12", "problem error"],
      ["H6", "problem warning"],
    ]);
    await seeText("#year option", "Năm gần nhất có số liệu (2027)");
    // 2025 holds baselines, 2026 and 2027 figures; 2028 … 2030 nothing yet
    expect(await page.locator("#year option").allTextContents()).toEqual([
      "Năm gần nhất có số liệu (2027)",
      "2025 — có số liệu",
      "2026 — có số liệu",
      "2027 — có số liệu",
      "2028 — chưa có số liệu",
      "2029 — chưa có số liệu",
      "2030 — chưa có số liệu",
    ]);
    await shot("2-check");
  });

  it("should show workbook text as text: markup stays literal and runs nothing", async () => {
    await seeText(`.problem[data-cell="G12"] .message`, `“${IMG}” không phải là số.`);
    expect(await page.locator("img").count()).toBe(0);
    expect(alerts).toEqual([]);
  });

  it("should select the cell of a problem when it is clicked", async () => {
    await page.locator('.problem[data-cell="H8"] .problem-link').click();
    await page.waitForFunction(() => window.__standin.selection()?.address === "H8");
    expect(await standin((s) => [s.selection(), s.active()])).toEqual([{ sheet: SHEET, address: "H8" }, SHEET]);
  });

  it("should mark the problem cells and put every fill back exactly, no fill included", async () => {
    await page.locator("#mark").click();
    await seeContains("#check-status", "Đã tô màu 3 ô");
    expect(await standin((s) => ["H6", "H8", "G12"].map((a) => s.fill("Chỉ tiêu 2025-2030", a)?.color))).toEqual([
      "#FFEB9C",
      "#FFC7CE",
      "#FFC7CE",
    ]);
    await shot("3-marked");
    await page.locator("#unmark").click();
    await seeContains("#check-status", "Đã trả lại màu nền cũ cho 3 ô");
    expect(await standin((s) => ["H6", "H8", "G12"].map((a) => s.fill("Chỉ tiêu 2025-2030", a)))).toEqual([
      { color: "#00B0F0", pattern: "Solid" },
      null,
      null,
    ]);
    expect(await standin((s) => s.settings())).toEqual({});
  });

  it("should show what a fix will change and write the number only after confirmation", async () => {
    await page.locator('.problem[data-cell="H6"] .fix').click();
    await seeText(".confirm .preview", "H6: “6.250” (chữ) → 6.250 (số)");
    await shot("4-fix-confirm");
    expect(await standin((s) => s.sheet("Chỉ tiêu 2025-2030")!.values[5][7])).toBe("6.250");
    await page.locator("[data-action=apply-fix]").click();
    await seeText(".problem-done", `Đã ghi 6.250 (số) vào ô H6 của trang “${SHEET}”.`);
    expect(await standin((s) => s.sheet("Chỉ tiêu 2025-2030")!.values[5][7])).toBe(6250);
    expect(await page.locator('.problem[data-cell="H6"]').count()).toBe(0);
  });

  it("should write the summary sheet once when the button is clicked twice while it works", async () => {
    const before = await runsBefore();
    await standin((s) => s.hold()); // the first click's read stays in flight
    await page.locator("#summarize").dblclick();
    await page.waitForFunction(() => window.__standin.waiting() === 1);
    expect(await page.locator("#summarize").getAttribute("aria-disabled")).toBe("true");
    await page.locator('.problem[data-cell="H8"] .problem-link').click(); // not disabled, but the pane is busy
    await seeText("#status-line", "COMA đang làm việc, xin chờ xong việc trước.");
    await seeText(".progress-text", "Đang đọc số liệu…");
    await page.screenshot({ path: path.join(RESULTS, "taskpane-5a-working.png") }); // the viewport: the footer sticks to its bottom
    await standin((s) => s.release());
    await seeContains("#summary-result", "Đã tạo trang “Tổng hợp BTV 2027”.");
    expect(await page.locator("#status").getAttribute("class")).toBe("status idle");
    expect(await standin((s) => s.names())).toEqual([SHEET, "Ghi chú", "Tổng hợp BTV 2027"]);
    expect(await standin((s) => s.active())).toBe("Tổng hợp BTV 2027");
    expect((await standin((s) => s.runs())).slice(before)).toEqual([2]); // one Excel.run: read + write
    await shot("5-summary");
  });

  it("should hold the figures computed by hand", async () => {
    const sheet = (await standin((s) => s.sheet("Tổng hợp BTV 2027")))!;
    const row = (code: string) => sheet.values.find((r) => r[1] === code)!;
    // under BÁO CÁO (row 6) and its subject line (row 7)
    // XH1 (34 ≤ e = 40 − 10 × 0,4 = 36) and XD1 (20 + 25 = 45 ≥ e = 80 × 0,4 = 32) are on their path (v1: Chưa đạt)
    expect(sheet.values[8][0]).toBe(
      "Năm 2027: 4/7 chỉ tiêu đã đạt, vượt mục tiêu 2030; 2 chỉ tiêu đúng tiến độ; 1 chỉ tiêu thiếu số liệu.",
    );
    const header = sheet.values.find((r) => r[0] === "STT" && r[1] === "Mã")!;
    const pick = (code: string, ...titles: string[]) => titles.map((title) => row(code)[header.indexOf(title)]);
    expect(pick("KT1", "Cơ sở 2025", "Mục tiêu 2030", "Thực hiện 2027", "Tỷ lệ đạt", "Đánh giá")).toEqual([
      5000,
      "≥ 6.000",
      6250,
      6250 / 6000,
      "Vượt",
    ]);
    expect(pick("KT2", "Chỉ tiêu", "ĐVT", "Cơ sở 2025", "Mục tiêu 2030", "Thực hiện 2027", "Tỷ lệ đạt", "Đánh giá")).toEqual([
      IMG,
      "ha",
      100,
      "150",
      165,
      1.1,
      "Vượt",
    ]);
    expect(pick("KT3", "Thực hiện 2027", "Tỷ lệ đạt", "Đánh giá")).toEqual(["", "", "Thiếu số liệu"]);
    expect(pick("XH1", "Tỷ lệ đạt")[0]).toBeCloseTo(30 / 34, 12);
    expect(pick("XH1", "Đánh giá")).toEqual(["Đúng tiến độ"]);
    // Cộng dồn: v(2027) = 25 as entered, evaluated 20 + 25 = 45 of 80
    expect(pick("XD1", "Thực hiện 2027", "Giá trị đánh giá", "Tỷ lệ đạt", "Đánh giá")).toEqual([25, 45, 45 / 80, "Đúng tiến độ"]);
    // source text that looks like a formula is text; the only formulas are COMA's links back to the source rows
    expect(row("XH2")[2]).toBe("=1+1 hộ gia đình văn hóa");
    const xh2 = sheet.values.indexOf(row("XH2"));
    expect(sheet.formats[xh2][2]).toBe("@");
    expect(sheet.formulas.every((f) => f.formula.startsWith("=HYPERLINK(\"#'Chỉ tiêu 2025-2030'!A"))).toBe(true);
    expect(sheet.formulas.find((f) => f.cell === `B${xh2 + 1}`)?.formula).toBe(`=HYPERLINK("#'Chỉ tiêu 2025-2030'!A11","XH2")`);
    expect(sheet.props["pageLayout.orientation"]).toBe("Landscape");
  });

  it("should replace its own sheet when run again, and never touch another", async () => {
    await page.locator("#summarize").click();
    await seeContains("#summary-result", "Đã thay bảng COMA tạo trước đó bằng trang “Tổng hợp BTV 2027” mới.");
    expect(await standin((s) => s.names())).toEqual([SHEET, "Ghi chú", "Tổng hợp BTV 2027"]);
    expect(await standin((s) => s.sheet("Ghi chú")!.values)).toEqual([["Sổ theo dõi của Văn phòng"]]);
  });

  it("should insert the template beside the sheets, never over one", async () => {
    await page.locator("#insert-template").click();
    await seeContains("#template-result", "Đã chèn trang “Chỉ tiêu 2025-2030 (2)”");
    expect(await standin((s) => s.names())).toEqual([
      SHEET,
      "Ghi chú",
      "Tổng hợp BTV 2027",
      "Chỉ tiêu 2025-2030 (2)",
      "Kết quả 2020-2025 (3 xã)",
    ]);
    await shot("6-template");
  });

  it("should have run with no alert, page error, blocked resource, network call or unsynced operation", async () => {
    expect(alerts).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    expect(await standin((s) => s.warnings())).toEqual([]);
  });
});
