import { cellAddress } from "./a1";
import { MAX_CELL_TEXT } from "./grid";
import { rowHeightRuns } from "./row-heights";

/**
 * A sheet to write, as plain data: both workbook adapters (the add-in and the command line) write exactly this,
 * so the task pane and the command line produce the same sheet.
 */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  /** Fill colour, RGB hex without "#". */
  fill?: string;
  color?: string;
  align?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
  indent?: number;
  /** A cell the user may type in when the sheet is protected (`protect`); every other cell stays locked. */
  unlocked?: boolean;
}

export type LayoutValue = string | number | null;

/** Consecutive rows of one height in points (1-based, inclusive): rows not listed keep the default height. */
export interface RowHeightRun {
  from: number;
  to: number;
  height: number;
}

/**
 * A native bar chart drawn over cells of the same sheet: one category per row of `categories`, one series per
 * status, stacked. Ranges are A1 references in this sheet; colours are RGB hex without "#".
 */
export interface ChartSpec {
  /** The cells the chart covers, e.g. `A17:K32`. */
  anchor: string;
  title: string;
  /** The category labels (the groups), e.g. `B12:B14`. */
  categories: string;
  series: { name: string; values: string; color: string }[];
  /** Number format of the label on each segment (its count; a format that hides 0); absent or null: no labels. */
  labelFormat?: string | null;
}

export interface SheetLayout {
  name: string;
  font: string;
  /** Rectangular: every row has `width` cells. */
  values: LayoutValue[][];
  /** Excel number format per cell ("@" forces text); null is General. */
  formats: (string | null)[][];
  merges: string[];
  styles: { range: string; style: CellStyle }[];
  /** Column widths in characters. */
  widths: number[];
  hiddenColumns: number[];
  /** Links to a cell of another sheet of the same workbook. */
  links: { cell: string; sheet: string; address: string }[];
  freezeRows: number;
  print: { landscape: boolean; fitToWidth: boolean; titleRows: [number, number] | null };
  /** 1-based rows that start a new printed page (manual page breaks). */
  pageBreaks: number[];
  /** Row heights fitted to the text, as runs of equal height: LayoutBuilder.build() estimates them (core/row-heights.ts). */
  rowHeights: RowHeightRun[];
  chart: ChartSpec | null;
  /** Protected without a password: only `unlocked` cells can be typed in (a unit's file, contract section 7). */
  protect?: boolean;
}

/** Text an adapter must never let Excel read as a formula (docs/rules.md). */
export function looksLikeFormula(value: LayoutValue): boolean {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value);
}

/** Everything of a layout but its cells, unstyled: no merges, widths, links, heights or chart; A4 landscape. */
export function plainLayout(name: string, font = "Times New Roman"): Omit<SheetLayout, "values" | "formats"> {
  return {
    name,
    font,
    merges: [],
    styles: [],
    widths: [],
    hiddenColumns: [],
    links: [],
    freezeRows: 0,
    print: { landscape: true, fitToWidth: true, titleRows: null },
    pageBreaks: [],
    rowHeights: [],
    chart: null,
  };
}

/** Text cut to what one Excel cell holds (a sheet's note may be longer): never half a surrogate pair. */
function fitCell(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const code = text.charCodeAt(MAX_CELL_TEXT - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT);
}

/** Builds a SheetLayout cell by cell with 0-based coordinates. */
export class LayoutBuilder {
  private readonly values: LayoutValue[][] = [];
  private readonly formats: (string | null)[][] = [];
  private readonly layout: Omit<SheetLayout, "values" | "formats">;

  constructor(
    name: string,
    private readonly width: number,
    font = "Times New Roman",
  ) {
    this.layout = plainLayout(name, font);
  }

  get rowCount(): number {
    return this.values.length;
  }

  put(row: number, column: number, value: LayoutValue, format: string | null = null): this {
    while (this.values.length <= row) {
      this.values.push(new Array<LayoutValue>(this.width).fill(null));
      this.formats.push(new Array<string | null>(this.width).fill(null));
    }
    this.values[row][column] = typeof value === "string" ? fitCell(value) : value;
    this.formats[row][column] = looksLikeFormula(value) ? "@" : format;
    return this;
  }

  /** Writes values left to right from (row, column). */
  putRow(row: number, column: number, values: readonly LayoutValue[]): this {
    values.forEach((v, i) => this.put(row, column + i, v));
    return this;
  }

  merge(row: number, column: number, lastRow: number, lastColumn: number): this {
    this.put(lastRow, lastColumn, this.values[lastRow]?.[lastColumn] ?? null);
    this.layout.merges.push(range(row, column, lastRow, lastColumn));
    return this;
  }

  style(row: number, column: number, lastRow: number, lastColumn: number, style: CellStyle): this {
    this.layout.styles.push({ range: range(row, column, lastRow, lastColumn), style });
    return this;
  }

  link(row: number, column: number, sheet: string, address: string): this {
    this.layout.links.push({ cell: cellAddress(row, column), sheet, address });
    return this;
  }

  set(settings: Partial<Omit<SheetLayout, "values" | "formats" | "name" | "rowHeights">>): this {
    Object.assign(this.layout, settings);
    return this;
  }

  /** The finished layout, with the row heights its text needs (from values, styles, widths, merges, hidden columns). */
  build(): SheetLayout {
    const layout: SheetLayout = {
      ...this.layout,
      values: this.values.map((r) => [...r]),
      formats: this.formats.map((r) => [...r]),
    };
    layout.rowHeights = rowHeightRuns(layout);
    return layout;
  }
}

export function range(row: number, column: number, lastRow: number, lastColumn: number): string {
  const first = cellAddress(row, column);
  const last = cellAddress(lastRow, lastColumn);
  return first === last ? first : `${first}:${last}`;
}

/** Number format for a figure: grouped thousands, decimals only when the value has them. */
export function figureFormat(value: number | null): string | null {
  if (value === null) return null;
  return Number.isInteger(value) ? "#,##0" : "#,##0.0#";
}

export const PERCENT_FORMAT = "0.0%";
