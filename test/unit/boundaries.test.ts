import * as path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The import boundaries of the rooms hold because lint enforces them (eslint.config.mjs): each case lints a small
 * in-memory file as if it lived in the folder named, and lists the rules it breaks.
 */
const eslint = new ESLint({ cwd: path.resolve(__dirname, "..", "..") });

const lines = (...code: string[]) => code.join("\n");

async function broken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.line}`);
}

describe("import boundaries", () => {
  it("should keep exceljs, Node modules and the other rooms out of core", async () => {
    const code = [
      'import { Workbook } from "exceljs";',
      'import * as fs from "node:fs";',
      'import * as path from "path";',
      'import { generateSummary } from "../addin/actions";',
      'import { attainment } from "../functions/functions";',
      'import { summarizeFile } from "../../scripts/cli/commands";',
      "export const all = [Workbook, fs, path, generateSummary, attainment, summarizeFile];",
    ].join("\n");
    expect(await broken("core/catalogue/bad.ts", code)).toEqual([1, 2, 3, 4, 5, 6].map((line) => `no-restricted-imports: ${line}`));
  });

  it("should keep browser and host globals out of core", async () => {
    const code = "export const where = [window.location.href, document.title, process.env.HOME, Excel.run];";
    expect(await broken("core/bad.ts", code)).toEqual(Array(4).fill("no-restricted-globals: 1"));
  });

  it("should keep Node modules and scripts out of the add-in and the functions, and each out of the other", async () => {
    expect(
      await broken(
        "addin/bad.ts",
        lines(
          'import * as os from "os";',
          'import { main } from "../scripts/cli/cli";',
          'import { status } from "../functions/functions";',
          "export const x = [os, main, status];",
        ),
      ),
    ).toEqual(["no-restricted-imports: 1", "no-restricted-imports: 2", "no-restricted-imports: 3"]);
    expect(
      await broken(
        "functions/bad.ts",
        'import { readFileSync } from "node:fs";\nimport { fix } from "../addin/actions";\nexport const x = [readFileSync, fix];',
      ),
    ).toEqual(["no-restricted-imports: 1", "no-restricted-imports: 2"]);
  });

  it("should keep the add-in and the functions out of the CLI but let the bench measure them", async () => {
    const code = lines(
      'import { generateSummary } from "../../addin/actions";',
      'import { status } from "../../functions/functions";',
      "export const x = [generateSummary, status];",
    );
    expect(await broken("scripts/cli/bad.ts", code)).toEqual(["no-restricted-imports: 1", "no-restricted-imports: 2"]);
    expect(await broken("scripts/bench/fine.ts", code)).toEqual([]);
  });

  it("should let the workbook-file layer import only core, fflate and saxes", async () => {
    const code = lines(
      'import * as fs from "node:fs";',
      'import { Workbook } from "exceljs";',
      'import { main } from "../scripts/cli/cli";',
      'import { status } from "../functions/functions";',
      'import { XMLParser } from "fast-xml-parser";',
      "export const x = [fs, Workbook, main, status, XMLParser, Buffer.from([])];",
    );
    // node:fs and exceljs break both the named paths and the only-these pattern: each line counted once.
    expect([...new Set(await broken("workbook/bad.ts", code))]).toEqual([
      ...[1, 2, 3, 4, 5].map((line) => `no-restricted-imports: ${line}`),
      "no-restricted-globals: 6",
    ]);
    const fine = lines(
      'import { Inflate } from "fflate";',
      'import { SaxesParser } from "saxes";',
      'import { parseA1 } from "../core";',
      'import { crc32 } from "./crc32";',
      "export const x = [Inflate, SaxesParser, parseA1, crc32];",
    );
    expect(await broken("workbook/fine.ts", fine)).toEqual([]);
  });

  it("should let core import core and the adapters import core", async () => {
    expect(await broken("core/fine.ts", 'import { parseA1 } from "./a1";\nexport const x = parseA1;')).toEqual([]);
    expect(await broken("addin/fine.ts", 'import { parseA1 } from "../core/a1";\nexport const x = parseA1;')).toEqual([]);
    expect(
      await broken(
        "scripts/cli/fine.ts",
        'import * as fs from "node:fs";\nimport { parseA1 } from "../../core/a1";\nexport const x = [fs, parseA1];',
      ),
    ).toEqual([]);
  });

  it("should let the shared browser UI import only core, and keep Office.js and Node out of it", async () => {
    const code = lines(
      'import * as fs from "node:fs";',
      'import { fixAll } from "../addin/actions";',
      'import { readXlsx } from "../workbook/read";',
      'import { main } from "../scripts/cli/cli";',
      'import { Workbook } from "exceljs";',
      "export const x = [fs, fixAll, readXlsx, main, Workbook, Excel.run, Office.context];",
    );
    expect([...new Set(await broken("ui/bad.ts", code))]).toEqual([
      ...[1, 2, 3, 4, 5].map((line) => `no-restricted-imports: ${line}`),
      "no-restricted-globals: 6",
    ]);
    const fine = lines(
      'import { formatNumber } from "../core";',
      'import { h } from "./dom";',
      "export const x = [formatNumber, h, document.createElement, window.scrollY];",
    );
    expect(await broken("ui/fine.ts", fine)).toEqual([]);
  });

  it("should let the pane and the page import ui, and no other room", async () => {
    const code = 'import { renderProblems } from "../ui";\nexport const x = renderProblems;';
    expect(await broken("addin/fine.ts", code)).toEqual([]);
    expect(await broken("page/fine.ts", code)).toEqual([]);
    expect(await broken("core/bad.ts", code)).toEqual(["no-restricted-imports: 1"]);
    expect(await broken("functions/bad.ts", code)).toEqual(["no-restricted-imports: 1"]);
    expect(await broken("workbook/bad.ts", code)).toEqual(["no-restricted-imports: 1"]);
    expect(await broken("scripts/cli/bad.ts", 'import { h } from "../../ui";\nexport const x = h;')).toEqual(["no-restricted-imports: 1"]);
  });

  it("should let the page import only core, workbook and ui: no Node, no exceljs, no other room", async () => {
    const code = lines(
      'import * as fs from "node:fs";',
      'import { Workbook } from "exceljs";',
      'import { main } from "../scripts/cli/cli";',
      'import { fixAll } from "../addin/actions";',
      'import { status } from "../functions/functions";',
      "export const x = [fs, Workbook, main, fixAll, status];",
    );
    expect([...new Set(await broken("page/bad.ts", code))]).toEqual([1, 2, 3, 4, 5].map((line) => `no-restricted-imports: ${line}`));
    const fine = lines(
      'import { planSummary } from "../core";',
      'import { openWorkbook } from "../workbook";',
      'import { renderProblems } from "../ui";',
      'import { cellText } from "./cell-text";',
      "export const x = [planSummary, openWorkbook, renderProblems, cellText];",
    );
    expect(await broken("page/fine.ts", fine)).toEqual([]);
  });

  it("should refuse in the page's rooms an API that Chrome 80 or Firefox ESR lacks", async () => {
    const code = lines("export const x = [structuredClone({}), Promise.any([])];", "export const y = [1, 2].at(-1);");
    expect(await broken("page/bad.ts", code)).toEqual(["compat/compat: 1", "compat/compat: 1", "compat/compat: 2"]);
    expect(await broken("core/bad.ts", code)).toEqual(["compat/compat: 1", "compat/compat: 1", "compat/compat: 2"]);
    // The command line runs in Node 20, which has them.
    expect(await broken("scripts/cli/fine.ts", code)).toEqual([]);
  });
});
