import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DIST, ensureBuilt } from "../support/built-addin";
import { CHROMIUM_LAUNCH } from "./pane-browser";

/**
 * dist/coma.html opened from disk (file://, no server) in Debian's Chromium. Every request the page or its worker
 * makes is recorded in `requests`, every violation of its content security policy in `violations`.
 */

export const PAGE_FILE = path.join(DIST, "coma.html");

export interface PageBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  requests: string[];
  pageErrors: string[];
  downloads: string;
  violations(): Promise<string[]>;
  /** Drops a file on the page as the user drags it from a folder. */
  drop(file: string): Promise<void>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    __violations: string[];
  }
}

export async function openPage(): Promise<PageBrowser> {
  ensureBuilt();
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), "coma-page-downloads-"));
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1200, height: 900 },
  });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("worker", (worker) => worker.on("console", (m) => m.type() === "error" && pageErrors.push(m.text())));
  await page.goto(pathToFileURL(PAGE_FILE).href);
  return {
    browser,
    context,
    page,
    requests,
    pageErrors,
    downloads,
    violations: () => page.evaluate(() => window.__violations),
    async drop(file) {
      const dataTransfer = await page.evaluateHandle(
        ({ base64, name }) => {
          const binary = atob(base64);
          const bytes = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
          const transfer = new DataTransfer();
          transfer.items.add(new File([bytes], name));
          return transfer;
        },
        { base64: fs.readFileSync(file).toString("base64"), name: path.basename(file) },
      );
      await page.dispatchEvent("main", "dragover", { dataTransfer });
      await page.dispatchEvent("main", "drop", { dataTransfer });
    },
    async close() {
      await browser.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Clicks what starts a download and answers the downloaded file's name and bytes. */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}
