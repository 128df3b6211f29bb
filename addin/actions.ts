/* global Excel */
import { defaultYear, planSummary, readWorkbook, type Problem, type WorkbookRead } from "../core";
import {
  applyFixes,
  errorCode,
  insertTemplate,
  markProblems,
  readGrids,
  selectCell,
  unmarkProblems,
  writeSummary,
  type CellMark,
  type FixOutcome,
  type FixRequest,
  type SummaryWritten,
  type UnmarkResult,
  type WorkbookSnapshot,
  type WriteStats,
} from "./office-adapter";

/**
 * What the task pane and the ribbon command do, one Excel.run per user action. No DOM here:
 * the pane and the command share these through the bundle (no shared runtime, see addin/README.md).
 */

export interface Checked {
  snapshot: WorkbookSnapshot;
  read: WorkbookRead;
  /** The latest year with any value: the default year of the summary (docs/rules.md). */
  year: number;
}

function checked(snapshot: WorkbookSnapshot): Checked {
  const read = readWorkbook(snapshot.grids);
  return { snapshot, read, year: defaultYear(read.indicators) };
}

/** "Kiểm tra": reads every sheet in one sync and lets core find the problems. */
export function checkWorkbook(): Promise<Checked> {
  return Excel.run(async (context) => checked(await readGrids(context)));
}

export type SummaryStage = { stage: "reading" } | { stage: "writing"; name: string };

export type SummaryOutcome =
  | ({ ok: true; checked: Checked; retried: boolean } & SummaryWritten)
  | { ok: false; reason: "no-target-sheet"; checked: Checked }
  | { ok: false; reason: "no-values"; checked: Checked; year: number };

export interface SummaryOptions {
  /** Write even when no indicator row has a figure for the year (the pane asks the user first); true by default. */
  allowEmptyYear?: boolean;
}

/**
 * "Tạo bảng tổng hợp BTV": read (one sync), then delete the sheet COMA made for that year, write the new one
 * and activate it (one more sync). `year` "auto" is the latest year with data. If another window created the
 * same sheet between our read and our write (Excel answers ItemAlreadyExists), the action runs once more. Unless
 * `allowEmptyYear`, a year without a single figure writes nothing and says so ("no-values"): the pane asks first.
 */
export async function generateSummary(
  year: number | "auto",
  onStage: (stage: SummaryStage) => void = () => {},
  date = new Date(),
  { allowEmptyYear = true }: SummaryOptions = {},
): Promise<SummaryOutcome> {
  const attempt = (retried: boolean) =>
    Excel.run(async (context): Promise<SummaryOutcome> => {
      onStage({ stage: "reading" });
      const snapshot = await readGrids(context);
      const plan = planSummary(snapshot.grids, { year: year === "auto" ? undefined : year, date });
      if (!plan) return { ok: false, reason: "no-target-sheet", checked: checked(snapshot) };
      if (!allowEmptyYear && plan.model.coverage.withValue === 0) {
        return {
          ok: false,
          reason: "no-values",
          year: plan.model.year,
          checked: { snapshot, read: plan.read, year: defaultYear(plan.read.indicators) },
        };
      }
      onStage({ stage: "writing", name: plan.placement.name });
      const written = await writeSummary(context, plan, snapshot.grids);
      const result: Checked = { snapshot, read: plan.read, year: defaultYear(plan.read.indicators) };
      return { ok: true, checked: result, retried, ...written };
    });
  try {
    return await attempt(false);
  } catch (error) {
    if (errorCode(error) !== "ItemAlreadyExists") throw error;
    return attempt(true);
  }
}

/** "Đánh dấu". */
export function mark(problems: readonly Problem[], known: readonly CellMark[] | null): Promise<CellMark[]> {
  return Excel.run((context) => markProblems(context, problems, known));
}

/** "Bỏ đánh dấu". */
export function unmark(known: readonly CellMark[] | null): Promise<UnmarkResult> {
  return Excel.run((context) => unmarkProblems(context, known));
}

/** "Sửa" and "Sửa tất cả", after the user confirmed: every text number in one read and one write request; an outcome per request, in order. */
export function fixAll(requests: readonly FixRequest[]): Promise<FixOutcome[]> {
  return Excel.run((context) => applyFixes(context, requests));
}

/** "Chèn mẫu chỉ tiêu". */
export function addTemplate(): Promise<{ names: string[]; stats: WriteStats }> {
  return Excel.run((context) => insertTemplate(context));
}

/** A click on a problem. */
export function goToCell(sheet: string, cell: string): Promise<void> {
  return Excel.run((context) => selectCell(context, sheet, cell));
}
