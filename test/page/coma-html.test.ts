import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureBuilt } from "../support/built-addin";

/**
 * dist/coma.html as `npm run build` writes it: one file that reads in the browsers of CONTRACT.md section 6 (its
 * scripts ES2017, its old-browser check ES5) and asks for nothing outside itself.
 */

let html = "";

/** The inline texts of the elements `<tag …>` with exactly these attributes, in order. */
function inline(tag: "script" | "style", attributes = ""): string[] {
  const pattern = new RegExp(`<${tag}${attributes}>([\\s\\S]*?)</${tag}>`, "g");
  return [...html.matchAll(pattern)].map((m) => m[1]);
}

/** The editions of ECMAScript acorn refuses the text as. */
function refusedAs(source: string, ...versions: (5 | 2017)[]): number[] {
  return versions.filter((ecmaVersion) => {
    try {
      parse(source, { ecmaVersion, sourceType: "script" });
      return false;
    } catch {
      return true;
    }
  });
}

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("dist/coma.html", () => {
  beforeAll(() => {
    ensureBuilt();
    html = fs.readFileSync(path.join(DIST, "coma.html"), "utf8");
  });

  it("should hold its old-browser check in ES5 and its page and worker in ES2017", () => {
    const [check, page] = inline("script");
    const [worker] = inline("script", ' type="text/x-coma-worker" id="worker-source"');
    expect(refusedAs(check, 5)).toEqual([]);
    expect(check).toContain("old-browser");
    // The page and the worker need ES2017 (acorn refuses them as ES5) and no later edition.
    expect(refusedAs(page, 5, 2017)).toEqual([5]);
    expect(refusedAs(worker, 5, 2017)).toEqual([5]);
  });

  it("should allow no request: a policy of 'none' with its own inline texts by hash and a Blob worker", () => {
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));
    expect(directives).toEqual({
      "default-src": ["'none'"],
      "script-src": inline("script").map(hash),
      "style-src": inline("style").map(hash),
      "worker-src": ["blob:"],
      "base-uri": ["'none'"],
      "form-action": ["'none'"],
    });
    // Nothing for the browser to fetch: no element with an address, no address in the style.
    expect(html.match(/<(link|img|iframe|object|embed|audio|video|source)\b|\s(src|srcset|href|action|poster)=|@import|url\(/g)).toBeNull();
  });

  it("should fit its budget of 300 KB gzipped, template included", () => {
    const [template] = inline("script", ' type="text/x-coma-template" id="template-bytes" data-file-name="chi-tieu-co-ma-2025-2030.xlsx"');
    expect(Buffer.from(template.trim(), "base64").subarray(0, 2).toString()).toBe("PK");
    expect(gzipSync(html).length).toBeLessThanOrEqual(300 * 1024);
  });
});
