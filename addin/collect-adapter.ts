/* global Excel */
import type { CellWrite, CollectMaster, SheetGrid } from "../core";
import { cellAddress, parseA1, splitAddress } from "../core/a1";
import { gridFrom, readGrids } from "./office-adapter";

/**
 * The collecting round's port for Office.js (contract section 7): the open workbook read as the master (grids and
 * formula cells) in one request, and the collect plan's cells written in one more.
 */

/** Sheets walked in the single read; a workbook with more is read again with room for all of them. */
const SLOTS = 32;

/** The master as core's collect plan takes it: every worksheet's grid and the cells that hold a formula. */
export async function readMaster(context: Excel.RequestContext): Promise<CollectMaster> {
  const master = await readWithFormulas(context, SLOTS);
  return master ?? { grids: (await readGrids(context)).grids, formulas: [] };
}

async function readWithFormulas(context: Excel.RequestContext, slots: number): Promise<CollectMaster | null> {
  const worksheets = context.workbook.worksheets;
  const count = worksheets.getCount();
  const walked: { sheet: Excel.Worksheet; used: Excel.Range }[] = [];
  let sheet = worksheets.getFirst();
  for (let i = 0; i < slots; i++) {
    sheet.load("name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat,formulas");
    walked.push({ sheet, used });
    if (i + 1 < slots) sheet = sheet.getNextOrNullObject();
  }
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult (getCount) is read after sync, not loaded
  if (count.value > slots) return null;
  const grids: SheetGrid[] = [];
  const formulas: { sheet: string; cell: string }[] = [];
  for (const { sheet: s, used } of walked.filter((w) => !w.sheet.isNullObject)) {
    if (used.isNullObject) {
      grids.push({ name: s.name, values: [], formats: [], top: 0, left: 0 });
      continue;
    }
    const rect = parseA1(splitAddress(used.address).reference);
    grids.push(gridFrom(s.name, rect.row, rect.column, used.values, used.numberFormat));
    used.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === "string" && f.startsWith("=")) formulas.push({ sheet: s.name, cell: cellAddress(rect.row + r, rect.column + c) });
      }),
    );
  }
  return { grids, formulas };
}

/** The plan's cells written into the open workbook in one request. */
export async function writeCells(context: Excel.RequestContext, writes: readonly CellWrite[]): Promise<void> {
  if (writes.length === 0) return;
  for (const write of writes) context.workbook.worksheets.getItem(write.sheet).getRange(write.cell).values = [[write.value]];
  await context.sync();
}
