import type { SheetGrid } from "./grid";
import type { SheetLayout } from "./layout";
import { placeSummary, type SummaryPlacement } from "./placement";
import { readWorkbook, type WorkbookRead } from "./sheet";
import { buildSummary, defaultYear, type SummaryModel } from "./summary";
import { summaryLayout } from "./summary-layout";

export interface SummaryPlanOptions {
  /** The year to summarise; the default year of the workbook when omitted. */
  year?: number;
  /** The date on the letterhead. */
  date: Date;
}

/** Everything a workbook adapter needs to write the Ban Thường vụ summary: both adapters only translate it. */
export interface SummaryPlan {
  read: WorkbookRead;
  model: SummaryModel;
  placement: SummaryPlacement;
  layout: SheetLayout;
}

/** The summary plan for a workbook read as grids; null when no target sheet can be read. */
export function planSummary(grids: readonly SheetGrid[], options: SummaryPlanOptions): SummaryPlan | null {
  const read = readWorkbook(grids);
  if (read.sheets.length === 0) return null;
  const model = buildSummary(read, options.year ?? defaultYear(read.indicators));
  const placement = placeSummary(grids, model.year);
  return { read, model, placement, layout: summaryLayout(model, placement.name, options.date) };
}

/** The summary's printed footer in header-footer codes (Trang 1/3): the command line and the page write the same. */
export const SUMMARY_FOOTER = "Trang &P/&N";
