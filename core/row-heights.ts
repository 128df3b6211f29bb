import { parseA1 } from "./a1";
import { BASE_FONT_SIZE, cellStyles } from "./cell-styles";
import type { RowHeightRun, SheetLayout } from "./layout";

/** Points of row height per line of text, per point of font size. */
const LINE_HEIGHT = 1.3;
const PADDING = 2;
const DEFAULT_WIDTH = 9;
/** One line of the base font: the height of rows left to Excel. */
export const DEFAULT_ROW_HEIGHT = Math.ceil(BASE_FONT_SIZE * LINE_HEIGHT);

/**
 * Heights for the rows whose wrapped or large text needs more than one default line, as runs of equal height
 * (1-based rows, points). Neither Excel nor LibreOffice grows a row for wrapped text in merged cells, and Excel
 * does not measure rows when opening a file, so core estimates the lines from the column widths (in widths of
 * "0") once, and both adapters write the same heights.
 */
export function rowHeightRuns(layout: SheetLayout): RowHeightRun[] {
  const runs: RowHeightRun[] = [];
  for (const [row, height] of rowHeights(layout)) {
    const last = runs[runs.length - 1];
    if (last && last.to === row && last.height === height) last.to = row + 1;
    else runs.push({ from: row + 1, to: row + 1, height });
  }
  return runs;
}

/** Heights by 0-based row, in row order, of the rows taller than the default. */
function rowHeights(layout: SheetLayout): Map<number, number> {
  const styles = cellStyles(layout);
  const spans = mergeSpans(layout.merges);
  const heights = new Map<number, number>();
  const single = Math.max(DEFAULT_ROW_HEIGHT, BASE_FONT_SIZE * LINE_HEIGHT + PADDING);
  const hidden = new Set(layout.hiddenColumns);
  layout.values.forEach((row, r) => {
    const rowSpans = spans.get(r);
    let needed = single;
    row.forEach((value, c) => {
      if (value === null || hidden.has(c)) return;
      const span = rowSpans?.get(c);
      if (span === COVERED || (span && span.lastRow !== r)) return;
      const style = styles[r]?.[c] ?? {};
      const size = style.size ?? BASE_FONT_SIZE;
      let width = 0;
      for (let k = c; k <= (span?.lastColumn ?? c); k++) width += layout.widths[k] ?? DEFAULT_WIDTH;
      const lines = style.wrap && typeof value === "string" ? countLines(value, width - (style.indent ?? 0) * 1.5, size, !!style.bold) : 1;
      needed = Math.max(needed, lines * size * LINE_HEIGHT + PADDING);
    });
    if (needed > single) heights.set(r, Math.ceil(needed));
  });
  return heights;
}

type Span = { lastRow: number; lastColumn: number };
const COVERED: Span = { lastRow: -1, lastColumn: -1 };

/** Each merge's master cell with its extent, by row and column; the other cells of a merge are COVERED. */
function mergeSpans(merges: readonly string[]): Map<number, Map<number, Span>> {
  const spans = new Map<number, Map<number, Span>>();
  const at = (r: number) => spans.get(r) ?? spans.set(r, new Map()).get(r)!;
  for (const merge of merges) {
    const { row, column, rows, columns } = parseA1(merge);
    for (let r = row; r < row + rows; r++) {
      for (let c = column; c < column + columns; c++) at(r).set(c, COVERED);
    }
    at(row).set(column, { lastRow: row + rows - 1, lastColumn: column + columns - 1 });
  }
  return spans;
}

/** Greedy word wrap with rough Times New Roman character widths. */
function countLines(text: string, width: number, size: number, bold: boolean): number {
  const scale = (size / BASE_FONT_SIZE) * (bold ? 1.065 : 1);
  const room = Math.max(width - 0.3, 1);
  // Most wrapped cells (codes, units, statuses, names) fit on one line: no need to wrap word by word.
  if (!text.includes("\n") && textWidth(text) * scale <= room) return 1;
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word) * scale;
      const space = used === 0 ? 0 : charWidth(SPACE) * scale;
      if (used > 0 && used + space + w > room) {
        lines++;
        used = w;
      } else {
        used += space + w;
      }
      while (used > room) {
        lines++;
        used -= room;
      }
    }
  }
  return lines;
}

function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++; // the low half of a surrogate pair
    width += charWidth(code);
  }
  return width;
}

/**
 * Advance widths of Times New Roman (Liberation Serif) at 12 pt, in widths of "0" of the workbook's default
 * font (Calibri 11, 7 px): a letter with diacritics is as wide as its base letter.
 */
const WIDTH_CLASSES: [number, string][] = [
  [0.57, " ,."],
  [0.64, "ijlt:;/'"],
  [0.76, "frI!()-"],
  [0.89, "sJ"],
  [1.01, "acez?“”"],
  [1.27, "FPS"],
  [1.4, "ELTZ"],
  [1.52, "BCR"],
  [1.65, "ADGHKNOQUVXYwĐ"],
  [1.78, "m"],
  [1.9, "%"],
  [2.03, "M"],
  [2.16, "W"],
];
const WIDTHS = new Map(WIDTH_CLASSES.flatMap(([width, chars]) => [...chars].map((ch) => [ch, width] as const)));
const DEFAULT_CHAR_WIDTH = 1.14;
const SPACE = 0x20;
/** Widths by code point of the characters met so far: `normalize`, to find a letter's base, is too slow per character. */
const knownWidths = new Map<number, number>();
/** Vietnamese text uses a few hundred characters; random Unicode (the fuzzer's) must not grow the map for ever. */
const KNOWN_WIDTHS_LIMIT = 10_000;

function charWidth(code: number): number {
  let width = knownWidths.get(code);
  if (width === undefined) {
    const ch = String.fromCodePoint(code);
    const base = ch === "Đ" || ch === "đ" ? ch : ch.normalize("NFD")[0];
    width = WIDTHS.get(base) ?? DEFAULT_CHAR_WIDTH;
    if (knownWidths.size < KNOWN_WIDTHS_LIMIT) knownWidths.set(code, width);
  }
  return width;
}
