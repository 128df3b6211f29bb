import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

/** Every file the workbook-file layer loads, following its relative imports from index.ts (core included). */
function layerFiles(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, "utf8");
    for (const [, target] of source.matchAll(/from "(\.[^"]+)"/g)) {
      const resolved = path.resolve(path.dirname(file), target);
      visit(fs.existsSync(`${resolved}.ts`) ? `${resolved}.ts` : path.join(resolved, "index.ts"));
    }
  };
  visit(path.resolve(__dirname, "../../workbook/index.ts"));
  return [...seen].map((f) => path.relative(path.resolve(__dirname, "../.."), f));
}

describe("the workbook-file layer in a browser", () => {
  it("should load no Node module, no Buffer and no exceljs", () => {
    const files = layerFiles();
    expect(files).toContain("workbook/amend.ts");
    const offending = files.filter((file) =>
      /from "(node:[^"]+|fs|path|zlib|exceljs)"|\bBuffer\.|require\(/.test(fs.readFileSync(file, "utf8")),
    );
    expect(offending).toEqual([]);
  });
});
