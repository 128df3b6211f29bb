import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import bcd, { type SimpleSupportStatement, type SupportStatement } from "@mdn/browser-compat-data";
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

/**
 * Methods eslint-plugin-compat cannot see: called on an object whose type it does not know (`element.replaceChildren()`).
 * Every method name the page and worker call is looked up in MDN's compatibility data; a name that no API or built-in
 * has in Chrome 80, or in Firefox 115 (the oldest ESR), is listed, unless the bundle defines a property of that name
 * itself (its own objects' methods). Names are compared, not types: a rough net, but it caught replaceChildren.
 */
const OLDEST = { chrome: 80, firefox: 115 } as const;
/** zod's own `def.when(…)`; Error.captureStackTrace, used only behind `"captureStackTrace" in Error` (V8 alone has it). */
const NOT_WEB_APIS = new Set(["when", "captureStackTrace"]);

/** The fields of acorn's nodes read here. */
interface AstNode {
  type: string;
  computed?: boolean;
  callee?: AstNode;
  property?: AstNode;
  key?: AstNode;
  left?: AstNode;
  name?: string;
  value?: unknown;
}

function calledMethods(source: string): { called: Set<string>; defined: Set<string> } {
  const called = new Set<string>();
  const defined = new Set<string>();
  const name = (key: AstNode | undefined) => (key?.type === "Identifier" ? String(key.name) : String(key?.value));
  const member = (node: AstNode | undefined) => node?.type === "MemberExpression" && !node.computed;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object" || !("type" in node)) return;
    const n = node as AstNode;
    if (n.type === "CallExpression" && member(n.callee)) called.add(name(n.callee?.property));
    if (["Property", "MethodDefinition", "PropertyDefinition"].includes(n.type) && !n.computed) defined.add(name(n.key));
    if (n.type === "AssignmentExpression" && member(n.left)) defined.add(name(n.left?.property));
    for (const value of Object.values(n)) if (value && typeof value === "object") visit(value);
  };
  visit(parse(source, { ecmaVersion: 2017, sourceType: "script" }));
  return { called, defined };
}

/** Support statements of every API member and built-in (Intl's too) by name; statics without their `_static`. */
function supportByName(): Map<string, Record<string, SupportStatement | SupportStatement[] | undefined>[]> {
  const byName = new Map<string, Record<string, SupportStatement | SupportStatement[] | undefined>[]>();
  const add = (tree: Record<string, unknown>, deep: boolean) => {
    for (const [key, value] of Object.entries(tree)) {
      if (key === "__compat") continue;
      const entry = value as { __compat?: { support: Record<string, SupportStatement | SupportStatement[] | undefined> } };
      const name = key.replace(/_static$/, "");
      if (entry.__compat) byName.set(name, [...(byName.get(name) ?? []), entry.__compat.support]);
      if (deep && /^[A-Z]/.test(key)) add(value as Record<string, unknown>, true);
    }
  };
  for (const api of Object.values(bcd.api)) add(api as unknown as Record<string, unknown>, false);
  add(bcd.javascript.builtins as unknown as Record<string, unknown>, true);
  return byName;
}

function availableIn(support: Record<string, SupportStatement | SupportStatement[] | undefined>, browser: keyof typeof OLDEST): boolean {
  return ([] as SimpleSupportStatement[])
    .concat((support[browser] ?? []) as SimpleSupportStatement | SimpleSupportStatement[])
    .some((s) => {
      if (s.flags || s.prefix || s.alternative_name || s.partial_implementation) return false;
      const added = s.version_added;
      return typeof added === "string" && Number(added.replace("≤", "")) <= OLDEST[browser];
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

  it("should call no method that Chrome 80 or Firefox ESR lacks", () => {
    const [, page] = inline("script");
    const [worker] = inline("script", ' type="text/x-coma-worker" id="worker-source"');
    const support = supportByName();
    const tooNew = [page, worker].flatMap((source) => {
      const { called, defined } = calledMethods(source);
      return [...called].filter((name) => {
        const statements = support.get(name);
        if (!statements || defined.has(name) || NOT_WEB_APIS.has(name)) return false;
        return !statements.some((s) => availableIn(s, "chrome")) || !statements.some((s) => availableIn(s, "firefox"));
      });
    });
    expect(tooNew).toEqual([]);
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
