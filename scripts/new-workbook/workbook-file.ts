import {
  type Alignment,
  type Borders,
  type Cell as ExcelCell,
  type Fill,
  type Font,
  type PageSetup,
  type Style,
  Workbook,
  type Worksheet,
} from "exceljs";
import { BASE_FONT_SIZE, cellStyles, DEFAULT_ROW_HEIGHT, type CellStyle, type SheetLayout } from "../../core";
import { hyperlinkFormula } from "../../core/a1";
import { writeFileAtomically } from "../cli/atomic-write";
import "./zip-utf8";
import { LABELS } from "../cli/messages";
import { deflateStoredZip } from "./zip-deflate";

/**
 * New workbooks built with exceljs: the template and test fixtures. A user's workbook is never written here: the
 * workbook-file layer (read-workbook.ts, amend.ts) reads it and amends it part by part.
 */

/**
 * Writes each layout as a new sheet at the end of the workbook. Strings are always written as strings. Cells of one
 * style share one style object, as after exceljs reads a file: give a cell a new `style` rather than change its own.
 */
export function writeLayouts(workbook: Workbook, layouts: readonly SheetLayout[]): Worksheet[] {
  return layouts.map((layout) => writeLayout(workbook, layout));
}

function writeLayout(workbook: Workbook, layout: SheetLayout): Worksheet {
  const sheet = workbook.addWorksheet(layout.name, {
    properties: { defaultRowHeight: DEFAULT_ROW_HEIGHT },
    views: [layout.freezeRows > 0 ? { state: "frozen", xSplit: 0, ySplit: layout.freezeRows } : { state: "normal" }],
    pageSetup: pageSetup(layout),
    headerFooter: { oddFooter: `&C${LABELS.pageFooter}` },
  });
  const width = layout.values.reduce((most, row) => Math.max(most, row.length), layout.widths.length);
  const columnFont = { name: layout.font, size: BASE_FONT_SIZE };
  for (let c = 0; c < width; c++) {
    const column = sheet.getColumn(c + 1);
    if (layout.widths[c] !== undefined) column.width = layout.widths[c];
    column.font = columnFont;
  }
  for (const c of layout.hiddenColumns) sheet.getColumn(c + 1).hidden = true;
  const styles = cellStyles(layout);
  const excelStyle = excelStyles(layout.font);
  layout.values.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      // exceljs writes a formula only from {formula}: a string that starts with "=" stays text.
      if (value !== null) cell.value = value;
      cell.style = excelStyle(styles[r][c], layout.formats[r]?.[c] ?? null);
    });
  });
  // Each cell keeps its own style: exceljs would otherwise point the covered cells at the master's style object.
  for (const merge of layout.merges) sheet.mergeCellsWithoutStyle(merge);
  for (const link of layout.links) writeLink(sheet.getCell(link.cell), link.sheet, link.address);
  for (const run of layout.rowHeights) {
    for (let row = run.from; row <= run.to; row++) sheet.getRow(row).height = run.height;
  }
  for (const row of layout.pageBreaks) sheet.getRow(row - 1).addPageBreak();
  return sheet;
}

function pageSetup(layout: SheetLayout): Partial<PageSetup> {
  const { landscape, fitToWidth, titleRows } = layout.print;
  return {
    paperSize: 9, // A4
    orientation: landscape ? "landscape" : "portrait",
    fitToPage: fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows && { printTitlesRow: `${titleRows[0]}:${titleRows[1]}` }),
  };
}

const THIN = { style: "thin" } as const;
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const argb = (hex: string) => ({ argb: `FF${hex.toUpperCase()}` });

/**
 * The exceljs style of a layout style and number format, one object per distinct pair. exceljs renders a cell's
 * style to XML on save unless it has seen that very object before: sharing turns one render per cell into one per style.
 */
function excelStyles(fontName: string): (style: CellStyle, numFmt: string | null) => Partial<Style> {
  const made = new Map<CellStyle, Map<string | null, Partial<Style>>>();
  return (style, numFmt) => {
    let byFormat = made.get(style);
    if (!byFormat) made.set(style, (byFormat = new Map()));
    let excel = byFormat.get(numFmt);
    if (!excel) byFormat.set(numFmt, (excel = excelStyle(fontName, style, numFmt)));
    return excel;
  };
}

function excelStyle(fontName: string, style: CellStyle, numFmt: string | null): Partial<Style> {
  const font: Partial<Font> = { name: fontName, size: style.size ?? BASE_FONT_SIZE };
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.underline) font.underline = true;
  if (style.color) font.color = argb(style.color);
  const alignment: Partial<Alignment> = { vertical: "middle" };
  if (style.align) alignment.horizontal = style.align;
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  const excel: Partial<Style> = { font, alignment };
  if (numFmt) excel.numFmt = numFmt;
  if (style.fill) excel.fill = { type: "pattern", pattern: "solid", fgColor: argb(style.fill) } as Fill;
  if (style.border) excel.border = BORDER;
  return excel;
}

/**
 * A link to a cell of this workbook. exceljs writes `hyperlink: "#Sheet!A5"` as an external relationship, which
 * Excel tries to open as a file; a HYPERLINK formula with its cached text works in Excel and LibreOffice.
 */
function writeLink(cell: ExcelCell, sheet: string, address: string): void {
  const text = cell.value === null || cell.value === undefined ? address : String(cell.value);
  cell.value = { formula: hyperlinkFormula(sheet, address, text), result: text };
}

/** Writes the workbook whole or not at all (temporary file in the same folder, then rename). */
/** An empty workbook that COMA makes: through this module, so that exceljs loads only with it (bundle.mjs). */
export function newWorkbook(): Workbook {
  const workbook = new Workbook();
  workbook.creator = "COMA";
  return workbook;
}

export async function saveWorkbook(workbook: Workbook, file: string): Promise<void> {
  shareEmptyRowStyles(workbook);
  const stored = await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  writeFileAtomically(file, deflateStoredZip(Buffer.from(stored)));
}

/**
 * exceljs gives every row its own empty style object, and on save renders each one to XML only to find the default
 * style, unless it has met that very object before: one shared object saves a render per row (a fifth of the save
 * of a 14,000-row workbook).
 */
function shareEmptyRowStyles(workbook: Workbook): void {
  const empty = {};
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      const styled = row as unknown as { style: object }; // exceljs has it, its types don't
      if (Object.keys(styled.style).length === 0) styled.style = empty;
    });
  }
}
