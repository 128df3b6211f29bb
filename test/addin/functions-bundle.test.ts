import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { parse } from "acorn";
import { beforeAll, describe, expect, it } from "vitest";
import { DIST, ensureBuilt } from "../support/built-addin";

/**
 * dist/functions.js as Excel on Windows loads it: a JavaScript-only runtime, no DOM, and (seen in the field) no
 * Intl. One exception while the bundle loads and no COMA function registers, so the bundle is evaluated here in a
 * bare context with a stand-in for the runtime's CustomFunctions, and the functions it registers are called.
 */

/** The runtime's own error class (custom-functions-runtime.js, CustomFunctionError): code and basicValue "#N/A". */
class CustomFunctionError extends Error {
  readonly type = "Error";
  readonly code: string;
  readonly basicValue: string;
  constructor(code = "#VALUE!", message?: string) {
    super(message ?? "");
    this.code = code;
    this.basicValue = code;
  }
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

type Metadata = { allowErrorForDataTypeAny?: boolean; functions: { id: string; parameters: { name: string; type?: string }[] }[] };

interface Loaded {
  associated: Map<string, (...args: unknown[]) => unknown>;
  /** Globals the bundle left in its context, besides the ones it was given. */
  leaked: string[];
}

function loadBundle(source: string): Loaded {
  const associated = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => void associated.set(id, fn),
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODES,
  };
  const context = vm.createContext({ CustomFunctions });
  // A fresh context has every built-in; the runtime on Windows may lack Intl, so take it away.
  vm.runInContext("delete globalThis.Intl;", context);
  const before = new Set(Object.getOwnPropertyNames(context));
  vm.runInContext(source, context, { filename: "functions.js" });
  return { associated, leaked: Object.getOwnPropertyNames(context).filter((name) => !before.has(name)) };
}

/** The oldest ECMAScript edition acorn parses the file as. */
function parsesAs(file: string): number | null {
  const source = fs.readFileSync(path.join(DIST, file), "utf8");
  for (const version of [5, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] as const) {
    try {
      parse(source, { ecmaVersion: version, sourceType: "script" });
      return version;
    } catch {
      // a newer edition is needed
    }
  }
  return null;
}

describe("dist/functions.js in a JavaScript-only runtime", () => {
  let metadata: Metadata;
  let loaded: Loaded;

  beforeAll(() => {
    ensureBuilt();
    metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as Metadata;
    loaded = loadBundle(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"));
  });

  it("should parse as ECMAScript 2017", () => {
    expect(() =>
      parse(fs.readFileSync(path.join(DIST, "functions.js"), "utf8"), { ecmaVersion: 2017, sourceType: "script" }),
    ).not.toThrow();
    expect(parsesAs("functions.js")).toBeLessThanOrEqual(2017);
  });

  it("should associate every id of functions.json, without Intl, document or window", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect(ids).toHaveLength(10);
    expect([...loaded.associated.keys()].sort()).toEqual([...ids].sort());
  });

  it("should leave no globals behind while loading", () => {
    expect(loaded.leaked).toEqual([]);
  });

  it("should let Excel pass error cells to every argument of every function", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // The flag reaches only arguments of type any: a typed argument would still turn the whole range into the error.
    const typed = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => (p.type ?? "any") !== "any").map((p) => `${f.id}(${p.name})`),
    );
    expect(typed).toEqual([]);
  });

  it("should answer a per-cell error over a range holding an error cell, the other cells computed", () => {
    const change = loaded.associated.get("CHANGE")!;
    const na = new CustomFunctionError("#N/A");
    // (126.1 − 100) / 100 = 0.261; (90 − 100) / 100 = −0.1
    const answer = change([[126.1], [na], [90]], [[100]]) as unknown[][];
    expect(answer).toHaveLength(3);
    expect(answer[0][0]).toBeCloseTo(0.261, 12);
    expect(answer[1][0]).toBe(na);
    expect(answer[2][0]).toBeCloseTo(-0.1, 12);
  });

  it("should answer an error cell in Excel's JSON form (custom data allowed too) as that error, in its own cell", () => {
    const change = loaded.associated.get("CHANGE")!;
    const na = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    // (126.1 − 100) / 100 = 0.261
    const answer = change([[126.1], [na]], [[100]]) as unknown[][];
    expect(answer[0][0]).toBeCloseTo(0.261, 12);
    expect(answer[1][0]).toBeInstanceOf(CustomFunctionError);
    expect(answer[1][0]).toMatchObject({ code: "#N/A" });
  });

  it("should build its own errors with the runtime's class, Vietnamese message kept for #N/A", () => {
    const attainment = loaded.associated.get("ATTAINMENT")!;
    // 110 / 100 = 1.1 against "≥ 100"; the blank second cell has no actual figure
    const answer = attainment([[110], [null]], [["≥ 100"]]) as unknown[][];
    expect(answer[0][0]).toBeCloseTo(1.1, 12);
    expect(answer[1][0]).toBeInstanceOf(CustomFunctionError);
    expect(answer[1][0]).toMatchObject({ code: "#N/A", message: "Thiếu số liệu thực hiện." });
  });

  it("should build the pane's bundles as ECMAScript 2017 too, zod included", () => {
    // Trident and EdgeHTML still get the unsupported-host notice before any bundle runs.
    expect({ taskpane: parsesAs("taskpane.js"), commands: parsesAs("commands.js") }).toEqual({ taskpane: 2017, commands: 2017 });
  });
});
