import { Workbook } from "exceljs";
import { isDeepStrictEqual } from "node:util";
import { generatedYear, isGeneratedSheet, type SheetGrid } from "../../core";
import { workbookGrids } from "../workbook/workbook-file";

/**
 * "Never change what it was not asked to": every sheet of the source reads the same in the output, except a
 * summary COMA made before (replaced); every sheet the output adds is a summary COMA made.
 */
export async function sameSourceSheets(source: Buffer, output: Buffer, year: number): Promise<string[]> {
  const [before, after] = await Promise.all([grids(source), grids(output)]);
  const failures: string[] = [];
  const byName = new Map(after.map((g) => [g.name, g]));
  for (const sheet of before) {
    if (generatedYear(sheet.values) === year) continue; // replaced, and its name may be reused
    const copy = byName.get(sheet.name);
    if (!copy) {
      if (!isGeneratedSheet(sheet.values)) failures.push(`output: source sheet “${sheet.name}” is missing`);
      continue;
    }
    byName.delete(sheet.name);
    if (!isDeepStrictEqual(copy.values, sheet.values)) failures.push(`output: source sheet “${sheet.name}” changed ${firstDifference(sheet, copy)}`);
  }
  for (const added of byName.values()) {
    if (!isGeneratedSheet(added.values)) failures.push(`output: added sheet “${added.name}” is not a COMA summary`);
  }
  return failures;
}

/** Lone surrogates (half an emoji) cannot be written as XML at all: both sides read them as U+FFFD. */
async function grids(bytes: Buffer): Promise<SheetGrid[]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbookGrids(workbook).map((grid) => ({ ...grid, values: grid.values.map((row) => row.map((v) => (typeof v === "string" ? wellFormed(v) : v))) }));
}

const wellFormed = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();

function firstDifference(a: SheetGrid, b: SheetGrid): string {
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows; r++) {
    const [x, y] = [a.values[r] ?? [], b.values[r] ?? []];
    for (let c = 0; c < Math.max(x.length, y.length); c++) {
      if (!isDeepStrictEqual(x[c], y[c])) return `at row ${r + (a.top ?? 0) + 1}, column ${c + (a.left ?? 0) + 1}: ${JSON.stringify(x[c])?.slice(0, 80)} → ${JSON.stringify(y[c])?.slice(0, 80)}`;
    }
  }
  return `(offset ${a.top},${a.left} → ${b.top},${b.left})`;
}
