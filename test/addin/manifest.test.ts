import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { generateCustomFunctionsMetadata, type IFunction } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "vitest";
import * as COMA from "../../functions/functions";
import { has, onPath } from "../support/tools";

// `npm run validate:manifest` asks Microsoft's service; this is the offline part of that check.

const ROOT = path.resolve(__dirname, "../..");
const DEV_BASE = "https://localhost:3000";
/** The add-in's identity: changing it makes Office treat COMA as another add-in. */
const ADDIN_ID = "4fe89dbd-4abf-4ec3-9c4d-76eda67e02b9";
/** The COMA.* functions, in the order functions/functions.ts declares them. */
const FUNCTION_IDS = ["ATTAINMENT", "STATUS", "EXPECTED", "PROGRESS", "CHANGE", "GROWTH", "NUMBER", "CONSOLIDATE", "TARGET", "BASELINE"];

type XmlNode = Record<string, unknown>;

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false }).parse(xml) as XmlNode;

/** Every element with its tag, depth first; an element holding only text is `{ "#text": … }`. */
function* elements(node: unknown, tag = ""): Generator<[string, XmlNode]> {
  if (Array.isArray(node)) {
    for (const item of node) yield* elements(item, tag);
  } else if (typeof node === "object" && node !== null) {
    yield [tag, node as XmlNode];
    for (const [key, child] of Object.entries(node)) if (!key.startsWith("@") && key !== "#text") yield* elements(child, key);
  } else if (tag) {
    yield [tag, { "#text": String(node) }];
  }
}

/** The manifest's facts the tests check, read from its XML. */
function read(xml: string) {
  const doc = parse(xml);
  const all = [...elements(doc)];
  const resources = new Map(
    all
      .filter(([tag, node]) => /^bt:(Image|Url|String)$/.test(tag) && node["@id"])
      .map(([tag, node]) => [String(node["@id"]), { tag, value: String(node["@DefaultValue"]) }]),
  );
  const value = (resid: unknown) => resources.get(String(resid))?.value;
  const ofType = (tag: string, type: string) => all.filter(([t, node]) => t === tag && node["@xsi:type"] === type).map(([, node]) => node);
  const functions = ofType("ExtensionPoint", "CustomFunctions")[0] as Record<string, XmlNode>;
  return {
    doc,
    all,
    resources,
    value,
    resids: all.flatMap(([, node]) => (node["@resid"] === undefined ? [] : [String(node["@resid"])])),
    urls: all.flatMap(([, node]) =>
      Object.entries(node).flatMap(([key, v]) =>
        !key.startsWith("@xmlns") && typeof v === "string" && /^[a-z][a-z+.-]*:\/\//i.test(v) ? [v] : [],
      ),
    ),
    executeFunctions: ofType("Action", "ExecuteFunction").map((node) => String((node.FunctionName as XmlNode | string) ?? "")),
    functions: {
      script: value((functions.Script.SourceLocation as XmlNode)["@resid"]),
      page: value((functions.Page.SourceLocation as XmlNode)["@resid"]),
      metadata: value((functions.Metadata.SourceLocation as XmlNode)["@resid"]),
      namespace: value(functions.Namespace["@resid"]),
    },
  };
}

const manifest = read(source);
const officeApp = manifest.doc.OfficeApp as XmlNode;

describe("manifest.xml", () => {
  it("should be well-formed XML", () => {
    expect(XMLValidator.validate(source)).toBe(true);
  });

  it("should keep its GUID", () => {
    expect(officeApp.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(officeApp.Id).toBe(ADDIN_ID);
  });

  it("should be a Vietnamese Excel add-in that may write the workbook", () => {
    expect(officeApp.DefaultLocale).toBe("vi-VN");
    expect(officeApp.Permissions).toBe("ReadWriteDocument");
    expect((officeApp.Hosts as XmlNode).Host).toEqual({ "@Name": "Workbook" });
    expect((officeApp.DisplayName as XmlNode)["@DefaultValue"]).toMatch(/Co Mạ/);
  });

  it("should define every resource it refers to, and refer to every resource it defines", () => {
    expect(manifest.resids.filter((id) => !manifest.resources.has(id))).toEqual([]);
    expect([...manifest.resources.keys()].filter((id) => !manifest.resids.includes(id))).toEqual([]);
  });

  it("should keep resource ids and strings within Office's limits", () => {
    for (const [id, { tag, value }] of manifest.resources) {
      expect(id.length, id).toBeLessThanOrEqual(32);
      if (tag === "bt:String") expect(value.length, id).toBeLessThanOrEqual(/Tooltip|Description/.test(id) ? 250 : 125);
    }
  });

  it("should serve every URL over https from the one base", () => {
    expect(manifest.urls.length).toBeGreaterThan(5);
    for (const url of manifest.urls) expect(url.startsWith(`${DEV_BASE}/`), url).toBe(true);
  });

  it("should point the custom functions at the pages webpack builds, under a short namespace", () => {
    expect(manifest.functions).toEqual({
      script: `${DEV_BASE}/functions.js`,
      page: `${DEV_BASE}/functions.html`,
      metadata: `${DEV_BASE}/functions.json`,
      namespace: "COMA",
    });
    expect(manifest.functions.namespace!.length).toBeLessThanOrEqual(32);
  });

  it("should name in ExecuteFunction the id that addin/commands registers", () => {
    const commands = fs.readFileSync(path.join(ROOT, "addin/commands/commands.ts"), "utf8");
    const associated = [...commands.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
    expect(manifest.executeFunctions).toEqual(["generateSummary"]);
    for (const name of manifest.executeFunctions) expect(associated).toContain(name);
  });

  it("should have its URLs moved to ADDIN_BASE_URL by the build", async () => {
    const base = "https://coma.example.vn/addin";
    const saved = process.env.ADDIN_BASE_URL;
    process.env.ADDIN_BASE_URL = `${base}/`;
    try {
      const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object) => Promise<{ plugins: object[] }>;
      const config = await makeConfig({});
      const CopyPlugin = require("copy-webpack-plugin") as new () => object;
      const copy = config.plugins.find((p) => p instanceof CopyPlugin) as {
        patterns: { from: string; transform?: (c: Buffer) => string }[];
      };
      const built = read(copy.patterns.find((p) => p.from === "manifest.xml")!.transform!(Buffer.from(source)));
      expect(built.urls).toHaveLength(manifest.urls.length);
      for (const url of built.urls) expect(url.startsWith(`${base}/`), url).toBe(true);
      expect(built.functions.script).toBe(`${base}/functions.js`);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  });
});

/** xmllint with Microsoft's manifest schemas (test/fixtures/manifest-schemas/README.md); CI installs libxml2-utils. */
const XMLLINT = onPath("xmllint") ?? "xmllint";
const SCHEMA = path.join(ROOT, "test/fixtures/manifest-schemas/OfficeAppManifestV1_1.xsd");

function schemaErrors(xml: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "coma-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    const result = spawnSync(XMLLINT, ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
    return result.status === 0 ? [] : result.stderr.split("\n").filter((line) => line.includes("error"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!has("xmllint"))("manifest.xml against Microsoft's schemas", () => {
  it("should be valid", () => {
    expect(schemaErrors(source)).toEqual([]);
  });

  it("should be refused with an element out of place", () => {
    const broken = source.replace(
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadWriteDocument</Permissions><Colour>red</Colour>",
    );
    expect(schemaErrors(broken)).toEqual([expect.stringContaining("Colour")]);
  });
});

describe("manifest.xml requirement sets", () => {
  const sets = (node: unknown, prefix = "") => {
    const list = ((node as XmlNode)[`${prefix}Sets`] as XmlNode)[`${prefix}Set`];
    return Object.fromEntries((Array.isArray(list) ? list : [list]).map((set: XmlNode) => [set["@Name"], set["@MinVersion"]]));
  };

  it("should ask only for what the pane needs before any check: ExcelApi 1.4", () => {
    expect(sets(officeApp.Requirements)).toEqual({ ExcelApi: "1.4" });
  });

  it("should ask CustomFunctionsRuntime 1.3 for the functions and the ribbon, leaving the pane to older hosts", () => {
    const overrides = officeApp.VersionOverrides as XmlNode;
    expect(sets(overrides.Requirements, "bt:")).toEqual({ CustomFunctionsRuntime: "1.3", ExcelApi: "1.4" });
  });
});

describe("functions.json, as the build generates it", () => {
  let generated: { errors: string[]; functions: IFunction[]; associate: { functionName: string; id: string }[] };

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(ROOT, "functions/functions.ts"));
    generated = { ...result, functions: result.metadataJson ? JSON.parse(result.metadataJson).functions : [] };
  });

  it("should come from the JSDoc without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("should declare the ten functions of the contract, each bound to its export", () => {
    expect(generated.functions.map((f) => f.id)).toEqual(FUNCTION_IDS);
    expect(generated.functions.map((f) => f.name)).toEqual(FUNCTION_IDS);
    expect(Object.keys(COMA).sort()).toEqual(FUNCTION_IDS.map((id) => id.toLowerCase()).sort());
    for (const { functionName, id } of generated.associate) expect(functionName.toUpperCase()).toBe(id);
  });

  it("should add the new parameters last and optional, so that v1 formulas keep their meaning", () => {
    const params = (id: string) => generated.functions.find((f) => f.id === id)!.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
    expect(params("ATTAINMENT")).toEqual(["actual", "target", "baseline?", "year?", "method?"]);
    expect(params("STATUS")).toEqual(["actual", "target", "baseline?", "year?", "method?"]);
    expect(params("EXPECTED")).toEqual(["baseline", "target", "year", "method?"]);
    expect(params("PROGRESS")).toEqual(["actual", "baseline", "target", "method?"]);
  });

  it("should describe every function and argument in Vietnamese", () => {
    for (const f of generated.functions) {
      expect(f.description, f.id).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
      for (const p of f.parameters) expect(p.description, `${f.id}(${p.name})`).toBeTruthy();
    }
  });

  it("should take ranges: every argument a matrix, every answer a matrix but CONSOLIDATE's", () => {
    for (const f of generated.functions) {
      for (const p of f.parameters) expect(p.dimensionality, `${f.id}(${p.name})`).toBe("matrix");
      expect(f.result?.dimensionality, f.id).toBe(f.id === "CONSOLIDATE" ? undefined : "matrix");
    }
  });
});
