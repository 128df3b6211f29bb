import * as fs from "node:fs";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { ensureBuilt, serveDist } from "../support/built-addin";
import { CHROMIUM_LAUNCH } from "../support/tools";

/**
 * The built task pane in Debian's Chromium, with office.js replaced by an in-memory Excel (test/e2e/excel-standin.js)
 * holding `workbook`. Nothing leaves 127.0.0.1: any other request is aborted and listed in `outside`.
 */

/** The launch options of every browser test (test/support/tools.ts), still importable from here. */
export { CHROMIUM_LAUNCH };
const STANDIN = fs.readFileSync(path.join(__dirname, "excel-standin.js"), "utf8");

export interface PaneBrowser {
  context: BrowserContext;
  page: Page;
  alerts: string[];
  pageErrors: string[];
  outside: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  viewport?: { width: number; height: number };
  /** A fixed clock for the page (the summary's letterhead date), in the commune's time zone. */
  now?: Date;
}

declare global {
  interface Window {
    __COMA_WORKBOOK__: unknown;
    __cspViolations: string[];
  }
}

/** Opens taskpane.html on `workbook` and waits until the pane is ready (Kiểm tra enabled). */
export async function openPane(workbook: unknown, options: PaneOptions = {}): Promise<PaneBrowser> {
  ensureBuilt();
  const server = await serveDist();
  const { port } = server.address() as AddressInfo;
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), "coma-chromium-"));
  const alerts: string[] = [];
  const pageErrors: string[] = [];
  const outside: string[] = [];
  const context = await chromium.launchPersistentContext(userData, {
    ...CHROMIUM_LAUNCH,
    viewport: options.viewport ?? { width: 360, height: 900 },
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const close = async () => {
    await context.close();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(userData, { recursive: true, force: true });
  };
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/office.js")) {
        return route.fulfill({ status: 200, contentType: "application/javascript", body: STANDIN });
      }
      if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    if (options.now) await page.clock.setFixedTime(options.now);
    await page.addInitScript((seed) => {
      window.__COMA_WORKBOOK__ = seed;
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    }, workbook);
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await page.locator("#check:not([disabled])").waitFor();
    return { context, page, alerts, pageErrors, outside, close };
  } catch (error) {
    await close();
    throw error;
  }
}
