import * as fs from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../support/built-addin";
import { openPane, type PaneBrowser } from "./pane-browser";

/**
 * The task pane driven as a clerk drives it, keyboard and screen reader in mind, in Excel on the web's 350 × 378 pane:
 * where results land, where focus goes after each action, long lists, Excel's refusals, the guards before writing,
 * axe-core's WCAG 2.2 AA rules over each state, forced colours and 320 px at 200 % zoom. Waits are on selectors and
 * the stand-in's state, never on time; the 5,000-row timings are measured and written out, not asserted.
 */

const RESULTS = path.join(ROOT, "test-results");
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const HEADER = ["Mã", "Chỉ tiêu", "ĐVT", "Cách tính", "Cơ sở 2025", "Mục tiêu 2030", 2026, 2027, 2028, 2029, 2030];
const SHEET = "Chỉ tiêu";
/** Excel on the web's task pane at 1366 × 768. */
const WEB_PANE = { width: 350, height: 378 };

/** `n` coded rows; `figure(i)` is the 2027 cell (2026 is a number everywhere). */
function targetSheet(name: string, n: number, figure: (i: number) => unknown, prefix = "KT") {
  const rows = Array.from({ length: n }, (_, i) => [
    `${prefix}${i + 1}`,
    `Chỉ tiêu số ${i + 1}`,
    "ha",
    "Năm",
    100,
    "≥ 200",
    150,
    figure(i),
  ]);
  return { name, rows: [HEADER, ...rows] };
}

/**
 * 28 text numbers ("12,5", "13,5" …: a warning with a fix each) and 2 errors on one sheet; 2 more errors on another;
 * 1 on a hidden sheet.
 */
const MANY = {
  sheets: [
    targetSheet(SHEET, 30, (i) => (i < 28 ? `${12 + i},5` : "#DIV/0!")),
    targetSheet("Xã khác", 2, () => "#N/A", "XH"),
    { ...targetSheet("Ẩn", 1, () => "#REF!", "XD"), visibility: "Hidden" },
    { name: "Ghi chú", rows: [["sổ tay"]] },
  ],
};

type Standin = {
  names(): string[];
  sheet(name: string): { values: unknown[][] } | null;
  runs(): number[];
  refuse(refusal: { code?: string; message?: string; fetch?: boolean }): void;
};
declare global {
  interface Window {
    axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    __longest: number;
    __excelMs: number;
    __t0: number;
  }
}

/** What a test needs of an open pane. */
function driver(pane: PaneBrowser) {
  const page: Page = pane.page;
  const standin = <T>(fn: (s: Standin) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__standin)`) as Promise<T>;
  type WithStandin = { __standin: Standin };
  return {
    page,
    standin,
    /** The next sync fails as Excel (or a lost connection) would. */
    refuse: (refusal: { code?: string; message?: string; fetch?: boolean }) =>
      page.evaluate((r) => (window as unknown as WithStandin).__standin.refuse(r), refusal),
    runs: async () => (await standin((s) => s.runs())).length,
    newRuns: async (before: number) => (await standin((s) => s.runs())).slice(before),
    shot: (name: string, fullPage = false) => page.screenshot({ path: path.join(RESULTS, `clerk-${name}.png`), fullPage }),
    /** The focused element: its tag, class, accessible label or text, and the cell of its row. */
    focused: () =>
      page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return "body";
        const cell = e.closest("li")?.getAttribute("data-cell");
        const name = e.getAttribute("aria-label") ?? e.textContent?.trim().slice(0, 40);
        return `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}.${e.className.split(" ")[0]}${cell ? `@${cell}` : ""}: ${name}`;
      }),
    /** An element's box against the viewport: visible when its top is inside it. */
    place: (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((e) => {
          const r = e.getBoundingClientRect();
          return { top: Math.round(r.top), bottom: Math.round(r.bottom), viewport: window.innerHeight };
        }),
    /** axe-core over the page as it is, WCAG 2.2 AA rule sets; the violations as `rule: targets`. */
    axe: async () => {
      if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: `${new URL(page.url()).origin}/__axe.min.js` });
      const result = await page.evaluate((values) => window.axe.run(document, { runOnly: { type: "tag", values } }), WCAG);
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    },
  };
}

/** Opens the pane with axe-core served from its own origin (the pane's CSP allows scripts from 'self' only). */
async function open(workbook: unknown, viewport = WEB_PANE): Promise<PaneBrowser> {
  const pane = await openPane(workbook, { viewport });
  await pane.context.route("**/__axe.min.js", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: AXE }));
  return pane;
}

const inView = (box: { top: number; bottom: number; viewport: number }) => box.top >= 0 && box.top < box.viewport;

const measures: Record<string, unknown> = {};
afterAll(() => {
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, "clerk-measures.json"), JSON.stringify(measures, null, 2));
});

describe("the pane for a clerk, in Excel on the web's 350 × 378 pane", { timeout: 60_000 }, () => {
  let pane: PaneBrowser;
  let d: ReturnType<typeof driver>;

  beforeAll(async () => {
    fs.mkdirSync(RESULTS, { recursive: true });
    pane = await open(MANY);
    d = driver(pane);
  }, 360_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("should say what it does on first run, with its live regions and progressbar in the page before they speak", async () => {
    const { page } = d;
    expect(await page.locator("#first-run").isVisible()).toBe(true);
    expect(await page.locator("#first-run").textContent()).toContain("COMA kiểm tra số liệu các trang chỉ tiêu");
    const regions = await page.evaluate(() =>
      ["check-status", "check-summary", "summary-result", "template-result"].map((id) => document.getElementById(id)?.getAttribute("role")),
    );
    expect(regions).toEqual(["status", "status", "status", "status"]);
    expect(await page.locator("#status").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator("[role=progressbar]").getAttribute("aria-busy")).toBe("false");
    expect(await d.axe()).toEqual([]);
    await d.shot("1-open");
  });

  it("should show the summary's result in view, the list folded above it, and keep focus on the button", async () => {
    const { page } = d;
    const before = await d.runs();
    await page.locator("#summarize").focus();
    await page.keyboard.press("Enter");
    await page.locator("#summary-result .message-line.success").waitFor();
    expect(await d.newRuns(before)).toEqual([2]); // one Excel.run: one read, one write
    const place = await d.place("#summary-result");
    measures.summaryResultInViewport = place;
    expect(inView(place)).toBe(true);
    expect(await page.locator(".sheet-name .group-toggle").evaluateAll((es) => es.map((e) => e.getAttribute("aria-expanded")))).toEqual([
      "false",
      "false",
      "false",
    ]);
    expect(await d.focused()).toBe("button#summarize.button: Tạo bảng tổng hợp BTV");
    expect(await page.locator("#first-run").isHidden()).toBe(true);
    expect(await d.axe()).toEqual([]);
    await d.shot("2-summary-in-view");
  });

  it("should show the check's counts in view and list 33 problems with grouped counts", async () => {
    const { page } = d;
    await page.locator("#check").click();
    await page.locator(".sheet-name .group-toggle[aria-expanded=true]").first().waitFor();
    expect(await page.locator("#check-summary").textContent()).toBe("5 lỗi và 28 cảnh báo — 3 trang chỉ tiêu, 33 dòng chỉ tiêu.");
    expect(inView(await d.place("#check-summary"))).toBe(true);
    expect(await page.locator(".sheet-name").allTextContents()).toEqual([
      `Trang “${SHEET}” — 30`,
      "Trang “Xã khác” — 2",
      "Trang “Ẩn” — 1trang đang ẩn",
    ]);
    expect(await page.locator(".severity").allTextContents()).toEqual(["Lỗi (2)", "Cảnh báo (28)", "Lỗi (2)", "Lỗi (1)"]);
    expect(await d.axe()).toEqual([]);
  });

  it("should say in the row clicked that its sheet is hidden", async () => {
    const { page } = d;
    const link = page.locator('.problem[data-sheet="Ẩn"] .problem-link');
    await link.click();
    const note = page.locator('.problem[data-sheet="Ẩn"] .row-outcome');
    expect(await note.textContent()).toBe("Trang “Ẩn” đang ẩn: hãy bỏ ẩn trang (chuột phải vào tên trang › Bỏ ẩn) rồi bấm lại.");
    expect(inView(await d.place('.problem[data-sheet="Ẩn"] .row-outcome'))).toBe(true);
    expect(await d.focused()).toMatch(/^button\.problem-link@H2: /);
  });

  it("should fold and unfold a group from its heading", async () => {
    const { page } = d;
    const toggle = page.locator(".sheet-name .group-toggle").nth(1);
    await toggle.click();
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator('.problem[data-sheet="Xã khác"]').first().isVisible()).toBe(false);
    await toggle.click();
    expect(await page.locator('.problem[data-sheet="Xã khác"]').first().isVisible()).toBe(true);
  });

  it("should name each fix by its cell and severity and preview text becoming a number", async () => {
    const { page } = d;
    const names = await page.locator(".fix").evaluateAll((es) => es.slice(0, 2).map((e) => e.getAttribute("aria-label")));
    expect(names).toEqual(["Sửa ô H2 (cảnh báo)", "Sửa ô H3 (cảnh báo)"]);
    await page.locator('.problem[data-cell="H2"] .fix').click();
    expect(await page.locator(".confirm .preview").textContent()).toBe("H2: “12,5” (chữ) → 12,5 (số)");
  });

  it("should keep the confirm inside its row, close it on Esc and on Hủy, and give focus back to its Sửa", async () => {
    const { page } = d;
    expect(await page.locator(".confirm").evaluate((e) => e.parentElement?.matches('li.problem[data-cell="H2"]'))).toBe(true);
    expect(await d.focused()).toBe("button.button@H2: Ghi số");
    expect(await d.axe()).toEqual([]);
    await d.shot("3-confirm");
    await page.keyboard.press("Escape");
    expect(await page.locator(".confirm").count()).toBe(0);
    expect(await d.focused()).toBe("button.button@H2: Sửa ô H2 (cảnh báo)");
    await page.keyboard.press("Enter");
    await page.locator("[data-action=cancel-fix]").click();
    expect(await page.locator(".confirm").count()).toBe(0);
    expect(await d.focused()).toBe("button.button@H2: Sửa ô H2 (cảnh báo)");
  });

  it("should write one number, show the outcome in its row in view, and move focus to the next problem", async () => {
    const { page } = d;
    const before = await d.runs();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter"); // Ghi số
    await page.locator(".problem-done").waitFor();
    expect(await page.locator(".problem-done").textContent()).toBe(`Đã ghi 12,5 (số) vào ô H2 của trang “${SHEET}”.`);
    expect(await d.newRuns(before)).toEqual([2]); // one read of the cell, one write
    expect(await d.standin((s) => s.sheet("Chỉ tiêu")!.values[1][7])).toBe(12.5);
    expect(await d.focused()).toMatch(/^button\.problem-link@H3: /);
    expect(inView(await d.place(".problem-done"))).toBe(true);
    expect(await page.locator(".severity").allTextContents()).toEqual(["Lỗi (2)", "Cảnh báo (27)", "Lỗi (2)", "Lỗi (1)"]);
  });

  it("should fix the other 27 text numbers after one preview of every change, in one write request", async () => {
    const { page } = d;
    const button = page.locator(".fix-all-button");
    expect(await button.textContent()).toBe("Sửa tất cả 27 số ghi dạng chữ");
    await button.click();
    const lines = await page.locator(".preview-list li").allTextContents();
    expect(lines.length).toBe(27);
    expect(lines[0]).toBe("H3: “13,5” (chữ) → 13,5 (số)");
    expect(lines[26]).toBe("H29: “39,5” (chữ) → 39,5 (số)");
    expect(await d.axe()).toEqual([]);
    await d.shot("4-fix-all-confirm");
    await page.keyboard.press("Escape");
    expect(await d.focused()).toBe("button.button: Sửa tất cả 27 số ghi dạng chữ");
    const before = await d.runs();
    await button.click();
    await page.locator("[data-action=apply-fix]").click();
    await page.locator(".fix-all-outcome .message-line").waitFor();
    expect(await d.newRuns(before)).toEqual([2]); // one Excel.run: read 27 cells, write 27 cells
    expect(await page.locator(".fix-all-outcome").textContent()).toBe("Đã ghi 27 số vào các ô.");
    expect(
      await d.standin((s) =>
        s
          .sheet("Chỉ tiêu")!
          .values.slice(1, 29)
          .map((r) => r[7]),
      ),
    ).toEqual(Array.from({ length: 28 }, (_, i) => 12.5 + i));
    expect(await page.locator(".problem.warning").count()).toBe(0);
    expect(await d.focused()).toMatch(/^button\.problem-link@H30: /);
    expect(inView(await d.place(".fix-all-outcome"))).toBe(true);
  });

  it("should skip past the list from its skip link", async () => {
    const { page } = d;
    await page.locator(".skip-link").focus();
    await page.keyboard.press("Enter");
    expect(await d.focused()).toMatch(/^p#problems-end-\d+\.list-end: Hết danh sách vấn đề\.$/);
  });

  it.each([
    [
      "AccessDenied",
      "Trang tính được bảo vệ.",
      "Excel không cho ghi: trang tính hoặc sổ tính đang được bảo vệ",
      "Thông báo gốc: “Trang tính được bảo vệ.”",
    ],
    ["GeneralException", "GeneralException", "sổ tính có thể đang được người khác sửa cùng lúc", null],
    [
      "InvalidOperation",
      "Không thể thực hiện thao tác.",
      "sổ tính có thể đang được người khác sửa cùng lúc",
      "Thông báo gốc: “Không thể thực hiện thao tác.”",
    ],
    ["fetch", "", "Mất kết nối", null],
  ])("should say %s in plain words with what to do, and clear the stale list", async (code, said, plain, kept) => {
    const { page } = d;
    // twice: a refused one-sync read is tried again in steps (addin/office-adapter.ts readGrids)
    for (let i = 0; i < 2; i++) await d.refuse(code === "fetch" ? { fetch: true } : { code, message: said });
    await page.locator("#check").click();
    await page.locator("#check-summary .message-line.error + .message-line, #check-summary .message-line.error:only-child").waitFor();
    const lines = await page.locator("#check-summary .message-line").allTextContents();
    expect(lines[0]).toContain(plain);
    expect(lines.slice(1)).toEqual(kept ? [kept] : []);
    expect(lines.join(" ")).not.toMatch(/Failed to fetch|: AccessDenied$/);
    expect(await page.locator("#problems").evaluate((e) => e.childElementCount)).toBe(0);
    expect(inView(await d.place("#check-summary"))).toBe(true);
    if (code === "AccessDenied") {
      expect(await d.axe()).toEqual([]);
      await d.shot("5-refusal");
    }
  });

  it("should ask before writing a year without figures, and mark which years hold figures", async () => {
    const { page } = d;
    await page.locator("#check").click();
    await page.locator(".problem").first().waitFor();
    expect(await page.locator("#year option").allTextContents()).toEqual([
      "Năm gần nhất có số liệu (2027)",
      "2025 — có số liệu",
      "2026 — có số liệu",
      "2027 — có số liệu",
      "2028 — chưa có số liệu",
      "2029 — chưa có số liệu",
      "2030 — chưa có số liệu",
    ]);
    await page.locator("#year").selectOption("2029");
    const before = await d.runs();
    const names = await d.standin((s) => s.names());
    await page.locator("#summarize").click();
    await page.locator("#summary-confirm .confirm").waitFor();
    expect(await d.newRuns(before)).toEqual([1]); // read only
    expect(await d.standin((s) => s.names())).toEqual(names);
    expect(await page.locator("#summary-confirm .confirm-text").textContent()).toContain("Năm 2029 chưa có dòng nào có số liệu");
    expect(await d.focused()).toBe("button.button: Vẫn tạo bảng");
    expect(inView(await d.place("#summary-confirm"))).toBe(true);
    expect(await d.axe()).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await page.locator("#summary-confirm .confirm").count()).toBe(0);
    expect(await d.focused()).toBe("button#summarize.button: Tạo bảng tổng hợp BTV");
    await page.locator("#summarize").click();
    await page.locator("[data-action=write-empty]").click();
    await page.locator("#summary-result .message-line.success").waitFor();
    expect(await d.standin((s) => s.names())).toContain("Tổng hợp BTV 2029");
  });

  it("should keep error, success and information boxes apart in forced colours", async () => {
    const { page } = d;
    await page.emulateMedia({ forcedColors: "active" });
    await d.refuse({ code: "AccessDenied", message: "Trang tính được bảo vệ." });
    await page.locator("#mark").click();
    await page.locator("#check-status .message-line.error").waitFor();
    const borders = await page.evaluate(() =>
      [".message-line.error", ".message-line.info", "#summary-result .message-line.success", "#summary-result .message-line.warning"].map(
        (s) => getComputedStyle(document.querySelector(s)!).borderTopStyle,
      ),
    );
    expect(borders).toEqual(["solid", "dotted", "double", "dashed"]);
    await page.locator("#summary-section").scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 350, height: 900 });
    await d.shot("6-forced-colours", true);
    await page.emulateMedia({ forcedColors: "none" });
  });

  it("should scroll nothing sideways and clip nothing at 320 px and 200 % zoom", async () => {
    const { page } = d;
    await page.setViewportSize({ width: 320, height: 640 });
    await page.evaluate(() => ((document.documentElement.style as unknown as { zoom: string }).zoom = "2"));
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = Array.from(document.querySelectorAll<HTMLElement>("main *, header *, nav *"))
        .filter((e) => e.getClientRects().length > 0 && e.getBoundingClientRect().right > width + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
      return { scroll: document.documentElement.scrollWidth - width, wide };
    });
    measures.zoom200 = overflow;
    expect(overflow).toEqual({ scroll: 0, wide: [] });
    await page.evaluate(() => window.scrollTo(0, 0));
    await d.shot("7-zoom-200-top");
    await page.locator("#summary-section").evaluate((e) => e.scrollIntoView());
    await d.shot("7-zoom-200-summary");
    expect(await d.axe()).toEqual([]);
  });

  it("should have run with no page error and no network call", () => {
    expect(pane.pageErrors).toEqual([]);
    expect(pane.outside).toEqual([]);
  });
});

describe("an empty workbook", { timeout: 60_000 }, () => {
  let pane: PaneBrowser;
  beforeAll(async () => {
    pane = await open({ sheets: [{ name: "Sheet1", rows: [] }] });
  }, 360_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("should point to Chèn mẫu chỉ tiêu and take focus there", async () => {
    const d = driver(pane);
    await d.page.locator("#check").click();
    await d.page.locator("[data-action=go-template]").waitFor();
    expect(await d.page.locator("#check-summary .message-line").allTextContents()).toEqual([
      "Không tìm thấy trang chỉ tiêu nào: trong 20 dòng đầu của trang cần có dòng tiêu đề với các cột Mã, Chỉ tiêu và Mục tiêu 2030.",
      "Sổ tính chưa có trang chỉ tiêu: bấm “Chèn mẫu chỉ tiêu” để thêm trang mẫu 25 chỉ tiêu có sẵn số liệu cơ sở 2025, rồi nhập số liệu.",
    ]);
    expect(await d.page.locator("#problems").evaluate((e) => e.childElementCount)).toBe(0);
    expect(await d.axe()).toEqual([]);
    await d.page.locator("[data-action=go-template]").click();
    expect(await d.focused()).toBe("button#insert-template.button: Chèn mẫu chỉ tiêu");
  });
});

describe("5,000 problems", { timeout: 120_000 }, () => {
  let pane: PaneBrowser;
  // every 11th row a text number (455 warnings with a fix), the others an error: 5,000 problems
  const BIG = { sheets: [targetSheet(SHEET, 5000, (i) => (i % 11 === 0 ? `1.${String(i % 1000).padStart(3, "0")}` : "#DIV/0!"))] };
  beforeAll(async () => {
    pane = await open(BIG, { width: 350, height: 768 });
  }, 360_000);
  afterAll(async () => {
    await pane?.close();
  });

  it("should list them in pages with Vietnamese counts, and measure first paint and the longest freeze", async () => {
    const d = driver(pane);
    const { page } = d;
    await page.evaluate(() => {
      window.__longest = 0;
      window.__excelMs = 0;
      const run = Excel.run.bind(Excel);
      // the Excel side (the stand-in's read) and core's check happen inside Excel.run: the rest is the list's
      (Excel as { run: unknown }).run = async (batch: never) => {
        const t = performance.now();
        try {
          return await run(batch);
        } finally {
          window.__excelMs += performance.now() - t;
        }
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
      }).observe({ type: "longtask" });
      window.__t0 = performance.now();
      document.getElementById("check")!.click();
    });
    await page.locator(".problem").first().waitFor();
    const firstPaint = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - window.__t0))),
        ),
    );
    const excelMs = await page.evaluate(() => window.__excelMs);
    measures.list5000 = {
      firstPaintMs: Math.round(firstPaint),
      insideExcelRunMs: Math.round(excelMs),
      listMs: Math.round(firstPaint - excelMs),
      longestFreezeMs: Math.round(await page.evaluate(() => window.__longest)),
    };
    console.log("5,000 problems:", measures.list5000);
    expect(await page.locator("#check-summary").textContent()).toBe("4.545 lỗi và 455 cảnh báo — 1 trang chỉ tiêu, 5.000 dòng chỉ tiêu.");
    expect(await page.locator(".sheet-name").allTextContents()).toEqual([`Trang “${SHEET}” — 5.000`]);
    expect(await page.locator(".more-note").first().textContent()).toBe("Đang hiện 200/4.545 vấn đề của nhóm này. Hiện thêm");
    expect(await page.locator(".problem").count()).toBe(400);
  });

  it("should reach Tạo bảng tổng hợp BTV from Kiểm tra in a few key presses past the list", async () => {
    const { page } = driver(pane);
    /** Key presses from Kiểm tra to Tạo bảng tổng hợp BTV; Enter on the skip link when `skip`. */
    const presses = async (skip = true) => {
      await page.locator("#check").focus();
      for (let count = 1; count <= 1000; count++) {
        const onSkip = await page.evaluate(() => document.activeElement?.classList.contains("skip-link") ?? false);
        await page.keyboard.press(skip && onSkip ? "Enter" : "Tab");
        if (await page.evaluate(() => document.activeElement?.id === "summarize")) return count;
      }
      return Infinity;
    };
    const withSkip = await presses();
    // without the skip link: every tab stop between the two buttons (counted, not pressed: 600 presses are slow)
    const tabOnly = await page.evaluate(() => {
      const stops = Array.from(document.querySelectorAll<HTMLElement>("button, a[href], select, [tabindex='0']")).filter(
        (e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && !(e as HTMLButtonElement).disabled,
      );
      return stops.indexOf(document.getElementById("summarize")!) - stops.indexOf(document.getElementById("check")!);
    });
    measures.keysToSummary = { withSkipLink: withSkip, tabOnly };
    console.log("Kiểm tra → Tạo bảng tổng hợp BTV:", measures.keysToSummary);
    // Đánh dấu, Bỏ đánh dấu, the skip link, Enter, Năm, Tạo bảng
    expect(withSkip).toBe(6);
  });

  it("should move focus to the first new row after Hiện thêm", async () => {
    const d = driver(pane);
    await d.page.locator(".more").first().click();
    // 200 errors fill i = 0 … 219 (ten in every eleven rows), i = 220 is a text number: the 201st is i = 221, row 223
    expect(await d.focused()).toMatch(/^button\.problem-link@H223: /);
    expect(await d.page.locator(".more-note").first().textContent()).toBe("Đang hiện 400/4.545 vấn đề của nhóm này. Hiện thêm");
  });

  it("should fix all 455 text numbers in one write request", async () => {
    const d = driver(pane);
    const { page } = d;
    await page.locator(".fix-all-button").click();
    expect(await page.locator(".preview-list li").count()).toBe(455);
    const before = await d.runs();
    await page.evaluate(() => {
      window.__longest = 0;
      window.__t0 = performance.now();
    });
    await page.locator("[data-action=apply-fix]").click();
    await page.locator(".fix-all-outcome .message-line").waitFor();
    measures.fixAll455 = {
      ms: Math.round(await page.evaluate(() => performance.now() - window.__t0)),
      longestFreezeMs: Math.round(await page.evaluate(() => window.__longest)),
    };
    console.log("Sửa tất cả 455:", measures.fixAll455);
    expect(await d.newRuns(before)).toEqual([2]);
    expect(await page.locator(".fix-all-outcome").textContent()).toBe("Đã ghi 455 số vào các ô.");
    expect(await page.locator("#check-summary").textContent()).toBe("4.545 lỗi — 1 trang chỉ tiêu, 5.000 dòng chỉ tiêu.");
  });
});
