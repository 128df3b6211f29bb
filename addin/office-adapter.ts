/* global Excel, Office */
import {
  BASE_FONT_SIZE,
  freeNames,
  isPercentFormat,
  templateLayouts,
  type Cell,
  type ChartSpec,
  type Problem,
  type SheetGrid,
  type SheetLayout,
  type SummaryPlan,
} from "../core";
import { parseA1, rectAddress, splitAddress } from "../core/a1";
import {
  cellBlocks,
  columnRange,
  jsonBytes,
  PATH_BYTES,
  rowHeightAreas,
  rowHeightRanges,
  SET_BYTES,
  styleAreaGroups,
  styleGroups,
  widthRanges,
  type RowHeightWrite,
  type StyleGroup,
} from "./layout-plan";
import { ui } from "./ui-text";

/**
 * The workbook port for Office.js, twin of the workbook-file layer in workbook/: reads every sheet as plain grids
 * for core and writes the SheetLayouts core builds. Each function takes the context of ONE Excel.run, queues
 * its work, syncs as few times as it can (reading: once) and never syncs in a loop except to split a request
 * that would pass the size Excel accepts.
 */

/**
 * Excel on the web refuses a request or a response above 5 MB. Requests are split where the estimate reaches
 * 4.5 MB: the estimate is never under office.js's own serialisation of the same actions (6–9% over, measured in
 * test/addin/office-js-requests.test.ts), so no real request passes 4.5 MB.
 */
export const REQUEST_LIMIT = 4_500_000;
/** Cells per read request at most, however small they are, when a workbook is too big to read at once. */
export const CELLS_PER_READ = 100_000;
/**
 * Bytes a stepwise read may ask back in one response. Each request is sized from the densest row read so far
 * (long texts, a household list, take ~100 bytes a cell), starting from FIRST_CELL_BYTES a cell.
 */
export const RESPONSE_BUDGET = 2_500_000;
const FIRST_CELL_BYTES = 250;
const MIN_CELL_BYTES = 20;
/** Fills that "Đánh dấu" gives problem cells: Excel's own "Bad" and "Neutral" colours. */
export const MARK_FILLS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
/** Workbook setting that keeps the fills marked cells had, so that "Bỏ đánh dấu" works after the pane is closed. */
export const MARK_SETTING = "COMA.marks";

export interface WorkbookSnapshot {
  /** Every worksheet (hidden ones too), in workbook order. */
  grids: SheetGrid[];
  /** Names of hidden and very hidden sheets. */
  hidden: string[];
}

export interface WriteStats {
  /** context.sync() calls the write took. */
  syncs: number;
  /** Estimated bytes of the requests. */
  bytes: number;
}

export function errorCode(error: unknown): string | null {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : null;
}

/**
 * Whether the host has an ExcelApi requirement set; outside Office (unit tests) everything is assumed. The
 * manifest asks for ExcelApi 1.4; everything newer is used behind this check (list in addin/README.md).
 */
export function supports(version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}

// ───────────────────────────── reading ─────────────────────────────

/** How many sheets the one-sync read walks; learnt from the last read so that big workbooks stay one sync. */
let sheetSlots = 16;

/**
 * Every worksheet's used range (values and number formats) with names and visibility, in ONE sync: the sheets
 * are walked with getFirst()/getNextOrNullObject() so nothing has to be known first. A workbook with more
 * sheets than the walk covers, or too big for one response, is read in steps instead (names, then used
 * addresses, then row blocks of at most CELLS_PER_READ cells).
 */
export async function readGrids(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  if (!supports("1.5")) return readInSteps(context); // no getFirst()/getNextOrNullObject() to walk with
  try {
    const snapshot = await readInOneSync(context, sheetSlots);
    if (snapshot) return snapshot;
  } catch (error) {
    if (errorCode(error) === "InvalidOperationInCellEditMode") throw error;
    // Too big for one response, or a host that refuses the walk: read in steps.
  }
  return readInSteps(context);
}

async function readInOneSync(context: Excel.RequestContext, slots: number): Promise<WorkbookSnapshot | null> {
  const worksheets = context.workbook.worksheets;
  const count = worksheets.getCount();
  const walked: { sheet: Excel.Worksheet; used: Excel.Range }[] = [];
  let sheet = worksheets.getFirst();
  for (let i = 0; i < slots; i++) {
    sheet.load("name,visibility");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,values,numberFormat");
    walked.push({ sheet, used });
    if (i + 1 < slots) sheet = sheet.getNextOrNullObject();
  }
  await context.sync();
  sheetSlots = Math.min(256, Math.max(16, count.value + 4));
  // eslint-disable-next-line office-addins/load-object-before-read -- a ClientResult (getCount) is read after sync, not loaded
  if (count.value > slots) return null;
  const present = walked.filter((w) => !w.sheet.isNullObject);
  return {
    grids: present.map(({ sheet, used }) =>
      used.isNullObject ? emptyGrid(sheet.name) : toGrid(sheet.name, used.address, used.values, used.numberFormat),
    ),
    hidden: present.filter((w) => w.sheet.visibility !== "Visible").map((w) => w.sheet.name),
  };
}

async function readInSteps(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = worksheets.items;
  sheetSlots = Math.min(256, Math.max(16, sheets.length + 4));
  const used = sheets.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("address");
    return range;
  });
  await context.sync();
  const parts: ReadPart[] = [];
  let batch: ReadPart[] = [];
  let cellBytes = FIRST_CELL_BYTES;
  const send = async () => {
    await context.sync(); // only when one response would be too big: bounded by the workbook's size
    cellBytes = Math.max(MIN_CELL_BYTES, ...batch.map(densestRow));
    batch = [];
  };
  for (const [i, range] of used.entries()) {
    if (range.isNullObject) continue;
    const rect = parseA1(splitAddress(range.address).reference);
    for (let r = 0; r < rect.rows;) {
      const room = Math.min(CELLS_PER_READ, Math.floor(RESPONSE_BUDGET / cellBytes)) - batch.reduce((n, p) => n + p.rows * p.columns, 0);
      if (room < rect.columns && batch.length > 0) {
        await send();
        continue;
      }
      const rows = Math.max(1, Math.min(rect.rows - r, Math.floor(room / rect.columns)));
      const part: ReadPart = { sheet: i, top: rect.row + r, left: rect.column, rows, columns: rect.columns };
      part.range = sheets[i].getRange(rectAddress({ row: part.top, column: part.left, rows, columns: part.columns }));
      part.range.load("values,numberFormat");
      parts.push(part);
      batch.push(part);
      r += rows;
    }
  }
  if (batch.length > 0) await send();
  const grids = sheets.map((sheet, i) => {
    const own = parts.filter((p) => p.sheet === i);
    if (own.length === 0) return emptyGrid(sheet.name);
    const values = own.flatMap((p) => p.range!.values);
    const formats = own.flatMap((p) => p.range!.numberFormat);
    return gridFrom(sheet.name, own[0].top, own[0].left, values, formats);
  });
  return { grids, hidden: sheets.filter((s) => s.visibility !== "Visible").map((s) => s.name) };
}

interface ReadPart {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  columns: number;
  range?: Excel.Range;
}

/** The most bytes a cell of one row of a loaded part took in the response (values and number formats, as JSON). */
function densestRow(part: ReadPart): number {
  const { values, numberFormat } = part.range!;
  let densest = 0;
  values.forEach((row, r) => {
    let bytes = 0;
    row.forEach((value, c) => (bytes += cellJsonBytes(value) + cellJsonBytes(numberFormat[r]?.[c]) + 2));
    densest = Math.max(densest, bytes / Math.max(1, row.length));
  });
  return densest;
}

function cellJsonBytes(value: unknown): number {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? jsonBytes(value) : 4;
}

function emptyGrid(name: string): SheetGrid {
  return { name, values: [], formats: [], top: 0, left: 0 };
}

function toGrid(name: string, address: string, values: unknown[][], formats: unknown[][]): SheetGrid {
  const rect = parseA1(splitAddress(address).reference);
  return gridFrom(name, rect.row, rect.column, values, formats);
}

/** Office.js gives "" for blank cells, error literals ("#DIV/0!") as strings, and "General" for no format. */
function gridFrom(name: string, top: number, left: number, values: unknown[][], formats: unknown[][]): SheetGrid {
  return {
    name,
    top,
    left,
    values: values.map((row) => row.map(toCell)),
    formats: formats.map((row) => row.map((f) => (typeof f === "string" && f !== "General" ? f : null))),
  };
}

function toCell(value: unknown): Cell {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

// ───────────────────────────── writing ─────────────────────────────

interface Op {
  bytes: number;
  /** `request`: how many syncs came before, so that an op can tell that proxies from an earlier request are gone. */
  run: (request: number) => void;
}

/** Queues the operations and syncs once, or a few times when one request would pass REQUEST_LIMIT. */
async function runOps(context: Excel.RequestContext, ops: readonly Op[]): Promise<WriteStats> {
  const stats: WriteStats = { syncs: 0, bytes: 0 };
  let pending = 0;
  for (const op of ops) {
    if (pending > 0 && pending + op.bytes > REQUEST_LIMIT) {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- splits a request only when Excel would refuse it
      await context.sync(); // split only because Excel would refuse a bigger request
      stats.syncs++;
      pending = 0;
    }
    op.run(stats.syncs);
    pending += op.bytes;
    stats.bytes += op.bytes;
  }
  if (pending > 0) {
    await context.sync();
    stats.syncs++;
  }
  return stats;
}

export interface LayoutTarget {
  layout: SheetLayout;
  /** A sheet COMA wrote before, to delete in the same request. */
  replaces: string | null;
  /** 0-based position for the new sheet (where the replaced one was); null appends. */
  position: number | null;
}

/** The operations that write one layout as a new sheet; `activate` makes it the active sheet at the end. */
export function layoutOps(context: Excel.RequestContext, target: LayoutTarget, activate: boolean): Op[] {
  const { layout, replaces, position } = target;
  const worksheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  let sheetRequest = 0;
  const onSheet = (run: (sheet: Excel.Worksheet) => void, bytes = 2 * PATH_BYTES + SET_BYTES): Op => ({
    bytes,
    run: (request) => {
      // office.js refuses the proxy that worksheets.add() returned once its request has gone: find the sheet by name
      if (request !== sheetRequest) {
        sheet = worksheets.getItem(layout.name);
        sheetRequest = request;
      }
      run(sheet);
    },
  });
  const sameName = replaces !== null && replaces.toLowerCase() === layout.name.toLowerCase();
  const ops: Op[] = [
    {
      bytes: 3 * PATH_BYTES + 4 * SET_BYTES,
      run: (request) => {
        sheetRequest = request;
        // Add first, then delete: the old sheet may be the only visible one, which Excel would refuse to delete.
        sheet = worksheets.add(sameName ? temporaryName() : layout.name);
        if (replaces !== null) worksheets.getItem(replaces).delete();
        if (sameName) sheet.name = layout.name;
        if (position !== null && position >= 0) sheet.position = position;
      },
    },
  ];
  for (const block of cellBlocks(layout)) {
    ops.push(
      onSheet((s) => {
        const range = s.getRange(rectAddress({ row: block.row, column: 0, rows: block.rows, columns: block.columns }));
        range.numberFormat = block.formats; // "@" before values: text stays text, never a formula or a date;
        // the only formulas are the HYPERLINK links back to source rows, which COMA builds itself
        range.values = block.values;
      }, block.bytes),
    );
  }
  ops.push(
    onSheet(
      (s) => {
        const all = s.getRange();
        all.format.font.name = layout.font;
        all.format.font.size = BASE_FONT_SIZE;
        all.format.verticalAlignment = "Center";
      },
      3 * PATH_BYTES + 3 * SET_BYTES,
    ),
  );
  for (const merge of layout.merges) ops.push(onSheet((s) => s.getRange(merge).merge(false), PATH_BYTES + SET_BYTES + merge.length));
  // Core's styles, grouped by their properties into multiple-area ranges where the host has them (bordered
  // rectangles stay one range each), so that thousands of status cells still write in one request.
  const areas = supports("1.9");
  for (const group of areas ? styleAreaGroups(layout) : styleGroups(layout)) {
    const target = (s: Excel.Worksheet) => (areas && !group.props.border ? s.getRanges(group.range) : s.getRange(group.range));
    ops.push(onSheet((s) => applyStyle(target(s), group), group.bytes));
  }
  for (const { range, points } of widthRanges(layout.widths))
    ops.push(onSheet((s) => void (s.getRange(range).format.columnWidth = points)));
  for (const column of layout.hiddenColumns) ops.push(onSheet((s) => void (s.getRange(columnRange(column)).columnHidden = true)));
  // Core's heights, as the command line writes them: runs of equal height, grouped by height into multiple-area
  // ranges where the host has them, so that thousands of rows still write in one request.
  const heights: RowHeightWrite[] = areas ? rowHeightAreas(layout) : rowHeightRanges(layout);
  for (const { address, points, bytes } of heights) {
    ops.push(onSheet((s) => void ((areas ? s.getRanges(address) : s.getRange(address)).format.rowHeight = points), bytes));
  }
  // Series from ranges (series.add, setValues, setXAxisValues) are ExcelApi 1.7: older hosts get the table alone.
  const chart = layout.chart;
  if (chart && supports("1.7")) ops.push(onSheet((s) => addChart(s, chart), (6 + 5 * chart.series.length) * (PATH_BYTES + SET_BYTES)));
  if (layout.freezeRows > 0 && supports("1.7")) ops.push(onSheet((s) => s.freezePanes.freezeRows(layout.freezeRows)));
  if (supports("1.9"))
    ops.push(
      onSheet((s) => printSetup(s, layout), (4 + layout.pageBreaks.length) * PATH_BYTES + (12 + layout.pageBreaks.length) * SET_BYTES),
    );
  if (activate) {
    ops.push(
      onSheet(
        (s) => {
          s.activate();
          s.getRange("A1").select();
        },
        PATH_BYTES + 2 * SET_BYTES,
      ),
    );
  }
  return ops;
}

function temporaryName(): string {
  return `COMA ${Date.now().toString(36)}`;
}

/** Every style property of one rectangle or of several areas, through one `format` (and one `font`, one `fill`). */
function applyStyle(range: Excel.Range | Excel.RangeAreas, group: StyleGroup): void {
  const format = range.format;
  const { fill, color, bold, italic, underline, size, align, wrap, indent, border } = group.props;
  if (fill) format.fill.color = `#${fill}`;
  if (color || bold || italic || underline || size) {
    const font = format.font;
    if (color) font.color = `#${color}`;
    if (bold) font.bold = true;
    if (italic) font.italic = true;
    if (underline) font.underline = "Single";
    if (size) font.size = Number(size);
  }
  if (align) format.horizontalAlignment = align === "center" ? "Center" : align === "right" ? "Right" : "Left";
  if (wrap) format.wrapText = true;
  if (indent && supports("1.9")) format.indentLevel = Number(indent);
  if (border) {
    const { rows, columns } = parseA1(group.range);
    const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical")[] = [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
    ];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const item = format.borders.getItem(edge);
      item.style = "Continuous";
      item.weight = "Thin";
      item.color = "#000000";
    }
  }
}

/** The stacked bar chart of a layout, one series per status with its colour, over the cells of its anchor. */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = sheet.charts.add("BarStacked", sheet.getRange(first.values), "Columns");
  chart.title.text = spec.title;
  const [start, end] = spec.anchor.split(":");
  chart.setPosition(start, end ?? start);
  const categories = sheet.getRange(spec.categories);
  [first, ...rest].forEach((wanted, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(wanted.name);
    series.name = wanted.name;
    if (i > 0) series.setValues(sheet.getRange(wanted.values));
    series.setXAxisValues(categories);
    series.format.fill.setSolidColor(`#${wanted.color}`);
  });
}

/** A4 landscape, one page wide, centred, the table header repeated on every page, page numbers in the footer. */
function printSetup(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const page = sheet.pageLayout;
  page.orientation = layout.print.landscape ? "Landscape" : "Portrait";
  page.paperSize = "A4";
  if (layout.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  page.centerHorizontally = true;
  page.leftMargin = 36;
  page.rightMargin = 36;
  page.topMargin = 43;
  page.bottomMargin = 43;
  page.headersFooters.defaultForAllPages.centerFooter = ui("pageFooter");
  const titles = layout.print.titleRows;
  if (titles) page.setPrintTitleRows(`$${titles[0]}:$${titles[1]}`);
  for (const row of layout.pageBreaks) sheet.horizontalPageBreaks.add(`A${row}`);
}

export interface SummaryWritten {
  year: number;
  name: string;
  /** The sheet COMA had made before for this year, now replaced; null when there was none. */
  replaced: string | null;
  headline: string;
  /** `So với kế hoạch năm …` when the sheets hold plans for the year, else null. */
  planHeadline: string | null;
  stats: WriteStats;
}

/**
 * Writes the `Tổng hợp BTV <year>` sheet core planned (replacing only the sheet COMA made for that year): queues
 * the delete, the new sheet, every value and format, and activates it, in ONE sync unless the request would pass
 * REQUEST_LIMIT. `grids` are the sheets the plan was made from, for the position of the replaced sheet.
 */
export async function writeSummary(context: Excel.RequestContext, plan: SummaryPlan, grids: readonly SheetGrid[]): Promise<SummaryWritten> {
  const { model, placement, layout } = plan;
  const position = placement.replaces === null ? null : grids.findIndex((g) => g.name === placement.replaces);
  const stats = await runOps(context, layoutOps(context, { layout, replaces: placement.replaces, position }, true));
  return {
    year: model.year,
    name: placement.name,
    replaced: placement.replaces,
    headline: model.headline,
    planHeadline: model.planHeadline,
    stats,
  };
}

/** Adds the template sheets (the 25 targets, the three former communes' results), never over a sheet. */
export async function insertTemplate(context: Excel.RequestContext): Promise<{ names: string[]; stats: WriteStats }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const layouts = templateLayouts();
  const names = freeNames(
    layouts.map((l) => l.name),
    worksheets.items.map((s) => s.name),
  );
  const ops = layouts.flatMap((layout, i) =>
    layoutOps(context, { layout: { ...layout, name: names[i] }, replaces: null, position: null }, i === 0),
  );
  const stats = await runOps(context, ops);
  return { names, stats: { syncs: stats.syncs + 1, bytes: stats.bytes } };
}

// ───────────────────────────── cells ─────────────────────────────

/** Activates the sheet and selects the cell. Throws ItemNotFound when the sheet is gone. */
export async function selectCell(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
}

export type FixOutcome = "fixed" | "changed";

/** A text-number problem to fix, with the text the check read in its cell. */
export interface FixRequest {
  problem: Problem;
  expected: Cell;
}

/**
 * Writes the numbers text-number problems offer into their cells, only where a cell still holds `expected` (the
 * text the check read). A text ("@") or percentage format goes back to General, or the number would be read as
 * text again, or scaled by 100. Two syncs however many cells: read them all, then write them all (one request).
 */
export async function applyFixes(context: Excel.RequestContext, requests: readonly FixRequest[]): Promise<FixOutcome[]> {
  const probes = requests.map(({ problem }) => {
    if (!problem.fix || !problem.sheet || !problem.cell) throw new Error("applyFixes needs problems with a fix and a cell");
    const probe = context.workbook.worksheets.getItem(problem.sheet).getRange(problem.cell);
    probe.load("values,numberFormat");
    return probe;
  });
  await context.sync();
  const outcomes = requests.map(({ expected }, i): FixOutcome => (toCell(probes[i].values[0]?.[0]) === expected ? "fixed" : "changed"));
  if (!outcomes.includes("fixed")) return outcomes;
  requests.forEach(({ problem }, i) => {
    if (outcomes[i] !== "fixed") return;
    const format = String(probes[i].numberFormat[0]?.[0] ?? "General");
    const target = context.workbook.worksheets.getItem(problem.sheet!).getRange(problem.cell!);
    if (format === "@" || isPercentFormat(format)) target.numberFormat = [["General"]];
    target.values = [[problem.fix!.value]];
  });
  await context.sync();
  return outcomes;
}

// ───────────────────────────── marks ─────────────────────────────

/** A cell's fill as Excel reports it, enough to put it back exactly (no fill included). */
export interface SavedFill {
  color: string | null;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export interface CellMark {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  fill: SavedFill;
}

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;

function fillProperties(): string {
  return supports("1.9") ? "color,pattern,patternColor,tintAndShade,patternTintAndShade" : "color";
}

function savedFill(fill: Excel.RangeFill): SavedFill {
  if (!supports("1.9")) return { color: fill.color };
  return {
    color: fill.color,
    pattern: fill.pattern,
    patternColor: fill.patternColor,
    tintAndShade: fill.tintAndShade,
    patternTintAndShade: fill.patternTintAndShade,
  };
}

function restoreFill(fill: Excel.RangeFill, saved: SavedFill): void {
  const none = saved.pattern === "None" || saved.pattern === null || (saved.pattern === undefined && /^#?FFFFFF$/i.test(saved.color ?? ""));
  if (none || !saved.color) {
    fill.clear();
    return;
  }
  fill.color = saved.color;
  if (saved.pattern && saved.pattern !== "Solid") {
    fill.pattern = saved.pattern as Excel.FillPattern;
    if (saved.patternColor) fill.patternColor = saved.patternColor;
  }
  if (typeof saved.tintAndShade === "number" && saved.tintAndShade !== 0) fill.tintAndShade = saved.tintAndShade;
  if (typeof saved.patternTintAndShade === "number" && saved.patternTintAndShade !== 0)
    fill.patternTintAndShade = saved.patternTintAndShade;
}

function isMarkFill(fill: SavedFill): boolean {
  const colour = (fill.color ?? "").toUpperCase();
  return (fill.pattern === undefined || fill.pattern === "Solid") && (colour === MARK_FILLS.error || colour === MARK_FILLS.warning);
}

/** The cells to mark: one per sheet and cell, an error winning over a warning. */
export function markTargets(problems: readonly Problem[]): Omit<CellMark, "fill">[] {
  const byCell = new Map<string, Omit<CellMark, "fill">>();
  for (const p of problems) {
    if (!p.sheet || !p.cell) continue;
    const k = key(p.sheet, p.cell);
    const seen = byCell.get(k);
    if (!seen || (seen.severity === "warning" && p.severity === "error"))
      byCell.set(k, { sheet: p.sheet, cell: p.cell, severity: p.severity });
  }
  return [...byCell.values()];
}

function parseMarks(value: unknown): CellMark[] {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    return Array.isArray(parsed)
      ? parsed.filter((m): m is CellMark => typeof m?.sheet === "string" && typeof m?.cell === "string" && typeof m?.fill === "object")
      : [];
  } catch {
    return [];
  }
}

/**
 * Colours the problem cells. In one sync each cell's fill is read (by a probe queued before the write, so it is
 * the fill before marking) and the mark is written; a second sync keeps the previous fills in a workbook
 * setting. `known` are the marks this pane made (null after a reload: then the setting is read in the same
 * first sync). A cell marked before keeps its first remembered fill, and stale marks are put back.
 */
export async function markProblems(
  context: Excel.RequestContext,
  problems: readonly Problem[],
  known: readonly CellMark[] | null,
): Promise<CellMark[]> {
  const targets = markTargets(problems);
  if (targets.length === 0) {
    await unmarkProblems(context, known);
    return [];
  }
  const wanted = new Set(targets.map((t) => key(t.sheet, t.cell)));
  const sheetOf = sheetCache(context);
  const setting = known === null ? context.workbook.settings.getItemOrNullObject(MARK_SETTING) : null;
  setting?.load("value");
  for (const mark of known ?? []) {
    if (!wanted.has(key(mark.sheet, mark.cell))) restoreFill(sheetOf(mark.sheet).getRange(mark.cell).format.fill, mark.fill);
  }
  const probes = targets.map((t) => {
    const probe = sheetOf(t.sheet).getRange(t.cell);
    // eslint-disable-next-line office-addins/no-empty-load -- false positive: fillProperties() names the properties
    probe.format.fill.load(fillProperties());
    return probe;
  });
  for (const t of targets) {
    const fill = sheetOf(t.sheet).getRange(t.cell).format.fill;
    fill.clear(); // a solid mark even over a patterned fill
    fill.color = MARK_FILLS[t.severity];
  }
  await context.sync();
  const prior = new Map(
    (known ?? (setting && !setting.isNullObject ? parseMarks(setting.value) : [])).map((m) => [key(m.sheet, m.cell), m]),
  );
  if (known === null) {
    for (const mark of prior.values()) {
      if (!wanted.has(key(mark.sheet, mark.cell))) restoreFill(sheetOf(mark.sheet).getRange(mark.cell).format.fill, mark.fill);
    }
  }
  const marks = targets.map((t, i) => ({ ...t, fill: prior.get(key(t.sheet, t.cell))?.fill ?? savedFill(probes[i].format.fill) }));
  context.workbook.settings.add(MARK_SETTING, JSON.stringify(marks));
  await context.sync();
  return marks;
}

function sheetCache(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    let sheet = sheets.get(name);
    if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
    return sheet;
  };
}

export interface UnmarkResult {
  restored: number;
  /** Cells whose fill the user changed after marking: left as they are. */
  kept: number;
}

/**
 * Puts back the fill each marked cell had, no fill included, except where the user has since given the cell
 * another fill. Reads the current fills in one sync and writes in a second (after a reload of the pane, the
 * remembered fills are read from the workbook setting in a sync before).
 */
export async function unmarkProblems(context: Excel.RequestContext, known: readonly CellMark[] | null): Promise<UnmarkResult> {
  const setting = context.workbook.settings.getItemOrNullObject(MARK_SETTING);
  setting.load("value");
  let marks = known;
  if (marks === null) {
    await context.sync();
    marks = setting.isNullObject ? [] : parseMarks(setting.value);
  }
  const sheetOf = sheetCache(context);
  const probes = marks.map((m) => {
    const probe = sheetOf(m.sheet).getRange(m.cell);
    // eslint-disable-next-line office-addins/no-empty-load -- false positive: fillProperties() names the properties
    probe.format.fill.load(fillProperties());
    return probe;
  });
  if (known !== null || probes.length > 0) await context.sync();
  let restored = 0;
  marks.forEach((mark, i) => {
    if (!isMarkFill(savedFill(probes[i].format.fill))) return;
    restoreFill(sheetOf(mark.sheet).getRange(mark.cell).format.fill, mark.fill);
    restored++;
  });
  if (!setting.isNullObject) setting.delete();
  if (restored > 0 || !setting.isNullObject) await context.sync();
  return { restored, kept: marks.length - restored };
}
