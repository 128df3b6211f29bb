import {
  collectFileName,
  defaultYear,
  message,
  planCollect,
  planSummary,
  readWorkbook,
  summaryFileName,
  SUMMARY_FOOTER,
  type UnitFileInput,
} from "../core";
import {
  amendCells,
  amendWorkbook,
  formulaAndMergedCells,
  LIMITS,
  openWorkbook,
  placementGrids,
  refusalMessage,
  WorkbookFileError,
  type OpenedWorkbook,
} from "../workbook";
import type { ChosenFile, PageReply, PageRequest } from "./protocol";

/**
 * The page's work, off the main thread: the workbook read and checked, the summary planned and written, exactly as
 * the command line does it (scripts/cli/commands.ts), and the collecting round as `coma collect` does it
 * (scripts/cli/collect-commands.ts), with the same layer and the same deflater. The page stays
 * responsive on a workbook at the command line's limits, and shows each step as progress.
 */

interface WorkerScope {
  onmessage: ((event: MessageEvent<PageRequest>) => void) | null;
  postMessage(reply: PageReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** The file being read (its name words a refusal), and the workbook once read. */
let fileName = "";
let opened: OpenedWorkbook | null = null;

scope.onmessage = (event) => {
  try {
    answer(event.data);
  } catch (error) {
    if (error instanceof WorkbookFileError) scope.postMessage({ type: "refused", message: refusalMessage(error, fileName) });
    else scope.postMessage({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
  }
};

function answer(request: PageRequest): void {
  if (request.type === "open") {
    opened = null;
    fileName = request.name;
    scope.postMessage({ type: "progress", step: "reading" });
    const workbook = (opened = openWithin(request.bytes));
    scope.postMessage({ type: "progress", step: "checking" });
    const read = readWorkbook(workbook.grids);
    const worksheets = workbook.sheets.filter((s) => s.kind === "worksheet");
    scope.postMessage({
      type: "checked",
      read,
      sheetOrder: worksheets.map((s) => s.name),
      hidden: worksheets.filter((s) => s.state !== "visible").map((s) => s.name),
      defaultYear: read.sheets.length === 0 ? null : defaultYear(read.indicators),
    });
    return;
  }
  if (request.type === "collect") {
    collect(request.units, request.overwrite);
    return;
  }
  if (!opened) return;
  const workbook = opened;
  scope.postMessage({ type: "progress", step: "planning" });
  const { year, month, day } = request.date;
  const plan = planSummary(placementGrids(workbook), { year: request.year ?? undefined, date: new Date(year, month - 1, day) });
  if (plan === null) {
    scope.postMessage({ type: "refused", message: message({ rule: "no-target-sheet", params: {} }) });
    return;
  }
  scope.postMessage({ type: "progress", step: "writing" });
  const written = amendWorkbook(workbook, { layout: plan.layout, replaces: plan.placement.replaces, footer: SUMMARY_FOOTER });
  const bytes = written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer;
  scope.postMessage(
    {
      type: "summary",
      model: plan.model,
      layout: plan.layout,
      bytes,
      fileName: summaryFileName(fileName, plan.model.year),
      sheet: plan.placement.name,
      replaced: plan.placement.replaces,
    },
    [bytes],
  );
}

/** A workbook within the command line's limits, or the layer's refusal. */
function openWithin(bytes: ArrayBuffer): OpenedWorkbook {
  if (bytes.byteLength > LIMITS.fileBytes)
    throw new WorkbookFileError("file-too-large", { size: bytes.byteLength, limit: LIMITS.fileBytes });
  return openWorkbook(new Uint8Array(bytes));
}

/** The units' figures into the master opened last: the plan shown, the master's bytes amended (never the master's file). */
function collect(files: readonly ChosenFile[], overwrite: boolean): void {
  if (!opened) return;
  const master = opened;
  const units: UnitFileInput[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      units.push({ file: file.name, grids: openWithin(file.bytes).grids });
    } catch (error) {
      if (!(error instanceof WorkbookFileError)) throw error;
      unreadable.push(refusalMessage(error, file.name));
    }
  }
  const sheets = master.grids.map((g) => g.name);
  const plan = planCollect({ grids: master.grids, ...formulaAndMergedCells(master, sheets) }, units, { overwrite });
  if (plan === null) {
    scope.postMessage({ type: "collect-refused", message: message({ rule: "no-target-sheet", params: {} }) });
    return;
  }
  const written = amendCells(master, plan.writes);
  const bytes = written.buffer.slice(written.byteOffset, written.byteOffset + written.byteLength) as ArrayBuffer;
  scope.postMessage({ type: "collected", plan, unreadable, bytes, fileName: collectFileName(fileName, plan.year) }, [bytes]);
}
