import { cellAddress, columnLetters, hyperlinkFormula, parseA1, type SheetLayout } from "../core";
import { escapeAttribute, escapeText } from "./xml";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Width of a column the layout leaves open, in characters (Excel's default). */
const DEFAULT_WIDTH = 9.140625;

export interface SheetStyles {
  /** The `xf` index of each cell of the layout, same shape as its values. */
  cells: number[][];
  /** The `xf` of the columns, so that what the user types there later is in the layout's font. */
  column: number;
}

/**
 * A layout as a worksheet part. Text is written as inline strings, never as a formula, whatever it begins with
 * (`=`, `+`, `-`, `@`); the only formulas are the layout's links. `footer` is the page footer (header-footer codes).
 */
export function worksheetXml(layout: SheetLayout, styles: SheetStyles, footer: string, drawingId: string | null): string {
  const width = layout.values.reduce((most, row) => Math.max(most, row.length), layout.widths.length);
  const links = new Map(layout.links.map((l) => [l.cell, l]));
  const heights = new Map<number, number>();
  for (const run of layout.rowHeights) for (let r = run.from; r <= run.to; r++) heights.set(r, run.height);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${RELATIONSHIPS_NS}">`,
    layout.print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "",
    `<dimension ref="A1:${columnLetters(Math.max(width, 1) - 1)}${Math.max(layout.values.length, 1)}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${frozenPane(layout.freezeRows)}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15.75"/>',
    columns(layout, width, styles.column),
    "<sheetData>",
  ];
  let rows = layout.values.length;
  for (const run of layout.rowHeights) rows = Math.max(rows, run.to);
  for (let r = 0; r < rows; r++) {
    const height = heights.get(r + 1);
    const cells: string[] = [];
    const values = layout.values[r] ?? [];
    for (let c = 0; c < values.length; c++) {
      const address = cellAddress(r, c);
      const xf = styles.cells[r]?.[c] ?? 0;
      const link = links.get(address);
      const value = values[c];
      if (link) {
        const text = value === null ? link.address : String(value);
        cells.push(
          `<c r="${address}" s="${xf}" t="str"><f>${escapeText(hyperlinkFormula(link.sheet, link.address, text))}</f><v>${escapeText(text)}</v></c>`,
        );
      } else if (typeof value === "number" && Number.isFinite(value)) {
        cells.push(`<c r="${address}" s="${xf}"><v>${value}</v></c>`);
      } else if (typeof value === "string") {
        cells.push(`<c r="${address}" s="${xf}" t="inlineStr"><is><t xml:space="preserve">${escapeText(value)}</t></is></c>`);
      } else if (xf !== styles.column) {
        cells.push(`<c r="${address}" s="${xf}"/>`);
      }
    }
    if (cells.length === 0 && height === undefined) continue;
    out.push(`<row r="${r + 1}"${height === undefined ? "" : ` ht="${height}" customHeight="1"`}>`, ...cells, "</row>");
  }
  out.push("</sheetData>");
  if (layout.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (layout.merges.length > 0)
    out.push(`<mergeCells count="${layout.merges.length}">`, ...layout.merges.map((m) => `<mergeCell ref="${m}"/>`), "</mergeCells>");
  out.push(
    '<printOptions horizontalCentered="1"/>',
    '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${layout.print.landscape ? "landscape" : "portrait"}"${layout.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ""}/>`,
    `<headerFooter><oddFooter>${escapeText(footer)}</oddFooter></headerFooter>`,
    rowBreaks(layout.pageBreaks),
    drawingId === null ? "" : `<drawing r:id="${escapeAttribute(drawingId)}"/>`,
    "</worksheet>",
  );
  return out.join("");
}

function frozenPane(rows: number): string {
  if (rows <= 0) return "";
  return `<pane ySplit="${rows}" topLeftCell="A${rows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${rows + 1}" sqref="A${rows + 1}"/>`;
}

function columns(layout: SheetLayout, width: number, xf: number): string {
  if (width === 0) return "";
  const hidden = new Set(layout.hiddenColumns);
  const cols: string[] = [];
  for (let c = 0; c < width; c++) {
    const custom = layout.widths[c] !== undefined;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}" width="${layout.widths[c] ?? DEFAULT_WIDTH}"${custom ? ' customWidth="1"' : ""} style="${xf}"${hidden.has(c) ? ' hidden="1"' : ""}/>`,
    );
  }
  return `<cols>${cols.join("")}</cols>`;
}

/** `'Tổng hợp'!$B$12:$B$14`: a range of the sheet for a defined name or a chart. */
export function absoluteReference(sheet: string, range: string): string {
  const rect = parseA1(range);
  const first = `$${columnLetters(rect.column)}$${rect.row + 1}`;
  const last = `$${columnLetters(rect.column + rect.columns - 1)}$${rect.row + rect.rows}`;
  return `${quotedSheet(sheet)}!${first}${rect.rows === 1 && rect.columns === 1 ? "" : `:${last}`}`;
}

export const quotedSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Manual page breaks: a `brk` id is the row after which a page ends, so a page starting at row R breaks at R − 1. */
function rowBreaks(pageStarts: readonly number[]): string {
  if (pageStarts.length === 0) return "";
  const breaks = pageStarts.map((row) => `<brk id="${row - 1}" max="16383" man="1"/>`).join("");
  return `<rowBreaks count="${pageStarts.length}" manualBreakCount="${pageStarts.length}">${breaks}</rowBreaks>`;
}
