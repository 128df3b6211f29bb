import { plainLayout, type SheetGrid, type SheetLayout } from "../../core";

/** A plain grid as a layout with no styling, to write bench workbooks through the real adapter. */
export function gridLayout(grid: SheetGrid | SheetLayout): SheetLayout {
  if ("merges" in grid) return grid;
  const width = Math.max(...grid.values.map((row) => row.length));
  const values = grid.values.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c] ?? null;
      return typeof v === "object" && v !== null ? null : typeof v === "boolean" ? String(v) : v;
    }),
  );
  return { ...plainLayout(grid.name), values, formats: values.map((row) => row.map(() => null)) };
}
