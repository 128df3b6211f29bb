import type * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as fs from "node:fs";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureBuilt, serveDist } from "../support/built-addin";
import { CHROMIUM_LAUNCH, has } from "../support/tools";

/**
 * Office 2016 and 2019 open add-ins in Internet Explorer 11 (Trident) or the first Edge (EdgeHTML). The built pane
 * is loaded in Debian's Chromium under their user agents: the ES5 script must show #unsupported-host, in
 * Vietnamese, with the ways out, and hide the pane; under a Chromium user agent the pane is left as it is.
 */

const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.17763";
const CHROMIUM_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

describe.skipIf(!has("chromium"))("the pane in Internet Explorer and the first Edge", { timeout: 60_000 }, () => {
  let server: http.Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveDist();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The pane under a user agent, office.js unreachable (as in a host that never loads it): what is shown. */
  async function open(userAgent: string) {
    const context = await browser.newContext({ userAgent, viewport: { width: 360, height: 900 }, locale: "vi-VN" });
    await context.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(`${base}/taskpane.html`);
    await page.waitForLoadState("load");
    const shown = async (selector: string) => page.locator(selector).isVisible();
    const result = {
      notice: await shown("#unsupported-host"),
      main: await shown("main"),
      text: (await page.locator("#unsupported-host").textContent())?.replace(/\s+/g, " ").trim() ?? "",
    };
    await context.close();
    return result;
  }

  it.each([
    ["Trident (Internet Explorer 11)", TRIDENT],
    ["EdgeHTML (Edge 18)", EDGE_HTML],
  ])("should explain in Vietnamese and offer the ways out under %s", async (_, userAgent) => {
    const seen = await open(userAgent);
    expect({ notice: seen.notice, main: seen.main }).toEqual({ notice: true, main: false });
    expect(seen.text).toContain("COMA chưa chạy được trong Excel này");
    expect(seen.text).toContain("Excel trên web");
    expect(seen.text).toContain("Microsoft 365 hoặc Office 2021");
    expect(seen.text).toContain("npx coma summary chi-tieu.xlsx");
    expect(seen.text).toContain("tệp coma.html: không cần cài đặt");
  });

  it("should leave the pane as it is under Chromium", async () => {
    const seen = await open(CHROMIUM_UA);
    expect({ notice: seen.notice, main: seen.main }).toEqual({ notice: false, main: true });
  });

  it("should ship the detection script as ECMAScript 5", async () => {
    const { parse } = await import("acorn");
    const source = fs.readFileSync(path.join(DIST, "unsupported-host.js"), "utf8");
    expect(() => parse(source, { ecmaVersion: 5 })).not.toThrow();
  });
});
