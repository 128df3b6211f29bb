import { cellStyles, type CellStyle, type LayoutValue, type SheetLayout } from "../core";
import { columnLetters, hyperlinkFormula, parseA1, rectAddress } from "../core/a1";

/**
 * How a SheetLayout becomes Office.js writes, as plain data: blocks of cells (number formats, then values),
 * one rectangle per run of cells sharing one style property, column widths. Pure, so that the adapter stays
 * thin and the payload of a request can be estimated before it is sent.
 */

/**
 * The request Office.js sends is JSON: an object path plus its Instantiate action for every proxy reached
 * (`getRange("K20")`, `.format`, `.fill`), and one action per property set or method call. These are their
 * sizes in office.js's own serialisation once ids run to six digits and actions carry their lists of paths
 * (measured in test/addin/office-js-requests.test.ts), so that a request is not bigger than estimated.
 */
export const PATH_BYTES = 160;
export const SET_BYTES = 130;

export interface CellBlock {
  row: number;
  rows: number;
  columns: number;
  /** Number formats to set first ("" is General): "@" makes a cell text, so a value can never turn into a formula or a date. */
  formats: string[][];
  values: (string | number)[][];
  bytes: number;
}

/**
 * Office.js parses strings written to a General cell the way Excel parses typing: `=…` becomes a formula,
 * `7-8` a date, `5.065` a number in an English locale. Every string is therefore written into a text ("@")
 * cell, whatever core asked; numbers keep core's format.
 */
export function officeFormat(value: LayoutValue, format: string | null): string {
  if (typeof value === "string") return "@";
  return format ?? "General";
}

/** JSON size of a value in UTF-8, close enough to budget a request. */
export function jsonBytes(value: string | number | boolean | null): number {
  if (value === null) return 4;
  if (typeof value !== "string") return String(value).length;
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    bytes += code < 0x20 || code === 0x22 || code === 0x5c ? 6 : code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** The cells of a layout in blocks of whole rows, each at most `maxBytes` (a single huge row stays one block). */
export function cellBlocks(layout: SheetLayout, maxBytes = 1_000_000): CellBlock[] {
  const columns = Math.max(0, ...layout.values.map((r) => r.length));
  const links = new Map(
    layout.links.map((link) => {
      const { row, column } = parseA1(link.cell);
      return [`${row},${column}`, "=" + hyperlinkFormula(link.sheet, link.address, String(layout.values[row]?.[column] ?? link.address))];
    }),
  );
  const blocks: CellBlock[] = [];
  let block: CellBlock | null = null;
  layout.values.forEach((row, r) => {
    const formats: string[] = [];
    const values: (string | number)[] = [];
    let bytes = 8;
    for (let c = 0; c < columns; c++) {
      const link = links.get(`${r},${c}`);
      const value = link ?? row[c] ?? null;
      // "" is General (the new sheet's format anyway) in two bytes instead of nine
      const office = link ? "General" : officeFormat(value, layout.formats[r]?.[c] ?? null);
      const format = office === "General" ? "" : office;
      formats.push(format);
      values.push(value ?? "");
      bytes += jsonBytes(format) + jsonBytes(value ?? "") + 2;
    }
    if (!block || block.bytes + bytes > maxBytes) {
      block = { row: r, rows: 0, columns, formats: [], values: [], bytes: PATH_BYTES + 2 * SET_BYTES };
      blocks.push(block);
    }
    block.rows++;
    block.formats.push(formats);
    block.values.push(values);
    block.bytes += bytes;
  });
  return blocks.filter((b) => b.columns > 0);
}

export type StyleKey = keyof CellStyle;
export type StyleValue = string | number | boolean;

export interface StyleRect {
  key: StyleKey;
  value: StyleValue;
  range: string;
}

const STYLE_KEYS: StyleKey[] = ["border", "fill", "color", "bold", "italic", "underline", "size", "align", "wrap", "indent"];

type StyleGrid = (StyleValue | undefined)[][];

/** Each style property of each cell, from core's one resolution of the layout's styles (later ranges add to earlier ones). */
export function resolveStyles(layout: SheetLayout): Map<StyleKey, StyleGrid> {
  const styles = cellStyles(layout);
  const grids = new Map<StyleKey, StyleGrid>();
  for (const key of STYLE_KEYS)
    grids.set(
      key,
      styles.map((row) => row.map((style) => style[key])),
    );
  return grids;
}

/**
 * Covers each style property with as few rectangles as it can: runs of equal cells in a row, stacked over
 * the rows that repeat them. Property by property, so that a bordered table is one rectangle whatever the
 * fills of its status column.
 */
export function styleRects(layout: SheetLayout): StyleRect[] {
  const rows = layout.values.length;
  const columns = Math.max(0, ...layout.values.map((r) => r.length));
  const grids = resolveStyles(layout);
  const out: StyleRect[] = [];
  for (const key of STYLE_KEYS) {
    const grid = grids.get(key)!;
    type Open = { row: number; lastRow: number; column: number; lastColumn: number; value: StyleValue };
    let open = new Map<string, Open>();
    const done: Open[] = [];
    for (let r = 0; r < rows; r++) {
      const next = new Map<string, Open>();
      let c = 0;
      while (c < columns) {
        const value = grid[r][c];
        if (value === undefined || value === false || value === 0) {
          c++;
          continue;
        }
        let last = c;
        while (last + 1 < columns && grid[r][last + 1] === value) last++;
        const id = `${c}:${last}:${String(value)}`;
        const above = open.get(id);
        if (above && above.lastRow === r - 1) {
          above.lastRow = r;
          next.set(id, above);
        } else {
          const rect = { row: r, lastRow: r, column: c, lastColumn: last, value };
          done.push(rect);
          next.set(id, rect);
        }
        c = last + 1;
      }
      open = next;
    }
    for (const rect of done) {
      out.push({
        key,
        value: rect.value,
        range: rectAddress({
          row: rect.row,
          column: rect.column,
          rows: rect.lastRow - rect.row + 1,
          columns: rect.lastColumn - rect.column + 1,
        }),
      });
    }
  }
  return out;
}

/** Core's row-height runs as whole-row ranges (`12:15`), one rowHeight each: for hosts without ExcelApi 1.9. */
export function rowHeightRanges(layout: SheetLayout): RowHeightWrite[] {
  return layout.rowHeights.map((run) => {
    const address = `${run.from}:${run.to}`;
    return { address, points: run.height, bytes: 2 * PATH_BYTES + SET_BYTES + address.length };
  });
}

/** Excel refuses a multiple-area address longer than this, as it does in its own Range("…") references. */
export const AREAS_ADDRESS_LIMIT = 255;

/**
 * Areas grouped by a key (a height, a set of style properties) into multiple-area addresses of at most
 * AREAS_ADDRESS_LIMIT characters (`11:11,18:18,953:1019`), in the order the areas come: one getRanges each.
 */
export function areaAddresses<T>(areas: readonly { area: string; key: string; value: T }[]): { address: string; value: T }[] {
  const byKey = new Map<string, { value: T; areas: string[] }>();
  for (const { area, key, value } of areas) {
    const group = byKey.get(key) ?? byKey.set(key, { value, areas: [] }).get(key)!;
    group.areas.push(area);
  }
  const out: { address: string; value: T }[] = [];
  for (const { value, areas: group } of byKey.values()) {
    let address = "";
    for (const area of group) {
      if (address !== "" && address.length + 1 + area.length > AREAS_ADDRESS_LIMIT) {
        out.push({ address, value });
        address = "";
      }
      address = address === "" ? area : `${address},${area}`;
    }
    if (address !== "") out.push({ address, value });
  }
  return out;
}

/**
 * Core's row-height runs grouped by height into multiple-area addresses, one `getRanges(…).format.rowHeight`
 * each (ExcelApi 1.9): a summary of 5,000 rows has some 800 runs but two heights, and its write must stay one
 * request.
 */
export function rowHeightAreas(layout: SheetLayout): RowHeightWrite[] {
  const runs = layout.rowHeights.map((run) => ({ area: `${run.from}:${run.to}`, key: String(run.height), value: run.height }));
  return areaAddresses(runs).map(({ address, value: points }) => ({ address, points, bytes: 2 * PATH_BYTES + SET_BYTES + address.length }));
}

export interface RowHeightWrite {
  /** Whole rows: `12:15`, or several areas `11:11,18:18` for getRanges. */
  address: string;
  points: number;
  bytes: number;
}

/** The style properties of one rectangle, set through one getRange and one `format`. */
export interface StyleGroup {
  range: string;
  props: Partial<Record<StyleKey, StyleValue>>;
  bytes: number;
}

/** Rectangles of different properties that cover the same cells share one range (a status cell: fill, colour, bold). */
export function styleGroups(layout: SheetLayout): StyleGroup[] {
  const groups = new Map<string, Partial<Record<StyleKey, StyleValue>>>();
  for (const rect of styleRects(layout)) {
    const props = groups.get(rect.range) ?? groups.set(rect.range, {}).get(rect.range)!;
    props[rect.key] = rect.value;
  }
  return [...groups].map(([range, props]) => styleGroup(range, props));
}

/**
 * The style groups with the same properties as multiple-area addresses, one `getRanges(…).format` each
 * (ExcelApi 1.9): a summary of 5,000 rows has some 4,000 status cells but a handful of statuses, and its write
 * must stay one request. A bordered group keeps its own range: its edges depend on the rectangle's shape.
 */
export function styleAreaGroups(layout: SheetLayout): StyleGroup[] {
  const groups = styleGroups(layout);
  const plain = groups.filter((group) => !group.props.border);
  const areas = plain.map((group) => ({ area: group.range, key: propsKey(group.props), value: group.props }));
  return [...groups.filter((group) => group.props.border), ...areaAddresses(areas).map(({ address, value }) => styleGroup(address, value))];
}

function propsKey(props: StyleGroup["props"]): string {
  return JSON.stringify(STYLE_KEYS.map((key) => props[key] ?? null));
}

function styleGroup(range: string, props: StyleGroup["props"]): StyleGroup {
  const keys = Object.keys(props) as StyleKey[];
  const font = keys.some((k) => k === "color" || k === "bold" || k === "italic" || k === "underline" || k === "size");
  let bytes = 2 * PATH_BYTES + range.length + (font ? PATH_BYTES : 0) + (props.fill ? PATH_BYTES : 0) + keys.length * (SET_BYTES + 10);
  if (props.border) bytes += 6 * (PATH_BYTES + 3 * SET_BYTES);
  return { range, props, bytes };
}

/** Column width in points from a width in characters: about 7 pixels a character plus 5 of padding, 0.75 pt a pixel. */
export function columnPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Consecutive columns of equal width as one range each: `A:A`, `H:J`. */
export function widthRanges(widths: readonly number[]): { range: string; points: number }[] {
  const out: { range: string; points: number }[] = [];
  let start = 0;
  for (let c = 1; c <= widths.length; c++) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    out.push({ range: `${columnLetters(start)}:${columnLetters(c - 1)}`, points: columnPoints(widths[start]) });
    start = c;
  }
  return out;
}

/** A column's letters as a whole-column range: 11 → `L:L`. */
export function columnRange(column: number): string {
  const letters = columnLetters(column);
  return `${letters}:${letters}`;
}
