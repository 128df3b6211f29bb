import type { SheetGrid } from "../core";
import type { OpenedWorkbook } from "./read-workbook";

/**
 * The grids to plan a summary on: the worksheets, and an empty grid for each chartsheet or dialog sheet, whose name
 * the new sheet must not take either.
 */
export function placementGrids(workbook: OpenedWorkbook): SheetGrid[] {
  const grids = new Map(workbook.grids.map((g) => [g.name, g]));
  return workbook.sheets.map(
    (s) => (s.kind === "worksheet" ? grids.get(s.name) : undefined) ?? { name: s.name, values: [], formats: [], top: 0, left: 0 },
  );
}
