import { isDeepStrictEqual } from "node:util";
import { generatedYear, isGeneratedSheet, storedRows, type Cell, type SheetGrid } from "../../core";
import { openWorkbook, type OpenedWorkbook } from "../../workbook";

/** The parts the summary amends; every other part of the source must reach the output byte for byte. */
const AMENDED = new Set(["[content_types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);

/**
 * "Never change what it was not asked to": every part of the source is in the output with the same uncompressed
 * bytes, except the amended ones and those of a summary COMA made before (replaced); every sheet of the source reads
 * the same; every sheet the output adds is a summary COMA made.
 */
export async function sameSourceSheets(source: Buffer, output: Buffer, year: number): Promise<string[]> {
  const [before, after] = [openWorkbook(source), openWorkbook(output)];
  return [...changedParts(before, after, year), ...changedSheets(before.grids.map(wellFormed), after.grids.map(wellFormed), year)];
}

function changedParts(before: OpenedWorkbook, after: OpenedWorkbook, year: number): string[] {
  const previous = before.grids.find((g) => generatedYear(g.values) === year);
  const replaced = previous ? before.sheets.find((s) => s.kind === "worksheet" && s.name === previous.name) : undefined;
  const failures: string[] = [];
  for (const entry of before.zip.entries) {
    const name = entry.name.toLowerCase();
    if (AMENDED.has(name)) continue;
    const copy = after.zip.entry(entry.name);
    if (!copy) {
      // Replacing a summary drops the parts only it used (its drawing, chart) and the calculation chain.
      if (!replaced) failures.push(`output: part ${entry.name} is missing`);
      continue;
    }
    if (
      replaced &&
      (name === replaced.part?.toLowerCase() || name.startsWith(`${replaced.part?.toLowerCase().replace(/[^/]+$/, "")}_rels/`))
    )
      continue;
    if (!sameContent(before, after, entry.name)) failures.push(`output: part ${entry.name} changed`);
  }
  return failures;
}

/**
 * The part's uncompressed bytes are the same; a part of the source that does not inflate (bytes flipped in a part the
 * command never reads) must then be copied as it was, compressed bytes and all.
 */
function sameContent(before: OpenedWorkbook, after: OpenedWorkbook, name: string): boolean {
  const [a, b] = [before.zip.entry(name)!, after.zip.entry(name)!];
  let original: Uint8Array;
  try {
    original = before.zip.inflate(a);
  } catch {
    return Buffer.from(before.zip.compressed(a)).equals(Buffer.from(after.zip.compressed(b)));
  }
  return Buffer.from(original).equals(Buffer.from(after.zip.inflate(b)));
}

function changedSheets(before: SheetGrid[], after: SheetGrid[], year: number): string[] {
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
    if (!isDeepStrictEqual(copy.values, sheet.values))
      failures.push(`output: source sheet “${sheet.name}” changed ${firstDifference(sheet, copy)}`);
  }
  for (const added of byName.values()) {
    if (!isGeneratedSheet(added.values)) failures.push(`output: added sheet “${added.name}” is not a COMA summary`);
  }
  return failures;
}

/**
 * Lone surrogates (half an emoji) cannot be written as XML at all: both sides read them as U+FFFD. Only the cells a
 * grid holds are visited: a sheet with a cell at row 100,000,000 or in column XFD has holes for the rest.
 */
function wellFormed(grid: SheetGrid): SheetGrid {
  const fix = (text: string): string => (text as string & { toWellFormed(): string }).toWellFormed();
  const values: Cell[][] = [];
  for (const r of storedRows(grid.values)) {
    const row: Cell[] = (values[r] = []);
    for (const c of storedRows(grid.values[r])) {
      const v = grid.values[r][c];
      row[c] = typeof v === "string" ? fix(v) : v;
    }
  }
  return { ...grid, values };
}

function firstDifference(a: SheetGrid, b: SheetGrid): string {
  for (const r of [...new Set([...storedRows(a.values), ...storedRows(b.values)])].sort((x, y) => x - y)) {
    const [x, y] = [a.values[r] ?? [], b.values[r] ?? []];
    for (const c of [...new Set([...storedRows(x), ...storedRows(y)])].sort((p, q) => p - q)) {
      if (!isDeepStrictEqual(x[c], y[c]))
        return `at row ${r + (a.top ?? 0) + 1}, column ${c + (a.left ?? 0) + 1}: ${JSON.stringify(x[c])?.slice(0, 80)} → ${JSON.stringify(y[c])?.slice(0, 80)}`;
    }
  }
  return `(offset ${a.top},${a.left} → ${b.top},${b.left})`;
}
