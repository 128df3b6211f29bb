import type { SheetGrid, SheetLayout } from "../../core";

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
  return {
    name: grid.name,
    font: "Times New Roman",
    values,
    formats: values.map((row) => row.map(() => null)),
    merges: [],
    styles: [],
    widths: [],
    hiddenColumns: [],
    links: [],
    freezeRows: 0,
    print: { landscape: true, fitToWidth: true, titleRows: null },
    rowHeights: [],
    chart: null,
  };
}
